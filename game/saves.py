"""Saves and replays: files that are never half-written, never trusted blindly, and load at once.

A save holds the scenario's own text (so it loads after the scenario file changed or went), the
seed, the record of every action, and the state (see saved_state.py), each part compressed
(savefile.py). Loading checks the file's checksum before it parses anything, reads the state and
checks it (its scenario, its references, every invariant), and plays on from it without
replaying the record. A save this installation wrote carries its seal (seal.py); any other has
its record replayed first and is refused unless the replay arrives at that very state.
`verify` replays any save, for the `replay` command and the tests.

Writing goes to a temporary file of its own in the same folder, is synced, and replaces the old
file in one step; the previous save is kept beside it as `.bak`. Saves of the older JSON formats
(1 and 2) still load, by replaying their record.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import logging
import os
import re
import secrets
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from game.ai.base import Controller
from game.core.model import GameState
from game.core.snapshot import data_hash, state_hash
from game.core.version import RULES_VERSION
from game.files import FileRefused, is_regular, read_capped, shown
from game.plaindata import PlainDataError
from game.record import MAX_RUN, Entry, RecordWriter, SavedRecord, read_record
from game.saved_state import CARRIED, read_state, state_data, state_problems
from game.savefile import SaveFileError, no_constants, pack, unpack
from game.scenario.build import new_game
from game.scenario.errors import ScenarioError
from game.scenario.loader import load_scenario_bytes
from game.scenario.schema import Scenario
from game.seal import is_sealed, seal
from game.session import Session

logger = logging.getLogger(__name__)

FORMAT = 3
GAME = "bilateral"
MAX_SAVE_BYTES = 64 * 1024 * 1024
SUMMARY_BYTES = 256 * 1024  # a summary reads this much of a save first: its meta and scenario, mostly
MAX_CONTAINERS = 2_000_000  # objects and lists in one parsed JSON text: a bound on its memory
AUTOSAVES_KEPT = 3
RECORD_PARTS_MERGED = 64  # a game resumed this often has its record's parts merged into one
TEMPORARY_SUFFIX = ".tmp"
AUTOSAVE_NAME = re.compile(r"autosave-(?:(?P<sequence>\d{1,9})-)?(?P<turn>\d{1,7})\.json")
PROGRESS_EVERY = 500  # record entries replayed between two progress reports

Progress = Callable[[int, int], None]  # (entries replayed, entries in all); may raise Cancelled


class SaveError(Exception):
    """A save that cannot be written or loaded; `alternatives` are other saves worth offering."""

    def __init__(self, path: Path | str, message: str, alternatives: list[Path] | None = None) -> None:
        self.path = Path(path)
        self.message = message
        self.alternatives = alternatives or []
        super().__init__(f"{shown(path)}: {message}")

    def __str__(self) -> str:
        text = f"{shown(self.path)}: {self.message}"
        if self.alternatives:
            text += "\nYou could load instead: " + ", ".join(shown(p) for p in self.alternatives)
        return text


class Cancelled(Exception):
    """Raised by a progress callback to stop a load that replays a record."""


@dataclass(slots=True)
class LoadedGame:
    """A loaded game: its state, and its record as the save held it (`log`: actions after that)."""

    scenario: Scenario
    scenario_text: str
    scenario_file: str
    state: GameState
    record: SavedRecord
    players: dict[str, Any]  # who plays what: {"humans": [...], "difficulty": "..."}
    log: list[Entry] = field(default_factory=list)
    checked: str = "sealed"  # how: "sealed" (ours), "replayed", or "state" (other rules: not replayable)
    rules: int = RULES_VERSION
    saved_hash: str = ""  # the state's hash as the save gives it

    def actions(self) -> list[Entry]:
        """The whole record, read from the save: for replays and tests."""
        return read_record(self.record) + self.log


# --- writing ------------------------------------------------------------------------------------
_writers: weakref.WeakKeyDictionary[Session, RecordWriter] = weakref.WeakKeyDictionary()


def save_game(
    path: Path | str,
    scenario_text: str,
    scenario_file: str,
    session: Session,
    players: dict[str, Any] | None = None,
    *,
    keep_backup: bool = True,
) -> Path:
    """Write the session's game to `path` atomically, keeping the previous file as `.bak`."""
    path = Path(path)
    write_atomic(path, save_bytes(scenario_text, scenario_file, session, players), keep_backup=keep_backup)
    return path


