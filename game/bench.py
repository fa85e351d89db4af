"""The benchmark: end-of-turn time with every region played by the computer, load time, the map
scene's frame time (software rendering, off screen), memory.

Figures are medians over repeated runs; they are printed, never asserted by tests.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from typing import Any

from game.ai.standard import StandardAI
from game.scenario.build import new_game
from game.scenario.generate import generate_scenario, scenario_to_yaml
from game.scenario.loader import load_scenario_bytes, shipped_scenarios
from game.scenario.schema import Scenario
from game.session import Session

LOAD_RUNS = 7
GENERATED_SIZES = (50, 200)
WARM_UP_TURNS = 3  # the first turns fill the caches and differ from the game's steady state


def run_bench(turns: int = 30, *, progress: bool = False) -> dict[str, Any]:
    texts: dict[str, bytes] = {}
    for path in shipped_scenarios():
        texts[path.stem] = path.read_bytes()
    for size in GENERATED_SIZES:
        texts[f"generated-{size}"] = scenario_to_yaml(generate_scenario(size, seed=size)).encode()
    end_turn: dict[str, float] = {}
    frame: dict[str, float] = {}
    load: dict[str, float] = {}
    for label, data in texts.items():
        if progress:
            print(f"\rbench {label:<20}", end="", file=sys.stderr, flush=True)
        load[label] = _median_ms(lambda data=data, label=label: load_scenario_bytes(data, label), LOAD_RUNS)
        scenario = load_scenario_bytes(data, label).scenario
        end_turn[label] = _end_turn_ms(scenario, turns)
        frame[label] = map_frame_ms(scenario)
    if progress:
        print(file=sys.stderr)
    return {
        "end_turn_ms_median": end_turn,
        "load_ms_median": load,
        "map_frame_ms_median": frame,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "turns": turns,
    }


def _median_ms(work: Any, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 3)


def _end_turn_ms(scenario: Scenario, turns: int) -> float:
    """Median time of a whole turn: every region's computer player, then the world phase."""
    state = new_game(scenario)
    ai = StandardAI()
    session = Session(state, {r: ai for r in state.order})
    session.play_turns(WARM_UP_TURNS)
    times = []
    for _ in range(turns):
        if state.over:
            break
        start = time.perf_counter()
        session.play_turns(1)
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 3) if times else 0.0


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


FRAMES = 90


def map_frame_ms(scenario: Scenario, size: tuple[int, int] = (1280, 720)) -> float:
    """Median time of one frame of the map scene, drawn off screen, with the map at rest."""
    import os

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.ui.app import App
    from game.ui.mapscene import MapScene

    app = App(size, window=False)
    human = scenario.regions[0].id
    game = MapScene(app, scenario, [human], "normal")
    app.switch(game)
    game.session.run_computers()
    game.selected = scenario.regions[-1].id
    game.build()
    times = []
    for _ in range(FRAMES):
        start = time.perf_counter()
        app.frame([], 1 / 60)
        times.append(time.perf_counter() - start)
    return round(statistics.median(times[5:]) * 1000, 3)
