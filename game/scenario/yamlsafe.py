"""A hardened YAML reader for scenario files written by modders (that is, untrusted input).

PyYAML's loaders build Python objects from tags, expand aliases (billion laughs), crash the whole
process on very deep nesting (the C composer recurses) and follow YAML 1.1, where `NO` is false and
`012` is octal. So we never compose: the values are built here straight from the parser's event
stream, one pass, without recursion, and with our own YAML 1.2 core-schema scalars. Anything the
format does not need (tags, anchors, aliases, merge keys, several documents) is refused with a
located Problem; every failure is a ScenarioError, never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol

import yaml

from game.scenario.errors import Problem, ScenarioError

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

PathKey = tuple[str | int, ...]
Position = tuple[int, int]

MAX_PROBLEMS = 100  # enough to fix a file; more would only bury the first ones

_CORE_TAG = "tag:yaml.org,2002:"
_BOM = b"\xef\xbb\xbf"
# C0 controls except tab/LF/CR, DEL, C1 controls (NEL among them), and the Unicode line and paragraph
# separators: YAML counts the last three as line breaks while editors do not, so lines would disagree.
_FORBIDDEN_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
# In a value, besides those (reached through escapes such as "\e"): lone surrogates, which are not text.
_UNWANTED_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")  # no leading zeros: "012" is text, not octal 10
_FLOAT = re.compile(r"[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_NON_FINITE = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_NUMBER_START = frozenset("0123456789+-.")
_MAX_INT_DIGITS = 100  # far beyond any field's range; keeps int() away from its 4300-digit limit


class _Mark(Protocol):
    """The part of a PyYAML mark (C or pure Python) we use; both are 0-based."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


def _position(mark: _Mark | None) -> Position:
    return (1, 1) if mark is None else (mark.line + 1, mark.column + 1)


class LocationMap(Mapping[PathKey, Position]):
    """Where each node of the document starts, as 1-based (line, column), by its path.

    A path holds mapping keys (str) and list indices (int): ("regions", 3, "neighbours", 0); the
    root is (). Indexing gives the position of the VALUE (a scalar's first character, a list's first
    item or bracket, a mapping's first key). `key_at` gives the position of the KEY of a mapping
    entry, which is where a missing or unknown field should be reported. Both fall back to the
    nearest ancestor that is known, so a caller always gets a position.
    """

    def __init__(self, values: dict[PathKey, Position], keys: dict[PathKey, Position]) -> None:
        self._values = values
        self._keys = keys

    def __getitem__(self, path: PathKey) -> Position:
        return self._values[path]

    def __iter__(self) -> Iterator[PathKey]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def value_at(self, path: PathKey) -> Position:
        for end in range(len(path), -1, -1):
            found = self._values.get(path[:end])
            if found is not None:
                return found
        return (1, 1)

    def key_at(self, path: PathKey) -> Position:
        found = self._keys.get(path)
        return found if found is not None else self.value_at(path)


@dataclass(slots=True)
class _Frame:
    """An open mapping or list while its events stream in."""

    container: dict[str, object] | list[object]
    path: PathKey
    keep: bool  # False under a refused key: parse on, but store nothing
    key: str | None = None  # mapping only: key waiting for its value
    keep_value: bool = True
    key_lines: dict[str, int] = field(default_factory=dict)


class _Stop(Exception):
    """Ends the walk early; the problems collected so far are the answer."""


