"""The game's log: warnings and errors on the terminal, and a rotating file in the per-user log folder.

`-v` shows more on the terminal (what the game does; `-vv` every detail), `-q` only errors. The
file keeps what the game does and every problem, at most LOG_BYTES a file and BACKUPS older files,
so it never grows without end; it is the file the window's error screen names.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from game import paths

LOG_NAME = "bilateral.log"
LOG_BYTES = 1_000_000
BACKUPS = 3
_OURS = "_bilateral_handler"  # marks our handlers, so configuring again replaces them


class _TerminalFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname.lower()}: {record.getMessage()}"


def log_file() -> Path:
    return paths.logs_dir() / LOG_NAME


def terminal_level(verbosity: int) -> int:
    """-1 (quiet): errors only; 0: warnings too; 1: what the game does; 2 or more: every detail."""
    if verbosity < 0:
        return logging.ERROR
    return {0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)


def configure(verbosity: int = 0) -> None:
    """The terminal and the file as the log's outputs (replacing ours from an earlier call)."""
    reset()
    root = logging.getLogger()
    terminal = logging.StreamHandler(sys.stderr)
    terminal.setLevel(terminal_level(verbosity))
    terminal.setFormatter(_TerminalFormatter())
    _add(root, terminal)
    file_level = logging.DEBUG if verbosity >= 2 else logging.INFO
    root.setLevel(min(terminal.level, file_level))
    attach_file(file_level)


def attach_file(level: int = logging.INFO) -> Path:
    """The rotating log file as an output, once; its path. A folder that cannot be made is reported
    on the terminal and the game goes on without the file."""
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, _OURS, False) and isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=BACKUPS, encoding="utf-8", errors="backslashreplace"
        )  # a file name in a message may not be UTF-8
    except OSError as error:
        logging.getLogger(__name__).warning("no log file: cannot write in %s (%s)", path.parent, error)
        return path
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _add(root, handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


def reset() -> None:
    """Our outputs closed and removed: a command run inside a longer process (a test) leaves none."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _OURS, False)]:
        root.removeHandler(handler)
        handler.close()


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    setattr(handler, _OURS, True)
    root.addHandler(handler)
