"""Saves keep the state beside the record: a game resumes from it at once and plays on exactly,
whatever the state's fields become; the record is replayed where the state cannot be trusted."""

from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path

import pytest

import game.saves as saves_module
from game.ai.standard import StandardAI
from game.catalogue import find, shipped_entries
from game.core.model import GameState
from game.core.snapshot import state_hash, to_data
from game.core.version import RULES_VERSION
from game.saved_state import CARRIED, MEMOS, REBUILT, read_state, state_data
from game.saves import SaveError, load_game, resume, save_game, verify, whole_record
from game.scenario.build import new_game
from game.scenario.loader import load_scenario
from game.session import Session
from tests.conftest import WORLD_YAML, build_world
from tests.save_files import Parts, edit, read_parts, write_format_2

TUTORIAL = find("tutorial").path
TEXT = TUTORIAL.read_text(encoding="utf-8")


def _computers(state: GameState, skill: str = "normal") -> dict[str, StandardAI]:
    ai = StandardAI(skill)
    return dict.fromkeys(state.order, ai)


def _played(turns: int, seed: int = 5, skill: str = "normal") -> Session:
    state = new_game(load_scenario(TUTORIAL).scenario, seed)
    session = Session(state, _computers(state, skill), strict=True)
    session.play_turns(turns)
    return session


def _no_replay(*args: object, **kwargs: object) -> None:
    raise AssertionError("a sealed save must load without replaying its record")


