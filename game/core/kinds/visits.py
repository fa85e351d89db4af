"""State visits: the ruler travels (once a turn, at a cost in gold) and the host may receive it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.core import actions as A
from game.core.checks import peaceful_region
from game.core.diplomacy import news, propose
from game.core.kinds.base import ActionKind, Control, Cost, ProposalRule
from game.core.model import GameState, Proposal, Terms
from game.core.relations import add_effect, affinity, at_war, modifier_value
from game.core.why import Refusal, Why, refuse

if TYPE_CHECKING:
    from game.core.view import View


def _check(state: GameState, a: A.StateVisit) -> Refusal | None:
    return peaceful_region(state, a.actor, a.target)


def _visit(state: GameState, a: A.StateVisit) -> Proposal:
    return propose(state, "visit", a.actor, a.target, Terms())


def _offers(view: View, target: str | None) -> Iterator[A.StateVisit]:
    if target is not None:
        yield A.StateVisit(view.me, target)


def _received(state: GameState, p: Proposal) -> None:
    """Goodwill, more between kin, less for a visit soon after the last."""
    visitor, host, rules = p.sender, p.recipient, state.rules
    welcome = rules.opinion.state_visit
    scale = 1.0 + rules.visit_kin_bonus * affinity(state, host, visitor)
    earlier = max(0.0, modifier_value(state, host, visitor, "state_visit"))
    fresh = max(rules.visit_least_fresh, 1.0 - earlier / (2 * welcome.value)) if welcome.value > 0 else 1.0
    add_effect(state, host, visitor, "state_visit", welcome, scale * fresh)
    add_effect(state, visitor, host, "state_visit", rules.opinion.visitor)
    news(state, "state_visit", visitor, host)


def _receivable(state: GameState, p: Proposal) -> Refusal | None:
    if at_war(state, p.sender, p.recipient):
        return refuse(Why.AT_WAR, region=p.sender)
    return None


KINDS = (
    ActionKind(
        A.StateVisit,
        "State visit",
        "Your ruler visits, if the host receives them: goodwill that fades slowly, more between "
        "kin, less soon after the last visit. One a turn; the journey is paid even if refused.",
        Control.REGION,
        _check,
        _visit,
        _offers,
        Cost(visit=True, gold=lambda state, a: state.rules.visit_cost),
    ),
)

PROPOSALS = (ProposalRule("visit", _received, acceptable=_receivable),)
