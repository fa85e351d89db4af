"""Tournaments: computer players of different kinds share the seats of one scenario, game after
game, with the seats rotated so that no kind keeps the best regions."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.ai.base import Controller
from game.ai.registry import make_ai
from game.core.economy import final_score
from game.core.model import GameState
from game.scenario.build import new_game
from game.scenario.schema import Scenario
from game.session import Session
from game.stats import interval


@dataclass(slots=True)
class Tally:
    wins: int = 0
    games: int = 0
    ranks: list[int] = field(default_factory=list)
    by_game: list[float] = field(default_factory=list)  # the mean rank of its seats in each game

    def report(self) -> dict[str, Any]:
        mean = round(statistics.fmean(self.ranks), 3) if self.ranks else None
        return {"wins": self.wins, "mean_rank": mean, "games": self.games}


def differences(tallies: dict[str, Tally]) -> dict[str, Any]:
    """For each pair of kinds, the mean per game of the first's mean rank minus the second's, with
    its 95 % interval: below zero (the whole interval), the first does better."""
    found: dict[str, Any] = {}
    names = list(tallies)
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            pairs = list(zip(tallies[first].by_game, tallies[second].by_game, strict=True))
            mean, low, high = interval([a - b for a, b in pairs])
            found[f"{first}-{second}"] = {"mean": round(mean, 3), "interval": [round(low, 3), round(high, 3)]}
    return found


def seat_players(state: GameState, names: Sequence[str], game: int) -> dict[str, str]:
    """Which kind of player takes each region in this game: dealt in turn, shifted every game."""
    return {region: names[(i + game) % len(names)] for i, region in enumerate(state.order)}


def final_ranks(state: GameState) -> dict[str, int]:
    """1 for the winner, then the living by final score, then the annexed, the last annexed first."""
    living = sorted(
        state.living(), key=lambda r: (r != state.winner, -final_score(state, r), state.order.index(r))
    )
    annexed = [e.actors[1] for e in reversed(state.events) if e.kind == "region_annexed"]
    order = living + [r for r in dict.fromkeys(annexed) if r not in living]
    order += [r for r in state.order if r not in order]
    return {region: rank for rank, region in enumerate(order, start=1)}


def run_tournament(
    scenario: Scenario,
    names: Sequence[str],
    games: int,
    seed: int,
    *,
    turns: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    if len(names) > len(scenario.regions):
        raise ValueError(
            f"{len(names)} kinds of player for {len(scenario.regions)} regions: each needs a seat"
        )
    players: dict[str, Controller] = {name: make_ai(name) for name in names}
    tallies = {name: Tally() for name in names}
    for game in range(games):
        state = new_game(scenario, seed + game)
        seats = seat_players(state, names, game)
        session = Session(state, {region: players[name] for region, name in seats.items()})
        session.play_turns(turns or state.turn_limit)
        ranks = final_ranks(state)
        for name in set(seats.values()):
            tallies[name].games += 1
        for region, name in seats.items():
            tallies[name].ranks.append(ranks[region])
        for name in names:
            mine = [ranks[region] for region, seated in seats.items() if seated == name]
            tallies[name].by_game.append(statistics.fmean(mine))
        if state.winner is not None:
            tallies[seats[state.winner]].wins += 1
        if progress is not None:
            progress(game + 1)
    return {
        "scenario": scenario.meta.id,
        "seed": seed,
        "games": games,
        "by_ai": {name: tally.report() for name, tally in tallies.items()},
        "rank_differences": differences(tallies),
    }
