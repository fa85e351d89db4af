"""The command line: simulate, validate and bench, as a player or a script would call them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.core.news import COUNTED_KINDS


def test_simulate_json_reports_the_promised_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--scenario", "tutorial", "--turns", "15", "--seed", "4", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["scenario"] == "tutorial"
    assert report["seed"] == 4
    assert 1 <= report["turns_played"] <= 15
    assert set(report["events_by_kind"]) == set(COUNTED_KINDS)
    assert len(report["state_hash"]) == 64
    assert "winner" in report
    assert set(report["regions"]) >= {"greenvale", "amberport"}


def test_simulate_is_repeatable(capsys: pytest.CaptureFixture[str]) -> None:
    hashes = []
    for _ in range(2):
        main(["simulate", "--scenario", "tutorial", "--turns", "10", "--seed", "9", "--json"])
        hashes.append(json.loads(capsys.readouterr().out)["state_hash"])
    assert hashes[0] == hashes[1]


def test_simulate_prints_a_readable_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--scenario", "tutorial", "--turns", "10", "--seed", "2"]) == 0
    out = capsys.readouterr().out
    assert "Final standings" in out and "Key events" in out


def test_simulate_with_unknown_scenario_fails_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--scenario", "no_such_scenario", "--turns", "1"]) == 1
    assert "no_such_scenario" in capsys.readouterr().err


def test_validate_accepts_shipped_and_rejects_broken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped = sorted(Path("scenarios").glob("*.yaml"))
    assert main(["validate", *map(str, shipped)]) == 0
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nmeta: {id: Bad}\n", encoding="utf-8")
    assert main(["validate", str(shipped[0]), str(broken)]) == 1
    out = capsys.readouterr().out
    assert f"{broken}:2:" in out


def test_bench_json_has_every_label(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.ui import window_bench

    monkeypatch.setattr(window_bench, "SETTLE_SECONDS", 0.1)  # the window's figures, measured briefly
    monkeypatch.setattr(window_bench, "MEASURE_SECONDS", 0.5)
    assert main(["bench", "--json", "--turns", "2"]) == 0
    figures = json.loads(capsys.readouterr().out)
    labels = set(figures["end_turn_ms_median"])
    assert {"tutorial", "generated-50", "generated-200"} <= labels
    assert labels == set(figures["load_ms_median"]) == set(figures["map_frame_ms_median"])
    assert figures["peak_rss_mb"] > 0
    if "window_skipped" not in figures:  # Xvfb is there: the window was started and measured
        assert figures["start_up_ms"] > 0
        assert set(figures["idle_cpu_percent"]) == {"title", "map (meridia)"}


def test_shipped_json_schema_is_current(capsys: pytest.CaptureFixture[str]) -> None:
    """assets/scenario.schema.json, which the shipped scenarios name for editors, matches the code;
    regenerate it with `python -m game schema > assets/scenario.schema.json`."""
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed)["title"] == "Bilateral scenario"
    assert Path("assets/scenario.schema.json").read_text(encoding="utf-8") == printed


def test_shipped_mod_json_schema_is_current(capsys: pytest.CaptureFixture[str]) -> None:
    """assets/mod.schema.json, which new mods' mod.yaml names for editors, matches the code;
    regenerate it with `python -m game schema --mod > assets/mod.schema.json`."""
    assert main(["schema", "--mod"]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed)["title"] == "Bilateral mod card (mod.yaml)"
    assert Path("assets/mod.schema.json").read_text(encoding="utf-8") == printed
