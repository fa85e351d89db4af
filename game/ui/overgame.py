"""Scenes shown over a game or after it: the hot-seat handover, the pause menu, game over."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pygame

from game import paths
from game.catalogue import painted_map
from game.core.economy import standings
from game.core.model import FIGURES, Figure, GameState
from game.i18n import _, language, number
from game.saves import LoadedGame, SaveError, save_game
from game.scenario.provinces import ProvinceMap
from game.ui.gui import text_box_height
from game.ui.linechart import Chart, Line, distinct_colours, draw_line_chart
from game.ui.scene import Scene

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.mapscene import MapScene


class OverGame(Scene):
    """A scene about a game: shown over it (and able to return to it) or after it ends."""

    def __init__(self, app: App, game: MapScene) -> None:
        super().__init__(app)
        self.game = game

    def back_to_game(self) -> None:
        self.app.scene = self.game
        self.game.build()

    def draw_dimmed_game(self, surface: pygame.Surface) -> None:
        """The game's map, darkened, under what this scene shows."""
        self.game.draw_backdrop(surface)
        shade = pygame.Surface(self.app.size, pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        surface.blit(shade, (0, 0))

    def _to_title(self) -> None:
        from game.ui.menus import TitleScene  # the title leads into games: imported when needed

        self.app.switch(TitleScene(self.app))

    def unsaved_actions(self) -> int:
        return self.game.unsaved_actions()


class TextOverlay(OverGame):
    """A box over the dimmed map: a title, lines that scroll, and a button back to the game."""

    WIDTH, HEIGHT = 720, 540
    FILL, BORDER, TITLE = (28, 34, 46), (120, 135, 155), (236, 220, 160)
    GRACE_SECONDS = 0.35  # a click or Enter this soon is the second half of the one that opened it

    def __init__(self, app: App, game: MapScene) -> None:
        super().__init__(app, game)
        self.shown_for = 0.0
        self._box = pygame.Rect(0, 0, 0, 0)  # laid out by build, as tall as the text needs

    def title(self) -> str:
        raise NotImplementedError

    def lines(self) -> list[str]:
        raise NotImplementedError

    def close_label(self) -> str:
        return _("Close (Esc)")

    def box(self) -> pygame.Rect:
        return self._box

    def _fit_box(self, lines: list[str]) -> pygame.Rect:
        """Centred, as tall as its text needs (a short alert is a small box), within the window."""
        w, h = self.app.size
        width = min(self.WIDTH, w - 60)
        needed = 52 + text_box_height(self.app.text, lines, width - 32) + 60
        height = min(self.HEIGHT, h - 40, needed)
        return pygame.Rect((w - width) // 2, (h - height) // 2, width, height)

    def build(self) -> None:
        box = self.lay_out()
        self.app.gui.button(
            pygame.Rect(box.centerx - 120, box.bottom - 50, 240, 36), self.close_label(), self.close
        )

    def lay_out(self) -> pygame.Rect:
        """The box fitted to the text, and the text in it; the buttons go under it, by the caller."""
        lines = self.lines()
        box = self._box = self._fit_box(lines)
        self.app.gui.clear()
        self.app.gui.text(pygame.Rect(box.x + 16, box.y + 52, box.width - 32, box.height - 112), lines)
        return box

    def close(self) -> None:
        self.back_to_game()

    def update(self, seconds: float) -> None:
        self.shown_for += seconds

    def handle(self, event: pygame.event.Event) -> None:
        keys = (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER)
        if event.type == pygame.KEYDOWN and event.key in keys and self.shown_for >= self.GRACE_SECONDS:
            self.close()

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_dimmed_game(surface)
        box = self.box()
        pygame.draw.rect(surface, self.FILL, box)
        pygame.draw.rect(surface, self.BORDER, box, 2)
        surface.blit(self.app.text.render(self.title(), 20, self.TITLE, True), (box.x + 16, box.y + 14))


HANDOVER_GRACE_SECONDS = 0.6


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

    def __init__(self, app: App, game: MapScene) -> None:
        super().__init__(app, game)
        self.shown_for = 0.0

    def update(self, seconds: float) -> None:
        self.shown_for += seconds

    def handle(self, event: pygame.event.Event) -> None:
        # An Enter this soon is the last player's own, pressed twice to end a turn: it must not
        # show the next player's view to them.
        enter = event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)
        if enter and self.shown_for >= HANDOVER_GRACE_SECONDS:
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
            self._leave,
        )
        if self.note:
            gui.text(pygame.Rect(x - 100, y + 274, 480, 64), [self.note])

    def _save(self) -> None:
        self.note = save_now(self.game)[1]
        self.build()

    def _leave(self) -> None:
        if self.game.unsaved_actions():
            self.app.switch(LeaveScene(self.app, self.game, then=self._to_title, back=self._back_here))
        else:
            self._to_title()

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
        self.draw_dimmed_game(surface)


