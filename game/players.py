"""Every player a seat can take by name: the computer players of every level and the gauntlet's
scripted strategies. Tournaments, the ladder and the research environment seat them alike."""

from __future__ import annotations

from game.ai.base import Controller
from game.ai.registry import AI_NAMES, make_ai
from game.ai.scripted import STRATEGIES, scripted_player

PLAYER_NAMES = (*AI_NAMES, *STRATEGIES)
# What `--ais all` seats: every level and every strategy once ("standard" is "normal" by another name).
EVERY_PLAYER = tuple(name for name in PLAYER_NAMES if name != "standard")


def make_player(name: str, skill: str = "normal") -> Controller:
    """A fresh player; a strategy answers and votes as a standard player of `skill` would."""
    if name in STRATEGIES:
        return scripted_player(name, skill)
    if name in AI_NAMES:
        return make_ai(name)
    raise ValueError(f"unknown player '{name}'; choose from {', '.join(PLAYER_NAMES)}")
