"""Tournaments: seats shared among kinds of computer player, rotated game after game."""

from __future__ import annotations

import json

import pytest

from game.catalogue import find
from game.cli import main
from game.core.diplomacy import annex
from game.tournament import final_ranks, run_tournament, seat_players
from tests.conftest import build_world


def test_seats_are_dealt_in_turn_and_rotate_between_games() -> None:
    state = build_world()
    first = seat_players(state, ["a", "b"], 0)
    second = seat_players(state, ["a", "b"], 1)
    assert list(first.values()) == ["a", "b", "a", "b", "a", "b"]
    assert all(first[r] != second[r] for r in state.order)


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
