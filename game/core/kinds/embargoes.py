"""Embargoes: cut trade with a region, and lift the cut."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.core import actions as A
from game.core.checks import other_region
from game.core.diplomacy import end_treaty, lift_embargo, news
from game.core.kinds.base import ActionKind, Control, Cost
from game.core.model import GameState
from game.core.organisations import justified_embargo
from game.core.relations import change_reputation, set_modifier, treaty_between
from game.core.why import Refusal, Why, refuse

if TYPE_CHECKING:
    from game.core.view import View


def _impose_check(state: GameState, a: A.ImposeEmbargo) -> Refusal | None:
    found = other_region(state, a.actor, a.target)
    if found:
        return found
    if (a.actor, a.target) in state.embargoes:
        return refuse(Why.HAS_EMBARGO, region=a.target)
    if (a.actor, a.target) in state.pledges:
        return refuse(Why.PLEDGED, region=a.target, turns=state.pledges[(a.actor, a.target)])
    return None


def _impose(state: GameState, a: A.ImposeEmbargo) -> None:
    impose_embargo(state, a.actor, a.target)


def impose_embargo(state: GameState, by: str, on: str, *, deal_with: str | None = None) -> None:
    """Trade ends; an embargo that nothing justifies costs the imposer some trust (`deal_with`:
    the region whose embargo `by` joins through a deal)."""
    if not justified_embargo(state, by, on):
        change_reputation(state, by, -state.rules.embargo_reputation)
    trade = treaty_between(state, by, on, "trade")
    if trade is not None:
        end_treaty(state, trade, broken_by=by, why="embargo")
    state.embargoes.add((by, on))
    set_modifier(state, on, by, "embargo", state.rules.opinion.embargo.value)
    if deal_with is None:  # the news of a plain embargo keeps its old form (saved games hash it)
        news(state, "embargo_imposed", by, on)
    else:
        news(state, "embargo_imposed", by, on, deal_with=deal_with)


def _impose_offers(view: View, target: str | None) -> Iterator[A.ImposeEmbargo]:
    if target is not None and (view.me, target) not in view.embargoes():
        yield A.ImposeEmbargo(view.me, target)


def _lift_check(state: GameState, a: A.LiftEmbargo) -> Refusal | None:
    if (a.actor, a.target) not in state.embargoes:
        return refuse(Why.NO_EMBARGO, region=a.target)
    return None


def _lift(state: GameState, a: A.LiftEmbargo) -> None:
    lift_embargo(state, a.actor, a.target)


def _lift_offers(view: View, target: str | None) -> Iterator[A.LiftEmbargo]:
    if target is not None and (view.me, target) in view.embargoes():
        yield A.LiftEmbargo(view.me, target)


KINDS = (
    ActionKind(
        A.ImposeEmbargo,
        "Embargo",
        "Cut trade and aid with them: their income falls, yours a little. Unless they are an "
        "enemy, an ally's enemy, condemned or rogue, it costs reputation, and a trade body may "
        "condemn an embargo on a fellow member.",
        Control.REGION,
        _impose_check,
        _impose,
        _impose_offers,
        Cost(diplomatic=1),
    ),
    ActionKind(
        A.LiftEmbargo,
        "Lift embargo",
        "End your embargo on them; trade may start again.",
        Control.REGION,
        _lift_check,
        _lift,
        _lift_offers,
        Cost(diplomatic=1),
    ),
)
