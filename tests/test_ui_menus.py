"""The menus around a game, driven through posted events: settings, loading, saving, and what a
player sees when a save cannot be written or read."""

from __future__ import annotations

import errno
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

import game.saves as saves_module
from game import paths
from game.ai.standard import StandardAI
from game.catalogue import find
from game.i18n import _, language, set_language
from game.saves import SaveError, autosave, autosaves, backup_path, save_game, summarise, whole_record
from game.scenario.build import new_game
from game.scenario.loader import load_scenario
from game.session import Session
from game.settings import Settings, load_settings, save_settings
from game.ui.app import App
from game.ui.load_scene import LoadScene
from game.ui.mapscene import MapScene
from game.ui.menus import NewGameScene, TitleScene
from game.ui.overgame import PauseScene
from game.ui.settings_scene import SettingsScene
from tests.save_files import write_format_2
from tests.window_driver import at_window as _at_window
from tests.window_driver import buttons as _buttons
from tests.window_driver import click as _click
from tests.window_driver import key as _key
from tests.window_driver import loaded as _loaded
from tests.window_driver import new_game as _new_game
from tests.window_driver import press as _press
from tests.window_driver import start_game as _start_game

TUTORIAL = find("tutorial").path
TEXT = TUTORIAL.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def own_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Each test has its own saves and settings, and starts and ends in English."""
    monkeypatch.setenv("BILATERAL_HOME", str(tmp_path))
    set_language("en")
    yield
    set_language("en")


# --- helpers ----------------------------------------------------------------------------------------
def _rows(app: App) -> list[str]:
    """The texts of the load list's rows, top to bottom."""
    scene = app.scene
    assert isinstance(scene, LoadScene)
    page = scene.games[scene.page * scene.rows_per_page() :][: scene.rows_per_page()]
    texts = {scene.describe(g.path, g.written) for g in page}
    found = [(e.rect.y, e.text) for e in app.gui._elements if any(e.text.startswith(t) for t in texts)]
    return [text for _y, text in sorted(found)]


def _press_row(app: App, *parts: str) -> None:
    """Press the row of the save that shows all `parts`, and wait while it loads."""
    _press_row_only(app, *parts)
    _loaded(app)


def _press_row_only(app: App, *parts: str) -> None:
    """Press the one row of the load list whose text holds every part (not waiting)."""
    matching = [row for row in _rows(app) if all(part in row for part in parts)]
    assert len(matching) == 1, f"rows with {parts}: {matching} among {_rows(app)}"
    _press(app, matching[0])


def _end_turn(app: App, game: MapScene) -> None:
    """Enter ends the turn; Enter again past whatever is shown between turns, until it is ours."""
    _key(app, pygame.K_RETURN)
    for _frame in range(2000):
        if app.scene is game and game.session.current in game.humans:
            return
        if app.scene is not game:
            _key(app, pygame.K_RETURN)
        app.frame([], 1 / 60)
    raise AssertionError("the turn never came back to the player")


def _shown_text(app: App) -> str:
    return " ".join(e.html_text for e in app.gui._elements if hasattr(e, "html_text"))


def _tutorial_session(turns: int) -> tuple[Session, str]:
    """A tutorial game played by the computers for some turns, and the region a player will take."""
    scenario = load_scenario(TUTORIAL).scenario
    state = new_game(scenario)
    ai = StandardAI()
    session = Session(state, dict.fromkeys(state.order, ai))
    session.play_turns(turns)
    human = (scenario.meta.playable or state.order)[0]
    return session, human


def _save(path: Path, turns: int) -> Path:
    session, human = _tutorial_session(turns)
    return save_game(path, TEXT, TUTORIAL.name, session, {"humans": [human], "difficulty": "normal"})


def _damage(path: Path) -> None:
    """One changed byte at the end of the file, its time kept: the checksum no longer matches."""
    data, written = path.read_bytes(), path.stat().st_mtime_ns
    path.write_bytes(data[:-1] + bytes([data[-1] ^ 0x55]))
    os.utime(path, ns=(written, written))


def _full_disk(fd: int) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


# --- settings -----------------------------------------------------------------------------------------
def test_settings_from_the_title_change_the_language_at_once_and_keep_it() -> None:
    app = App((1280, 720), window=False)
    _press(app, "Settings")
    assert isinstance(app.scene, SettingsScene)
    _press(app, "Polski")
    assert language() == "pl"
    assert load_settings().language == "pl"
    assert _("Back") != "Back"
    _press(app, _("Back"))
    assert isinstance(app.scene, TitleScene)
    assert {_("New game"), _("Load"), _("Settings"), _("Quit")} <= set(_buttons(app))
    assert "New game" not in _buttons(app)


