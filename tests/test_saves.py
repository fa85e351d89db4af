"""Saves: written atomically, refused when damaged, and replayed to the very same game."""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import paths
from game.ai.standard import StandardAI
from game.catalogue import find
from game.cli import main
from game.core import actions as A
from game.core.snapshot import state_hash
from game.saves import (
    SaveError,
    autosave,
    autosaves,
    backup_path,
    load_game,
    resume,
    save_game,
    sweep_temporary_files,
)
from game.scenario.build import new_game
from game.scenario.loader import load_scenario
from game.session import Session
from tests.conftest import WORLD_YAML, build_world
from tests.save_files import Parts, edit, read_parts, write_parts
from tests.test_properties import KINDS, _draw_action, check_invariants

SCENARIO = find("tutorial").path
TEXT = SCENARIO.read_text(encoding="utf-8")


def _played(turns: int, seed: int = 5) -> Session:
    state = new_game(load_scenario(SCENARIO).scenario, seed)
    ai = StandardAI()
    session = Session(state, dict.fromkeys(state.order, ai), strict=True)
    session.play_turns(turns)
    return session


def _save(tmp_path: Path, turns: int = 6, name: str = "game.json") -> tuple[Path, Session]:
    session = _played(turns)
    return save_game(tmp_path / name, TEXT, SCENARIO.name, session), session


