"""The soak: many turns of computer play, game after game, with every invariant checked each turn
and the memory watched, so that a slow leak or a rare broken state shows up."""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.ai.registry import make_ai
from game.core.invariants import broken_invariants
from game.scenario.build import new_game
from game.scenario.schema import Scenario
from game.session import Session

MIXED_TABLE = ("hard", "normal", "easy", "random")


def resident_mb() -> float:
    """Memory in use now (Linux), else the peak so far."""
    statm = Path("/proc/self/statm")
    if statm.exists():
        pages = int(statm.read_text().split()[1])
        return pages * resource.getpagesize() / (1024 * 1024)
    return peak_mb()


def peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_soak(
    scenario: Scenario, turns: int, seed: int, *, progress: Callable[[int], None] | None = None
) -> dict[str, Any]:
    played = games = 0
    failures: list[str] = []
    started = time.perf_counter()
    memory_after_first_game: float | None = None
    players = {name: make_ai(name) for name in MIXED_TABLE}
    while played < turns and not failures:
        state = new_game(scenario, seed + games)
        seats = {r: players[MIXED_TABLE[i % len(MIXED_TABLE)]] for i, r in enumerate(state.order)}
        session = Session(state, seats, strict=True)
        while played < turns and not state.over:
            session.play_turns(1)
            played += 1
            failures = [f"game {games + 1}, turn {state.turn - 1}: {p}" for p in broken_invariants(state)]
            if failures:
                break
            if progress is not None and played % 100 == 0:
                progress(played)
        games += 1
        if memory_after_first_game is None:
            memory_after_first_game = resident_mb()
    return {
        "scenario": scenario.meta.id,
        "turns": played,
        "games": games,
        "seconds": round(time.perf_counter() - started, 1),
        "broken_invariants": failures[:20],
        "memory_after_first_game_mb": round(memory_after_first_game or 0.0, 1),
        "memory_at_end_mb": round(resident_mb(), 1),
        "peak_rss_mb": round(peak_mb(), 1),
    }
