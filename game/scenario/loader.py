"""Load a scenario from a file or bytes. With provinces.py, the only part of game/scenario reading files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game import data
from game.files import FileRefused, inside, read_capped
from game.scenario.errors import Problem, ScenarioError, sort_problems
from game.scenario.provinces import ProvinceMap, paint
from game.scenario.schema import ModInfo, Scenario, Text
from game.scenario.validate import validate, validate_mod
from game.scenario.yamlsafe import parse_yaml

MAX_BYTES = 4_000_000
SCENARIOS_DIR = data.scenarios_folder()


@dataclass(frozen=True)
class LoadedScenario:
    """A valid scenario, where it came from, and the warnings a modder may still want to fix.

    `provinces` is what its painted province map says, when it has one and the image was at hand.
    """

    scenario: Scenario
    path: str
    warnings: list[Problem]
    provinces: ProvinceMap | None = None

    # What a list of scenarios shows: a list may know them without the whole scenario (scan_cache.py).
    @property
    def scenario_id(self) -> str:
        return self.scenario.meta.id

    @property
    def name(self) -> Text:
        return self.scenario.meta.name

    @property
    def region_count(self) -> int:
        return len(self.scenario.regions)


def load_scenario_bytes(
    data: bytes,
    filename: str,
    folder: Path | None = None,
    root: Path | None = None,
    mod: ModInfo | None = None,
    file_id: str | None = None,
) -> LoadedScenario:
    """Parse and validate; raise ScenarioError with every problem (errors and warnings, in file order).

    With `folder` (where the file lies) the province map is read too, and may not leave `root`
    (the mod's folder; `folder` itself when not given). Without it the image is left alone: the
    rules do not need it, and a save's embedded scenario has no folder.
    """
    tree, locations = parse_yaml(data, filename, max_bytes=MAX_BYTES)
    scenario, problems = validate(tree, locations, filename, mod, file_id)
    provinces = None
    if scenario is not None and folder is not None:
        painted = paint(scenario, locations, filename, folder, root or folder)
        scenario, provinces = painted.scenario, painted.provinces
        problems = sort_problems([*problems, *painted.problems])
    if scenario is None or any(p.is_error for p in problems):
        raise ScenarioError(sort_problems(problems))
    return LoadedScenario(scenario, filename, [p for p in problems if not p.is_error], provinces)


def load_scenario(path: str | Path, root: Path | None = None, mod: ModInfo | None = None) -> LoadedScenario:
    """A scenario file; `root` is the folder its images may not leave, `mod` the mod.yaml it may use."""
    name, path = str(path), Path(path)
    if mod is not None and root is not None and not inside(path, root):
        raise _file_error(name, "leads outside its mod's folder (through a link)", "file.outside_mod")
    return load_scenario_bytes(_read_capped(path, name), name, path.parent, root, mod, path.stem)


def load_mod_info(path: Path) -> tuple[ModInfo, list[Problem]]:
    """A mod.yaml and its warnings, through the same hardened reader as scenarios; ScenarioError
    with every problem when it has errors."""
    name = str(path)
    if path.exists() and not inside(path, path.parent):
        raise _file_error(name, "leads outside its mod's folder (through a link)", "file.outside_mod")
    tree, locations = parse_yaml(_read_capped(path, name), name, max_bytes=MAX_BYTES)
    mod, problems = validate_mod(tree, locations, name)
    if mod is None:
        raise ScenarioError(sort_problems(problems))
    return mod, problems


def _read_capped(path: Path, name: str) -> bytes:
    """A regular file (never a FIFO or a device, which would block or never end), refused by its
    size before it is read, and read to at most one byte past the cap."""
    try:
        return read_capped(path, MAX_BYTES)
    except FileNotFoundError:
        raise _file_error(name, "no such file", "file.not_found") from None
    except IsADirectoryError:
        raise _file_error(name, "is a directory, not a scenario file", "file.unreadable") from None
    except FileRefused as error:
        code = "yaml.too_large" if "too large" in error.reason else "file.unreadable"
        raise _file_error(name, f"the file {error.reason}", code) from None
    except OSError as error:
        message = f"cannot read the file: {error.strerror or error}"
        raise _file_error(name, message, "file.unreadable") from None


def _file_error(name: str, message: str, code: str) -> ScenarioError:
    return ScenarioError([Problem(name, 1, 1, message, code=code)])


def shipped_scenarios() -> list[Path]:
    """The scenario files that come with the game, sorted by path."""
    return sorted(SCENARIOS_DIR.glob("*.yaml"))
