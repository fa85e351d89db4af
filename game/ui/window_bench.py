"""The window measured as a player meets it, in a real X server (Xvfb): the start-up (from launching
Python to the first picture on screen, through the same imports as `python -m game play`) and the
processor time used at rest on the title screen and on a large map with nothing happening.

The parent (run by `python -m game bench`) starts Xvfb and a child process for each screen; the
child opens the window and says when it shows its first picture, then runs the window's own loop
until it is stopped. Processor time is read from /proc for the child and for the X server.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ui.app import App

SCREEN = "1280x800x24"
SETTLE_SECONDS = 2.0  # after the first picture: the window's busy half second and any start-up work
MEASURE_SECONDS = 10.0
READY = "ready"
MAP_SCENARIO = "meridia"


@dataclass(frozen=True, slots=True)
class AtRest:
    window_percent: float  # of one core, the game's process
    x_server_percent: float  # of one core, the X server drawing what the game shows
    start_up_ms: float  # launch to the first picture on screen


def window_figures() -> dict[str, object]:
    """The figures, or the reason they could not be taken (no Xvfb, no /proc)."""
    if not Path("/proc/self/stat").exists():
        return {"window_skipped": "needs /proc to read processor time"}
    try:
        with _x_server() as display:
            title = _measure(display, "title")
            board = _measure(display, "map")
    except (OSError, RuntimeError, subprocess.SubprocessError) as error:
        return {"window_skipped": f"needs Xvfb ({error})"}
    return {
        "start_up_ms": round(title.start_up_ms),
        "idle_cpu_percent": {"title": title.window_percent, f"map ({MAP_SCENARIO})": board.window_percent},
        "idle_x_server_cpu_percent": {
            "title": title.x_server_percent,
            f"map ({MAP_SCENARIO})": board.x_server_percent,
        },
    }


class _x_server:
    """An Xvfb of its own on a free display number, stopped afterwards."""

    def __enter__(self) -> str:
        number = next(n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
        self.display = f":{number}"
        self.process = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", SCREEN, "-nolisten", "tcp"], stderr=subprocess.DEVNULL
        )
        for _wait in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return self.display
            if self.process.poll() is not None:
                raise RuntimeError("Xvfb stopped at once")
            time.sleep(0.05)
        raise RuntimeError("Xvfb did not start")

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    @property
    def pid(self) -> int:
        return self.process.pid


def _measure(display: str, screen: str) -> AtRest:
    env = {**os.environ, "DISPLAY": display, "BILATERAL_HOME": tempfile.mkdtemp(prefix="bilateral-bench-")}
    env.pop("SDL_VIDEODRIVER", None)
    code = f"from game.ui.window_bench import child; child({screen!r})"
    started = time.perf_counter()
    game = subprocess.Popen(
        [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        line = game.stdout.readline() if game.stdout is not None else ""
        if line.strip() != READY:
            raise RuntimeError(f"the window did not open ({screen})")
        start_up = (time.perf_counter() - started) * 1000
        time.sleep(SETTLE_SECONDS)
        x_server = _x_server_pid(display)
        before = (_cpu_seconds(game.pid), _cpu_seconds(x_server), time.perf_counter())
        time.sleep(MEASURE_SECONDS)
        after = (_cpu_seconds(game.pid), _cpu_seconds(x_server), time.perf_counter())
    finally:
        game.terminate()
        game.wait(timeout=10)
    wall = after[2] - before[2]
    return AtRest(
        round(100 * (after[0] - before[0]) / wall, 1), round(100 * (after[1] - before[1]) / wall, 1), start_up
    )


def _x_server_pid(display: str) -> int:
    """The Xvfb serving `display` (the newest such process)."""
    for pid in sorted((int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()), reverse=True):
        try:
            command = (Path("/proc") / str(pid) / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if command and command[0].endswith(b"Xvfb") and display.encode() in command:
            return pid
    raise RuntimeError("no Xvfb process found")


def _cpu_seconds(pid: int) -> float:
    """User and system time of a process, from /proc/<pid>/stat."""
    fields = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def child(screen: str) -> None:
    """In the measured process: the game's own start, then its loop on `screen` until stopped."""
    from game import cli  # noqa: F401  the imports of `python -m game play`, paid as a player pays them
    from game.i18n import set_language, system_language
    from game.ui.app import App

    set_language(system_language())
    app = App()
    if screen == "map":
        _open_map(app)
    import pygame

    app.frame([], 1 / 60)
    pygame.display.flip()
    print(READY, flush=True)
    app.run()


def _open_map(app: App) -> None:
    """A game of the large scenario at the start of the player's turn, nothing over the map."""
    from game.catalogue import find
    from game.ui.mapscene import MapScene

    loaded = find(MAP_SCENARIO).load()
    scenario = loaded.scenario
    human = (scenario.meta.playable or [r.id for r in scenario.regions])[0]
    game = MapScene(app, scenario, [human], "normal", seed=scenario.meta.seed, provinces=loaded.provinces)
    app.switch(game)
    game.settle()
    if game.hints is not None:
        game.hints.stop()
    game.build()
