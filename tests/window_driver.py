"""Driving the window in tests as a player would: posted clicks and keys, and what the widgets show.

Positions are points of the interface; a click is posted where the window shows that point, so the
same helpers work at every interface size.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable

import pygame

from game.ai.base import Decision
from game.core import actions as A
from game.core.model import Proposal, Resolution
from game.core.rng import Rng
from game.core.view import View
from game.ui.app import App
from game.ui.mapscene import MapScene


def buttons(app: App, enabled: bool | None = None) -> dict[str, pygame.Rect]:
    """The buttons on screen by their label (only the enabled or disabled ones when asked)."""
    return {
        e.text: e.rect
        for e in app.gui._elements
        if hasattr(e, "is_enabled") and hasattr(e, "text") and enabled in (None, e.is_enabled)
    }


def texts(app: App) -> str:
    """Everything the scene's text boxes show (their markup's entities read as the characters)."""
    return html.unescape("\n".join(e.html_text for e in app.gui._elements if hasattr(e, "html_text")))


def at_window(app: App, point: tuple[int, int]) -> tuple[int, int]:
    """A point of the interface where the window shows it (the interface may be scaled)."""
    w, h = app.screen.get_size()
    return (point[0] * w // app.size[0], point[1] * h // app.size[1])


def click(app: App, point: tuple[int, int]) -> None:
    position = at_window(app, point)
    app.frame([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=position, button=1)], 1 / 60)
    app.frame([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=position, button=1)], 1 / 60)
    app.frame([], 1 / 60)


def press(app: App, label: str) -> None:
    found = buttons(app)
    assert label in found, f"no button {label!r} among {sorted(found)}"
    click(app, found[label].center)


def key(app: App, key: int) -> None:
    app.frame([pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0)], 1 / 60)


def until(app: App, done: Callable[[], bool], frames: int = 2000) -> None:
    for _frame in range(frames):
        if done():
            return
        app.frame([], 1 / 60)
    raise AssertionError("the window never got there")


def start_game(app: App) -> MapScene:
    """Start on the new-game screen as it stands, and wait for the first human's turn (past what
    opens at its start)."""
    press(app, "Start")
    game = app.scene
    assert isinstance(game, MapScene)
    until(app, lambda: game.session.current in game.humans)
    past_turn_start(app, game)
    return game


def past_turn_start(app: App, game: MapScene) -> None:
    """Read what opens at the start of a turn (alerts, the summary) and close it, as a player does."""
    from game.ui.alerts import AlertScene
    from game.ui.summary_scene import SummaryScene

    until(app, lambda: game.turn_started)
    until(app, lambda: app.scene is game or isinstance(app.scene, AlertScene | SummaryScene))
    while isinstance(app.scene, AlertScene | SummaryScene):
        app.frame([], 0.4)  # past the moment in which a click or Enter is taken for a double one
        key(app, pygame.K_RETURN)
        app.frame([], 1 / 60)
    assert app.scene is game, app.scene


def press_in_row(app: App, game: MapScene, index: int, label: str) -> None:
    """Press an answer in the inbox's row `index` (counted among the rows shown)."""
    from game.ui.panel import ROW_HEIGHT

    top = game.panel.body().y + index * ROW_HEIGHT
    found = [
        e.rect
        for e in app.gui._elements
        if getattr(e, "text", None) == label and top <= e.rect.y < top + ROW_HEIGHT
    ]
    assert found, f"no {label!r} in row {index}"
    click(app, found[0].center)


def new_game(size: tuple[int, int] = (1280, 720)) -> tuple[App, MapScene]:
    """The window, a new game of the default scenario started from the title screen, the player's turn."""
    app = App(size, window=False)
    press(app, "New game")
    return app, start_game(app)


def loaded(app: App, frames: int = 3000) -> None:
    """Wait past the loading screen: a save loads on a worker thread while the window goes on."""
    from game.ui.loading_scene import LoadingScene

    for _frame in range(frames):
        if not isinstance(app.scene, LoadingScene):
            return
        time.sleep(0.002)  # the worker's turn
        app.frame([], 1 / 60)
    raise AssertionError("the save never finished loading")


class Warmonger:
    """A computer player that declares war on one region and otherwise does nothing."""

    name = "warmonger"

    def __init__(self, victim: str) -> None:
        self.victim = victim

    def plan(self, view: View, rng: Rng) -> list[A.Action]:
        return [A.DeclareWar(view.me, self.victim)]

    def answer(self, view: View, proposal: Proposal, rng: Rng) -> Decision:
        return Decision(False, ())

    def vote(self, view: View, resolution: Resolution, rng: Rng) -> bool:
        return False
