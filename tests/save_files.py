"""Saves taken apart and put back together, as someone editing one by hand would: the parts
decompressed, changed, and written again with the checksum recomputed (and no seal, which only
the installation's key could make)."""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.core.snapshot import state_hash, to_data
from game.record import action_to_data
from game.savefile import pack_texts, unpack
from game.saves import _checksum
from game.session import Session


@dataclass
class Parts:
    meta: dict[str, Any]
    scenario: str
    state: dict[str, Any]
    record: list[Any]


def read_parts(path: Path) -> Parts:
    file = unpack(path.read_bytes(), check=True)
    record: list[Any] = []
    for part in file.record_parts:
        record += json.loads(zlib.decompressobj().decompress(part))
    return Parts(json.loads(file.meta_text), file.scenario_text, json.loads(file.state_text), record)


def write_parts(
    path: Path, parts: Parts, *, meta_text: str | None = None, state_text: str | None = None
) -> None:
    """Write the parts as a save with a fitting checksum; a text given is written as it is."""
    record = (zlib.compress(json.dumps(parts.record).encode()),) if parts.record else ()
    meta = (meta_text or json.dumps(parts.meta)).encode("utf-8", "surrogatepass")
    state = (state_text or json.dumps(parts.state)).encode("utf-8", "surrogatepass")
    path.write_bytes(pack_texts(meta, parts.scenario.encode(), state, record, lambda _contents: ""))


def edit(path: Path, change: Callable[[Parts], None]) -> None:
    """Change a save's parts in place and write it back with a fitting checksum and no seal."""
    parts = read_parts(path)
    change(parts)
    write_parts(path, parts)


def write_format_2(path: Path, scenario_text: str, scenario_file: str, session: Session) -> None:
    """A save as the game wrote them before format 3: one JSON document, its checksum over the
    payload, the record replayed on loading."""
    payload = {
        "players": {"humans": [], "difficulty": "normal"},
        "scenario": {"file": scenario_file, "text": scenario_text},
        "seed": session.state.seed,
        "turn": session.state.turn,
        "log": [None if a is None else action_to_data(a) for a in session.log],
        "state_hash": state_hash(session.state),
        "state": to_data(session.state),
    }
    document = {"game": "bilateral", "format": 2, "checksum": _checksum(payload), "payload": payload}
    path.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
