"""Investment: gold put into the economy (slower the larger it is) or the army."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.core import actions as A
from game.core.diplomacy import news
from game.core.kinds.base import ActionKind, Control, Cost
from game.core.model import GameState
from game.core.why import Refusal, Why, refuse

if TYPE_CHECKING:
    from game.core.view import View


def _check(state: GameState, a: A.Invest) -> Refusal | None:
    if a.field not in ("economy", "military"):
        return refuse(Why.NO_SUCH_FIELD)
    if not (math.isfinite(a.amount) and a.amount > 0):
        return refuse(Why.NOT_A_SUM)
    if a.field == "military":
        room = recruits_left(state, a.actor)
        if gain(state, a.actor, "military", a.amount) > room + 1e-9:
            return refuse(Why.MOBILISED, most=round(room, 1))
    return None


def recruits_left(state: GameState, region_id: str) -> float:
    """The army a region may still raise this turn: `mobilisation` per point of its economy."""
    region = state.regions[region_id]
    return max(0.0, state.rules.mobilisation * region.economy - region.raised)


def gain(state: GameState, region_id: str, field: str, amount: float) -> float:
    """What `amount` gold buys: army at a fixed rate, economy more slowly the larger it is."""
    rules, region = state.rules, state.regions[region_id]
    if field == "military":
        return amount * rules.invest_military_rate
    return amount * rules.invest_economy_rate * rules.economy_scale / (rules.economy_scale + region.economy)


def _invest(state: GameState, a: A.Invest) -> None:
    region = state.regions[a.actor]
    added = gain(state, a.actor, a.field, a.amount)
    if a.field == "economy":
        region.economy += added
        state.economy_changed()
    else:
        region.military += added
        region.raised += added
    news(state, "invest", a.actor, field=a.field, amount=round(a.amount, 2))


def _offers(view: View, target: str | None) -> Iterator[A.Invest]:
    if target is None:
        yield A.Invest(view.me, "economy", 1.0)


KINDS = (
    ActionKind(
        A.Invest,
        "Invest",
        "Put gold into your economy (income for good, slower the larger it is) or your army "
        "(which costs upkeep every turn; a turn raises at most as much army as your economy). "
        "Not a diplomatic action.",
        Control.INVEST_DIALOG,
        _check,
        _invest,
        _offers,
        Cost(gold=lambda state, a: a.amount),
    ),
)
