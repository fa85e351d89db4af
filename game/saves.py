"""Saves and replays: JSON files that are never half-written and never trusted blindly.

A save holds the scenario's own text (so it loads after the scenario file changed or went), the
seed, the log of every action, and the state with its hash. Loading reads the scenario through the
same hardened loader as scenario files, replays the log, and checks that the replay arrives at
the saved hash: a truncated, bit-flipped, hand-edited or foreign file is refused with a message.
Writing goes to a temporary file in the same folder, is synced, and replaces the old file in one
step; the previous save is kept beside it as `.bak`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_type_hints

from game.ai.base import Controller
from game.core import actions as A
from game.core.model import GameState
from game.core.snapshot import data_hash, state_hash, to_data
from game.scenario.build import new_game
from game.scenario.errors import ScenarioError
from game.scenario.loader import load_scenario_bytes
from game.scenario.schema import Scenario
from game.session import Session

FORMAT = 2
GAME = "bilateral"
MAX_SAVE_BYTES = 64 * 1024 * 1024
AUTOSAVES_KEPT = 3
TEMPORARY_SUFFIX = ".tmp"


def _history_left_out(payload: dict[str, Any]) -> dict[str, Any]:
    """Format 2: the figures kept for the charts are left out of the saved state and its hash,
    since the replay rebuilds them. The replay is still checked against the rest of the state."""
    state = {key: value for key, value in _mapping(payload["state"]).items() if key != "history"}
    return {**payload, "state": state, "state_hash": data_hash(state)}


# Older formats are brought up to date one step at a time: MIGRATIONS[n] turns format n into n + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _history_left_out}

ACTION_TYPES: dict[str, type[A.Action]] = {
    cls.__name__: cls
    for cls in vars(A).values()
    if isinstance(cls, type) and issubclass(cls, A.Action) and cls is not A.Action
}


class SaveError(Exception):
    """A save that cannot be written or loaded; `alternatives` are other saves worth offering."""

    def __init__(self, path: Path | str, message: str, alternatives: list[Path] | None = None) -> None:
        self.path = Path(path)
        self.message = message
        self.alternatives = alternatives or []
        super().__init__(f"{path}: {message}")

    def __str__(self) -> str:
        text = f"{self.path}: {self.message}"
        if self.alternatives:
            text += "\nYou could load instead: " + ", ".join(str(p) for p in self.alternatives)
        return text


@dataclass(slots=True)
class LoadedGame:
    scenario: Scenario
    scenario_text: str
    scenario_file: str
    state: GameState
    log: list[A.Action | None]
    players: dict[str, Any]  # who plays what: {"humans": [...], "difficulty": "..."}


# --- writing ------------------------------------------------------------------------------------
def save_game(
    path: Path | str,
    scenario_text: str,
    scenario_file: str,
    session: Session,
    players: dict[str, Any] | None = None,
) -> Path:
    """Write the session's game to `path` atomically, keeping the previous file as `.bak`."""
    path = Path(path)
    payload = {
        "players": players or {"humans": [], "difficulty": "normal"},
        "scenario": {"file": scenario_file, "text": scenario_text},
        "seed": session.state.seed,
        "turn": session.state.turn,
        "log": [None if a is None else action_to_data(a) for a in session.log],
        "state_hash": state_hash(session.state),
        "state": to_data(session.state),
    }
    document = {"game": GAME, "format": FORMAT, "checksum": _checksum(payload), "payload": payload}
    data = json.dumps(document, allow_nan=False, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    write_atomic(path, data)
    return path


def write_atomic(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Temporary file in the same folder, fsync, rename over the old file, fsync the folder.

    Any failure (a full disk, a read-only folder) raises SaveError and leaves the old file as it was.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}{TEMPORARY_SUFFIX}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and path.exists():
            _keep_backup(path)
        os.replace(temporary, path)
        _sync_folder(path.parent)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise SaveError(
            path, f"could not be written ({error.strerror or error}); the previous save is kept"
        ) from error


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _keep_backup(path: Path) -> None:
    """Copy the current save to .bak by a hard link and a rename, so that .bak is never partial."""
    staged = path.with_name(f".{path.name}.bak{TEMPORARY_SUFFIX}")
    staged.unlink(missing_ok=True)
    try:
        os.link(path, staged)
    except OSError:  # a file system without hard links: copy the bytes instead
        staged.write_bytes(path.read_bytes())
    os.replace(staged, backup_path(path))


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # some systems cannot open a folder; the rename is still atomic
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def sweep_temporary_files(folder: Path) -> list[Path]:
    """Remove what an interrupted save left behind; returns what was removed."""
    removed = []
    if folder.is_dir():
        for leftover in sorted(folder.glob(f".*{TEMPORARY_SUFFIX}")):
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed


def autosave(
    folder: Path | str,
    scenario_text: str,
    scenario_file: str,
    session: Session,
    players: dict[str, Any] | None = None,
) -> Path:
    """Save as `autosave-TURN.json` and keep only the newest few."""
    folder = Path(folder)
    name = folder / f"autosave-{session.state.turn:05d}.json"
    path = save_game(name, scenario_text, scenario_file, session, players)
    backup_path(path).unlink(missing_ok=True)  # autosaves are their own history
    for old in autosaves(folder)[AUTOSAVES_KEPT:]:
        old.unlink(missing_ok=True)
    return path


def autosaves(folder: Path) -> list[Path]:
    """Autosaves in the folder, the most recently written first (they may come from several games)."""
    found = []
    for path in folder.glob("autosave-*.json"):
        try:
            found.append((path.stat().st_mtime_ns, path.name, path))
        except OSError:
            continue  # removed meanwhile
    return [path for _, _, path in sorted(found, reverse=True)]


# --- reading ------------------------------------------------------------------------------------
def load_game(path: Path | str) -> LoadedGame:
    """Load and verify a save; a bad one raises SaveError offering the backup or autosaves."""
    path = Path(path)
    try:
        return _load(path)
    except SaveError as error:
        error.alternatives = [p for p in _alternatives(path) if p != path]
        raise


def _alternatives(path: Path) -> list[Path]:
    found = [backup_path(path)] if backup_path(path).is_file() else []
    return found + autosaves(path.parent)


def _load(path: Path) -> LoadedGame:
    document = _read_document(path)
    payload = _current_payload(path, document)
    try:
        scenario_info = _mapping(payload["scenario"])
        text, file_name = str(scenario_info["text"]), str(scenario_info["file"])
        seed, turn = _integer(payload["seed"]), _integer(payload["turn"])
        expected_hash = str(payload["state_hash"])
        players = _players(payload.get("players"))
        log = [None if item is None else action_from_data(item) for item in _sequence(payload["log"])]
    except (KeyError, TypeError, ValueError) as error:
        raise SaveError(path, f"is not laid out as a save ({error})") from None
    try:
        scenario = load_scenario_bytes(text.encode("utf-8"), f"{path.name} (its scenario)").scenario
    except ScenarioError as error:
        raise SaveError(path, f"holds a scenario that no longer validates:\n{error}") from None
    state = replay(scenario, seed, log, path)
    if state.turn != turn or state_hash(state) != expected_hash:
        raise SaveError(path, "does not replay to the game it recorded; it was changed after saving")
    unknown = [r for r in players["humans"] if r not in state.regions]
    if unknown:
        raise SaveError(path, f"names players for regions the scenario does not have: {unknown}")
    return LoadedGame(scenario, text, file_name, state, log, players)


def _read_document(path: Path) -> dict[str, Any]:
    try:
        size = path.stat().st_size
        if size > MAX_SAVE_BYTES:
            raise SaveError(path, f"is {size} bytes, more than a save can be ({MAX_SAVE_BYTES})")
        with open(path, "rb") as handle:
            data = handle.read(MAX_SAVE_BYTES + 1)
    except OSError as error:
        raise SaveError(path, f"cannot be read ({error.strerror or error})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SaveError(path, f"is not UTF-8 text (byte {error.start})") from None
    try:
        document = json.loads(text, parse_constant=_no_constants, object_pairs_hook=_no_duplicates)
    except (ValueError, RecursionError) as error:
        raise SaveError(path, f"is not a readable save ({_short(error)})") from None
    if not isinstance(document, dict) or document.get("game") != GAME:
        raise SaveError(path, "is not a Bilateral save")
    return document


def _current_payload(path: Path, document: dict[str, Any]) -> dict[str, Any]:
    version = document.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError(path, "has no format version")
    if version > FORMAT:
        raise SaveError(
            path, f"was made by a newer version of the game (save format {version}; this one reads {FORMAT})"
        )
    payload = document.get("payload")
    if not isinstance(payload, dict) or document.get("checksum") != _checksum(payload):
        raise SaveError(path, "is damaged: its checksum does not match its contents")
    while version < FORMAT:
        migrate = MIGRATIONS.get(version)
        if migrate is None:
            raise SaveError(path, f"uses save format {version}, which this version cannot read")
        try:
            payload, version = migrate(payload), version + 1
        except (KeyError, TypeError, ValueError, RecursionError) as error:
            raise SaveError(
                path, f"uses save format {version} and cannot be brought up to date ({error})"
            ) from None
    return payload


def replay(
    scenario: Scenario, seed: int, log: list[A.Action | None], path: Path | str = "<replay>"
) -> GameState:
    """Play the logged actions from the start; every one must still be legal."""
    state = new_game(scenario, seed)
    session = Session(state, {})
    for number, item in enumerate(log, start=1):
        if item is None:
            if state.over:
                raise SaveError(path, f"its record goes on after the game ended (entry {number})")
            session.end_region_turn()
            continue
        outcome = session.submit(item)
        if not outcome.ok:
            raise SaveError(path, f"entry {number} of its record is refused: {outcome.reason}")
    return state


def resume(loaded: LoadedGame, controllers: dict[str, Controller]) -> Session:
    """A session that goes on from a loaded game, with the same log."""
    return Session.from_log(loaded.state, controllers, loaded.log)


# --- actions as data ----------------------------------------------------------------------------
def action_to_data(action: A.Action) -> dict[str, Any]:
    data: dict[str, Any] = {"type": type(action).__name__}
    data.update({f.name: getattr(action, f.name) for f in dataclasses.fields(action)})
    return data


def action_from_data(data: object) -> A.Action:
    """Rebuild an action, checking its type and the type of every field."""
    item = _mapping(data)
    cls = ACTION_TYPES.get(str(item.get("type")))
    if cls is None:
        raise ValueError(f"unknown action {item.get('type')!r}")
    hints = get_type_hints(cls)
    values: dict[str, Any] = {}
    for field in dataclasses.fields(cls):
        if field.name not in item:
            raise ValueError(f"{cls.__name__} lacks {field.name}")
        values[field.name] = _typed(item[field.name], str(hints[field.name]), field.name)
    extra = set(item) - {"type"} - set(values)
    if extra:
        raise ValueError(f"{cls.__name__} has unknown fields {sorted(extra)}")
    return cls(**values)


def _typed(value: object, hint: str, name: str) -> object:
    if "float" in hint and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if "bool" in hint and isinstance(value, bool):
        return value
    if "int" in hint and isinstance(value, int) and not isinstance(value, bool):
        return value
    if ("str" in hint or "Literal" in hint) and isinstance(value, str) and len(value) <= 100:
        return value
    if "None" in hint and value is None:
        return None
    raise ValueError(f"field {name} has the wrong type")


# --- small helpers ------------------------------------------------------------------------------
def _players(value: object) -> dict[str, Any]:
    if value is None:
        return {"humans": [], "difficulty": "normal"}
    players = _mapping(value)
    humans = _sequence(players.get("humans", []))
    difficulty = players.get("difficulty", "normal")
    if not all(isinstance(h, str) for h in humans) or difficulty not in ("easy", "normal", "hard"):
        raise ValueError("players are not a list of regions and a skill")
    return {"humans": list(humans), "difficulty": difficulty}


def _checksum(payload: object) -> str:
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _no_constants(name: str) -> object:
    raise ValueError(f"{name} is not a number a save may hold")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _mapping(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("expected an object")
    return value


def _sequence(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return value


def _integer(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected a whole number")
    return value


def _short(error: Exception) -> str:
    return "nested too deeply" if isinstance(error, RecursionError) else str(error)[:200]


# --- a save's summary, for lists of saves ---------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SaveSummary:
    """What a list of saves shows. Read without replaying or checking, so a damaged save may look
    fine here: only `load_game` says whether it loads."""

    path: Path
    turn: int
    humans: tuple[str, ...]
    scenario: Scenario


def summarise(path: Path | str) -> SaveSummary:
    """The scenario, turn and players of a save, from the fields before its record; raises SaveError."""
    path = Path(path)
    try:
        head = _payload_head(path)
        info = _mapping(head["scenario"])
        text, turn, players = str(info["text"]), _integer(head["turn"]), _players(head.get("players"))
    except (KeyError, TypeError, ValueError) as error:
        raise SaveError(path, f"is not laid out as a save ({error})") from None
    return SaveSummary(path, turn, tuple(players["humans"]), _summary_scenario(path, text))


def _payload_head(path: Path) -> dict[str, Any]:
    """The payload's fields up to its record, decoded one at a time.

    A long game's record and state run to megabytes, and decoding them all takes a tenth of a
    second a save; the fields a list needs come first in every file `save_game` writes. A file laid
    out differently is decoded whole.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_SAVE_BYTES + 1)
    except OSError as error:
        raise SaveError(path, f"cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_SAVE_BYTES:
        raise SaveError(path, f"is more than a save can be ({MAX_SAVE_BYTES} bytes)")
    try:
        return _leading_fields(data.decode("utf-8"), ("game", "format", "checksum", "payload"))
    except (ValueError, IndexError, RecursionError):
        return _current_payload(path, _read_document(path))


def _leading_fields(text: str, outer: tuple[str, ...]) -> dict[str, Any]:
    """Walk `{"game":…,"format":…,"checksum":…,"payload":{…` and decode the payload's values until
    its "log"; raises ValueError on anything else."""
    decoder = json.JSONDecoder()
    position = _expect(text, 0, "{")
    for name in outer:
        key, position = decoder.raw_decode(text, _skip_space(text, position))
        position = _expect(text, position, ":")
        if key != name:
            raise ValueError(f"{key!r} where {name!r} was expected")
        if name != "payload":
            value, position = decoder.raw_decode(text, _skip_space(text, position))
            if name == "game" and value != GAME:
                raise ValueError("not a Bilateral save")
            if name == "format" and value != FORMAT:
                raise ValueError("another save format")  # decoded whole, where migrations apply
            position = _expect(text, position, ",")
    position = _expect(text, position, "{")
    fields: dict[str, Any] = {}
    while True:
        key, position = decoder.raw_decode(text, _skip_space(text, position))
        if not isinstance(key, str):
            raise ValueError("a key that is not text")
        if key == "log":
            return fields
        position = _expect(text, position, ":")
        fields[key], position = decoder.raw_decode(text, _skip_space(text, position))
        position = _expect(text, position, ",")


def _skip_space(text: str, position: int) -> int:
    while text[position] in " \t\r\n":
        position += 1
    return position


def _expect(text: str, position: int, mark: str) -> int:
    position = _skip_space(text, position)
    if text[position] != mark:
        raise ValueError(f"{mark!r} expected at {position}")
    return position + 1


@functools.lru_cache(maxsize=8)
def _scenario_of(text: str) -> Scenario:
    """Many saves share a scenario: each text goes through the loader once."""
    return load_scenario_bytes(text.encode("utf-8"), "(a saved scenario)").scenario


def _summary_scenario(path: Path, text: str) -> Scenario:
    try:
        return _scenario_of(text)
    except ScenarioError as error:
        raise SaveError(path, f"holds a scenario that no longer validates:\n{error}") from None