class _Builder:
    def __init__(self, filename: str, max_depth: int) -> None:
        self.filename = filename
        self.max_depth = max_depth
        self.problems: list[Problem] = []
        self.values: dict[PathKey, Position] = {}
        self.keys: dict[PathKey, Position] = {}
        self.stack: list[_Frame] = []
        self.root: object = None
        self.documents = 0

    def fail(self, mark: _Mark | None, message: str, code: str, *, stop: bool = False) -> None:
        line, column = _position(mark)
        self.problems.append(Problem(self.filename, line, column, message, code=code))
        if stop or len(self.problems) >= MAX_PROBLEMS:
            raise _Stop

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.ScalarEvent):
            self.scalar(event)
        elif isinstance(event, yaml.MappingStartEvent):
            self.open(event, {})
        elif isinstance(event, yaml.SequenceStartEvent):
            self.open(event, [])
        elif isinstance(event, yaml.CollectionEndEvent):
            self.stack.pop()
        elif isinstance(event, yaml.AliasEvent):
            self.alias(event)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.fail(
                    event.start_mark,
                    "a scenario file holds one document; remove this '---' and what follows",
                    "yaml.several_documents",
                    stop=True,
                )

    def alias(self, event: yaml.AliasEvent) -> None:
        # Refused, never expanded, so an alias bomb costs nothing.
        self.fail(
            event.start_mark, f"aliases (*{event.anchor}) are not allowed; write the value out", "yaml.alias"
        )
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.container, dict) and top.key is None:
            top.key, top.keep_value = "*", False
        else:
            self.place(event.start_mark, None)

    def check_node(self, event: yaml.NodeEvent) -> None:
        if event.anchor is not None:
            self.fail(
                event.start_mark,
                f"anchors (&{event.anchor}) are not allowed; write the value out",
                "yaml.anchor",
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = "!!" + tag[len(_CORE_TAG) :] if tag.startswith(_CORE_TAG) else tag
            self.fail(event.start_mark, f"tags ({shown}) are not allowed", "yaml.tag")

    def open(self, event: yaml.CollectionStartEvent, container: dict[str, object] | list[object]) -> None:
        if event.anchor is not None or event.tag is not None:
            self.check_node(event)
        if len(self.stack) >= self.max_depth:
            self.fail(
                event.start_mark,
                f"nesting is deeper than {self.max_depth} levels",
                "yaml.too_deep",
                stop=True,
            )
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.container, dict) and top.key is None:
            self.fail(
                event.start_mark,
                "a key must be plain text, not a list or mapping",
                "yaml.complex_key",
                stop=True,
            )
        path, keep = self.place(event.start_mark, container)
        self.stack.append(_Frame(container, path, keep))

    def scalar(self, event: yaml.ScalarEvent) -> None:
        if event.anchor is not None or event.tag is not None:
            self.check_node(event)
        unwanted = _UNWANTED_IN_TEXT.search(event.value)
        if unwanted:  # written as an escape ("\e", "\x07"): it would reach the terminal and the screen
            code = f"U+{ord(unwanted.group()):04X}"
            self.fail(
                event.start_mark,
                f"text holds a control character ({code}); write it without one",
                "yaml.control_character",
            )
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.container, dict) and top.key is None:
            self.take_key(top, event)
            return
        value = self.resolve(event) if event.style in (None, "") else event.value
        self.place(event.start_mark, value)

    def take_key(self, top: _Frame, event: yaml.ScalarEvent) -> None:
        # Keys are always text, whatever they look like: `1:` is "1", `no:` is "no".
        key = event.value
        mark = event.start_mark
        top.key, top.keep_value = key, top.keep
        if key == "<<" and event.style in (None, ""):
            self.fail(mark, "merge keys (<<) are not allowed; write the fields out", "yaml.merge_key")
            top.keep_value = False
        elif key in top.key_lines:
            shown = key if len(key) <= 40 else key[:39] + "…"
            self.fail(
                mark, f"duplicate key '{shown}' (first at line {top.key_lines[key]})", "yaml.duplicate_key"
            )
            top.keep_value = False
        elif top.keep:
            position = _position(mark)
            top.key_lines[key] = position[0]
            self.keys[(*top.path, key)] = position

    def place(self, mark: _Mark | None, value: object) -> tuple[PathKey, bool]:
        """Attach a finished (or just opened) node to its parent; returns its path and whether kept."""
        if not self.stack:
            self.root = value
            path: PathKey = ()
            keep = True
        else:
            top = self.stack[-1]
            if isinstance(top.container, dict):
                assert top.key is not None  # a value always follows its key
                path, keep = (*top.path, top.key), top.keep_value
                if keep:
                    top.container[top.key] = value
                top.key = None
            else:
                path, keep = (*top.path, len(top.container)), top.keep
                if keep:
                    top.container.append(value)
        if keep:
            self.values[path] = _position(mark)
        return path, keep

    def resolve(self, event: yaml.ScalarEvent) -> object:
        """YAML 1.2 core schema, narrowed: only true/false, null/~/empty and plain decimals."""
        text = event.value
        if not text:
            return None
        first = text[0]
        if first in _NUMBER_START:
            if _INT.fullmatch(text):
                if len(text) > _MAX_INT_DIGITS:
                    self.fail(event.start_mark, "number is too long", "yaml.number_too_long")
                    return None
                return int(text)
            if _FLOAT.fullmatch(text):
                number = float(text)
                if number in (float("inf"), float("-inf")):
                    self.fail(event.start_mark, f"number '{text}' is too large", "yaml.non_finite")
                    return None
                return number
            if _NON_FINITE.fullmatch(text):
                self.fail(
                    event.start_mark, f"'{text}' is not allowed: numbers must be finite", "yaml.non_finite"
                )
                return None
            return text
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        if text in _NULL:
            return None
        return text


