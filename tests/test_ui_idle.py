"""Quiet when idle: at rest the window's loop waits for input instead of drawing, and a frame that
draws the picture already on screen is not shown again; while something happens (input, the
computers' turns) it runs at full speed. The processor time itself is measured by
`python -m game bench` under Xvfb (game/ui/window_bench.py), never asserted here."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from collections.abc import Callable, Iterator

import pygame
import pytest

from game.i18n import set_language
from game.ui import app as app_module
from game.ui.app import App
from tests.window_driver import new_game


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


class Loop:
    """The window's loop with its waits and the frames it shows counted; `at_wait` may act on the
    n-th wait (give input, change the scene); the loop ends after `waits` waits."""

    def __init__(
        self,
        monkeypatch: pytest.MonkeyPatch,
        app: App,
        waits: int,
        at_wait: Callable[[int], list[pygame.event.Event]] = lambda n: [],
    ) -> None:
        self.shown: list[int] = []  # the number of waits so far at each frame shown
        self.waits = 0
        monkeypatch.setattr(app_module, "ACTIVE_SECONDS", 0.0)

        def waiting(milliseconds: int) -> list[pygame.event.Event]:
            self.waits += 1
            if self.waits >= waits:
                app.running = False
            return at_wait(self.waits)

        monkeypatch.setattr(app_module, "waiting", waiting)
        monkeypatch.setattr(pygame.display, "flip", lambda: self.shown.append(self.waits))
        monkeypatch.setattr(pygame, "quit", lambda: None)


def test_at_rest_the_loop_waits_and_shows_no_frame_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    app = App((1280, 720), window=False)
    loop = Loop(monkeypatch, app, waits=10)
    app.run()
    assert loop.waits == 10  # it waited for input instead of spinning
    assert len([n for n in loop.shown if n >= 1]) <= 1  # the title, unchanged, shown once at rest


def test_what_changes_at_rest_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    app = App((1280, 720), window=False)

    def at_wait(n: int) -> list[pygame.event.Event]:
        if n == 5:  # a key opens the new game screen: a new picture
            app.gui.clear()
            from game.ui.menus import NewGameScene

            app.switch(NewGameScene(app))
        return []

    loop = Loop(monkeypatch, app, waits=10, at_wait=at_wait)
    app.run()
    assert 5 in loop.shown  # the changed picture was shown
    assert len([n for n in loop.shown if n > 5]) == 0  # and not again while it stayed the same


def test_input_wakes_the_loop_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    app = App((1280, 720), window=False)
    motion = pygame.event.Event(pygame.MOUSEMOTION, pos=(10, 10), rel=(1, 1), buttons=(0, 0, 0))
    loop = Loop(monkeypatch, app, waits=6, at_wait=lambda n: [motion] if n == 3 else [])
    app.run()
    assert 3 in loop.shown  # a frame with input is always shown


def test_while_the_computers_play_the_loop_never_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    app, game = new_game()
    game.end_turn()
    assert game.busy()
    waited = []
    monkeypatch.setattr(app_module, "ACTIVE_SECONDS", 0.0)
    monkeypatch.setattr(app_module, "waiting", lambda ms: waited.append(ms) or [])
    monkeypatch.setattr(pygame, "quit", lambda: None)
    frames = []

    def step(events: list[pygame.event.Event], seconds: float) -> None:
        frames.append(game.busy())
        App.step(app, events, seconds)
        if not game.busy():
            app.running = False

    monkeypatch.setattr(app, "step", step)
    app.run()
    assert frames[0] and waited == []  # busy frames ran back to back until it was the player's turn
