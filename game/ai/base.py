"""What every computer player provides. It reads a View and returns actions; never the state."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from game.core.actions import Action
from game.core.messages import Msg
from game.core.model import Proposal, Resolution, Term
from game.core.rng import Rng
from game.core.view import View


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason behind an answer, with its weight: "You broke a pact with our ally: -30"."""

    text: Msg
    weight: float


@dataclass(frozen=True, slots=True)
class Decision:
    """An answer and its reasons; a deal refused may carry the terms the player would take instead."""

    accept: bool
    reasons: tuple[Reason, ...]
    counter: tuple[Term, ...] = ()

    @property
    def total(self) -> float:
        return sum(r.weight for r in self.reasons)


class Controller(Protocol):
    name: str

    def plan(self, view: View, rng: Rng) -> list[Action]:
        """This turn's actions in order of preference; the session applies those still legal."""
        ...

    def answer(self, view: View, proposal: Proposal, rng: Rng) -> Decision: ...

    def vote(self, view: View, resolution: Resolution, rng: Rng) -> bool: ...
