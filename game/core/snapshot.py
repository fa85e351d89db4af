"""The whole state as plain, canonical data, and its hash.

Sets are sorted and dict keys written in order, so the hash is the same under any
PYTHONHASHSEED; floats are written with repr, which is exact and stable.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any

from game.core.model import GameState, Links
from game.core.rng import Rng


def to_data(state: GameState) -> dict[str, Any]:
    fields = [f for f in dataclasses.fields(state) if not f.metadata.get("derived")]
    return {f.name: _plain(getattr(state, f.name)) for f in fields}


def _plain(value: Any) -> Any:
    if isinstance(value, Rng):
        return value.state
    if isinstance(value, Links):
        return [list(link) for link in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if hasattr(value, "model_dump"):
        return value.model_dump()
    if isinstance(value, dict):
        items = [(_key(k), _plain(v)) for k, v in value.items()]
        return dict(sorted(items))
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _key(key: Any) -> str:
    return "|".join(map(str, key)) if isinstance(key, tuple) else str(key)


def state_hash(state: GameState) -> str:
    return data_hash(to_data(state))


def data_hash(data: dict[str, Any]) -> str:
    """The hash of a state already made plain by `to_data` (as a save holds it)."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode()).hexdigest()
