"""Deals: one proposal of several terms on either side, and counter-offers to it.

A term is given by one side to the other (gold now, gold each turn for some turns, lifting an
embargo, joining an embargo on a third region, leaving an exclusive trade agreement or an alliance
with a third region, joining a war on a third region, sending an ambassador), or signed by both (a
treaty, a peace). Two regions at war may strike only a deal that makes peace, and it needs no
ambassador (enemies can always talk peace). Every term is checked when the deal is offered and
again when it is accepted, since the world moves between. A deal may be declined with a
counter-offer (an `Answer` carrying terms), for a bounded number of rounds.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.core import actions as A
from game.core.checks import other_region
from game.core.diplomacy import end_treaty, lift_embargo, make_peace, news, propose, treaty_length
from game.core.kinds.base import ActionKind, Control, Cost, ProposalRule
from game.core.kinds.embargoes import impose_embargo
from game.core.kinds.envoys import send_ambassador
from game.core.kinds.treaties import conflict, sign_agreed
from game.core.kinds.war import declare_war, war_problem
from game.core.messages import Msg, msg
from game.core.model import TREATY_KINDS, GameState, Pair, Proposal, Term, Terms, Treaty, Tribute, pair
from game.core.news import PROPOSAL_NAMES, TREATY_NAMES
from game.core.relations import at_war, treaty_between, war_between
from game.core.why import Refusal, Why, refuse

if TYPE_CHECKING:
    from game.core.view import View


def deal_problem(
    state: GameState, sender: str, recipient: str, terms: tuple[Term, ...], *, accepting: bool
) -> Refusal | None:
    """What stands in the way of these terms between sender and recipient. The gold a side must
    pay at once is checked against its treasury only where that side may know it: the sender's
    when offering, both when the deal is accepted."""
    if not 1 <= len(terms) <= state.rules.deal_terms:
        return refuse(Why.DEAL_SIZE, most=state.rules.deal_terms)
    keys = [_key(t) for t in terms]
    if len(set(keys)) != len(keys):
        return refuse(Why.DEAL_TERM_TWICE)
    lifted = {(t.giver, _other(t, sender, recipient)) for t in terms if t.kind == "lift_embargo"}
    embargo_stays = any(
        link in state.embargoes and link not in lifted for link in ((sender, recipient), (recipient, sender))
    )
    leaving = frozenset(t.id for term in terms if (t := _left(state, term)) is not None)
    for term in terms:
        found = _term_problem(state, sender, recipient, term, embargo_stays, leaving, accepting)
        if found is not None:
            return found
    payers = (sender, recipient) if accepting else (sender,)
    for payer in payers:
        due = sum(t.gold for t in terms if t.kind == "gold" and t.giver == payer)
        if due > 0 and not state.regions[payer].treasury >= due:
            return refuse(Why.DEAL_CANNOT_PAY, region=payer)
    return None


def _key(term: Term) -> tuple[str | None, ...]:
    """What makes a term the same as another, whatever it says in fields its kind does not use."""
    if term.kind == "treaty":
        return (term.kind, term.treaty)
    if term.kind == "peace":
        return (term.kind,)
    if term.kind in ("join_embargo", "leave_exclusive", "leave_alliance", "join_war"):
        return (term.kind, term.giver, term.about)
    return (term.kind, term.giver)


def _other(term: Term, sender: str, recipient: str) -> str:
    return recipient if term.giver == sender else sender


def _left(state: GameState, term: Term) -> Treaty | None:
    """The exclusive trade agreement a leave_exclusive term ends, or the alliance a leave_alliance
    term ends, if there is one."""
    if term.giver is None or term.about is None:
        return None
    if term.kind == "leave_alliance":
        return treaty_between(state, term.giver, term.about, "alliance")
    if term.kind != "leave_exclusive":
        return None
    found = treaty_between(state, term.giver, term.about, "trade")
    return found if found is not None and found.exclusive else None


def sides_problem(state: GameState, sender: str, recipient: str, terms: tuple[Term, ...]) -> Refusal | None:
    """Who may strike a deal: two regions that know each other; at war, only a deal that makes
    peace, and at peace no deal that does."""
    found = other_region(state, sender, recipient)
    if found is not None:
        return found
    peace = any(t.kind == "peace" for t in terms)
    if at_war(state, sender, recipient) and not peace:
        return refuse(Why.DEAL_NEEDS_PEACE, region=recipient)
    if peace and not at_war(state, sender, recipient):
        return refuse(Why.DEAL_NO_WAR, a=sender, b=recipient)
    return None


def _term_problem(
    state: GameState,
    sender: str,
    recipient: str,
    term: Term,
    embargo_stays: bool,
    leaving: frozenset[int],
    accepting: bool,
) -> Refusal | None:
    if term.kind == "treaty":
        if term.giver is not None or term.treaty is None:
            return refuse(Why.DEAL_BAD_TERM)
        most = treaty_length(state, term.treaty)
        if not 0 <= term.turns <= most:
            return refuse(Why.DEAL_TREATY_TURNS, most=most, treaty=PROPOSAL_NAMES[term.treaty])
        return conflict(
            state,
            sender,
            recipient,
            term.treaty,
            term.exclusive,
            embargo_lifted=not embargo_stays,
            leaving=leaving,
        )
    if term.kind == "peace":
        if term.giver is not None:
            return refuse(Why.DEAL_BAD_TERM)
        most = 2 * state.rules.truce_turns
        if not 0 <= term.turns <= most:
            return refuse(Why.DEAL_TRUCE_TURNS, most=most)
        return None
    if term.giver not in (sender, recipient):
        return refuse(Why.DEAL_BAD_TERM)
    giver, taker = term.giver, _other(term, sender, recipient)
    if term.kind in ("gold", "gold_per_turn"):
        return _gold_problem(state, term, giver, taker, embargo_stays)
    if term.kind == "lift_embargo":
        if (giver, taker) not in state.embargoes:
            return refuse(Why.DEAL_NO_EMBARGO, a=giver, b=taker)
        return None
    if term.kind == "leave_exclusive":
        if _left(state, term) is None:
            return refuse(Why.DEAL_NO_EXCLUSIVE, a=giver, b=term.about or "")
        return None
    if term.kind == "leave_alliance":
        if term.about is None or term.about in (giver, taker):
            return refuse(Why.DEAL_THIRD)
        if _left(state, term) is None:
            return refuse(Why.DEAL_NO_ALLIANCE, a=giver, b=term.about)
        return None
    if term.kind == "join_war":
        return _war_problem(state, term, giver, taker, means=accepting or giver == sender)
    if term.kind == "ambassador":
        if (giver, taker) in state.ambassadors:
            return refuse(Why.DEAL_HAS_AMBASSADOR, a=giver, b=taker)
        return None
    return _join_problem(state, term, giver, taker)


def _war_problem(state: GameState, term: Term, giver: str, taker: str, *, means: bool) -> Refusal | None:
    """The giver declares war on a third region the taker is at war with, as it might itself:
    what refuses a declaration refuses the term, and so does a truce or a pact with that region.
    The giver's army and treasury count only where they may be known (`means`): the proposer's
    when offering, both sides' when the deal is accepted."""
    third = term.about
    if third is None or third in (giver, taker):
        return refuse(Why.DEAL_THIRD)
    if not at_war(state, taker, third):
        return refuse(Why.DEAL_NOT_AT_WAR_WITH, a=taker, b=third)
    if at_war(state, giver, third):
        return refuse(Why.DEAL_ALREADY_AT_WAR, a=giver, b=third)
    if treaty_between(state, giver, third, "alliance") is not None:
        return refuse(Why.DEAL_ALLY_OF, a=giver, b=third)
    found = war_problem(state, giver, third, means=means)
    if found is not None:
        return found
    if pair(giver, third) in state.truces:
        return refuse(Why.DEAL_TRUCE_WITH, a=giver, b=third)
    if treaty_between(state, giver, third, "non_aggression") is not None:
        return refuse(Why.DEAL_PACT_WITH, a=giver, b=third)
    return None


