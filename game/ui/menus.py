"""The scenes outside a game: title, new game, and the error screen."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pygame

from game import paths
from game.catalogue import Listing, survey
from game.i18n import _, language, ngettext
from game.saves import SaveError, autosaves, load_game
from game.scenario.errors import Problem
from game.scenario.schema import Scenario
from game.ui.load_scene import LoadScene
from game.ui.mapscene import MapScene
from game.ui.overgame import resumed_scene
from game.ui.scene import Scene
from game.ui.settings_scene import SettingsScene

if TYPE_CHECKING:
    from game.ui.app import App


class TitleScene(Scene):
    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        x = w // 2 - 140
        if autosaves(paths.autosaves_dir()):
            gui.button(pygame.Rect(x, h // 2 - 94, 280, 44), _("Continue"), self._continue)
        gui.button(
            pygame.Rect(x, h // 2 - 40, 280, 44),
            _("New game"),
            lambda: self.app.switch(NewGameScene(self.app)),
        )
        gui.button(pygame.Rect(x, h // 2 + 14, 280, 44), _("Load"), self._load)
        gui.button(pygame.Rect(x, h // 2 + 68, 280, 44), _("Settings"), self._settings)
        gui.button(pygame.Rect(x, h // 2 + 122, 280, 44), _("Quit"), self.app.quit)

    def _back_here(self) -> None:
        self.app.switch(self)

    def _load(self) -> None:
        self.app.switch(LoadScene(self.app, back=self._back_here))

    def _settings(self) -> None:
        self.app.switch(SettingsScene(self.app, back=self._back_here))

    def _continue(self) -> None:
        """Go on with the newest autosave that loads and still has a player in the game."""
        for save in autosaves(paths.autosaves_dir()):
            try:
                scene = resumed_scene(self.app, load_game(save))
            except SaveError:
                continue  # damaged: the next newest may do
            if scene is not None:
                self.app.switch(scene)
                return

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((20, 27, 38))
        w, h = self.app.size
        title = self.app.text.render("Bilateral", 64, (236, 220, 160), True)
        surface.blit(title, (w // 2 - title.get_width() // 2, h // 2 - 230))
        line = self.app.text.render(_("A game of embassies, treaties and wars"), 20, (190, 200, 215))
        surface.blit(line, (w // 2 - line.get_width() // 2, h // 2 - 150))  # above Continue


class NewGameScene(Scene):
    """Choose a scenario (shipped or from a mod), one or more regions to play, and the skill."""

    def __init__(self, app: App) -> None:
        super().__init__(app)
        listings, self.broken_mods = survey()
        self.listings = listings
        self.playable_listings = [item for item in listings if item.loaded is not None]
        self.page = 0
        first = next(
            (i for i in self.playable_listings if i.entry.key == "tutorial"), self.playable_listings[0]
        )
        self.choice = first
        self.humans = [self._playable(self.scenario)[0]]
        self.difficulty = "normal"

    @property
    def scenario(self) -> Scenario:
        assert self.choice.loaded is not None  # only playable listings are ever chosen
        return self.choice.loaded.scenario

    @staticmethod
    def _playable(scenario: Scenario) -> list[str]:
        return list(scenario.meta.playable or [r.id for r in scenario.regions])

    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        lang = language()
        rows = self._rows()
        per_page = max(1, (h - 170) // 48)
        pages = max(1, -(-len(rows) // per_page))
        self.page %= pages
        y = 70
        for label, listing, problems in rows[self.page * per_page : (self.page + 1) * per_page]:
            mark = "• " if listing is self.choice else ""
            action = partial(self._choose, listing) if listing is not None else (lambda: None)
            refusal = "\n".join(str(p) for p in problems[:4]) if problems else None
            gui.button(pygame.Rect(40, y, 320, 40), mark + label, action, refusal=refusal)
            y += 48
        if pages > 1:
            more = _("More scenarios ({page}/{pages})").format(page=self.page + 1, pages=pages)
            gui.button(pygame.Rect(40, y, 320, 34), more, self._next_page)
        meta = self.scenario.meta
        lines = [f"**{getattr(meta.name, lang)}**", getattr(meta.description, lang)]
        if self.choice.problems:
            lines.append(
                ngettext(
                    "{n} warning: see validate", "{n} warnings: see validate", len(self.choice.problems)
                ).format(n=len(self.choice.problems))
            )
        gui.text(pygame.Rect(380, 70, w - 420, 120), lines)
        names = {r.id: getattr(r.name, lang) for r in self.scenario.regions}
        x, y = 380, 210
        for region in self._playable(self.scenario):
            mark = "• " if region in self.humans else ""
            gui.button(pygame.Rect(x, y, 200, 34), mark + names[region], partial(self._pick, region))
            x += 210
            if x + 200 > w - 20:
                x, y = 380, y + 40
        y += 60
        for i, level in enumerate(("easy", "normal", "hard")):
            mark = "• " if level == self.difficulty else ""
            gui.button(pygame.Rect(380 + i * 150, y, 140, 34), mark + _(level), partial(self._level, level))
        gui.button(pygame.Rect(w - 240, h - 70, 200, 46), _("Start"), self._start)
        gui.button(pygame.Rect(40, h - 70, 160, 46), _("Back"), lambda: self.app.switch(TitleScene(self.app)))

    def _rows(self) -> list[tuple[str, Listing | None, list[Problem]]]:
        """Every scenario, the broken ones too (disabled, their problems in the tooltip), then broken mods."""
        lang = language()
        rows: list[tuple[str, Listing | None, list[Problem]]] = []
        for listing in self.listings:
            mod = listing.entry.mod
            origin = f" · {getattr(mod.name, lang)}" if mod is not None else ""
            if listing.loaded is None:
                label = _("{name} (broken)").format(name=listing.entry.key)
                rows.append((label, None, listing.problems))
            else:
                scenario = listing.loaded.scenario
                label = f"{getattr(scenario.meta.name, lang)} ({len(scenario.regions)}){origin}"
                rows.append((label, listing, []))
        for broken in (mod for mod in self.broken_mods if mod.broken):
            rows.append((_("Mod {name} (broken)").format(name=broken.folder.name), None, broken.problems))
        return rows

    def _next_page(self) -> None:
        self.page += 1
        self.build()

    def choose(self, scenario_id: str) -> None:
        """Choose the scenario of that id (or key), as a click on it would."""
        for listing in self.playable_listings:
            if scenario_id in (listing.entry.key, self.scenario_of(listing).meta.id):
                self._choose(listing)
                return

    @staticmethod
    def scenario_of(listing: Listing) -> Scenario:
        assert listing.loaded is not None
        return listing.loaded.scenario

    def _choose(self, listing: Listing) -> None:
        self.choice = listing
        self.humans = [self._playable(self.scenario)[0]]
        self.build()

    def _pick(self, region: str) -> None:
        """Several players may share the machine (hot-seat): a click takes or frees a seat."""
        if region not in self.humans:
            self.humans.append(region)
        elif len(self.humans) > 1:
            self.humans.remove(region)
        self.build()

    def _level(self, level: str) -> None:
        self.difficulty = level
        self.build()

    def _start(self) -> None:
        loaded, entry = self.choice.loaded, self.choice.entry
        assert loaded is not None
        source = (entry.saved_text(loaded), entry.key)
        game = MapScene(
            self.app,
            self.scenario,
            list(self.humans),
            self.difficulty,
            source=source,
            provinces=loaded.provinces,
        )
        self.app.switch(game)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((24, 30, 40))
        heading = self.app.text.render(_("New game"), 28, (236, 220, 160), True)
        surface.blit(heading, (40, 20))
        hint = self.app.text.render(_("Your regions (pick several to play hot-seat):"), 15, (200, 210, 225))
        surface.blit(hint, (380, 190))


class ErrorScene(Scene):
    """Shown instead of vanishing when something unexpected happens."""

    def __init__(self, app: App, log_file: str) -> None:
        super().__init__(app)
        self.log_file = log_file

    def build(self) -> None:
        gui, (w, _h) = self.app.gui, self.app.size
        gui.clear()
        gui.text(
            pygame.Rect(40, 40, w - 80, 160),
            [
                f"**{_('Something went wrong, but the game is still running.')}**",
                _("The details were written to {path}.").format(path=self.log_file),
            ],
        )
        gui.button(
            pygame.Rect(40, 220, 220, 44), _("Title screen"), lambda: self.app.switch(TitleScene(self.app))
        )
