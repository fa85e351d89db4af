"""Ambassadors: send one, recall one, or expel another region's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.core import actions as A
from game.core.checks import peaceful_region
from game.core.diplomacy import news
from game.core.kinds.base import ActionKind, Control, Cost
from game.core.model import GameState
from game.core.relations import add_effect
from game.core.why import Refusal, Why, refuse

if TYPE_CHECKING:
    from game.core.view import View


def _send_check(state: GameState, a: A.SendAmbassador) -> Refusal | None:
    found = peaceful_region(state, a.actor, a.target)
    if found:
        return found
    if (a.actor, a.target) in state.ambassadors:
        return refuse(Why.HAS_AMBASSADOR, region=a.target)
    return None


def _send(state: GameState, a: A.SendAmbassador) -> None:
    send_ambassador(state, a.actor, a.target)


def send_ambassador(state: GameState, sender: str, host: str) -> None:
    """An ambassador of `sender` takes up its post in `host` (a deal's ambassador term too)."""
    state.ambassadors.add((sender, host))
    news(state, "ambassador_sent", sender, host)


def _send_offers(view: View, target: str | None) -> Iterator[A.SendAmbassador]:
    if target is not None and not view.has_ambassador(target):
        yield A.SendAmbassador(view.me, target)


def _recall_check(state: GameState, a: A.RecallAmbassador) -> Refusal | None:
    if (a.actor, a.target) not in state.ambassadors:
        return refuse(Why.NO_AMBASSADOR, region=a.target)
    return None


def _recall(state: GameState, a: A.RecallAmbassador) -> None:
    state.ambassadors.discard((a.actor, a.target))
    news(state, "ambassador_recalled", a.actor, a.target)


def _recall_offers(view: View, target: str | None) -> Iterator[A.RecallAmbassador]:
    if target is not None and view.has_ambassador(target):
        yield A.RecallAmbassador(view.me, target)


def _expel_check(state: GameState, a: A.ExpelAmbassador) -> Refusal | None:
    if (a.sender, a.actor) not in state.ambassadors:
        return refuse(Why.NO_AMBASSADOR_HERE, region=a.sender)
    return None


def _expel(state: GameState, a: A.ExpelAmbassador) -> None:
    state.ambassadors.discard((a.sender, a.actor))
    add_effect(state, a.sender, a.actor, "expelled_ambassador", state.rules.opinion.expelled_ambassador)
    news(state, "ambassador_expelled", a.actor, a.sender)


def _expel_offers(view: View, target: str | None) -> Iterator[A.ExpelAmbassador]:
    if target is not None and view.hosts_ambassador(target):
        yield A.ExpelAmbassador(view.me, target)


KINDS = (
    ActionKind(
        A.SendAmbassador,
        "Send ambassador",
        "An ambassador builds opinion both ways each turn, shows you their figures and their "
        "opinion of you, and is needed to propose treaties. It costs gold every turn.",
        Control.REGION,
        _send_check,
        _send,
        _send_offers,
        Cost(diplomatic=1, upkeep=lambda rules: rules.ambassador_upkeep),
    ),
    ActionKind(
        A.RecallAmbassador,
        "Recall ambassador",
        "Bring your ambassador home: no more upkeep, and the goodwill it built fades.",
        Control.REGION,
        _recall_check,
        _recall,
        _recall_offers,
        Cost(diplomatic=1),
    ),
    ActionKind(
        A.ExpelAmbassador,
        "Expel their ambassador",
        "Send their ambassador home: they lose what it tells them, and resent it.",
        Control.REGION,
        _expel_check,
        _expel,
        _expel_offers,
        Cost(diplomatic=1),
    ),
)
