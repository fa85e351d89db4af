"""Questions about the relations between regions: who knows, likes, trades with or fights whom."""

from __future__ import annotations

from game.core.config import Effect
from game.core.model import GameState, Modifier, ModifierKind, Treaty, TreatyKind, War, pair

OPINION_MIN, OPINION_MAX = -100.0, 100.0  # the scale of opinion, not a tunable number
REPUTATION_NEUTRAL = 50.0  # the middle of the reputation scale (0..100)


def clamp(value: float, low: float, high: float) -> float:
    return low if value < low else high if value > high else value


def change_reputation(state: GameState, region: str, amount: float, ceiling: float = 100.0) -> None:
    """Move a region's reputation by `amount`, within 0..100; a gain stops at `ceiling`."""
    r = state.regions[region]
    top = max(r.reputation, ceiling) if amount > 0 else 100.0
    r.reputation = clamp(r.reputation + amount, 0.0, min(top, 100.0))


def war_between(state: GameState, a: str, b: str) -> War | None:
    if a == b:
        return None
    for war_id in state.war_ids.get(a, ()):  # at most one war per pair: order does not matter
        war = state.wars[war_id]
        if b in war.parties:
            return war
    return None


def at_war(state: GameState, a: str, b: str) -> bool:
    return war_between(state, a, b) is not None


def enemies(state: GameState, a: str) -> list[str]:
    found = {w.defender if w.attacker == a else w.attacker for w in state.wars_of(a)}
    return sorted(found)


def wars_of(state: GameState, a: str) -> list[War]:
    return state.wars_of(a)


def treaty_between(state: GameState, a: str, b: str, kind: TreatyKind) -> Treaty | None:
    for treaty_id in state.treaty_ids.get(a, ()):  # at most one of a kind per pair
        treaty = state.treaties[treaty_id]
        if treaty.kind == kind and b in treaty.parties:
            return treaty
    return None


def treaties_of(state: GameState, a: str) -> list[Treaty]:
    return state.treaties_of(a)


def partners(state: GameState, a: str, kind: TreatyKind) -> list[str]:
    found = (t.b if t.a == a else t.a for t in state.treaties_of(a) if t.kind == kind)
    return sorted(found)


def allies(state: GameState, a: str) -> list[str]:
    return partners(state, a, "alliance")


def fellow_members(state: GameState, a: str) -> frozenset[str]:
    """Everyone who sits in an organisation with a (remembered until membership changes)."""
    known = state.fellows_memo.get(a)
    if known is None:
        found: set[str] = set()
        for org in state.organisations.values():
            if a in org.members:
                found |= org.members
        found.discard(a)
        known = state.fellows_memo[a] = frozenset(found)
    return known


def knows(state: GameState, a: str, b: str) -> bool:
    """Contact: neighbours, fellow members of an organisation, or met (introduced, or in a war)."""
    if a == b:
        return False
    return b in state.neighbours[a] or b in state.regions[a].contacts or b in fellow_members(state, a)


def known_set(state: GameState, a: str) -> set[str]:
    """The living regions a knows, unordered: sort before iterating."""
    met = {r for r in state.regions[a].contacts if state.regions[r].alive}
    found = met | state.neighbours[a] | fellow_members(state, a)  # members and rulers are alive
    found.discard(a)
    return found


def known_regions(state: GameState, a: str) -> list[str]:
    return sorted(known_set(state, a))


def has_access_to(state: GameState, a: str, b: str) -> bool:
    """A reaches b through a partner that granted military access and borders b."""
    found = state.neighbours
    return any(t.kind == "access" and b in found[t.other(a)] for t in state.treaties_of(a))


def reachable(state: GameState, a: str, b: str) -> bool:
    return b in state.neighbours[a] or has_access_to(state, a, b)


def affinity(state: GameState, a: str, b: str) -> float:
    """Cultural affinity -1..1: a region-pair override, else the culture pair, else kinship."""
    key = pair(a, b)
    known = state.affinity_memo.get(key)
    if known is None:
        known = state.affinity_memo[key] = _affinity(state, a, b)
    return known


def _affinity(state: GameState, a: str, b: str) -> float:
    override = state.affinity.get(pair(a, b))
    if override is not None:
        return override
    ca, cb = state.regions[a].culture, state.regions[b].culture
    if ca == cb:
        return 1.0
    value = state.affinity.get(pair(ca, cb))
    if value is not None:
        return value
    ga, gb = state.culture_group.get(ca), state.culture_group.get(cb)
    return state.rules.group_affinity if ga is not None and ga == gb else 0.0


def kin(state: GameState, a: str, b: str) -> bool:
    return affinity(state, a, b) >= state.rules.kin_affinity


