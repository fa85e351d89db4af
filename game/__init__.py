"""Bilateral, a turn-based diplomacy game."""

import os

__version__ = "0.1.0"

# pygame greets on import; the game's own output (JSON reports above all) must stay clean.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
