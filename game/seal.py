"""The seal on the saves this installation writes, so that loading them needs no replay.

A seal is an HMAC of a save's contents under a random key kept in the player's data folder. A
save that carries this installation's seal was written by this game, as it is, and loads at once
from the state it holds. Any other save (copied from another machine, edited by hand with its
checksum recomputed, or written when the key could not be kept) has its record replayed first and
is refused unless the replay arrives at that very state. The key guards against damage and casual
edits, not against someone who reads it from the player's own folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import os
import secrets
from pathlib import Path

from game import paths
from game.files import read_capped

logger = logging.getLogger(__name__)

KEY_FILE = "save-seal.key"
KEY_BYTES = 32
_keys: dict[Path, bytes | None] = {}


def key_file() -> Path:
    return paths.data_dir() / KEY_FILE


def seal(contents: bytes) -> str:
    """This installation's seal on the contents, or "" when it has no key (nothing is sealed)."""
    key = _key(create=True)
    return "" if key is None else hmac.new(key, contents, hashlib.sha256).hexdigest()


def is_sealed(contents: bytes, claimed: str) -> bool:
    """Whether `claimed` is this installation's seal on the contents."""
    key = _key(create=False)
    if key is None or not claimed:
        return False
    return hmac.compare_digest(hmac.new(key, contents, hashlib.sha256).hexdigest(), claimed)


def _key(*, create: bool) -> bytes | None:
    path = key_file()
    if path in _keys and (_keys[path] is not None or not create):
        return _keys[path]
    key = _read(path)
    if key is None and create:
        key = _create(path)
    _keys[path] = key
    return key


def _read(path: Path) -> bytes | None:
    try:
        text = read_capped(path, 2 * KEY_BYTES + 2).decode("ascii").strip()
        key = bytes.fromhex(text)
    except (OSError, ValueError):
        return None
    return key if len(key) == KEY_BYTES else None


def _create(path: Path) -> bytes | None:
    """A new key, written whole under a temporary name and linked into place, so that two games
    starting at once agree on one key (the second finds the first's)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(KEY_BYTES) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    except OSError as error:
        logger.warning("no key to seal saves with (%s): they will be checked by replay when loaded", error)
        return None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    return _read(path)
