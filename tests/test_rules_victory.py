"""Rulebook: victory (conquest, economic, diplomatic, best score at the turn limit) and defeat."""

from __future__ import annotations

from game.core import actions as A
from game.core.diplomacy import annex, sign_treaty
from game.core.economy import score
from game.core.relations import add_modifier
from game.core.why import Why
from game.core.world import end_of_turn
from tests.conftest import refused


def test_conquest_victory(make_world):
    """With conquest on, a region that rules the scenario's share of all regions wins."""
    # given: half of six regions is three
    world = make_world(victory={"conquest": {"share": 0.5}})
    annex(world, "bria", "alba")
    end_of_turn(world)
    assert world.winner is None
    annex(world, "dova", "alba")
    # when
    end_of_turn(world)
    # then
    assert (world.winner, world.win_reason) == ("alba", "conquest")


def test_last_region_standing_wins(world):
    """The last region that has not been annexed wins by conquest, whatever victories are on."""
    # given: no victory is switched on in the test world
    for loser in ("bria", "cora", "dova", "elda"):
        annex(world, loser, "alba")
    end_of_turn(world)
    assert world.winner is None
    annex(world, "fenn", "alba")
    # when
    end_of_turn(world)
    # then
    assert (world.winner, world.win_reason) == ("alba", "conquest")


def test_conquest_off_means_no_conquest_victory(world):
    """Without a conquest victory, ruling most regions does not win while others live."""
    # given
    for loser in ("bria", "cora", "dova"):
        annex(world, loser, "alba")
    # when
    end_of_turn(world)
    # then
    assert world.winner is None


def test_economic_victory_needs_the_share_for_n_turns(make_world):
    """With economic victory on, a region holding the share of the world's income for N turns wins."""
    # given
    world = make_world(victory={"economic": {"share": 0.4, "turns": 2}})
    world.regions["fenn"].economy = 200.0
    # when
    end_of_turn(world)
    # then
    assert world.winner is None
    # when
    end_of_turn(world)
    # then
    assert (world.winner, world.win_reason) == ("fenn", "economic")


def test_economic_streak_breaks(make_world):
    """A turn below the share starts the count of turns again."""
    # given
    world = make_world(victory={"economic": {"share": 0.4, "turns": 2}})
    world.regions["fenn"].economy = 200.0
    end_of_turn(world)
    world.regions["fenn"].economy = 30.0
    end_of_turn(world)
    world.regions["fenn"].economy = 200.0
    # when
    end_of_turn(world)
    # then
    assert world.winner is None
    end_of_turn(world)
    assert world.winner == "fenn"


def test_diplomatic_victory(make_world):
    """With diplomatic victory on, a region befriended or allied by the share of others for N turns wins."""
    # given: 60% of the five others is three: two allies and one friend
    world = make_world(victory={"diplomatic": {"share": 0.6, "turns": 2}})
    sign_treaty(world, "alliance", "cora", "bria")
    sign_treaty(world, "alliance", "cora", "dova")
    add_modifier(world, "elda", "cora", "test_friendship", 60.0, 0.0)
    # when
    end_of_turn(world)
    # then
    assert world.winner is None
    # when
    end_of_turn(world)
    # then
    assert (world.winner, world.win_reason) == ("cora", "diplomatic")


def test_diplomatic_victory_needs_enough_friends(make_world):
    """Fewer friends and allies than the share do not win."""
    # given
    world = make_world(victory={"diplomatic": {"share": 0.6, "turns": 1}})
    sign_treaty(world, "alliance", "cora", "bria")
    add_modifier(world, "elda", "cora", "test_friendship", 60.0, 0.0)
    # when
    end_of_turn(world)
    # then
    assert world.winner is None


def test_best_score_wins_at_the_turn_limit(make_world):
    """At the turn limit the region with the best score wins, and the game is over."""
    # given
    world = make_world(turn_limit=3)
    world.regions["bria"].economy = 100.0
    for _ in range(2):
        end_of_turn(world)
    assert world.winner is None
    # when
    end_of_turn(world)
    # then
    assert (world.winner, world.win_reason) == ("bria", "score")
    best = max(world.living(), key=lambda r: score(world, r))
    assert best == "bria"
    assert world.over


def test_no_action_after_the_game_is_over(make_world):
    """Once the game is over, every action is refused."""
    # given
    world = make_world(turn_limit=1)
    end_of_turn(world)
    assert world.over
    # when / then
    refused(world, A.Invest("alba", "economy", 1.0), Why.GAME_OVER)


def test_being_annexed_is_defeat(make_world):
    """An annexed region scores nothing and cannot win, however rich it was."""
    # given
    world = make_world(turn_limit=1)
    world.regions["bria"].economy = 1000.0
    world.regions["bria"].treasury = 10000.0
    annex(world, "bria", "cora")
    # when
    end_of_turn(world)
    # then
    assert score(world, "bria") == 0.0
    assert world.winner != "bria"