def save_bytes(
    scenario_text: str, scenario_file: str, session: Session, players: dict[str, Any] | None = None
) -> bytes:
    state = session.state
    record = session.earlier.followed_by(session.log)
    data = state_data(state)
    meta = {
        "game": GAME,
        "rules": RULES_VERSION,
        "players": players or {"humans": [], "difficulty": "normal"},
        "scenario_file": scenario_file,
        "seed": state.seed,
        "turn": state.turn,
        "state_hash": data_hash({k: v for k, v in data.items() if k not in CARRIED}),
        "record": {"entries": record.entries, "ends": record.ends, "run": record.run},
    }
    return pack(meta, scenario_text, data, _record_parts(session), seal)


def _record_parts(session: Session) -> tuple[bytes, ...]:
    """The loaded record's parts as they were, and one part of what was played since."""
    parts = session.earlier.parts
    if len(parts) >= RECORD_PARTS_MERGED:  # read once, after this many resumes, and written as one
        session.earlier = SavedRecord(
            (RecordWriter().part(read_record(session.earlier)),), *_counts(session.earlier)
        )
        parts = session.earlier.parts
    if not session.log:
        return parts
    return (*parts, _writers.setdefault(session, RecordWriter()).part(session.log))


def _counts(record: SavedRecord) -> tuple[int, int, int]:
    return record.entries, record.ends, record.run


