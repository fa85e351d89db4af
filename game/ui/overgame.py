"""Scenes shown over a game or after it: the hot-seat handover, the pause menu, game over."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game import paths
from game.catalogue import painted_map
from game.core.economy import standings
from game.i18n import _, language
from game.saves import LoadedGame, SaveError, save_game
from game.ui.scene import Scene

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.mapscene import MapScene

CHART_LINES = 6  # regions drawn on the game over chart, besides the players'


class OverGame(Scene):
    """A scene about a game: shown over it (and able to return to it) or after it ends."""

    def __init__(self, app: App, game: MapScene) -> None:
        super().__init__(app)
        self.game = game

    def back_to_game(self) -> None:
        self.app.scene = self.game
        self.game.build()

    def _to_title(self) -> None:
        from game.ui.menus import TitleScene  # the title leads into games: imported when needed

        self.app.switch(TitleScene(self.app))


class HandoverScene(OverGame):
    """Hot-seat: the next player takes the seat without seeing the last player's view."""

    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        region = self.game.name(self.game.session.current or "")
        gui.button(
            pygame.Rect(w // 2 - 150, h // 2 + 20, 300, 48),
            _("I am {region}: show my view").format(region=region),
            self.back_to_game,
        )

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.back_to_game()

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((16, 20, 28))
        region = self.game.name(self.game.session.current or "")
        text = self.app.text.render(
            _("Pass the seat to the player of {region}.").format(region=region), 26, (236, 220, 160), True
        )
        w, h = self.app.size
        surface.blit(text, (w // 2 - text.get_width() // 2, h // 2 - 60))


class PauseScene(OverGame):
    """Esc in the game: go back, save, load, change the settings, or leave for the title screen."""

    def __init__(self, app: App, game: MapScene) -> None:
        super().__init__(app, game)
        self.note = ""

    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        x, y = w // 2 - 140, h // 2 - 150
        gui.button(pygame.Rect(x, y, 280, 44), _("Back to the game"), self.back_to_game)
        gui.button(pygame.Rect(x, y + 54, 280, 44), _("Save"), self._save)
        gui.button(pygame.Rect(x, y + 108, 280, 44), _("Load"), self._load)
        gui.button(pygame.Rect(x, y + 162, 280, 44), _("Settings"), self._settings)
        gui.button(
            pygame.Rect(x, y + 216, 280, 44),
            _("Quit to the title screen"),
            self._to_title,
        )
        if self.note:
            gui.text(pygame.Rect(x - 100, y + 274, 480, 64), [self.note])

    def _save(self) -> None:
        text, file_name = self.game.source
        try:
            path = save_game(save_path(self.game), text, file_name, self.game.session, self.game.players)
            self.note = _("Saved as {file}.").format(file=path.name)
        except SaveError as error:
            self.note = _("The game could not be saved: {reason}").format(reason=error.message)
        self.build()

    def _back_here(self) -> None:
        self.app.switch(self)

    def _load(self) -> None:
        from game.ui.load_scene import LoadScene  # it resumes games through this module: imported when needed

        self.app.switch(LoadScene(self.app, back=self._back_here))

    def _settings(self) -> None:
        from game.ui.settings_scene import SettingsScene, in_current_language

        shown = language()

        def back() -> None:
            if language() != shown:  # the map's names come from the scenario, in the language of the time
                self.game = in_current_language(self.game)
            self._back_here()

        self.app.switch(SettingsScene(self.app, back=back))

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.back_to_game()

    def draw(self, surface: pygame.Surface) -> None:
        self.game.draw(surface)
        shade = pygame.Surface(self.app.size, pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        surface.blit(shade, (0, 0))


def save_path(game: MapScene) -> Path:
    """A save per scenario, first player and turn: saving again in the same turn replaces that file
    (the replaced one is kept as .bak), and each turn saved stays."""
    name = f"{game.scenario.meta.id}-{game.humans[0]}-turn-{game.state.turn:03d}.json"
    return paths.saves_dir() / name


def resumed_scene(app: App, loaded: LoadedGame, fallback: list[str] | None = None) -> MapScene | None:
    """The game of a save, played on by the same humans (those not annexed), or None without any."""
    humans = [h for h in loaded.players["humans"] if loaded.state.regions[h].alive] or fallback or []
    if not humans:
        return None
    from game.ui.mapscene import MapScene  # a game's scenes lead back into it: imported when needed

    source = (loaded.scenario_text, loaded.scenario_file)
    provinces = painted_map(loaded.scenario, loaded.scenario_file)
    difficulty = loaded.players["difficulty"]
    return MapScene(
        app, loaded.scenario, humans, difficulty, source=source, loaded=loaded, provinces=provinces
    )


class GameOverScene(OverGame):
    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        state, name = self.game.state, self.game.name
        lines = [f"**{_('The game is over')}**"]
        if state.winner is not None:
            how = _(state.win_reason) if state.win_reason else ""
            lines.append(_("{region} wins ({how}).").format(region=name(state.winner), how=how))
        for human in self.game.humans:
            ruler = state.regions[human].ruler
            if ruler != human:
                lines.append(
                    _("{region} was annexed by {ruler}.").format(region=name(human), ruler=name(ruler))
                )
        lines.append("")
        lines.append(f"**{_('Final standings')}**")
        for rank, (region, points) in enumerate(standings(state), start=1):
            lines.append(f"{rank}. {name(region)} — {points:.0f}")
        gui.text(pygame.Rect(40, 60, 380, h - 160), lines)
        gui.button(
            pygame.Rect(w // 2 - 100, h - 80, 200, 44),
            _("Title screen"),
            self._to_title,
        )

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((24, 30, 40))
        w, h = self.app.size
        self._chart(surface, pygame.Rect(460, 60, w - 500, h - 170))

    def _chart(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """Score over the turns for the leading regions and the player's own."""
        state, game = self.game.state, self.game
        leaders = [r for r, _points in standings(state)[:CHART_LINES]]
        shown = list(dict.fromkeys([*game.humans, *leaders]))
        points = {r: state.history.series("score", r) for r in shown}
        series = {r: [value for _turn, value in found] for r, found in points.items() if found}
        pygame.draw.rect(surface, (16, 20, 28), area)
        pygame.draw.rect(surface, (70, 82, 100), area, 1)
        title = self.app.text.render(_("Score over the turns"), 16, (236, 220, 160), True)
        surface.blit(title, (area.x + 8, area.y + 6))
        if not series:
            return
        turns = max(len(v) for v in series.values())
        top = max(max(v) for v in series.values()) or 1.0
        plot = area.inflate(-60, -60).move(10, 10)
        for i, (region, values) in enumerate(series.items()):
            colour = game.map.colours.get(region, (200, 200, 200))
            points = [
                (plot.x + plot.width * t / max(turns - 1, 1), plot.bottom - plot.height * v / top)
                for t, v in enumerate(values)
            ]
            if len(points) > 1:
                pygame.draw.lines(surface, colour, False, points, 3 if region in game.humans else 2)
            label = self.app.text.render(game.name(region), 13, colour, region in game.humans)
            surface.blit(label, (area.right - 150, area.y + 30 + 18 * i))
