"""Reading the files a player or a mod hands us, and naming them safely.

Every file the game reads is opened the same way: only a regular file (a FIFO would block the
game for good, a device never ends, a folder is not a file), refused by its size before it is
read, and read to at most one byte past its cap (it may grow meanwhile). A file that lies inside a
folder it belongs to (a mod's) is checked to stay there, through links too.

Names shown to a player or printed to a terminal go through `shown`: a file name may hold bytes
that are not UTF-8 or control characters, which would break the text or the terminal.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, TextIO

_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
)
_KEPT_CONTROLS = "\n\t"


class FileRefused(OSError):
    """A file that is not read: not a regular file, or too large.

    `reason` completes a sentence about the file: "is not a regular file (a FIFO)".
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_capped(path: Path | str, limit: int, *, first: int | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (only its `first` bytes, if given);
    FileRefused or OSError otherwise."""
    fd = os.open(path, _OPEN_FLAGS)  # non-blocking: opening a FIFO with no writer must not wait
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(f"is not a regular file ({_kind(info.st_mode)})")
        if info.st_size > limit:
            raise FileRefused(f"is too large ({info.st_size} bytes; at most {limit})")
        wanted = limit + 1 if first is None else min(first, limit + 1)
        chunks, size = [], 0
        while size < wanted:
            chunk = os.read(fd, min(1 << 20, wanted - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        raise FileRefused(f"is too large (more than {limit} bytes)")
    return b"".join(chunks)


def is_regular(path: Path) -> bool:
    """A regular file itself, not a link to one, nor a folder, FIFO or device."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def inside(path: Path, root: Path) -> bool:
    """Whether the file `path` names, links followed, lies within the folder `root`.

    A path under `root` with no link on the way there is inside it: a few lstat calls, where
    resolving every link of the whole path costs far more when thousands of mods are listed."""
    try:
        if path.is_relative_to(root) and not any(
            step.is_symlink() for step in (path, *path.parents) if step.is_relative_to(root) and step != root
        ):
            return True
        return path.resolve(strict=True).is_relative_to(root.resolve())
    except (OSError, RuntimeError, ValueError):  # RuntimeError: a loop of links
        return False


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def shown(text: object, keep: str = _KEPT_CONTROLS) -> str:
    """Text safe to show and to print: control characters (but those in `keep`), lone surrogates
    (undecodable bytes of a file name) and other unprintable characters written as escapes, like
    `\\x1b`."""
    value = os.fsdecode(text) if isinstance(text, (bytes, os.PathLike)) else str(text)
    if value.isprintable():
        return value
    return "".join(_escaped(c, keep) for c in value)


def _escaped(character: str, keep: str) -> str:
    if character.isprintable() or character in keep:
        return character
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name, as surrogateescape keeps it
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


class TerminalText:
    """A text stream whose writes reach the terminal without control characters (but newlines,
    tabs and the carriage return a progress line uses): a name in a mod or a file name may hold an
    escape sequence that would clear the screen or retitle the terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(shown(text, keep="\n\t\r"))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def terminal_safe(stream: TextIO) -> TextIO:
    """The stream wrapped in TerminalText (once)."""
    return stream if isinstance(stream, TerminalText) else TerminalText(stream)  # type: ignore[return-value]
