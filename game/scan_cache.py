"""What reading a scenario or a mod card found, kept by the files' stamps, so that listing many mods
costs a glance at each file rather than a parse.

A result is kept with every file it depends on (the scenario, its mod.yaml, its painted map), each
with its size and modification time, and with a stamp of the game's own code (a new version may
read a file differently): a change to any of them reads the files again. Results live in memory
for the window, and in one index file in the cache folder for the command line (`flush` writes
it). For a scenario the index keeps what a list shows (its id, name and size, its warnings or the
problems that made it broken, its painted map); the scenario itself is read from its file again
when it is asked for, which a list never does but for the one chosen.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.resources
import json
import os
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

from game import paths
from game.files import read_capped
from game.scenario.errors import Problem, ScenarioError
from game.scenario.loader import LoadedScenario, load_mod_info, load_scenario
from game.scenario.provinces import ProvinceMap
from game.scenario.schema import ModInfo, Scenario, Text

MAX_INDEX_BYTES = 256 * 1024 * 1024
MOST_RECORDS = 100_000  # an index with more is started afresh: it only ever saves time
Stamps = list[list[Any]]  # [[path, [size, mtime_ns] or None], ...]
T = TypeVar("T")
_memory: dict[str, tuple[dict[str, Any], object]] = {}  # key -> (its record, the result)
_index: dict[str, dict[str, Any]] = {}  # key -> record, as the index file holds it
_state = {"read": "", "changed": False}  # which index file was read; whether it needs writing


def load(path: Path, root: Path, mod: ModInfo | None, mod_file: Path | None) -> LoadedScenario:
    """`load_scenario(path, root, mod)`, or what it gave before for the same files."""

    def fresh() -> tuple[LoadedScenario | ScenarioError, list[Path], dict[str, Any]]:
        depends = [path] + ([mod_file] if mod_file is not None else [])
        try:
            loaded = load_scenario(path, root, mod)
        except ScenarioError as error:
            return error, depends, {"broken": True, "problems": _problems(error.problems)}
        image = loaded.scenario.meta.map.provinces
        if image is not None:
            depends.append(path.parent / image)
        plain = {
            "broken": False,
            "id": loaded.scenario_id,
            "name": loaded.name.model_dump(),
            "regions": loaded.region_count,
            "problems": _problems(loaded.warnings),
            "provinces": None if loaded.provinces is None else _plain_provinces(loaded.provinces),
        }
        return loaded, depends, plain

    def rebuilt(plain: dict[str, Any]) -> LoadedScenario | ScenarioError:
        problems = [Problem(**p) for p in plain["problems"]]
        if plain["broken"]:
            return ScenarioError(problems)
        summary = (str(plain["id"]), Text.model_validate(plain["name"]), int(plain["regions"]))
        whole = functools.partial(_scenario, path, root, mod)
        return _Recalled(str(path), problems, _provinces(plain["provinces"]), summary, whole)

    result = _cached(f"scenario\0{path}\0{root}", fresh, rebuilt)
    if isinstance(result, ScenarioError):
        raise ScenarioError(result.problems)
    return result


def mod_info(path: Path) -> tuple[ModInfo, list[Problem]]:
    """`load_mod_info(path)`, or what it gave before for the same file."""

    def fresh() -> tuple[tuple[ModInfo, list[Problem]] | ScenarioError, list[Path], dict[str, Any]]:
        try:
            info, problems = load_mod_info(path)
        except ScenarioError as error:
            return error, [path], {"mod": None, "problems": _problems(error.problems)}
        plain = {"mod": info.model_dump_json(by_alias=True), "problems": _problems(problems)}
        return (info, problems), [path], plain

    def rebuilt(plain: dict[str, Any]) -> tuple[ModInfo, list[Problem]] | ScenarioError:
        problems = [Problem(**p) for p in plain["problems"]]
        if plain["mod"] is None:
            return ScenarioError(problems)
        return ModInfo.model_validate_json(plain["mod"]), problems

    result = _cached(f"mod\0{path}", fresh, rebuilt)
    if isinstance(result, ScenarioError):
        raise ScenarioError(result.problems)
    info, problems = result
    return info, list(problems)


class _Recalled(LoadedScenario):
    """A loaded scenario recalled from the cache: what a list shows is at hand, and the scenario
    itself is read from its file when it is first asked for."""

    _summary: tuple[str, Text, int]  # its id, its name, how many regions
    _whole: Callable[[], Scenario]

    def __init__(
        self,
        path: str,
        warnings: list[Problem],
        provinces: ProvinceMap | None,
        summary: tuple[str, Text, int],
        whole: Callable[[], Scenario],
    ) -> None:
        for name, value in (("path", path), ("warnings", warnings), ("provinces", provinces)):
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_summary", summary)
        object.__setattr__(self, "_whole", whole)

    @functools.cached_property
    def scenario(self) -> Scenario:
        return self._whole()

    @property
    def scenario_id(self) -> str:
        return self._summary[0]

    @property
    def name(self) -> Text:
        return self._summary[1]

    @property
    def region_count(self) -> int:
        return self._summary[2]


def _scenario(path: Path, root: Path, mod: ModInfo | None) -> Scenario:
    """The scenario read again; should its file have changed to a broken one meanwhile, the error
    says so (a list showed it as it was)."""
    return load_scenario(path, root, mod).scenario


# --- keeping and recalling ------------------------------------------------------------------------
def _cached(
    key: str,
    fresh: Callable[[], tuple[T, list[Path], dict[str, Any]]],
    rebuilt: Callable[[dict[str, Any]], T],
) -> T:
    """The result kept in memory or in the index while its files are unchanged, else a fresh one
    (then kept). A damaged record is no result."""
    index = _indexed()
    remembered = _memory.get(key)
    if remembered is not None and _unchanged(remembered[0]["depends"]):
        if key not in index:  # read while another data folder was in use (tests switch them)
            index[key] = remembered[0]
            _state["changed"] = True
        return remembered[1]  # type: ignore[return-value]
    record = index.get(key)
    if record is not None:
        with contextlib.suppress(ValueError, TypeError, KeyError):
            if _unchanged(record["depends"]):
                result = rebuilt(record["result"])
                _memory[key] = (record, result)
                return result
    result, depends, plain = fresh()
    record = {"depends": [[str(p), _stamp(p)] for p in depends], "result": plain}
    _memory[key] = (record, result)
    index[key] = record
    _state["changed"] = True
    return result


def flush() -> None:
    """Write the index if anything new was read (a failure only costs time next run)."""
    if not _state["changed"]:
        return
    _state["changed"] = False
    file = _index_file()
    records = _indexed() if len(_indexed()) <= MOST_RECORDS else {}
    with contextlib.suppress(OSError):
        file.parent.mkdir(parents=True, exist_ok=True)
        temporary = file.with_name(f".{file.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps({"code": _code_stamp(), "records": records}), encoding="utf-8")
        os.replace(temporary, file)


def _indexed() -> dict[str, dict[str, Any]]:
    """The index, read from its file once for each data folder (a damaged one is started afresh)."""
    file = str(_index_file())
    if _state["read"] != file:
        _state["read"] = file
        _index.clear()
        with contextlib.suppress(OSError, ValueError, TypeError, KeyError):
            document = json.loads(read_capped(file, MAX_INDEX_BYTES))
            if document["code"] == _code_stamp() and isinstance(document["records"], dict):
                _index.update(document["records"])
    return _index


def _index_file() -> Path:
    return _folder(os.environ.get("BILATERAL_HOME"))


@functools.lru_cache(maxsize=4)
def _folder(_home: str | None) -> Path:
    """The index file, for the data folder that BILATERAL_HOME (or its absence) names."""
    return paths.data_dir() / "cache" / "scenarios.json"


def _unchanged(stamps: Stamps) -> bool:
    return all(_stamp(name) == stamp for name, stamp in stamps)


def _stamp(path: Path | str) -> list[int] | None:
    """Size and modification time, links followed; None for a file that is not there."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return [info.st_size, info.st_mtime_ns]


