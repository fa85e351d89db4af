"""The package is the whole game: every code package and every data file the game reads is listed
in pyproject.toml, so the wheel and the sdist carry it, and the code finds its data through
game.data (importlib.resources), never beside the checkout.

.ci/check-wheel builds the wheel and runs it installed, from another folder; these tests keep the
configuration it builds from complete, and run in a second.
"""

from __future__ import annotations

import ast
import fnmatch
import tomllib
from pathlib import Path

import game
from game import data

ROOT = Path(__file__).resolve().parent.parent
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
NOT_GAME_DATA = {"assets/screenshots"}  # the README's pictures: the game never reads them


def _folder_of(package: str) -> Path:
    """Where a listed package lies in the repository, by pyproject's package-dir."""
    mapping: dict[str, str] = SETUPTOOLS.get("package-dir", {})
    parts = package.split(".")
    for end in range(len(parts), 0, -1):
        parent = ".".join(parts[:end])
        if parent in mapping:
            return ROOT / mapping[parent] / Path(*parts[end:])
    return ROOT / Path(*parts)


def _shipped(path: Path) -> bool:
    """Whether the build takes the file: a module of a listed package, or matched by its package-data."""
    packages: list[str] = SETUPTOOLS["packages"]
    for package in packages:
        folder = _folder_of(package)
        if path.parent != folder:
            continue
        patterns = SETUPTOOLS.get("package-data", {}).get(package, [])
        return path.suffix == ".py" or any(fnmatch.fnmatch(path.name, p) for p in patterns)
    return False


def test_every_code_package_is_listed() -> None:
    """A package added under game/ and not listed would be missing from the installed game."""
    code = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "game").rglob("__init__.py")}
    assert code - set(SETUPTOOLS["packages"]) == set()


def test_every_data_file_is_carried_into_the_package() -> None:
    folders = [ROOT / "assets", ROOT / "scenarios", ROOT / "docs", ROOT / "game" / "i18n" / "locale"]
    files = [
        path
        for folder in folders
        for path in folder.rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and not any(path.relative_to(ROOT).as_posix().startswith(skip) for skip in NOT_GAME_DATA)
    ]
    assert len(files) > 15  # fonts, schemas, templates, scenarios, the guide, the catalogue
    assert [str(p.relative_to(ROOT)) for p in files if not _shipped(p)] == []


def test_the_readme_pictures_stay_out_of_the_wheel() -> None:
    pictures = sorted((ROOT / "assets" / "screenshots").glob("*.png"))
    assert pictures and not any(_shipped(p) for p in pictures)


def test_the_data_is_found_through_the_package_in_a_checkout_too() -> None:
    """The editable install maps game.data.* onto the repository's folders: one way to the data."""
    assert data.scenarios_folder() == (ROOT / "scenarios").resolve()
    assert data.assets_folder() == (ROOT / "assets").resolve()
    assert data.modding_guide() == (ROOT / "docs" / "modding.md").resolve()


def test_no_code_looks_for_data_beside_the_package() -> None:
    """`Path(__file__).parent.parent / "assets"` works in a checkout and nowhere else."""
    found = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "__file__":
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def test_the_version_has_one_source() -> None:
    assert SETUPTOOLS["dynamic"]["version"] == {"attr": "game.__version__"}
    assert game.__version__.count(".") == 2
