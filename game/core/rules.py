"""Legality: why an action may not be taken (a coded refusal the player reads), or None when it
may. What each kind requires is declared with the kind (game/core/kinds); here are the checks
every action shares: the actor, the turn's budget and the gold it costs."""

from __future__ import annotations

from game.core.actions import Action
from game.core.kinds.base import AnyKind
from game.core.model import GameState
from game.core.registry import kind_of
from game.core.why import Refusal, Why, refuse


def refusal(state: GameState, action: Action) -> Refusal | None:
    """The reason this action is refused, or None when it is legal now."""
    region = state.regions.get(action.actor)
    if region is None:
        return refuse(Why.NO_REGION, region=action.actor)
    if state.over:
        return refuse(Why.GAME_OVER)
    if not region.alive:
        return refuse(Why.ACTOR_ANNEXED, region=action.actor)
    kind = kind_of(action)
    if kind is None:
        return refuse(Why.UNKNOWN_ACTION)
    cost = kind.cost
    if cost.diplomatic and region.actions_left < cost.diplomatic:
        return refuse(Why.NO_ACTIONS_LEFT)
    if cost.visit and region.visit_used:
        return refuse(Why.NO_VISIT_LEFT)
    found = kind.check(state, action)
    if found is not None:
        return found
    due = gold_due(state, kind, action)
    if due > 0 and not region.treasury >= due:
        return refuse(Why.TOO_LITTLE_GOLD, cost=round(due, 2))
    return None


def gold_due(state: GameState, kind: AnyKind, action: Action) -> float:
    """The gold a treasury must hold to take an action of this kind: what it costs now and a first
    turn's upkeep."""
    cost = kind.cost
    now = cost.gold(state, action) if cost.gold is not None else 0.0
    return now + (cost.upkeep(state.rules) if cost.upkeep is not None else 0.0)
