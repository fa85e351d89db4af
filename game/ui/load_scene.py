"""Load a game: the saves and autosaves, newest first.

A save that does not load says why, and offers the save most likely to hold the same game: its
`.bak` (the file it replaced) or else the next older autosave.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game import paths
from game.files import is_regular, shown
from game.i18n import _, language
from game.saves import SaveError, SaveSummary, autosaves, backup_path, summarise
from game.ui.scene import Scene

if TYPE_CHECKING:
    from game.ui.app import App

ROW_HEIGHT = 38
ROW_STEP = 44
LIST_TOP = 80
FAILURE_BOX_HEIGHT = 260
REGIONS_NAMED = 3  # a hot-seat save names its first few players' regions


@dataclass(frozen=True, slots=True)
class SavedGame:
    path: Path
    written: float  # seconds since the epoch, from the file
    autosave: bool


@dataclass(frozen=True, slots=True)
class Failure:
    """A save that did not load: why, and the one offered instead (if any)."""

    path: Path
    reason: str
    offer: Path | None


def saved_games() -> list[SavedGame]:
    """The player's saves and the autosaves, the most recently written first."""
    found = [(path, False) for path in sorted(paths.saves_dir().glob("*.json")) if is_regular(path)]
    found += [(path, True) for path in autosaves(paths.autosaves_dir())]
    games = []
    for path, automatic in found:
        try:
            games.append(SavedGame(path, path.stat().st_mtime, automatic))
        except OSError:
            continue  # removed meanwhile
    return sorted(games, key=lambda g: (g.written, g.path.name), reverse=True)


def fallback_for(failed: Path, tried: set[Path]) -> Path | None:
    """The save to offer when `failed` does not load: its backup, else the next older autosave."""
    backup = backup_path(failed)
    if is_regular(backup) and backup not in tried:
        return backup
    newest_first = autosaves(paths.autosaves_dir())
    older = newest_first[newest_first.index(failed) + 1 :] if failed in newest_first else newest_first
    return next((path for path in older if path not in tried), None)


class LoadScene(Scene):
    """Reached from the title screen and the pause menu; `back` returns to where it was opened."""

    def __init__(self, app: App, back: Callable[[], None]) -> None:
        super().__init__(app)
        self.back = back
        self.games = saved_games()
        self.page = 0
        self.failure: Failure | None = None
        self.tried: set[Path] = set()  # saves that failed since the list was last shown
        self._summaries: dict[Path, SaveSummary | SaveError] = {}

    # --- what a save is ---------------------------------------------------------------------------
    def summary(self, path: Path) -> SaveSummary | SaveError:
        if path not in self._summaries:
            try:
                self._summaries[path] = summarise(path)
            except SaveError as error:
                self._summaries[path] = error
        return self._summaries[path]

    def describe(self, path: Path, written: float) -> str:
        """One line: when, which scenario, whose regions, which turn."""
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(written))
        summary = self.summary(path)
        if isinstance(summary, SaveError):
            return _("{when}   {file}: not readable as a save").format(when=when, file=shown(path.name))
        lang = language()
        names = {r.id: getattr(r.name, lang) for r in summary.scenario.regions}
        players = [names.get(h, h) for h in summary.humans[:REGIONS_NAMED]]
        regions = ", ".join(players) + ("…" if len(summary.humans) > REGIONS_NAMED else "")
        return _("{when}   {scenario}   {regions}   turn {turn}").format(
            when=when,
            scenario=getattr(summary.scenario.meta.name, lang),
            regions=regions or _("computer players only"),
            turn=summary.turn,
        )

    # --- layout -----------------------------------------------------------------------------------
    def rows_per_page(self) -> int:
        return max(1, (self.app.size[1] - LIST_TOP - 90) // ROW_STEP)

    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        if self.failure is not None:
            self._build_failure(self.failure)
            return
        per_page = self.rows_per_page()
        shown = self.games[self.page * per_page : (self.page + 1) * per_page]
        if not shown:
            gui.text(pygame.Rect(40, LIST_TOP, w - 80, 60), [_("There are no saved games yet.")])
        for i, game in enumerate(shown):
            text = self.describe(game.path, game.written)
            if game.autosave:
                text += "   " + _("(autosave)")
            row = pygame.Rect(40, LIST_TOP + i * ROW_STEP, w - 80, ROW_HEIGHT)
            gui.list_row(row, text, partial(self.open, game.path))
        gui.button(pygame.Rect(40, h - 70, 160, 46), _("Back"), self.back)
        if self.page > 0:
            gui.button(pygame.Rect(w - 420, h - 70, 180, 46), _("Newer saves"), partial(self._turn_page, -1))
        if (self.page + 1) * per_page < len(self.games):
            gui.button(pygame.Rect(w - 220, h - 70, 180, 46), _("Older saves"), partial(self._turn_page, 1))

    def _build_failure(self, failure: Failure) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        # The reason is written to follow the file's name: "x.json is damaged: …".
        lines = [f"**{_('This save could not be loaded.')}**", shown(f"{failure.path.name} {failure.reason}")]
        if failure.offer is not None:
            if failure.offer == backup_path(failure.path):
                lines += ["", _("Its backup, the save this file held before, may still load:")]
            else:
                lines += ["", _("An older autosave may still load:")]
            lines.append(self.describe(failure.offer, _written(failure.offer)))
        box_height = min(FAILURE_BOX_HEIGHT, h - LIST_TOP - 160)
        gui.text(pygame.Rect(40, LIST_TOP, w - 80, box_height), lines)
        if failure.offer is not None:
            offer = pygame.Rect(40, LIST_TOP + box_height + 16, 360, 46)
            gui.button(offer, self._offer_label(failure), self._take_offer)
        gui.button(pygame.Rect(40, h - 70, 220, 46), _("Back to the list"), self._to_list)

    @staticmethod
    def _offer_label(failure: Failure) -> str:
        if failure.offer == backup_path(failure.path):
            return _("Load the backup")
        return _("Load the older autosave")

    # --- choices ------------------------------------------------------------------------------------
    def open(self, path: Path) -> None:
        """Load the save (on a worker, see loading_scene.py) and play on; a failure comes back here
        and is shown with what may be loaded instead."""
        from game.ui.loading_scene import LoadingScene  # it leads into games: imported when needed

        self.app.switch(LoadingScene(self.app, [path], back=self._back_here, failed=self.show_failure))

    def show_failure(self, path: Path, reason: str, tried: list[Path]) -> None:
        self.tried.update(tried)
        self.failure = Failure(path, reason, fallback_for(path, self.tried))
        self.app.switch(self)

    def _back_here(self) -> None:
        self.app.switch(self)

    def _take_offer(self) -> None:
        if self.failure is not None and self.failure.offer is not None:
            self.open(self.failure.offer)

    def _to_list(self) -> None:
        self.failure = None
        self.tried.clear()
        self.build()

    def _turn_page(self, step: int) -> None:
        self.page += step
        self.build()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            if self.failure is not None:
                self._to_list()
            else:
                self.back()

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((24, 30, 40))
        heading = self.app.text.render(_("Load a game"), 28, (236, 220, 160), True)
        surface.blit(heading, (40, 20))


def _written(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
