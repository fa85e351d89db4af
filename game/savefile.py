"""The bytes of a save file (format 3): a header, then compressed parts, checked before parsing.

    BILATERAL SAVE 3
    {"checksum": "<sha256>", "parts": [["meta", 210], ["scenario", 5120], ...], "seal": "<hmac>"}
    <the parts, one after another, each a zlib stream>

The parts are `meta` (JSON: rules version, seed, turn, players, the record's counts), `scenario`
(the scenario's YAML text), `state` (JSON) and any number of `record` parts (JSON arrays of
entries). The checksum and the seal cover the list of parts and their bytes, so a damaged file is
refused before any part is decompressed or parsed, and every part is decompressed to at most its
own cap, so no file can unfold into more than the game can hold.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

FORMAT = 3
MAGIC = b"BILATERAL SAVE "
MAX_HEADER_BYTES = 1024 * 1024
MAX_PARTS = 10_000
CAPS = {"meta": 64 * 1024, "scenario": 4_000_000, "state": 64 * 1024 * 1024}  # decompressed bytes
LEADING = ("meta", "scenario", "state")
COMPRESSION = 6


class SaveFileError(ValueError):
    """A file that is not a readable save; `message` completes a sentence about the file."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class SaveFile:
    meta_text: str
    scenario_text: str
    state_text: str
    record_parts: tuple[bytes, ...]
    seal: str = ""
    contents: bytes = b""  # what the checksum and the seal cover


def pack(
    meta: dict[str, Any],
    scenario_text: str,
    state: dict[str, Any],
    record_parts: tuple[bytes, ...],
    sealer: Callable[[bytes], str],
) -> bytes:
    """The file's bytes; `sealer` gives the seal of the covered contents."""
    return pack_texts(_json(meta), scenario_text.encode("utf-8"), _json(state), record_parts, sealer)


def pack_texts(
    meta: bytes,
    scenario: bytes,
    state: bytes,
    record_parts: tuple[bytes, ...],
    sealer: Callable[[bytes], str],
) -> bytes:
    """The file's bytes from its parts' texts, as they are."""
    sections = [
        ("meta", _compressed(meta)),
        ("scenario", _compressed(scenario)),
        ("state", _compressed(state)),
        *(("record", part) for part in record_parts),
    ]
    index = [[name, len(blob)] for name, blob in sections]
    body = b"".join(blob for _name, blob in sections)
    contents = _covered(index, body)
    header = {"checksum": hashlib.sha256(contents).hexdigest(), "parts": index, "seal": sealer(contents)}
    return MAGIC + str(FORMAT).encode() + b"\n" + _json(header) + b"\n" + body


def unpack(data: bytes, *, check: bool, wanted: tuple[str, ...] = LEADING) -> SaveFile:
    """The file's parts, the `wanted` ones decompressed; SaveFileError when it is not a save.

    With `check`, the checksum is compared before anything is decompressed. `data` may be the
    file's beginning only (for a summary): SaveFileError "cut short" when a wanted part is not in it.
    """
    version, rest = _line(data, 0, 32, "its first line")
    if not version.startswith(MAGIC):
        raise SaveFileError("is not a Bilateral save")
    number = version[len(MAGIC) :]
    if not number.isdigit() or len(number) > 6:
        raise SaveFileError("has no format version")
    if int(number) > FORMAT:
        raise SaveFileError(
            f"was made by a newer version of the game (save format {int(number)}; this one reads {FORMAT})"
        )
    if int(number) != FORMAT:
        raise SaveFileError(f"uses save format {int(number)}, which this version cannot read")
    header_line, start = _line(data, rest, MAX_HEADER_BYTES, "its header")
    checksum, index, seal = _header(header_line)
    body = data[start:]
    if check:
        if sum(length for _name, length in index) != len(body):
            raise SaveFileError("is cut short or has bytes past its end")
        contents = _covered(index, body)
        if not hmac.compare_digest(hashlib.sha256(contents).hexdigest(), checksum):
            raise SaveFileError("is damaged: its checksum does not match its contents")
    else:
        contents = b""
    texts: dict[str, str] = {}
    records: list[bytes] = []
    offset = 0
    for name, length in index:
        blob = body[offset : offset + length]
        offset += length
        if name == "record":
            records.append(blob)
        elif name in wanted:
            if len(blob) != length:
                raise SaveFileError("is cut short")
            texts[name] = _text(decompress(blob, CAPS[name], f"its {name}"), name)
    return SaveFile(
        texts.get("meta", ""),
        texts.get("scenario", ""),
        texts.get("state", ""),
        tuple(records),
        seal,
        contents,
    )


def decompress(data: bytes, limit: int, what: str) -> bytes:
    """One complete zlib stream of at most `limit` bytes once decompressed; SaveFileError otherwise."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as error:
        raise SaveFileError(f"is damaged: {what} cannot be decompressed ({error})") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise SaveFileError(f"is damaged: {what} is larger than it may be ({limit} bytes)")
    if not inflater.eof or inflater.unused_data:
        raise SaveFileError(f"is damaged: {what} is cut short or runs on past its end")
    return out


def _line(data: bytes, start: int, most: int, what: str) -> tuple[bytes, int]:
    end = data.find(b"\n", start, start + most + 1)
    if end < 0:
        raise SaveFileError(f"is cut short or damaged in {what}")
    return data[start:end], end + 1


def _header(line: bytes) -> tuple[str, list[tuple[str, int]], str]:
    try:
        header = json.loads(line.decode("utf-8"), parse_constant=no_constants)
        checksum, parts, seal = header["checksum"], header["parts"], header.get("seal", "")
        if not (isinstance(checksum, str) and isinstance(seal, str) and len(seal) <= 128):
            raise TypeError
        index = [(str(name), length) for name, length in parts]
        if len(index) > MAX_PARTS or any(type(n) is not int or n < 0 for _name, n in index):
            raise TypeError
        if [name for name, _n in index[:3]] != list(LEADING) or any(n != "record" for n, _l in index[3:]):
            raise TypeError
    except (ValueError, TypeError, KeyError, RecursionError):
        raise SaveFileError("is damaged: its header cannot be read") from None
    return checksum, index, seal


def _covered(index: list[list[Any]] | list[tuple[str, int]], body: bytes) -> bytes:
    return _json([list(item) for item in index]) + b"\n" + body


def _text(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SaveFileError(f"is damaged: its {name} is not UTF-8 text (byte {error.start})") from None


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


def _compressed(data: bytes) -> bytes:
    return zlib.compress(data, COMPRESSION)


def no_constants(name: str) -> object:
    """For json.loads: NaN and Infinity are no numbers a save may hold."""
    raise ValueError(f"{name} is not a number a save may hold")
