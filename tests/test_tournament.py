"""Tournaments: seats shared among kinds of computer player, rotated game after game."""

from __future__ import annotations

import json
import sys

import pytest

from game.backends import BackendError, run_all
from game.catalogue import find
from game.cli import main
from game.core.diplomacy import annex
from game.players import EVERY_PLAYER
from game.tournament import GameResult, differences, final_ranks, run_tournament, seat_players
from tests.conftest import build_world


def test_within_a_round_every_region_takes_every_kind_once() -> None:
    state = build_world()  # six regions
    kinds = ["a", "b", "c"]
    for first in (0, 3, 6):  # the games of one round: as many as there are kinds
        deals = [seat_players(state, kinds, game, seed=4) for game in range(first, first + 3)]
        for region in state.order:
            assert sorted(deal[region] for deal in deals) == kinds
        for deal in deals:  # and every kind takes as many seats in each game
            assert sorted(deal.values()) == sorted(kinds * 2)


def test_no_two_regions_always_share_a_kind() -> None:
    """Dealt in the map's order alone, six regions and three kinds would pair each region with the
    same partner in every game (the two richest never together, the two poorest always)."""
    state = build_world()
    deals = [seat_players(state, ["a", "b", "c"], game, seed=1) for game in range(30)]
    for i, first in enumerate(state.order):
        for second in state.order[i + 1 :]:
            together = sum(deal[first] == deal[second] for deal in deals)
            assert together < len(deals)


def test_seating_follows_the_tournament_seed() -> None:
    state = build_world()
    assert seat_players(state, ["a", "b"], 5, seed=2) == seat_players(state, ["a", "b"], 5, seed=2)
    rounds = range(0, 40, 2)
    assert [seat_players(state, ["a", "b"], g, seed=1) for g in rounds] != [
        seat_players(state, ["a", "b"], g, seed=2) for g in rounds
    ]


def test_seats_alone_make_no_difference_between_kinds() -> None:
    """If each region's rank were fixed by its seat, whoever sat there, no kind would be better:
    each round of games seats every kind once in every region, so the difference is nil in every
    round, and so is its interval (over games, the luck of the seats would widen it)."""
    state = build_world()
    seat_rank = {region: rank for rank, region in enumerate(state.order, start=1)}
    results = [
        GameResult(game, seat_players(state, ["a", "b", "c"], game, seed=3), seat_rank, None, None, 10)
        for game in range(12)
    ]
    for row in differences(["a", "b", "c"], results).values():
        assert row["mean"] == pytest.approx(0.0, abs=1e-9)
        assert row["interval"] == [pytest.approx(0.0, abs=1e-9)] * 2


def test_ranks_put_the_winner_first_and_the_annexed_last() -> None:
    state = build_world()
    annex(state, "elda", "cora")
    annex(state, "bria", "alba")
    state.winner = "fenn"
    ranks = final_ranks(state)
    assert ranks["fenn"] == 1
    assert ranks["bria"] == 5 and ranks["elda"] == 6  # the last annexed ranks above the first
    assert sorted(ranks.values()) == list(range(1, 7))


def test_tournament_json_reports_each_kind(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["tournament", "--scenario", "tutorial", "--ais", "standard,random,passive", "--games", "3"]
    assert main([*args, "--turns", "20", "--seed", "4", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["games"] == 3
    assert set(result["by_ai"]) == {"standard", "random", "passive"}
    for row in result["by_ai"].values():
        assert row["games"] == 3
        assert 1 <= row["mean_rank"] <= 6
    assert sum(row["wins"] for row in result["by_ai"].values()) <= 3
    ends = result["endings"]  # how the games ended: which seats won and by what
    assert sum(ends["seat_wins"].values()) == sum(row["wins"] for row in result["by_ai"].values())
    assert sum(ends["won_by"].values()) == 3
    assert 1 <= ends["median_turns"] <= 21


def test_a_number_of_games_that_leaves_a_short_round_is_warned_of(capsys: pytest.CaptureFixture[str]) -> None:
    """Only whole rounds (one game per kind) seat every region once with every kind."""
    args = ["tournament", "--scenario", "tutorial", "--ais", "easy,normal", "--turns", "2", "--json"]
    assert main([*args, "--games", "3"]) == 0
    assert "give a multiple of 2" in capsys.readouterr().err
    assert main([*args, "--games", "4"]) == 0
    assert "short round" not in capsys.readouterr().err


def test_tournament_refuses_unknown_players(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tournament", "--ais", "standard,genius"]) == 2
    assert "choose --ais" in capsys.readouterr().err


def test_the_report_gives_each_pair_of_kinds_a_rank_difference_with_its_interval():
    """Per game, the mean rank of one kind's seats minus another's; the mean over games and its
    95 % interval tell whether one kind is really better."""
    scenario = find("tutorial").load().scenario
    result = run_tournament(scenario, ["hard", "random"], games=3, seed=1, turns=8)
    row = result["rank_differences"]["hard-random"]
    low, high = row["interval"]
    assert low <= row["mean"] <= high
    by_ai = result["by_ai"]
    assert row["mean"] == pytest.approx(by_ai["hard"]["mean_rank"] - by_ai["random"]["mean_rank"], abs=0.01)


def test_tournament_seats_strategies_and_rates_every_player(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["tournament", "--scenario", "tutorial", "--ais", "hard,warmonger,idle", "--games", "3"]
    assert main([*args, "--turns", "15", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result["by_ai"]) == {"hard", "warmonger", "idle"}
    assert {rung["player"] for rung in result["ladder"]} == {"hard", "warmonger", "idle"}
    ratings = [rung["rating"] for rung in result["ladder"]]
    assert ratings == sorted(ratings, reverse=True)
    assert sum(ratings) / 3 == pytest.approx(1500, abs=0.2)


def test_all_seats_every_level_and_strategy(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tournament", "--ais", "all", "--games", "1", "--turns", "1"]) == 0
    out = capsys.readouterr().out
    assert "ladder" in out and "rating" in out
    for name in EVERY_PLAYER:
        assert f"  {name} " in out


def test_two_processes_print_the_same_json_as_one(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["tournament", "--scenario", "tutorial", "--ais", "hard,random,warmonger", "--games", "4"]
    args += ["--turns", "20", "--seed", "9", "--json"]
    assert main([*args, "--jobs", "1"]) == 0
    one = capsys.readouterr().out
    assert main([*args, "--jobs", "2"]) == 0
    assert capsys.readouterr().out == one
    assert json.loads(one)["games"] == 4


def test_an_unknown_backend_is_refused() -> None:
    with pytest.raises(BackendError, match="choose from process, ray"):
        run_all(abs, [1], backend="mpi")


def test_ray_missing_is_said_plainly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # what `import ray` meets where Ray is not installed
    args = ["tournament", "--games", "1", "--turns", "1", "--backend", "ray"]
    assert main(args) == 2
    assert "pip install 'bilateral[cluster]'" in capsys.readouterr().err
