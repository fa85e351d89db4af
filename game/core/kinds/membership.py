"""Organisations: apply to join (the members vote), leave, and vote on resolutions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.core import actions as A
from game.core.diplomacy import news
from game.core.kinds.base import ActionKind, Control, Cost
from game.core.messages import Msg, msg
from game.core.model import GameState
from game.core.organisations import open_resolution
from game.core.relations import add_effect
from game.core.why import Refusal, Why, refuse

if TYPE_CHECKING:
    from game.core.view import View


def _join_check(state: GameState, a: A.JoinOrganisation) -> Refusal | None:
    org = state.organisations.get(a.org)
    if org is None:
        return refuse(Why.NO_SUCH_ORGANISATION)
    if a.actor in org.members:
        return refuse(Why.ALREADY_MEMBER)
    if state.regions[a.actor].rogue_turns > 0:
        return refuse(Why.ROGUE_NOT_ADMITTED)
    if any(r.kind == "admit" and r.org == a.org and r.target == a.actor for r in state.resolutions.values()):
        return refuse(Why.APPLICATION_PENDING)
    return None


def _apply(state: GameState, a: A.JoinOrganisation) -> None:
    """The application goes to the members at once; they vote during the next turn."""
    open_resolution(state, state.organisations[a.org], "admit", a.actor, None, 0)


def _join_offers(view: View, target: str | None) -> Iterator[A.JoinOrganisation]:
    if target is None:
        for org in view.organisations():
            if view.me not in org.members:
                yield A.JoinOrganisation(view.me, org.id)


def _join_label(state: GameState, a: A.JoinOrganisation) -> Msg:
    return msg("Apply to join {org}", org=a.org)


def _leave_check(state: GameState, a: A.LeaveOrganisation) -> Refusal | None:
    org = state.organisations.get(a.org)
    if org is None or a.actor not in org.members:
        return refuse(Why.NOT_MEMBER)
    return None


def _leave(state: GameState, a: A.LeaveOrganisation) -> None:
    org = state.organisations[a.org]
    org.members.discard(a.actor)
    state.membership_changed()
    for member in sorted(org.members):
        add_effect(state, member, a.actor, "left_organisation", state.rules.opinion.left_organisation)
    news(state, "left_organisation", a.actor, org=a.org)


def _leave_offers(view: View, target: str | None) -> Iterator[A.LeaveOrganisation]:
    if target is None:
        for org in view.organisations():
            if view.me in org.members:
                yield A.LeaveOrganisation(view.me, org.id)


def _leave_label(state: GameState, a: A.LeaveOrganisation) -> Msg:
    return msg("Leave {org}", org=a.org)


def _vote_check(state: GameState, a: A.Vote) -> Refusal | None:
    resolution = state.resolutions.get(a.resolution)
    if resolution is None:
        return refuse(Why.NO_SUCH_RESOLUTION)
    if a.actor not in state.organisations[resolution.org].members:
        return refuse(Why.ONLY_MEMBERS_VOTE)
    if a.actor == resolution.target:
        return refuse(Why.OWN_CASE)
    if a.actor in resolution.votes:
        return refuse(Why.ALREADY_VOTED)
    return None


def _vote(state: GameState, a: A.Vote) -> None:
    state.resolutions[a.resolution].votes[a.actor] = a.yes


def _vote_offers(view: View, target: str | None) -> Iterator[A.Vote]:
    if target is None:
        for resolution in view.ballots():
            yield A.Vote(view.me, resolution.id, True)
            yield A.Vote(view.me, resolution.id, False)


def _vote_label(state: GameState, a: A.Vote) -> Msg:
    resolution = state.resolutions.get(a.resolution)
    region = resolution.target if resolution is not None else ""
    return msg("Vote for: {region}", region=region) if a.yes else msg("Vote against: {region}", region=region)


KINDS = (
    ActionKind(
        A.JoinOrganisation,
        "Apply to join",
        "Ask an organisation to admit you: its members vote during the next turn. Members of a "
        "trade body trade with each other; members of a security body judge aggressors together.",
        Control.HOME,
        _join_check,
        _apply,
        _join_offers,
        Cost(diplomatic=1),
        _join_label,
    ),
    ActionKind(
        A.LeaveOrganisation,
        "Leave organisation",
        "Leave an organisation: you lose its trade or its protection, and the members resent it.",
        Control.HOME,
        _leave_check,
        _leave,
        _leave_offers,
        Cost(diplomatic=1),
        _leave_label,
    ),
    ActionKind(
        A.Vote,
        "Vote",
        "Vote on a resolution of an organisation you belong to. A resolution passes only with "
        "the yes of more than half of the members who may vote: staying silent is not a yes.",
        Control.BALLOT,
        _vote_check,
        _vote,
        _vote_offers,
        label=_vote_label,
    ),
)
