"""War: declare it, and the call to arms that brings a victim's allies in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.core import actions as A
from game.core.checks import other_region
from game.core.diplomacy import news, start_war
from game.core.kinds.base import ActionKind, Control, Cost, ProposalRule
from game.core.model import GameState, Proposal
from game.core.relations import add_effect, at_war, change_reputation, reachable, treaty_between, war_between
from game.core.why import Refusal, Why, refuse

if TYPE_CHECKING:
    from game.core.view import View


def _check(state: GameState, a: A.DeclareWar) -> Refusal | None:
    return war_problem(state, a.actor, a.target)


def war_problem(state: GameState, actor: str, target: str, *, means: bool = True) -> Refusal | None:
    """What stands in the way of `actor` declaring war on `target` (a deal's join_war term too);
    its army and treasury (`means`) only where whoever asks may know them."""
    found = other_region(state, actor, target)
    if found:
        return found
    if at_war(state, actor, target):
        return refuse(Why.ALREADY_AT_WAR, region=target)
    if treaty_between(state, actor, target, "alliance") is not None:
        return refuse(Why.ALLY, region=target)
    if not reachable(state, actor, target):
        return refuse(Why.UNREACHABLE, region=target)
    region = state.regions[actor]
    if not means:
        return None
    if region.military < state.rules.war_min_army:
        return refuse(Why.ARMY_TOO_SMALL, least=state.rules.war_min_army)
    if region.treasury < 0:
        return refuse(Why.IN_DEBT)
    return None


def victim_of(state: GameState, aggressor: str) -> str | None:
    """The first region that `aggressor` is waging a war of its own on, if any."""
    for war in state.wars_of(aggressor):
        if war.attacker == aggressor and war.ally_of is None:
            return war.defender
    return None


def _declare(state: GameState, a: A.DeclareWar) -> None:
    declare_war(state, a.actor, a.target)


def declare_war(state: GameState, actor: str, target: str) -> None:
    """War on a region that is itself waging a war of aggression joins its victim's defence."""
    start_war(state, actor, target, ally_of=victim_of(state, target))


def _offers(view: View, target: str | None) -> Iterator[A.DeclareWar]:
    if target is not None and view.war_with(target) is None:
        yield A.DeclareWar(view.me, target)


def _joined(state: GameState, p: Proposal) -> None:
    enemy = p.terms.about
    assert enemy is not None
    if war_between(state, p.sender, enemy) is not None and war_between(state, p.recipient, enemy) is None:
        start_war(state, p.recipient, enemy, ally_of=p.sender)
        add_effect(state, p.sender, p.recipient, "answered_call", state.rules.opinion.answered_call)


def _ignored(state: GameState, p: Proposal) -> None:
    """Declining a call to arms, or letting it go unanswered, is the same broken promise."""
    change_reputation(state, p.recipient, -state.rules.ignored_call_reputation)
    add_effect(state, p.sender, p.recipient, "ignored_call", state.rules.opinion.ignored_call)


def _left_unanswered(state: GameState, p: Proposal) -> None:
    if war_between(state, p.sender, p.terms.about or "") is not None:
        _ignored(state, p)
        news(state, "call_ignored", p.recipient, p.sender)


KINDS = (
    ActionKind(
        A.DeclareWar,
        "Declare war",
        "Attack a neighbour, or a region reachable through an ally's land. Treaties between you "
        "end (breaking a pact or truce costs reputation), their allies are called to arms, and "
        "a security body may condemn you. Needs an army and a treasury out of debt. War on a "
        "region that is attacking another joins its victim's defence instead: no blame.",
        Control.REGION,
        _check,
        _declare,
        _offers,
        Cost(diplomatic=1),
    ),
)

PROPOSALS = (ProposalRule("call_to_arms", _joined, rejected=_ignored, expired=_left_unanswered),)
