"""The window: one loop for input, time and drawing, at most 60 frames a second while something
happens, and a few a second at rest (it waits for input instead of drawing the same picture).

An unexpected error inside a scene does not close the window: it is logged, and an error
screen names the log file.
"""

from __future__ import annotations

import logging
import os
import time
import traceback
import zlib
from dataclasses import replace

import pygame

from game.i18n import language, set_language
from game.logs import attach_file
from game.saves import SaveError
from game.settings import Settings, load_settings, save_settings
from game.ui.gui import Gui
from game.ui.mapview import TextCache
from game.ui.menus import ErrorScene, TitleScene
from game.ui.scene import Scene

logger = logging.getLogger(__name__)
MIN_SIZE = (960, 600)
FPS = 60
ACTIVE_SECONDS = 0.5  # after any input the window draws at FPS this long (hovers, clicks, scrolling)
IDLE_WAKE_MS = 500  # at rest it waits for input, waking this often for what time alone changes
POLL_SECONDS = 0.03  # at rest, how often input is looked for (the delay of a first key or click)


class App:
    """The window and its loop.

    The interface is laid out at a logical size, the window's size divided by the player's
    interface scale, and drawn onto a canvas of that size that is scaled up to the window; mouse
    positions are scaled back, so scenes never know about the scale.

    A window applies the player's saved settings. Off screen (tests, screenshots, the benchmark)
    the caller's language and the default size hold, unless `settings` is given.
    """

    def __init__(
        self, size: tuple[int, int] = (1280, 720), *, window: bool = True, settings: Settings | None = None
    ) -> None:
        os.environ["SDL_VIDEO_X11_WMCLASS"] = "bilateral"  # pygame sets its own name on import; ours wins
        # SDL would turn SIGTERM and Ctrl-C into a quit event that a busy or stuck window never reads:
        # left to Python, they end the game as they end any program.
        os.environ["SDL_NO_SIGNAL_HANDLERS"] = "1"
        # We draw in software: showing a frame by copying it (X11 shared memory, GDI...) is far
        # cheaper than through a GL texture where there is no GPU (Xvfb, virtual machines) - a
        # window opens in 12 ms instead of 190 and a frame shows in 1 ms instead of 9 under Xvfb.
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
        pygame.display.init()  # no sound yet: leave the mixer (and the sound card) alone
        pygame.font.init()
        pygame.display.set_caption("Bilateral")
        self.window = window
        if settings is None:
            settings = load_settings() if window else Settings(language=language())
        self.settings = settings
        set_language(settings.language)
        self.windowed_size = _at_least_minimum(size)  # kept while in full screen, for the way back
        # pygame_gui needs a display mode even off screen: the dummy driver gives one.
        self.screen = self._open_display()
        self.size = self.screen.get_size()
        self.gui = Gui(self.size)
        self._fit()
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

    def close_window(self) -> None:
        """The window's close button: a game with unsaved work asks first (closing again leaves)."""
        if self.scene.unsaved_actions() == 0:
            self.quit()
            return
        from game.ui.overgame import LeaveScene  # scenes over a game: imported when needed

        self.switch(LeaveScene.over(self.scene, then=self.quit))

    def resize(self, size: tuple[int, int]) -> None:
        if self.window and self.settings.fullscreen:
            self.screen = pygame.display.get_surface() or self.screen  # full screen keeps the desktop's size
        else:
            self.windowed_size = _at_least_minimum(size)
            self.screen = self._open_display()
        self._fit()
        self.scene.build()

    def change_settings(self, settings: Settings) -> bool:
        """Apply the settings at once and keep them for the next start.

        Returns False when they could not be stored: they still apply until the game ends.
        """
        before, self.settings = self.settings, settings
        set_language(settings.language)
        if self.window and settings.fullscreen != before.fullscreen:
            self.screen = self._open_display()
        self._fit()
        self.scene.build()
        try:
            save_settings(settings)
        except SaveError as error:
            logger.warning("the settings were not stored: %s", error)
            return False
        return True

    def mouse_position(self) -> tuple[int, int]:
        """Where the mouse is, in the interface's coordinates (those of `size`)."""
        return self._logical_point(pygame.mouse.get_pos())

    def _open_display(self) -> pygame.Surface:
        """The window's surface; full screen takes the desktop's size, so the display mode stays."""
        if self.window and self.settings.fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        return pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE if self.window else 0)

    def _fit(self) -> None:
        """The logical size for the window and the scale, never below MIN_SIZE (the scenes' layouts
        need it): a window too small for the chosen scale gets the largest scale that fits."""
        w, h = self.screen.get_size()
        self.scale = min(self.settings.ui_scale, w / MIN_SIZE[0], h / MIN_SIZE[1])
        self.size = (round(w / self.scale), round(h / self.scale))
        self.canvas = self.screen if self.size == (w, h) else pygame.Surface(self.size, 0, self.screen)
        self.gui.resize(self.size)
        self.gui.scale_mouse(self.size[0] / w, self.size[1] / h)

    def _logical_point(self, point: tuple[int, int]) -> tuple[int, int]:
        w, h = self.screen.get_size()
        return (point[0] * self.size[0] // w, point[1] * self.size[1] // h)

    def _logical(self, event: pygame.event.Event) -> pygame.event.Event:
        """The event with its mouse position (and motion) in the interface's coordinates."""
        if self.canvas is self.screen or not hasattr(event, "pos"):
            return event
        data = dict(event.dict, pos=self._logical_point(event.pos))
        if "rel" in data:
            w, h = self.screen.get_size()
            data["rel"] = (event.rel[0] * self.size[0] / w, event.rel[1] * self.size[1] / h)
        return pygame.event.Event(event.type, data)

    def frame(self, events: list[pygame.event.Event], seconds: float) -> None:
        """One frame: input, time, drawing, shown in the window."""
        self.step(events, seconds)
        self.present()

    def present(self) -> None:
        """The canvas into the window, scaled to its size."""
        if self.canvas is not self.screen:
            pygame.transform.smoothscale(self.canvas, self.screen.get_size(), self.screen)

    def step(self, events: list[pygame.event.Event], seconds: float) -> None:
        """Input, time and drawing onto the canvas. Errors show on screen instead of closing the window."""
        try:
            for event in events:
                if event.type == pygame.QUIT:
                    self.close_window()
                elif event.type == pygame.VIDEORESIZE:
                    self.resize((event.w, event.h))
                elif event.type == pygame.KEYDOWN and event.key == pygame.K_F11 and self.window:
                    self.change_settings(replace(self.settings, fullscreen=not self.settings.fullscreen))
                elif not self.gui.process(event):  # the widgets scale mouse positions themselves
                    self.scene.handle(self._logical(event))
            self.scene.update(seconds)
            self.gui.update(seconds)
            self.scene.draw(self.canvas)
            self.gui.draw(self.canvas)
        except Exception:
            self._show_error(traceback.format_exc())

    def _show_error(self, details: str) -> None:
        log_file = attach_file()  # the command line has attached it already; a test may not have
        logger.error("unexpected error in the window:\n%s", details)
        self.error = details
        saved = self._rescue_game()
        self.switch(ErrorScene(self, str(log_file), saved))

    def _rescue_game(self) -> bool:
        """An autosave of the game on screen, if there is one, so Continue can pick it up."""
        game = self.scene if hasattr(self.scene, "autosave") else getattr(self.scene, "game", None)
        if game is None:  # no game on screen (a menu): nothing to keep
            return False
        try:
            return bool(game.autosave())
        except Exception:  # the game's state may be what broke: the log has the first error already
            logger.exception("the autosave after the error failed too")
            return False

    def run(self) -> None:
        """Frames at FPS while something happens. At rest the loop waits for input, waking now and
        then for what time alone changes (a tooltip); a frame that draws the picture already on
        screen is not shown again (showing a frame is the costly part)."""
        clock = pygame.time.Clock()
        quiet = 0.0  # seconds since the last input
        shown: int | None = None  # a checksum of the picture on screen, taken at rest
        while self.running:
            events = pygame.event.get()
            resting = not events and quiet >= ACTIVE_SECONDS and not self.scene.busy()
            if resting:
                events = waiting(IDLE_WAKE_MS)
            seconds = clock.tick(FPS) / 1000.0
            quiet = 0.0 if events else quiet + seconds
            self.step(events, seconds)
            if resting and not events:
                picture = zlib.crc32(self.canvas.get_view("1").raw)
                if picture == shown:
                    continue
                shown = picture
            else:
                shown = None
            self.present()
            pygame.display.flip()
        pygame.quit()


def waiting(milliseconds: int) -> list[pygame.event.Event]:
    """The next input, or nothing once `milliseconds` have passed without any. The events are looked
    at every POLL_SECONDS, sleeping between (SDL's own waiting polls, at 2 % of a core)."""
    deadline = time.perf_counter() + milliseconds / 1000
    while True:
        events = pygame.event.get()
        if events or time.perf_counter() >= deadline:
            return events
        time.sleep(POLL_SECONDS)


def _at_least_minimum(size: tuple[int, int]) -> tuple[int, int]:
    return (max(size[0], MIN_SIZE[0]), max(size[1], MIN_SIZE[1]))


def has_display() -> bool:
    if os.environ.get("SDL_VIDEODRIVER") in ("dummy", "offscreen"):
        return False
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) or os.name == "nt"
