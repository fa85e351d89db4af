"""F5 in a game: the scenario read again from the disk into a new game, for a modder at work.

The same players take the same regions (where the scenario still has them) and the same seed is
used, so a change to the file is all that differs. A file that no longer loads shows its problems
over the game, which goes on untouched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.catalogue import find_saved
from game.i18n import _
from game.scenario.errors import ScenarioError
from game.ui.overgame import OverGame

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.mapscene import MapScene

PROBLEMS_SHOWN = 30


def reload_scenario(game: MapScene) -> None:
    from game.ui.mapscene import MapScene  # the new game is a map scene like this one

    app, key = game.app, game.source[1]
    try:
        entry = find_saved(key)
        loaded = entry.load()
    except ScenarioError as error:
        app.switch(ReloadProblemsScene(app, game, [str(p) for p in error.problems]))
        return
    scenario = loaded.scenario
    ids = [r.id for r in scenario.regions]
    playable = list(scenario.meta.playable or ids)
    humans = [h for h in game.humans if h in playable] or playable[:1]
    fresh = MapScene(
        app,
        scenario,
        humans,
        str(game.players["difficulty"]),
        seed=game.state.seed,
        source=(entry.saved_text(loaded), entry.key),
        provinces=loaded.provinces,
    )
    fresh.message = [_("Reloaded {name} from the disk.").format(name=entry.key)] + [
        str(p) for p in loaded.warnings[:5]
    ]
    app.switch(fresh)


class ReloadProblemsScene(OverGame):
    """The problems of a scenario file that no longer loads, over the game that goes on."""

    def __init__(self, app: App, game: MapScene, problems: list[str]) -> None:
        super().__init__(app, game)
        self.problems = problems

    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        count = len(self.problems)
        lines = [f"**{_('The scenario could not be reloaded')}**", ""]
        lines += self.problems[:PROBLEMS_SHOWN]
        if count > PROBLEMS_SHOWN:
            lines.append(_("… and {n} more: run validate for all of them.").format(n=count - PROBLEMS_SHOWN))
        gui.text(pygame.Rect(40, 40, w - 80, h - 140), lines)
        gui.button(pygame.Rect(40, h - 80, 260, 44), _("Back to the game"), self.back_to_game)
        gui.button(pygame.Rect(320, h - 80, 260, 44), _("Try again (F5)"), self._again)

    def _again(self) -> None:
        reload_scenario(self.game)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.back_to_game()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F5:
            self._again()

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((24, 30, 40))