def _gold_problem(
    state: GameState, term: Term, giver: str, taker: str, embargo_stays: bool
) -> Refusal | None:
    if not (math.isfinite(term.gold) and term.gold > 0):
        return refuse(Why.NOT_A_SUM)
    if embargo_stays:  # an embargo cuts financial aid, a deal's gold with it
        return refuse(Why.EMBARGO_BETWEEN, region=taker)
    if term.kind == "gold_per_turn":
        most = state.rules.deal_payment_turns
        if not 1 <= term.turns <= most:
            return refuse(Why.DEAL_PAYMENT_TURNS, most=most)
        limit = state.regions[giver].economy * state.rules.max_tribute_share  # economies are public
        if term.gold > limit:
            return refuse(Why.TRIBUTE_LIMIT, limit=round(limit, 1))
    return None


def _join_problem(state: GameState, term: Term, giver: str, taker: str) -> Refusal | None:
    third = term.about
    if third is None or third in (giver, taker):
        return refuse(Why.DEAL_EMBARGO_THIRD)
    found = other_region(state, giver, third)
    if found is not None:
        return found
    if (taker, third) not in state.embargoes:
        return refuse(Why.DEAL_NOTHING_TO_JOIN, a=taker, b=third)
    if (giver, third) in state.embargoes:
        return refuse(Why.DEAL_ALREADY_EMBARGOING, a=giver, b=third)
    if (giver, third) in state.pledges:
        return refuse(Why.DEAL_PLEDGED, a=giver, b=third, turns=state.pledges[(giver, third)])
    return None


