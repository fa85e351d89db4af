"""The ladder: Bradley-Terry ratings on Elo's scale from the seats of a tournament's games."""

from __future__ import annotations

import math
import random

import pytest

from game.ladder import MEAN_RATING, PRIOR, comparisons, ladder, ratings


def test_every_two_seats_of_different_players_are_one_comparison() -> None:
    seats = {"a": "hard", "b": "easy", "c": "hard", "d": "random"}
    ranks = {"a": 1, "b": 2, "c": 3, "d": 3}
    wins = comparisons(seats, ranks)
    assert wins[("hard", "easy")] == 1 and wins[("easy", "hard")] == 1  # a above b, b above c
    assert wins[("hard", "random")] == 1.5 and wins[("random", "hard")] == 0.5  # c and d tie
    assert wins[("easy", "random")] == 1
    assert ("hard", "hard") not in wins  # two seats of one player say nothing about it
    assert sum(wins.values()) == 5  # six pairs of seats, one of them of the same player


def test_two_players_rate_by_their_share_of_wins_with_the_prior() -> None:
    """Three wins to one, with half a win each way added: strengths 3.5 to 1.5."""
    games = [{("hard", "easy"): 1.0}] * 3 + [{("easy", "hard"): 1.0}]
    rated = ratings(games)
    gap = 400 * math.log10((3 + PRIOR) / (1 + PRIOR))
    assert rated["hard"] - rated["easy"] == pytest.approx(gap, abs=1e-3)
    assert (rated["hard"] + rated["easy"]) / 2 == pytest.approx(MEAN_RATING)


def test_even_results_rate_even_and_the_order_of_games_does_not_matter() -> None:
    luck = random.Random(5)
    names = ["a", "b", "c", "d"]
    games = []
    for _ in range(30):
        order = names[:]
        luck.shuffle(order)
        games.append(comparisons({n: n for n in names}, {n: order.index(n) + 1 for n in names}))
    shuffled = games[:]
    luck.shuffle(shuffled)
    assert ratings(games) == pytest.approx(ratings(shuffled))
    mirrored = [{(b, a): w for (a, b), w in g.items()} for g in games] + games
    assert all(r == pytest.approx(MEAN_RATING) for r in ratings(mirrored).values())


def test_the_ladder_orders_a_chain_and_leaves_the_unseated_unrated() -> None:
    games = [{("a", "b"): 1.0, ("b", "c"): 1.0, ("a", "c"): 1.0} for _ in range(6)]
    rungs = ladder(["c", "b", "a", "absent"], games)
    assert [r.player for r in rungs] == ["a", "b", "c", "absent"]
    assert rungs[-1].rating is None and rungs[-1].interval is None and rungs[-1].comparisons == 0
    a = rungs[0]
    assert a.comparisons == 12 and a.interval is not None
    assert a.rating is not None and a.interval[0] <= a.rating <= a.interval[1]
    assert ladder(["c", "b", "a", "absent"], games) == rungs  # the resampling is seeded
