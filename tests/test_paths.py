"""Where the player's files go: the system's per-user folders (through platformdirs), or one folder
named by BILATERAL_HOME. The rest of the suite always sets BILATERAL_HOME; these tests also call the
installed platformdirs as the game does, so the dependency floor check covers it."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from game import logs, paths


def test_without_bilateral_home_the_systems_per_user_folders_are_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("BILATERAL_HOME", raising=False)
    assert paths.data_dir() == Path(platformdirs.user_data_dir("bilateral", appauthor=False))
    assert paths.config_dir() == Path(platformdirs.user_config_dir("bilateral", appauthor=False))
    assert paths.logs_dir() == Path(platformdirs.user_log_dir("bilateral", appauthor=False))
    assert {paths.saves_dir().parent, paths.autosaves_dir().parent, paths.mods_dir().parent} == {
        paths.data_dir()
    }
    assert logs.log_file().parent == paths.logs_dir()
    for folder in (paths.data_dir(), paths.config_dir(), paths.logs_dir()):
        assert folder.is_absolute() and "bilateral" in folder.parts


def test_bilateral_home_keeps_every_file_in_one_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BILATERAL_HOME", str(tmp_path))
    folders = [
        paths.saves_dir(),
        paths.autosaves_dir(),
        paths.mods_dir(),
        paths.config_dir(),
        paths.logs_dir(),
    ]
    assert all(folder.parent == tmp_path for folder in folders)
    assert len(set(folders)) == len(folders)
