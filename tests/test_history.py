"""Rulebook: the figures kept over the turns for the charts after the game (score, treasury and
friends), how they stay bounded in long games, and how saves bring them back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.ai.standard import StandardAI
from game.core.diplomacy import annex, sign_treaty
from game.core.economy import score
from game.core.model import HISTORY_POINTS, History
from game.core.relations import add_modifier, baseline, opinion
from game.core.snapshot import data_hash, state_hash, to_data
from game.core.victory import likely_friends
from game.core.world import end_of_turn, friend_counts
from game.saves import SaveError, _checksum, load_game, save_game
from game.session import Session
from tests.conftest import WORLD_YAML, build_world
from tests.save_files import write_format_2

ROOT = Path(__file__).resolve().parent.parent


def test_each_turn_records_score_treasury_and_friends(world):
    """At the end of a turn every living region's score and treasury, as the turn leaves them, are
    kept rounded to a tenth."""
    # given
    world.regions["alba"].treasury = 123.456
    # when
    end_of_turn(world)
    # then
    history, alba = world.history, world.regions["alba"]
    assert history.turns == [1]
    assert alba.treasury != round(alba.treasury, 1)
    assert history.treasury["alba"] == [round(alba.treasury, 1)]
    assert history.score["alba"] == [round(score(world, "alba"), 1)]
    assert sorted(history.score) == sorted(world.order)
    # when
    end_of_turn(world)
    # then
    assert history.turns == [1, 2]
    assert history.series("treasury", "alba")[1] == (2, round(alba.treasury, 1))


def test_friends_are_allies_and_regions_with_a_friendly_opinion(world):
    """A region's friends are the living regions allied with it or regarding it as friendly (50 or
    more), as the diplomatic victory counts them; a warm but not friendly opinion does not count."""
    # given
    sign_treaty(world, "alliance", "cora", "bria")
    add_modifier(world, "elda", "cora", "test_friendship", 60.0, 0.0)
    add_modifier(world, "dova", "cora", "test_warmth", 20.0, 0.0)
    # when
    end_of_turn(world)
    # then
    assert world.history.friends["cora"] == [2]
    assert world.history.friends["bria"] == [1]
    assert world.history.friends["alba"] == [0]


def test_a_friend_is_one_whose_whole_opinion_reaches_friendly(world):
    """Kinship, the border and reputation count with the modifiers: a warm kin neighbour whose
    modifiers alone fall short is a friend once the whole opinion is 50; just below, it is not."""
    # given: bria and alba are kin neighbours; fenn and alba are kin but far apart
    assert baseline(world, "bria", "alba") > 20
    add_modifier(
        world,
        "bria",
        "alba",
        "test_warmth",
        world.rules.friendly_opinion + 0.5 - baseline(world, "bria", "alba"),
        0.0,
    )
    add_modifier(
        world,
        "fenn",
        "alba",
        "test_warmth",
        world.rules.friendly_opinion - 0.5 - baseline(world, "fenn", "alba"),
        0.0,
    )
    # when
    counted = friend_counts(world)
    # then
    assert opinion(world, "bria", "alba") >= world.rules.friendly_opinion > opinion(world, "fenn", "alba")
    assert counted["alba"] == 1


def test_friends_are_counted_as_the_diplomatic_victory_counts_them():
    """After a stretch of computer play, the chart's friends are the victory check's friends."""
    # given
    state = build_world(seed=6)
    Session(state, dict.fromkeys(state.order, StandardAI()), strict=True).play_turns(25)
    # when
    counted = friend_counts(state)
    # then
    assert counted == {region: len(found) for region, found in likely_friends(state, 0.0).items()}
    assert any(counted.values())


def test_an_annexed_regions_lines_stop_where_it_fell(world):
    """An annexed region is no longer recorded; the others go on."""
    # given
    end_of_turn(world)
    annex(world, "bria", "alba")
    # when
    end_of_turn(world)
    end_of_turn(world)
    # then
    assert world.history.turns == [1, 2, 3]
    assert len(world.history.score["bria"]) == 1
    assert [turn for turn, _value in world.history.series("score", "bria")] == [1]
    assert len(world.history.score["alba"]) == 3
    assert world.history.friends["alba"][-1] >= 0


def _record(history: History, turn: int, regions: list[str]) -> None:
    """Figures that name their own turn, so each point can be checked against the turn it claims."""
    history.record(
        turn,
        {r: float(turn) for r in regions},
        {r: turn + 0.04 for r in regions},
        dict.fromkeys(regions, turn),
    )


def test_a_long_game_keeps_a_bounded_evenly_spaced_history_ending_on_the_last_turn():
    """However long the game, at most HISTORY_POINTS points per figure are kept, spaced evenly from
    turn 1, and the last one is the latest turn; every value belongs to the turn it is shown at."""
    # given
    history = History()
    # when
    for turn in range(1, 10_001):
        _record(history, turn, ["alba", "bria"])
        # then
        assert len(history.turns) <= HISTORY_POINTS
        assert history.turns[0] == 1 and history.turns[-1] == turn
    steps = {b - a for a, b in zip(history.turns[:-2], history.turns[1:-1], strict=True)}
    assert steps == {history.every}
    assert history.every > 1
    for figure in ("score", "treasury", "friends"):
        for turn, value in history.series(figure, "alba"):  # type: ignore[arg-type]
            assert round(value) == turn


def test_a_region_that_falls_between_two_kept_points_keeps_its_last_turn():
    """When the latest point is off the spacing it stands in for the next turn, unless a region it
    holds has fallen since: then it stays, and the fallen region's line ends on its true last turn."""
    # given: spacing of 2 (turns 1, 3, 5, ...) after the first thinning
    history = History()
    for turn in range(1, HISTORY_POINTS + 2):
        _record(history, turn, ["alba", "bria"])
    assert history.every == 2
    _record(history, HISTORY_POINTS + 2, ["alba", "bria"])  # off the spacing: stands in
    # when: bria falls
    _record(history, HISTORY_POINTS + 3, ["alba"])
    _record(history, HISTORY_POINTS + 4, ["alba"])
    # then
    assert history.series("score", "bria")[-1] == (HISTORY_POINTS + 2, HISTORY_POINTS + 2)
    assert history.series("score", "alba")[-1] == (HISTORY_POINTS + 4, HISTORY_POINTS + 4)
    for turn, value in history.series("score", "alba"):
        assert value == turn


