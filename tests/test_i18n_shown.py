"""Polish complete: whatever the window shows in Polish is Polish.

The window is driven through its scenes in Polish (through the real event loop) while every text
it puts on screen is recorded: the widgets' texts and tooltips, and what the scenes draw
themselves. A shown text that holds a piece of an English message of the catalogue, or English
words, fails the test: it names the text, so the missing translation (or the text that never went
through the catalogue) is found at once.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import html
import re
from collections.abc import Iterator

import pygame
import pytest
from babel.messages.pofile import read_po

from game.core import actions as A
from game.core.diplomacy import annex, propose, sign_treaty, start_war
from game.core.model import Terms
from game.i18n import _, set_language
from game.ui import gui as gui_module
from game.ui.alerts import AlertScene
from game.ui.app import App
from game.ui.goals_scene import GoalsScene
from game.ui.help_scene import HelpScene
from game.ui.load_scene import LoadScene
from game.ui.mapscene import MapScene
from game.ui.mapview import TextCache
from game.ui.menus import ErrorScene
from game.ui.organisations_scene import OrganisationsScene
from game.ui.overgame import GameOverScene, HandoverScene, LeaveScene, PauseScene
from game.ui.proposal_dialog import AidDialog, InvestDialog, PeaceDialog, TreatyDialog
from game.ui.relations_scene import RelationsScene
from game.ui.settings_scene import SettingsScene
from game.ui.war_confirm import WarConfirmScene
from tests.test_i18n import PO
from tests.window_driver import key, past_turn_start, until

# Words that are English and never Polish (not "a", "to", "i", "we" or "na": Polish has those).
ENGLISH_WORDS = frozenset(
    {
        "the",
        "you",
        "your",
        "of",
        "and",
        "with",
        "turn",
        "turns",
        "gold",
        "war",
        "peace",
        "treaty",
        "not",
        "for",
        "against",
        "is",
        "are",
        "has",
        "our",
        "their",
        "them",
        "us",
        "they",
        "this",
        "that",
        "will",
        "may",
        "from",
        "have",
        "been",
        "region's",
    }
)
FILE_NAME = re.compile(r"\S+\.json(\.bak)?")


@pytest.fixture(autouse=True)
def polish() -> Iterator[None]:
    set_language("pl")
    yield
    set_language("en")


class Shown:
    """Every text the window puts on screen while it is installed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.texts: set[str] = set()
        self.markup: list[str] = []  # lines whose ** would show as they are
        render, button, text, label = (
            TextCache.render,
            gui_module.Gui._button,
            gui_module.Gui.text,
            gui_module.Gui.label,
        )

        def rendered(cache: TextCache, line: str, *args: object, **kwargs: object) -> pygame.Surface:
            self.add(line)
            return render(cache, line, *args, **kwargs)  # type: ignore[arg-type]

        def buttoned(
            gui: gui_module.Gui, rect: pygame.Rect, line: str, *args: object, **kwargs: object
        ) -> object:
            self.add(line)
            tooltip = args[1] if len(args) > 1 else kwargs.get("tooltip")
            if isinstance(tooltip, str):
                self.add(tooltip)
            return button(gui, rect, line, *args, **kwargs)  # type: ignore[arg-type]

        def texted(gui: gui_module.Gui, rect: pygame.Rect, lines: list[str]) -> object:
            for line in lines:
                self.add(line)
                heading = line.startswith("**") and line.endswith("**")
                if "**" in (line[2:-2] if heading else line):  # only a whole line may be a heading
                    self.markup.append(line)
            return text(gui, rect, lines)

        def labelled(gui: gui_module.Gui, rect: pygame.Rect, line: str) -> object:
            self.add(line)
            return label(gui, rect, line)

        monkeypatch.setattr(TextCache, "render", rendered)
        monkeypatch.setattr(gui_module.Gui, "_button", buttoned)
        monkeypatch.setattr(gui_module.Gui, "text", texted)
        monkeypatch.setattr(gui_module.Gui, "label", labelled)

    def add(self, line: str) -> None:
        plain = html.unescape(re.sub(r"<[^>]+>", " ", line)).replace("**", "")
        for part in plain.split("\n"):
            if part.strip():
                self.texts.add(part.strip())


def _english_pieces() -> dict[str, str]:
    """Pieces of English msgids (between their placeholders) long enough to be told apart, each
    with its msgid; those a Polish text also holds (a name, a number) are left out."""
    with PO.open("rb") as f:
        catalogue = read_po(f)
    pieces: dict[str, str] = {}
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        for msgid in ids:
            for piece in re.split(r"\{[^{}]*\}", str(msgid)):
                piece = piece.strip(" .,:;!?()-—·")
                if len(piece.split()) >= 2 and len(piece) >= 10 and not any(piece in str(s) for s in strings):
                    pieces[piece] = str(msgid)
    return pieces


def _english(text: str, pieces: dict[str, str]) -> str | None:
    """Why a shown text reads as English, or None."""
    for piece, msgid in pieces.items():
        if piece in text:
            return f"holds {piece!r} of the msgid {msgid!r}"
    words = set(re.findall(r"[a-z']+", FILE_NAME.sub(" ", text).lower()))
    found = sorted(words & ENGLISH_WORDS)
    return f"has the English words {found}" if found else None


