"""Aid: gold sent to another region, which it remembers."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.core import actions as A
from game.core.checks import embargo_between, peaceful_region
from game.core.diplomacy import news
from game.core.kinds.base import ActionKind, Control, Cost
from game.core.model import GameState
from game.core.relations import add_effect
from game.core.why import Refusal, Why, refuse

if TYPE_CHECKING:
    from game.core.view import View


def _check(state: GameState, a: A.SendAid) -> Refusal | None:
    found = peaceful_region(state, a.actor, a.target)
    if found:
        return found
    if not (math.isfinite(a.amount) and a.amount > 0):
        return refuse(Why.NOT_A_SUM)
    if embargo_between(state, a.actor, a.target):
        return refuse(Why.EMBARGO_BETWEEN, region=a.target)
    return None


def _send(state: GameState, a: A.SendAid) -> None:
    """The gold arrives; the smaller their economy, the more a sum means to them."""
    taker = state.regions[a.target]
    taker.treasury += a.amount
    effect = state.rules.opinion.aid
    weight = state.rules.aid_opinion_scale * a.amount / max(taker.economy, 1.0)
    if effect.value > 0:
        add_effect(state, a.target, a.actor, "aid", effect, min(weight, effect.value) / effect.value)
    news(state, "aid_sent", a.actor, a.target, amount=round(a.amount, 2))


def _offers(view: View, target: str | None) -> Iterator[A.SendAid]:
    if target is not None:
        yield A.SendAid(view.me, target, 1.0)


KINDS = (
    ActionKind(
        A.SendAid,
        "Send aid",
        "Give gold: their opinion of you rises, the more so the smaller their economy, and gold "
        "helps an ally in a crisis pay for its army.",
        Control.AID_DIALOG,
        _check,
        _send,
        _offers,
        Cost(diplomatic=1, gold=lambda state, a: a.amount),
    ),
)