def test_the_same_game_keeps_the_same_history():
    """Same seed, same play: the same history, point for point."""
    # given
    first, second = build_world(seed=4), build_world(seed=4)
    ai = StandardAI()
    # when
    for state in (first, second):
        Session(state, dict.fromkeys(state.order, ai), strict=True).play_turns(15)
    # then
    assert first.history == second.history
    assert len(first.history.turns) == 15


_HISTORY_OF_A_SIMULATION = """
import json
from game.ai.standard import StandardAI
from game.cli import load
from game.scenario.build import new_game
from game.session import Session
state = new_game(load("tutorial"), 5)
Session(state, dict.fromkeys(state.order, StandardAI())).play_turns(25)
h = state.history
print(json.dumps([h.turns, h.score, h.treasury, h.friends]))
"""


def test_history_does_not_depend_on_pythonhashseed():
    """The history is out of the state hash, so it is checked on its own under two hash seeds."""
    runs = [
        subprocess.run(
            [sys.executable, "-c", _HISTORY_OF_A_SIMULATION],
            cwd=ROOT,
            env=dict(os.environ, PYTHONHASHSEED=seed),
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout
        for seed in ("0", "4242")
    ]
    assert json.loads(runs[0])[0] == list(range(1, 26))
    assert runs[0] == runs[1]


def test_history_is_not_hashed_but_a_loaded_game_has_it_all(tmp_path):
    """The history is no part of the state hash (a replay rebuilds it); a save carries it beside
    the state, so a loaded game has every point without a replay."""
    # given
    state = build_world(seed=2)
    session = Session(state, dict.fromkeys(state.order, StandardAI()), strict=True)
    session.play_turns(6)
    before = state_hash(state)
    # when
    state.history.score["alba"][0] += 1.0
    # then
    assert state_hash(state) == before
    assert "history" not in to_data(state)
    state.history.score["alba"][0] -= 1.0
    # when
    path = save_game(tmp_path / "game.json", WORLD_YAML, "world.yaml", session)
    loaded = load_game(path)
    # then
    assert loaded.state.history == state.history
    assert len(loaded.state.history.turns) == 6


def _as_format_1(path: Path) -> None:
    """Rewrite a save as the first save format wrote it: the score history inside the state and
    its hash."""
    document = json.loads(path.read_text(encoding="utf-8"))
    payload = document["payload"]
    state = payload["state"]
    state["history"] = {region: [10.0, 11.5] for region in sorted(state["regions"])}
    payload["state_hash"] = data_hash(state)
    document.update(format=1, checksum=_checksum(payload))
    path.write_text(json.dumps(document), encoding="utf-8")


def test_a_save_of_the_first_format_still_loads(tmp_path):
    """Saves written before the history left the hash are brought up to date and load."""
    # given
    state = build_world(seed=3)
    session = Session(state, dict.fromkeys(state.order, StandardAI()), strict=True)
    session.play_turns(4)
    path = tmp_path / "old.json"
    write_format_2(path, WORLD_YAML, "world.yaml", session)
    _as_format_1(path)
    # when
    loaded = load_game(path)
    # then
    assert state_hash(loaded.state) == state_hash(state)
    assert loaded.state.history == state.history


def test_a_first_format_save_without_its_state_is_refused_with_a_message(tmp_path):
    """A save of the first format that cannot be brought up to date is a refusal, not a crash."""
    # given
    state = build_world(seed=3)
    session = Session(state, {}, strict=True)
    path = tmp_path / "old.json"
    write_format_2(path, WORLD_YAML, "world.yaml", session)
    document = json.loads(path.read_text(encoding="utf-8"))
    del document["payload"]["state"]
    document.update(format=1, checksum=_checksum(document["payload"]))
    path.write_text(json.dumps(document), encoding="utf-8")
    # when / then
    with pytest.raises(SaveError, match="cannot be brought up to date"):
        load_game(path)