def baseline(state: GameState, a: str, b: str) -> float:
    """Culture, the border, and b's reputation where a knows b: `_baseline`'s parts added up in
    their order, with no dict built (opinions are asked for often)."""
    rules = state.rules
    likeness = affinity(state, a, b)
    total = 0.0 + rules.affinity_weight * likeness  # from zero, as sum() adds: -0.0 comes out 0.0
    if b in state.neighbours[a]:
        total += rules.neighbour_harmony if likeness > 0 else rules.neighbour_friction
    if knows(state, a, b):
        total += reputation_term(state, b)
        total += power_term(state, b)
    return total


def baseline_parts(state: GameState, a: str, b: str) -> list[tuple[str, float]]:
    """The baseline of a's opinion of b, named part by part, for the player to read."""
    return [(name, value) for name, value in _baseline(state, a, b).items() if round(value) != 0]


def _baseline(state: GameState, a: str, b: str) -> dict[str, float]:
    """The parts by name, in the order they are added up (`baseline` adds them alike)."""
    rules = state.rules
    likeness = affinity(state, a, b)
    parts = {"culture": rules.affinity_weight * likeness}
    if b in state.neighbours[a]:
        parts["border"] = rules.neighbour_harmony if likeness > 0 else rules.neighbour_friction
    if knows(state, a, b):
        parts["reputation"] = reputation_term(state, b)
        parts["power"] = power_term(state, b)
    return parts


def power_term(state: GameState, b: str) -> float:
    """The balance of power: every other region is wary of the one that led the scores recorded
    at the end of the last turn, the more so the wider its lead, up to `power_wariness` (half of
    it for any lead, all of it at a lead of `power_lead`)."""
    weight = state.rules.power_wariness
    if weight <= 0:
        return 0.0
    if state.power_memo is None:
        state.power_memo = power_leader(state)
    leader, lead = state.power_memo
    if leader != b:
        return 0.0
    return -weight * min(1.0, 0.5 + lead / state.rules.power_lead)


def power_leader(state: GameState) -> tuple[str, float]:
    """The region of the best recorded score and its lead over the next (0: a tie or none)."""
    last = sorted(((s[-1], r) for r, s in state.recent_scores.items() if s), reverse=True)
    if len(last) < 2 or last[0][0] <= last[1][0]:
        return "", 0.0
    return last[0][1], last[0][0] / max(last[1][0], 1.0) - 1.0


def best_baseline(state: GameState, b: str) -> float:
    """The most any baseline opinion of b can be: full kinship, a friendly border, its reputation."""
    rules = state.rules
    return rules.affinity_weight + rules.neighbour_harmony + max(0.0, reputation_term(state, b))


def reputation_term(state: GameState, b: str) -> float:
    """What b's reputation adds to the opinion of everyone who knows it: ±reputation_weight."""
    weight = state.rules.reputation_weight
    return weight * (state.regions[b].reputation - REPUTATION_NEUTRAL) / REPUTATION_NEUTRAL


def modifiers(state: GameState, holder: str, about: str) -> list[Modifier]:
    return state.opinions.get((holder, about), [])


def opinion(state: GameState, holder: str, about: str) -> float:
    """How `holder` regards `about`, -100..100."""
    total = baseline(state, holder, about) + sum(m.value for m in modifiers(state, holder, about))
    return clamp(total, OPINION_MIN, OPINION_MAX)


def opinion_label(value: float) -> str:
    if value < -50:
        return "hostile"
    if value < -15:
        return "unfriendly"
    if value < 15:
        return "neutral"
    if value < 50:
        return "cordial"
    return "friendly"


def add_effect(
    state: GameState, holder: str, about: str, kind: ModifierKind, effect: Effect, scale: float = 1.0
) -> None:
    """Add one of the rules' opinion effects (its value times `scale`), within its cap."""
    add_modifier(state, holder, about, kind, effect.value * scale, effect.decay, effect.cap)


def add_modifier(
    state: GameState,
    holder: str,
    about: str,
    kind: ModifierKind,
    value: float,
    decay: float,
    cap: float = 100.0,
) -> None:
    """Add to the modifier of this kind (one per kind and pair), keeping it within ±cap."""
    if holder == about or value == 0:
        return
    mods = state.opinions.setdefault((holder, about), [])
    for mod in mods:
        if mod.kind == kind:
            mod.value = clamp(mod.value + value, -cap, cap)
            mod.decay = max(mod.decay, decay)
            return
    mods.append(Modifier(kind, clamp(value, -cap, cap), decay))


def set_modifier(state: GameState, holder: str, about: str, kind: ModifierKind, value: float) -> None:
    """A lasting modifier whose value the rules set outright (treaties, ambassadors)."""
    mods = state.opinions.setdefault((holder, about), [])
    for mod in mods:
        if mod.kind == kind:
            mod.value = value
            return
    mods.append(Modifier(kind, value, 0.0))


def remove_modifier(state: GameState, holder: str, about: str, kind: ModifierKind) -> None:
    mods = state.opinions.get((holder, about))
    if mods:
        mods[:] = [m for m in mods if m.kind != kind]


def modifier_value(state: GameState, holder: str, about: str, kind: ModifierKind) -> float:
    return sum(m.value for m in modifiers(state, holder, about) if m.kind == kind)