@functools.cache
def _code_stamp() -> str:
    """The game's code as it is now: a new version may read a file differently."""
    package = Path(str(importlib.resources.files("game")))
    files = sorted(package.rglob("*.py"))
    return hashlib.sha256(
        repr([(str(f.relative_to(package)), _stamp(f)) for f in files]).encode()
    ).hexdigest()


# --- results as plain data --------------------------------------------------------------------------
def _problems(problems: list[Problem]) -> list[dict[str, Any]]:
    return [asdict(problem) for problem in problems]


def _plain_provinces(painted: ProvinceMap) -> dict[str, Any]:
    return {
        "image_size": list(painted.image_size),
        "outlines": painted.outlines,
        "labels": painted.labels,
        "parts": painted.parts,
        "touching": [sorted(pair) for pair in painted.touching],
        "unpainted": painted.unpainted,
    }


def _provinces(data: dict[str, Any] | None) -> ProvinceMap | None:
    if data is None:
        return None
    return ProvinceMap(
        (data["image_size"][0], data["image_size"][1]),
        {region: [(x, y) for x, y in points] for region, points in data["outlines"].items()},
        {region: (x, y) for region, (x, y) in data["labels"].items()},
        dict(data["parts"]),
        {frozenset(pair) for pair in data["touching"]},
        list(data["unpainted"]),
    )
