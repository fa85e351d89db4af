"""Every scenario a player can start: the shipped ones and those of the user's mods.

A mod is a folder in the mods folder (see game/paths.py) with a `mod.yaml` (id, name, version,
authors, and cultures and personalities its scenarios share), its scenarios in `scenarios/*.yaml`
and any images they use. A scenario is named by its id when shipped ("tutorial") and by mod and
file ("my_mod/isles") when it comes from a mod. A broken mod or scenario is listed with its
problems: never hidden, never fatal.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import re
import secrets
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from game import data, paths, scan_cache
from game.scenario.errors import Problem, ScenarioError
from game.scenario.generate import scenario_to_yaml
from game.scenario.loader import (
    SCENARIOS_DIR,
    LoadedScenario,
    load_scenario,
    shipped_scenarios,
)
from game.scenario.provinces import ProvinceMap
from game.scenario.schema import ModInfo, Scenario
from game.scenario.yamlsafe import parse_yaml

MOD_FILE = "mod.yaml"
TEMPLATES = data.assets_folder() / "templates"
ID_PATTERN = r"[a-z][a-z0-9_]{0,39}"
MOD_SCENARIOS = "scenarios"
MAX_TITLE = 80  # as a scenario's meta.name
SCHEMAS = "schemas"  # in a new mod: copies of the JSON Schemas its files name, for editors
MOST_SCENARIOS = 500  # scenario files read from one mod
MOD_SECONDS = 3.0  # reading one mod's scenarios for a list; the rest are listed as broken
KEYS_NAMED = 20  # known scenarios an unknown name's message lists
Status = Literal["ok", "warnings", "broken"]


@dataclass(frozen=True)
class Entry:
    """Where one scenario lives and what it may use: the folder its images stay in, its mod."""

    key: str
    path: Path
    root: Path
    mod: ModInfo | None = None

    def load(self) -> LoadedScenario:
        return load_scenario(self.path, self.root, self.mod)

    def load_cached(self) -> LoadedScenario:
        """As `load`, or what it gave before while its files are unchanged (for lists)."""
        mod_file = self.root / MOD_FILE if self.mod is not None else None
        return scan_cache.load(self.path, self.root, self.mod, mod_file)

    def saved_text(self, loaded: LoadedScenario) -> str:
        """The scenario as a save embeds it: whole in itself, so the save loads without the mod.

        Its own text when it needs nothing else (comments kept); written out from the loaded
        scenario when it uses its mod's cultures or personalities.
        """
        if self.mod is None or not (self.mod.cultures or self.mod.personalities):
            return self.path.read_text(encoding="utf-8")
        return scenario_to_yaml(loaded.scenario)


@dataclass
class Listing:
    """One scenario as the player sees it in a list: loaded, or broken with its problems."""

    entry: Entry
    loaded: LoadedScenario | None
    problems: list[Problem]

    @property
    def status(self) -> Status:
        if self.loaded is None:
            return "broken"
        return "warnings" if self.problems else "ok"


@dataclass
class Mod:
    folder: Path
    info: ModInfo | None  # None when its mod.yaml is broken or missing
    problems: list[Problem] = field(default_factory=list)  # of its card and its folder, warnings too
    entries: list[Entry] = field(default_factory=list)

    @property
    def broken(self) -> bool:
        return self.info is None or not self.entries


def shipped_entries() -> list[Entry]:
    return [Entry(path.stem, path, SCENARIOS_DIR) for path in shipped_scenarios()]


def user_mods(folder: Path | None = None) -> list[Mod]:
    """The mods in the user's mods folder, by folder name; a missing folder means none."""
    folder = folder or paths.mods_dir()
    try:  # a hidden folder is no mod: a new mod being written, an editor's or a VCS's own
        with os.scandir(folder) as found:
            names = sorted(e.name for e in found if e.is_dir() and not e.name.startswith("."))
    except OSError:
        return []
    mods = _without_duplicate_ids([read_mod(folder / name) for name in names])
    scan_cache.flush()
    return mods


def read_mod(folder: Path) -> Mod:
    mod_file = folder / MOD_FILE
    try:
        info, problems = scan_cache.mod_info(mod_file)
    except ScenarioError as error:
        return Mod(folder, None, error.problems)
    inner = _names(folder / MOD_SCENARIOS)
    problems += _stray_files(folder, inner)
    scenarios = [folder / MOD_SCENARIOS / name for name in sorted(inner) if name.endswith(".yaml")]
    if len(scenarios) > MOST_SCENARIOS:
        message = f"the mod has {len(scenarios)} scenarios; only the first {MOST_SCENARIOS} are read"
        problems.append(Problem(str(mod_file), 1, 1, message, "warning", "mod.too_many_scenarios"))
        scenarios = scenarios[:MOST_SCENARIOS]
    if not scenarios:
        where = folder / MOD_SCENARIOS
        problems.append(Problem(str(mod_file), 1, 1, f"the mod has no scenarios: put .yaml files in {where}"))
    return Mod(folder, info, problems, [Entry(f"{info.id}/{p.stem}", p, folder, info) for p in scenarios])


