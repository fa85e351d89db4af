"""Every shipped scenario loads cleanly and plays to its end with computer players."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from game.ai.standard import StandardAI
from game.catalogue import find
from game.core.news import COUNTED_KINDS
from game.scenario.build import new_game
from game.scenario.loader import load_scenario, shipped_scenarios
from game.session import Session

SHIPPED = shipped_scenarios()


def test_three_scenarios_of_the_promised_sizes_are_shipped() -> None:
    """A tutorial of 5-6 regions, a medium one of 12-16, and a large one of 40 or more."""
    sizes = sorted(len(load_scenario(p).scenario.regions) for p in SHIPPED)
    assert len(sizes) >= 3
    assert 5 <= sizes[0] <= 6
    assert any(12 <= s <= 16 for s in sizes)
    assert sizes[-1] >= 40


def test_the_default_scenario_is_shipped() -> None:
    assert find("tutorial").path.name == "tutorial.yaml"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: Path(p).stem)
def test_shipped_scenario_is_valid_without_warnings(path: Path) -> None:
    loaded = load_scenario(path)
    assert loaded.warnings == []
    assert loaded.scenario.meta.id == path.stem
    for region in loaded.scenario.regions:
        assert region.name.en and region.name.pl


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, marks=pytest.mark.slow) if p.stem == "meridia" else p for p in SHIPPED],
    ids=lambda p: Path(p).stem,
)
def test_shipped_scenario_plays_to_the_end(path: Path) -> None:
    """Computer players finish the game: a winner, or the turn limit."""
    state = new_game(load_scenario(path).scenario, seed=11)
    ai = StandardAI()
    Session(state, {r: ai for r in state.order}, strict=True).play_turns(state.turn_limit + 1)
    assert state.winner is not None
    assert state.over


@pytest.mark.slow
def test_every_counted_event_happens_across_games() -> None:
    """Across 200-turn games on the shipped scenarios with a few seeds, every mechanic is used,
    wars end, and every game ends with a winner."""
    counts: Counter[str] = Counter()
    for path in SHIPPED:
        scenario = load_scenario(path).scenario
        for seed in (1, 2, 3):
            state = new_game(scenario, seed)
            ai = StandardAI()
            Session(state, {r: ai for r in state.order}, strict=True).play_turns(200)
            counts.update(e.kind for e in state.events)
            assert state.winner is not None
            peace_or_gone = counts["peace_signed"] + counts["region_annexed"]
            assert counts["war_declared"] == 0 or peace_or_gone > 0
    missing = [kind for kind in COUNTED_KINDS if counts[kind] == 0]
    assert missing == []
