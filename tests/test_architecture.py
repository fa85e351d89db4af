"""The house rules of the code: the rules know nothing of the window or the disk."""

from __future__ import annotations

import ast
from pathlib import Path

import game

CORE = Path(game.__file__).parent / "core"
FORBIDDEN_IMPORTS = {
    "pygame",
    "pygame_gui",
    "os",
    "io",
    "pathlib",
    "shutil",
    "tempfile",
    "yaml",
    "random",
    "game.ui",
    "game.scenario",
    "game.session",
    "game.cli",
}
FORBIDDEN_CALLS = {"open", "print", "input", "exec", "eval"}


def _modules() -> list[Path]:
    return sorted(CORE.glob("*.py"))


def test_core_imports_no_pygame_and_does_no_io() -> None:
    """game/core imports neither pygame nor any file, OS or YAML module, and calls no open/print."""
    problems = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if any(name == f or name.startswith(f + ".") for f in FORBIDDEN_IMPORTS):
                    problems.append(f"{path.name}:{node.lineno} imports {name}")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in FORBIDDEN_CALLS
            ):
                problems.append(f"{path.name}:{node.lineno} calls {node.func.id}()")
    assert problems == []


def test_core_modules_are_found() -> None:
    """The check above really looks at the rules (it would pass vacuously on an empty folder)."""
    names = {p.stem for p in _modules()}
    assert {"engine", "rules", "model", "world"} <= names


def test_computer_players_read_only_their_view() -> None:
    """game/ai never reaches past the View into the state: it knows what its region knows."""
    problems = []
    for path in sorted((CORE.parent / "ai").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "state":
                problems.append(f"{path.name}:{node.lineno} reads .state")
            if isinstance(node, ast.ImportFrom) and node.module in {
                "game.core.engine",
                "game.core.diplomacy",
            }:
                problems.append(f"{path.name}:{node.lineno} imports {node.module}")
    assert problems == []
