"""Peace: a white peace, a tribute paid by either side, or the annexation of a beaten enemy."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.core import actions as A
from game.core.checks import other_region, pending
from game.core.diplomacy import make_peace, propose
from game.core.kinds.base import ActionKind, Control, Cost, ProposalRule
from game.core.model import GameState, Proposal, Terms
from game.core.relations import war_between
from game.core.why import Refusal, Why, refuse

if TYPE_CHECKING:
    from game.core.view import View


def _check(state: GameState, a: A.ProposePeace) -> Refusal | None:
    found = other_region(state, a.actor, a.target)
    if found:
        return found
    if a.terms not in ("white", "tribute", "annex"):
        return refuse(Why.NO_SUCH_TERMS)
    war = war_between(state, a.actor, a.target)
    if war is None:
        return refuse(Why.NOT_AT_WAR, region=a.target)
    if pending(state, a.actor, a.target, "peace"):
        return refuse(Why.PEACE_PENDING, region=a.target)
    if a.terms == "annex" and war.capitulated != a.target:
        return refuse(Why.NOT_CAPITULATED)
    if a.terms == "tribute":
        if a.payer not in (a.actor, a.target):
            return refuse(Why.TRIBUTE_PAYER)
        limit = state.regions[a.payer].economy * state.rules.max_tribute_share
        if not 0 < a.tribute <= limit:
            return refuse(Why.TRIBUTE_LIMIT, limit=round(limit, 1))
    return None


def _terms(a: A.ProposePeace) -> Terms:
    tribute = a.terms == "tribute"
    return Terms(
        tribute=a.tribute if tribute else 0.0,
        payer=a.payer if tribute else None,
        annex=a.target if a.terms == "annex" else None,
    )


def _propose(state: GameState, a: A.ProposePeace) -> Proposal | None:
    terms = _terms(a)
    war = war_between(state, a.actor, a.target)
    assert war is not None
    if war.capitulated == a.target and (terms.annex == a.target or terms.payer == a.target):
        make_peace(state, war, terms)  # a capitulated region takes the victor's terms
        return None
    return propose(state, "peace", a.actor, a.target, terms)


def _offers(view: View, target: str | None) -> Iterator[A.ProposePeace]:
    if target is not None and view.war_with(target) is not None:
        yield A.ProposePeace(view.me, target)


def _made(state: GameState, p: Proposal) -> None:
    war = war_between(state, p.sender, p.recipient)
    if war is not None:
        make_peace(state, war, p.terms)


def _declinable(state: GameState, p: Proposal) -> Refusal | None:
    """A region that has capitulated must take the victor's terms."""
    war = war_between(state, p.sender, p.recipient)
    asked = p.terms.annex == p.recipient or p.terms.payer == p.recipient
    if asked and war is not None and war.capitulated == p.recipient:
        return refuse(Why.MUST_ACCEPT_TERMS)
    return None


KINDS = (
    ActionKind(
        A.ProposePeace,
        "Propose peace",
        "End a war: a white peace, a tribute for some turns, or the annexation of an enemy that "
        "has capitulated (which it must accept). A truce follows.",
        Control.PEACE_DIALOG,
        _check,
        _propose,
        _offers,
        Cost(diplomatic=1),
    ),
)

PROPOSALS = (ProposalRule("peace", _made, declinable=_declinable),)
