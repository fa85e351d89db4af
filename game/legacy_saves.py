"""Saves of the older JSON formats (1 and 2): still loaded, by replaying their record.

Such a save is one JSON document: {"game", "format", "checksum", "payload": {"players", "scenario",
"seed", "turn", "log", "state_hash", "state"}}. Its checksum covers the payload as parsed, so the
document is parsed first, after a bound on how many objects and lists it may hold. The replay
must arrive at the state the payload holds, and that state at its hash: an edited state is
refused, whatever checksum came with it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.core.model import GameState
from game.core.snapshot import data_hash, state_hash
from game.core.version import RULES_VERSION
from game.plaindata import PlainDataError
from game.record import RecordError, RecordWriter, SavedRecord, action_from_data, check_runs
from game.saved_state import read_state, state_problems
from game.saves import (
    GAME,
    LoadedGame,
    Progress,
    SaveError,
    _check_players,
    _checksum,
    _integer,
    _mapping,
    _parsed,
    _players,
    _scenario,
    _sequence,
    _short,
    check_record_fits,
    replay,
)
from game.scenario.build import new_game

LAST_FORMAT = 2
LEGACY_RULES = 1  # the rules every save of formats 1 and 2 was played under


def _history_left_out(payload: dict[str, Any]) -> dict[str, Any]:
    """Format 2: the figures kept for the charts are left out of the saved state and its hash,
    since the replay rebuilds them. The replay is still checked against the rest of the state."""
    state = {key: value for key, value in _mapping(payload["state"]).items() if key != "history"}
    return {**payload, "state": state, "state_hash": data_hash(state)}


# Older formats are brought up to date one step at a time: MIGRATIONS[n] turns format n into n + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _history_left_out}


def load_legacy(path: Path, data: bytes, progress: Progress | None) -> LoadedGame:
    payload = _current_payload(path, _document(path, data))
    try:
        scenario_info = _mapping(payload["scenario"])
        text, file_name = str(scenario_info["text"]), str(scenario_info["file"])
        seed, turn = _integer(payload["seed"]), _integer(payload["turn"])
        expected_hash = str(payload["state_hash"])
        saved_state = _mapping(payload["state"])
        players = _players(payload.get("players"))
        items = _sequence(payload["log"])
    except (KeyError, TypeError, ValueError) as error:
        raise SaveError(path, f"is not laid out as a save ({_short(error)})") from None
    scenario = _scenario(path, text)
    # The record's length is checked against the game's before a single entry is read.
    check_record_fits(path, SavedRecord().followed_by(items), turn, new_game(scenario, seed))
    try:
        check_runs(items)
        log = [None if item is None else action_from_data(item) for item in items]
    except RecordError as error:
        raise SaveError(path, error.message) from None
    except PlainDataError as error:
        raise SaveError(path, f"is not laid out as a save ({_short(error)})") from None
    record = SavedRecord((RecordWriter().part(log),) if log else ()).followed_by(log)
    intact = data_hash(saved_state) == expected_hash
    try:
        state: GameState | None = replay(scenario, seed, log, path, progress)
    except SaveError:
        if not intact:
            raise
        state = None  # an entry today's rules refuse: a game of the first rules
    if state is None or state.turn != turn or state_hash(state) != expected_hash or not intact:
        if not intact:
            raise SaveError(path, "does not replay to the game it recorded; it was changed after saving")
        # Played under the first rules, which today's no longer replay: its checked state stands.
        state = _older_state(path, saved_state, expected_hash, new_game(scenario, seed))
        _check_players(path, players, state)
        return LoadedGame(
            scenario,
            text,
            file_name,
            state,
            record,
            players,
            checked="state",
            rules=LEGACY_RULES,
            saved_hash=expected_hash,
        )
    _check_players(path, players, state)
    return LoadedGame(
        scenario, text, file_name, state, record, players, checked="replayed", saved_hash=expected_hash
    )


def _rules_1_state(saved: dict[str, Any]) -> dict[str, Any]:
    """A state of rules 1 as rules 2 hold it: a demand was its deadline alone (always of a security
    body: end the war), and a condemned deal a flag (its richer side, which alone pays the tariff
    now, is read as its first party; the next session sets it right)."""
    state = dict(saved)
    organisations = {}
    for key, org in _mapping(state.get("organisations", {})).items():
        org = dict(_mapping(org))
        demands = _mapping(org.get("demands", {}))
        org["demands"] = {
            region: {"kind": "condemn_aggression", "deadline": deadline}
            if isinstance(deadline, int)
            else deadline
            for region, deadline in demands.items()
        }
        organisations[key] = org
    state["organisations"] = organisations
    treaties = {}
    for key, treaty in _mapping(state.get("treaties", {})).items():
        treaty = dict(_mapping(treaty))
        if "condemned" in treaty:
            treaty["taxed"] = treaty["a"] if treaty.pop("condemned") else None
        treaties[key] = treaty
    state["treaties"] = treaties
    return state


def _older_state(path: Path, saved: dict[str, Any], expected_hash: str, fresh: GameState) -> GameState:
    """The state a save of older rules holds, read as far as these rules can read it, and checked:
    its own hash, and whatever must hold of a state of its scenario."""
    if data_hash(saved) != expected_hash:
        raise SaveError(path, "is damaged: its state does not match its hash")
    try:
        state = read_state(_rules_1_state(saved), lenient=True)
    except (PlainDataError, ValueError, TypeError, KeyError) as error:
        raise SaveError(
            path,
            f"was played under rules version {LEGACY_RULES}, and its state cannot be read by this "
            f"version, which plays rules {RULES_VERSION} ({_short(error)})",
        ) from None
    problems = state_problems(state, fresh)
    if problems:
        raise SaveError(path, f"holds a state that cannot be: {problems[0]}")
    return state


def summarise_legacy(path: Path, data: bytes) -> tuple[int, dict[str, Any], str]:
    """The turn, players and scenario text of an older save.

    A long game's record and state run to megabytes, and decoding them all takes a tenth of a
    second a save; the fields a list needs come first in every file the older formats wrote. A file
    laid out differently is decoded whole."""
    try:
        payload = _leading_fields(data.decode("utf-8"), ("game", "format", "checksum", "payload"))
    except (ValueError, IndexError, RecursionError):
        payload = _current_payload(path, _document(path, data))
    try:
        info = _mapping(payload["scenario"])
        return _integer(payload["turn"]), _players(payload.get("players")), str(info["text"])
    except (KeyError, TypeError, ValueError) as error:
        raise SaveError(path, f"is not laid out as a save ({error})") from None


def _document(path: Path, data: bytes) -> dict[str, Any]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SaveError(path, f"is not UTF-8 text (byte {error.start})") from None
    try:
        document = _parsed(text, "it")
    except ValueError as error:
        raise SaveError(path, f"is not a readable save ({_short(error)})") from None
    if not isinstance(document, dict) or document.get("game") != GAME:
        raise SaveError(path, "is not a Bilateral save")
    return document


def _current_payload(path: Path, document: dict[str, Any]) -> dict[str, Any]:
    version = document.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError(path, "has no format version")
    if version > LAST_FORMAT:
        raise SaveError(path, f"is not laid out as a save of format {version}")
    payload = document.get("payload")
    try:
        intact = isinstance(payload, dict) and document.get("checksum") == _checksum(payload)
    except (ValueError, TypeError, RecursionError):
        intact = False
    if not intact or not isinstance(payload, dict):
        raise SaveError(path, "is damaged: its checksum does not match its contents")
    while version < LAST_FORMAT:
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
            if name == "format" and value != LAST_FORMAT:
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
