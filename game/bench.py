"""The benchmark: end-of-turn time with every region played by the computer (up to the largest world
a scenario may have), load time, the map scene's frame time (software rendering, off screen), a
long game's save size and resume time (bench_saves.py), memory, and the window in a real X server
(Xvfb): its start-up and the processor time it uses at rest (game/ui/window_bench.py).

Figures are medians over repeated runs; they are printed, never asserted by tests.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from game.ai.standard import StandardAI
from game.bench_saves import median_seconds, save_figures
from game.scenario.build import new_game
from game.scenario.generate import generate_scenario, scenario_to_yaml
from game.scenario.loader import LoadedScenario, load_scenario_bytes, shipped_scenarios
from game.scenario.schema import MAX_REGIONS, Scenario
from game.session import Session

LOAD_RUNS = 7
GENERATED_SIZES = (50, 200, MAX_REGIONS)  # the last: the largest world a scenario may have
WARM_UP_TURNS = 3  # the first turns fill the caches and differ from the game's steady state
SKILLED = ("hard", "expert")  # the levels that look ahead, timed on the medium scenario
SKILL_SCENARIO = "straits"


def run_bench(turns: int = 30, *, progress: bool = False) -> dict[str, Any]:
    texts: dict[str, tuple[bytes, Path | None]] = {}
    for path in shipped_scenarios():
        texts[path.stem] = (path.read_bytes(), path.parent)  # with its folder: painted maps are read
    for size in GENERATED_SIZES:
        texts[f"generated-{size}"] = (scenario_to_yaml(generate_scenario(size, seed=size)).encode(), None)
    end_turn: dict[str, float] = {}
    frame: dict[str, float] = {}
    panning: dict[str, float] = {}
    load: dict[str, float] = {}
    by_skill: dict[str, float] = {}  # end of turn on SKILL_SCENARIO with every region at a skill
    for label, (data, folder) in texts.items():
        if progress:
            print(f"\rbench {label:<20}", end="", file=sys.stderr, flush=True)

        def read(data: bytes = data, label: str = label, folder: Path | None = folder) -> LoadedScenario:
            return load_scenario_bytes(data, label, folder)

        load[label] = _median_ms(read, LOAD_RUNS)
        loaded = read()
        end_turn[label] = _end_turn_ms(loaded.scenario, turns)
        if label == SKILL_SCENARIO:
            for skill in SKILLED:
                by_skill[skill] = _end_turn_ms(loaded.scenario, turns, skill)
        frame[label], panning[label] = map_frame_ms(loaded)
    if progress:
        print(f"\rbench {'saves':<20}", end="", file=sys.stderr, flush=True)
    saves = save_figures()
    if progress:
        print(f"\rbench {'window (Xvfb)':<20}", end="", file=sys.stderr, flush=True)
    from game.ui.window_bench import window_figures  # runs the game in Xvfb, in processes of its own

    window = window_figures()
    if progress:
        print(file=sys.stderr)
    return {
        **window,
        "saves": saves,
        "end_turn_ms_median": end_turn,
        "end_turn_ms_median_by_skill": {"scenario": SKILL_SCENARIO, **by_skill},
        "load_ms_median": load,
        "map_frame_ms_median": frame,
        "map_pan_frame_ms_median": panning,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "turns": turns,
    }


def _median_ms(work: Any, runs: int) -> float:
    return round(median_seconds(work, runs) * 1000, 3)


def _end_turn_ms(scenario: Scenario, turns: int, skill: str = "normal") -> float:
    """Median time of a whole turn: every region's computer player, then the world phase."""
    state = new_game(scenario)
    ai = StandardAI(skill)
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


def map_frame_ms(loaded: LoadedScenario, size: tuple[int, int] = (1280, 720)) -> tuple[float, float]:
    """Median time of one frame of the map scene drawn off screen: at rest, and while panning
    (when the static layer is drawn anew each frame)."""
    import os

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.ui.app import App
    from game.ui.mapscene import MapScene

    scenario = loaded.scenario
    app = App(size, window=False)
    human = scenario.regions[0].id
    game = MapScene(app, scenario, [human], "normal", provinces=loaded.provinces)
    app.switch(game)
    game.settle()  # the player's turn, nothing over the map
    game.select(scenario.regions[-1].id)
    at_rest, moving = [], []
    for _frame in range(FRAMES):
        start = time.perf_counter()
        app.frame([], 1 / 60)
        at_rest.append(time.perf_counter() - start)
    for frame in range(FRAMES):
        game.map.pan(3 if frame % 40 < 20 else -3, 0)
        start = time.perf_counter()
        app.frame([], 1 / 60)
        moving.append(time.perf_counter() - start)
    return (
        round(statistics.median(at_rest[5:]) * 1000, 3),
        round(statistics.median(moving[5:]) * 1000, 3),
    )
