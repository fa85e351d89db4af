"""docs/research.md, followed as written: its example runs as it is and prints the standings in the
form shown, the game it saves replays to the hash it printed, and its layouts name every column
and every kind of action the environment has."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.research.actions import TARGETED

pytest.importorskip(
    "pettingzoo", reason="the research extra is not installed: pip install -e '.[research]' to run these"
)

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "research.md"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
TEXT = GUIDE.read_text(encoding="utf-8")
BLOCKS = [(m.group(1), m.group(2)) for m in BLOCK.finditer(TEXT)]
ROW = re.compile(r"^ +(\d+) (\w+) +(\w+) +(-?\d+)$")


def _block(kind: str) -> str:
    found = [body for k, body in BLOCKS if k == kind]
    assert len(found) == 1, f"the guide should hold one {kind} block"
    return found[0]


def test_the_example_runs_as_written_and_its_game_replays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "example.py").write_text(_block("python"), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "example.py"], cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False
    )
    assert run.returncode == 0, run.stderr
    printed, shown = run.stdout.splitlines(), _block("text").splitlines()
    assert len(printed) == len(shown) and printed[0] == shown[0]
    rows = [ROW.match(line) for line in printed[1:-1]]
    assert all(rows), printed
    assert [int(r.group(1)) for r in rows if r] == list(range(1, 7))
    seats = {r.group(2): r.group(3) for r in rows if r}
    assert seats == {r.group(2): r.group(3) for r in map(ROW.match, shown[1:-1]) if r}  # the same seats
    digest = printed[-1].removeprefix("state hash ")
    assert re.fullmatch(r"[0-9a-f]{64}", digest)

    console = _block("console").splitlines()
    assert console[0] == "$ bilateral replay game.json --json"
    monkeypatch.chdir(tmp_path)
    assert main(["replay", "game.json", "--json"]) == 0
    replayed = json.loads(capsys.readouterr().out)
    assert replayed == json.loads(console[1]) | {"state_hash": digest}


def test_the_layouts_name_every_column_and_every_action() -> None:
    from game.research.observe import BALLOT, ME, ORGANISATION, PROPOSAL, REGION

    for columns in (ME, REGION, ORGANISATION, PROPOSAL, BALLOT):
        for name, _bounds in columns:
            assert f"`{name}`" in TEXT, name
    for kind, terms, _shares in TARGETED:
        assert f"`{kind}`" in TEXT, kind
        for term in terms:
            assert term is None or f"`{term}`" in TEXT, term
