"""Victory: diplomatic, economic or conquest as the scenario allows; best score at the turn limit."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from game.core.diplomacy import news
from game.core.economy import final_score
from game.core.model import GameState, WinReason
from game.core.relations import best_baseline, known_set, opinion


def check_victory(state: GameState, everyone: Mapping[str, set[str]] | None = None) -> None:
    """`everyone`, when given, is `friends` of every living region, worked out for the same state."""
    if state.winner is not None:
        return
    living = state.living()
    if len(living) == 1:
        _win(state, living[0], "conquest")
        return
    v = state.victory
    if v.conquest_share is not None:
        ruled = Counter(region.ruler for region in state.regions.values())
        for r in living:
            if ruled[r] >= v.conquest_share * len(state.regions):
                _win(state, r, "conquest")
                return
    if v.economic_share is not None:
        world = sum(state.regions[r].economy for r in living) or 1.0
        for r in living:
            held = state.regions[r].economy / world >= v.economic_share
            if _streak(state, f"economic:{r}", held) >= v.economic_turns:
                _win(state, r, "economic")
                return
    if v.diplomatic_share is not None:
        needed = v.diplomatic_share * (len(living) - 1)
        friends = likely_friends(state, needed / 2, everyone)  # half way and more: what the world is told
        state.friend_counts = {r: len(found) for r, found in friends.items()}
        for r in living:
            held = len(friends.get(r, ())) >= needed
            if _streak(state, f"diplomatic:{r}", held) >= v.diplomatic_turns:
                _win(state, r, "diplomatic")
                return
    if state.turn >= state.turn_limit:
        best = max(living, key=lambda r: (final_score(state, r), -state.order.index(r)))
        _win(state, best, "score")


def likely_friends(
    state: GameState, needed: float, everyone: Mapping[str, set[str]] | None = None
) -> dict[str, set[str]]:
    """Who regards each region as a friend or is allied with it, for the regions that could have
    `needed` friends at all (counting every pair whose modifiers might lift it to friendly).
    `everyone`, when given, is `friends` of every living region, worked out for the same state:
    what it holds is not worked out again."""
    friendly = state.rules.friendly_opinion
    best = state.rules.affinity_weight + state.rules.neighbour_harmony + state.rules.reputation_weight
    living = state.living()
    if best >= friendly:  # the baseline alone may make friends: anyone may have enough
        return friends(state, living) if everyone is None else {r: everyone[r] for r in living}
    maybe = Counter(
        about
        for (_holder, about), mods in state.opinions.items()
        if sum(m.value for m in mods) + best >= friendly
    )
    allied = Counter(side for t in state.treaties.values() if t.kind == "alliance" for side in (t.a, t.b))
    chosen = [r for r in living if maybe[r] + allied[r] >= needed]
    # `friends` works out each region alone, the same way for a few as for all, unless a baseline
    # alone may make a friend (a reputation beyond the scale): then it goes its other way for all
    if everyone is not None and not _baseline_befriends(state, living):
        return {r: everyone[r] for r in chosen}
    return friends(state, chosen)


def _baseline_befriends(state: GameState, regions: Iterable[str]) -> bool:
    """Whether the best baseline of one of these regions alone is friendly (see `friends`)."""
    friendly = state.rules.friendly_opinion
    return any(best_baseline(state, r) >= friendly for r in regions)


def friends(state: GameState, regions: Iterable[str]) -> dict[str, set[str]]:
    """For each of `regions`, the living regions allied with it or regarding it as a friend: what
    the diplomatic victory counts (and the game over chart shows).

    Where the baseline alone cannot reach friendly (as with the default rules), only pairs with
    modifiers can count, and only those whose modifiers could reach it with the best baseline
    that region may have (full kinship, a friendly border, its own reputation) are worked out in
    full. Rules whose baseline alone may be friendly have every pair worked out.
    """
    friendly = state.rules.friendly_opinion
    found: dict[str, set[str]] = {r: set() for r in regions}
    for treaty in state.treaties.values():
        if treaty.kind == "alliance":
            for a, b in ((treaty.a, treaty.b), (treaty.b, treaty.a)):
                if a in found and state.regions[b].alive:
                    found[a].add(b)
    best = {r: best_baseline(state, r) for r in found}
    if any(value >= friendly for value in best.values()):
        for about in found:  # the baseline alone may make a friend: every pair counts
            found[about] |= {h for h in known_set(state, about) if opinion(state, h, about) >= friendly}
        return found
    for (holder, about), mods in state.opinions.items():  # into sets: order does not matter
        if about not in found or not state.regions[holder].alive:
            continue
        if sum(m.value for m in mods) + best[about] >= friendly and opinion(state, holder, about) >= friendly:
            found[about].add(holder)
    return found


def _streak(state: GameState, key: str, held: bool) -> int:
    value = state.streaks.get(key, 0) + 1 if held else 0
    if value:
        state.streaks[key] = value
    else:
        state.streaks.pop(key, None)
    return value


def _win(state: GameState, region_id: str, how: WinReason) -> None:
    state.winner = region_id
    state.win_reason = how
    news(state, "victory", region_id, how=how)
