"""The window loads saves on a worker: it never freezes, shows how far a replay has come, can
cancel, and Continue falls back to older autosaves whatever went wrong with the newer ones."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import game.saves as saves_module
import game.ui.loading_scene as loading_module
from game import paths
from game.ai.standard import StandardAI
from game.catalogue import find
from game.saves import autosave, autosaves, save_game
from game.scenario.build import new_game
from game.scenario.loader import load_scenario
from game.session import Session
from game.ui.app import App
from game.ui.load_scene import LoadScene
from game.ui.loading_scene import LoadingScene
from game.ui.mapscene import MapScene
from game.ui.menus import TitleScene
from tests.save_files import edit
from tests.window_driver import buttons, loaded, press, texts

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = find("tutorial").path
TEXT = TUTORIAL.read_text(encoding="utf-8")


def _session(turns: int) -> tuple[Session, str]:
    scenario = load_scenario(TUTORIAL).scenario
    state = new_game(scenario)
    session = Session(state, dict.fromkeys(state.order, StandardAI()))
    session.play_turns(turns)
    return session, (scenario.meta.playable or state.order)[0]


def _players(human: str) -> dict[str, object]:
    return {"humans": [human], "difficulty": "normal"}


def _row(app: App, part: str) -> None:
    scene = app.scene
    assert isinstance(scene, LoadScene)
    found = [label for label in buttons(app) if part in label]
    assert len(found) == 1, found
    press(app, found[0])


@pytest.fixture(autouse=True)
def own_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test has its own saves and settings."""
    monkeypatch.setenv("BILATERAL_HOME", str(tmp_path))


@pytest.fixture
def foreign(monkeypatch: pytest.MonkeyPatch) -> None:
    """Saves as if made on another machine: no seal of ours, so each is replayed to be checked."""
    monkeypatch.setattr(saves_module, "is_sealed", lambda contents, claimed: False)


def _slow_replays(monkeypatch: pytest.MonkeyPatch) -> None:
    """Progress reported often and slowly, so a test sees the worker at work."""
    monkeypatch.setattr(saves_module, "PROGRESS_EVERY", 20)
    report = loading_module._Worker.report

    def slowly(self: loading_module._Worker, replayed: int, total: int) -> None:
        time.sleep(0.05)
        report(self, replayed, total)

    monkeypatch.setattr(loading_module._Worker, "report", slowly)


def _working(app: App) -> loading_module._Worker:
    """The loading scene's worker, once it has reported progress; the window draws meanwhile."""
    scene = app.scene
    assert isinstance(scene, LoadingScene) and scene.worker is not None
    worker = scene.worker
    for _frame in range(500):
        if worker.progress is not None:
            break
        time.sleep(0.01)
        app.frame([], 1 / 60)
    assert worker.progress is not None and 0 < worker.progress[0] < worker.progress[1]
    assert "Replaying its record" in _drawn_texts(app)
    return worker


def _drawn_texts(app: App) -> str:
    return " ".join(text for text, *_rest in app.text._texts)


