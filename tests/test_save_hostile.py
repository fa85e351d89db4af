"""Saves and the files around them as an attacker or an unlucky machine leaves them: each is a
message, never a hang, a crash, a lost save or a memory blowup."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import game.saves as saves_module
from game.ai.standard import StandardAI
from game.catalogue import find
from game.cli import main
from game.core import actions as A
from game.core.invariants import broken_invariants
from game.record import MAX_PLAYER_ACTIONS
from game.saves import (
    SaveError,
    autosave,
    autosaves,
    backup_path,
    load_game,
    resume,
    save_game,
    summarise,
    sweep_temporary_files,
)
from game.scenario.build import new_game
from game.scenario.loader import load_scenario
from game.session import Session
from tests.save_files import Parts, edit, read_parts, write_format_2, write_parts

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = find("tutorial").path
TEXT = TUTORIAL.read_text(encoding="utf-8")


def _played(turns: int, seed: int = 5) -> Session:
    state = new_game(load_scenario(TUTORIAL).scenario, seed)
    session = Session(state, dict.fromkeys(state.order, StandardAI()), strict=True)
    session.play_turns(turns)
    return session


def _run(code: str, *, memory_mb: int | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Python code in a process of its own, its memory capped: a blowup is an error there, not here."""
    limit = ""
    if memory_mb is not None:
        cap = memory_mb << 20
        limit = f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))\n"
    return subprocess.run(
        [sys.executable, "-c", limit + code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


# --- hangs and memory ---------------------------------------------------------------------------------
@pytest.mark.parametrize("layout", ["format 2", "format 3"])
def test_a_save_of_millions_of_empty_objects_is_refused_in_bounded_memory(
    tmp_path: Path, layout: str
) -> None:
    """63 MB of `{}` took 11.9 s and 1.7 GB before its checksum was even checked."""
    path = tmp_path / "empty.json"
    objects = "[" + ",".join(["{}"] * 20_000_000) + "]"
    if layout == "format 2":
        path.write_text('{"game":"bilateral","format":2,"checksum":"0","payload":{"log":' + objects + "}}")
    else:
        parts = read_parts(save_game(tmp_path / "g.json", TEXT, TUTORIAL.name, _played(1)))
        write_parts(path, parts, state_text=objects)
    started = time.perf_counter()
    result = _run(
        f"from game.saves import load_game, SaveError\n"
        f"try:\n    load_game({str(path)!r})\nexcept SaveError as e:\n    print(e)",
        memory_mb=1200,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "objects and lists" in result.stdout
    assert time.perf_counter() - started < 30  # a guard against a hang, not a measure


def test_a_record_of_a_million_free_actions_is_refused_before_it_is_replayed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """880,000 Invests of 5e-324 in one turn replayed for 118 s before their refusal."""
    session = _played(2)
    path = tmp_path / "spam.json"
    write_format_2(path, TEXT, TUTORIAL.name, session)
    document = json.loads(path.read_text(encoding="utf-8"))
    region = session.state.order[0]
    spam = {"type": "Invest", "actor": region, "field": "economy", "amount": 5e-324}
    document["payload"]["log"][:0] = [spam] * 200_000
    document["checksum"] = saves_module._checksum(document["payload"])
    path.write_text(json.dumps(document), encoding="utf-8")

    def no_replay(*args: object, **kwargs: object) -> None:
        raise AssertionError("replayed")

    monkeypatch.setattr("game.legacy_saves.replay", no_replay)
    with pytest.raises(SaveError, match="does not fit its game's turns"):
        load_game(path)


def test_a_player_may_take_only_so_many_actions_in_a_turn() -> None:
    """So that a record stays within what a save may hold, the session refuses the rest."""
    state = new_game(load_scenario(TUTORIAL).scenario, 1)
    session = Session(state, {})
    region = session.current
    assert region is not None
    for _ in range(MAX_PLAYER_ACTIONS):
        assert session.submit(A.Invest(region, "economy", 0.001)).ok
    refused = session.submit(A.Invest(region, "economy", 0.001))
    assert not refused.ok and "enough for one turn" in str(refused.reason)
    session.end_region_turn()
    assert session.submit(A.Invest(session.current or "", "economy", 0.001)).ok


@pytest.mark.parametrize("name", ["g.json", "autosave-000009-00009.json", "settings"])
def test_a_fifo_in_place_of_a_save_or_settings_blocks_nothing(tmp_path: Path, name: str) -> None:
    """A FIFO as a save, an autosave or settings.json froze Load and Continue for good."""
    home = tmp_path / "home"
    folder = home / "autosaves" if name.startswith("autosave") else home / "saves"
    folder.mkdir(parents=True)
    fifo = home / "settings" / "settings.json" if name == "settings" else folder / name
    fifo.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(fifo)
    code = (
        "import os\n"
        f"os.environ['BILATERAL_HOME'] = {str(home)!r}\n"
        "from game.saves import load_game, summarise, autosaves, SaveError\n"
        "from game.settings import load_settings\n"
        "from game import paths\n"
        f"print(load_settings().ui_scale, autosaves(paths.autosaves_dir()))\n"
        f"for f in (load_game, summarise):\n"
        f"    try:\n        f({str(fifo)!r})\n    except SaveError as e:\n        print(e)\n"
    )
    result = _run(code, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    if name != "settings":
        assert result.stdout.count("not a regular file (a FIFO)") == 2
    assert "[]" in result.stdout  # a FIFO named like an autosave is none


# --- crashes --------------------------------------------------------------------------------------------
def test_a_401_digit_number_in_a_saved_action_is_a_message(tmp_path: Path) -> None:
    session = _played(1)
    region = session.state.order[0]
    old = tmp_path / "old.json"
    write_format_2(old, TEXT, TUTORIAL.name, session)
    text = old.read_text(encoding="utf-8")
    document = json.loads(text)
    document["payload"]["log"].insert(0, {"type": "SendAid", "actor": region, "target": region, "amount": 0})
    document["checksum"] = saves_module._checksum(document["payload"])
    text = json.dumps(document).replace('"amount": 0}', '"amount": ' + "9" * 401 + "}", 1)
    document = json.loads(text)
    document["checksum"] = saves_module._checksum(document["payload"])
    old.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(SaveError, match="far too large"):
        load_game(old)

    new = save_game(tmp_path / "new.json", TEXT, TUTORIAL.name, session)
    edit(new, lambda parts: parts.state["regions"][region].update(treasury=10**401))
    with pytest.raises(SaveError, match="far too large"):
        load_game(new)


@pytest.mark.parametrize("layout", ["format 2", "format 3"])
def test_a_lone_surrogate_in_a_save_is_a_message(tmp_path: Path, layout: str) -> None:
    """It raised UnicodeEncodeError at the checksum, and Continue gave up on older autosaves."""
    session = _played(1)
    path = tmp_path / "g.json"
    if layout == "format 2":
        write_format_2(path, TEXT, TUTORIAL.name, session)
        document = json.loads(path.read_text(encoding="utf-8"))
        document["payload"]["players"]["humans"] = ["\ud800"]
        path.write_text(json.dumps(document), encoding="utf-8")  # json writes it as \\ud800
    else:
        save_game(path, TEXT, TUTORIAL.name, session)
        edit(path, lambda parts: parts.meta["players"].update(humans=["\ud800"]))
    with pytest.raises(SaveError):
        load_game(path)
    with pytest.raises(SaveError):
        summarise(path)


def test_a_save_whose_name_is_not_utf8_is_named_with_escapes_when_replayed(tmp_path: Path) -> None:
    path = Path(os.fsdecode(bytes(tmp_path) + b"/bad\xff\x1b.json"))
    path.write_bytes(b"\x00 garbage")
    result = subprocess.run(
        [sys.executable, "-m", "game", "replay", str(path)],
        cwd=ROOT,
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
    )
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert b"bad\\xff\\x1b.json" in result.stderr and b"\x1b" not in result.stderr


def test_folders_named_like_autosaves_or_leftovers_are_left_alone(tmp_path: Path) -> None:
    """A folder named like an autosave (or .x.tmp) raised IsADirectoryError on every autosave."""
    (tmp_path / "autosave-00007.json").mkdir()
    (tmp_path / "autosave-000099-00001.json").mkdir()
    (tmp_path / ".x.json.1.tmp").mkdir()
    session = _played(1)
    for _ in range(4):
        autosave(tmp_path, TEXT, TUTORIAL.name, session)
        session.play_turns(1)
    assert sweep_temporary_files(tmp_path) == []
    assert len(autosaves(tmp_path)) == 3
    assert (tmp_path / "autosave-00007.json").is_dir() and (tmp_path / ".x.json.1.tmp").is_dir()


# --- saves lost or wrong ----------------------------------------------------------------------------------
def test_autosaves_are_kept_by_their_sequence_not_by_their_files_times(tmp_path: Path) -> None:
    """Three autosaves with times in the future (a copied folder, a wrong clock) made every new
    autosave be written and deleted at once: 0 of 20 kept."""
    future = time.time() + 10 * 365 * 86400
    session = _played(1)
    for turn in (97, 98, 99):
        old = tmp_path / f"autosave-{turn:05d}.json"  # named as older versions named them
        save_game(old, TEXT, TUTORIAL.name, session)
        os.utime(old, (future, future))
    made = []
    for _ in range(5):
        made.append(autosave(tmp_path, TEXT, TUTORIAL.name, session))
        session.play_turns(1)
    assert autosaves(tmp_path) == made[:-4:-1]


def test_saving_from_several_processes_at_once_never_loses_or_empties_the_save(tmp_path: Path) -> None:
    """The backup's temporary name had no process id: 2-3 % of saves failed, and the fallback
    rewrote a file hard-linked to the live save, seen at 0 bytes."""
    path = tmp_path / "shared.json"
    save_game(path, TEXT, TUTORIAL.name, _played(1))
    code = (
        "import sys\n"
        "from tests.test_save_hostile import _played, TEXT, TUTORIAL\n"
        "from game.saves import save_game, SaveError\n"
        "session = _played(1)\n"
        "failed = 0\n"
        "for _ in range(40):\n"
        "    try:\n"
        f"        save_game({str(path)!r}, TEXT, TUTORIAL.name, session)\n"
        "    except SaveError as e:\n"
        "        failed += 1; print(e, file=sys.stderr)\n"
        "print(failed)\n"
    )
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", code],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        for _ in range(3)
    ]
    sizes = []
    while any(w.poll() is None for w in writers):
        try:
            sizes.append(path.stat().st_size)
        except FileNotFoundError:
            sizes.append(-1)
    outputs = [w.communicate() for w in writers]
    assert [out.strip() for out, _err in outputs] == ["0", "0", "0"], [err for _out, err in outputs]
    assert 0 not in sizes and -1 not in sizes
    assert load_game(path).state.turn == 2
    assert load_game(backup_path(path)).state.turn == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shared.json", "shared.json.bak"]


def test_a_failed_first_save_does_not_claim_a_previous_one_is_kept(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(SaveError) as caught:
        save_game(blocker / "game.json", TEXT, TUTORIAL.name, _played(1))
    assert "previous save" not in str(caught.value)


def test_a_folder_in_place_of_the_backup_leaves_no_stray_link(tmp_path: Path) -> None:
    path = save_game(tmp_path / "game.json", TEXT, TUTORIAL.name, _played(1))
    backup_path(path).mkdir()
    save_game(path, TEXT, TUTORIAL.name, _played(2))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["game.json", "game.json.bak"]
    assert load_game(path).state.turn == 3


def test_the_command_line_says_what_is_wrong_with_a_save_and_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = save_game(tmp_path / "g.json", TEXT, TUTORIAL.name, _played(1))

    def forged(parts: Parts) -> None:
        parts.record[:0] = [{"type": "Invest", "actor": "x" * 50, "field": "economy", "amount": 1.0}]
        parts.meta["record"]["entries"] += 1

    edit(path, forged)
    assert main(["replay", str(path)]) == 1
    err = capsys.readouterr().err
    assert "g.json" in err and "entry 1 of its record" in err


# --- random edits that keep the checksum right -------------------------------------------------------
_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.sampled_from([10**401, -(2**64), 2**64, 0, -1])
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["\ud800", "\x1b]0;x\x07", "", "greenvale", "economy", "Invest"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _containers(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every path to a list or an object inside a JSON value."""
    found: list[tuple[object, ...]] = []
    if isinstance(value, dict):
        found.append(path)
        for key, item in value.items():
            found += _containers(item, (*path, key))
    elif isinstance(value, list):
        found.append(path)
        for index, item in enumerate(value):
            found += _containers(item, (*path, index))
    return found


def _mutate(data: st.DataObject, document: object) -> None:
    """Replace, add or delete one value somewhere in the document."""
    path = data.draw(st.sampled_from(_containers(document)))
    target: Any = document
    for step in path:
        target = target[step]
    value = data.draw(_JSON_VALUES)
    if isinstance(target, dict):
        keys = sorted(target)
        key = (
            data.draw(st.sampled_from(keys) | st.text(max_size=6)) if keys else data.draw(st.text(max_size=6))
        )
        if key in target and data.draw(st.booleans()):
            del target[key]
        else:
            target[key] = value
    elif target:
        target[data.draw(st.integers(0, len(target) - 1))] = value
    else:
        target.append(value)


_SMALL: list[Path] = []


def _small_save(folder: Path) -> Path:
    if not _SMALL:
        _SMALL.append(save_game(folder / "small.json", TEXT, TUTORIAL.name, _played(2)))
    return _SMALL[0]


@settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_saves_edited_at_random_with_their_checksum_recomputed_give_only_save_errors(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Each edit reaches the parser, the state's reader, the record and the replay: the save is
    refused with a message, or it loads a game that keeps its invariants and plays on."""
    original = _small_save(tmp_path_factory.mktemp("small"))
    parts = read_parts(original)
    for _ in range(data.draw(st.integers(1, 3))):
        _mutate(data, data.draw(st.sampled_from([parts.meta, parts.state, parts.record])))
    path = tmp_path_factory.mktemp("edited") / "g.json"
    write_parts(path, parts)
    try:
        loaded = load_game(path)
    except SaveError:
        return
    assert broken_invariants(loaded.state) == []
    session = resume(loaded, dict.fromkeys(loaded.state.order, StandardAI()))
    session.strict = True
    session.play_turns(1)