def test_saved_settings_apply_when_the_window_opens() -> None:
    save_settings(Settings(language="pl", ui_scale=1.25, fullscreen=False))
    app = App((1600, 900))  # a window (the dummy video driver stands in for the screen)
    assert language() == "pl"
    assert app.settings == Settings(language="pl", ui_scale=1.25, fullscreen=False)
    assert app.screen.get_size() == (1600, 900)
    assert app.size == (1280, 720)  # the interface is laid out at 1280x720 and drawn 25 % larger


def test_an_off_screen_app_keeps_the_callers_language_and_the_default_size() -> None:
    """Screenshots and tests choose their language; the player's file does not change it."""
    save_settings(Settings(language="pl", ui_scale=1.5, fullscreen=True))
    set_language("en")
    app = App((1280, 720), window=False)
    assert language() == "en"
    assert app.size == (1280, 720)


@pytest.mark.parametrize(("scale", "logical"), [(1.25, (1280, 720)), (1.5, (1067, 600))])
def test_clicks_reach_the_widgets_and_the_map_at_a_larger_interface_size(
    scale: float, logical: tuple[int, int]
) -> None:
    app = App((1600, 900), window=False, settings=Settings(language="en", ui_scale=scale))
    assert app.size == logical
    _press(app, "New game")
    assert isinstance(app.scene, NewGameScene)
    game = _start_game(app)
    neighbour = sorted(game.state.neighbours[game.me])[0]
    _click(app, game.map.to_screen(game.map.centres[neighbour]))
    assert game.selected == neighbour


def test_the_interface_size_changes_at_once_and_is_kept() -> None:
    app = App((1600, 900), window=False)
    _press(app, "Settings")
    _press(app, "125 %")
    assert app.size == (1280, 720)
    assert load_settings().ui_scale == 1.25
    # the picture is drawn larger: the Back button's fill is found where the window shows it
    back = _buttons(app)["Back"]
    colour = app.screen.get_at(_at_window(app, (back.x + 4, back.centery)))[:3]
    assert colour != (24, 30, 40), "the scaled picture should show the button there"
    # a 1600x900 window holds the 960x600 layout at most 1.5 times: larger sizes are not offered
    assert "175 %" not in _buttons(app) and "200 %" not in _buttons(app)
    _press(app, "150 %")
    assert load_settings().ui_scale == 1.5
    assert app.size == (1067, 600)
    _press(app, "100 %")
    assert app.size == (1600, 900)
    _press(app, "Back")
    assert isinstance(app.scene, TitleScene)


def test_full_screen_is_a_setting_and_f11_switches_it() -> None:
    app = App((1280, 720))  # a window: under the dummy driver the desktop is 1024x768
    _press(app, "Settings")
    _press(app, "Full screen")
    assert app.settings.fullscreen and load_settings().fullscreen
    assert app.screen.get_size() == pygame.display.get_desktop_sizes()[0]
    chosen = [e.text for e in app.gui._elements if hasattr(e, "is_selected") and e.is_selected]
    assert chosen.count("Full screen") == 1
    _press(app, "Window")
    assert app.screen.get_size() == (1280, 720)
    assert not load_settings().fullscreen
    _key(app, pygame.K_F11)
    assert load_settings().fullscreen
    _key(app, pygame.K_F11)
    assert app.screen.get_size() == (1280, 720)
    assert app.error is None


def test_settings_that_cannot_be_stored_still_apply_and_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    app = App((1280, 720), window=False)
    _press(app, "Settings")
    monkeypatch.setattr(os, "fsync", _full_disk)
    _press(app, "Polski")
    assert language() == "pl"
    scene = app.scene
    assert isinstance(scene, SettingsScene)
    assert scene.note == _("The settings apply now, but they could not be stored for the next start.")
    assert not paths.config_dir().joinpath("settings.json").exists()


def test_a_new_language_over_a_game_renames_the_map_and_keeps_the_game() -> None:
    app, game = _new_game()
    scenario = game.scenario
    log = list(game.session.log)
    _key(app, pygame.K_ESCAPE)
    _press(app, "Settings")
    _press(app, "Polski")
    _press(app, _("Back"))
    pause = app.scene
    assert isinstance(pause, PauseScene)
    shown = pause.game
    assert shown is not game
    assert shown.session.log == log and shown.humans == game.humans
    for region in scenario.regions:
        assert shown.name(region.id) == region.name.pl
    # the map behind the menu is drawn where and as large as it was (it was drawn unfitted)
    assert (shown.map.rect, shown.map.zoom, shown.map.offset) == (
        game.map.rect,
        game.map.zoom,
        game.map.offset,
    )
    _press(app, _("Back to the game"))
    assert app.scene is shown


