"""Introductions: a region where we keep an ambassador vouches for us with one it knows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.core import actions as A
from game.core.checks import peaceful_region, pending
from game.core.diplomacy import news, propose
from game.core.kinds.base import ActionKind, Control, Cost, ProposalRule
from game.core.messages import Msg, msg
from game.core.model import GameState, Proposal, Terms
from game.core.relations import add_effect, at_war, knows, opinion
from game.core.why import Refusal, Why, refuse

if TYPE_CHECKING:
    from game.core.view import View


def _check(state: GameState, a: A.RequestIntroduction) -> Refusal | None:
    found = peaceful_region(state, a.actor, a.via)
    if found:
        return found
    target = state.regions.get(a.target)
    if target is None or not target.alive or a.target == a.actor:
        return refuse(Why.NO_ONE_TO_MEET)
    if knows(state, a.actor, a.target):
        return refuse(Why.ALREADY_KNOWN, region=a.target)
    if (a.actor, a.via) not in state.ambassadors:
        return refuse(Why.INTRODUCTION_NEEDS_AMBASSADOR, region=a.via)
    if not knows(state, a.via, a.target) or at_war(state, a.via, a.target):
        return refuse(Why.NO_RELATIONS, via=a.via, region=a.target)
    if pending(state, a.actor, a.via, "introduction"):
        return refuse(Why.REQUEST_PENDING, region=a.via)
    return None


def _request(state: GameState, a: A.RequestIntroduction) -> Proposal:
    return propose(state, "introduction", a.actor, a.via, Terms(about=a.target))


def _offers(view: View, via: str | None) -> Iterator[A.RequestIntroduction]:
    """Through the selected region, to each region it knows that we do not (what it knows is
    public: its neighbours and fellow members)."""
    if via is None:
        return
    known = view.known_set()  # asked once, not once a region: both hold the living alone
    for target in view.known_by(via):
        if target != view.me and target not in known:
            yield A.RequestIntroduction(view.me, via, target)


def _label(state: GameState, a: A.RequestIntroduction) -> Msg:
    return msg("Introduction to {region}", region=a.target)


def _introduced(state: GameState, p: Proposal) -> None:
    """Both meet; the newcomer starts with a share of the goodwill the one who vouched enjoys."""
    asker, via, target = p.sender, p.recipient, p.terms.about
    assert target is not None
    state.regions[asker].contacts.add(target)
    state.regions[target].contacts.add(asker)
    vouch = state.rules.introduction_share * opinion(state, target, via)
    effect = state.rules.opinion.introduced
    add_effect(state, target, asker, "introduced", effect.model_copy(update={"value": vouch}))
    news(state, "introduction", via, asker, target)


KINDS = (
    ActionKind(
        A.RequestIntroduction,
        "Ask for an introduction",
        "Ask a region where you keep an ambassador to introduce you to a region it knows: you "
        "gain contact, and they start with a share of its good name.",
        Control.REGION,
        _check,
        _request,
        _offers,
        Cost(diplomatic=1),
        _label,
    ),
)

PROPOSALS = (ProposalRule("introduction", _introduced),)
