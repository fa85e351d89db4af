"""The window tells the goal and the danger: the goal bar and the goals screen, alerts at the start
of a turn, and defeat as an event (alone: watch on or leave; hot-seat: the others play on).
Driven through the real event loop (tests/window_driver.py)."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from collections.abc import Iterator

import pygame
import pytest

from game.core.diplomacy import annex, propose, sign_treaty, start_war
from game.core.model import Terms
from game.core.view import View
from game.i18n import set_language
from game.ui.alerts import AlertScene
from game.ui.app import App
from game.ui.goals_scene import GoalsScene
from game.ui.mapscene import MapScene
from game.ui.menus import NewGameScene, TitleScene
from game.ui.overgame import DefeatScene, GameOverScene, HandoverScene
from tests.window_driver import (
    Warmonger,
    buttons,
    click,
    key,
    new_game,
    past_turn_start,
    press,
    press_in_row,
    start_game,
    texts,
    until,
)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


def _computers_play(app: App) -> None:
    """End the player's turn: the computers play theirs in the frames that follow."""
    key(app, pygame.K_RETURN)


# --- the goal ---------------------------------------------------------------------------------------
def test_the_goal_bar_shows_the_turn_the_score_the_place_and_the_progress() -> None:
    app, game = new_game()
    assert game.bar.place.startswith(f"Turn 1 of {game.state.turn_limit} · score ")
    assert "place " in game.bar.place and "friends 0/4" in game.bar.ways  # 80% of the 5 others
    click(app, (100, 20))  # a click on the bar opens the goals
    assert isinstance(app.scene, GoalsScene)
    shown = texts(app)
    assert "Diplomatic victory: 80% of the other regions allied with you or friendly to you" in shown
    assert "Economic victory: 50% of the world's income, for 10 turns in a row." in shown
    assert f"Otherwise the best score wins after turn {game.state.turn_limit}" in shown
    assert "Diplomatic victory: 0 of the 4 friends and allies needed." in shown
    key(app, pygame.K_ESCAPE)
    assert app.scene is game
    key(app, pygame.K_g)
    assert isinstance(app.scene, GoalsScene)


def test_the_new_game_screen_says_how_the_scenario_is_won() -> None:
    app = App((1280, 720), window=False)
    press(app, "New game")
    chooser = app.scene
    assert isinstance(chooser, NewGameScene)
    chooser.choose("straits")
    shown = texts(app)
    assert "Conquest: rule 50% of all regions." in shown
    assert "Otherwise the best score wins after turn 200" in shown


def test_a_region_about_to_win_is_an_alert_and_stays_on_the_goal_bar() -> None:
    app, game = new_game()
    me = game.me
    rich = next(r for r in game.state.order if r != me)
    game.state.regions[rich].economy = 10_000.0
    game.state.streaks[f"economic:{rich}"] = 7  # of the 10 turns the tutorial asks for
    key(app, pygame.K_RETURN)
    until(app, lambda: isinstance(app.scene, AlertScene))
    assert f"{game.name(rich)} is close to winning." in texts(app)
    assert "it wins an economic victory in 2 turns unless it is stopped" in texts(app)
    past_turn_start(app, game)
    assert "wins an economic victory" in game.bar.note


# --- alerts -----------------------------------------------------------------------------------------
def test_a_war_declared_on_the_player_is_an_alert_they_must_acknowledge() -> None:
    app, game = new_game()
    me = game.me
    enemy = sorted(game.state.neighbours[me])[0]
    game.session.controllers[enemy] = Warmonger(me)
    _computers_play(app)
    until(app, lambda: isinstance(app.scene, AlertScene))
    assert f"{game.name(enemy)} declares war on you!" in texts(app)
    key(app, pygame.K_SPACE)  # not any key: the alert must be read
    click(app, (60, 300))  # nor a click beside it
    assert isinstance(app.scene, AlertScene)
    app.frame([], 0.4)
    press(app, "I have read it (Enter)")
    assert not isinstance(app.scene, AlertScene)  # on to the turn's summary