def test_a_save_of_this_installation_loads_from_its_state_without_a_replay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seal shows the file is as this game wrote it: the state is read, not replayed."""
    session = _played(8)
    path = save_game(tmp_path / "g.json", TEXT, TUTORIAL.name, session)
    monkeypatch.setattr(saves_module, "replay", _no_replay)
    loaded = load_game(path)
    assert loaded.checked == "sealed"
    assert state_hash(loaded.state) == state_hash(session.state)
    assert loaded.state.history == session.state.history
    assert loaded.state.standings_memo == session.state.standings_memo


def test_a_save_from_another_installation_is_replayed_before_it_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = _played(5)
    path = save_game(tmp_path / "g.json", TEXT, TUTORIAL.name, session)
    monkeypatch.setenv("BILATERAL_HOME", str(tmp_path / "another"))  # another key, or none yet
    loaded = load_game(path)
    assert loaded.checked == "replayed"
    assert state_hash(loaded.state) == state_hash(session.state)


def test_an_edited_state_is_refused_not_replaced(tmp_path: Path) -> None:
    """A figure changed in the state and the checksum recomputed: the replay shows the edit."""
    path = save_game(tmp_path / "g.json", TEXT, TUTORIAL.name, _played(4))

    def richer(parts: Parts) -> None:
        first = sorted(parts.state["regions"])[0]
        parts.state["regions"][first]["treasury"] += 1000.0

    edit(path, richer)
    with pytest.raises(SaveError, match="does not replay"):
        load_game(path)


def test_an_edited_state_in_an_older_save_is_refused_too(tmp_path: Path) -> None:
    """Format 2 kept the state beside its hash; an edit to it with the checksum recomputed was
    loaded and silently replaced by the replayed state."""
    path = tmp_path / "old.json"
    write_format_2(path, TEXT, TUTORIAL.name, _played(4))
    document = json.loads(path.read_text(encoding="utf-8"))
    first = sorted(document["payload"]["state"]["regions"])[0]
    document["payload"]["state"]["regions"][first]["treasury"] += 1000.0
    document["checksum"] = saves_module._checksum(document["payload"])
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(SaveError, match="does not replay"):
        load_game(path)


def test_an_older_save_still_loads_and_saves_anew(tmp_path: Path) -> None:
    session = _played(6)
    old = tmp_path / "old.json"
    write_format_2(old, TEXT, TUTORIAL.name, session)
    loaded = load_game(old)
    assert state_hash(loaded.state) == state_hash(session.state)
    again = resume(loaded, _computers(loaded.state))
    again.play_turns(2)
    session.play_turns(2)
    path = save_game(tmp_path / "new.json", TEXT, TUTORIAL.name, again)
    assert state_hash(verify(path).state) == state_hash(session.state)


def test_fields_added_to_the_model_load_with_their_defaults(tmp_path: Path) -> None:
    """A save written before a field existed lacks it: the field takes its default."""
    session = _played(3)
    data = state_data(session.state)
    for region in data["regions"].values():
        del region["rogue_turns"]
    del data["streaks"]
    state = read_state(json.loads(json.dumps(data)))
    assert all(region.rogue_turns == 0 for region in state.regions.values())
    assert state.streaks == {}


def test_a_save_of_older_rules_loads_from_its_state_though_its_record_cannot_be_replayed(
    tmp_path: Path,
) -> None:
    """Rules change: an old record may no longer replay to its state, and a field may have gone
    from the model. The state still loads, checked; only `verify` says it cannot be replayed."""
    session = _played(4)
    path = save_game(tmp_path / "g.json", TEXT, TUTORIAL.name, session)

    def older(parts: Parts) -> None:
        parts.meta["rules"] = RULES_VERSION - 1
        parts.state["a_field_since_gone"] = 3
        parts.record[0] = {
            "type": "Invest",
            "actor": parts.record[0]["actor"],
            "field": "economy",
            "amount": 1e9,
        }

    edit(path, older)
    loaded = load_game(path)
    assert loaded.checked == "state"
    assert state_hash(loaded.state) == state_hash(session.state)
    with pytest.raises(SaveError, match="cannot be replayed here"):
        verify(path)


def test_an_impossible_state_is_refused_even_from_older_rules(tmp_path: Path) -> None:
    path = save_game(tmp_path / "g.json", TEXT, TUTORIAL.name, _played(2))

    def broken(parts: Parts) -> None:
        parts.meta["rules"] = RULES_VERSION - 1
        first = sorted(parts.state["regions"])[0]
        parts.state["regions"][first]["ruler"] = "nowhere"

    edit(path, broken)
    with pytest.raises(SaveError, match="cannot be"):
        load_game(path)


def test_every_derived_field_of_the_state_is_carried_rebuilt_or_a_memo() -> None:
    """A new derived field must say how a loaded game gets it back (see saved_state.py)."""
    derived = {f.name for f in dataclasses.fields(GameState) if f.metadata.get("derived")}
    assert derived == set(CARRIED) | set(REBUILT) | set(MEMOS)


def test_a_long_record_is_kept_as_it_was_and_grows_by_what_is_new(tmp_path: Path) -> None:
    session = _played(3)
    first = save_game(tmp_path / "a.json", TEXT, TUTORIAL.name, session)
    loaded = load_game(first)
    again = resume(loaded, _computers(loaded.state))
    again.play_turns(2)
    second = save_game(tmp_path / "b.json", TEXT, TUTORIAL.name, again)
    assert read_parts(second).record[: len(read_parts(first).record)] == read_parts(first).record
    session.play_turns(2)
    assert whole_record(again) == session.log
    assert state_hash(verify(second).state) == state_hash(session.state)


def test_a_world_game_saved_mid_turn_by_its_humans_goes_on_from_the_same_region(tmp_path: Path) -> None:
    state = build_world(seed=4)
    session = Session(state, {}, strict=True)
    for _ in range(3):
        session.end_region_turn()
    path = save_game(tmp_path / "w.json", WORLD_YAML, "world.yaml", session)
    resumed = resume(load_game(path), {})
    assert resumed.current == session.current == state.order[3]


SHIPPED = sorted(entry.key for entry in shipped_entries())


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_a_game_saved_and_loaded_inside_its_turns_plays_on_exactly(tmp_path: Path, scenario_id: str) -> None:
    """Hard computer players, saves and loads between the regions of a turn at random moments:
    the game ends the same as the unbroken one. (Hard players read the standings published at
    the start of a turn; a loaded game must read the same ones.)"""
    entry = find(scenario_id)
    loaded_scenario = entry.load()
    scenario, text = loaded_scenario.scenario, entry.saved_text(loaded_scenario)
    turns = 24
    unbroken = Session(new_game(scenario, 1), {}, strict=True)
    unbroken.controllers = _computers(unbroken.state, "hard")
    unbroken.play_turns(turns)

    session = Session(new_game(scenario, 1), {}, strict=True)
    session.controllers = _computers(session.state, "hard")
    regions = len(session.state.order)
    rng = random.Random(scenario_id)
    breaks = set(rng.sample(range(1, turns * regions), 6))
    step = 0
    while not session.state.over and session.state.turn <= turns:
        if step in breaks:
            path = save_game(tmp_path / f"{step}.json", text, entry.key, session)
            loaded = load_game(path)
            session = resume(loaded, _computers(loaded.state, "hard"))
            session.strict = True
        session.step_computer()
        step += 1
    assert session.state.turn == unbroken.state.turn
    assert state_hash(session.state) == state_hash(unbroken.state)


def test_a_human_game_saved_at_turn_20_of_straits_plays_on_as_the_unbroken_one(tmp_path: Path) -> None:
    """The case that was found: Tarnholm played by a human who only ends turns, the rest hard;
    saved at the human's turn 20, the loaded game drifted from the unbroken one at turn 26."""
    entry = find("straits")
    loaded_scenario = entry.load()
    scenario, text = loaded_scenario.scenario, entry.saved_text(loaded_scenario)
    human = "tarnholm"

    def computers(state: GameState) -> dict[str, StandardAI]:
        return {r: ai for r, ai in _computers(state, "hard").items() if r != human}

    def play(save_at: int | None) -> GameState:
        session = Session(new_game(scenario, 1), {}, strict=True)
        session.controllers = computers(session.state)
        while session.state.turn <= 30 and not session.state.over:
            session.run_computers()
            if session.current == human:
                if session.state.turn == save_at:
                    loaded = load_game(save_game(tmp_path / "s.json", text, entry.key, session))
                    session = resume(loaded, computers(loaded.state))
                    save_at = None
                session.end_region_turn()
        return session.state

    assert state_hash(play(20)) == state_hash(play(None))


def test_a_save_holds_the_state_exactly_as_its_hash_reads_it_save_after_save() -> None:
    """The save writes out only the news added since the last save; what it holds is still
    `to_data` of the whole state, whose hash it gives."""
    session = _played(3)
    for _ in range(3):
        data = state_data(session.state)
        assert {k: v for k, v in data.items() if k not in CARRIED} == to_data(session.state)
        session.play_turns(1)
    other = build_world()  # another game's news, never taken for this one's
    assert state_data(other)["events"] == to_data(other)["events"]


def test_a_game_resumed_again_and_again_keeps_its_record_in_few_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each resume adds a part to the record; after RECORD_PARTS_MERGED of them they are merged."""
    monkeypatch.setattr(saves_module, "RECORD_PARTS_MERGED", 3)
    session, path = _played(1), tmp_path / "g.json"
    unbroken = _played(7)
    for _ in range(6):
        save_game(path, TEXT, TUTORIAL.name, session)
        loaded = load_game(path)
        session = resume(loaded, _computers(loaded.state))
        session.play_turns(1)
    save_game(path, TEXT, TUTORIAL.name, session)
    header = json.loads(path.read_bytes().split(b"\n")[1])
    assert sum(1 for name, _length in header["parts"] if name == "record") <= 3
    assert whole_record(session) == unbroken.log
    assert state_hash(verify(path).state) == state_hash(unbroken.state)
