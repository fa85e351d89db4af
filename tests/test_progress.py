"""Rulebook: what a player is told of the way to victory (game/core/progress.py) is what the victory
check counts, and a region that is about to win is seen coming."""

from __future__ import annotations

from game.core.diplomacy import annex, sign_treaty
from game.core.progress import Progress
from game.core.relations import add_modifier
from game.core.victory import friends
from game.core.world import end_of_turn


def test_only_the_scenarios_ways_of_winning_are_shown(make_world):
    """A scenario without a conquest victory shows no progress toward one."""
    # given
    world = make_world(victory={"economic": {"share": 0.4, "turns": 2}})
    # when
    shown = [p.way for p in Progress(world).of("alba")]
    # then
    assert shown == ["economic"]


def test_conquest_counts_the_regions_ruled_and_is_close_one_annexation_short(make_world):
    """Progress toward conquest is the number of regions ruled against the share of all regions;
    one annexation short of it, the region is close to winning."""
    # given: half of six regions is three
    world = make_world(victory={"conquest": {"share": 0.5}})
    annex(world, "bria", "alba")
    # when
    conquest = Progress(world).way("alba", "conquest")
    # then
    assert (conquest.have, conquest.need, conquest.met) == (2.0, 3.0, False)
    assert conquest.close
    assert not Progress(world).way("cora", "conquest").close


def test_the_turns_to_win_are_those_the_victory_check_still_needs(make_world):
    """A region holding the economic share is told how many turn ends it still needs; after
    exactly that many, it has won."""
    # given
    world = make_world(victory={"economic": {"share": 0.4, "turns": 3}})
    world.regions["fenn"].economy = 200.0
    end_of_turn(world)
    economic = Progress(world).way("fenn", "economic")
    assert economic.met and economic.held == 1
    # when
    for _turn in range(economic.turns_to_win or 0):
        assert world.winner is None
        end_of_turn(world)
    # then
    assert (world.winner, world.win_reason) == ("fenn", "economic")


def test_diplomatic_progress_counts_friends_and_allies_as_the_victory_does(make_world):
    """The friends shown are those the diplomatic victory counts: allies and regions friendly to us."""
    # given
    world = make_world(victory={"diplomatic": {"share": 0.6, "turns": 2}})
    sign_treaty(world, "alliance", "cora", "bria")
    add_modifier(world, "elda", "cora", "test_friendship", 60.0, 0.0)
    # when
    diplomatic = Progress(world).way("cora", "diplomatic")
    # then: three of the five others are needed
    assert diplomatic.have == len(friends(world, ["cora"])["cora"]) == 2
    assert diplomatic.need == 3.0
    assert not diplomatic.met


def test_threats_list_the_regions_about_to_win_the_nearest_first(make_world):
    """Regions meeting a victory's need are listed by how soon they would win."""
    # given
    world = make_world(victory={"economic": {"share": 0.3, "turns": 4}, "conquest": {"share": 0.5}})
    world.regions["fenn"].economy = 200.0
    end_of_turn(world)
    end_of_turn(world)
    annex(world, "bria", "alba")  # alba: one more annexation wins, but it does not meet the need yet
    # when
    threats = Progress(world).threats()
    # then
    assert [(region, p.way) for region, p in threats] == [("fenn", "economic"), ("alba", "conquest")]
    assert threats[0][1].turns_to_win == 2


def test_standings_rank_the_living_regions(make_world):
    """Every living region has a place; an annexed one has none."""
    # given
    world = make_world()
    world.regions["dova"].economy = 500.0
    annex(world, "bria", "alba")
    # when
    progress = Progress(world)
    # then
    first = progress.standing("dova")
    assert first is not None and first.rank == 1
    assert progress.standing("bria") is None
    assert [s.rank for s in progress.standings()] == list(range(1, len(world.living()) + 1))
