"""The only code that applies actions to the state. Every action is checked first; a refused one
changes nothing and comes back with its reason. What a kind does is declared with the kind
(game/core/kinds); here its cost is paid and its effect applied."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.core.actions import Action
from game.core.events import Event
from game.core.model import GameState, Proposal
from game.core.registry import ACTION_KINDS
from game.core.rules import refusal
from game.core.why import Refusal


@dataclass(slots=True)
class Outcome:
    """What applying an action did: refused with a reason, or done with its news."""

    reason: Refusal | None = None
    events: list[Event] = field(default_factory=list)
    proposal: Proposal | None = None  # a proposal that now waits for its recipient's answer

    @property
    def ok(self) -> bool:
        return self.reason is None


def apply(state: GameState, action: Action) -> Outcome:
    reason = refusal(state, action)
    if reason is not None:
        return Outcome(reason)
    first_event = len(state.events)
    kind = ACTION_KINDS[type(action)]
    region = state.regions[action.actor]
    region.actions_left -= kind.cost.diplomatic
    if kind.cost.visit:
        region.visit_used = True
    if kind.cost.gold is not None:
        region.treasury -= kind.cost.gold(state, action)
    proposal = kind.effect(state, action)
    return Outcome(None, state.events[first_event:], proposal)
