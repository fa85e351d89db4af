"""A save loading on a worker thread, so the window never freezes: a progress bar while a record is
replayed (a save from elsewhere), and Cancel.

The saves to try are given in order: Continue gives every autosave, newest first, and the first
that loads and still has a player is played on, whatever went wrong with the others; Load gives
one, and a failure goes back to the list, which says why and offers another.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.catalogue import painted_map
from game.files import shown
from game.i18n import _
from game.saves import Cancelled, LoadedGame, SaveError, load_game
from game.scenario.provinces import ProvinceMap
from game.ui.overgame import resumed_scene
from game.ui.scene import Scene

if TYPE_CHECKING:
    from game.ui.app import App

logger = logging.getLogger(__name__)
BAR = pygame.Rect(0, 0, 480, 22)


@dataclass(frozen=True, slots=True)
class _Done:
    loaded: LoadedGame | None
    provinces: ProvinceMap | None = None
    reason: str = ""


class _Worker(threading.Thread):
    """Loads one save; `done` is set when it has, `progress` is how far a replay has come."""

    def __init__(self, path: Path) -> None:
        super().__init__(daemon=True, name=f"load {path.name}")
        self.path = path
        self.progress: tuple[int, int] | None = None
        self.done: _Done | None = None
        self.cancelled = threading.Event()

    def report(self, replayed: int, total: int) -> None:
        if self.cancelled.is_set():
            raise Cancelled
        self.progress = (replayed, total)

    def run(self) -> None:
        try:
            loaded = load_game(self.path, self.report)
            self.done = _Done(loaded, painted_map(loaded.scenario, loaded.scenario_file))
        except Cancelled:
            self.done = _Done(None, reason="")
        except SaveError as error:
            self.done = _Done(None, reason=error.message)
        except Exception:  # whatever a file did to us, the window goes on and the next save is tried
            logger.exception("loading %s failed", shown(self.path))
            self.done = _Done(None, reason=_("could not be loaded: the log has the details"))


class LoadingScene(Scene):
    """`failed(path, reason, tried)` is told when the last save to try did not load."""

    def __init__(
        self,
        app: App,
        candidates: list[Path],
        back: Callable[[], None],
        failed: Callable[[Path, str, list[Path]], None],
    ) -> None:
        super().__init__(app)
        self.candidates = list(candidates)
        self.back = back
        self.failed = failed
        self.tried: list[Path] = []
        self.first_failure: tuple[Path, str] | None = None
        self.worker: _Worker | None = None

    def enter(self) -> None:
        if self.worker is None:
            self._next()
        super().enter()

    def _next(self) -> None:
        path = self.candidates.pop(0)
        self.tried.append(path)
        self.worker = _Worker(path)
        self.worker.start()

    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        gui.button(pygame.Rect(w // 2 - 90, h // 2 + 60, 180, 46), _("Cancel"), self.cancel)

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancelled.set()  # it stops at its next report; its result is not waited for
        self.back()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.cancel()

    def update(self, seconds: float) -> None:
        worker = self.worker
        if worker is None or worker.done is None or worker.cancelled.is_set():
            return
        done = worker.done
        scene = None
        if done.loaded is not None:
            scene = resumed_scene(self.app, done.loaded, provinces=done.provinces)
            reason = _("Nobody plays a region in this save any more, so there is no game to go on with.")
        else:
            reason = done.reason
        if scene is not None:
            self.app.switch(scene)
            return
        if self.first_failure is None:
            self.first_failure = (worker.path, reason)
        if self.candidates:
            self._next()
            return
        self.worker = None
        path, first_reason = self.first_failure
        self.failed(path, first_reason, self.tried)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((24, 30, 40))
        w, h = self.app.size
        worker = self.worker
        name = shown(worker.path.name) if worker is not None else ""
        heading = self.app.text.render(_("Loading {file}").format(file=name), 24, (236, 220, 160), True)
        surface.blit(heading, (w // 2 - heading.get_width() // 2, h // 2 - 80))
        progress = worker.progress if worker is not None else None
        if progress is None:
            line = _("Reading the save…")
            share = 0.0
        else:
            line = _("Replaying its record to check it: {done} of {total} actions").format(
                done=progress[0], total=progress[1]
            )
            share = progress[0] / max(1, progress[1])
        text = self.app.text.render(line, 16, (200, 210, 225))
        surface.blit(text, (w // 2 - text.get_width() // 2, h // 2 - 36))
        bar = BAR.copy()
        bar.center = (w // 2, h // 2 + 10)
        pygame.draw.rect(surface, (60, 70, 90), bar, border_radius=4)
        filled = bar.copy()
        filled.width = round(bar.width * share)
        if filled.width:
            pygame.draw.rect(surface, (200, 180, 110), filled, border_radius=4)
