"""Before a war is declared: what it sets off (game/core/forecast.py), and a choice to go on or not."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core import actions as A
from game.core.forecast import war_forecast
from game.core.view import View
from game.i18n import _, number
from game.ui.labels import kind_label
from game.ui.overgame import TextOverlay
from game.ui.proposal_texts import gold_text

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.mapscene import MapScene


class WarConfirmScene(TextOverlay):
    FILL, BORDER, TITLE = (40, 26, 28), (200, 90, 80), (255, 200, 180)
    WIDTH, HEIGHT = 680, 480

    def __init__(self, app: App, game: MapScene, action: A.DeclareWar) -> None:
        super().__init__(app, game)
        self.action = action

    def title(self) -> str:
        return _("Declare war on {region}?").format(region=self.game.name(self.action.target))

    def lines(self) -> list[str]:
        game = self.game
        name = game.name
        forecast = war_forecast(View(game.state, game.me), self.action.target)
        lines = [f"**{_('What follows')}**"]
        if forecast.called:
            lines.append(
                _("Called to arms against you: {list} (each decides whether to come).").format(
                    list=", ".join(name(r) for r in forecast.called)
                )
            )
        else:
            lines.append(
                _("{region} has no allies to call against you.").format(region=name(forecast.target))
            )
        if forecast.broken:
            lines.append(
                _("Broken, a betrayal all who know you remember: {list}.").format(
                    list=", ".join(kind_label(k) for k in forecast.broken)
                )
            )
        if forecast.truce_broken:
            lines.append(_("The truce between you is broken: a betrayal too."))
        if forecast.ended:
            lines.append(_("Ended: {list}.").format(list=", ".join(kind_label(k) for k in forecast.ended)))
        if forecast.ambassadors:
            lines.append(_("The ambassadors between you are sent home."))
        lines.append(_("Your reputation falls by {n} at once.").format(n=number(round(forecast.reputation))))
        if forecast.judges:
            lines.append(
                _("{list} will vote on condemning the war; a condemned aggressor may face sanctions.").format(
                    list=", ".join(name(o) for o in forecast.judges)
                )
            )
        lines.append(
            _("The war costs {gold} gold a turn while it lasts.").format(
                gold=gold_text(forecast.gold_per_turn)
            )
        )
        lines.append(_("{region}'s opinion of you falls steeply.").format(region=name(forecast.target)))
        return lines

    def build(self) -> None:
        gui, box = self.app.gui, self.lay_out()
        bottom = pygame.Rect(box.right - 16 - 170, box.bottom - 50, 170, 36)
        gui.button(bottom, _("Cancel (Esc)"), self.back_to_game)
        gui.button(bottom.move(-180, 0), _("Declare war"), self.declare)

    def declare(self) -> None:
        self.game.submit(self.action)
        self.back_to_game()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.back_to_game()