def _drive_everything(app: App) -> MapScene:
    """Through the window's scenes and dialogs, as a player would see them."""
    _press(app, _("New game"))
    game = start_game_pl(app)
    me = game.me
    neighbour = sorted(game.state.neighbours[me])[0]
    others = [r for r in game.state.order if r not in (me, neighbour)]
    game.session.submit(A.SendAmbassador(me, neighbour))
    game.session.submit(A.StateVisit(me, neighbour))
    sign_treaty(game.state, "trade", me, neighbour)
    propose(game.state, "call_to_arms", others[0], me, Terms(about=others[1]))
    propose(game.state, "peace", others[1], me, Terms(tribute=2.0, payer=others[1]))
    game.select(neighbour)
    _hover_every_button(app)
    for tab in ("inbox", "news"):
        game.panel.show(tab)
        _hover_every_button(app)
    for name in ("us", "wars", "diplomacy", "organisations"):
        game.set_filter(name)
    game.select(neighbour)
    for dialog in (TreatyDialog, AidDialog):
        game.open_dialog(dialog)
        app.frame([], 1 / 60)
        app.scene.back_to_game()  # type: ignore[attr-defined]
    game.select(None)
    game.open_dialog(InvestDialog)
    app.scene.choose("field", "military")  # type: ignore[attr-defined]
    app.scene.back_to_game()  # type: ignore[attr-defined]
    for overlay in (GoalsScene, HelpScene, RelationsScene, OrganisationsScene):
        app.switch(overlay(app, game))
        app.frame([], 1 / 60)
    app.switch(WarConfirmScene(app, game, A.DeclareWar(me, neighbour)))
    app.frame([], 1 / 60)
    game.session.submit(A.DeclareWar(me, neighbour))
    game.select(neighbour)
    game.open_dialog(PeaceDialog)
    for terms in ("tribute", "annex"):
        app.scene.choose("terms", terms)  # type: ignore[attr-defined]
    app.switch(PauseScene(app, game))
    app.frame([], 1 / 60)
    for scene in (
        LeaveScene(app, game, then=lambda: None, back=lambda: None),
        HandoverScene(app, game),
        SettingsScene(app, back=lambda: None),
        LoadScene(app, back=lambda: None),
        ErrorScene(app, "bilateral.log", game_saved=True),
    ):
        app.switch(scene)
        app.frame([], 1 / 60)
    app.switch(game)
    start_war(game.state, others[1], me)  # an alert and a summary at the next turn
    game.state.regions[me].treasury = -50.0
    key(app, pygame.K_RETURN)
    until(app, lambda: isinstance(app.scene, AlertScene))
    past_turn_start(app, game)
    annex(game.state, me, neighbour)
    until(app, lambda: not isinstance(app.scene, MapScene))
    app.frame([], 1 / 60)
    game.state.turn_limit = game.state.turn
    app.switch(GameOverScene(app, game))
    for figure in ("treasury", "friends"):
        app.scene.show(figure)  # type: ignore[attr-defined]
        app.frame([], 1 / 60)
    return game


def start_game_pl(app: App) -> MapScene:
    """The new game screen's Start, in Polish."""
    from game.ui.menus import NewGameScene

    chooser = app.scene
    assert isinstance(chooser, NewGameScene)
    chooser._start()
    game = app.scene
    assert isinstance(game, MapScene)
    until(app, lambda: game.session.current in game.humans)
    past_turn_start(app, game)
    return game


def _labels(app: App) -> list[str]:
    return [e.text for e in app.gui._elements if hasattr(e, "text") and hasattr(e, "is_enabled")]


def _press(app: App, label: str) -> None:
    from tests.window_driver import click

    rect = next(e.rect for e in app.gui._elements if getattr(e, "text", None) == label)
    click(app, rect.center)


def _hover_every_button(app: App) -> None:
    """Tooltips are recorded as their buttons are made; a frame draws the scene itself."""
    app.frame([], 1 / 60)


def test_every_text_shown_in_polish_is_polish(monkeypatch: pytest.MonkeyPatch) -> None:
    shown = Shown(monkeypatch)
    app = App((1280, 720), window=False)
    _drive_everything(app)
    assert len(shown.texts) > 300, "the window's texts should have been recorded"
    pieces = _english_pieces()
    english = sorted(f"{text!r} {why}" for text in shown.texts if (why := _english(text, pieces)))
    assert english == []
    assert shown.markup == []


def test_the_check_finds_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check is not blind: an English message shown in the Polish window is found."""
    shown = Shown(monkeypatch)
    app = App((1280, 720), window=False)
    app.gui.text(pygame.Rect(0, 0, 200, 100), ["Our ambassadors keep in touch: +6"])
    pieces = _english_pieces()
    assert [t for t in shown.texts if _english(t, pieces)] == ["Our ambassadors keep in touch: +6"]
    assert _english("Nasi ambasadorowie utrzymują kontakt: +6", pieces) is None
