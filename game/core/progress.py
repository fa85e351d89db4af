"""How far each region is from each way of winning the scenario, as every player may know it.

All of it is public, like the standings: who rules what, the size of every economy, and how many
regions are allied with a region or regard it as a friend (the count the diplomatic victory makes,
never which regions they are). The turns a share has been held are the victory check's own count.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from game.core.economy import final_score, standings
from game.core.model import GameState
from game.core.victory import friends

Way = Literal["diplomatic", "economic", "conquest"]
WAYS: tuple[Way, ...] = ("diplomatic", "economic", "conquest")
NEAR_SHARE = 0.9  # within this part of a share, a region is closing in on it


@dataclass(frozen=True, slots=True)
class WayProgress:
    """One way of winning for one region: what it has, what it needs, and for how long it has held it.

    `have` and `need` are counts of regions (diplomatic: friends and allies; conquest: regions
    ruled) or a share of the world's income (economic). `held` counts the turns in a row the need
    has been met, of the `turns` it must be (0 for conquest: ruling the land is enough).
    """

    way: Way
    have: float
    need: float
    held: int
    turns: int

    @property
    def met(self) -> bool:
        return self.have >= self.need

    @property
    def turns_to_win(self) -> int | None:
        """While the need stays met, the turn ends (victory checks) still needed to win; else None."""
        if not self.met:
            return None
        return max(1, self.turns - self.held)

    @property
    def close(self) -> bool:
        """Meeting the need (and counting the turns), or one annexation or a few friends short of it."""
        if self.met:
            return True
        if self.way == "conquest":
            return self.have + 1 >= self.need
        return self.have >= NEAR_SHARE * self.need


@dataclass(frozen=True, slots=True)
class Standing:
    region: str
    rank: int  # 1 is the best, among the living regions
    score: float  # this turn's score
    final: float  # the score that ranks at the turn limit: the mean of the last turns'


class Progress:
    """The progress of every living region, worked out once for a state that stands still."""

    def __init__(self, state: GameState) -> None:
        self.state = state
        self.living = state.living()
        v = state.victory
        self.ways: tuple[Way, ...] = tuple(
            w
            for w, share in zip(WAYS, (v.diplomatic_share, v.economic_share, v.conquest_share), strict=True)
            if share is not None
        )
        self._friends: dict[str, int] | None = None
        self._ruled = Counter(r.ruler for r in state.regions.values())
        self._world_economy = sum(state.regions[r].economy for r in self.living) or 1.0

    def standings(self) -> list[Standing]:
        state = self.state
        living = [
            (r, points) for r, points in standings(state) if state.regions[r].alive
        ]  # annexed this turn
        return [
            Standing(region, rank, points, final_score(state, region))
            for rank, (region, points) in enumerate(living, start=1)
        ]

    def standing(self, region: str) -> Standing | None:
        return next((s for s in self.standings() if s.region == region), None)

    def of(self, region: str) -> list[WayProgress]:
        """Each way of winning the scenario offers, for `region`."""
        return [self.way(region, w) for w in self.ways]

    def way(self, region: str, way: Way) -> WayProgress:
        state, v = self.state, self.state.victory
        if way == "conquest":
            need = float(v.conquest_share or 0.0) * len(state.regions)
            return WayProgress(way, float(self._ruled[region]), need, 0, 0)
        if way == "economic":
            share = state.regions[region].economy / self._world_economy
            held = state.streaks.get(f"economic:{region}", 0)
            return WayProgress(way, share, float(v.economic_share or 0.0), held, v.economic_turns)
        need = float(v.diplomatic_share or 0.0) * (len(self.living) - 1)
        held = state.streaks.get(f"diplomatic:{region}", 0)
        return WayProgress(way, float(self.friend_count(region)), need, held, v.diplomatic_turns)

    def friend_count(self, region: str) -> int:
        if self._friends is None:
            self._friends = {r: len(found) for r, found in friends(self.state, self.living).items()}
        return self._friends.get(region, 0)

    def closest(self, region: str) -> WayProgress | None:
        """The way `region` is nearest to winning by, as a part of its need."""
        found = self.of(region)
        if not found:
            return None
        return max(found, key=lambda p: (p.met, p.held, p.have / p.need if p.need else 1.0))

    def threats(self) -> list[tuple[str, WayProgress]]:
        """Every living region close to a victory, the nearest first."""
        found = [(r, p) for r in self.living for p in self.of(r) if p.close]
        return sorted(found, key=lambda item: (item[1].turns_to_win or 10**6, item[0]))
