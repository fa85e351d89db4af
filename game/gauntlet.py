"""The gauntlet: does one simple trick beat the computer players?

Each scripted strategy takes one seat among standard players of a skill, game after game, the
seat rotated and the seed changed every game. Beside it, the same seats and seeds are played with a
standard player in that seat, so each game of the strategy has a twin to compare its rank with.
The report gives, per strategy, its wins and mean rank, the standard player's in the same seats,
and the 95 % interval of the mean difference of rank (positive: the strategy does worse).

Games are independent, so they may run in several processes (`jobs`) or on a Ray cluster
(game/backends.py); the results are the same.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from game.ai.base import Controller
from game.ai.registry import make_ai
from game.ai.scripted import STRATEGIES, scripted_player
from game.backends import Progress, run_all
from game.scenario.build import new_game
from game.scenario.schema import Scenario
from game.session import Session
from game.stats import interval
from game.tournament import final_ranks

STANDARD = "standard"  # the name the twin games go under


@dataclass(frozen=True, slots=True)
class Game:
    """One game to play: who sits in the seat, which seat, which seed."""

    player: str  # a strategy's name, or STANDARD
    seat: int
    seed: int


@dataclass(frozen=True, slots=True)
class Result:
    game: Game
    rank: int
    won: bool
    how: str | None
    turns: int


def play(scenario: Scenario, game: Game, skill: str, turns: int | None = None) -> Result:
    state = new_game(scenario, game.seed)
    seat = state.order[game.seat % len(state.order)]
    standard = make_ai(skill)
    player: Controller = standard if game.player == STANDARD else scripted_player(game.player, skill)
    controllers = {r: standard for r in state.order} | {seat: player}
    Session(state, controllers).play_turns(turns or state.turn_limit)
    rank = final_ranks(state)[seat]
    return Result(
        game, rank, state.winner == seat, state.win_reason if state.winner == seat else None, state.turn
    )


def games_of(strategies: Sequence[str], games: int, seed: int) -> list[Game]:
    """Each strategy's games and the standard player's twins, seats rotated with the games."""
    seats = [(g, seed + g) for g in range(games)]
    return [Game(name, seat, s) for name in (STANDARD, *strategies) for seat, s in seats]


def run_gauntlet(
    scenario: Scenario,
    skill: str,
    games: int,
    seed: int,
    *,
    strategies: Sequence[str] | None = None,
    turns: int | None = None,
    jobs: int | None = None,
    backend: str = "process",
    address: str | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    names = list(strategies or STRATEGIES)
    todo = games_of(names, games, seed)
    one = partial(play, scenario, skill=skill, turns=turns)
    results = run_all(one, todo, backend=backend, jobs=jobs, address=address, progress=progress)
    return _report(scenario, skill, games, seed, names, results)


def _report(
    scenario: Scenario, skill: str, games: int, seed: int, names: list[str], results: list[Result]
) -> dict[str, Any]:
    twin = {(r.game.seat, r.game.seed): r for r in results if r.game.player == STANDARD}
    standard = [r for r in results if r.game.player == STANDARD]
    report: dict[str, Any] = {
        "scenario": scenario.meta.id,
        "skill": skill,
        "games": games,
        "seed": seed,
        "regions": len(scenario.regions),
        "standard": _figures(standard),
        "strategies": {},
    }
    for name in names:
        mine = [r for r in results if r.game.player == name]
        differences = [r.rank - twin[(r.game.seat, r.game.seed)].rank for r in mine]
        mean, low, high = interval(differences)
        report["strategies"][name] = _figures(mine) | {
            "rank_difference": round(mean, 3),
            "interval": [round(low, 3), round(high, 3)],
            "beats_standard": high < 0,
        }
    return report


def _figures(results: list[Result]) -> dict[str, Any]:
    wins = sum(1 for r in results if r.won)
    ways: dict[str, int] = {}
    for r in results:
        if r.how is not None:
            ways[r.how] = ways.get(r.how, 0) + 1
    return {
        "wins": wins,
        "win_share": round(wins / len(results), 3) if results else 0.0,
        "mean_rank": round(statistics.fmean(r.rank for r in results), 3) if results else None,
        "wins_by": dict(sorted(ways.items())),
    }


def gauntlet_table(report: dict[str, Any]) -> str:
    """The report as a table a person reads."""
    lines = [
        f"Gauntlet on {report['scenario']} ({report['regions']} regions) against {report['skill']} players, "
        f"{report['games']} games each, seed {report['seed']}.",
        f"The standard player in the same seats: {report['standard']['wins']} wins, "
        f"mean rank {report['standard']['mean_rank']:.2f}.",
        "",
        f"{'strategy':<16}{'wins':>6}{'mean rank':>11}{'difference':>12}  95 % interval",
    ]
    for name, row in report["strategies"].items():
        low, high = row["interval"]
        verdict = "  BEATS the standard player" if row["beats_standard"] else ""
        lines.append(
            f"{name:<16}{row['wins']:>6}{row['mean_rank']:>11.2f}{row['rank_difference']:>+12.2f}"
            f"  [{low:+.2f}, {high:+.2f}]{verdict}"
        )
    lines.append("")
    lines.append("Difference: the strategy's rank minus the standard player's in the same seat and seed")
    lines.append("(1 is first): below zero, the strategy did better.")
    return "\n".join(lines)
