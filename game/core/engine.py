"""The only code that applies actions to the state. Every action is checked first; a refused one
changes nothing and comes back with its reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.core import actions as A
from game.core.diplomacy import (
    IGNORED_CALL_OPINION,
    IGNORED_CALL_REPUTATION,
    end_treaty,
    make_peace,
    news,
    propose,
    sign_treaty,
    start_war,
)
from game.core.messages import Msg
from game.core.model import Event, GameState, Proposal, Terms
from game.core.relations import (
    add_modifier,
    affinity,
    clamp,
    modifier_value,
    opinion,
    remove_modifier,
    set_modifier,
    treaty_between,
    war_between,
)
from game.core.rules import refusal

EXPELLED_OPINION = -15.0
EMBARGO_OPINION = -20.0
VISITOR_GOODWILL = 5.0
VISIT_CAP = 20.0
AID_OPINION_SCALE = 10.0  # opinion per turn's worth of the receiver's economy
AID_OPINION_MAX = 10.0
AID_OPINION_CAP = 20.0
INTRODUCTION_SHARE = 0.3
MEDIATION_REPUTATION = 8.0
MEDIATION_OPINION = 15.0
LEFT_ORG_OPINION = -5.0
ECONOMY_SCALE = 15.0  # an economy this size gets half the investment rate


@dataclass(slots=True)
class Outcome:
    """What applying an action did: refused with a reason, or done with its news."""

    reason: Msg | None = None
    events: list[Event] = field(default_factory=list)
    proposal: Proposal | None = None  # a proposal that now waits for its recipient's answer

    @property
    def ok(self) -> bool:
        return self.reason is None


def apply(state: GameState, action: A.Action) -> Outcome:
    reason = refusal(state, action)
    if reason is not None:
        return Outcome(reason)
    first_event = len(state.events)
    proposal = _EFFECTS[type(action)](state, action)
    if isinstance(action, A.Diplomatic):
        state.regions[action.actor].actions_left -= 1
    return Outcome(None, state.events[first_event:], proposal)


def _send_ambassador(state: GameState, a: A.SendAmbassador) -> None:
    state.ambassadors.add((a.actor, a.target))
    news(state, "ambassador_sent", a.actor, a.target)


def _recall_ambassador(state: GameState, a: A.RecallAmbassador) -> None:
    state.ambassadors.discard((a.actor, a.target))
    news(state, "ambassador_recalled", a.actor, a.target)


def _expel_ambassador(state: GameState, a: A.ExpelAmbassador) -> None:
    state.ambassadors.discard((a.sender, a.actor))
    add_modifier(state, a.sender, a.actor, "expelled_ambassador", EXPELLED_OPINION, 0.5)
    news(state, "ambassador_expelled", a.actor, a.sender)


def _state_visit(state: GameState, a: A.StateVisit) -> Proposal:
    state.regions[a.actor].visit_used = True
    return propose(state, "visit", a.actor, a.target, Terms())


def _propose_treaty(state: GameState, a: A.ProposeTreaty) -> Proposal:
    return propose(state, "treaty", a.actor, a.target, Terms(treaty=a.kind, exclusive=a.exclusive))


def _propose_peace(state: GameState, a: A.ProposePeace) -> Proposal | None:
    terms = Terms(
        tribute=a.tribute if a.terms == "tribute" else 0.0,
        payer=a.payer if a.terms == "tribute" else None,
        annex=a.target if a.terms == "annex" else None,
    )
    war = war_between(state, a.actor, a.target)
    assert war is not None
    if war.capitulated == a.target and (terms.annex == a.target or terms.payer == a.target):
        make_peace(state, war, terms)  # a capitulated region takes the victor's terms
        return None
    return propose(state, "peace", a.actor, a.target, terms)


def _answer(state: GameState, a: A.Answer) -> None:
    proposal = state.proposals.pop(a.proposal)
    if not a.accept:
        _rejected(state, proposal)
        return
    _ACCEPTED[proposal.kind](state, proposal)


def _rejected(state: GameState, p: Proposal) -> None:
    if p.kind == "call_to_arms":
        region = state.regions[p.recipient]
        region.reputation = clamp(region.reputation - IGNORED_CALL_REPUTATION, 0.0, 100.0)
        add_modifier(state, p.sender, p.recipient, "ignored_call", IGNORED_CALL_OPINION, 0.3)
    what = p.terms.treaty or p.kind
    state.refusals[(p.sender, p.recipient, what)] = state.turn
    news(state, "proposal_rejected", p.recipient, p.sender, proposal=what)


def _accept_treaty(state: GameState, p: Proposal) -> None:
    assert p.terms.treaty is not None
    sign_treaty(state, p.terms.treaty, p.sender, p.recipient, exclusive=p.terms.exclusive)


def _accept_peace(state: GameState, p: Proposal) -> None:
    war = war_between(state, p.sender, p.recipient)
    if war is not None:
        make_peace(state, war, p.terms)


def _accept_visit(state: GameState, p: Proposal) -> None:
    visitor, host = p.sender, p.recipient
    rules = state.rules
    state.regions[visitor].treasury -= rules.visit_cost
    scale = 1.0 + 0.5 * affinity(state, host, visitor)  # kin welcome a visit more
    earlier = max(0.0, modifier_value(state, host, visitor, "state_visit"))
    fresh = max(0.25, 1.0 - earlier / (2 * rules.visit_goodwill))  # repeated visits matter less
    goodwill = rules.visit_goodwill * scale * fresh
    add_modifier(state, host, visitor, "state_visit", goodwill, 1.0, cap=VISIT_CAP)
    add_modifier(state, visitor, host, "state_visit", VISITOR_GOODWILL, 1.0, cap=VISIT_CAP)
    news(state, "state_visit", visitor, host)


def _accept_introduction(state: GameState, p: Proposal) -> None:
    asker, via, target = p.sender, p.recipient, p.terms.about
    assert target is not None
    state.regions[asker].contacts.add(target)
    state.regions[target].contacts.add(asker)
    vouch = INTRODUCTION_SHARE * opinion(state, target, via)
    add_modifier(state, target, asker, "introduced", vouch, 0.2)
    news(state, "introduction", via, asker, target)


def _accept_mediation(state: GameState, p: Proposal) -> None:
    mediator, side, other = p.sender, p.recipient, p.terms.about
    assert other is not None
    accepted = (*p.terms.accepted_by, side)
    if other not in accepted:
        propose(state, "mediation", mediator, other, Terms(about=side, accepted_by=accepted))
        return
    war = war_between(state, side, other)
    if war is None:
        return
    loser = war.defender if war.score > 0 else war.attacker
    tribute = 0.0
    if abs(war.score) >= 30:  # the compromise: the side behind pays a modest tribute
        tribute = round(state.regions[loser].economy * 0.1, 2)
    make_peace(state, war, Terms(tribute=tribute, payer=loser if tribute else None))
    mediator_region = state.regions[mediator]
    mediator_region.reputation = clamp(mediator_region.reputation + MEDIATION_REPUTATION, 0.0, 100.0)
    for party in war.parties:
        add_modifier(state, party, mediator, "mediated", MEDIATION_OPINION, 0.3)
    news(state, "mediation", mediator, war.attacker, war.defender)


def _accept_call(state: GameState, p: Proposal) -> None:
    enemy = p.terms.about
    assert enemy is not None
    if war_between(state, p.sender, enemy) is not None and war_between(state, p.recipient, enemy) is None:
        start_war(state, p.recipient, enemy, ally_of=p.sender)
        add_modifier(state, p.sender, p.recipient, "answered_call", 20.0, 0.3)


def _cancel_treaty(state: GameState, a: A.CancelTreaty) -> None:
    end_treaty(state, state.treaties[a.treaty], broken_by=a.actor, why="cancelled")


def _impose_embargo(state: GameState, a: A.ImposeEmbargo) -> None:
    trade = treaty_between(state, a.actor, a.target, "trade")
    if trade is not None:
        end_treaty(state, trade, broken_by=a.actor, why="embargo")
    state.embargoes.add((a.actor, a.target))
    set_modifier(state, a.target, a.actor, "embargo", EMBARGO_OPINION)
    news(state, "embargo_imposed", a.actor, a.target)


def _lift_embargo(state: GameState, a: A.LiftEmbargo) -> None:
    state.embargoes.discard((a.actor, a.target))
    remove_modifier(state, a.target, a.actor, "embargo")
    news(state, "embargo_lifted", a.actor, a.target)


def _declare_war(state: GameState, a: A.DeclareWar) -> None:
    start_war(state, a.actor, a.target)


def _send_aid(state: GameState, a: A.SendAid) -> None:
    giver, taker = state.regions[a.actor], state.regions[a.target]
    giver.treasury -= a.amount
    taker.treasury += a.amount
    weight = AID_OPINION_SCALE * a.amount / max(taker.economy, 1.0)
    add_modifier(state, a.target, a.actor, "aid", min(weight, AID_OPINION_MAX), 0.5, cap=AID_OPINION_CAP)
    news(state, "aid_sent", a.actor, a.target, amount=round(a.amount, 2))


def _request_introduction(state: GameState, a: A.RequestIntroduction) -> Proposal:
    return propose(state, "introduction", a.actor, a.via, Terms(about=a.target))


def _offer_mediation(state: GameState, a: A.OfferMediation) -> Proposal:
    return propose(state, "mediation", a.actor, a.side_a, Terms(about=a.side_b))


def _join_organisation(state: GameState, a: A.JoinOrganisation) -> None:
    state.organisations[a.org].members.add(a.actor)
    state.membership_changed()
    news(state, "joined_organisation", a.actor, org=a.org)


def _leave_organisation(state: GameState, a: A.LeaveOrganisation) -> None:
    org = state.organisations[a.org]
    org.members.discard(a.actor)
    state.membership_changed()
    for member in sorted(org.members):
        add_modifier(state, member, a.actor, "left_organisation", LEFT_ORG_OPINION, 0.2)
    news(state, "left_organisation", a.actor, org=a.org)


def _vote(state: GameState, a: A.Vote) -> None:
    state.resolutions[a.resolution].votes[a.actor] = a.yes


def _invest(state: GameState, a: A.Invest) -> None:
    region = state.regions[a.actor]
    region.treasury -= a.amount
    if a.field == "economy":  # a large economy grows more slowly
        region.economy += (
            a.amount * state.rules.invest_economy_rate * ECONOMY_SCALE / (ECONOMY_SCALE + region.economy)
        )
    else:
        region.military += a.amount * state.rules.invest_military_rate
    news(state, "invest", a.actor, field=a.field, amount=round(a.amount, 2))


_ACCEPTED: dict[str, Callable[[GameState, Proposal], None]] = {
    "treaty": _accept_treaty,
    "peace": _accept_peace,
    "visit": _accept_visit,
    "introduction": _accept_introduction,
    "mediation": _accept_mediation,
    "call_to_arms": _accept_call,
}

_EFFECTS: dict[type, Callable[[GameState, Any], Proposal | None]] = {
    A.SendAmbassador: _send_ambassador,
    A.RecallAmbassador: _recall_ambassador,
    A.ExpelAmbassador: _expel_ambassador,
    A.StateVisit: _state_visit,
    A.ProposeTreaty: _propose_treaty,
    A.ProposePeace: _propose_peace,
    A.Answer: _answer,
    A.CancelTreaty: _cancel_treaty,
    A.ImposeEmbargo: _impose_embargo,
    A.LiftEmbargo: _lift_embargo,
    A.DeclareWar: _declare_war,
    A.SendAid: _send_aid,
    A.RequestIntroduction: _request_introduction,
    A.OfferMediation: _offer_mediation,
    A.JoinOrganisation: _join_organisation,
    A.LeaveOrganisation: _leave_organisation,
    A.Vote: _vote,
    A.Invest: _invest,
}