def write_atomic(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """A temporary file of our own in the same folder, fsync, rename over the old file, fsync the
    folder. Any failure (a full disk, a read-only folder) raises SaveError and leaves the old file
    as it was."""
    token = f"{os.getpid()}.{secrets.token_hex(4)}"
    temporary = path.with_name(f".{path.name}.{token}{TEMPORARY_SUFFIX}")
    existed = is_regular(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _new_file(temporary) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and existed:
            _keep_backup(path, token)
        os.replace(temporary, path)
        _sync_folder(path.parent)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        kept = "; the previous save is kept" if existed else ""
        raise SaveError(path, f"could not be written ({error.strerror or error}){kept}") from error


def _new_file(path: Path) -> BinaryIO:
    """A file made now for writing, never one that exists (which might be linked to a save)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    return os.fdopen(fd, "wb")


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _keep_backup(path: Path, token: str) -> None:
    """Keep the current save as .bak: a hard link (or a copy into a new file of our own) renamed
    into place, so .bak is never partial and no file linked to the live save is ever written."""
    backup = backup_path(path)
    if backup.exists() and not is_regular(backup):
        logger.warning("%s is not a file: no backup is kept of %s", shown(backup), shown(path))
        return
    staged = path.with_name(f".{path.name}.bak.{token}{TEMPORARY_SUFFIX}")
    try:
        try:
            os.link(path, staged)
        except OSError:  # a file system without hard links: copy the bytes instead
            data = read_capped(path, MAX_SAVE_BYTES)
            with _new_file(staged) as handle:
                handle.write(data)
        os.replace(staged, backup)
    finally:
        with contextlib.suppress(OSError):
            staged.unlink(missing_ok=True)


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
    """Remove what an interrupted save left behind (files only); returns what was removed."""
    removed = []
    with contextlib.suppress(OSError):
        for leftover in sorted(folder.glob(f".*{TEMPORARY_SUFFIX}")):
            if is_regular(leftover):
                with contextlib.suppress(OSError):
                    leftover.unlink()
                    removed.append(leftover)
    return removed


def autosave(
    folder: Path | str,
    scenario_text: str,
    scenario_file: str,
    session: Session,
    players: dict[str, Any] | None = None,
) -> Path:
    """Save as `autosave-SEQUENCE-TURN.json` and keep only the newest few.

    Newest means the highest sequence number, which each autosave takes one past the highest in
    the folder: never the files' times, which a copied folder or a wrong clock may set anyhow."""
    folder = Path(folder)
    found = _autosave_files(folder)
    sequence = 1 + max((key[0] for key, _path in found), default=0)
    name = folder / f"autosave-{sequence:06d}-{session.state.turn:05d}.json"
    path = save_game(name, scenario_text, scenario_file, session, players, keep_backup=False)
    for old in autosaves(folder)[AUTOSAVES_KEPT:]:
        with contextlib.suppress(OSError):
            old.unlink()
    return path


def autosaves(folder: Path) -> list[Path]:
    """The autosaves in the folder, newest first (by sequence, then turn; they may come from several
    games). Only files count: a folder of such a name is no autosave."""
    return [path for _key, path in sorted(_autosave_files(folder), reverse=True)]


def _autosave_files(folder: Path) -> list[tuple[tuple[int, int], Path]]:
    found = []
    with contextlib.suppress(OSError):
        for path in folder.glob("autosave-*.json"):
            match = AUTOSAVE_NAME.fullmatch(path.name)
            if match and is_regular(path):
                found.append(((int(match["sequence"] or 0), int(match["turn"])), path))
    return found


# --- reading ------------------------------------------------------------------------------------
def load_game(path: Path | str, progress: Progress | None = None) -> LoadedGame:
    """Load and check a save; a bad one raises SaveError offering the backup or autosaves.

    `progress` hears how far a replay has come, when the save needs one; it may raise Cancelled."""
    path = Path(path)
    try:
        return _load(path, progress)
    except SaveError as error:
        error.alternatives = [p for p in _alternatives(path) if p != path]
        raise


def _alternatives(path: Path) -> list[Path]:
    found = [backup_path(path)] if is_regular(backup_path(path)) else []
    return found + autosaves(path.parent)


def _read(path: Path) -> bytes:
    try:
        return read_capped(path, MAX_SAVE_BYTES)
    except FileRefused as error:
        raise SaveError(path, error.reason) from None
    except OSError as error:
        raise SaveError(path, f"cannot be read ({error.strerror or error})") from None


def _load(path: Path, progress: Progress | None) -> LoadedGame:
    data = _read(path)
    if _is_json(data):
        from game.legacy_saves import load_legacy  # saves of formats 1 and 2

        return load_legacy(path, data, progress)
    try:
        file = unpack(data, check=True)
    except SaveFileError as error:
        raise SaveError(path, error.message) from None
    meta = _meta(path, file.meta_text)
    scenario = _scenario(path, file.scenario_text)
    fresh = new_game(scenario, meta.seed)
    _check_record(path, meta, fresh)
    lenient, sealed = meta.rules < RULES_VERSION, is_sealed(file.contents, file.seal)
    try:
        with _collector_paused():
            state = read_state(
                _parsed(file.state_text, "its state", ours=sealed), lenient=lenient, trusted=sealed
            )
    except PlainDataError as error:
        raise SaveError(path, f"holds a state that is not the game's ({error})") from None
    except ValueError as error:
        raise SaveError(path, f"holds a state that cannot be read ({error})") from None
    problems = state_problems(state, fresh)
    if problems or state.turn != meta.turn:
        raise SaveError(path, f"holds a state that cannot be: {problems[0] if problems else 'another turn'}")
    _check_players(path, meta.players, state)
    record = SavedRecord(file.record_parts, *_counts(meta.record))
    loaded = LoadedGame(
        scenario,
        file.scenario_text,
        meta.scenario_file,
        state,
        record,
        meta.players,
        rules=meta.rules,
        saved_hash=meta.saved_hash,
    )
    if sealed:
        return loaded
    if lenient:  # other rules: the record cannot be replayed here, so the checked state stands
        loaded.checked = "state"
        return loaded
    _replay_matches(path, loaded, progress)
    loaded.checked = "replayed"
    return loaded


def verify(path: Path | str, progress: Progress | None = None) -> LoadedGame:
    """Load a save and replay its whole record, sealed or not: SaveError unless the replay arrives at
    the very state the save holds. A save of other rules cannot be replayed and says so."""
    path = Path(path)
    loaded = load_game(path, progress)
    if loaded.checked == "replayed":
        return loaded
    if loaded.rules != RULES_VERSION:
        raise SaveError(
            path,
            f"was played under rules version {loaded.rules}, and this game plays version "
            f"{RULES_VERSION}: its record cannot be replayed here (it still loads, from its state)",
        )
    _replay_matches(path, loaded, progress)
    return loaded


def _replay_matches(path: Path, loaded: LoadedGame, progress: Progress | None) -> None:
    try:
        log = read_record(loaded.record)
    except SaveFileError as error:
        raise SaveError(path, error.message) from None
    replayed = replay(loaded.scenario, loaded.state.seed, log, path, progress)
    digest = state_hash(replayed)
    if (
        digest != state_hash(loaded.state)
        or digest != loaded.saved_hash
        or replayed.history != loaded.state.history
    ):
        raise SaveError(path, "does not replay to the game it holds; it was changed after saving")


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Building a long game's state makes a hundred thousand objects and none of them garbage: the
    cycle collector would walk them again and again (a quarter of the time) for nothing."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _is_json(data: bytes) -> bool:
    return data.lstrip(b" \t\r\n")[:1] == b"{"


@dataclass(frozen=True, slots=True)
class _Meta:
    rules: int
    seed: int
    turn: int
    players: dict[str, Any]
    scenario_file: str
    saved_hash: str
    record: SavedRecord


def _meta(path: Path, text: str) -> _Meta:
    try:
        meta = _mapping(_parsed(text, "its header"))
        if meta.get("game") != GAME:
            raise ValueError("not a Bilateral save")
        rules, seed, turn = _integer(meta["rules"]), _integer(meta["seed"]), _integer(meta["turn"])
        counts = _mapping(meta["record"])
        entries, ends, run = (_integer(counts[k]) for k in ("entries", "ends", "run"))
        players = _players(meta.get("players"))
        scenario_file = _text(meta["scenario_file"])
        saved_hash = _text(meta["state_hash"])
    except (KeyError, TypeError, ValueError) as error:
        raise SaveError(path, f"is not laid out as a save ({_short(error)})") from None
    if rules > RULES_VERSION:
        raise SaveError(
            path,
            f"was made by a newer version of the game (rules {rules}; this one plays rules {RULES_VERSION})",
        )
    return _Meta(rules, seed, turn, players, scenario_file, saved_hash, SavedRecord((), entries, ends, run))


def _check_record(path: Path, meta: _Meta, fresh: GameState) -> None:
    check_record_fits(path, meta.record, meta.turn, fresh)


def check_record_fits(path: Path, record: SavedRecord, turn: int, fresh: GameState) -> None:
    """A record's counts against its game's length: every region ends its turn once a turn, the
    turns stay within the limit, and a region's turn holds at most MAX_RUN entries."""
    regions = len(fresh.order)
    if not (
        0 <= record.run <= min(record.entries, MAX_RUN)
        and record.ends >= 0
        and record.ends // regions + 1 == turn
        and turn <= fresh.turn_limit + 1
        and record.entries <= (record.ends + 1) * MAX_RUN
    ):
        raise SaveError(path, "has a record that does not fit its game's turns and regions")


@functools.lru_cache(maxsize=8)
def _scenario_of(text: str) -> Scenario:
    """Many saves share a scenario: each text goes through the loader once."""
    return load_scenario_bytes(text.encode("utf-8"), "(a saved scenario)").scenario


def _scenario(path: Path, text: str) -> Scenario:
    try:
        return _scenario_of(text)
    except UnicodeEncodeError:
        raise SaveError(path, "holds a scenario text that is not Unicode") from None
    except ScenarioError as error:
        raise SaveError(path, f"holds a scenario that no longer validates:\n{error}") from None


def _check_players(path: Path, players: dict[str, Any], state: GameState) -> None:
    unknown = [r for r in players["humans"] if r not in state.regions]
    if unknown:
        raise SaveError(path, f"names players for regions the scenario does not have: {unknown[:5]}")


def replay(
    scenario: Scenario,
    seed: int,
    log: list[Entry],
    path: Path | str = "<replay>",
    progress: Progress | None = None,
) -> GameState:
    """Play the logged actions from the start; every one must still be legal."""
    state = new_game(scenario, seed)
    session = Session(state, {})
    for number, item in enumerate(log, start=1):
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress(number, len(log))
        if item is None:
            if state.over:
                raise SaveError(path, f"its record goes on after the game ended (entry {number})")
            session.end_region_turn()
            continue
        outcome = session.submit(item)
        if not outcome.ok:
            raise SaveError(path, f"entry {number} of its record is refused: {outcome.reason}")
    return state


def whole_record(session: Session) -> list[Entry]:
    """Every entry of a session's record, those a loaded save held included: for replays and tests."""
    return read_record(session.earlier) + session.log


def resume(loaded: LoadedGame, controllers: dict[str, Controller]) -> Session:
    """A session that goes on from a loaded game, with the same record."""
    return Session.from_log(loaded.state, controllers, loaded.log, earlier=loaded.record)


# --- small helpers ------------------------------------------------------------------------------
def _parsed(text: str, what: str, *, ours: bool = False) -> Any:
    """JSON text parsed strictly (no NaN, no duplicate keys: not looked for in a text this game
    wrote, `ours`), after a bound on its objects and lists (each costs memory far beyond its bytes)."""
    containers = text.count("{") + text.count("[")
    if containers > MAX_CONTAINERS:
        raise ValueError(f"{what} holds more than {MAX_CONTAINERS:,} objects and lists")
    try:
        hook = None if ours else _no_duplicates
        return json.loads(text, parse_constant=no_constants, object_pairs_hook=hook)
    except RecursionError:
        raise ValueError(f"{what} is nested too deeply") from None


def _players(value: object) -> dict[str, Any]:
    if value is None:
        return {"humans": [], "difficulty": "normal"}
    players = _mapping(value)
    humans = _sequence(players.get("humans", []))
    difficulty = players.get("difficulty", "normal")
    if not all(isinstance(h, str) for h in humans) or difficulty not in ("easy", "normal", "hard"):
        raise ValueError("players are not a list of regions and a skill")
    return {"humans": [_text(h) for h in humans], "difficulty": difficulty}


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key[:40]!r}")
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
    if type(value) is not int or not -(2**63) <= value < 2**64:
        raise TypeError("expected a whole number of a save's size")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str) or len(value) > 1000:
        raise TypeError("expected a short text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise TypeError("a text that is not Unicode") from None
    return value


def _short(error: Exception) -> str:
    return "nested too deeply" if isinstance(error, RecursionError) else str(error)[:200]


def _checksum(payload: object) -> str:
    """The checksum of the older JSON formats, over their payload."""
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# --- a save's summary, for lists of saves ---------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SaveSummary:
    """What a list of saves shows. Read without checking, so a damaged save may look fine here:
    only `load_game` says whether it loads."""

    path: Path
    turn: int
    humans: tuple[str, ...]
    scenario: Scenario


def summarise(path: Path | str) -> SaveSummary:
    """The scenario, turn and players of a save, from its first parts; raises SaveError."""
    path = Path(path)
    try:
        head = read_capped(path, MAX_SAVE_BYTES, first=SUMMARY_BYTES)
    except FileRefused as error:
        raise SaveError(path, error.reason) from None
    except OSError as error:
        raise SaveError(path, f"cannot be read ({error.strerror or error})") from None
    if _is_json(head):
        from game.legacy_saves import summarise_legacy

        try:
            turn, players, text = summarise_legacy(path, head)
        except SaveError:  # a scenario longer than the first bytes read, or damage: read it all
            turn, players, text = summarise_legacy(path, _read(path))
    else:
        try:
            file = unpack(head, check=False, wanted=("meta", "scenario"))
        except SaveFileError:  # a scenario longer than the first bytes read, or damage: read it all
            try:
                file = unpack(_read(path), check=False, wanted=("meta", "scenario"))
            except SaveFileError as error:
                raise SaveError(path, error.message) from None
        meta = _meta(path, file.meta_text)
        turn, players, text = meta.turn, meta.players, file.scenario_text
    return SaveSummary(path, turn, tuple(players["humans"]), _scenario(path, text))
