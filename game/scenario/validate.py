"""Check a parsed scenario: the schema first, then the references between its parts.

Every pydantic error and every cross-reference problem becomes a Problem at the line and column of
the YAML that caused it, and all of them are reported in one pass, so a modder fixes a file at once.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from game.scenario.builtin import BUILTIN_PERSONALITIES
from game.scenario.errors import Problem, Severity, sort_problems
from game.scenario.schema import Culture, ModInfo, Personality, Scenario
from game.scenario.yamlsafe import LocationMap, PathKey

_ID_PATTERN = "^[a-z][a-z0-9_]{0,39}$"
_COLOUR_PATTERN = "^#[0-9a-fA-F]{6}$"
_MAX_SUGGESTIONS = 200


def validate(
    data: object,
    locations: LocationMap,
    filename: str,
    mod: ModInfo | None = None,
    file_id: str | None = None,
) -> tuple[Scenario | None, list[Problem]]:
    """The Scenario, or None when there is any error; warnings alone still give a Scenario.

    A scenario of a mod may use the cultures and personalities of its mod.yaml; they join the
    scenario's own (which win where both define an id). `file_id` is the file's name without
    .yaml, which meta.id should equal.
    """
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        problems = [_schema_problem(e, locations, filename) for e in error.errors(include_url=False)]
        return None, sort_problems(problems)
    checker = _Checker(scenario, locations, filename, mod)
    checker.run(data)
    if file_id is not None and scenario.meta.id != file_id:
        checker.report(
            ("meta", "id"),
            f"meta.id '{scenario.meta.id}' differs from the file name '{file_id}.yaml': the game names "
            "scenarios by their files, so make the two the same",
            "meta.id_not_file_name",
            "warning",
        )
    problems = sort_problems(checker.problems)
    if any(p.is_error for p in problems):
        return None, problems
    return (scenario if mod is None else _with_mod_parts(scenario, mod)), problems


def _with_mod_parts(scenario: Scenario, mod: ModInfo) -> Scenario:
    own_cultures = {c.id for c in scenario.cultures}
    own_personalities = {p.id for p in scenario.personalities}
    # Appended, so the scenario's own items keep the indexes its locations know them by.
    cultures = list(scenario.cultures) + [c for c in mod.cultures if c.id not in own_cultures]
    personalities = list(scenario.personalities) + [
        p for p in mod.personalities if p.id not in own_personalities
    ]
    return scenario.model_copy(update={"cultures": cultures, "personalities": personalities})


def validate_mod(data: object, locations: LocationMap, filename: str) -> tuple[ModInfo | None, list[Problem]]:
    """mod.yaml: its schema, and ids unique within it."""
    try:
        mod = ModInfo.model_validate(data)
    except ValidationError as error:
        problems = [_schema_problem(e, locations, filename) for e in error.errors(include_url=False)]
        return None, sort_problems(problems)
    problems = []
    sections: list[tuple[str, Sequence[Culture | Personality]]] = [
        ("cultures", mod.cultures),
        ("personalities", mod.personalities),
    ]
    for section, items in sections:
        first: dict[str, int] = {}
        for index, item in enumerate(items):
            if item.id in first:
                line, column = locations.value_at((section, index, "id"))
                where = locations.value_at((section, first[item.id], "id"))[0]
                text = f"duplicate id '{item.id}' (first at line {where})"
                problems.append(Problem(filename, line, column, text, code="dup.mod_id"))
            first.setdefault(item.id, index)
    builtin = {p.id for p in BUILTIN_PERSONALITIES}
    for index, personality in enumerate(mod.personalities):
        if personality.id in builtin:
            line, column = locations.value_at(("personalities", index, "id"))
            text = f"personality '{personality.id}' replaces the built-in one of that id"
            problems.append(Problem(filename, line, column, text, "warning", "dup.builtin_personality"))
    return (None if any(p.is_error for p in problems) else mod), problems


# ---------------------------------------------------------------- schema errors


def _schema_problem(error: Mapping[str, Any], locations: LocationMap, filename: str) -> Problem:
    loc: PathKey = tuple(error["loc"])
    kind: str = error["type"]
    if kind == "missing":
        where, path = locations.key_at(loc[:-1]), loc[:-1]
        text = f"missing field '{loc[-1]}'"
    elif kind == "extra_forbidden":
        where, path = locations.key_at(loc), loc[:-1]
        text = f"unknown field '{_clip(str(loc[-1]))}'" + _suggest(str(loc[-1]), _fields_at(loc[:-1]))
    else:
        where, path = locations.value_at(loc), loc
        text = _explain(kind, error.get("ctx") or {}, error.get("input"), str(error.get("msg", "")))
        if kind == "string_type" and error.get("input") is None and "colour" in str(loc[-1]):
            text += ' (a "#" starts a comment in YAML: write the colour in quotes, like "#4f86c6")'
    prefix = f"{_path_text(path)}: " if path else ""
    return Problem(filename, where[0], where[1], prefix + text, code=f"schema.{kind}")


def _explain(kind: str, ctx: Mapping[str, Any], value: object, fallback: str) -> str:
    """A sentence a modder can act on, for the pydantic error kinds this schema can raise."""
    got = f"(got {_show(value)})"
    bounds = {
        "greater_than_equal": ("at least", "ge"),
        "less_than_equal": ("at most", "le"),
        "greater_than": ("more than", "gt"),
        "less_than": ("less than", "lt"),
    }
    if kind in bounds:
        words, key = bounds[kind]
        return f"must be {words} {_show(_whole(ctx.get(key)))} {got}"
    if kind == "string_pattern_mismatch":
        return _explain_pattern(str(ctx.get("pattern")), value)
    if kind == "string_too_short":
        if ctx.get("min_length") == 1:
            return "must not be empty"
        return f"needs at least {ctx.get('min_length')} characters"
    if kind == "string_too_long":
        return f"is too long: at most {ctx.get('max_length')} characters (got {len(str(value))})"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} items (got {ctx.get('actual_length')})"
    if kind == "too_long":
        return f"has too many items: at most {ctx.get('max_length')} (got {ctx.get('actual_length')})"
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected")))
        return f"must be {ctx.get('expected')} {got}" + (
            _suggest(value, choices) if isinstance(value, str) else ""
        )
    expected = {
        "int_type": "a whole number",
        "float_type": "a number",
        "string_type": "text",
        "bool_type": "true or false",
        "model_type": "a mapping of fields",
        "dict_type": "a mapping",
        "list_type": "a list",
        "finite_number": "a finite number",
    }.get(kind)
    if expected is None:
        return f"{fallback} {got}"
    return f"expected {expected}, got {_show(value)}{_type_hint(kind, value)}"


def _explain_pattern(pattern: str, value: object) -> str:
    if pattern == _ID_PATTERN:
        return (
            f"{_show(value)} is not a valid id: use lower-case letters, digits and _, starting with a "
            "letter (at most 40)"
        )
    if pattern == _COLOUR_PATTERN:
        return f'{_show(value)} is not a colour: write it as "#rrggbb"'
    return f"{_show(value)} does not match the pattern {pattern}"


def _type_hint(kind: str, value: object) -> str:
    """Explain the YAML 1.2 reading where a YAML 1.1 habit is the likely cause."""
    if kind == "bool_type" and isinstance(value, str):
        return " (only true and false are booleans)"
    if kind in ("int_type", "float_type") and isinstance(value, str) and value[:1] == "0" and value.isdigit():
        return " (a number may not start with 0)"
    if kind == "string_type" and isinstance(value, bool | int | float):
        return " (put it in quotes)"
    return ""


def _whole(bound: object) -> object:
    """A float bound that is a whole number reads better without ".0" (the schema writes le=10000)."""
    if isinstance(bound, float) and bound.is_integer() and abs(bound) < 1e15:
        return int(bound)
    return bound


def _show(value: object) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _clip(repr(value))
    if isinstance(value, str):
        return f"'{_clip(value)}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return _clip(repr(value))


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _path_text(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{_clip(part)}" if out else _clip(part))
    return out


def _fields_at(path: PathKey) -> list[str]:
    """Field names (by their YAML spelling) of the model found at `path`, for "did you mean"."""
    current: object = Scenario
    for part in path:
        current = _unwrap(current)
        if isinstance(part, int) and typing.get_origin(current) is list:
            current = typing.get_args(current)[0]
        elif isinstance(part, str) and isinstance(current, type) and issubclass(current, BaseModel):
            fields = {info.alias or name: info for name, info in current.model_fields.items()}
            if part not in fields:
                return []
            current = fields[part].annotation
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [info.alias or name for name, info in current.model_fields.items()]
    return []


def _unwrap(annotation: object) -> object:
    """Strip Annotated[...] and `X | None` down to X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


