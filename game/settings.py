"""The player's settings: language, interface size and full screen, kept in the per-user config folder.

The file is read defensively: it may be missing, damaged or edited by hand, so every field that
is absent or wrong falls back to its default on its own, and nothing here ever raises on reading.
Writing is atomic, like a save.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from game import paths
from game.files import read_capped
from game.i18n import LANGUAGES, system_language
from game.saves import write_atomic

FILE_NAME = "settings.json"
UI_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)  # the choices offered; a hand-edited value in between is kept
MAX_SETTINGS_BYTES = 64 * 1024  # far more than the file needs: anything bigger is not ours


@dataclass(frozen=True, slots=True)
class Settings:
    language: str  # "en" or "pl"
    ui_scale: float = 1.0  # the interface drawn this many times larger (as far as the window allows)
    fullscreen: bool = False


def defaults() -> Settings:
    """A first start follows the system's language."""
    return Settings(language=system_language())


def settings_file() -> Path:
    return paths.config_dir() / FILE_NAME


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings; a missing or unreadable file gives the defaults."""
    path = path or settings_file()
    try:
        data = read_capped(path, MAX_SETTINGS_BYTES)  # a regular file only: a FIFO would block for good
    except OSError:
        return defaults()
    try:
        document = json.loads(data.decode("utf-8-sig"))  # an editor may have put a BOM in front
    except (UnicodeDecodeError, ValueError, RecursionError):
        return defaults()
    return from_data(document)


def from_data(document: object) -> Settings:
    """Settings from parsed JSON: each field that is missing or wrong gets its default."""
    fallback = defaults()
    if not isinstance(document, dict):
        return fallback
    language = document.get("language")
    scale = _scale(document.get("ui_scale"))
    fullscreen = document.get("fullscreen")
    return Settings(
        language=language if language in LANGUAGES else fallback.language,
        ui_scale=fallback.ui_scale if scale is None else scale,
        fullscreen=fullscreen if isinstance(fullscreen, bool) else fallback.fullscreen,
    )


def _scale(value: object) -> float | None:
    """A number within the offered range, or None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not UI_SCALES[0] <= value <= UI_SCALES[-1]:  # compared as it is: a huge int has no float
        return None
    return float(value)


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings atomically; raises SaveError (and keeps the old file) when it cannot."""
    path = path or settings_file()
    text = json.dumps(asdict(settings), indent=2, sort_keys=True) + "\n"
    write_atomic(path, text.encode("utf-8"), keep_backup=False)
    return path