def parse_yaml(
    data: bytes, filename: str, *, max_bytes: int = 4_000_000, max_depth: int = 64
) -> tuple[object, LocationMap]:
    """Read one YAML document from untrusted bytes; raise ScenarioError with located Problems."""
    if len(data) > max_bytes:
        raise ScenarioError(
            [
                Problem(
                    filename,
                    1,
                    1,
                    f"file is too large ({len(data)} bytes; at most {max_bytes})",
                    code="yaml.too_large",
                )
            ]
        )
    text = _decode(data, filename)
    builder = _Builder(filename, max_depth)
    _walk(builder, text)
    if not builder.problems:
        _check_document(builder)
    if builder.problems:
        raise ScenarioError(builder.problems)
    return builder.root, LocationMap(builder.values, builder.keys)


def _walk(builder: _Builder, text: str) -> None:
    """Feed the parser's events to the builder; a parse error becomes one more Problem."""
    loader: _Loader | None = None
    try:
        loader = _Loader(text)
        while loader.check_event():
            event = loader.get_event()
            if event is not None:
                builder.feed(event)
    except _Stop:
        pass
    except yaml.MarkedYAMLError as error:
        builder.problems.append(_syntax_problem(error, text, builder.filename))
    except yaml.YAMLError as error:  # e.g. ReaderError, which carries no mark
        builder.problems.append(Problem(builder.filename, 1, 1, f"YAML error: {error}", code="yaml.syntax"))
    finally:
        if loader is not None:
            loader.dispose()


def _check_document(builder: _Builder) -> None:
    if builder.documents == 0:
        builder.problems.append(Problem(builder.filename, 1, 1, "the file is empty", code="yaml.empty"))
    elif builder.root is None:
        line, column = builder.values.get((), (1, 1))
        builder.problems.append(
            Problem(builder.filename, line, column, "the document is empty", code="yaml.empty")
        )


def _decode(data: bytes, filename: str) -> str:
    """Strict UTF-8 (a leading BOM is dropped), then no control characters."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start].decode("utf-8", "replace")
        line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
        line, column = _line_of(before, line_start), len(before) - line_start + 1
        hint = " (it looks like UTF-16)" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
        raise ScenarioError(
            [
                Problem(
                    filename,
                    line,
                    column,
                    f"file is not valid UTF-8{hint}: byte "
                    f"0x{data[error.start]:02x} cannot be read; save it as UTF-8",
                    code="yaml.encoding",
                )
            ]
        ) from None
    bad = _FORBIDDEN_CHAR.search(text)
    if bad is not None:
        where = bad.start()
        line_start = max(text.rfind("\n", 0, where), text.rfind("\r", 0, where)) + 1
        hint = " (a file saved as UTF-16?)" if bad.group() == "\x00" else ""
        raise ScenarioError(
            [
                Problem(
                    filename,
                    _line_of(text, line_start),
                    where - line_start + 1,
                    f"control character U+{ord(bad.group()):04X} is not allowed{hint}",
                    code="yaml.control_char",
                )
            ]
        )
    return text


def _line_of(text: str, index: int) -> int:
    """1-based line of `index`, counting CRLF, CR and LF as one break each, like YAML does."""
    before = text[:index]
    return before.count("\n") + before.count("\r") - before.count("\r\n") + 1


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, filename: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = _position(mark)
    problem = error.problem or "cannot be read"
    if "maximum nesting depth" in problem:  # libyaml's own flow-level cap
        return Problem(filename, line, column, "nesting is too deep", code="yaml.too_deep")
    message = f"YAML syntax error: {problem}"
    if error.context and error.context_mark is not None and error.context_mark is not mark:
        message += f" ({error.context} at line {error.context_mark.line + 1})"
    lines = text.splitlines()
    if 0 < line <= len(lines) and lines[line - 1][column - 1 : column] == "\t":
        message += "; tabs cannot be used for indentation, use spaces"
    return Problem(filename, line, column, message, code="yaml.syntax")
