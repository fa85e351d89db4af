"""The base of every scene: a scene turns input into actions for the session and draws the state.

It changes nothing itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.ui.app import App


class Scene:
    def __init__(self, app: App) -> None:
        self.app = app

    def enter(self) -> None:
        self.build()

    def build(self) -> None:
        """Lay out the widgets for the current window size and state."""

    def handle(self, event: pygame.event.Event) -> None:
        """Input that the widgets did not take."""

    def update(self, seconds: float) -> None:
        """Time passes."""

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((24, 30, 40))

    def busy(self) -> bool:
        """Whether the scene changes by itself (so the window keeps drawing at full speed)."""
        return False

    def unsaved_actions(self) -> int:
        """Work that leaving now would lose (a game's actions since it was last saved)."""
        return 0