def _flip_a_digit(data: bytes) -> bytes:
    """One bit of a digit in the middle of the file changed: still JSON, no longer the game."""
    at = next(i for i in range(len(data) // 2, len(data)) if 0x30 <= data[i] <= 0x38)
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


def _meta_with_nan(path: Path) -> bytes:
    parts = read_parts(path)
    write_parts(path, parts, meta_text=json.dumps(parts.meta).replace('"seed": 5', '"seed": NaN'))
    return path.read_bytes()


def test_a_save_loads_to_the_same_game_and_plays_on_the_same(tmp_path: Path) -> None:
    """Loading replays the record to the saved state; a loaded game goes on as the original does."""
    path, session = _save(tmp_path)
    loaded = load_game(path)
    assert state_hash(loaded.state) == state_hash(session.state)
    ai = StandardAI()
    again = resume(loaded, dict.fromkeys(loaded.state.order, ai))
    again.play_turns(5)
    session.play_turns(5)
    assert state_hash(again.state) == state_hash(session.state)


def test_a_save_embeds_its_scenario(tmp_path: Path) -> None:
    """A save loads even when the scenario file has changed or gone."""
    path, _ = _save(tmp_path)
    assert load_game(path).scenario_text == TEXT


def test_the_previous_save_is_kept_as_bak(tmp_path: Path) -> None:
    path, _ = _save(tmp_path, turns=2)
    first = path.read_bytes()
    save_game(path, TEXT, SCENARIO.name, _played(4))
    assert backup_path(path).read_bytes() == first
    assert load_game(backup_path(path)).state.turn == 3


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda b, p: b[: len(b) // 2], "cut short"),
        (lambda b, p: _flip_a_digit(b), "checksum"),
        (lambda b, p: b"\x89PNG\r\n\x1a\n" + b[8:], "not a Bilateral save"),
        (lambda b, p: b'{"hello": "world"}', "not a Bilateral save"),
        (lambda b, p: b'{"game": ' + b"[" * 100000, "nested too deeply"),
        (lambda b, p: b"", "cut short"),
        (lambda b, p: _meta_with_nan(p), "not a number"),
    ],
    ids=["truncated", "bit-flipped", "foreign", "other-json", "deep", "empty", "nan"],
)
def test_a_damaged_save_is_refused_and_the_backup_offered(tmp_path: Path, damage: object, words: str) -> None:
    path, _ = _save(tmp_path, turns=2)
    save_game(path, TEXT, SCENARIO.name, _played(3))  # now a .bak exists
    path.write_bytes(damage(path.read_bytes(), path))  # type: ignore[operator]
    with pytest.raises(SaveError) as caught:
        load_game(path)
    assert words in str(caught.value)
    assert backup_path(path) in caught.value.alternatives


def test_a_hand_edited_save_with_a_fixed_checksum_is_still_refused(tmp_path: Path) -> None:
    """Changing the hash it claims and recomputing the checksum does not help: the record must
    replay to it."""
    path, _ = _save(tmp_path)
    edit(path, lambda parts: parts.meta.update(state_hash="0" * 64))
    with pytest.raises(SaveError, match="does not replay"):
        load_game(path)


def test_a_save_with_a_forged_action_is_refused(tmp_path: Path) -> None:
    path, _ = _save(tmp_path)

    def forge(parts: Parts) -> None:
        parts.record.insert(0, {"type": "Invest", "actor": "greenvale", "field": "economy", "amount": 1e9})
        parts.meta["record"]["entries"] += 1

    edit(path, forge)
    with pytest.raises(SaveError, match="refused"):
        load_game(path)


def test_a_save_from_a_newer_version_says_so(tmp_path: Path) -> None:
    path, _ = _save(tmp_path)
    path.write_bytes(path.read_bytes().replace(b"BILATERAL SAVE 3", b"BILATERAL SAVE 4", 1))
    with pytest.raises(SaveError, match="newer version"):
        load_game(path)
    newer_rules, _ = _save(tmp_path, name="rules.json")
    edit(newer_rules, lambda parts: parts.meta.update(rules=parts.meta["rules"] + 1))
    with pytest.raises(SaveError, match="newer version"):
        load_game(newer_rules)


def test_a_failed_write_keeps_the_old_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk is reported as a SaveError; the old save stays whole and no temporary is left."""
    path, _ = _save(tmp_path)
    before = path.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SaveError, match="No space left"):
        save_game(path, TEXT, SCENARIO.name, _played(3))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["game.json"]


def test_an_unwritable_place_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(SaveError, match="could not be written"):
        save_game(blocker / "game.json", TEXT, SCENARIO.name, _played(1))


def test_leftover_temporary_files_are_swept(tmp_path: Path) -> None:
    (tmp_path / ".game.json.123.tmp").write_text("half", encoding="utf-8")
    assert [p.name for p in sweep_temporary_files(tmp_path)] == [".game.json.123.tmp"]
    assert not list(tmp_path.iterdir())


def test_autosave_keeps_the_last_three(tmp_path: Path) -> None:
    session = _played(1)
    for _ in range(5):
        autosave(tmp_path, TEXT, SCENARIO.name, session)
        session.play_turns(1)
    kept = autosaves(tmp_path)
    assert [p.name for p in kept] == [
        "autosave-000005-00006.json",
        "autosave-000004-00005.json",
        "autosave-000003-00004.json",
    ]
    assert all(load_game(p).state.turn == int(p.stem[-5:]) for p in kept)


def test_bilateral_home_moves_every_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BILATERAL_HOME", str(tmp_path))
    for folder in (
        paths.saves_dir(),
        paths.autosaves_dir(),
        paths.mods_dir(),
        paths.config_dir(),
        paths.logs_dir(),
    ):
        assert tmp_path in folder.parents


def test_replay_command_prints_the_games_hash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save = tmp_path / "s.json"
    assert (
        main(
            [
                "simulate",
                "--scenario",
                "tutorial",
                "--turns",
                "8",
                "--seed",
                "2",
                "--json",
                "--save",
                str(save),
            ]
        )
        == 0
    )
    played = json.loads(capsys.readouterr().out)
    assert main(["replay", str(save), "--json"]) == 0
    replayed = json.loads(capsys.readouterr().out)
    assert replayed["state_hash"] == played["state_hash"]
    assert replayed["turns_played"] == played["turns_played"]


def test_going_on_from_a_save_matches_an_unbroken_game(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save = tmp_path / "s.json"
    main(["simulate", "--scenario", "tutorial", "--turns", "6", "--seed", "3", "--json", "--save", str(save)])
    capsys.readouterr()
    main(["simulate", "--from-save", str(save), "--turns", "6", "--json"])
    continued = json.loads(capsys.readouterr().out)
    main(["simulate", "--scenario", "tutorial", "--turns", "12", "--seed", "3", "--json"])
    unbroken = json.loads(capsys.readouterr().out)
    assert continued["state_hash"] == unbroken["state_hash"]


def test_a_bad_save_on_the_command_line_is_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\x00\xff garbage")
    assert main(["replay", str(bad)]) == 1
    assert main(["simulate", "--from-save", str(bad), "--turns", "1"]) == 1
    err = capsys.readouterr().err
    assert "bad.json" in err and "Traceback" not in err


_SMALL_SAVE: list[bytes] = []


def _small_save(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    if not _SMALL_SAVE:
        folder = tmp_path_factory.mktemp("fuzz")
        path = save_game(folder / "g.json", TEXT, SCENARIO.name, _played(1))
        _SMALL_SAVE.append(path.read_bytes())
    return _SMALL_SAVE[0]


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_fuzzed_saves_raise_only_save_errors(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    original = _small_save(tmp_path_factory)
    mutated = bytearray(original)
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(mutated) - 1))
        mutated[position] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        mutated = mutated[: data.draw(st.integers(0, len(mutated)))]
    path = tmp_path_factory.mktemp("m") / "g.json"
    path.write_bytes(bytes(mutated))
    with contextlib.suppress(SaveError):
        load_game(path)


@pytest.mark.slow
def test_killing_the_game_while_it_autosaves_never_leaves_a_broken_save(tmp_path: Path) -> None:
    """A process killed at random moments while autosaving leaves only saves that load."""
    rng = random.Random(7)
    folder = tmp_path / "auto"
    for _ in range(4):
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "game",
                "simulate",
                "--scenario",
                "straits",
                "--turns",
                "200",
                "--seed",
                "3",
                "--json",
                "--autosave-dir",
                str(folder),
            ],
            cwd=Path(__file__).resolve().parent.parent,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Killed at a random moment after its first autosave, however slow the machine is today.
        guard = time.monotonic() + 300  # against a hang only
        while not autosaves(folder) and process.poll() is None and time.monotonic() < guard:
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 1.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
        sweep_temporary_files(folder)
        saves = autosaves(folder)
        assert saves, "the game should have autosaved before it was killed"
        for save in saves:
            assert load_game(save).state.turn == int(save.stem[-5:])


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_play_with_saves_and_loads_in_between(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Legal and illegal actions by human players, turns ended, and saves loaded back at random
    moments: every load gives the same hash, and the invariants hold throughout."""
    folder = tmp_path_factory.mktemp("play")
    state = build_world()
    session = Session(state, {})
    for _ in range(data.draw(st.integers(10, 60))):
        kind = data.draw(st.sampled_from((*KINDS, "save")))
        if session.current is None:
            break
        if kind == "end_turn":
            session.end_region_turn()
        elif kind == "save":
            path = save_game(folder / "g.json", WORLD_YAML, "world.yaml", session)
            loaded = load_game(path)
            assert state_hash(loaded.state) == state_hash(session.state)
            session = resume(loaded, {})
        else:
            action = _draw_action(data, session.state, kind)
            if not isinstance(action, A.Answer | A.Vote):
                action = dataclasses.replace(action, actor=session.current)
            session.submit(action)
        check_invariants(session.state)


def test_a_save_of_the_first_rules_loads_from_its_state_and_plays_on(tmp_path: Path) -> None:
    """A format-2 save written by the game before the rules changed (rules 1: tests/saves, straits
    at turn 13 with demands of both organisations) cannot be replayed under today's rules, so it
    loads from the state it holds, brought up to today's model, and the game goes on."""
    import gzip

    from game.core.invariants import broken_invariants

    path = tmp_path / "rules1.json"
    path.write_bytes(
        gzip.decompress((Path(__file__).parent / "saves" / "rules1-straits.json.gz").read_bytes())
    )
    loaded = load_game(path)
    assert (loaded.checked, loaded.rules, loaded.state.turn) == ("state", 1, 13)
    watch = loaded.state.organisations["strait_watch"].demands
    assert {region: d.kind for region, d in watch.items()} == {
        "ashkara": "condemn_aggression",
        "greyfell": "condemn_aggression",
    }
    session = resume(loaded, {r: StandardAI() for r in loaded.state.order})
    session.play_turns(5)
    assert loaded.state.turn == 18 and broken_invariants(loaded.state) == []


def test_a_game_with_deals_and_counter_offers_saves_loads_and_replays(tmp_path: Path) -> None:
    """A deal waiting for its answer and a counter-offer in the record come back from a save as
    they were, and replaying the record gives the same state."""
    from game.core.model import Term
    from game.record import read_record
    from game.saves import verify

    state = new_game(load_scenario(SCENARIO).scenario, 5)
    session = Session(state, {}, strict=True)  # people all round: proposals wait in the inboxes
    me = state.order[0]
    other = sorted(state.neighbours[me])[1]
    assert session.submit(A.SendAmbassador(me, other)).ok
    trade, gold = Term("treaty", treaty="trade", turns=5), Term("gold", me, gold=1.5)
    sent = session.submit(A.ProposeDeal(me, other, (trade, gold))).proposal
    assert sent is not None
    counter = (trade, Term("gold_per_turn", me, gold=1.0, turns=3))
    assert session.submit(A.Answer(other, sent.id, False, counter)).ok
    path = save_game(tmp_path / "deal.json", TEXT, SCENARIO.name, session)
    loaded = load_game(path)
    assert state_hash(loaded.state) == state_hash(state)
    waiting = [p for p in loaded.state.proposals.values() if p.kind == "deal"]
    assert [(p.terms.deal, p.terms.round, p.terms.counter_of) for p in waiting] == [(counter, 1, sent.id)]
    record = read_record(loaded.record)
    assert any(isinstance(a, A.ProposeDeal) and a.terms == (trade, gold) for a in record)
    assert any(isinstance(a, A.Answer) and a.counter == counter for a in record)
    assert state_hash(verify(path).state) == state_hash(state)


def test_a_peace_deal_between_enemies_saves_loads_and_replays(tmp_path: Path) -> None:
    """A deal that makes peace, waiting for its answer, comes back from a save as it was; the
    record replays to the same state, and accepting it after loading ends the war."""
    from game.core.model import Term
    from game.core.relations import at_war
    from game.saves import verify

    state = new_game(load_scenario(SCENARIO).scenario, 5)
    session = Session(state, {}, strict=True)
    me = state.order[0]
    other = sorted(state.neighbours[me])[1]
    assert session.submit(A.DeclareWar(me, other)).ok
    terms = (Term("peace", turns=4), Term("gold", me, gold=1.5))
    sent = session.submit(A.ProposeDeal(me, other, terms)).proposal
    assert sent is not None
    path = save_game(tmp_path / "peace.json", TEXT, SCENARIO.name, session)
    loaded = load_game(path)
    assert state_hash(loaded.state) == state_hash(state)
    assert loaded.state.proposals[sent.id].terms.deal == terms
    assert state_hash(verify(path).state) == state_hash(state)
    resumed = resume(loaded, {})
    assert resumed.submit(A.Answer(other, sent.id, True)).ok
    assert not at_war(loaded.state, me, other)
