"""Soak: many seeds on every shipped scenario, every kind of computer player, invariants each turn."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.ai.registry import make_ai
from game.cli import main
from game.scenario.build import new_game
from game.scenario.loader import load_scenario, shipped_scenarios
from game.session import Session
from tests.test_properties import check_invariants

SEEDS = (1, 2, 3, 4)
TURNS = 50  # per game: sized so the whole soak stays within a few seconds per scenario on CI


@pytest.mark.slow
@pytest.mark.parametrize("path", shipped_scenarios(), ids=lambda p: Path(p).stem)
def test_many_seeds_keep_the_state_sound(path: Path) -> None:
    scenario = load_scenario(path).scenario
    for seed in SEEDS:
        state = new_game(scenario, seed)
        kinds = ("hard", "normal", "easy", "random")  # a mixed table, dealt around the seats
        players = {name: make_ai(name) for name in kinds}
        session = Session(
            state, {r: players[kinds[i % len(kinds)]] for i, r in enumerate(state.order)}, strict=True
        )
        for _ in range(TURNS):
            if state.over:
                break
            session.play_turns(1)
            check_invariants(state)


def test_soak_command_reports_turns_games_and_memory(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["soak", "--scenario", "tutorial", "--turns", "60", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["turns"] == 60 and report["games"] >= 1
    assert report["broken_invariants"] == []
    assert report["peak_rss_mb"] > 0
