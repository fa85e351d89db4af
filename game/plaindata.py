"""Typed objects from plain data (parsed JSON), led by the type hints of the classes they fill.

Saves hold the game's state and actions as plain data. This turns them back into the model's
objects and checks every value against its field's type on the way, so that a damaged or hostile
file is a PlainDataError naming the field, never a wrong object or a crash later on. A field the
data lacks takes its default, so a save written before a field was added still loads; a field
the data has and the class has not is refused, unless `lenient` (a save of older rules, whose
fields may since have gone).

It reads what `game.core.snapshot.to_data` writes: dataclasses as objects, tuples, sets and lists
as arrays, dict keys as text (a tuple key joined with "|"), pydantic models by their own schema.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

MAX_INT = 2**64  # whole numbers beyond this are not the game's (the generator's state is 64 bits)
MAX_TEXT = 20_000  # characters in one text; a scenario's longest text is 2,000
KEY_SEPARATOR = "|"

Convert = Callable[[object], object]


class PlainDataError(ValueError):
    """A value that does not fit its field; `where` is the path to it, as in `regions.alba.economy`."""

    def __init__(self, message: str, where: str = "") -> None:
        self.message, self.where = message, where
        super().__init__(f"{where}: {message}" if where else message)

    def inside(self, step: object) -> PlainDataError:
        where = f"{step}.{self.where}" if self.where else str(step)
        return PlainDataError(self.message, where)


class Reader:
    """Converters built once per type hint. `special` reads classes that are not plain dataclasses
    (say, the random generator from its one integer).

    A `trusted` reader builds the objects without checking the values: for data this game wrote
    itself, as a save's seal proves, where checking every one of tens of thousands of values would
    cost more than the rest of loading."""

    def __init__(
        self, special: dict[type, Convert] | None = None, *, lenient: bool = False, trusted: bool = False
    ) -> None:
        self.special = special or {}
        self.lenient = lenient or trusted
        self.trusted = trusted
        self._made: dict[object, Convert] = {}

    def read(self, hint: object, value: object) -> Any:
        return self.converter(hint)(value)

    def converter(self, hint: object) -> Convert:
        made = self._made.get(hint)
        if made is None:
            made = self._made[hint] = self._build(hint)
        return made

    def _build(self, hint: object) -> Convert:
        if hint in self.special:
            return _guarded(self.special[hint])
        leaf = _LEAVES.get(hint)
        if leaf is not None:
            return _same if self.trusted else leaf
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin is typing.Literal:
            return _same if self.trusted else _literal(args)
        if origin in (typing.Union, types.UnionType):
            return self._union(args)
        if origin in (list, set, frozenset):
            return _sequence(origin, self.converter(args[0]), self.trusted)
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return _sequence(tuple, self.converter(args[0]), self.trusted)
            return _fixed_tuple([self.converter(a) for a in args], self.trusted)
        if origin is dict:
            return _mapping(_key(args[0], self.trusted), self.converter(args[1]), self.trusted)
        if isinstance(hint, type) and issubclass(hint, BaseModel):
            return _model(hint, self.lenient)
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            return self._dataclass(hint)
        raise TypeError(f"no reader for {hint!r}")

    def _union(self, args: tuple[object, ...]) -> Convert:
        """JSON says which member a value is: null, true/false, a whole number, a fraction, text."""
        members = {a: self.converter(a) for a in args}
        if self.trusted and all(m is _same for m in members.values()):
            return _same
        by_kind: dict[type, Convert] = {}
        for kind, candidates in (
            (type(None), (type(None),)),
            (bool, (bool,)),
            (int, (int, float)),
            (float, (float,)),
            (str, (str, *[a for a in args if typing.get_origin(a) is typing.Literal])),
        ):
            chosen = next((members[c] for c in candidates if c in members), None)
            if chosen is not None:
                by_kind[kind] = chosen
        rest = [members[a] for a in args if a not in _LEAVES and typing.get_origin(a) is not typing.Literal]

        def union(value: object) -> object:
            convert = by_kind.get(type(value))
            if convert is not None:
                return convert(value)
            for candidate in rest:
                try:
                    return candidate(value)
                except PlainDataError:
                    continue
            raise PlainDataError(f"{_kind(value)} is none of the kinds this field takes")

        return union

    def _dataclass(self, cls: type) -> Convert:
        hints = typing.get_type_hints(cls)
        fields = [f for f in dataclasses.fields(cls) if f.init]
        readers = [(f.name, self.converter(hints[f.name]), _required(f)) for f in fields]
        if self.trusted:
            pairs = [(name, convert) for name, convert, _required_ in readers]
            every_field, names = _constructor(cls, pairs), {name for name, _convert in pairs}

            def trusted(value: Any) -> object:
                if names <= value.keys():  # every field, as a save of this version holds them
                    return every_field(value)
                return cls(**{name: convert(value[name]) for name, convert in pairs if name in value})

            return trusted
        known = {f.name for f in fields}
        lenient = self.lenient

        def instance(value: object) -> object:
            if not isinstance(value, dict):
                raise PlainDataError(f"{_kind(value)} where {cls.__name__} was expected")
            values: dict[str, object] = {}
            for name, convert, required in readers:
                if name in value:
                    try:
                        values[name] = convert(value[name])
                    except PlainDataError as error:
                        raise error.inside(name) from None
                elif required:
                    raise PlainDataError(f"{cls.__name__} lacks {name}")
            if not lenient and len(value) > len(values) and not set(value) <= known:
                raise PlainDataError(f"{cls.__name__} has unknown fields {sorted(set(value) - known)[:5]}")
            return cls(**values)

        return instance


def _same(value: object) -> object:
    return value


def _constructor(cls: type, pairs: list[tuple[str, Convert]]) -> Convert:
    """`cls` built from a dict holding each of its fields, as one generated function (the way
    dataclasses make their __init__): a long game's state has a hundred thousand such objects, and
    a generic loop over fields costs half as much again. KeyError when a field is missing."""
    names = {f"c{i}": convert for i, (_name, convert) in enumerate(pairs) if convert is not _same}
    arguments = ", ".join(  # in the order of the fields, as the dataclass's __init__ takes them
        f"value[{name!r}]" if convert is _same else f"c{i}(value[{name!r}])"
        for i, (name, convert) in enumerate(pairs)
    )
    namespace: dict[str, Any] = {"cls": cls, **names}
    exec(f"def build(value):\n    return cls({arguments})\n", namespace)  # names are identifiers
    build: Convert = namespace["build"]
    return build


def _required(field: dataclasses.Field[Any]) -> bool:
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING


def _guarded(convert: Convert) -> Convert:
    def special(value: object) -> object:
        try:
            return convert(value)
        except PlainDataError:
            raise
        except (TypeError, ValueError, KeyError, OverflowError) as error:
            raise PlainDataError(str(error)[:200]) from None

    return special


def _kind(value: object) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true or false", type(None): "null"}.get(
        type(value), "a number"
    )


def _none(value: object) -> None:
    if value is not None:
        raise PlainDataError(f"{_kind(value)} where null was expected")


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise PlainDataError(f"{_kind(value)} where true or false was expected")
    return value


def _int(value: object) -> int:
    if type(value) is not int:
        raise PlainDataError(f"{_kind(value)} where a whole number was expected")
    if not -MAX_INT < value < MAX_INT:
        raise PlainDataError("a whole number far too large")
    return value


def _float(value: object) -> float:
    if type(value) is int:  # kept whole, as the state held it: its hash writes it so
        return _int(value)
    if type(value) is not float:
        raise PlainDataError(f"{_kind(value)} where a number was expected")
    if not math.isfinite(value):
        raise PlainDataError("a number that is not finite")
    return value


def _text(value: object) -> str:
    if type(value) is not str:
        raise PlainDataError(f"{_kind(value)} where text was expected")
    if len(value) > MAX_TEXT:
        raise PlainDataError(f"a text of {len(value)} characters (at most {MAX_TEXT})")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise PlainDataError("a text with a lone surrogate, which is not Unicode") from None
    return value


def _literal(choices: tuple[object, ...]) -> Convert:
    allowed = frozenset(choices)

    def literal(value: object) -> object:
        if type(value) not in (str, int, bool) or value not in allowed:
            raise PlainDataError(f"{str(value)[:40]!r} is not one of {sorted(map(str, allowed))}")
        return value

    return literal


def _sequence(kind: type, item: Convert, trusted: bool) -> Convert:
    if trusted:
        if item is _same:
            return kind
        return lambda value: kind(map(item, value))  # type: ignore[call-overload]

    def sequence(value: object) -> object:
        if not isinstance(value, list):
            raise PlainDataError(f"{_kind(value)} where a list was expected")
        items = []
        for index, element in enumerate(value):
            try:
                items.append(item(element))
            except PlainDataError as error:
                raise error.inside(index) from None
        return items if kind is list else kind(items)

    return sequence


def _fixed_tuple(items: list[Convert], trusted: bool) -> Convert:
    if trusted:
        if all(item is _same for item in items):
            return typing.cast(Convert, tuple)
        return lambda value: tuple(convert(v) for convert, v in zip(items, value, strict=True))  # type: ignore[call-overload]

    def fixed(value: object) -> object:
        if not isinstance(value, list) or len(value) != len(items):
            raise PlainDataError(f"{_kind(value)} where a list of {len(items)} was expected")
        result = []
        for index, (convert, element) in enumerate(zip(items, value, strict=True)):
            try:
                result.append(convert(element))
            except PlainDataError as error:
                raise error.inside(index) from None
        return tuple(result)

    return fixed


def _key(hint: object, trusted: bool) -> Callable[[str], object]:
    """Dict keys are text in JSON: ints are written out, tuples joined with KEY_SEPARATOR."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if trusted:
        if hint is int:
            return int
        if origin is tuple:
            return lambda key: tuple(key.split(KEY_SEPARATOR))
        return _same
    if hint is str or origin is typing.Literal:
        check = _text if hint is str else _literal(args)
        return check
    if hint is int:

        def whole(key: str) -> int:
            if not (key.isascii() and key.lstrip("-").isdigit()) or len(key) > 20:
                raise PlainDataError(f"key {key[:40]!r} is not a whole number")
            return _int(int(key))

        return whole
    if origin is tuple and all(a is str for a in args):

        def joined(key: str) -> tuple[str, ...]:
            parts = tuple(_text(key).split(KEY_SEPARATOR))
            if len(parts) != len(args):
                raise PlainDataError(f"key {key[:40]!r} does not name {len(args)} things")
            return parts

        return joined
    raise TypeError(f"no reader for keys of {hint!r}")


def _mapping(key: Callable[[str], object], item: Convert, trusted: bool) -> Convert:
    if trusted:
        if key is _same and item is _same:
            return typing.cast(Convert, dict)
        return lambda value: {key(k): item(v) for k, v in value.items()}  # type: ignore[attr-defined]

    def mapping(value: object) -> object:
        if not isinstance(value, dict):
            raise PlainDataError(f"{_kind(value)} where an object was expected")
        result = {}
        for name, element in value.items():
            try:
                result[key(name)] = item(element)
            except PlainDataError as error:
                raise error.inside(name[:40]) from None
        return result

    return mapping


def _model(cls: type[BaseModel], lenient: bool) -> Convert:
    def model(value: object) -> object:
        if lenient and isinstance(value, dict):  # fields of older rules that have since gone
            value = {k: v for k, v in value.items() if k in cls.model_fields}
        try:
            return cls.model_validate(value)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(map(str, first["loc"]))
            raise PlainDataError(f"{first['msg']}", where) from None

    return model


_LEAVES: dict[object, Convert] = {
    type(None): _none,
    None: _none,
    bool: _bool,
    int: _int,
    float: _float,
    str: _text,
}
