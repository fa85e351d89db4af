"""The window, driven headless through posted events, and its screenshots."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from pathlib import Path

import pygame
import pytest

from game import paths
from game.cli import main
from game.i18n import _, set_language
from game.saves import autosaves, load_game, whole_record
from game.ui.app import App
from game.ui.labels import BASELINE_LABELS, KIND_LABELS, MODE_LABELS
from game.ui.load_scene import LoadScene
from game.ui.mapscene import MapScene
from game.ui.menus import NewGameScene, TitleScene
from game.ui.overgame import GameOverScene, HandoverScene, PauseScene
from tests.window_driver import click as _click
from tests.window_driver import key as _key
from tests.window_driver import loaded as _loaded
from tests.window_driver import new_game as _new_game
from tests.window_driver import press as _press
from tests.window_driver import start_game as _start_game
from tests.window_driver import texts
from tests.window_driver import until as _until


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


def test_a_short_game_played_with_the_mouse_and_keyboard() -> None:
    app = App((1280, 720), window=False)
    assert isinstance(app.scene, TitleScene)
    _press(app, "New game")
    assert isinstance(app.scene, NewGameScene)
    game = _start_game(app)
    me = game.me
    # select a neighbour on the map
    neighbour = sorted(game.state.neighbours[me])[0]
    _click(app, game.map.to_screen(game.map.centres[neighbour]))
    assert game.selected == neighbour
    # send an ambassador, then propose a treaty and read the answer with its reasons
    if (me, neighbour) not in game.state.ambassadors:
        _press(app, "Send ambassador")
        assert (me, neighbour) in game.state.ambassadors
    _press(app, "Propose treaty…")  # a dialog for the kind and terms (tests/test_ui_dialogs.py)
    _press(app, "military access")
    _press(app, "Send (Enter)")
    _key(app, pygame.K_RETURN)  # the answer was read: back to the map
    assert game.message and ("accepts" in game.message[0] or "refuses" in game.message[0])
    assert ":" in game.message[0]  # the reasons, with their weights
    # declare war on a neighbour: first what follows is shown, then the war is declared
    _press(app, "Declare war")
    assert not game.state.wars
    assert "Your reputation falls by" in texts(app)
    _press(app, "Declare war")
    assert game.state.wars
    # end turns with Enter until the game ends, acknowledging alerts (the war's answer) on the way
    game.state.turn_limit = game.state.turn + 2
    for _turn in range(20):
        if isinstance(app.scene, GameOverScene):
            break
        _until(app, lambda: game.session.current in game.humans or isinstance(app.scene, GameOverScene))
        for _frame in range(30):  # an alert ignores Enter for a moment after it opens
            app.frame([], 1 / 60)
        _key(app, pygame.K_RETURN)
        app.frame([], 1 / 60)
    _until(app, lambda: isinstance(app.scene, GameOverScene))
    assert game.state.winner is not None


def test_a_refused_action_is_a_disabled_button_with_its_reason() -> None:
    app, game = _new_game()
    game.selected = next(
        r for r in game.state.order if r != game.me and (game.me, r) not in game.state.ambassadors
    )
    game.build()
    disabled = [e for e in app.gui._elements if hasattr(e, "is_enabled") and not e.is_enabled]
    assert disabled
    assert all(e.tool_tip_text for e in disabled)


def test_zoom_pan_and_clicks_outside_the_map_are_safe() -> None:
    app = App((1280, 720), window=False)
    _press(app, "New game")
    _press(app, "Start")
    game = app.scene
    assert isinstance(game, MapScene)
    zoom = game.map.zoom
    pygame.mouse.set_pos((300, 300))
    app.frame(
        [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False, precise_x=0.0, precise_y=1.0)], 1 / 60
    )
    assert game.map.zoom > zoom
    _key(app, pygame.K_LEFT)
    _click(app, (5, 700))  # the bar, not a region
    app.frame([pygame.event.Event(pygame.VIDEORESIZE, w=1000, h=640, size=(1000, 640))], 1 / 60)
    assert app.size == (1000, 640)
    assert app.error is None


@pytest.mark.parametrize("lang", ["en", "pl"])
@pytest.mark.parametrize("scene", ["title", "new-game", "map", "diplomacy"])
def test_screenshots_render_without_a_display(tmp_path: Path, scene: str, lang: str) -> None:
    out = tmp_path / f"{scene}-{lang}.png"
    assert (
        main(["screenshot", "--scenario", "tutorial", "--scene", scene, "--lang", lang, "--out", str(out)])
        == 0
    )
    picture = pygame.image.load(str(out))
    assert picture.get_size() == (1280, 720)
    colours = {picture.get_at((x, y))[:3] for x in range(0, 1280, 37) for y in range(0, 720, 23)}
    assert len(colours) > 8, "the picture should show more than a blank screen"


def test_every_window_label_is_translated() -> None:
    set_language("pl")
    for label in [*KIND_LABELS.values(), *MODE_LABELS.values(), *BASELINE_LABELS.values()]:
        assert _(label) != label, label


def test_ending_a_turn_autosaves_and_continue_goes_on_from_there() -> None:
    app, game = _new_game()
    _key(app, pygame.K_RETURN)
    _until(app, lambda: game.session.current in game.humans)
    assert autosaves(paths.autosaves_dir())
    saved = load_game(autosaves(paths.autosaves_dir())[0])
    app.switch(TitleScene(app))
    _press(app, "Continue")
    _loaded(app)
    again = app.scene
    assert isinstance(again, MapScene)
    assert again.humans == game.humans
    assert saved.actions() and whole_record(again.session)[: len(saved.actions())] == saved.actions()
    newest = autosaves(paths.autosaves_dir())[0]
    written = newest.stat().st_mtime_ns
    _until(app, lambda: again.turn_started)
    assert autosaves(paths.autosaves_dir())[0] == newest  # loaded as it stands: not saved again
    assert newest.stat().st_mtime_ns == written


def test_hot_seat_hands_the_seat_over_between_players() -> None:
    app = App((1280, 720), window=False)
    _press(app, "New game")
    chooser = app.scene
    assert isinstance(chooser, NewGameScene)
    first, second = chooser._playable(chooser.scenario)[:2]
    names = {r.id: r.name.en for r in chooser.scenario.regions}
    _press(app, names[second])
    assert chooser.humans == [second]  # one player unless hot-seat is asked for
    _press(app, "Several players (hot-seat)")
    _press(app, names[first])
    assert chooser.humans == [second, first]
    game = _start_game(app)
    first = game.session.current
    _key(app, pygame.K_RETURN)
    _until(app, lambda: isinstance(app.scene, HandoverScene))
    assert game.session.current != first
    _key(app, pygame.K_RETURN)  # at once: the last player's second Enter, which must not show the view
    assert isinstance(app.scene, HandoverScene)
    app.frame([], 0.7)
    _key(app, pygame.K_RETURN)
    assert app.scene is game


def test_the_pause_menu_saves_and_loads(tmp_path: Path) -> None:
    app, game = _new_game()
    _key(app, pygame.K_RETURN)  # a turn played, so the save holds a record
    _until(app, lambda: game.session.current in game.humans)
    app.switch(game)  # past the turn's summary
    _key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, PauseScene)
    _press(app, "Save")
    saved = paths.saves_dir() / f"tutorial-{game.humans[0]}-turn-{game.state.turn:03d}.json"
    assert app.scene.note == f"Saved as {saved.name}."
    _press(app, "Load")
    chooser = app.scene
    assert isinstance(chooser, LoadScene)
    _press(app, chooser.describe(saved, saved.stat().st_mtime))
    _loaded(app)
    loaded = app.scene
    assert isinstance(loaded, MapScene) and loaded is not game
    assert game.session.log and whole_record(loaded.session) == whole_record(game.session)


def test_an_unexpected_error_in_a_game_shows_the_log_and_autosaves_the_game(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from game.core import actions as A
    from game.ui.menus import ErrorScene

    app, game = _new_game()
    game.session.submit(A.Invest(game.me, "economy", 5.0))  # done since the turn's autosave

    def broken(seconds: float) -> None:
        raise RuntimeError("a bug in a scene")

    monkeypatch.setattr(game, "update", broken)
    app.frame([], 1 / 60)
    assert isinstance(app.scene, ErrorScene) and app.scene.game_saved
    assert "RuntimeError: a bug in a scene" in (app.error or "")
    assert load_game(autosaves(paths.autosaves_dir())[0]).actions() == whole_record(game.session)  # it all
    labels = " ".join(e.html_text for e in app.gui._elements if hasattr(e, "html_text"))
    assert "bilateral.log" in labels and "autosaved" in labels
    assert "RuntimeError: a bug in a scene" in Path(app.scene.log_file).read_text(encoding="utf-8")


def test_the_panel_names_embargoes_and_ambassadors_both_ways() -> None:
    from game.core import actions as A
    from game.core.view import View
    from game.ui.panel_texts import region_lines

    _app, game = _new_game()
    me = game.me
    other = sorted(game.state.neighbours[me])[0]
    game.selected = other
    game.act(A.SendAmbassador(me, other))
    game.act(A.ImposeEmbargo(me, other))
    lines = region_lines(View(game.state, me), other, game.name)
    assert "We have an embargo on them." in lines
    assert any(line.startswith("Ambassadors: ours with them") for line in lines)


def test_the_panel_of_a_region_we_have_not_met_says_who_can_introduce_us() -> None:
    """Nothing can be sent to a region without contact: the panel says so, and names the regions
    we know that know it, where an ambassador of ours may ask for an introduction."""
    from game.core.view import View
    from game.ui.panel_texts import region_lines

    _app, game = _new_game()
    assert game.me == "greenvale"  # the tutorial's marsh lies beyond Amberport and Millbrook
    lines = region_lines(View(game.state, "greenvale"), "saltmarsh", game.name)
    assert not any("send an ambassador" in line for line in lines)
    assert any("no contact" in line and "(Amberport, Millbrook)" in line for line in lines)
    met = region_lines(View(game.state, "greenvale"), "amberport", game.name)
    assert not any("no contact" in line for line in met)
