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
DISPLAY = ":97"


def _screen(env: dict[str, str], folder: Path, name: str) -> str:
    out = folder / f"{name}.png"
    subprocess.run(["import", "-window", "root", str(out)], env=env, check=True, timeout=20)
    return hashlib.sha256(out.read_bytes()).hexdigest()


def test_a_real_window_opens_and_answers_clicks_and_keys(tmp_path: Path) -> None:
    server = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1280x800x24"], stderr=subprocess.DEVNULL)
    env = {**os.environ, "DISPLAY": DISPLAY, "BILATERAL_HOME": str(tmp_path)}
    env.pop("SDL_VIDEODRIVER", None)
    env.pop("SDL_AUDIODRIVER", None)
    game = None
    try:
        time.sleep(1.5)
        game = subprocess.Popen(
            [sys.executable, "-m", "game", "play"],
            env=env,
            cwd=Path(__file__).resolve().parent.parent,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--class", "bilateral"], env=env, capture_output=True, timeout=30
        )
        assert found.returncode == 0, "the window never appeared"
        window = found.stdout.split()[0].decode()
        time.sleep(1.0)
        title = _screen(env, tmp_path, "title")
        # "New game" sits in the middle of the title screen
        click = ["xdotool", "mousemove", "--window", window, "640", "342", "click", "1"]
        subprocess.run(click, env=env, check=True)
        time.sleep(1.0)
        chooser = _screen(env, tmp_path, "new-game")
        assert chooser != title, "clicking New game changed nothing"
        subprocess.run(["xdotool", "key", "--window", window, "Escape"], env=env, check=True)
        assert game.poll() is None, "the window closed by itself"
    finally:
        if game is not None:
            game.terminate()
            game.wait(timeout=10)
        server.terminate()
        server.wait(timeout=10)
