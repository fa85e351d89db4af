"""How a computer player weighs a deal term by term, and the nearest deal it would take instead.

Gold is weighed against the judge's own income (`deal_gold_value` a turn's worth), gold promised
for later turns at `deal_promise_share` of gold now; treaties as a treaty proposal is weighed,
in proportion to the turns they run; a peace as a peace proposal is weighed; leaving an alliance
by the loyalty it breaks or the threat it lifts; joining a war by the dislike of the enemy against
the cost of a war; an ambassador by its upkeep. A counter-offer is searched with the very judgement that
answers, as if the deal came back once more (asking again is remembered), so a deal sent back
unchanged is accepted.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from game.ai import assess
from game.ai.base import Reason
from game.core import actions as A
from game.core.messages import msg
from game.core.model import Proposal, Term
from game.core.view import View

if TYPE_CHECKING:
    from game.ai.standard import StandardAI

PRICE_TRIES = 4  # whole gold pieces added, one at a time, past the price worked out (weights are rounded)


def term_reasons(ai: StandardAI, view: View, other: str, term: Term) -> Iterator[Reason]:
    """What one term of a deal with `other` is worth to us."""
    me = view.me
    if term.kind == "treaty" and term.treaty is not None:
        share = _share_of_length(view, term)
        for reason in ai.treaty_kind_reasons(view, other, term.treaty, term.exclusive):
            yield dataclasses.replace(reason, weight=round(reason.weight * share, 1))
        return
    if term.kind == "peace":
        yield from ai.peace_reasons(view, other)
        return
    ours = term.giver == me
    if term.kind == "leave_alliance" and term.about is not None:
        yield _alliance_reason(view, term.about, ours)
    elif term.kind == "join_war" and term.about is not None:
        yield _war_reason(view, other, term.about, ours)
    elif term.kind == "ambassador":
        yield _ambassador_reason(ai, view, ours)
    elif term.kind in ("gold", "gold_per_turn"):
        yield _gold_reason(view, term, ours)
    elif term.kind == "lift_embargo":
        if ours:
            cause = other in assess.aggressors(view) or view.rogue(other) or view.opinion_of(other) < -20
            yield Reason(msg("We would lift our embargo on you"), -30.0 if cause else -5.0)
        else:
            yield Reason(msg("You would lift your embargo on us"), 20.0)
    elif term.kind == "leave_exclusive" and term.about is not None:
        if ours:  # the partner's trade lost, and our word broken before everyone
            weight = -20.0 - view.rules.break_reputation
            yield Reason(msg("We would break our exclusive deal with {region}", region=term.about), weight)
        else:
            yield Reason(msg("You would leave your exclusive deal with {region}", region=term.about), 5.0)
    elif term.about is not None:
        yield _embargo_reason(view, term.about, ours)


def _share_of_length(view: View, term: Term) -> float:
    full = _length(view, term.treaty) if term.treaty is not None else 1
    return term.turns / full if 0 < term.turns < full else 1.0


def _gold_reason(view: View, term: Term, ours: bool) -> Reason:
    rules = view.rules.ai
    gold = term.gold if term.kind == "gold" else term.gold * term.turns * rules.deal_promise_share
    weight = rules.deal_gold_value * gold / max(view.region.economy, 1.0)
    if term.kind == "gold":
        text = msg("Gold you ask of us now") if ours else msg("Gold you offer us now")
    else:
        text = msg("Gold you ask of us each turn") if ours else msg("Gold you offer us each turn")
    return Reason(text, round(-weight if ours else weight, 1))


def _embargo_reason(view: View, third: str, ours: bool) -> Reason:
    """Joining an embargo pleases as far as we dislike its target; they joining ours, likewise."""
    hostile = third in assess.aggressors(view) or view.rogue(third) or view.at_war(third)
    dislike = -view.opinion_of(third) / 3 + 15 * hostile
    if ours:
        trade = 10.0 if view.has_treaty(third, "trade") else 0.0
        return Reason(
            msg("We would join your embargo on {region}", region=third), round(dislike - 10 - trade, 1)
        )
    return Reason(msg("You would join our embargo on {region}", region=third), round(10 + dislike / 2, 1))


def _alliance_reason(view: View, third: str, ours: bool) -> Reason:
    """Leaving our alliance costs our word and as much as loyalty binds us; their leaving an
    alliance with a region that threatens us lifts a threat."""
    if ours:
        weight = -10.0 - 40 * view.personality.loyalty - view.rules.break_reputation
        weight -= max(view.opinion_of(third), 0.0) / 3
        return Reason(msg("We would break our alliance with {region}", region=third), round(weight, 1))
    threat = view.at_war(third) or third in assess.aggressors(view) or view.opinion_of(third) < -20
    weight = 20 - view.opinion_of(third) / 5 if threat else 3.0
    return Reason(msg("You would leave your alliance with {region}", region=third), round(weight, 1))


def _war_reason(view: View, other: str, third: str, ours: bool) -> Reason:
    """Joining their war is a war of our own: against, unless we dislike the enemy, it is an
    aggressor (then we join its victim's defence, without blame) or we outweigh it. Their joining
    our war is a welcome ally."""
    if not ours:
        return Reason(msg("You would join our war on {region}", region=third), 25.0)
    mine = view.region.military
    theirs = view.military_estimate(third) or mine
    strength = 20 * (mine - theirs) / max(theirs + mine, 1)
    aggressor = third in assess.aggressors(view)
    weight = -25.0 - view.opinion_of(third) / 3 + 15 * aggressor + strength
    if not aggressor:  # a declaration of war of our own: trust lost everywhere
        weight -= view.rules.aggression_reputation
    if view.wars():
        weight -= 20
    return Reason(msg("We would join your war on {region}", region=third), round(weight, 1))


def _ambassador_reason(ai: StandardAI, view: View, ours: bool) -> Reason:
    """An ambassador sent to us is a small courtesy; one we send costs upkeep we may not afford."""
    if not ours:
        return Reason(msg("You would send us an ambassador"), 5.0)
    if len(view.envoys()) >= ai.envoys_wanted(view):
        return Reason(
            msg("We cannot afford another embassy"), round(-10 - 5 * view.rules.ambassador_upkeep, 1)
        )
    return Reason(msg("An embassy with you would serve us"), 3.0)


# --- counter-offers -------------------------------------------------------------------------------
def counter_offer(ai: StandardAI, view: View, proposal: Proposal) -> tuple[Term, ...]:
    """The nearest deal we would accept: one term made softer (exclusivity dropped, our gold
    halved, a treaty shortened, a term against us dropped), else the fewest gold pieces from the
    proposer that make it worth our while, on the deal or on one softened. None () when no deal
    within what the proposer can pay would do."""
    terms = proposal.terms.deal

    def worth(candidate: tuple[Term, ...]) -> float:
        trial = dataclasses.replace(proposal, terms=dataclasses.replace(proposal.terms, deal=candidate))
        return sum(r.weight for r in ai.weighed(view, trial, asks=1))

    def allowed(candidate: tuple[Term, ...]) -> bool:
        return view.can(A.Answer(view.me, proposal.id, False, candidate))

    softer = [c for c in _softenings(ai, view, proposal.sender, terms) if allowed(c)]
    for candidate in softer:
        if worth(candidate) > 0:
            return candidate
    # answering a counter-offer to our own deal, we may pay less but ask no gold for what we sought
    asking = proposal.terms.round % 2 == 0
    priced = [
        p for c in (terms, *softer) if (p := _priced(view, proposal.sender, c, worth, asking)) is not None
    ]
    priced = [p for p in priced if allowed(p) and offers_something(p, proposal.sender)]
    if not priced:
        return ()
    return min(
        priced, key=lambda c: _gold_from(c, proposal.sender) - _gold_from(c, view.me)
    )  # the least asked


def _softenings(
    ai: StandardAI, view: View, other: str, terms: tuple[Term, ...]
) -> Iterator[tuple[Term, ...]]:
    """The deal with one term made easier for us, nearest first."""
    against = [sum(r.weight for r in term_reasons(ai, view, other, t)) < 0 for t in terms]
    for i, term in enumerate(terms):
        if term.kind == "treaty" and term.exclusive:
            yield _swap(terms, i, dataclasses.replace(term, exclusive=False))
    for i, term in enumerate(terms):
        if term.kind in ("gold", "gold_per_turn") and term.giver == view.me and term.gold >= 2:
            yield _swap(terms, i, dataclasses.replace(term, gold=float(math.floor(term.gold / 2))))
    for i, term in enumerate(terms):
        if term.kind == "treaty" and term.treaty is not None and against[i]:
            full = term.turns or _length(view, term.treaty)
            if full >= 2:
                yield _swap(terms, i, dataclasses.replace(term, turns=full // 2))
    for i in range(len(terms)):
        rest = terms[:i] + terms[i + 1 :]
        if terms[i].kind == "peace":  # between enemies a deal without peace is no deal at all
            continue
        if against[i] and offers_something(rest, other):  # a counter-offer is a deal, not a demand
            yield rest


def _length(view: View, kind: str) -> int:
    """A treaty's full length under the rules (public)."""
    return view.rules.pact_turns if kind == "non_aggression" else view.rules.treaty_turns


def offers_something(terms: tuple[Term, ...], to: str) -> bool:
    """Something in these terms is for `to`: a treaty or a peace, or a term the other side gives."""
    return any(t.kind in ("treaty", "peace") or (t.giver is not None and t.giver != to) for t in terms)


def _swap(terms: tuple[Term, ...], i: int, term: Term) -> tuple[Term, ...]:
    return (*terms[:i], term, *terms[i + 1 :])


def _priced(
    view: View, other: str, terms: tuple[Term, ...], worth: Callable[[tuple[Term, ...]], float], asking: bool
) -> tuple[Term, ...] | None:
    """The terms with the fewest whole gold pieces moved our way that make them worth taking: less
    of the gold we pay, then (`asking`) gold from `other`, within what it may pay; None beyond.
    Gold now runs one way only: a deal never has both sides paying at once."""
    rules = view.rules.ai
    most = rules.deal_most_gold_turns * view.economy(other) if asking else 0.0
    figures = view.figures(other)
    if figures is not None:
        most = min(most, figures.treasury)
    per_gold = rules.deal_gold_value / max(view.region.economy, 1.0)
    if per_gold <= 0:
        return None
    rest = tuple(t for t in terms if t.kind != "gold")
    balance = _gold_from(terms, other) - _gold_from(terms, view.me)  # what reaches us, net
    balance += max(1, math.ceil(-worth(terms) / per_gold))
    for _ in range(PRICE_TRIES):
        if balance > most:
            return None
        gold: tuple[Term, ...] = ()
        if balance != 0:
            gold = (Term("gold", other if balance > 0 else view.me, gold=float(abs(balance))),)
        candidate = (*rest, *gold)
        if worth(candidate) > 0:
            return candidate
        balance += 1
    return None


def _gold_from(terms: tuple[Term, ...], giver: str) -> float:
    return sum(t.gold for t in terms if t.kind == "gold" and t.giver == giver)
