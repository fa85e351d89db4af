"""Every action kind can be taken in the window: in a situation made for it (tests/situations.py),
its button is on the panel, enabled, and pressing it (and, for a kind that takes terms, sending
its dialog) applies an action of that kind. The panel also shows memberships, rogue marks and
what each resolution is about."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from collections.abc import Iterator

import pytest

from game.core import actions as A
from game.core.kinds.base import Control
from game.core.registry import ACTION_KINDS
from game.core.relations import add_modifier
from game.core.view import View
from game.i18n import set_language
from game.scenario.loader import load_scenario_bytes
from game.ui.app import App
from game.ui.mapscene import DIALOGS, MapScene
from game.ui.proposal_dialog import ActionDialog
from tests.conftest import WORLD_YAML
from tests.situations import ME, SITUATIONS
from tests.window_driver import buttons, click, past_turn_start, press, press_in_row, texts


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


def _game() -> tuple[App, MapScene]:
    """The test world in the window: alba is the player, the others answer as passive players."""
    scenario = load_scenario_bytes(WORLD_YAML.encode(), "testworld.yaml").scenario
    app = App((1280, 720), window=False)
    game = MapScene(app, scenario, [ME], "passive", seed=11)
    app.switch(game)
    past_turn_start(app, game)
    return app, game


def _select(app: App, game: MapScene, target: str | None) -> None:
    if target is None:
        game.select(None)
        return
    click(app, game.map.to_screen(game.map.centres[target]))
    assert game.selected == target


@pytest.mark.parametrize("record", sorted(SITUATIONS, key=lambda r: r.__name__), ids=lambda r: r.__name__)
def test_every_kind_can_be_taken_in_the_window(record: type[A.Action]) -> None:
    app, game = _game()
    setup, target = SITUATIONS[record]
    setup(game.state)
    _select(app, game, target)
    kind = ACTION_KINDS[record]
    option = next(
        o for o in View(game.state, ME).available(target) if isinstance(o.action, record) and o.allowed
    )
    dialog = DIALOGS.get(kind.control)
    before = len(game.session.log)
    if kind.control in (Control.INBOX, Control.BALLOT):  # a row of the inbox, with both answers
        press(app, game.panel.tab_labels()["inbox"])
        row = next(i for i, r in enumerate(game.panel.rows()) if option in (r.yes, r.no))
        label = game.panel.answer_label(option)
        press_in_row(app, game, row, label)
    else:
        label = dialog[0] if dialog is not None else game.text(kind.caption(game.state, option.action))
        assert label in buttons(app, enabled=True), sorted(buttons(app))
        press(app, label)
    if dialog is not None:
        assert isinstance(app.scene, ActionDialog)
        press(app, "Send (Enter)")
    if record is A.DeclareWar:  # what the war sets off is shown first
        press(app, "Declare war")
    taken = [a for a in game.session.log[before:] if isinstance(a, record) and a.actor == ME]
    assert taken, f"pressing {label!r} took no {record.__name__}"


def test_the_panel_shows_memberships_rogue_marks_and_what_a_vote_is_about() -> None:
    app, game = _game()
    SITUATIONS[A.Vote][0](game.state)  # fenn applies to join the market
    game.state.regions["elda"].rogue_turns = 4
    _select(app, game, None)
    shown = texts(app)
    assert "Member of: Council, Market" in shown
    assert "Market: admit Fenn?" in shown
    press(app, "Inbox (1)")
    assert game.panel.rows()[0].subject == "Market: admit Fenn?"
    assert {"For", "Against"} <= set(buttons(app, enabled=True))
    _select(app, game, "elda")
    shown = texts(app)
    assert "Member of: no organisation" in shown
    assert "Marked rogue for 4 more turns." in shown


def test_the_relations_map_shows_only_opinions_we_may_know() -> None:
    """Issue 10, loophole 12: the relations mode colours a region by its opinion of us only where
    we keep an ambassador; elsewhere the colour is the same whatever it thinks of us."""
    _app, game = _game()
    game.map.mode = "relations"
    state = game.state
    unknown = game.map._fill(state, "bria", ME)
    add_modifier(state, "bria", ME, "rogue", -90.0, 0.0)
    assert game.map._fill(state, "bria", ME) == unknown
    state.ambassadors.add((ME, "bria"))
    assert game.map._fill(state, "bria", ME) != unknown
