"""Computer players by name, for the command line, tournaments and the new-game screen."""

from __future__ import annotations

from game.ai.base import Controller
from game.ai.baselines import PassiveAI, RandomAI
from game.ai.standard import SKILLS, StandardAI

AI_NAMES = ("standard", *SKILLS, "random", "passive")


def make_ai(name: str) -> Controller:
    if name == "standard":
        return StandardAI("normal")
    if name in SKILLS:
        return StandardAI(name)
    if name == "random":
        return RandomAI()
    if name == "passive":
        return PassiveAI()
    raise ValueError(f"unknown computer player '{name}'; choose from {', '.join(AI_NAMES)}")
