"""Check the dependency floors: install the lowest versions pyproject.toml allows for the game's own
dependencies into a throwaway venv, and run the tests against them. Run by hand, not by CI (it
downloads old releases and takes a few minutes); it needs Python 3.11 or newer for tomllib.

    python3 tools/check_floors.py                     the floors as declared, the fast tier
    python3 tools/check_floors.py --all               the floors, every test
    python3 tools/check_floors.py pydantic==2.10.6    another version of one of them (or several),
                                                      below its floor too: how the floors are found

The tools of the dev extra (pytest, hypothesis, babel) come in their newest versions: the floors
checked are the players', those pip would pick for an old environment.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = re.compile(r"^([A-Za-z0-9_.-]+)\s*>=\s*([0-9][0-9A-Za-z.]*)")


def declared() -> tuple[dict[str, str], list[str]]:
    """Each runtime dependency's lower bound (a dependency without one is an error here), and the
    dev extra's requirements."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    floors = {}
    for requirement in project["dependencies"]:
        match = FLOOR.match(requirement)
        if match is None:
            raise SystemExit(f"'{requirement}' has no >= floor to check")
        floors[match.group(1)] = match.group(2)
    return floors, project["optional-dependencies"]["dev"]


def main() -> int:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("pins", nargs="*", metavar="NAME==VERSION", help="versions to try, not the floors")
    parser.add_argument("--all", action="store_true", help="every test, not only the fast tier")
    parser.add_argument("--python", default=sys.executable, help="the Python of the venv (default: this one)")
    args = parser.parse_args()
    versions, dev_tools = declared()
    for pin in args.pins:
        name, _sep, version = pin.partition("==")
        if name not in versions or not version:
            raise SystemExit(f"'{pin}': give NAME==VERSION for one of {', '.join(versions)}")
        versions[name] = version
    with tempfile.TemporaryDirectory(prefix="bilateral-floors-") as work:
        venv = Path(work) / "venv"
        python = venv / "bin" / "python"
        constraints = Path(work) / "constraints.txt"
        constraints.write_text("".join(f"{n}=={v}\n" for n, v in versions.items()), encoding="utf-8")
        subprocess.run([args.python, "-m", "venv", str(venv)], check=True)
        pip = [str(python), "-m", "pip", "install", "--quiet"]
        # The game without its own requirements, so a version below a declared floor can be tried.
        subprocess.run([*pip, *(f"{n}=={v}" for n, v in versions.items())], check=True)
        subprocess.run([*pip, "--no-deps", "-e", "."], cwd=ROOT, check=True)
        subprocess.run([*pip, "-c", str(constraints), *dev_tools], check=True)
        installed = subprocess.run(
            [str(python), "-m", "pip", "list", "--format=freeze"], capture_output=True, text=True, check=True
        ).stdout
        wanted = {n.lower().replace("_", "-") for n in versions}
        print("testing with:", ", ".join(line for line in installed.split() if _name(line) in wanted))
        tier = [] if args.all else ["-m", "not slow"]
        tests = subprocess.run([str(python), "-m", "pytest", "-p", "no:cacheprovider", *tier], cwd=ROOT)
        print("the suite", "passes" if tests.returncode == 0 else "FAILS", "with these versions")
        return tests.returncode


def _name(freeze_line: str) -> str:
    return freeze_line.split("==")[0].lower().replace("_", "-")


if __name__ == "__main__":
    raise SystemExit(main())