def _check(state: GameState, a: A.ProposeDeal) -> Refusal | None:
    found = sides_problem(state, a.actor, a.target, a.terms)
    if found:
        return found
    if (a.actor, a.target) not in state.ambassadors and not at_war(state, a.actor, a.target):
        return refuse(Why.DEAL_NEEDS_AMBASSADOR, region=a.target)
    sides = {a.actor, a.target}
    if any(p.kind == "deal" and {p.sender, p.recipient} == sides for p in state.proposals.values()):
        return refuse(Why.PENDING, region=a.target)
    return deal_problem(state, a.actor, a.target, a.terms, accepting=False)


def _propose(state: GameState, a: A.ProposeDeal) -> Proposal:
    return propose(state, "deal", a.actor, a.target, Terms(deal=a.terms))


def counter_offer(state: GameState, answered: Proposal, terms: tuple[Term, ...]) -> Proposal:
    """The recipient of a deal sends other terms back: a new deal, one round on."""
    news(
        state, "counter_offer", answered.recipient, answered.sender, counter=answered.terms.round > 0 or None
    )
    return propose(
        state,
        "deal",
        answered.recipient,
        answered.sender,
        Terms(deal=terms, round=answered.terms.round + 1, counter_of=answered.id),
    )


def counter_problem(state: GameState, answered: Proposal, terms: tuple[Term, ...]) -> Refusal | None:
    if answered.kind != "deal":
        return refuse(Why.COUNTER_ONLY_DEALS)
    if answered.terms.round >= state.rules.deal_rounds:
        return refuse(Why.DEAL_ROUNDS_OVER, rounds=state.rules.deal_rounds)
    return deal_problem(state, answered.recipient, answered.sender, terms, accepting=False)


def _offers(view: View, target: str | None) -> Iterator[A.ProposeDeal]:
    """A deal of one treaty not yet in force, or at war a peace: the deal screen starts from it
    and adds terms."""
    if target is not None and view.at_war(target):
        yield A.ProposeDeal(view.me, target, (Term("peace"),))
        return
    if target is None or not view.has_ambassador(target):
        return
    for kind in TREATY_KINDS:
        if not view.has_treaty(target, kind):
            yield A.ProposeDeal(view.me, target, (Term("treaty", treaty=kind),))


def term_text(term: Term, sender: str, recipient: str) -> Msg:
    """What one term of a deal between sender and recipient says, for the inbox and the reasons."""
    if term.kind == "treaty":
        treaty = TREATY_NAMES.get(term.treaty or "", "")
        if term.exclusive:
            return msg("{treaty}, exclusive", treaty=treaty)
        if term.turns:
            return msg("{treaty} for {turns} turns", treaty=treaty, turns=term.turns)
        return msg("{treaty}", treaty=treaty)
    if term.kind == "peace":
        if term.turns:
            return msg("Peace, then a truce of {turns} turns", turns=term.turns)
        return msg("Peace, then the usual truce")
    giver, taker = term.giver or sender, _other(term, sender, recipient)
    if term.kind == "gold":
        return msg("{giver} pays {gold} gold now", giver=giver, gold=term.gold)
    if term.kind == "gold_per_turn":
        return msg(
            "{giver} pays {gold} gold a turn for {turns} turns", giver=giver, gold=term.gold, turns=term.turns
        )
    if term.kind == "lift_embargo":
        return msg("{giver} lifts its embargo on {taker}", giver=giver, taker=taker)
    if term.kind == "leave_exclusive":
        return msg(
            "{giver} leaves its exclusive trade agreement with {about}", giver=giver, about=term.about or ""
        )
    if term.kind == "leave_alliance":
        return msg("{giver} leaves its alliance with {about}", giver=giver, about=term.about or "")
    if term.kind == "join_war":
        return msg("{giver} joins the war on {about}", giver=giver, about=term.about or "")
    if term.kind == "ambassador":
        return msg("{giver} sends an ambassador to {taker}", giver=giver, taker=taker)
    return msg("{giver} joins the embargo on {about}", giver=giver, about=term.about or "")


