"""The panel and what guards the player: one steady row per proposal with both answers, a scrolling
inbox, the wheel over the panel never zooming the map, reasons and costs on hover (disabled
buttons too), the war confirmation and the warning before unsaved work is lost. Driven through
the real event loop (tests/window_driver.py)."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import html
from collections.abc import Iterator

import pygame
import pytest

from game.core import actions as A
from game.core.diplomacy import propose, sign_treaty
from game.core.model import Terms
from game.i18n import set_language
from game.ui.app import App
from game.ui.menus import TitleScene
from game.ui.overgame import LeaveScene, PauseScene
from game.ui.war_confirm import WarConfirmScene
from tests.window_driver import buttons, click, key, new_game, press, press_in_row, texts


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


def _wheel(app: App, point: tuple[int, int], notches: int) -> None:
    pygame.mouse.set_pos(point)
    wheel = pygame.event.Event(
        pygame.MOUSEWHEEL, x=0, y=notches, flipped=False, precise_x=0.0, precise_y=float(notches)
    )
    app.frame([wheel], 1 / 60)


def _hover(app: App, point: tuple[int, int]) -> str:
    """Rest the mouse on a point for a second; the tooltip's text, if one appeared."""
    pygame.mouse.set_pos(point)
    app.frame([pygame.event.Event(pygame.MOUSEMOTION, pos=point, rel=(0, 0), buttons=(0, 0, 0))], 1 / 60)
    for _frame in range(60):
        app.frame([], 1 / 60)
    tips = [e for e in app.gui.manager.get_sprite_group().sprites() if type(e).__name__ == "UITooltip"]
    return html.unescape(" ".join(t.text_block.html_text for t in tips))


def _many_proposals(game: object, count: int) -> None:
    from game.ui.mapscene import MapScene

    assert isinstance(game, MapScene)
    others = [r for r in game.state.order if r != game.me]
    for i in range(count):
        propose(game.state, "visit", others[i % len(others)], game.me, Terms())
    game.select(None)


def test_each_proposal_is_one_row_with_its_subject_and_both_answers() -> None:
    app, game = new_game()
    game.state.proposals.clear()
    _many_proposals(game, 3)
    press(app, "Inbox (3)")
    rows = game.panel.rows()
    assert [row.subject.endswith("asks to pay you a state visit.") for row in rows] == [True] * 3
    assert [label for label in buttons(app) if label in ("Accept", "Decline")] == ["Accept", "Decline"]
    answers = sorted(
        (e.rect.y, e.text) for e in app.gui._elements if getattr(e, "text", "") in ("Accept", "Decline")
    )
    assert len(answers) == 6  # both answers on every row
    before = [(e.text, e.rect) for e in app.gui._elements if getattr(e, "text", "") in ("Accept", "Decline")]
    press_in_row(app, game, 0, "Accept")
    after = [(e.text, e.rect) for e in app.gui._elements if getattr(e, "text", "") in ("Accept", "Decline")]
    assert after == before[2:]  # the answered row stays in its place: nothing moves under the mouse
    assert game.panel.rows()[0].done is not None and "You accepted." in game.panel.rows()[0].done


def test_the_inbox_scrolls_and_the_wheel_over_the_panel_never_zooms_the_map() -> None:
    app, game = new_game()
    game.state.proposals.clear()
    _many_proposals(game, 14)
    press(app, "Inbox (14)")
    zoom = game.map.zoom
    inside = game.panel.body().center
    _wheel(app, inside, -1)
    assert game.panel.first_row == 1
    for _notch in range(30):
        _wheel(app, inside, -1)
    assert game.panel.first_row == 14 - game.panel.rows_shown()  # not past the last row
    _wheel(app, (app.size[0] - 30, 30), 1)  # over the panel's top: nothing to scroll there
    assert game.map.zoom == zoom
    _wheel(app, game.map.rect.center, 1)
    assert game.map.zoom > zoom


def test_a_disabled_action_says_why_on_hover_and_an_enabled_one_what_it_costs() -> None:
    app, game = new_game()
    me = game.me
    stranger = next(r for r in game.state.order if r != me and (me, r) not in game.state.ambassadors)
    click(app, game.map.to_screen(game.map.centres[stranger]))
    assert "Propose treaty…" in buttons(app, enabled=False)
    tip = _hover(app, buttons(app)["Propose treaty…"].center)
    assert f"You need an ambassador in {game.name(stranger)} to propose a treaty." in tip
    app.frame([pygame.event.Event(pygame.MOUSEMOTION, pos=(5, 5), rel=(0, 0), buttons=(0, 0, 0))], 1 / 60)
    tip = _hover(app, buttons(app)["State visit"].center)
    assert "Costs 10 gold." in tip and "the ruler's one visit" in tip


def test_war_is_declared_only_after_its_consequences_are_shown() -> None:
    app, game = new_game()
    me = game.me
    target = sorted(game.state.neighbours[me])[0]
    ally = next(r for r in game.state.order if r not in (me, target))
    sign_treaty(game.state, "alliance", target, ally)
    sign_treaty(game.state, "trade", me, target)
    click(app, game.map.to_screen(game.map.centres[target]))
    press(app, "Declare war")
    assert isinstance(app.scene, WarConfirmScene)
    shown = texts(app)
    assert f"Called to arms against you: {game.name(ally)}" in shown
    assert "Ended: trade agreement" in shown
    assert "Your reputation falls by" in shown
    key(app, pygame.K_RETURN)  # Enter does not declare a war
    assert isinstance(app.scene, WarConfirmScene) and not game.state.wars
    press(app, "Cancel (Esc)")
    assert app.scene is game and not game.state.wars
    press(app, "Declare war")
    press(app, "Declare war")
    assert app.scene is game and game.state.wars


def test_leaving_with_unsaved_work_asks_first() -> None:
    app, game = new_game()
    key(app, pygame.K_ESCAPE)
    press(app, "Quit to the title screen")  # nothing done since the autosave: no question
    assert isinstance(app.scene, TitleScene)
    app, game = new_game()
    me = game.me
    game.session.submit(A.Invest(me, "economy", 5.0))
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, PauseScene)
    press(app, "Quit to the title screen")
    assert isinstance(app.scene, LeaveScene)
    assert "is not saved" in texts(app)
    press(app, "Back (Esc)")
    assert isinstance(app.scene, PauseScene)
    press(app, "Quit to the title screen")
    press(app, "Save and leave")
    assert isinstance(app.scene, TitleScene)
    assert game.unsaved_actions() == 0


def test_closing_the_window_with_unsaved_work_asks_and_closing_again_leaves() -> None:
    app, game = new_game()
    game.session.submit(A.Invest(game.me, "economy", 5.0))
    app.frame([pygame.event.Event(pygame.QUIT)], 1 / 60)
    assert app.running and isinstance(app.scene, LeaveScene)
    press(app, "Back (Esc)")
    assert app.scene is game
    app.frame([pygame.event.Event(pygame.QUIT)], 1 / 60)
    app.frame([pygame.event.Event(pygame.QUIT)], 1 / 60)
    assert not app.running