def test_an_allys_call_to_arms_and_debt_are_alerts_told_once() -> None:
    app, game = new_game()
    me = game.me
    ally = next(r for r in game.state.order if r != me)
    enemy = sorted(r for r in game.state.neighbours[ally] if r != me)[0]
    sign_treaty(game.state, "alliance", me, ally)
    game.session.controllers[enemy] = Warmonger(ally)
    game.state.regions[me].treasury = -100.0
    _computers_play(app)
    until(app, lambda: isinstance(app.scene, AlertScene))
    shown = texts(app)
    assert f"{game.name(ally)} calls you to arms against {game.name(enemy)}." in shown
    assert "Declining costs" in shown and "reputation" in shown
    assert "Your treasury is in debt" in shown
    past_turn_start(app, game)
    game.session.controllers[enemy] = game.session.controllers[ally]  # no new war
    key(app, pygame.K_RETURN)
    until(app, lambda: game.session.current == me and game.turn_started)
    assert game.state.regions[me].treasury < 0
    again = app.scene.alerts if isinstance(app.scene, AlertScene) else []
    assert "debt" not in [a.key for a in again]  # told once while it lasts


# --- defeat -----------------------------------------------------------------------------------------
def _capitulate_and_accept_annexation(app: App, game: MapScene) -> str:
    """A neighbour beats the player, who has capitulated and must accept its demand of annexation
    from the inbox (declining is refused, and says why)."""
    me = game.me
    winner = sorted(game.state.neighbours[me])[0]
    start_war(game.state, winner, me)
    war = View(game.state, me).war_with(winner)
    assert war is not None
    war.capitulated = me
    propose(game.state, "peace", winner, me, Terms(annex=me))
    game.select(None)
    press(app, "Inbox (1)")
    assert "Decline" in buttons(app, enabled=False)
    press_in_row(app, game, 0, "Accept")
    return winner


def test_an_annexed_player_is_told_how_and_may_watch_the_game_out() -> None:
    app, game = new_game()
    me = game.me
    winner = _capitulate_and_accept_annexation(app, game)
    until(app, lambda: isinstance(app.scene, DefeatScene))
    shown = texts(app)
    assert "Defeat" in shown
    assert f"{game.name(me)} capitulated in its war with {game.name(winner)}" in shown
    assert "watch the computers play it out, or leave" in shown
    assert set(buttons(app)) >= {"Watch on", "Title screen"}
    press(app, "Watch on")
    assert app.scene is game and game.watching
    assert "End turn (Enter)" in buttons(app, enabled=False)
    game.state.turn_limit = game.state.turn + 1
    until(app, lambda: isinstance(app.scene, GameOverScene) and not isinstance(app.scene, DefeatScene))
    assert "Defeat" in texts(app)


def test_an_annexed_player_may_leave_for_the_title_screen() -> None:
    app, game = new_game()
    _capitulate_and_accept_annexation(app, game)
    until(app, lambda: isinstance(app.scene, DefeatScene))
    press(app, "Title screen")
    assert isinstance(app.scene, TitleScene)


def test_in_hot_seat_an_annexed_player_leaves_and_the_others_play_on() -> None:
    app = App((1280, 720), window=False)
    press(app, "New game")
    chooser = app.scene
    assert isinstance(chooser, NewGameScene)
    first, second = chooser._playable(chooser.scenario)[:2]
    press(app, "Several players (hot-seat)")
    press(app, {r.id: r.name.en for r in chooser.scenario.regions}[second])
    game = start_game(app)
    playing = game.session.current
    assert playing is not None
    waiting = second if playing == first else first
    annex(game.state, waiting, sorted(game.state.neighbours[waiting])[0])  # a peace of the last turn
    until(app, lambda: isinstance(app.scene, DefeatScene))
    assert f"The game goes on for {game.name(playing)}." in texts(app)
    press(app, "Continue")
    assert app.scene is game
    assert game.humans == [playing] and game.defeated == [waiting]
    key(app, pygame.K_RETURN)  # the turn passes the annexed seat by: no handover, the same player
    until(app, lambda: game.session.current == playing and game.turn_started)
    past_turn_start(app, game)
    assert game.state.turn == 2 and not isinstance(app.scene, HandoverScene)


def test_an_army_collapsing_in_a_war_is_an_alert_with_what_the_treasury_could_buy() -> None:
    app, game = new_game()
    me = game.me
    enemy = sorted(game.state.neighbours[me])[0]
    start_war(game.state, enemy, me)
    game.state.regions[me].military = 0.0
    game.state.regions[me].treasury = 726.0
    key(app, pygame.K_RETURN)
    until(app, lambda: isinstance(app.scene, AlertScene))
    shown = texts(app)
    assert "Your army is nearly gone" in shown
    assert "each gold invested in the army (Invest…) adds" in shown
