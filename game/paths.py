"""Where the game keeps the player's files: saves, autosaves, settings, logs and mods.

The per-user folders of the system (through platformdirs), or one folder named by the
environment variable BILATERAL_HOME, for portable installs and tests.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "bilateral"


def home() -> Path | None:
    value = os.environ.get("BILATERAL_HOME")
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    return home() or Path(platformdirs.user_data_dir(APP, appauthor=False))


def saves_dir() -> Path:
    return data_dir() / "saves"


def autosaves_dir() -> Path:
    return data_dir() / "autosaves"


def mods_dir() -> Path:
    return data_dir() / "mods"


def config_dir() -> Path:
    custom = home()
    return custom / "settings" if custom else Path(platformdirs.user_config_dir(APP, appauthor=False))


def logs_dir() -> Path:
    custom = home()
    return custom / "logs" if custom else Path(platformdirs.user_log_dir(APP, appauthor=False))
