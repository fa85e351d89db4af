"""The window: one loop for input, time and drawing, at most 60 frames a second.

An unexpected error inside a scene does not close the window: it is logged, and an error
screen names the log file.
"""

from __future__ import annotations

import logging
import os
import traceback

import pygame

from game import paths
from game.ui.gui import Gui
from game.ui.mapview import TextCache
from game.ui.menus import ErrorScene, TitleScene
from game.ui.scene import Scene

logger = logging.getLogger(__name__)
MIN_SIZE = (960, 600)
FPS = 60


class App:
    def __init__(self, size: tuple[int, int] = (1280, 720), *, window: bool = True) -> None:
        os.environ["SDL_VIDEO_X11_WMCLASS"] = "bilateral"  # pygame sets its own name on import; ours wins
        pygame.display.init()  # no sound yet: leave the mixer (and the sound card) alone
        pygame.font.init()
        self.size = (max(size[0], MIN_SIZE[0]), max(size[1], MIN_SIZE[1]))
        pygame.display.set_caption("Bilateral")
        # pygame_gui needs a display mode even off screen: the dummy driver gives one.
        self.screen = pygame.display.set_mode(self.size, pygame.RESIZABLE if window else 0)
        self.window = window
        self.gui = Gui(self.size)
        self.text = TextCache()
        self.running = True
        self.error: str | None = None
        self.scene: Scene = TitleScene(self)
        self.scene.enter()

    def switch(self, scene: Scene) -> None:
        self.scene = scene
        scene.enter()

    def quit(self) -> None:
        self.running = False

    def resize(self, size: tuple[int, int]) -> None:
        self.size = (max(size[0], MIN_SIZE[0]), max(size[1], MIN_SIZE[1]))
        self.screen = pygame.display.set_mode(self.size, pygame.RESIZABLE if self.window else 0)
        self.gui.resize(self.size)
        self.scene.build()

    def frame(self, events: list[pygame.event.Event], seconds: float) -> None:
        """One frame: input, time, drawing. Errors show on screen instead of closing the window."""
        try:
            for event in events:
                if event.type == pygame.QUIT:
                    self.quit()
                elif event.type == pygame.VIDEORESIZE:
                    self.resize((event.w, event.h))
                elif event.type == pygame.KEYDOWN and event.key == pygame.K_F11 and self.window:
                    pygame.display.toggle_fullscreen()
                elif not self.gui.process(event):
                    self.scene.handle(event)
            self.scene.update(seconds)
            self.gui.update(seconds)
            self.scene.draw(self.screen)
            self.gui.draw(self.screen)
        except Exception:
            self._show_error(traceback.format_exc())

    def _show_error(self, details: str) -> None:
        log_file = paths.logs_dir() / "bilateral.log"
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            with open(log_file, "a", encoding="utf-8") as handle:
                handle.write(details + "\n")
        except OSError:
            pass
        logger.error("unexpected error in the window:\n%s", details)
        self.error = details
        self.switch(ErrorScene(self, str(log_file)))

    def run(self) -> None:
        clock = pygame.time.Clock()
        while self.running:
            seconds = clock.tick(FPS) / 1000.0
            self.frame(pygame.event.get(), seconds)
            pygame.display.flip()
        pygame.quit()


def has_display() -> bool:
    if os.environ.get("SDL_VIDEODRIVER") in ("dummy", "offscreen"):
        return False
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) or os.name == "nt"
