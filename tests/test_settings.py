"""The player's settings file: kept between runs, and never a reason for the game not to start."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from game import paths
from game.saves import SaveError
from game.settings import Settings, defaults, load_settings, save_settings, settings_file


@pytest.fixture(autouse=True)
def polish_system(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A Polish system and a config folder of each test's own."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "pl_PL.UTF-8")
    monkeypatch.setenv("BILATERAL_HOME", str(tmp_path))


def test_without_a_file_the_language_follows_the_system() -> None:
    assert not settings_file().exists()
    assert load_settings() == Settings(language="pl", ui_scale=1.0, fullscreen=False)


def test_settings_are_kept_between_runs() -> None:
    chosen = Settings(language="en", ui_scale=1.5, fullscreen=True)
    path = save_settings(chosen)
    assert path == settings_file()
    assert path.parent == paths.config_dir()
    assert load_settings() == chosen
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "fullscreen": True,
        "language": "en",
        "ui_scale": 1.5,
    }


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        b"\xff\xfe not text",
        b"[1, 2, 3]",
        b"null",
        b"[" * 50_000,  # nested too deeply for the parser
        b'{"language": "en"' + b" " * 70_000 + b"}",
    ],
)
def test_a_broken_file_gives_the_defaults(content: bytes) -> None:
    settings_file().parent.mkdir(parents=True)
    settings_file().write_bytes(content)
    assert load_settings() == defaults()


def test_a_hand_edited_file_keeps_its_good_fields_and_defaults_the_bad_ones() -> None:
    settings_file().parent.mkdir(parents=True)
    settings_file().write_text(
        json.dumps({"language": "klingon", "ui_scale": 1.3, "fullscreen": "yes", "colour": "blue"}),
        encoding="utf-8",
    )
    assert load_settings() == Settings(language="pl", ui_scale=1.3, fullscreen=False)


@pytest.mark.parametrize("scale", [0.5, 9, "1.5", True, None, [1.5]])
def test_an_interface_size_out_of_range_or_not_a_number_is_the_default(scale: object) -> None:
    settings_file().parent.mkdir(parents=True)
    settings_file().write_text(json.dumps({"language": "en", "ui_scale": scale}), encoding="utf-8")
    assert load_settings() == Settings(language="en", ui_scale=1.0)


def test_not_a_number_is_the_default_size() -> None:
    settings_file().parent.mkdir(parents=True)
    settings_file().write_text('{"ui_scale": NaN, "fullscreen": true}', encoding="utf-8")
    assert load_settings() == Settings(language="pl", ui_scale=1.0, fullscreen=True)


def test_a_failed_write_raises_and_keeps_the_old_file(monkeypatch: pytest.MonkeyPatch) -> None:
    save_settings(Settings(language="en", ui_scale=1.25))
    before = settings_file().read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(SaveError):
        save_settings(Settings(language="pl", ui_scale=2.0))
    assert settings_file().read_bytes() == before
    assert [p.name for p in settings_file().parent.iterdir()] == [settings_file().name]