def _without_duplicate_ids(mods: list[Mod]) -> list[Mod]:
    """Two folders of one mod id would give two scenarios one name: the first folder by name keeps
    the id, and the others are listed as broken, naming it, rather than silently shadowed."""
    first: dict[str, Mod] = {}
    for mod in mods:
        if mod.info is None:
            continue
        if mod.info.id not in first:
            first[mod.info.id] = mod
            continue
        mod.problems.append(
            Problem(
                str(mod.folder / MOD_FILE),
                *_line_of_id(mod.folder / MOD_FILE),
                f"the mod id '{mod.info.id}' is taken by {first[mod.info.id].folder}: "
                "give this mod another id in its mod.yaml",
                code="mod.duplicate_id",
            )
        )
        mod.entries = []
    return mods


def _line_of_id(mod_file: Path) -> tuple[int, int]:
    """Where a (valid, already read) mod.yaml gives its id."""
    try:
        _tree, locations = parse_yaml(mod_file.read_bytes(), str(mod_file))
    except (OSError, ScenarioError):  # changed since it was read: its start will do
        return 1, 1
    return locations.value_at(("id",))


def _names(folder: Path) -> list[str]:
    """The names in a folder (one listing: thousands of mods make globbing each a cost)."""
    try:
        return os.listdir(folder)
    except OSError:
        return []


def _stray_files(folder: Path, inner: list[str]) -> list[Problem]:
    """Files a modder likely meant as scenarios that the game does not read: say so, not silence."""
    top = _names(folder)
    stray = [folder / n for n in top if n.endswith((".yaml", ".yml")) and n != MOD_FILE]
    stray += [folder / MOD_SCENARIOS / n for n in inner if n.endswith(".yml")]
    return [
        Problem(
            str(path),
            1,
            1,
            f"not read: scenarios go in {folder / MOD_SCENARIOS} and end in .yaml",
            "warning",
            "mod.stray_file",
        )
        for path in sorted(stray)
    ]


def all_entries(mods: list[Mod]) -> list[Entry]:
    return shipped_entries() + [entry for mod in mods for entry in mod.entries]


def survey() -> tuple[list[Listing], list[Mod]]:
    """Every scenario loaded (or not, with why), and the mods with problems of their own.

    What a file gave before is taken again while it is unchanged (scan_cache.py), and a mod that
    takes longer than MOD_SECONDS to read has the rest of its scenarios listed as broken."""
    mods = user_mods()
    listings = [_listed(entry) for entry in shipped_entries()]
    for mod in mods:
        started = time.monotonic()
        for entry in mod.entries:
            if time.monotonic() - started > MOD_SECONDS:
                message = f"not read: reading its mod took longer than {MOD_SECONDS:g} s"
                slow = Problem(str(entry.path), 1, 1, message, code="mod.slow")
                listings.append(Listing(entry, None, [slow]))
            else:
                listings.append(_listed(entry))
    scan_cache.flush()
    return listings, [mod for mod in mods if mod.problems]


def _listed(entry: Entry) -> Listing:
    try:
        loaded = entry.load_cached()
        return Listing(entry, loaded, loaded.warnings)
    except ScenarioError as error:
        return Listing(entry, None, error.problems)


