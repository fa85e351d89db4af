"""Tournaments: players of different kinds share the seats of one scenario, game after game, with
the seats rotated so that no kind keeps the best regions. Games are independent: they may be
played in several processes or on a Ray cluster (game/backends.py), with the same report.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from game.backends import Progress, run_all
from game.core.economy import final_score
from game.core.model import GameState
from game.core.rng import Rng
from game.ladder import comparisons, ladder, ladder_report
from game.players import make_player
from game.scenario.build import new_game
from game.scenario.schema import Scenario
from game.session import Session
from game.stats import interval

SEATING = 0x5EA7  # with the tournament's seed, the seed of its seating orders


@dataclass(slots=True)
class Tally:
    wins: int = 0
    games: int = 0
    ranks: list[int] = field(default_factory=list)

    def report(self) -> dict[str, Any]:
        mean = round(statistics.fmean(self.ranks), 3) if self.ranks else None
        return {"wins": self.wins, "mean_rank": mean, "games": self.games}


def differences(names: Sequence[str], results: Sequence[GameResult]) -> dict[str, Any]:
    """For each pair of players, the mean over the games where both sat of the first's mean rank
    minus the second's, with its 95 % interval: below zero (the whole interval), the first does
    better.

    The interval is taken over rounds (see seat_players), each the mean of its games: in a round
    every region sits once with each kind, so what the seats give cancels out within it and the
    interval measures the players, not which seats they drew. With fewer than two rounds, over
    the games."""
    found: dict[str, Any] = {}
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            rounds: dict[int, list[float]] = defaultdict(list)
            for result in results:
                a = [result.ranks[r] for r, name in result.seats.items() if name == first]
                b = [result.ranks[r] for r, name in result.seats.items() if name == second]
                if a and b:
                    rounds[result.game // len(names)].append(statistics.fmean(a) - statistics.fmean(b))
            in_rounds = [rounds[r] for r in sorted(rounds)]
            gaps = [statistics.fmean(g) for g in in_rounds]
            if len(gaps) < 2:
                gaps = [gap for g in in_rounds for gap in g]
            if gaps:
                mean, low, high = interval(gaps)
                found[f"{first}-{second}"] = {
                    "mean": round(mean, 3),
                    "interval": [round(low, 3), round(high, 3)],
                }
    return found


@dataclass(frozen=True, slots=True)
class GameResult:
    """One game of a tournament: who sat where, how each seat finished, who won."""

    game: int
    seats: dict[str, str]  # region -> player
    ranks: dict[str, int]  # region -> final rank, 1 the best
    winner: str | None
    how: str | None  # the victory's kind ("score" at the turn limit), None without a winner
    turns: int  # the turn it ended on


def seat_players(state: GameState, names: Sequence[str], game: int, seed: int = 0) -> dict[str, str]:
    """Which kind of player takes each region in this game.

    Games go in rounds of one game per kind: within a round the regions are dealt in turn, shifted
    each game, so every region takes every kind once; each round deals them in a new order. Dealt
    in the map's order alone, regions a multiple of the kinds apart would always share a kind (on
    a map of six with three kinds, the two richest never would, and the two poorest always
    would), and a kind's results would be those of its fixed company of seats. The orders follow
    from the tournament's `seed`.
    """
    order = list(state.order)
    Rng.derived(SEATING, seed, game // len(names)).shuffle(order)
    place = {region: i for i, region in enumerate(order)}
    return {region: names[(place[region] + game) % len(names)] for region in state.order}


def final_ranks(state: GameState) -> dict[str, int]:
    """1 for the winner, then the living by final score, then the annexed, the last annexed first."""
    living = sorted(
        state.living(), key=lambda r: (r != state.winner, -final_score(state, r), state.order.index(r))
    )
    annexed = [e.actors[1] for e in reversed(state.events) if e.kind == "region_annexed"]
    order = living + [r for r in dict.fromkeys(annexed) if r not in living]
    order += [r for r in state.order if r not in order]
    return {region: rank for rank, region in enumerate(order, start=1)}


def play_game(
    scenario: Scenario, names: Sequence[str], seed: int, turns: int | None, game: int
) -> GameResult:
    """Game number `game` of a tournament, with players of its own: it depends on nothing else."""
    state = new_game(scenario, seed + game)
    seats = seat_players(state, names, game, seed)
    players = {name: make_player(name) for name in dict.fromkeys(seats.values())}
    Session(state, {region: players[name] for region, name in seats.items()}).play_turns(
        turns or state.turn_limit
    )
    return GameResult(game, seats, final_ranks(state), state.winner, state.win_reason, state.turn)


def run_tournament(
    scenario: Scenario,
    names: Sequence[str],
    games: int,
    seed: int,
    *,
    turns: int | None = None,
    jobs: int | None = None,
    backend: str = "process",
    address: str | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    play = partial(play_game, scenario, tuple(names), seed, turns)
    results = run_all(play, range(games), backend=backend, jobs=jobs, address=address, progress=progress)
    return tournament_report(scenario, names, seed, results)


def tournament_report(
    scenario: Scenario, names: Sequence[str], seed: int, results: Sequence[GameResult]
) -> dict[str, Any]:
    tallies = {name: Tally() for name in names}
    for result in results:
        for name in set(result.seats.values()):
            tallies[name].games += 1
        for region, name in result.seats.items():
            tallies[name].ranks.append(result.ranks[region])
        if result.winner is not None:
            tallies[result.seats[result.winner]].wins += 1
    rungs = ladder(list(names), [comparisons(r.seats, r.ranks) for r in results])
    return {
        "scenario": scenario.meta.id,
        "seed": seed,
        "games": len(results),
        "by_ai": {name: tally.report() for name, tally in tallies.items()},
        "ladder": ladder_report(rungs),
        "rank_differences": differences(names, results),
        "endings": endings(results),
    }


def endings(results: Sequence[GameResult]) -> dict[str, Any]:
    """How the games ended: the seats that won, most first (does the start decide?), the kinds of
    victory, and the median length."""
    seats = Counter(r.winner for r in results if r.winner is not None)
    return {
        "seat_wins": dict(sorted(seats.items(), key=lambda kv: (-kv[1], kv[0]))),
        "top_seat_share": round(max(seats.values()) / len(results), 3) if seats else 0.0,
        "won_by": dict(sorted(Counter(r.how or "none" for r in results).items())),
        "median_turns": statistics.median(r.turns for r in results) if results else None,
    }


def tournament_table(report: dict[str, Any], title: str) -> str:
    """The report as a person reads it: wins and mean ranks, then the ladder."""
    lines = [f"{title}: {report['games']} games, seed {report['seed']}", ""]
    lines.append(f"  {'player':<16}{'wins':>6}{'mean rank':>11}{'games':>7}")
    for name, row in report["by_ai"].items():
        mean = f"{row['mean_rank']:>11.2f}" if row["mean_rank"] is not None else f"{'-':>11}"
        lines.append(f"  {name:<16}{row['wins']:>6}{mean}{row['games']:>7}")
    lines += ["", f"  {'ladder':<16}{'rating':>8}  95 % interval   comparisons"]
    for rung in report["ladder"]:
        interval = "[{:.0f}, {:.0f}]".format(*rung["interval"]) if rung["interval"] else "-"
        rating = f"{rung['rating']:>8.0f}" if rung["rating"] is not None else f"{'-':>8}"
        lines.append(f"  {rung['player']:<16}{rating}  {interval:<15}{rung['comparisons']:>12}")
    lines += ["", "  mean rank difference per game where both sat (below zero: the first does better)"]
    for pair, row in report.get("rank_differences", {}).items():
        low, high = row["interval"]
        lines.append(f"  {pair:<32}{row['mean']:>+8.2f}  [{low:+.2f}, {high:+.2f}]")
    ends = report["endings"]
    lines += ["", f"  won by: {ends['won_by']}; median length {ends['median_turns']} turns"]
    lines.append(f"  wins by seat: {ends['seat_wins']} (the most: {ends['top_seat_share']:.0%})")
    lines += [
        "",
        "Ratings are on Elo's scale (mean 1500), from every two seats of different players in a game:",
        "400 points more expects to finish above the other ten times out of eleven.",
    ]
    return "\n".join(lines)
