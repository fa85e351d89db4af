"""docs/modding.md, followed to the letter: its files are written as it says, its commands run and
print what it shows, and the scenario it builds validates and plays. Its field reference is the
one the schema gives today.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest

from game import paths
from game.cli import main
from game.scenario.loader import SCENARIOS_DIR
from game.scenario.reference import MODDING_GUIDE, reference_markdown, with_reference

BLOCK = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
MOD = "river_war"


@dataclass
class Step:
    kind: str  # yaml, diff, console, sh, text
    info: str
    body: str


def steps(document: str) -> list[Step]:
    return [Step(m.group(1), m.group(2).strip(), m.group(3)) for m in BLOCK.finditer(document)]


def target(step: Step) -> Path:
    match = re.search(r"file=(\S+)", step.info)
    assert match is not None, step.info
    return paths.mods_dir() / MOD / match.group(1)


def apply_diff(text: str, diff: str) -> str:
    """Context lines (a leading space) and `-` lines must occur once; `+` lines take their place."""
    lines = diff.splitlines()
    old = "\n".join(line[1:] for line in lines if line[:1] in (" ", "-")) + "\n"
    new = "\n".join(line[1:] for line in lines if line[:1] in (" ", "+")) + "\n"
    assert text.count(old) == 1, f"the guide's change does not fit the file once:\n{old}"
    return text.replace(old, new)


def commands(body: str) -> list[tuple[list[str], str]]:
    """Each `$ bilateral ...` line with the output printed below it."""
    result: list[tuple[list[str], str]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            words = shlex.split(line[2:])
            assert words[0] == "bilateral", line
            result.append((words[1:], ""))
        else:
            argv, shown = result[-1]
            result[-1] = (argv, shown + line + "\n")
    return result


def follow(document: str, capsys: pytest.CaptureFixture[str]) -> None:
    for step in steps(document):
        if step.kind == "yaml" and "file=" in step.info:
            path = target(step)
            assert "append" in step.info, step.info
            path.write_text(path.read_text(encoding="utf-8") + step.body, encoding="utf-8")
        elif step.kind == "diff":
            path = target(step)
            path.write_text(apply_diff(path.read_text(encoding="utf-8"), step.body), encoding="utf-8")
        elif step.kind == "console":
            for argv, shown in commands(step.body):
                capsys.readouterr()
                main(argv)
                out = capsys.readouterr().out.replace(str(paths.mods_dir()), "<mods>")
                out = out.replace(str(SCENARIOS_DIR), "<shipped>")
                assert out == shown, f"`{' '.join(argv)}` printed:\n{out}\nbut the guide shows:\n{shown}"
        elif step.kind == "sh":
            for line in step.body.splitlines():
                words = shlex.split(line)
                assert words[0] == "bilateral", line
                assert main(words[1:]) == 0, line


def test_the_guide_followed_to_the_letter_gives_a_scenario_that_validates_and_plays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BILATERAL_HOME", str(tmp_path))
    follow(MODDING_GUIDE.read_text(encoding="utf-8"), capsys)
    assert main(["validate", f"{MOD}/{MOD}"]) == 0
    assert main(["simulate", "--scenario", f"{MOD}/{MOD}", "--turns", "100", "--json"]) == 0


def test_the_reference_in_the_guide_is_the_one_the_schema_gives() -> None:
    document = MODDING_GUIDE.read_text(encoding="utf-8")
    assert with_reference(document) == document, "stale reference: run `python -m game docs`"


def test_every_field_in_the_reference_says_what_it_means() -> None:
    rows = [line for line in reference_markdown().splitlines() if line.startswith("| `")]
    assert len(rows) > 100
    blank = [row for row in rows if row.rstrip().endswith("|  |")]
    assert blank == []


def test_the_readme_links_the_guide() -> None:
    assert "docs/modding.md" in (MODDING_GUIDE.parent.parent / "README.md").read_text(encoding="utf-8")
