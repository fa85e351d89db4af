"""The ladder: a rating for every kind of player over the games of a tournament.

Every two seats of a game held by different kinds of player are one comparison: the seat that
finished higher beat the other. The ratings are the Bradley-Terry model of those comparisons (the
model behind Elo) on Elo's scale: a rating 400 points above another expects to finish above it
ten times out of eleven. Unlike Elo's game-by-game updates they are fitted to all games at once,
so the order in which the games were played, or finished, does not matter. Each rating comes with
a 95 % interval from resampling the games (seeded, so the same games give the same interval).
"""

from __future__ import annotations

import math
import random
import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

MEAN_RATING = 1500.0
SCALE = 400.0 / math.log(10)  # natural-log strength to Elo points
PRIOR = 0.5  # a half comparison won each way by every two kinds that met: no infinite rating
RESAMPLES = 200
RESAMPLING_SEED = 1
MAX_STEPS = 2000
TOLERANCE = 1e-7  # in natural-log strength: under a ten-thousandth of an Elo point

Wins = dict[tuple[str, str], float]  # (a, b) -> comparisons a won against b


@dataclass(frozen=True, slots=True)
class Rung:
    player: str
    rating: float | None  # None for a player that met no other: nothing to rate
    interval: tuple[float, float] | None  # None from a single game: nothing to resample
    comparisons: int


def comparisons(seats: Mapping[str, str], ranks: Mapping[str, int]) -> Wins:
    """One game's comparisons: for two seats of different kinds, the higher rank (1 is best) won."""
    wins: Wins = defaultdict(float)
    for first, second in combinations(sorted(seats), 2):
        a, b = seats[first], seats[second]
        if a == b:
            continue
        if ranks[first] < ranks[second]:
            wins[(a, b)] += 1.0
        elif ranks[second] < ranks[first]:
            wins[(b, a)] += 1.0
        else:
            wins[(a, b)] += 0.5
            wins[(b, a)] += 0.5
    return wins


def ratings(games: Sequence[Wins]) -> dict[str, float]:
    """Bradley-Terry ratings on Elo's scale, their mean MEAN_RATING (minorisation-maximisation,
    Hunter 2004), of the players that met another in these games."""
    wins: Wins = defaultdict(float)
    for game in games:
        for key, count in game.items():
            wins[key] += count
    met = {frozenset(key) for key, count in wins.items() if count > 0}
    for two in met:
        a, b = sorted(two)
        wins[(a, b)] += PRIOR
        wins[(b, a)] += PRIOR
    names = sorted({p for two in met for p in two})
    if not names:
        return {}
    won = {p: sum(count for (a, _b), count in wins.items() if a == p) for p in names}
    meetings = {
        p: [(q, wins[(p, q)] + wins[(q, p)]) for q in names if q != p and frozenset((p, q)) in met]
        for p in names
    }
    strength = dict.fromkeys(names, 1.0)
    for _step in range(MAX_STEPS):
        new = {p: won[p] / sum(n / (strength[p] + strength[q]) for q, n in meetings[p]) for p in names}
        centre = math.exp(statistics.fmean(math.log(v) for v in new.values()))
        new = {p: v / centre for p, v in new.items()}
        change = max(abs(math.log(new[p] / strength[p])) for p in names)
        strength = new
        if change < TOLERANCE:
            break
    return {p: MEAN_RATING + SCALE * math.log(strength[p]) for p in names}


def ladder(players: Sequence[str], games: Sequence[Wins]) -> list[Rung]:
    """The players by rating, best first, with 95 % intervals from resampled games; those that
    met no other player last, unrated."""
    rated = ratings(games)
    draws: dict[str, list[float]] = {p: [] for p in players}
    luck = random.Random(RESAMPLING_SEED)
    for _ in range(RESAMPLES if len(games) > 1 else 0):
        sample = [games[luck.randrange(len(games))] for _ in games]
        for p, r in ratings(sample).items():  # a player left out of a sample draws nothing from it
            draws[p].append(r)
    counts: dict[str, float] = defaultdict(float)
    for game in games:
        for (a, b), won in game.items():  # every comparison adds up to one over (a, b) and (b, a)
            counts[a] += won
            counts[b] += won
    return sorted(
        (Rung(p, rated.get(p), _interval(draws[p]), round(counts[p])) for p in players),
        key=lambda r: (r.rating is None, -(r.rating or 0.0), r.player),
    )


def _interval(values: list[float]) -> tuple[float, float] | None:
    if not values:
        return None
    ordered = sorted(values)
    last = len(ordered) - 1
    return ordered[round(0.025 * last)], ordered[round(0.975 * last)]


def ladder_report(rungs: Sequence[Rung]) -> list[dict[str, Any]]:
    return [
        {
            "player": r.player,
            "rating": round(r.rating, 1) if r.rating is not None else None,
            "interval": [round(r.interval[0], 1), round(r.interval[1], 1)] if r.interval else None,
            "comparisons": r.comparisons,
        }
        for r in rungs
    ]