# --- saving -------------------------------------------------------------------------------------------
def test_each_turn_saved_stays_and_the_load_list_shows_them_newest_first() -> None:
    app, game = _new_game()
    _key(app, pygame.K_ESCAPE)
    _press(app, "Save")
    first = paths.saves_dir() / f"tutorial-{game.humans[0]}-turn-001.json"
    assert app.scene.note == f"Saved as {first.name}."
    assert first.is_file()
    _press(app, "Back to the game")
    _end_turn(app, game)
    _key(app, pygame.K_ESCAPE)
    _press(app, "Save")
    _press(app, "Save")  # the same turn again: that file is replaced, the one before kept as .bak
    second = first.with_name(first.name.replace("turn-001", "turn-002"))
    assert second.is_file() and backup_path(second).is_file()
    assert sorted(p.name for p in paths.saves_dir().glob("*.json")) == [first.name, second.name]
    _press(app, "Load")
    assert isinstance(app.scene, LoadScene)
    rows = _rows(app)
    region = game.name(game.humans[0])
    assert len(rows) == 4  # two saves, and the autosaves made as turns 1 and 2 began
    assert all("Tutorial: The Quiet Valley" in row and region in row for row in rows)
    shown = [(re.search(r"turn (\d+)", row).group(1), "(autosave)" in row) for row in rows]  # type: ignore[union-attr]
    assert shown == [("2", False), ("2", True), ("1", False), ("1", True)]
    _press(app, rows[2])
    _loaded(app)
    loaded = app.scene
    assert isinstance(loaded, MapScene) and loaded is not game
    assert loaded.state.turn == 1
    assert loaded.humans == game.humans


def test_an_autosave_loads_into_the_turn_its_label_says() -> None:
    """The autosave is made as the player's turn begins: "turn 2" loads at the start of turn 2."""
    app, game = _new_game()
    _end_turn(app, game)
    _key(app, pygame.K_ESCAPE)
    _press(app, "Load")
    autosave = next(row for row in _rows(app) if "(autosave)" in row and "turn 2" in row)
    _press(app, autosave)
    _loaded(app)
    loaded = app.scene
    assert isinstance(loaded, MapScene) and loaded is not game
    assert (loaded.state.turn, loaded.session.current) == (2, game.humans[0])
    assert whole_record(loaded.session) == whole_record(game.session)


def test_the_load_list_from_the_pause_menu_goes_back_to_the_same_game() -> None:
    app, game = _new_game()
    _key(app, pygame.K_ESCAPE)
    pause = app.scene
    _press(app, "Load")
    assert isinstance(app.scene, LoadScene)
    assert [("turn 1" in row, "(autosave)" in row) for row in _rows(app)] == [(True, True)]
    _key(app, pygame.K_ESCAPE)
    assert app.scene is pause
    _press(app, "Back to the game")
    assert app.scene is game