# ---------------------------------------------------------------- cross references


class _Checker:
    """The whole-document checks; each records Problems and never stops at the first."""

    def __init__(
        self, scenario: Scenario, locations: LocationMap, filename: str, mod: ModInfo | None = None
    ) -> None:
        self.s = scenario
        self.locations = locations
        self.filename = filename
        self.problems: list[Problem] = []
        self.region_ids = {r.id for r in scenario.regions}
        shared_cultures = {c.id for c in mod.cultures} if mod else set()
        shared_personalities = {p.id for p in mod.personalities} if mod else set()
        self.culture_ids = {c.id for c in scenario.cultures} | shared_cultures
        self.personality_ids = (
            {p.id for p in scenario.personalities}
            | {p.id for p in BUILTIN_PERSONALITIES}
            | shared_personalities
        )
        self.suggestions: dict[tuple[str, str], str] = {}
        self.repeated_regions: set[str] = set()  # region ids given twice
        self.wars: dict[tuple[str, str], int] = {}  # unordered pair -> index in diplomacy.wars
        self.trade_pairs: set[tuple[str, str]] = set()
        self.trade_deals: dict[str, list[tuple[int, bool]]] = {}  # region -> (line, bound by it)

    def report(self, path: PathKey, message: str, code: str, severity: Severity = "error") -> None:
        line, column = self.locations.value_at(path)
        self.problems.append(Problem(self.filename, line, column, message, severity, code))

    def line_of(self, path: PathKey) -> int:
        return self.locations.value_at(path)[0]

    def run(self, data: object) -> None:
        if isinstance(data, dict) and data.get("format") is True:  # strict Literal[1] lets True through
            self.report(("format",), "format: expected 1, got true", "schema.literal_error")
        self.unique_ids()
        self.regions()
        self.province_colours()
        self.neighbours()
        self.affinities()
        self.playable_and_members()
        self.wars_and_treaties()
        self.embargoes_and_ambassadors()
        self.opinions()

    def known(self, path: PathKey, value: str, ids: Collection[str], kind: str) -> bool:
        if value in ids:
            return True
        self.report(
            path,
            f"unknown {kind} '{value}'" + self.suggest(value, kind, ids),
            "ref.unknown_" + kind.replace(" ", "_"),
        )
        return False

    def suggest(self, value: str, kind: str, ids: Collection[str]) -> str:
        """Memoised and capped: difflib is slow, and a broken file may hold many thousand bad ids."""
        key = (value, kind)
        if key not in self.suggestions:
            fits = len(self.suggestions) < _MAX_SUGGESTIONS
            self.suggestions[key] = _suggest(value, sorted(ids)) if fits else ""
        return self.suggestions[key]

    def unique_ids(self) -> None:
        sections: list[tuple[str, str, Sequence[Any]]] = [
            ("regions", "region", self.s.regions),
            ("cultures", "culture", self.s.cultures),
            ("personalities", "personality", self.s.personalities),
            ("organisations", "organisation", self.s.organisations),
        ]
        for section, kind, items in sections:
            first: dict[str, int] = {}
            for index, item in enumerate(items):
                path = (section, index, "id")
                if item.id in first:
                    self.report(
                        path,
                        f"duplicate {kind} id '{item.id}' (first at line "
                        f"{self.line_of((section, first[item.id], 'id'))})",
                        f"dup.{kind}",
                    )
                    if kind == "region":
                        self.repeated_regions.add(item.id)
                else:
                    first[item.id] = index
        self.regions_named_like_cultures()
        builtin = {p.id for p in BUILTIN_PERSONALITIES}
        for index, personality in enumerate(self.s.personalities):
            if personality.id in builtin:
                self.report(
                    ("personalities", index, "id"),
                    f"personality '{personality.id}' replaces the built-in one of that id",
                    "dup.builtin_personality",
                    "warning",
                )

    def regions_named_like_cultures(self) -> None:
        """Affinities name cultures and regions alike: one id for both would make them ambiguous."""
        for index, region in enumerate(self.s.regions):
            if region.id in self.culture_ids:
                self.report(
                    ("regions", index, "id"),
                    f"region id '{region.id}' is also a culture's id: give one of them another, "
                    "or affinities naming it are ambiguous",
                    "dup.region_culture",
                )

    def regions(self) -> None:
        size = self.s.meta.map
        # With a province map and no size of its own, the image sets the size: checked on loading it.
        sized = size.provinces is None or {"width", "height"} & size.model_fields_set
        for index, region in enumerate(self.s.regions):
            self.known(("regions", index, "culture"), region.culture, self.culture_ids, "culture")
            self.known(
                ("regions", index, "personality"), region.personality, self.personality_ids, "personality"
            )
            x, y = region.position
            if sized and not (0 <= x <= size.width and 0 <= y <= size.height):
                self.report(
                    ("regions", index, "position"),
                    f"position [{x:g}, {y:g}] is outside the {size.width}x{size.height} map",
                    "map.outside",
                    "warning",
                )

    def province_colours(self) -> None:
        """On a province map a colour names one region: two regions of one colour cannot be told apart."""
        if self.s.meta.map.provinces is None:
            return
        first: dict[str, int] = {}
        for index, region in enumerate(self.s.regions):
            field = "province_colour" if region.province_colour else "colour"
            colour = (region.province_colour or region.colour).lower()
            if colour in first:
                other = self.s.regions[first[colour]].id
                self.report(
                    ("regions", index, field),
                    f"{region.id} has the province colour {colour} of {other}: give it a "
                    "province_colour of its own",
                    "map.same_colour",
                )
            else:
                first[colour] = index

    def neighbours(self) -> None:
        index_of = {r.id: i for i, r in reversed(list(enumerate(self.s.regions)))}
        lists = {r.id: set(r.neighbours) for r in self.s.regions}
        for index, region in enumerate(self.s.regions):
            seen: set[str] = set()
            for k, other in enumerate(region.neighbours):
                path = ("regions", index, "neighbours", k)
                if other == region.id:
                    self.report(path, f"{region.id} lists itself as a neighbour", "map.self_neighbour")
                elif other in seen:
                    self.report(path, f"{region.id} lists {other} twice", "map.repeated", "warning")
                elif {other, region.id} & self.repeated_regions:
                    pass  # which of two regions of one id is meant cannot be told: the duplicate is the error
                elif self.known(path, other, self.region_ids, "region") and region.id not in lists[other]:
                    line = self.locations.key_at(("regions", index_of[other], "neighbours"))[0]
                    self.report(
                        path,
                        f"{region.id} lists {other} as a neighbour but {other} (line {line}) "
                        f"does not list {region.id}",
                        "map.asymmetric",
                    )
                seen.add(other)

    def affinities(self) -> None:
        first: dict[tuple[str, str], int] = {}
        for index, affinity in enumerate(self.s.affinities):
            path = ("affinities", index, "between")
            a, b = affinity.between
            if a == b:
                self.report(path, f"affinity between '{a}' and itself", "ref.self_affinity")
                continue
            if not self.affinity_pair(path, a, b):
                continue
            pair = (min(a, b), max(a, b))
            if pair in first:
                self.report(
                    path,
                    f"affinity between '{a}' and '{b}' given twice (first at line "
                    f"{self.line_of(('affinities', first[pair], 'between'))})",
                    "dup.affinity",
                )
            else:
                first[pair] = index

    def affinity_pair(self, path: PathKey, a: str, b: str) -> bool:
        """Two cultures, or two regions (an override); never one of each, never ambiguous."""
        cultures = a in self.culture_ids and b in self.culture_ids
        regions = a in self.region_ids and b in self.region_ids
        if cultures and regions:
            self.report(
                path,
                f"'{a}' and '{b}' are both cultures and regions: the affinity is ambiguous",
                "ref.ambiguous_affinity",
            )
            return False
        if cultures or regions:
            return True
        either = self.culture_ids | self.region_ids
        unknown = [(k, x) for k, x in enumerate((a, b)) if x not in either]
        for k, x in unknown:
            self.known((*path, k), x, either, "culture or region")
        if not unknown:
            self.report(
                path,
                f"affinity between '{a}' and '{b}' mixes a culture and a region; give two "
                "cultures or two regions",
                "ref.mixed_affinity",
            )
        return False

    def playable_and_members(self) -> None:
        playable = self.s.meta.playable
        if playable is not None:
            if not playable:
                self.report(
                    ("meta", "playable"),
                    "playable is empty: no region can be played",
                    "meta.no_playable",
                    "warning",
                )
            self.id_list(("meta", "playable"), playable)
        for index, organisation in enumerate(self.s.organisations):
            self.id_list(("organisations", index, "members"), organisation.members)

    def id_list(self, path: PathKey, ids: list[str]) -> None:
        seen: set[str] = set()
        for k, region in enumerate(ids):
            if self.known((*path, k), region, self.region_ids, "region") and region in seen:
                self.report((*path, k), f"'{region}' is listed twice", "dup.listed_twice", "warning")
            seen.add(region)

    def pair(self, paths: tuple[PathKey, PathKey], a: str, b: str, on_itself: str) -> tuple[str, str] | None:
        """Both ends known and distinct: the unordered pair; otherwise reported and None."""
        ok = [self.known(path, x, self.region_ids, "region") for path, x in zip(paths, (a, b), strict=True)]
        if not all(ok):
            return None
        if a == b:
            self.report(paths[1], on_itself, "diplomacy.self")
            return None
        return (min(a, b), max(a, b))

    def wars_and_treaties(self) -> None:
        neighbours = {(min(r.id, n), max(r.id, n)) for r in self.s.regions for n in r.neighbours}
        wars: dict[tuple[str, str], int] = {}
        for index, war in enumerate(self.s.diplomacy.wars):
            base = ("diplomacy", "wars", index)
            pair = self.pair(
                ((*base, "attacker"), (*base, "defender")),
                war.attacker,
                war.defender,
                f"'{war.attacker}' cannot be at war with itself",
            )
            if pair is None:
                continue
            if pair in wars:
                self.report(
                    base,
                    f"war between '{pair[0]}' and '{pair[1]}' listed twice (first at line "
                    f"{self.line_of(('diplomacy', 'wars', wars[pair]))})",
                    "dup.war",
                )
                continue
            wars[pair] = index
            if pair not in neighbours:
                self.report(
                    base,
                    f"war between '{war.attacker}' and '{war.defender}', which are not neighbours",
                    "diplomacy.war_not_neighbours",
                    "warning",
                )
        self.wars = wars
        self.treaties()

    def treaties(self) -> None:
        seen: dict[tuple[str, str, str], int] = {}
        for index, treaty in enumerate(self.s.diplomacy.treaties):
            base = ("diplomacy", "treaties", index)
            a, b = treaty.between
            pair = self.pair(
                ((*base, "between", 0), (*base, "between", 1)),
                a,
                b,
                f"'{a}' cannot have a {treaty.kind} treaty with itself",
            )
            if pair is None:
                continue
            if pair in self.wars:
                war_line = self.line_of(("diplomacy", "wars", self.wars[pair]))
                self.report(
                    base,
                    f"'{a}' and '{b}' are at war (line {war_line}) and cannot also have a treaty "
                    f"of kind {treaty.kind}",
                    "diplomacy.war_and_treaty",
                )
            key = (treaty.kind, *pair)
            if key in seen:
                self.report(
                    base,
                    f"{treaty.kind} treaty between '{a}' and '{b}' listed twice (first at line "
                    f"{self.line_of(('diplomacy', 'treaties', seen[key]))})",
                    "dup.treaty",
                )
            seen[key] = index
            if treaty.kind == "trade":
                self.trade_pairs.add(pair)
                self._exclusive_alone(base, treaty.between, treaty.exclusive)
            elif treaty.exclusive:
                self.report(
                    (*base, "exclusive"),
                    f"exclusive only applies to trade treaties, not {treaty.kind}",
                    "diplomacy.exclusive_ignored",
                    "warning",
                )

    def _exclusive_alone(self, base: PathKey, between: list[str], exclusive: bool) -> None:
        """An exclusive trade deal is its poorer side's only one, as the rules require in play."""
        economy = {r.id: r.economy for r in self.s.regions}
        a, b = between
        bound = b if economy.get(a, 0) >= economy.get(b, 0) else a
        for region in between:
            deals = self.trade_deals.setdefault(region, [])
            bound_here = exclusive and region == bound
            earlier = next((line for line, was_bound in deals if was_bound or bound_here), None)
            if earlier is not None:
                self.report(
                    base,
                    f"'{region}' already trades under another deal (line {earlier}); an exclusive "
                    "trade deal must be its poorer side's only one",
                    "diplomacy.exclusive_trade",
                )
            deals.append((self.line_of(base), bound_here))

    def embargoes_and_ambassadors(self) -> None:
        embargoes: dict[tuple[str, str], int] = {}
        for index, embargo in enumerate(self.s.diplomacy.embargoes):
            base = ("diplomacy", "embargoes", index)
            pair = self.pair(
                ((*base, "by"), (*base, "target")),
                embargo.by,
                embargo.target,
                f"'{embargo.by}' cannot embargo itself",
            )
            if pair is None:
                continue
            if (embargo.by, embargo.target) in embargoes:
                text = f"embargo by '{embargo.by}' on '{embargo.target}' listed twice"
                self.report(base, text, "dup.embargo")
            embargoes[(embargo.by, embargo.target)] = index
            if pair in self.trade_pairs:
                self.report(
                    base,
                    f"'{embargo.by}' cannot both embargo '{embargo.target}' and trade with it",
                    "diplomacy.embargo_and_trade",
                )
        sent: set[tuple[str, str]] = set()
        for index, envoy in enumerate(self.s.diplomacy.ambassadors):
            base = ("diplomacy", "ambassadors", index)
            pair = self.pair(
                ((*base, "from"), (*base, "to")),
                envoy.from_,
                envoy.to,
                f"'{envoy.from_}' cannot send an ambassador to itself",
            )
            if pair is None:
                continue
            if (envoy.from_, envoy.to) in sent:
                self.report(
                    base, f"ambassador from '{envoy.from_}' to '{envoy.to}' listed twice", "dup.ambassador"
                )
            sent.add((envoy.from_, envoy.to))
            if pair in self.wars:
                self.report(
                    base,
                    f"'{envoy.from_}' has an ambassador in '{envoy.to}' while they are at war",
                    "diplomacy.ambassador_at_war",
                    "warning",
                )

    def opinions(self) -> None:
        for index, opinion in enumerate(self.s.diplomacy.opinions):
            base = ("diplomacy", "opinions", index)
            self.pair(
                ((*base, "of"), (*base, "towards")),
                opinion.of,
                opinion.towards,
                f"'{opinion.of}' cannot hold an opinion of itself",
            )
