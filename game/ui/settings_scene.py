"""Settings: language, interface size and full screen. Each choice applies at once and is kept."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

import pygame

from game.i18n import _
from game.saves import LoadedGame
from game.settings import UI_SCALES
from game.ui.scene import Scene

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.mapscene import MapScene

# Each language is named in itself, so a player who cannot read the one shown still finds theirs.
LANGUAGE_NAMES = (("en", "English"), ("pl", "Polski"))
LABEL_WIDTH = 220  # the column of row names; the choices start after it
CHOICE_GAP = 8
ROW_HEIGHT = 40
ROW_STEP = ROW_HEIGHT + 36  # room under each row for a note


class SettingsScene(Scene):
    """Reached from the title screen and the pause menu; `back` returns to where it was opened."""

    def __init__(self, app: App, back: Callable[[], None]) -> None:
        super().__init__(app)
        self.back = back
        self.note = ""

    def _rows(self) -> list[tuple[str, list[tuple[str, bool, dict[str, Any]]]]]:
        """Each row: its name, and its choices as (text, chosen, the change it makes)."""
        current = self.app.settings
        return [
            (
                _("Language"),
                [(name, code == current.language, {"language": code}) for code, name in LANGUAGE_NAMES],
            ),
            (
                _("Interface size"),
                [
                    (percent(scale), abs(scale - current.ui_scale) < 1e-6, {"ui_scale": scale})
                    for scale in UI_SCALES
                    if scale <= self.largest_scale() + 1e-6 or abs(scale - current.ui_scale) < 1e-6
                ],
            ),
            (
                _("Display"),
                [
                    (_("Window"), not current.fullscreen, {"fullscreen": False}),
                    (_("Full screen"), current.fullscreen, {"fullscreen": True}),
                ],
            ),
        ]

    def largest_scale(self) -> float:
        """The largest interface size the window has room for: only those that fit are offered."""
        from game.ui.app import MIN_SIZE  # the window's module imports the scenes

        w, h = self.app.screen.get_size()
        return min(w / MIN_SIZE[0], h / MIN_SIZE[1])

    def _origin(self) -> tuple[int, int]:
        w, _h = self.app.size
        return w // 2 - 360, 110

    def build(self) -> None:
        gui, (_w, h) = self.app.gui, self.app.size
        gui.clear()
        x0, y = self._origin()
        for _name, choices in self._rows():
            width = 92 if len(choices) > 3 else 180
            for i, (text, chosen, change) in enumerate(choices):
                rect = pygame.Rect(x0 + LABEL_WIDTH + i * (width + CHOICE_GAP), y, width, ROW_HEIGHT)
                gui.toggle(rect, text, partial(self._change, change), selected=chosen)
            y += ROW_STEP
        if self.note:
            gui.text(pygame.Rect(x0, y, LABEL_WIDTH + 500, 70), [self.note])
        gui.button(pygame.Rect(40, h - 70, 160, 46), _("Back"), self.back)

    def _change(self, change: dict[str, Any]) -> None:
        kept = self.app.change_settings(replace(self.app.settings, **change))
        self.note = (
            "" if kept else _("The settings apply now, but they could not be stored for the next start.")
        )
        self.build()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.back()

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((24, 30, 40))
        heading = self.app.text.render(_("Settings"), 28, (236, 220, 160), True)
        surface.blit(heading, (40, 20))
        x0, y = self._origin()
        for name, _choices in self._rows():
            label = self.app.text.render(name, 18, (220, 228, 238))
            surface.blit(label, (x0, y + (ROW_HEIGHT - label.get_height()) // 2))
            y += ROW_STEP
        shown, chosen = self.app.scale, self.app.settings.ui_scale
        if shown < chosen - 1e-6:  # under the interface size: the window cannot hold it that large
            limit = _("This window has room for {percent} at most.").format(percent=percent(shown))
            text = self.app.text.render(limit, 15, (236, 200, 140))
            surface.blit(text, (x0 + LABEL_WIDTH, self._origin()[1] + ROW_STEP + ROW_HEIGHT + 8))


def percent(scale: float) -> str:
    return f"{round(scale * 100)} %"


def in_current_language(game: MapScene) -> MapScene:
    """The same game shown anew, so that the scenario's names (regions, organisations) follow a
    change of language: rebuilt from its session the way a load resumes a game, without the disk."""
    from game.ui.overgame import resumed_scene  # the pause menu imports this module: imported when needed

    text, file_name = game.source
    loaded = LoadedGame(
        scenario=game.scenario,
        scenario_text=text,
        scenario_file=file_name,
        state=game.state,
        record=game.session.earlier,
        log=list(game.session.log),
        players=dict(game.players),
    )
    shown = resumed_scene(game.app, loaded, game.humans)
    if shown is None:
        return game
    shown.take_over(game)
    return shown
