"""Bilateral, a turn-based diplomacy game."""

import os

# pygame greets on import; the game's own output (JSON reports above all) must stay clean.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
