"""Checks shared by many action kinds: the region an action is aimed at, and waiting proposals."""

from __future__ import annotations

from game.core.model import GameState, ProposalKind
from game.core.relations import at_war, knows
from game.core.why import Refusal, Why, refuse


def other_region(state: GameState, actor: str, target: str) -> Refusal | None:
    """The region an action is aimed at exists, is another, is alive and known to the actor."""
    other = state.regions.get(target)
    if other is None:
        return refuse(Why.NO_REGION, region=target)
    if target == actor:
        return refuse(Why.SELF)
    if not other.alive:
        return refuse(Why.TARGET_ANNEXED, region=target)
    if not knows(state, actor, target):
        return refuse(Why.NO_CONTACT, region=target)
    return None


def peaceful_region(state: GameState, actor: str, target: str) -> Refusal | None:
    """As `other_region`, and not at war with the actor."""
    found = other_region(state, actor, target)
    if found is None and at_war(state, actor, target):
        return refuse(Why.AT_WAR, region=target)
    return found


def pending(state: GameState, sender: str, recipient: str, kind: ProposalKind) -> bool:
    """A proposal of this kind from sender to recipient still waits for its answer."""
    return any(
        p.sender == sender and p.recipient == recipient and p.kind == kind for p in state.proposals.values()
    )


def embargo_between(state: GameState, a: str, b: str) -> bool:
    return (a, b) in state.embargoes or (b, a) in state.embargoes
