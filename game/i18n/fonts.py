"""The game's font: DejaVu Sans, shipped in assets/fonts because it draws every Polish letter."""

from __future__ import annotations

from pathlib import Path

from game import data

FONT_DIR = data.assets_folder() / "fonts"
LICENSE = FONT_DIR / "LICENSE-DejaVu.txt"


def font_path(bold: bool = False) -> Path:
    return FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
