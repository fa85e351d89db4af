"""The overview screens (help, relations, organisations), the map's own-region outline, legends and
lines, and the screenshots of the new scenes. Driven through the real event loop."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.cli import main
from game.core import actions as A
from game.core.diplomacy import sign_treaty, start_war
from game.core.organisations import open_resolution
from game.i18n import set_language
from game.ui.goalbar import legend_entries
from game.ui.help_scene import HelpScene
from game.ui.mapview import ALLIANCE, MODES, OWN
from game.ui.organisations_scene import OrganisationsScene
from game.ui.relations_scene import RelationsScene
from game.ui.screenshot import GAME_SCENES
from tests.window_driver import buttons, click, key, new_game, press, texts


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


@pytest.mark.parametrize("keys", [(pygame.K_F1, ""), (pygame.K_h, "h"), (pygame.K_SLASH, "?")])
def test_f1_h_and_the_question_mark_open_the_help(keys: tuple[int, str]) -> None:
    app, game = new_game()
    code, typed = keys
    app.frame([pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode=typed, scancode=0)], 1 / 60)
    assert isinstance(app.scene, HelpScene)
    shown = texts(app)
    assert "Enter: end your turn" in shown and "How to win" in shown
    assert "Each turn you have 2 diplomatic actions and one state visit" in shown
    key(app, pygame.K_ESCAPE)
    assert app.scene is game


def test_the_relations_overview_lists_known_regions_sorts_and_leads_to_one() -> None:
    app, game = new_game()
    me = game.me
    neighbour = sorted(game.state.neighbours[me])[0]
    game.session.submit(A.SendAmbassador(me, neighbour))
    press(app, "Overview")
    scene = app.scene
    assert isinstance(scene, RelationsScene)
    rows = scene.rows()
    # the tutorial's regions all know each other, but for Greenvale and the marsh beyond its
    # neighbours, who meet only through an introduction
    assert me == "greenvale"
    assert {r.region for r in rows} == set(game.state.order) - {me, "saltmarsh"}
    names = [r.cells[0] for r in rows]
    assert names == sorted(names, key=str.casefold)
    known = next(r for r in rows if r.region == neighbour)
    assert known.cells[2] != "unknown" and known.cells[4] in ("ours there", "both ways")
    assert sum(r.cells[2] == "unknown" for r in rows) >= 1  # no ambassador, no opinion of us
    press(app, "Our opinion")
    ours = [r.keys[1] for r in scene.rows()]
    assert ours == sorted(ours, reverse=True)  # the friendliest first
    press(app, "Our opinion ▼")
    assert [r.keys[1] for r in scene.rows()] == sorted(ours)
    press(app, "Their opinion")
    assert scene.rows()[-1].cells[2] == "unknown"  # the unknown last, whichever way
    first = scene.rows()[0]
    top = scene.table().y + 30 + 4 + 10
    click(app, (scene.table().x + 20, top))
    assert app.scene is game and game.selected == first.region


def test_the_organisations_screen_shows_members_votes_demands_and_rogues() -> None:
    app, game = new_game()
    me = game.me
    org = next(o for o in game.state.organisations.values() if me in o.members)
    outsider = next(r for r in game.state.order if r not in org.members)
    open_resolution(game.state, org, "admit", outsider, None, 0)
    game.state.regions[outsider].rogue_turns = 3
    key(app, pygame.K_o)
    assert isinstance(app.scene, OrganisationsScene)
    shown = texts(app)
    assert f"<b>{game.name(org.id)} — a trade body, sessions every {org.session_every} turns</b>" in shown
    assert "You are a member." in shown
    assert f"Vote: {game.name(org.id)}: admit {game.name(outsider)}?" in shown
    assert "For: none. Against: none." in shown  # a member sees the votes
    assert f"{game.name(outsider)}: 3 more turns" in shown


def test_our_land_is_outlined_and_each_map_mode_has_a_legend() -> None:
    app, game = new_game()
    me = game.me
    region_cells = game.map.cells[me]
    corner = game.map.to_screen(region_cells[0])
    found = {
        tuple(app.screen.get_at((corner[0] + dx, corner[1] + dy)))[:3]
        for dx in range(-2, 3)
        for dy in range(-2, 3)
    }
    assert OWN in found
    for mode in MODES:
        assert legend_entries(mode, game.cultures), mode


def test_alliance_lines_run_between_capitals_under_the_names() -> None:
    app, game = new_game()
    me = game.me
    ally = next(r for r in game.state.order if r != me)
    sign_treaty(game.state, "alliance", me, ally)
    game.build()
    press(app, "Alliances")
    a, b = game.map.to_screen(game.map.capitals[me]), game.map.to_screen(game.map.capitals[ally])
    app.frame([], 1 / 60)
    along = [(int(b[0] + (a[0] - b[0]) * t / 10), int(b[1] + (a[1] - b[1]) * t / 10)) for t in range(2, 9)]
    drawn = [tuple(app.screen.get_at(point))[:3] == ALLIANCE for point in along]
    assert sum(drawn) >= 4  # the line, but where a name or a border is drawn over it
    assert tuple(app.screen.get_at(a))[:3] == (250, 250, 250)  # the capital's dot is drawn over the line


def test_a_war_is_drawn_in_the_alliances_mode() -> None:
    _app, game = new_game()
    me = game.me
    enemy = sorted(game.state.neighbours[me])[0]
    start_war(game.state, enemy, me)
    game.map.mode = "alliances"
    assert any(colour != ALLIANCE for _a, _b, colour in game.map._ties(game.state))


@pytest.mark.parametrize("lang", ["en", "pl"])
@pytest.mark.parametrize(
    "scene", ["help", "relations", "organisations", "war-confirm", "defeat", "alert", "goals"]
)
def test_the_new_scenes_render_in_both_languages(tmp_path: Path, scene: str, lang: str) -> None:
    """Each scene is drawn (not a blank screen) and is not the plain map it opens over."""
    assert scene in GAME_SCENES
    shots = {}
    for shown in (scene, "map"):
        out = tmp_path / f"{shown}-{lang}.png"
        arguments = [
            "screenshot",
            "--scenario",
            "tutorial",
            "--scene",
            shown,
            "--lang",
            lang,
            "--out",
            str(out),
        ]
        assert main(arguments) == 0
        shots[shown] = pygame.image.load(str(out))
    picture = shots[scene]
    colours = {picture.get_at((x, y))[:3] for x in range(0, 1280, 37) for y in range(0, 720, 23)}
    assert len(colours) > 8
    differ = sum(
        picture.get_at((x, y)) != shots["map"].get_at((x, y))
        for x in range(0, 1280, 16)
        for y in range(0, 720, 16)
    )
    assert differ > 500, "the scene should cover much of the map"


def test_the_tutorial_guides_the_first_turns_with_hints_the_player_may_dismiss() -> None:
    app, game = new_game()
    assert game.scenario.meta.id == "tutorial"
    assert game._hint is not None and "send an ambassador" in " ".join(game._hint[1])
    me = game.me
    neighbour = next(r for r in sorted(game.state.neighbours[me]) if (me, r) not in game.state.ambassadors)
    click(app, game.map.to_screen(game.map.centres[neighbour]))
    press(app, "Send ambassador")
    assert game._hint is not None and "state visit" in " ".join(game._hint[1])
    press(app, "Next hint")
    assert game._hint is not None and "Propose trade" in " ".join(game._hint[1])
    hint = game._hint[0]
    click(app, (hint.x + 5, hint.y + 5))  # a click on the hint is not a click on the map
    assert game.selected == neighbour
    press(app, "No more hints")
    assert game._hint is None and "Next hint" not in buttons(app)


def test_the_last_hint_shows_how_to_meet_a_region_and_goes_once_an_introduction_is_asked() -> None:
    """Greenvale has not met Saltmarsh: after the first four hints, one says how to be introduced,
    and asking Amberport (where Greenvale keeps an ambassador) for an introduction ends it."""
    app, game = new_game()
    for _ in range(4):
        press(app, "Next hint")
    assert game._hint is not None and "Introduction to" in " ".join(game._hint[1])
    click(app, game.map.to_screen(game.map.centres["amberport"]))
    press(app, "Introduction to Saltmarsh")
    assert game._hint is None and "Next hint" not in buttons(app)


def test_other_scenarios_have_no_hints() -> None:
    from game.ui.hints import hints_for

    assert hints_for("straits", 1) is None
    assert hints_for("tutorial", 2) is None  # nor hot-seat, where players take turns at the screen


@pytest.mark.parametrize("lang", ["en", "pl"])
@pytest.mark.parametrize("size", [(1280, 720), (960, 600)])
def test_the_panels_tabs_and_the_new_screens_fit_in_both_languages_at_both_sizes(
    lang: str, size: tuple[int, int]
) -> None:
    from game.ui.goals_scene import GoalsScene
    from game.ui.overgame import DefeatScene, LeaveScene
    from game.ui.war_confirm import WarConfirmScene
    from tests.test_ui_dialogs import _cut_labels, _overlaps

    app, game = new_game(size)
    set_language(lang)
    for tab in ("region", "inbox", "news"):
        game.panel.show(tab)
        app.frame([], 1 / 60)
        assert (_cut_labels(app), _overlaps(app)) == ([], []), tab
    neighbour = sorted(game.state.neighbours[game.me])[0]
    for scene in (
        GoalsScene(app, game),
        HelpScene(app, game),
        RelationsScene(app, game),
        OrganisationsScene(app, game),
        WarConfirmScene(app, game, A.DeclareWar(game.me, neighbour)),
        LeaveScene(app, game, then=lambda: None, back=lambda: None),
        DefeatScene(app, game, [game.me]),
    ):
        app.switch(scene)
        app.frame([], 1 / 60)
        assert (_cut_labels(app), _overlaps(app)) == ([], []), type(scene).__name__
