"""A game's record: every applied action in order, with None where a region's turn ended.

Replaying the record on the scenario and seed gives the same game. A save keeps it as compressed
parts, each a JSON array of entries; a game loaded from a save keeps the parts as they are (only a
replay reads them), and a game that goes on adds one part of what was played since. A writer
compresses a growing record a little at a time, so an autosave every turn costs only that turn.

The record is bounded by the game's length: a region's turn holds at most MAX_RUN entries (a
session refuses a player's action past MAX_PLAYER_ACTIONS), and one entry written out is at most
MAX_ENTRY_BYTES, so a loader can refuse an oversized record before it reads it.
"""

from __future__ import annotations

import dataclasses
import json
import zlib
from dataclasses import dataclass
from typing import Any

from game.core import actions as A
from game.core.snapshot import _plain
from game.plaindata import PlainDataError, Reader
from game.savefile import SaveFileError, decompress, no_constants

MAX_PLAYER_ACTIONS = 100  # what one region may do in one turn: actions, answers, votes, investments
MAX_RUN = 400  # entries in one region's turn, the computers' answers to it included
MAX_ENTRY_BYTES = 600  # on average: a deal of many terms is longer, most entries far shorter
COMPRESSION = 6

ACTION_TYPES: dict[str, type[A.Action]] = {
    cls.__name__: cls
    for cls in vars(A).values()
    if isinstance(cls, type)
    and issubclass(cls, A.Action)
    and cls not in (A.Action, getattr(A, "Diplomatic", A.Action))  # bases, not actions
}
_reader = Reader()

Entry = A.Action | None


class RecordError(SaveFileError):
    """A record that cannot be read; the message says where."""


@dataclass(frozen=True, slots=True)
class SavedRecord:
    """The record as a save held it: compressed parts, read only by a replay.

    `entries` counts them, `ends` the turns of regions ended among them, and `run` the entries
    after the last end (the current region's turn so far)."""

    parts: tuple[bytes, ...] = ()
    entries: int = 0
    ends: int = 0
    run: int = 0

    def followed_by(self, log: list[Entry]) -> SavedRecord:
        """The counts of this record with `log` played after it (the parts are not changed)."""
        ends = sum(1 for entry in log if entry is None)
        last_end = max((i for i, entry in enumerate(log) if entry is None), default=None)
        run = self.run + len(log) if last_end is None else len(log) - last_end - 1
        return SavedRecord(self.parts, self.entries + len(log), self.ends + ends, run)


# --- actions as data ----------------------------------------------------------------------------
def action_to_data(action: A.Action) -> dict[str, Any]:
    data: dict[str, Any] = {"type": type(action).__name__}
    data.update({f.name: _plain(getattr(action, f.name)) for f in dataclasses.fields(action)})
    return data


def action_from_data(data: object) -> A.Action:
    """An action rebuilt from data, every field checked against its type; ValueError if it does not fit."""
    if not isinstance(data, dict):
        raise PlainDataError("an action is not an object")
    kind = data.get("type")
    cls = ACTION_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise PlainDataError(f"unknown action {str(data.get('type'))[:40]!r}")
    fields = {key: value for key, value in data.items() if key != "type"}
    try:
        action: A.Action = _reader.read(cls, fields)
    except PlainDataError as error:
        raise error.inside(cls.__name__) from None
    return action


def _entry_text(entry: Entry) -> str:
    if entry is None:
        return "null"
    return json.dumps(action_to_data(entry), ensure_ascii=False, allow_nan=False, separators=(",", ":"))


# --- writing ------------------------------------------------------------------------------------
class RecordWriter:
    """Compresses a growing list of entries as one stream: each call compresses only the entries
    added since the last, and closes a copy of the stream, so the part it returns is complete."""

    def __init__(self) -> None:
        self._start()

    def _start(self) -> None:
        self._compressor = zlib.compressobj(COMPRESSION)
        self._written: list[bytes] = []
        self.count = 0

    def part(self, log: list[Entry]) -> bytes:
        if len(log) < self.count:  # not the list this writer followed: start again
            self._start()
        new = log[self.count :]
        if new:
            text = ("[" if self.count == 0 else ",") + ",".join(map(_entry_text, new))
            self._written.append(self._compressor.compress(text.encode("utf-8")))
            self._written.append(self._compressor.flush(zlib.Z_SYNC_FLUSH))
            self.count = len(log)
        closing = self._compressor.copy()
        end = closing.compress(b"]" if self.count else b"[]") + closing.flush()
        return b"".join(self._written) + end


# --- reading ------------------------------------------------------------------------------------
def read_record(record: SavedRecord) -> list[Entry]:
    """Every entry of the record, checked: its size against its count, every action's fields, and
    how long a region's turn runs. RecordError says what is wrong."""
    limit = record.entries * MAX_ENTRY_BYTES + 2 * len(record.parts)
    entries: list[Entry] = []
    run = 0
    for number, part in enumerate(record.parts, start=1):
        text = decompress(part, limit, f"part {number} of its record")  # SaveFileError if damaged
        limit -= len(text)
        try:
            items = json.loads(text, parse_constant=no_constants)
        except (ValueError, RecursionError) as error:
            raise RecordError(f"part {number} of its record is not readable ({str(error)[:100]})") from None
        if not isinstance(items, list) or len(entries) + len(items) > record.entries:
            raise RecordError(f"part {number} of its record is not a list of the entries it says")
        run = check_runs(items, run, len(entries))
        for item in items:
            try:
                entries.append(None if item is None else action_from_data(item))
            except PlainDataError as error:
                raise RecordError(f"entry {len(entries) + 1} of its record: {error}") from None
    if len(entries) != record.entries:
        raise RecordError(f"its record holds {len(entries)} entries, not the {record.entries} it says")
    return entries


def check_runs(items: list[Any], run: int = 0, before: int = 0) -> int:
    """Check that no region's turn runs past MAX_RUN entries, before any entry is read; returns the
    entries of the turn still running at the end (`run` is that count before `items`)."""
    for number, item in enumerate(items, start=before + 1):
        run = 0 if item is None else run + 1
        if run > MAX_RUN:
            raise RecordError(f"entry {number} of its record: more than {MAX_RUN} in one region's turn")
    return run
