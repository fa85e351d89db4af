"""What a declaration of war would set off, told before it is made: who is called to the other
side, which treaties end (and which of them are broken), the reputation lost and what it costs.

Built from a region's view alone: alliances, treaties, truces and organisations are public.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.model import TreatyKind
from game.core.view import View

BROKEN_BY_WAR: frozenset[TreatyKind] = frozenset({"non_aggression", "alliance"})  # as diplomacy.start_war


@dataclass(frozen=True, slots=True)
class WarForecast:
    target: str
    called: tuple[str, ...]  # the target's allies, called to arms against us (each may answer or not)
    broken: tuple[TreatyKind, ...]  # our treaties with the target that the war breaks: reputation
    ended: tuple[TreatyKind, ...]  # our other treaties with it, which simply end
    truce_broken: bool  # a truce with the target stands: breaking it is a betrayal too
    reputation: float  # our reputation lost at once, before any organisation's verdict
    ambassadors: bool  # ambassadors between us (either way) are sent home
    judges: tuple[str, ...]  # security organisations that put every new war to the vote
    gold_per_turn: float  # what the war costs us each turn it lasts


def war_forecast(view: View, target: str) -> WarForecast:
    rules, state = view.rules, view.state
    ours = view.treaties(target)
    broken = tuple(t.kind for t in ours if t.kind in BROKEN_BY_WAR)
    ended = tuple(t.kind for t in ours if t.kind not in BROKEN_BY_WAR)
    truce = view.truce_with(target)
    betrayals = len(broken) + (1 if truce else 0)
    called = tuple(a for a in view.allies(target) if a != view.me and not view.at_war(a, view.me))
    judges = tuple(o.id for o in view.organisations() if o.kind == "security" and o.members)
    return WarForecast(
        target=target,
        called=called,
        broken=broken,
        ended=ended,
        truce_broken=truce,
        reputation=rules.aggression_reputation + betrayals * rules.break_reputation,
        ambassadors=view.has_ambassador(target) or view.hosts_ambassador(target),
        judges=judges,
        gold_per_turn=rules.war_cost * state.regions[view.me].economy,
    )