def rolling_mean(points: list[tuple[int, float]], width: int) -> list[tuple[int, float]]:
    """Each value the mean of it and up to `width - 1` before it."""
    values = [value for _turn, value in points]
    means = []
    for i, (turn, _value) in enumerate(points):
        recent = values[max(0, i - width + 1) : i + 1]
        means.append((turn, sum(recent) / len(recent)))
    return means


def living_standings(state: GameState) -> list[tuple[str, float]]:
    """The published standings without a region annexed since they were made (this turn)."""
    return [(r, points) for r, points in standings(state) if state.regions[r].alive]


def save_now(game: MapScene) -> tuple[bool, str]:
    """Save the game under its save path; whether it was saved, and the note that says so."""
    text, file_name = game.source
    try:
        path = save_game(save_path(game), text, file_name, game.session, game.players)
    except SaveError as error:
        return False, _("The game could not be saved: {reason}").format(reason=error.message)
    game.saved_at = len(game.session.log)
    return True, _("Saved as {file}.").format(file=path.name)


class LeaveScene(TextOverlay):
    """Leaving a game with unsaved work: save first, leave anyway, or go back."""

    def __init__(
        self, app: App, game: MapScene, *, then: Callable[[], None], back: Callable[[], None]
    ) -> None:
        super().__init__(app, game)
        self.then, self.back, self.note = then, back, ""

    @classmethod
    def over(cls, scene: Scene, then: Callable[[], None]) -> LeaveScene:
        """Asked over whatever shows a game (the map or a scene over it); back returns there."""
        from game.ui.mapscene import MapScene  # the map scene shows this one: imported when needed

        game = scene.game if isinstance(scene, OverGame) else scene
        assert isinstance(game, MapScene), "only a game has work to lose"
        return cls(scene.app, game, then=then, back=lambda: scene.app.switch(scene))

    def title(self) -> str:
        return _("Leave without saving?")

    def lines(self) -> list[str]:
        turn = self.game.state.turn
        lines = [
            _("What you did since turn {turn} began is not saved.").format(turn=turn),
            _("Continue on the title screen would start turn {turn} again.").format(turn=turn),
        ]
        return [*lines, "", self.note] if self.note else lines

    def build(self) -> None:
        gui, box = self.app.gui, self.lay_out()
        y, width = box.bottom - 50, (box.width - 32 - 2 * 10) // 3
        labels = ((_("Save and leave"), self._save_and_leave), (_("Leave without saving"), self.then))
        for i, (label, command) in enumerate((*labels, (_("Back (Esc)"), self.back))):
            gui.button(pygame.Rect(box.x + 16 + i * (width + 10), y, width, 36), label, command)

    def _save_and_leave(self) -> None:
        saved, self.note = save_now(self.game)
        if saved:
            self.then()
        else:
            self.build()

    def unsaved_actions(self) -> int:
        return 0  # asked already: closing the window now leaves

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.back()


def save_path(game: MapScene) -> Path:
    """A save per scenario, first player and turn: saving again in the same turn replaces that file
    (the replaced one is kept as .bak), and each turn saved stays."""
    name = f"{game.scenario.meta.id}-{game.humans[0]}-turn-{game.state.turn:03d}.json"
    return paths.saves_dir() / name


