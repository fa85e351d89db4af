"""What must hold in every state, whatever was played: checked by tests and by the soak command."""

from __future__ import annotations

import math

from game.core.economy import bound_side
from game.core.model import GameState, pair
from game.core.relations import at_war, opinion

FIGURES = ("treasury", "economy", "military", "stability", "reputation", "exhaustion")


def broken_invariants(state: GameState) -> list[str]:
    """Every invariant the state breaks, in words; an empty list for a sound state."""
    found: list[str] = []
    _figures(state, found)
    _opinions(state, found)
    _treaties(state, found)
    _wars(state, found)
    _annexed(state, found)
    return found


def _figures(state: GameState, found: list[str]) -> None:
    for region in state.regions.values():
        for name in FIGURES:
            if not math.isfinite(getattr(region, name)):
                found.append(f"{region.id}.{name} is {getattr(region, name)}")
        if not 0.0 <= region.reputation <= 100.0:
            found.append(f"{region.id} reputation {region.reputation}")
        if not 0.0 <= region.stability <= 100.0:
            found.append(f"{region.id} stability {region.stability}")
        if region.actions_left < 0:
            found.append(f"{region.id} has {region.actions_left} actions left")
        if not state.regions[region.ruler].alive:
            found.append(f"{region.id}'s ruler {region.ruler} is annexed")


def _opinions(state: GameState, found: list[str]) -> None:
    for (holder, about), mods in state.opinions.items():
        for mod in mods:
            if not math.isfinite(mod.value):
                found.append(f"modifier {mod} of {holder}->{about}")
    ids = list(state.regions)
    for holder in ids:
        for about in ids:
            if holder != about and not -100.0 <= opinion(state, holder, about) <= 100.0:
                found.append(f"opinion {holder}->{about} out of range")


def _treaties(state: GameState, found: list[str]) -> None:
    kinds = [(t.kind, t.a, t.b) for t in state.treaties.values()]
    if len(kinds) != len(set(kinds)):
        found.append("two treaties of one kind between the same pair")
    for treaty in state.treaties.values():
        if treaty.kind == "alliance" and at_war(state, treaty.a, treaty.b):
            found.append(f"allies {treaty.a} and {treaty.b} are at war")
        if treaty.kind == "trade" and (
            (treaty.a, treaty.b) in state.embargoes or (treaty.b, treaty.a) in state.embargoes
        ):
            found.append(f"trade across an embargo: {treaty}")
    for region_id in state.regions:
        trade = [t for t in state.treaties_of(region_id) if t.kind == "trade"]
        if any(bound_side(state, t) == region_id for t in trade) and len(trade) > 1:
            found.append(f"{region_id} breaks an exclusive trade agreement")
    if any(link not in state.embargoes for link in state.sanctions):
        found.append("a sanction without its embargo")
    if any(link in state.embargoes for link in state.pledges):
        found.append("an embargo its imposer pledged in a deal not to impose")
    if {i for ids in state.treaty_ids.values() for i in ids} != set(state.treaties):
        found.append("treaty index out of step")


def _wars(state: GameState, found: list[str]) -> None:
    if {i for ids in state.war_ids.values() for i in ids} != set(state.wars):
        found.append("war index out of step")
    sides = [frozenset(w.parties) for w in state.wars.values()]
    if len(sides) != len(set(sides)):
        found.append("two wars between the same pair")
    for war in state.wars.values():
        if war.attacker == war.defender:
            found.append(f"{war.attacker} at war with itself")
        if pair(war.attacker, war.defender) in state.truces:
            found.append(f"truce during war {war}")
        if (war.attacker, war.defender) in state.ambassadors or (
            war.defender,
            war.attacker,
        ) in state.ambassadors:
            found.append(f"ambassador stays during war {war}")


def _annexed(state: GameState, found: list[str]) -> None:
    for region_id, region in state.regions.items():
        if region.alive:
            continue
        if state.treaties_of(region_id) or state.wars_of(region_id):
            found.append(f"annexed {region_id} holds treaties or wars")
        if state.ambassadors.from_(region_id) or state.ambassadors.to(region_id):
            found.append(f"annexed {region_id} has envoys")
        if state.embargoes.from_(region_id) or state.embargoes.to(region_id):
            found.append(f"annexed {region_id} has embargoes")
        if any(region_id in org.members for org in state.organisations.values()):
            found.append(f"annexed {region_id} is still a member")
        if any(region_id in (p.sender, p.recipient) for p in state.proposals.values()):
            found.append(f"annexed {region_id} has proposals")