@pytest.mark.parametrize("failure", ["full disk", "read-only folder"])
def test_a_save_that_cannot_be_written_is_reported_and_the_game_goes_on(
    monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    app, game = _new_game()
    _key(app, pygame.K_ESCAPE)
    _press(app, "Save")
    saved = next(paths.saves_dir().glob("*.json"))
    before = saved.read_bytes()
    autosaved_before = {p: p.read_bytes() for p in autosaves(paths.autosaves_dir())}
    if failure == "full disk":
        monkeypatch.setattr(os, "fsync", _full_disk)
    else:

        def read_only(*args: object, **kwargs: object) -> None:
            raise PermissionError(errno.EROFS, os.strerror(errno.EROFS))

        monkeypatch.setattr(saves_module, "_new_file", read_only)
    _press(app, "Save")
    pause = app.scene
    assert isinstance(pause, PauseScene)
    assert pause.note.startswith("The game could not be saved:")
    assert "the previous save is kept" in pause.note
    assert pause.note in _shown_text(app)
    assert saved.read_bytes() == before
    assert not list(paths.saves_dir().glob(".*"))  # no temporary file left behind
    _press(app, "Back to the game")
    assert app.scene is game
    turn = game.state.turn
    _end_turn(app, game)  # the autosave fails too: said on screen, and the game goes on
    assert game.state.turn > turn
    assert any(line.startswith("Autosave failed:") for line in game.message)
    assert {p: p.read_bytes() for p in autosaves(paths.autosaves_dir())} == autosaved_before


# --- loading what does not load ------------------------------------------------------------------------
def test_a_damaged_save_says_why_and_offers_its_backup() -> None:
    path = paths.saves_dir() / "valley.json"
    _save(path, turns=2)
    _save(path, turns=4)  # replaces it: the save of turn 3 is now the .bak
    _damage(path)
    app = App((1280, 720), window=False)
    _press(app, "Load")
    _press_row(app, "turn 5")  # the list reads the header only: the damage shows on loading
    scene = app.scene
    assert isinstance(scene, LoadScene) and scene.failure is not None
    text = _shown_text(app)
    assert "This save could not be loaded." in text and "checksum" in text
    assert "Its backup" in text and "turn 3" in text
    _press(app, "Load the backup")
    _loaded(app)
    loaded = app.scene
    assert isinstance(loaded, MapScene)
    assert loaded.state.turn == 3


def test_a_damaged_autosave_offers_the_next_older_one_until_none_is_left() -> None:
    folder = paths.autosaves_dir()
    for turns in (1, 2, 3):
        session, human = _tutorial_session(turns)
        autosave(folder, TEXT, TUTORIAL.name, session, {"humans": [human], "difficulty": "hard"})
    newest, middle, oldest = autosaves(folder)
    _damage(newest)
    _damage(middle)
    app = App((1280, 720), window=False)
    _press(app, "Load")
    _press_row(app, "turn 4")
    assert "An older autosave may still load:" in _shown_text(app)
    assert "turn 3" in _shown_text(app)
    _press(app, "Load the older autosave")  # damaged too: the next older one is offered
    _loaded(app)
    scene = app.scene
    assert isinstance(scene, LoadScene) and scene.failure is not None
    assert scene.failure.path == middle and scene.failure.offer == oldest
    _press(app, "Load the older autosave")
    _loaded(app)
    loaded = app.scene
    assert isinstance(loaded, MapScene)
    assert loaded.state.turn == 2 and loaded.players["difficulty"] == "hard"


def test_when_nothing_else_is_left_only_the_way_back_is_offered() -> None:
    path = paths.saves_dir() / "alone.json"
    _save(path, turns=1)
    path.write_bytes(path.read_bytes()[:500])  # cut short
    app = App((1280, 720), window=False)
    _press(app, "Load")
    assert len(_rows(app)) == 1 and "not readable as a save" in _rows(app)[0]
    _press(app, _rows(app)[0])
    _loaded(app)
    assert "This save could not be loaded." in _shown_text(app)
    assert set(_buttons(app)) == {"Back to the list"}
    _press(app, "Back to the list")
    assert len(_rows(app)) == 1
    _press(app, "Back")
    assert isinstance(app.scene, TitleScene)


def test_a_save_without_players_cannot_be_played_on_and_says_so() -> None:
    session, _human = _tutorial_session(1)
    save_game(paths.saves_dir() / "computers.json", TEXT, TUTORIAL.name, session)
    app = App((1280, 720), window=False)
    _press(app, "Load")
    _press_row(app, "computer players only")
    assert "Nobody plays a region in this save any more" in _shown_text(app)


def test_many_saves_are_shown_a_page_at_a_time() -> None:
    first = _save(paths.saves_dir() / "game-00.json", turns=1)
    for number in range(1, 15):
        copy = first.with_name(f"game-{number:02d}.json")
        copy.write_bytes(first.read_bytes())
        os.utime(copy, (1_700_000_000 + number, 1_700_000_000 + number))
    os.utime(first, (1_600_000_000, 1_600_000_000))
    app = App((1280, 720), window=False)
    _press(app, "Load")
    scene = app.scene
    assert isinstance(scene, LoadScene)
    per_page = scene.rows_per_page()
    assert per_page < 15
    assert len(_rows(app)) == per_page
    assert "Newer saves" not in _buttons(app)
    assert [g.path.name for g in scene.games[:2]] == ["game-14.json", "game-13.json"]
    _press(app, "Older saves")
    assert len(_rows(app)) == 15 - per_page
    assert scene.games[-1].path == first
    assert "Older saves" not in _buttons(app)
    _press(app, "Newer saves")
    assert scene.page == 0


# --- a save's summary -------------------------------------------------------------------------------
def test_a_summary_reads_the_header_without_the_record(tmp_path: Path) -> None:
    path = _save(tmp_path / "game.json", turns=3)
    summary = summarise(path)
    assert (summary.turn, summary.scenario.meta.id) == (4, "tutorial")
    assert len(summary.humans) == 1
    first, header, body = path.read_bytes().split(b"\n", 2)
    meta_and_scenario = sum(length for _name, length in json.loads(header)["parts"][:2])
    path.write_bytes(b"\n".join((first, header, body[:meta_and_scenario])) + b"this is no save at all")
    assert summarise(path).turn == 4  # the state and the record are never decoded for a list


def test_an_older_save_is_summarised_from_its_leading_fields_or_else_whole(tmp_path: Path) -> None:
    path = tmp_path / "game.json"
    session, _human = _tutorial_session(2)
    write_format_2(path, TEXT, TUTORIAL.name, session)
    assert summarise(path).turn == 3
    document = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(document, indent=1, sort_keys=True), encoding="utf-8")
    assert summarise(path).turn == 3


@pytest.mark.parametrize("content", [b"", b"{}", b"[1]", b'{"game": "chess"}', b"\xff" * 10])
def test_what_is_not_a_save_has_no_summary(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(SaveError):
        summarise(path)