def resumed_scene(
    app: App,
    loaded: LoadedGame,
    fallback: list[str] | None = None,
    *,
    provinces: ProvinceMap | Literal["find"] | None = "find",
) -> MapScene | None:
    """The game of a save, played on by the same humans (those not annexed), or None without any.

    `provinces` is the scenario's painted map when the caller has looked it up already."""
    humans = [h for h in loaded.players["humans"] if loaded.state.regions[h].alive] or fallback or []
    if not humans:
        return None
    from game.ui.mapscene import MapScene  # a game's scenes lead back into it: imported when needed

    source = (loaded.scenario_text, loaded.scenario_file)
    if provinces == "find":
        provinces = painted_map(loaded.scenario, loaded.scenario_file)
    difficulty = loaded.players["difficulty"]
    return MapScene(
        app, loaded.scenario, humans, difficulty, source=source, loaded=loaded, provinces=provinces
    )


CHART_LINES = 6  # regions drawn on the game over charts besides the players' and the winner
FRIENDS_LEADERS = 3  # the friends chart: fewer lines, those with the most friends at the end
FRIENDS_MEAN = 5  # and each point the mean of this many recorded turns, so that it reads as a trend
MARGIN = 24
TAB_GAP = 8


def figure_texts(figure: Figure) -> tuple[str, str, str]:
    """A chart's tab, title and unit."""
    if figure == "score":
        return _("Score"), _("Score over the turns"), _("Points")
    if figure == "treasury":
        return _("Treasury"), _("Treasury over the turns"), _("Gold")
    return (
        _("Friends and allies"),
        _("Friends and allies over the turns (each point the mean of {n} turns)").format(n=FRIENDS_MEAN),
        _("Regions"),
    )


def victory_text(how: str | None, region: str) -> str:
    if how == "conquest":
        return _("{region} wins by conquest.").format(region=region)
    if how == "diplomatic":
        return _("{region} wins a diplomatic victory.").format(region=region)
    if how == "economic":
        return _("{region} wins an economic victory.").format(region=region)
    return _("{region} has the best score when time runs out and wins.").format(region=region)


