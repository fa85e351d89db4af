"""The gauntlet: scripted strategies play by their rule, games are twinned with a standard player in
the same seat and seed, and the figures do not depend on how many processes play them."""

from __future__ import annotations

import pytest

from game.ai.scripted import STRATEGIES, scripted_player
from game.ai.standard import StandardAI
from game.catalogue import find
from game.core import actions as A
from game.gauntlet import STANDARD, Game, games_of, play, run_gauntlet
from game.session import Session
from game.stats import interval
from tests.conftest import build_world

KIND_OF = {
    "visit_spam": A.StateVisit,
    "trade_all": A.ProposeTreaty,
    "lopsided": A.ProposeTreaty,
    "warmonger": A.DeclareWar,
    "warmonger_army": A.Invest,
    "embargo_all": A.ImposeEmbargo,
    "ally_betray": A.ProposeTreaty,
    "invest_only": A.Invest,
}


@pytest.mark.parametrize("name", sorted(KIND_OF))
def test_each_strategy_plays_by_its_rule(name):
    world = build_world()
    controllers = {r: StandardAI() for r in world.order} | {"alba": scripted_player(name)}
    session = Session(world, controllers, strict=True)
    session.play_turns(8)
    taken = [a for a in session.log if a is not None and a.actor == "alba"]
    assert any(isinstance(a, KIND_OF[name]) for a in taken), name


def test_idle_takes_no_action():
    world = build_world()
    controllers = {r: StandardAI() for r in world.order} | {"alba": scripted_player("idle")}
    session = Session(world, controllers, strict=True)
    session.play_turns(5)
    assert [
        a for a in session.log if a is not None and a.actor == "alba" and not isinstance(a, A.Answer | A.Vote)
    ] == []


def test_every_strategy_game_has_a_standard_twin():
    todo = games_of(["warmonger", "idle"], games=3, seed=5)
    twins = {(g.seat, g.seed) for g in todo if g.player == STANDARD}
    assert twins == {(g.seat, g.seed) for g in todo if g.player == "warmonger"}
    assert [g.seed for g in todo if g.player == "idle"] == [5, 6, 7]
    assert len({g.seat for g in todo if g.player == "idle"}) == 3  # a new seat each game


def test_the_interval_of_a_mean():
    mean, low, high = interval([1.0, 2.0, 3.0, 4.0, 5.0])
    assert mean == 3.0
    assert low == pytest.approx(3.0 - 2.78 * 1.5811 / 5**0.5, abs=1e-3)
    assert high == pytest.approx(6.0 - low)


def test_a_twin_game_is_the_same_game():
    scenario = find("tutorial").load().scenario
    first = play(scenario, Game(STANDARD, 1, 3), "normal", turns=10)
    again = play(scenario, Game(STANDARD, 1, 3), "normal", turns=10)
    assert first == again


def test_jobs_give_the_same_report():
    scenario = find("tutorial").load().scenario
    args = (scenario, "normal", 2, 1)
    one = run_gauntlet(*args, strategies=["warmonger", "visit_spam"], turns=12, jobs=1)
    two = run_gauntlet(*args, strategies=["warmonger", "visit_spam"], turns=12, jobs=2)
    assert one == two
    assert set(one["strategies"]) == {"warmonger", "visit_spam"}
    assert set(STRATEGIES) >= set(one["strategies"])
