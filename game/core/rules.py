"""Legality: why an action may not be taken, as a text the player reads, or None when it may."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.core import actions as A
from game.core.messages import Msg, msg
from game.core.model import TREATY_KINDS, GameState
from game.core.relations import (
    at_war,
    knows,
    opinion,
    reachable,
    treaty_between,
    war_between,
)

MAX_TRIBUTE_SHARE = 0.5  # of the payer's economy
MEDIATOR_STANDING = -15.0  # both sides must think at least this well of a mediator
JOIN_STANDING = -15.0  # members' mean opinion of an applicant


def refusal(state: GameState, action: A.Action) -> Msg | None:
    """The reason this action is refused, or None when it is legal now."""
    general = _actor_refusal(state, action)
    if general is not None:
        return general
    check = _CHECKS.get(type(action))
    if check is None:
        return msg("Unknown action.")
    return check(state, action)


def _actor_refusal(state: GameState, action: A.Action) -> Msg | None:
    region = state.regions.get(action.actor)
    if region is None:
        return msg("There is no region {region}.", region=action.actor)
    if state.over:
        return msg("The game is over.")
    if not region.alive:
        return msg("{region} has been annexed and can no longer act.", region=action.actor)
    if isinstance(action, A.Diplomatic) and region.actions_left <= 0:
        return msg("No diplomatic actions left this turn.")
    return None


def _other(state: GameState, actor: str, target: str) -> Msg | None:
    """The common checks on the region an action is aimed at."""
    other = state.regions.get(target)
    if other is None:
        return msg("There is no region {region}.", region=target)
    if target == actor:
        return msg("A region cannot do that to itself.")
    if not other.alive:
        return msg("{region} has been annexed.", region=target)
    if not knows(state, actor, target):
        return msg("You have no contact with {region}.", region=target)
    return None


def _peaceful_other(state: GameState, actor: str, target: str) -> Msg | None:
    found = _other(state, actor, target)
    if found is None and at_war(state, actor, target):
        return msg("You are at war with {region}.", region=target)
    return found


def _pending(state: GameState, sender: str, recipient: str, kind: str) -> bool:
    return any(
        p.sender == sender and p.recipient == recipient and p.kind == kind for p in state.proposals.values()
    )


def _send_ambassador(state: GameState, a: A.SendAmbassador) -> Msg | None:
    found = _peaceful_other(state, a.actor, a.target)
    if found:
        return found
    if (a.actor, a.target) in state.ambassadors:
        return msg("You already have an ambassador in {region}.", region=a.target)
    if state.regions[a.actor].treasury < state.rules.ambassador_upkeep:
        return msg("You cannot pay an ambassador's upkeep.")
    return None


def _recall_ambassador(state: GameState, a: A.RecallAmbassador) -> Msg | None:
    if (a.actor, a.target) not in state.ambassadors:
        return msg("You have no ambassador in {region}.", region=a.target)
    return None


def _expel_ambassador(state: GameState, a: A.ExpelAmbassador) -> Msg | None:
    if (a.sender, a.actor) not in state.ambassadors:
        return msg("{region} has no ambassador here.", region=a.sender)
    return None


def _state_visit(state: GameState, a: A.StateVisit) -> Msg | None:
    if state.regions[a.actor].visit_used:
        return msg("Your ruler has already travelled this turn.")
    found = _peaceful_other(state, a.actor, a.target)
    if found:
        return found
    if state.regions[a.actor].treasury < state.rules.visit_cost:
        return msg("A state visit costs {cost} gold.", cost=state.rules.visit_cost)
    return None


def _propose_treaty(state: GameState, a: A.ProposeTreaty) -> Msg | None:
    found = _peaceful_other(state, a.actor, a.target)
    if found:
        return found
    if (a.actor, a.target) not in state.ambassadors:
        return msg("You need an ambassador in {region} to propose a treaty.", region=a.target)
    if _pending(state, a.actor, a.target, "treaty") or _pending(state, a.target, a.actor, "treaty"):
        return msg("A proposal between you and {region} is still waiting for an answer.", region=a.target)
    return _treaty_conflict(state, a.actor, a.target, a.kind, a.exclusive)


def _treaty_conflict(state: GameState, x: str, y: str, kind: str, exclusive: bool) -> Msg | None:
    """What stands in the way of this treaty between x and y, both when proposed and when accepted."""
    if kind not in TREATY_KINDS:
        return msg("There is no such kind of treaty.")
    if treaty_between(state, x, y, kind) is not None:
        return msg("You already have this treaty with {region}.", region=y)
    if exclusive and kind != "trade":
        return msg("Only trade agreements can be exclusive.")
    if kind == "trade":
        if (x, y) in state.embargoes or (y, x) in state.embargoes:
            return msg("An embargo stands between you and {region}.", region=y)
        for side in (x, y):
            deals = [t for t in state.treaties_of(side) if t.kind == "trade"]
            if any(t.exclusive for t in deals):
                return msg("{region} is bound by an exclusive trade agreement.", region=side)
            if exclusive and deals:
                return msg("{region} already trades with others; exclusivity is impossible.", region=side)
    return None


def _propose_peace(state: GameState, a: A.ProposePeace) -> Msg | None:
    found = _other(state, a.actor, a.target)
    if found:
        return found
    if a.terms not in ("white", "tribute", "annex"):
        return msg("Peace terms are a white peace, a tribute or an annexation.")
    war = war_between(state, a.actor, a.target)
    if war is None:
        return msg("You are not at war with {region}.", region=a.target)
    if _pending(state, a.actor, a.target, "peace"):
        return msg("Your peace offer to {region} is still waiting for an answer.", region=a.target)
    if a.terms == "annex" and war.capitulated != a.target:
        return msg("Only a region that has capitulated can be annexed.")
    if a.terms == "tribute":
        if a.payer not in (a.actor, a.target):
            return msg("The tribute must be paid by one side of the war.")
        limit = state.regions[a.payer].economy * MAX_TRIBUTE_SHARE
        if not 0 < a.tribute <= limit:
            return msg("The tribute must be between 0 and {limit} gold per turn.", limit=round(limit, 1))
    return None


def _answer(state: GameState, a: A.Answer) -> Msg | None:
    proposal = state.proposals.get(a.proposal)
    if proposal is None or proposal.recipient != a.actor:
        return msg("There is no such proposal waiting for you.")
    terms = proposal.terms
    forced = proposal.kind == "peace" and (terms.annex == a.actor or terms.payer == a.actor)
    if forced and not a.accept:
        war = war_between(state, proposal.sender, a.actor)
        if war is not None and war.capitulated == a.actor:
            return msg("You have capitulated and must accept the victor's terms.")
    if not a.accept:
        return None
    if proposal.kind in ("treaty", "visit") and at_war(state, proposal.sender, a.actor):
        return msg("You are at war with {region}.", region=proposal.sender)
    if proposal.kind == "treaty" and terms.treaty is not None:
        return _treaty_conflict(state, proposal.sender, a.actor, terms.treaty, terms.exclusive)
    if proposal.kind == "visit" and state.regions[proposal.sender].treasury < state.rules.visit_cost:
        return msg("{region} can no longer pay for the visit.", region=proposal.sender)
    return None


def _cancel_treaty(state: GameState, a: A.CancelTreaty) -> Msg | None:
    treaty = state.treaties.get(a.treaty)
    if treaty is None or a.actor not in treaty.parties:
        return msg("You have no such treaty.")
    return None


def _impose_embargo(state: GameState, a: A.ImposeEmbargo) -> Msg | None:
    found = _other(state, a.actor, a.target)
    if found:
        return found
    if (a.actor, a.target) in state.embargoes:
        return msg("You already have an embargo on {region}.", region=a.target)
    return None


def _lift_embargo(state: GameState, a: A.LiftEmbargo) -> Msg | None:
    if (a.actor, a.target) not in state.embargoes:
        return msg("You have no embargo on {region}.", region=a.target)
    return None


def _declare_war(state: GameState, a: A.DeclareWar) -> Msg | None:
    found = _other(state, a.actor, a.target)
    if found:
        return found
    if at_war(state, a.actor, a.target):
        return msg("You are already at war with {region}.", region=a.target)
    if treaty_between(state, a.actor, a.target, "alliance") is not None:
        return msg("{region} is your ally: cancel the alliance first.", region=a.target)
    if not reachable(state, a.actor, a.target):
        return msg("{region} is neither a neighbour nor reachable through an ally's land.", region=a.target)
    return None


def _send_aid(state: GameState, a: A.SendAid) -> Msg | None:
    found = _peaceful_other(state, a.actor, a.target)
    if found:
        return found
    if not a.amount > 0:
        return msg("Aid must be a positive sum.")
    if state.regions[a.actor].treasury < a.amount:
        return msg("Your treasury holds too little.")
    if (a.actor, a.target) in state.embargoes or (a.target, a.actor) in state.embargoes:
        return msg("An embargo stands between you and {region}.", region=a.target)
    return None


def _request_introduction(state: GameState, a: A.RequestIntroduction) -> Msg | None:
    found = _peaceful_other(state, a.actor, a.via)
    if found:
        return found
    target = state.regions.get(a.target)
    if target is None or not target.alive or a.target == a.actor:
        return msg("There is no such region to meet.")
    if knows(state, a.actor, a.target):
        return msg("You already know {region}.", region=a.target)
    if (a.actor, a.via) not in state.ambassadors:
        return msg("You need an ambassador in {region} to ask for an introduction.", region=a.via)
    if not knows(state, a.via, a.target) or at_war(state, a.via, a.target):
        return msg("{via} has no relations with {region}.", via=a.via, region=a.target)
    if _pending(state, a.actor, a.via, "introduction"):
        return msg("Your request to {region} is still waiting for an answer.", region=a.via)
    return None


def _offer_mediation(state: GameState, a: A.OfferMediation) -> Msg | None:
    for side in (a.side_a, a.side_b):
        found = _peaceful_other(state, a.actor, side)
        if found:
            return found
    if war_between(state, a.side_a, a.side_b) is None:
        return msg("{a} and {b} are not at war.", a=a.side_a, b=a.side_b)
    if (a.actor, a.side_a) not in state.ambassadors and (a.actor, a.side_b) not in state.ambassadors:
        return msg("You need an ambassador with one of the sides to mediate.")
    for side in (a.side_a, a.side_b):
        if opinion(state, side, a.actor) < MEDIATOR_STANDING:
            return msg("{region} does not trust you enough to accept you as mediator.", region=side)
    if any(p.kind == "mediation" and p.sender == a.actor for p in state.proposals.values()):
        return msg("Your mediation offer is still waiting for an answer.")
    return None


def _join_organisation(state: GameState, a: A.JoinOrganisation) -> Msg | None:
    org = state.organisations.get(a.org)
    if org is None:
        return msg("There is no such organisation.")
    if a.actor in org.members:
        return msg("You are already a member.")
    if state.regions[a.actor].rogue_turns > 0:
        return msg("Regions marked rogue are not admitted.")
    members = sorted(m for m in org.members if state.regions[m].alive)
    if members:
        if not any(knows(state, a.actor, m) for m in members):
            return msg("You know none of the members.")
        mean = sum(opinion(state, m, a.actor) for m in members) / len(members)
        if mean < JOIN_STANDING:
            return msg("The members' opinion of you is too low ({value}).", value=round(mean))
    return None


def _leave_organisation(state: GameState, a: A.LeaveOrganisation) -> Msg | None:
    org = state.organisations.get(a.org)
    if org is None or a.actor not in org.members:
        return msg("You are not a member.")
    return None


def _vote(state: GameState, a: A.Vote) -> Msg | None:
    resolution = state.resolutions.get(a.resolution)
    if resolution is None:
        return msg("There is no such resolution.")
    if a.actor not in state.organisations[resolution.org].members:
        return msg("Only members vote.")
    if a.actor in resolution.votes:
        return msg("You have already voted.")
    return None


def _invest(state: GameState, a: A.Invest) -> Msg | None:
    if a.field not in ("economy", "military"):
        return msg("Invest in economy or military.")
    if not a.amount > 0:
        return msg("Investment must be a positive sum.")
    if state.regions[a.actor].treasury < a.amount:
        return msg("Your treasury holds too little.")
    return None


_CHECKS: dict[type, Callable[[GameState, Any], Msg | None]] = {
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
