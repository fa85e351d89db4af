"""Saves in the benchmark: a long game's file size, and the time to resume it beside the time to
start its scenario anew, in the process and as a whole program (Python and the game's modules
started, then the work).

The long game is meridia with its turn limit raised and its victories taken away, so that the
computers play every turn: the longest record and state a meridia save can hold.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from game.ai.standard import StandardAI
from game.catalogue import find
from game.saves import autosave, load_game, resume, save_game
from game.scenario.build import new_game
from game.scenario.loader import load_scenario_bytes
from game.session import Session

LONG_TURNS = 400
SCENARIO = "meridia"


def long_game(turns: int = LONG_TURNS) -> tuple[str, Session]:
    """The scenario's text and a session of `turns` turns played by the computers."""
    tree = yaml.safe_load(find(SCENARIO).path.read_text(encoding="utf-8"))
    tree["meta"]["turn_limit"] = turns
    tree["meta"].pop("victory", None)
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
    scenario = load_scenario_bytes(text.encode("utf-8"), f"{SCENARIO}.yaml").scenario
    state = new_game(scenario, 1)
    ai = StandardAI()
    session = Session(state, dict.fromkeys(state.order, ai))
    session.play_turns(turns - 1)
    return text, session


def save_figures(turns: int = LONG_TURNS, runs: int = 5) -> dict[str, Any]:
    text, session = long_game(turns)
    folder = Path(tempfile.mkdtemp(prefix="bilateral-bench-"))
    path = folder / "long.json"
    started = time.perf_counter()
    save_game(path, text, SCENARIO, session)
    save_ms = (time.perf_counter() - started) * 1000
    session.play_turns(1)
    started = time.perf_counter()
    autosave(folder / "auto", text, SCENARIO, session)  # after a turn: only the turn is new
    autosave_ms = (time.perf_counter() - started) * 1000

    def resumed() -> None:
        resume(load_game(path), {})

    def started_anew() -> None:
        Session(new_game(find(SCENARIO).load().scenario), {})

    # As whole programs: Python, the game's modules (those the command line imports), then the work.
    prefix = "import game.cli\n"
    resume_code = prefix + f"from game.saves import load_game, resume\nresume(load_game({str(path)!r}), {{}})"
    new_code = prefix + (
        "from game.catalogue import find\nfrom game.scenario.build import new_game\n"
        "from game.session import Session\n"
        f"Session(new_game(find({SCENARIO!r}).load().scenario), {{}})"
    )
    return {
        "turns": turns,
        "save_bytes": path.stat().st_size,
        "save_ms": round(save_ms, 1),
        "autosave_after_a_turn_ms": round(autosave_ms, 1),
        "resume_ms_median": _median_ms(resumed, runs),
        "new_game_ms_median": _median_ms(started_anew, runs),
        "resume_process_s_median": _median_s(lambda: _run([sys.executable, "-c", resume_code]), runs),
        "new_game_process_s_median": _median_s(lambda: _run([sys.executable, "-c", new_code]), runs),
    }


def _run(command: list[str]) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def _median_ms(work: Any, runs: int) -> float:
    return round(median_seconds(work, runs) * 1000, 1)


def _median_s(work: Any, runs: int) -> float:
    return round(median_seconds(work, runs), 3)


def median_seconds(work: Any, runs: int) -> float:
    """The median time of `runs` calls of `work`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