class GameOverScene(OverGame):
    """Who won and how, the final standings, and charts of score, treasury and friends over the
    turns (buttons or the arrow keys switch between them)."""

    def __init__(self, app: App, game: MapScene) -> None:
        super().__init__(app, game)
        self.figure: Figure = "score"

    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        panel, tabs, _area = self._layout()
        gui.text(panel, self._summary())
        width = min(240, (tabs.width - 2 * TAB_GAP) // len(FIGURES))
        for i, figure in enumerate(FIGURES):
            gui.toggle(
                pygame.Rect(tabs.x + i * (width + TAB_GAP), tabs.y, width, tabs.height),
                figure_texts(figure)[0],
                partial(self.show, figure),
                selected=figure == self.figure,
                tooltip=_("How many regions were allied with each region or regarded it as a friend")
                if figure == "friends"
                else None,
            )
        exits = self.exits()
        x = w // 2 - (len(exits) * 220 - 20) // 2
        for i, (label, command) in enumerate(exits):
            gui.button(pygame.Rect(x + i * 220, h - 62, 200, 44), label, command)

    def exits(self) -> list[tuple[str, Callable[[], None]]]:
        return [(_("Title screen"), self._to_title)]

    def show(self, figure: Figure) -> None:
        self.figure = figure
        self.build()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            step = 1 if event.key == pygame.K_RIGHT else -1
            self.show(FIGURES[(FIGURES.index(self.figure) + step) % len(FIGURES)])

    def _layout(self) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """The results at the left, the chart's buttons and the chart at the right, the way out below."""
        w, h = self.app.size
        bottom = h - 80
        panel = pygame.Rect(MARGIN, MARGIN, max(240, min(340, w * 27 // 100)), bottom - MARGIN)
        x = panel.right + 20
        tabs = pygame.Rect(x, MARGIN, w - MARGIN - x, 34)
        return panel, tabs, pygame.Rect(x, tabs.bottom + 10, tabs.width, bottom - tabs.bottom - 10)

    def _summary(self) -> list[str]:
        state, name, humans = self.game.state, self.game.name, self.game.seats
        lines = [f"**{_('The game is over')}**"]
        if state.winner is not None and state.winner in humans:
            lines[0] = f"**{_('Victory!')}**"
        elif humans and all(not state.regions[h].alive for h in humans):
            lines[0] = f"**{_('Defeat')}**"
        if state.winner is not None:
            lines.append(victory_text(state.win_reason, name(state.winner)))
        return lines + self._places(humans) + self._standings()

    def _places(self, humans: list[str]) -> list[str]:
        state, name = self.game.state, self.game.name
        ranked = living_standings(state)
        lines = []
        for human in humans:
            ruler = state.regions[human].ruler
            if ruler != human:
                lines.append(
                    _("{region} was annexed by {ruler}.").format(region=name(human), ruler=name(ruler))
                )
            else:
                place = next(rank for rank, (r, _points) in enumerate(ranked, start=1) if r == human)
                lines.append(
                    _("{region} finishes in place {place} of {count}.").format(
                        region=name(human), place=place, count=len(ranked)
                    )
                )
        return lines

    def _standings(self, heading: str | None = None) -> list[str]:
        state, name, humans = self.game.state, self.game.name, self.game.seats
        lines = ["", f"**{heading or _('Final standings')}**"]
        for rank, (region, points) in enumerate(living_standings(state), start=1):
            line = f"{rank}. {name(region)} — {number(round(points))}"
            lines.append(f"**{line}**" if region in humans else line)
        fallen = [r for r in state.order if not state.regions[r].alive]
        if fallen:
            lines += ["", f"**{_('Annexed regions')}**"]
            lines += [
                _("{region}, ruled by {ruler}").format(region=name(r), ruler=name(state.regions[r].ruler))
                for r in fallen
            ]
        return lines

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((24, 30, 40))
        draw_line_chart(surface, self._layout()[2], self.app.text, self._chart())

    def _chart(self) -> Chart:
        """The players' regions, the winner and the leaders, in the colours of the map. Friends
        (counts that come and go from turn to turn) are fewer lines, each the mean of a few turns,
        under the count the diplomatic victory needs."""
        state, game = self.game.state, self.game
        friends = self.figure == "friends"
        if friends:
            last = {r: values[-1] for r, values in state.history.friends.items() if values}
            leaders = sorted(last, key=lambda r: (-last[r], r))[:FRIENDS_LEADERS]
        else:
            leaders = [r for r, _points in living_standings(state)[:CHART_LINES]]
        winner = [state.winner] if state.winner is not None else []
        shown = list(dict.fromkeys([*game.seats, *winner, *leaders]))
        colours = distinct_colours([game.map.colours.get(r, (200, 200, 200)) for r in shown])
        lines = []
        for region, colour in zip(shown, colours, strict=True):
            points = state.history.series(self.figure, region)
            lines.append(
                Line(
                    game.name(region),
                    colour,
                    rolling_mean(points, FRIENDS_MEAN) if friends else points,
                    bold=region in game.seats,
                    fell=not state.regions[region].alive,
                )
            )
        _tab, title, unit = figure_texts(self.figure)
        target = None
        share = state.victory.diplomatic_share
        if friends and share is not None:
            needed = math.ceil(share * (len(state.regions) - 1) - 1e-9)  # with every region still living
            target = (float(needed), _("needed for a diplomatic victory"))
        return Chart(title, _("Turn"), unit, lines, number, whole=friends, smooth=friends, target=target)


class DefeatScene(GameOverScene):
    """A player's region was annexed: how and when, the standings and charts so far. Alone, the
    player may watch the computers play the game out or leave; in hot-seat the others play on."""

    def __init__(self, app: App, game: MapScene, fallen: list[str]) -> None:
        super().__init__(app, game)
        self.fallen = fallen

    def _summary(self) -> list[str]:
        state, name = self.game.state, self.game.name
        lines = [f"**{_('Defeat')}**"]
        for region in self.fallen:
            ruler = state.regions[region].ruler
            turn = next(
                (
                    e.turn
                    for e in reversed(state.events)
                    if e.kind == "region_annexed" and e.actors[1] == region
                ),
                state.turn,
            )
            lines.append(
                _("{region} capitulated in its war with {ruler}, which annexed it on turn {turn}.").format(
                    region=name(region), ruler=name(ruler), turn=turn
                )
            )
        if self.game.humans:
            others = ", ".join(name(h) for h in self.game.humans)
            lines.append(_("The game goes on for {players}.").format(players=others))
        else:
            lines.append(_("The game goes on without you: watch the computers play it out, or leave."))
        return lines + self._standings(_("Standings now"))

    def exits(self) -> list[tuple[str, Callable[[], None]]]:
        if self.game.humans:
            return [(_("Continue"), self.back_to_game)]
        return [(_("Watch on"), self.back_to_game), (_("Title screen"), self._to_title)]