def find(path_or_key: str) -> Entry:
    """A scenario file, or the scenario of that key or meta.id; ScenarioError naming the known ones."""
    candidate = Path(path_or_key)
    if not candidate.is_file():  # a shipped scenario's key needs no look at the mods
        shipped = [entry for entry in shipped_entries() if entry.key == path_or_key]
        if shipped:
            return shipped[0]
    mods = user_mods()
    if candidate.is_file():
        return _entry_of_file(candidate, mods)
    entries = all_entries(mods)
    for entry in entries:
        if entry.key == path_or_key:
            return entry
    try:
        for entry in entries:
            with contextlib.suppress(ScenarioError):
                if entry.load_cached().scenario_id == path_or_key:
                    return entry
    finally:
        scan_cache.flush()
    if "/" in path_or_key:
        _refuse_broken_mod(path_or_key.split("/", 1)[0], mods)
    keys = [entry.key for entry in entries]
    close = difflib.get_close_matches(path_or_key, keys, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    listing = ", ".join(keys[:KEYS_NAMED]) if keys else "none"
    if len(keys) > KEYS_NAMED:
        listing += f" and {len(keys) - KEYS_NAMED} more (list-scenarios lists them all)"
    message = f"no such file or scenario{hint}; known scenarios: {listing}"
    raise ScenarioError([Problem(path_or_key, 1, 1, message, code="file.not_found")])


def _entry_of_file(path: Path, mods: list[Mod]) -> Entry:
    """A file named directly: inside a mod it may use the mod's images and mod.yaml, as in the list,
    and so may a file laid out as a mod's scenario (<mod>/scenarios/<file>.yaml) outside the mods
    folder, where modders may keep their work."""
    resolved = path.resolve()
    for mod in mods:
        for entry in mod.entries:
            if entry.path.resolve() == resolved:
                return entry
        if resolved.is_relative_to(mod.folder.resolve()):
            _refuse_broken_mod(mod.folder.name, mods)
    folder = resolved.parent.parent
    if resolved.parent.name == MOD_SCENARIOS and (folder / MOD_FILE).is_file():
        mod = read_mod(folder)
        if mod.info is None:
            raise ScenarioError(mod.problems)
        return Entry(str(path), path, folder, mod.info)
    return Entry(str(path), path, path.parent)


def _refuse_broken_mod(folder_name: str, mods: list[Mod]) -> None:
    """A scenario of a mod whose mod.yaml is broken cannot load: the card's problems say why."""
    for mod in mods:
        if mod.folder.name == folder_name and mod.info is None:
            raise ScenarioError(mod.problems)  # they name mod.yaml, at their lines


def painted_map(scenario: Scenario, key: str) -> ProvinceMap | None:
    """The province map of a saved game's scenario, while its file is still at hand and is the same
    scenario (by id); else None, and the map is grown from the capitals instead."""
    if scenario.meta.map.provinces is None:
        return None
    try:
        loaded = find_saved(key).load()
    except ScenarioError:
        return None
    return loaded.provinces if loaded.scenario.meta.id == scenario.meta.id else None


def find_saved(key: str) -> Entry:
    """The scenario a game names: by its key, or by the file name that older saves kept."""
    try:
        return find(key)
    except ScenarioError:
        if not key.endswith(".yaml"):
            raise
        return find(key.removesuffix(".yaml"))


def new_mod(
    name: str,
    folder: Path | None = None,
    *,
    title: str | None = None,
    title_pl: str | None = None,
    command: str = "bilateral",
) -> Path:
    """A new mod of one starter scenario, both named `name`; the scenario's path.

    Its title is `title` (by default made from the name) and `title_pl` in Polish (by default the
    English one); `command` is how the player runs the game, for the hints in its comments.
    Refuses a name that is not an id, and never overwrites: a mod of that name may hold work. The
    mod is written in a hidden folder beside it and renamed at the end, so a failure leaves nothing.
    """
    if not re.fullmatch(ID_PATTERN, name):
        raise ValueError(
            f"'{name}' cannot be a scenario id: use lower-case letters, digits and _, starting with a letter"
        )
    for text in (title, title_pl):
        if text is not None and not 1 <= len(text) <= MAX_TITLE:
            raise ValueError(f"'{text}' cannot be a title: give 1 to {MAX_TITLE} characters")
    mods = folder or paths.mods_dir()
    mod = mods / name
    if mod.exists():
        raise FileExistsError(f"{mod} already exists: choose another name, or edit the files there")
    title = title or name.replace("_", " ").title()
    fill = {
        "@ID@": name,
        "@TITLE@": _yaml_text(title),
        "@TITLE_PL@": _yaml_text(title_pl or title),
        "@KEY@": f"{name}/{name}",
        "@COMMAND@": command,
    }
    mods.mkdir(parents=True, exist_ok=True)
    draft = mods / f".{name}-{secrets.token_hex(4)}"  # mkdir, not mkdtemp: the folder's usual mode
    draft.mkdir()
    try:
        _write_starter(draft, name, fill)
        draft.rename(mod)
    except BaseException:
        shutil.rmtree(draft, ignore_errors=True)
        raise
    return mod / MOD_SCENARIOS / f"{name}.yaml"


def _write_starter(mod: Path, name: str, fill: dict[str, str]) -> None:
    """The card, the scenario and a copy of both schemas, which the files name by relative paths:
    the links hold wherever the mod folder goes."""
    (mod / MOD_SCENARIOS).mkdir()
    (mod / SCHEMAS).mkdir()
    for schema in ("scenario.schema.json", "mod.schema.json"):
        shutil.copyfile(TEMPLATES.parent / schema, mod / SCHEMAS / schema)
    scenario = mod / MOD_SCENARIOS / f"{name}.yaml"
    for template, target in (("mod.yaml", mod / MOD_FILE), ("scenario.yaml", scenario)):
        text = (TEMPLATES / template).read_text(encoding="utf-8")
        for mark, value in fill.items():
            text = text.replace(mark, value)
        target.write_text(text, encoding="utf-8")


def _yaml_text(text: str) -> str:
    """Text for a double-quoted YAML string (JSON's quoting is YAML's)."""
    return json.dumps(text, ensure_ascii=False)[1:-1]
