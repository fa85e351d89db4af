"""What declares an action kind: its check, effect, cost, texts and the control that offers it.

Each module of this package declares a few kinds (`KINDS`) and the proposals they send
(`PROPOSALS`); game/core/registry.py gathers them. Texts are English gettext message ids: the
window translates them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from game.core.actions import Action
from game.core.config import Rules
from game.core.messages import Msg, msg
from game.core.model import GameState, Proposal, ProposalKind
from game.core.why import Refusal

if TYPE_CHECKING:
    from game.core.view import View

A = TypeVar("A", bound=Action)


class Control(Enum):
    """Where the window offers a kind."""

    REGION = "a button on the selected region's panel"
    HOME = "a button on our own region's panel"
    TREATY_DIALOG = "the treaty dialog"
    PEACE_DIALOG = "the peace dialog"
    DEAL_DIALOG = "the deal screen"
    AID_DIALOG = "the aid dialog"
    INVEST_DIALOG = "the investment dialog"
    INBOX = "the answer buttons of the inbox"
    BALLOT = "the vote buttons of a resolution"


@dataclass(frozen=True, slots=True)
class Cost(Generic[A]):
    """What taking an action uses up: diplomatic actions, the ruler's visit, gold now, and gold
    every turn while what it made lasts (an ambassador's upkeep)."""

    diplomatic: int = 0
    visit: bool = False
    gold: Callable[[GameState, A], float] | None = None
    upkeep: Callable[[Rules], float] | None = None


@dataclass(frozen=True, slots=True)
class ActionKind(Generic[A]):
    record: type[A]
    name: str  # what the kind is called: "Send an ambassador"
    help: str  # what it does and costs, in a sentence or two
    control: Control
    check: Callable[[GameState, A], Refusal | None]  # what the kind itself requires
    effect: Callable[[GameState, A], Proposal | None]  # after its cost is paid; a proposal it sends
    offers: Callable[[View, str | None], Iterable[A]]  # the actions worth showing for a region (None: home)
    cost: Cost[A] = field(default_factory=Cost)
    label: Callable[[GameState, A], Msg] | None = None  # a button's text where the name is not enough

    def caption(self, state: GameState, action: A) -> Msg:
        return self.label(state, action) if self.label is not None else msg(self.name)


def _nothing(state: GameState, proposal: Proposal) -> None:
    return None


def _no_objection(state: GameState, proposal: Proposal) -> Refusal | None:
    return None


@dataclass(frozen=True, slots=True)
class ProposalRule:
    """How a proposal of one kind is answered: what must still hold to accept it, what a yes
    does, and what a no or silence costs beyond being remembered."""

    kind: ProposalKind
    accepted: Callable[[GameState, Proposal], None]
    acceptable: Callable[[GameState, Proposal], Refusal | None] = _no_objection
    declinable: Callable[[GameState, Proposal], Refusal | None] = _no_objection
    rejected: Callable[[GameState, Proposal], None] = _nothing
    expired: Callable[[GameState, Proposal], None] = _nothing


AnyKind = ActionKind[Any]