def test_a_save_that_is_replayed_shows_its_progress_and_can_be_cancelled(
    foreign: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, human = _session(12)
    save_game(paths.saves_dir() / "long.json", TEXT, TUTORIAL.name, session, _players(human))
    report = loading_module._Worker.report
    _slow_replays(monkeypatch)
    app = App((1280, 720), window=False)
    press(app, "Load")
    _row(app, "turn 13")
    worker = _working(app)
    press(app, "Cancel")
    assert isinstance(app.scene, LoadScene) and app.scene.failure is None
    worker.join(10)
    assert not worker.is_alive()
    monkeypatch.setattr(loading_module._Worker, "report", report)  # at full speed this time
    _row(app, "turn 13")
    loaded(app)
    assert isinstance(app.scene, MapScene) and app.scene.state.turn == 13


def test_continue_can_be_cancelled_back_to_the_title(foreign: None, monkeypatch: pytest.MonkeyPatch) -> None:
    session, human = _session(12)
    autosave(paths.autosaves_dir(), TEXT, TUTORIAL.name, session, _players(human))
    _slow_replays(monkeypatch)
    app = App((1280, 720), window=False)
    press(app, "Continue")
    _working(app)
    press(app, "Cancel")
    assert isinstance(app.scene, TitleScene)


def test_continue_goes_past_autosaves_that_fail_in_any_way() -> None:
    folder = paths.autosaves_dir()
    for turns in (1, 2, 3):
        session, human = _session(turns)
        autosave(folder, TEXT, TUTORIAL.name, session, _players(human))
    newest, middle, _oldest = autosaves(folder)
    original = saves_module.load_game

    def unlucky(path: Path, progress: object = None) -> object:
        if path == newest:
            raise RuntimeError("something no one foresaw")
        if path == middle:
            raise MemoryError
        return original(path, progress)  # type: ignore[arg-type]

    loading_module.load_game = unlucky  # type: ignore[assignment]
    try:
        app = App((1280, 720), window=False)
        press(app, "Continue")
        loaded(app)
    finally:
        loading_module.load_game = original
    game = app.scene
    assert isinstance(game, MapScene) and game.state.turn == 2


def test_when_no_autosave_loads_continue_says_why() -> None:
    folder = paths.autosaves_dir()
    session, human = _session(1)
    path = autosave(folder, TEXT, TUTORIAL.name, session, _players(human))
    path.write_bytes(path.read_bytes()[:-10])
    app = App((1280, 720), window=False)
    press(app, "Continue")
    loaded(app)
    assert isinstance(app.scene, LoadScene)
    assert "This save could not be loaded." in texts(app) and "cut short" in texts(app)


def test_a_damaged_save_whose_name_is_not_utf8_is_shown_with_escapes() -> None:
    """Clicked in Load, the error screen itself failed writing the log and the game exited."""
    name = os.fsdecode(b"ruin\xff\x07.json")
    path = paths.saves_dir() / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"BILATERAL SAVE 3\n{}\n")
    app = App((1280, 720), window=False)
    press(app, "Load")
    _row(app, "not readable as a save")
    loaded(app)
    assert isinstance(app.scene, LoadScene)
    shown = texts(app)
    assert "ruin\\xff\\x07.json" in shown and "\x07" not in shown
    assert app.error is None


def test_the_window_ends_on_sigterm_like_any_program() -> None:
    """SDL took SIGTERM and Ctrl-C as a quit event; a window busy elsewhere never ended."""
    code = (
        "from game.ui.app import App\n"
        "app = App((960, 600), window=False)\n"
        "print('ready', flush=True)\n"
        "import time\n"
        "while True:\n"
        "    time.sleep(0.05)\n"  # busy elsewhere: nobody reads SDL's events
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "SDL_VIDEODRIVER": "dummy"},
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == -signal.SIGTERM
    finally:
        if process.poll() is None:
            process.kill()


def test_a_save_with_a_lone_surrogate_is_one_unreadable_row_not_an_error_screen() -> None:
    """It raised UnicodeEncodeError at the checksum: the whole Load list became an error screen."""
    session, human = _session(1)
    good = save_game(paths.saves_dir() / "good.json", TEXT, TUTORIAL.name, session, _players(human))
    bad = save_game(paths.saves_dir() / "bad.json", TEXT, TUTORIAL.name, session, _players(human))
    edit(bad, lambda parts: parts.meta["players"].update(humans=["\ud800"]))
    app = App((1280, 720), window=False)
    press(app, "Load")
    assert isinstance(app.scene, LoadScene) and app.error is None
    _row(app, "bad.json: not readable as a save")
    loaded(app)
    assert isinstance(app.scene, LoadScene) and app.scene.failure is not None and app.error is None
    press(app, "Back to the list")
    _row(app, "turn 2")
    loaded(app)
    assert isinstance(app.scene, MapScene) and good.is_file()
