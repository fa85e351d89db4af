"""A real window under Xvfb, clicked and typed at with xdotool (where CI could install them)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

TOOLS = ("Xvfb", "xdotool", "import")
pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in TOOLS), reason="needs Xvfb, xdotool and ImageMagick's import"
)
GUARD = 120.0  # seconds: against a hang only


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """An X server on a free display, once it is ready: -displayfd makes Xvfb choose a display no
    one else uses and print it only when it accepts clients, however slow the machine is today."""
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert server.stdout is not None
    number = server.stdout.readline().decode().strip()  # blocks until ready; empty if it died
    assert number.isdigit(), "Xvfb did not start"
    return server, f":{number}"


def _screen(env: dict[str, str], folder: Path, name: str) -> str:
    out = folder / f"{name}.png"
    subprocess.run(["import", "-window", "root", str(out)], env=env, check=True, timeout=20)
    return hashlib.sha256(out.read_bytes()).hexdigest()


def _settled(env: dict[str, str], folder: Path, name: str, unlike: str = "") -> str:
    """The screen once it has stopped changing (and differs from `unlike`, if it ever does): the
    game draws at its own pace on a busy machine. GUARD only stops a hang."""
    guard = time.monotonic() + GUARD
    previous = _screen(env, folder, name)
    while time.monotonic() < guard:
        time.sleep(0.2)
        current = _screen(env, folder, name)
        if current == previous and current != unlike:
            return current
        previous = current
    return previous


def test_a_real_window_opens_and_answers_clicks_and_keys(tmp_path: Path) -> None:
    server, display = _start_xvfb()
    env = {**os.environ, "DISPLAY": display, "BILATERAL_HOME": str(tmp_path)}
    env.pop("SDL_VIDEODRIVER", None)
    env.pop("SDL_AUDIODRIVER", None)
    game = None
    try:
        game = subprocess.Popen(
            [sys.executable, "-m", "game", "play"],
            env=env,
            cwd=Path(__file__).resolve().parent.parent,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--class", "bilateral"],
            env=env,
            capture_output=True,
            timeout=GUARD,
        )
        assert found.returncode == 0, "the window never appeared"
        window = found.stdout.split()[0].decode()
        title = _settled(env, tmp_path, "title")
        # "New game" sits in the middle of the title screen
        click = ["xdotool", "mousemove", "--window", window, "640", "342", "click", "1"]
        subprocess.run(click, env=env, check=True)
        chooser = _settled(env, tmp_path, "new-game", unlike=title)
        assert chooser != title, "clicking New game changed nothing"
        subprocess.run(["xdotool", "key", "--window", window, "Escape"], env=env, check=True)
        assert game.poll() is None, "the window closed by itself"
    finally:
        if game is not None:
            game.terminate()
            game.wait(timeout=10)
        server.terminate()
        server.wait(timeout=10)
