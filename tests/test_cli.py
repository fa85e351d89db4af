"""The command line: simulate, validate and bench, as a player or a script would call them."""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

import pytest

import game
from game import cli, logs, paths
from game.cli import main
from game.core.news import COUNTED_KINDS
from game.scenario.reference import MODDING_GUIDE


def test_simulate_json_reports_the_promised_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--scenario", "tutorial", "--turns", "15", "--seed", "4", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["scenario"] == "tutorial"
    assert report["seed"] == 4
    assert 1 <= report["turns_played"] <= 15
    assert set(report["events_by_kind"]) == set(COUNTED_KINDS)
    assert set(report["deals"]) == {"proposed", "accepted", "counter_offers", "counter_offers_accepted"}
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


@pytest.mark.slow
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
    skilled = figures["end_turn_ms_median_by_skill"]  # the levels that look ahead, timed apart
    assert skilled["scenario"] == "straits" and skilled["hard"] > 0 and skilled["expert"] > 0
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


# ---------------------------------------------------------------- the conventions of a command line


def _arguments(parser: argparse.ArgumentParser, name: str = "bilateral") -> list[tuple[str, argparse.Action]]:
    """Every argument of every command, with the command it belongs to."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command, subparser in action.choices.items():
                found += _arguments(subparser, command)
        elif not isinstance(action, (argparse._HelpAction, argparse._VersionAction)):
            found.append((name, action))
    return found


def test_every_argument_of_every_command_has_help() -> None:
    arguments = _arguments(cli._parser("bilateral"))
    assert len(arguments) > 40
    assert [f"{command} {action.dest}" for command, action in arguments if not action.help] == []


def test_the_bare_command_opens_the_game() -> None:
    """`bilateral` alone plays, as `bilateral play` does: it is a game."""
    bare, play = cli._parser("bilateral").parse_args([]), cli._parser("bilateral").parse_args(["play"])
    assert bare.run is play.run is cli._play
    assert bare.scenario == play.scenario == cli.DEFAULT_SCENARIO


def test_the_version_is_the_packages(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as leaving:
        main(["--version"])
    assert leaving.value.code == 0
    assert capsys.readouterr().out == f"bilateral {game.__version__}\n"


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        (["simulate", "--turns", "-5"], "--turns: must be at least 1, not -5"),
        (["simulate", "--turns", "0"], "--turns: must be at least 1, not 0"),
        (["simulate", "--seed", "-1"], "--seed: must be from 0 to"),
        (["tournament", "--games", "-2"], "--games: must be at least 1, not -2"),
        (["tournament", "--turns", "-1"], "--turns: must be at least 1"),
        (["soak", "--turns", "-10"], "--turns: must be at least 1"),
        (["bench", "--turns", "ten"], "--turns: 'ten' is not a whole number"),
        (["screenshot", "--out", "x.png", "--size", "0x720"], "--size: '0x720' is not a size"),
    ],
)
def test_counts_below_one_and_other_bad_numbers_are_refused(
    argv: list[str], complaint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as leaving:
        main(argv)
    assert leaving.value.code == 2
    assert complaint in capsys.readouterr().err


@pytest.mark.parametrize("prog", ["bilateral", "python -m game"])
def test_the_hints_name_the_command_the_player_ran(
    prog: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BILATERAL_HOME", str(tmp_path))
    assert main(["new-scenario", "hint_check"], prog=prog) == 0
    out = capsys.readouterr().out
    assert f"Check it with:  {prog} validate hint_check/hint_check\n" in out
    assert f"The guide to every field: {prog} guide\n" in out
    starter = (paths.mods_dir() / "hint_check" / "scenarios" / "hint_check.yaml").read_text(encoding="utf-8")
    assert f"#   {prog} validate hint_check/hint_check\n" in starter
    other = "python -m game" if prog == "bilateral" else "bilateral "
    assert other not in out + starter and "make play" not in out + starter


def test_the_guide_is_printed_wherever_the_game_is(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guide"]) == 0
    assert capsys.readouterr().out == MODDING_GUIDE.read_text(encoding="utf-8")


def _failing_save(tmp_path: Path) -> str:
    """A save path that cannot be written: its folder would have to be made inside a file."""
    blocker = tmp_path / "a_file"
    blocker.write_text("", encoding="utf-8")
    return str(blocker / "game.json")


def test_quiet_shows_only_errors_and_verbose_shows_what_the_game_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["simulate", "--turns", "1", "--json", "--save", _failing_save(tmp_path)]
    assert main(argv) == 0
    assert capsys.readouterr().err.startswith("warning: ")
    assert main(["-q", *argv]) == 0
    assert capsys.readouterr().err == ""
    assert main([*argv, "-q"]) == 0  # after the command too
    assert capsys.readouterr().err == ""
    assert main(["validate", "tutorial", "-v"]) == 0
    assert f"info: bilateral {game.__version__}: validate tutorial -v" in capsys.readouterr().err


def test_every_command_is_logged_to_a_file_in_the_log_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-q", "validate", "no_such_scenario"]) == 1
    assert logs.log_file().parent == paths.logs_dir()
    text = logs.log_file().read_text(encoding="utf-8")
    assert f"INFO game.cli: bilateral {game.__version__}: -q validate no_such_scenario" in text


def test_the_log_file_rotates_instead_of_growing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BILATERAL_HOME", str(tmp_path))
    monkeypatch.setattr(logs, "LOG_BYTES", 2000)
    logs.configure(-1)
    try:
        for n in range(500):
            logging.getLogger("game.test").info("line %d of a long session", n)
    finally:
        logs.reset()
    files = sorted(p.name for p in paths.logs_dir().iterdir())
    assert files == ["bilateral.log", *(f"bilateral.log.{n}" for n in range(1, logs.BACKUPS + 1))]
    assert all((paths.logs_dir() / name).stat().st_size <= 2000 for name in files)
    assert "line 499 of" in logs.log_file().read_text(encoding="utf-8")
