"""Mediation: a third region brokers a compromise peace between two regions at war.

A mediator offers it (it needs an ambassador with one side), or a side asks a region it keeps an
ambassador in to mediate (as an introduction is asked). Either way the offer carries its terms from
the start: the compromise the war's score calls for (a white peace, or a modest tribute from the
side well behind), worked out when the mediator takes the war up. The same terms go to both sides,
and the peace signed when both have said yes is exactly those terms, while they still fit the war.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from game.core import actions as A
from game.core.checks import peaceful_region, pending
from game.core.diplomacy import make_peace, news, propose
from game.core.kinds.base import ActionKind, Control, Cost, ProposalRule
from game.core.messages import Msg, msg
from game.core.model import GameState, Proposal, Terms, War
from game.core.relations import add_effect, at_war, change_reputation, knows, war_between
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
    war = war_between(state, a.side_a, a.side_b)
    assert war is not None
    return propose(state, "mediation", a.actor, a.side_a, replace(compromise(state, war), about=a.side_b))


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


def fits(state: GameState, war: War | None, terms: Terms) -> bool:
    """The compromise still fits the war: the war goes on, and the side it has pay a tribute has
    not since come to lead it by as much as would have the other side pay."""
    if war is None:
        return False
    return terms.payer is None or war.side_score(terms.payer) < state.rules.mediation_tribute_score


def _accepted(state: GameState, p: Proposal) -> None:
    """The first side's yes sends the same terms on to the other side; with both, they are signed."""
    mediator, side, other = p.sender, p.recipient, p.terms.about
    assert other is not None
    accepted = (*p.terms.accepted_by, side)
    if other not in accepted:
        propose(state, "mediation", mediator, other, replace(p.terms, about=side, accepted_by=accepted))
        return
    war = war_between(state, side, other)
    if war is None or not fits(state, war, p.terms):
        news(state, "mediation_lapsed", mediator, side, other)
        return
    make_peace(state, war, Terms(tribute=p.terms.tribute, payer=p.terms.payer))
    rules = state.rules
    change_reputation(state, mediator, rules.mediation_reputation, ceiling=rules.mediation_reputation_ceiling)
    for party in war.parties:
        add_effect(state, party, mediator, "mediated", rules.opinion.mediated)
    news(state, "mediation", mediator, war.attacker, war.defender)


def _declined(state: GameState, p: Proposal) -> None:
    """A side that has said yes remembers that the other turned the compromise down, as if it had
    turned down its own offer (it will not ask a mediator again at once)."""
    for side in p.terms.accepted_by:
        state.refusals[(side, p.recipient, "mediation")] = state.turn


# --- asking a third region to mediate ------------------------------------------------------------


def _check_request(state: GameState, a: A.RequestMediation) -> Refusal | None:
    """As an introduction, the request goes through our ambassador with the mediator; the mediator
    must be at peace with both sides and know the enemy (wars and contacts are public)."""
    found = peaceful_region(state, a.actor, a.mediator)
    if found:
        return found
    if war_between(state, a.actor, a.enemy) is None:
        return refuse(Why.NOT_AT_WAR, region=a.enemy)
    if (a.actor, a.mediator) not in state.ambassadors:
        return refuse(Why.MEDIATION_REQUEST_NEEDS_AMBASSADOR, region=a.mediator)
    if at_war(state, a.mediator, a.enemy):
        return refuse(Why.MEDIATOR_AT_WAR, mediator=a.mediator, region=a.enemy)
    if not knows(state, a.mediator, a.enemy):
        return refuse(Why.NO_RELATIONS, via=a.mediator, region=a.enemy)
    if pending(state, a.actor, a.mediator, "mediation_request"):
        return refuse(Why.REQUEST_PENDING, region=a.mediator)
    return None


def _request(state: GameState, a: A.RequestMediation) -> Proposal:
    return propose(state, "mediation_request", a.actor, a.mediator, Terms(about=a.enemy))


def _request_offers(view: View, mediator: str | None) -> Iterator[A.RequestMediation]:
    """Through the selected region, for each of our wars with a region other than it."""
    if mediator is None or mediator == view.me:
        return
    for enemy in view.enemies():
        if enemy != mediator:
            yield A.RequestMediation(view.me, mediator, enemy)


def _request_label(state: GameState, a: A.RequestMediation) -> Msg:
    return msg("Ask to mediate with {region}", region=a.enemy)


def _taken_up(state: GameState, p: Proposal) -> None:
    """The mediator takes the war up: its compromise goes to the enemy, the asker counted as agreed.
    If the war has ended, or the mediator has since gone to war with a side, nothing follows."""
    asker, mediator, enemy = p.sender, p.recipient, p.terms.about
    assert enemy is not None
    war = war_between(state, asker, enemy)
    if war is None or at_war(state, mediator, asker) or at_war(state, mediator, enemy):
        return
    terms = replace(compromise(state, war), about=asker, accepted_by=(asker,))
    propose(state, "mediation", mediator, enemy, terms)
    news(state, "mediation_requested", mediator, asker, enemy)


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
    ActionKind(
        A.RequestMediation,
        "Ask for mediation",
        "Ask a region where you keep an ambassador, at peace with you and your enemy, to broker a "
        "compromise peace: if it agrees, it offers your enemy the terms the war calls for, with "
        "you counted as agreed.",
        Control.REGION,
        _check_request,
        _request,
        _request_offers,
        Cost(diplomatic=1),
        _request_label,
    ),
)

PROPOSALS = (
    ProposalRule("mediation", _accepted, rejected=_declined),
    ProposalRule("mediation_request", _taken_up),
)
