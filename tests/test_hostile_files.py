"""Scenario, mod and settings files as a downloaded mod or an unlucky machine leaves them: each is a
located message or a default, never a hang, a crash or text that reaches the terminal raw."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.catalogue import new_mod, survey
from game.cli import main
from game.settings import Settings, load_settings, settings_file
from tests.test_scenario_validation import VALID, edit, line_of, problems_of

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BILATERAL_HOME", str(tmp_path))
    return tmp_path


def _mod_scenario(name: str = "hostile") -> Path:
    return new_mod(name)


# --- names and text -------------------------------------------------------------------------------------
@pytest.mark.parametrize("escape", ["\\e]0;pwned\\a", "\\x07", "\\0"])
def test_a_control_character_in_a_name_is_refused_at_its_line(escape: str) -> None:
    """ESC, BEL and NUL written as YAML escapes passed validation and cleared the terminal."""
    text = edit(VALID, "name: {en: Alba, pl: Alba}", f'name: {{en: "Alba{escape}", pl: Alba}}')
    (problem,) = problems_of(text)
    assert problem.code == "yaml.control_character"
    assert problem.line == line_of(text, "Alba")


def test_a_nul_in_the_province_map_path_is_a_problem_not_a_crash(home: Path) -> None:
    path = _mod_scenario()
    text = path.read_text(encoding="utf-8")
    text = text.replace("  map:", '  map:\n    provinces: "a\\0b.png"', 1)
    path.write_text(text, encoding="utf-8")
    listings, _mods = survey()  # every mod is surveyed for the New game screen
    (listing,) = [item for item in listings if item.entry.key == "hostile/hostile"]
    assert listing.status == "broken"
    assert any(p.code == "yaml.control_character" for p in listing.problems)


def test_terminal_output_never_carries_control_characters(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file name of a mod (which no validation reads) reaches the terminal escaped."""
    path = _mod_scenario()
    path.rename(path.with_name("evil\x1b]0;title\x07.yaml"))
    assert main(["list-scenarios"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "evil\\x1b]0;title\\x07" in out


# --- files that are not what they seem ----------------------------------------------------------------
def test_a_scenario_linked_from_outside_its_mod_is_refused_without_its_content(home: Path) -> None:
    """A scenario YAML may be a symlink out of its mod; its content was echoed in the error."""
    secret = home / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    path = _mod_scenario()
    path.unlink()
    path.symlink_to(secret)
    listings, _mods = survey()
    (listing,) = [item for item in listings if item.entry.key == "hostile/hostile"]
    assert listing.status == "broken"
    text = "\n".join(str(p) for p in listing.problems)
    assert "outside its mod's folder" in text and "root:x" not in text


def test_a_mod_card_linked_from_outside_is_refused(home: Path) -> None:
    secret = home / "card.yaml"
    path = _mod_scenario()
    card = path.parent.parent / "mod.yaml"
    secret.write_bytes(card.read_bytes())
    card.unlink()
    card.symlink_to(secret)
    _listings, mods = survey()
    assert [m.folder.name for m in mods] == ["hostile"] and mods[0].broken
    assert "outside its mod's folder" in str(mods[0].problems[0])


def test_a_fifo_as_a_mod_card_stops_no_command(home: Path) -> None:
    """It hung every command, even `simulate --scenario tutorial`."""
    path = _mod_scenario()
    card = path.parent.parent / "mod.yaml"
    card.unlink()
    os.mkfifo(card)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "game", "list-scenarios"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "BILATERAL_HOME": str(home)},
    )
    assert result.returncode == 0, result.stderr
    assert "not a regular file (a FIFO)" in result.stdout
    assert time.perf_counter() - started < 60


# --- what validation missed ---------------------------------------------------------------------------
def test_a_region_named_like_a_culture_is_an_error() -> None:
    """Affinities name either: a region id that is a culture id made them silently ambiguous."""
    text = edit(VALID, "  - id: cale", "  - id: north")
    text = text.replace("neighbours: [alba, cale]", "neighbours: [alba, north]").replace(
        "{attacker: cale", "{attacker: north"
    )
    text = text.replace("{by: cale", "{by: north").replace("towards: cale", "towards: north")
    (problem,) = problems_of(text)
    assert problem.code == "dup.region_culture"
    assert problem.line == line_of(text, "  - id: north", 2)


def test_a_region_given_twice_is_reported_as_such_and_not_as_odd_neighbours() -> None:
    """The duplicate used to come after a misleading 'does not list' neighbour error."""
    twice = VALID.replace(
        "organisations:",
        "  - id: alba\n    name: {en: A2, pl: A2}\n    culture: north\n    colour: '#101010'\n"
        "    position: [10, 10]\n    neighbours: []\n    economy: 1\n    treasury: 1\n    military: 1\n"
        "    personality: merchant\norganisations:",
    )
    problems = problems_of(twice)
    assert problems[0].code == "dup.region"
    assert not [p for p in problems if p.code == "map.asymmetric"]


# --- settings ---------------------------------------------------------------------------------------------
def test_a_huge_interface_size_in_the_settings_falls_back_to_the_default() -> None:
    """`"ui_scale": 1000...0` (400 digits) raised OverflowError: the window could not start."""
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text('{"language": "pl", "ui_scale": 1' + "0" * 400 + "}", encoding="utf-8")
    assert load_settings() == Settings(language="pl", ui_scale=1.0, fullscreen=False)


def test_settings_with_a_byte_order_mark_are_read() -> None:
    """An editor that writes a BOM reset the settings to their defaults."""
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps({"language": "pl", "ui_scale": 1.5, "fullscreen": True}).encode()
    settings_file().write_bytes(b"\xef\xbb\xbf" + data)
    assert load_settings() == Settings(language="pl", ui_scale=1.5, fullscreen=True)


def test_no_scenario_may_be_larger_than_the_world_the_benchmark_measures() -> None:
    """At the schema's old limit of 2000 regions a turn cost about 1.6 s; the limit is now what
    plays within a second (`python -m game bench` measures a turn of it)."""
    import yaml

    from game.scenario.generate import generate_scenario, scenario_to_yaml
    from game.scenario.loader import load_scenario_bytes
    from game.scenario.schema import MAX_REGIONS

    assert MAX_REGIONS <= 500
    largest = scenario_to_yaml(generate_scenario(MAX_REGIONS, seed=1))
    assert len(load_scenario_bytes(largest.encode(), "largest.yaml").scenario.regions) == MAX_REGIONS
    tree = yaml.safe_load(largest)
    copy = yaml.safe_load(yaml.safe_dump(tree["regions"][0]))  # no anchors: a copy of its own
    tree["regions"].append(copy | {"id": "one_more", "neighbours": []})
    problems = problems_of(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False))
    assert any(f"at most {MAX_REGIONS}" in p.message for p in problems)
