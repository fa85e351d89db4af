"""The scenes outside a game: title, new game, and the error screen."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pygame

from game import paths
from game.i18n import _, language, set_language
from game.saves import SaveError, autosaves, load_game
from game.scenario.loader import load_scenario, shipped_scenarios
from game.scenario.schema import Scenario
from game.ui.mapscene import MapScene
from game.ui.overgame import resumed_scene
from game.ui.scene import Scene

if TYPE_CHECKING:
    from game.ui.app import App


class TitleScene(Scene):
    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        x = w // 2 - 140
        gui.button(
            pygame.Rect(x, h // 2 - 40, 280, 44),
            _("New game"),
            lambda: self.app.switch(NewGameScene(self.app)),
        )
        other = "pl" if language() == "en" else "en"
        # The catalogue turns this into the name of the language being shown.
        gui.button(
            pygame.Rect(x, h // 2 + 14, 280, 44), _("Language: English"), lambda: self._language(other)
        )
        gui.button(pygame.Rect(x, h // 2 + 68, 280, 44), _("Quit"), self.app.quit)
        if autosaves(paths.autosaves_dir()):
            gui.button(pygame.Rect(x, h // 2 - 94, 280, 44), _("Continue"), self._continue)

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

    def _language(self, code: str) -> None:
        set_language(code)
        self.build()

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((20, 27, 38))
        w, h = self.app.size
        title = self.app.text.render("Bilateral", 64, (236, 220, 160), True)
        surface.blit(title, (w // 2 - title.get_width() // 2, h // 2 - 190))
        line = self.app.text.render(_("A game of embassies, treaties and wars"), 20, (190, 200, 215))
        surface.blit(line, (w // 2 - line.get_width() // 2, h // 2 - 110))


class NewGameScene(Scene):
    def __init__(self, app: App) -> None:
        super().__init__(app)
        loaded = [(path, load_scenario(path)) for path in shipped_scenarios()]
        self.paths = {s.scenario.meta.id: path for path, s in loaded}
        self.provinces = {s.scenario.meta.id: s.provinces for _path, s in loaded}
        self.scenarios: list[Scenario] = [s.scenario for _path, s in loaded]
        self.scenario = next((s for s in self.scenarios if s.meta.id == "tutorial"), self.scenarios[0])
        self.humans = [self._playable(self.scenario)[0]]
        self.difficulty = "normal"

    @staticmethod
    def _playable(scenario: Scenario) -> list[str]:
        return list(scenario.meta.playable or [r.id for r in scenario.regions])

    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        lang = language()
        y = 70
        for scenario in self.scenarios:
            mark = "• " if scenario is self.scenario else ""
            name = getattr(scenario.meta.name, lang)
            gui.button(
                pygame.Rect(40, y, 320, 40),
                f"{mark}{name} ({len(scenario.regions)})",
                partial(self._choose, scenario),
            )
            y += 48
        description = getattr(self.scenario.meta.description, lang)
        gui.text(
            pygame.Rect(380, 70, w - 420, 120), [f"**{getattr(self.scenario.meta.name, lang)}**", description]
        )
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

    def _choose(self, scenario: Scenario) -> None:
        self.scenario, self.humans = scenario, [self._playable(scenario)[0]]
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
        path = self.paths[self.scenario.meta.id]
        source = (path.read_text(encoding="utf-8"), path.name)
        provinces = self.provinces[self.scenario.meta.id]
        game = MapScene(
            self.app, self.scenario, list(self.humans), self.difficulty, source=source, provinces=provinces
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