def _accepted(state: GameState, p: Proposal) -> None:
    """Peace is made first (all else follows it), then embargoes are lifted and exclusive deals and
    alliances left (trade may follow), then treaties signed, gold paid, ambassadors sent, embargoes
    joined, and last wars joined."""
    order = {
        "peace": 0,
        "lift_embargo": 1,
        "leave_exclusive": 1,
        "leave_alliance": 1,
        "treaty": 2,
        "gold": 3,
        "gold_per_turn": 4,
        "ambassador": 5,
        "join_embargo": 6,
        "join_war": 7,
    }
    news(state, "deal_struck", p.recipient, p.sender, counter=p.terms.round > 0 or None)
    for term in sorted(p.terms.deal, key=lambda t: order[t.kind]):
        _fulfil(state, p.sender, p.recipient, term)


def _fulfil(state: GameState, sender: str, recipient: str, term: Term) -> None:
    if term.kind == "treaty":
        assert term.treaty is not None
        sign_agreed(state, term.treaty, sender, recipient, term.exclusive, term.turns or None)
        return
    if term.kind == "peace":
        war = war_between(state, sender, recipient)
        if war is not None:  # as a white peace proposed: allies who joined for either side stop too
            make_peace(state, war, Terms(), truce_turns=term.turns or state.rules.truce_turns)
        return
    assert term.giver is not None
    giver, taker = term.giver, _other(term, sender, recipient)
    if term.kind == "gold":
        state.regions[giver].treasury -= term.gold
        state.regions[taker].treasury += term.gold
        news(state, "deal_gold", giver, taker, amount=round(term.gold, 2))
    elif term.kind == "gold_per_turn":
        state.tributes.append(Tribute(giver, taker, term.gold, term.turns))
        news(state, "deal_payments", giver, taker, amount=round(term.gold, 2), turns=term.turns)
    elif term.kind == "lift_embargo":
        lift_embargo(state, giver, taker, pledge=state.rules.embargo_pledge_turns)
    elif term.kind in ("leave_exclusive", "leave_alliance"):
        left = _left(state, term)
        if left is not None:  # breaking it is breaking one's word, as cancelling it would be
            end_treaty(state, left, broken_by=giver, why="cancelled")
    elif term.kind == "ambassador":
        send_ambassador(state, giver, taker)
    elif term.kind == "join_war":
        if term.about is not None:  # a declaration of war like any other, with all it costs
            declare_war(state, giver, term.about)
    elif term.about is not None:
        impose_embargo(state, giver, term.about, deal_with=taker)


def _acceptable(state: GameState, p: Proposal) -> Refusal | None:
    found = sides_problem(state, p.recipient, p.sender, p.terms.deal)
    return found or deal_problem(state, p.sender, p.recipient, p.terms.deal, accepting=True)


def _declined(state: GameState, p: Proposal) -> None:
    asks: Pair = (p.sender, p.recipient)
    state.deal_asks[asks] = state.deal_asks.get(asks, 0) + 1


KINDS = (
    ActionKind(
        A.ProposeDeal,
        "Propose a deal",
        "Offer several terms at once: treaties, gold now or each turn, lifting an embargo or "
        "joining one, leaving an exclusive trade agreement or an alliance, joining a war, sending "
        "an ambassador; at war, a peace with its truce. They may answer with a counter-offer. "
        "Needs an ambassador there, except to make peace.",
        Control.DEAL_DIALOG,
        _check,
        _propose,
        _offers,
        Cost(diplomatic=1),
    ),
)

PROPOSALS = (ProposalRule("deal", _accepted, acceptable=_acceptable, rejected=_declined),)
