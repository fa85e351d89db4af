"""Mediation: a third region with an ambassador on one side brokers a compromise peace."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.core import actions as A
from game.core.checks import peaceful_region
from game.core.diplomacy import make_peace, news, propose
from game.core.kinds.base import ActionKind, Control, Cost, ProposalRule
from game.core.messages import Msg, msg
from game.core.model import GameState, Proposal, Terms, War
from game.core.relations import add_effect, change_reputation, war_between
from game.core.why import Refusal, Why, refuse

if TYPE_CHECKING:
    from game.core.view import View


def _check(state: GameState, a: A.OfferMediation) -> Refusal | None:
    """Only what the mediator can see: whether the sides will trust it is theirs to answer."""
    for side in (a.side_a, a.side_b):
        found = peaceful_region(state, a.actor, side)
        if found:
            return found
    if war_between(state, a.side_a, a.side_b) is None:
        return refuse(Why.SIDES_NOT_AT_WAR, a=a.side_a, b=a.side_b)
    if (a.actor, a.side_a) not in state.ambassadors and (a.actor, a.side_b) not in state.ambassadors:
        return refuse(Why.MEDIATOR_NEEDS_AMBASSADOR)
    if any(p.kind == "mediation" and p.sender == a.actor for p in state.proposals.values()):
        return refuse(Why.MEDIATION_PENDING)
    return None


def _offer(state: GameState, a: A.OfferMediation) -> Proposal:
    return propose(state, "mediation", a.actor, a.side_a, Terms(about=a.side_b))


def _offers(view: View, target: str | None) -> Iterator[A.OfferMediation]:
    """Between the selected region and each region it fights (wars are public)."""
    if target is None:
        return
    for enemy in view.enemies(target):
        if view.me not in (target, enemy):
            yield A.OfferMediation(view.me, target, enemy)


def _label(state: GameState, a: A.OfferMediation) -> Msg:
    return msg("Mediate with {region}", region=a.side_b)


def compromise(state: GameState, war: War) -> Terms:
    """A white peace, or where one side is well behind, a modest tribute from it."""
    rules = state.rules
    if abs(war.score) < rules.mediation_tribute_score:
        return Terms()
    behind = war.defender if war.score > 0 else war.attacker
    tribute = round(state.regions[behind].economy * rules.mediation_tribute_share, 2)
    return Terms(tribute=tribute, payer=behind if tribute else None)


def _accepted(state: GameState, p: Proposal) -> None:
    """The first side's yes goes on to the other side; with both, the compromise is signed."""
    mediator, side, other = p.sender, p.recipient, p.terms.about
    assert other is not None
    accepted = (*p.terms.accepted_by, side)
    if other not in accepted:
        propose(state, "mediation", mediator, other, Terms(about=side, accepted_by=accepted))
        return
    war = war_between(state, side, other)
    if war is None:
        return
    make_peace(state, war, compromise(state, war))
    rules = state.rules
    change_reputation(state, mediator, rules.mediation_reputation, ceiling=rules.mediation_reputation_ceiling)
    for party in war.parties:
        add_effect(state, party, mediator, "mediated", rules.opinion.mediated)
    news(state, "mediation", mediator, war.attacker, war.defender)


KINDS = (
    ActionKind(
        A.OfferMediation,
        "Offer mediation",
        "Offer to broker a compromise peace between two regions at war (a white peace, or a "
        "modest tribute from the side well behind). If both agree, your reputation and their "
        "opinion of you rise. Needs an ambassador with one side.",
        Control.REGION,
        _check,
        _offer,
        _offers,
        Cost(diplomatic=1),
        _label,
    ),
)

PROPOSALS = (ProposalRule("mediation", _accepted),)
