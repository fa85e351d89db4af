"""The window's dialogs, news filters, turn summary and end of turn, driven by posted events."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest

from game.cli import main
from game.core import actions as A
from game.core.diplomacy import end_treaty, sign_treaty
from game.core.kinds.deals import term_text
from game.core.model import Event, Term
from game.core.relations import treaty_between
from game.core.view import View
from game.i18n import set_language
from game.i18n.fonts import font_path
from game.ui import mapscene
from game.ui.alerts import AlertScene
from game.ui.app import App
from game.ui.deal_dialog import DealDialog
from game.ui.labels import KIND_LABELS
from game.ui.mapscene import MapScene
from game.ui.menus import NewGameScene
from game.ui.overgame import HandoverScene
from game.ui.proposal_dialog import AidDialog, InvestDialog, PeaceDialog, TreatyDialog
from game.ui.summary_scene import SummaryScene
from tests.window_driver import Warmonger
from tests.window_driver import buttons as _buttons
from tests.window_driver import click as _click
from tests.window_driver import key as _key
from tests.window_driver import new_game as _new_game
from tests.window_driver import press as _press
from tests.window_driver import start_game as _start_game
from tests.window_driver import texts as _texts
from tests.window_driver import until as _until


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


# --- driving the window ---------------------------------------------------------------------------
def _select_neighbour_with_envoy(app: App, game: MapScene) -> str:
    """Select a neighbour of the player's on the map and keep an ambassador there."""
    me = game.me
    neighbour = sorted(game.state.neighbours[me])[0]
    _click(app, game.map.to_screen(game.map.centres[neighbour]))
    assert game.selected == neighbour
    if (me, neighbour) not in game.state.ambassadors:
        _press(app, "Send ambassador")
    assert (me, neighbour) in game.state.ambassadors
    return neighbour


def _end_treaties(game: MapScene, other: str) -> None:
    """The player's treaties with `other` end, so that every kind may be proposed."""
    for treaty in View(game.state, game.me).treaties(other):
        end_treaty(game.state, treaty, why="expired")


def _close_summary(app: App, game: MapScene) -> None:
    """Past the turn summary: any key closes it."""
    _until(app, lambda: isinstance(app.scene, SummaryScene))
    _key(app, pygame.K_SPACE)
    assert app.scene is game


def _to_summary(app: App) -> SummaryScene:
    """Past the alerts (read with Enter) to the turn summary."""
    _until(app, lambda: isinstance(app.scene, SummaryScene | AlertScene))
    if isinstance(app.scene, AlertScene):
        app.frame([], 0.4)
        _key(app, pygame.K_RETURN)
        _until(app, lambda: isinstance(app.scene, SummaryScene))
    assert isinstance(app.scene, SummaryScene)
    return app.scene


# --- the proposal dialogs -------------------------------------------------------------------------
def test_proposing_a_treaty_opens_a_dialog_and_the_answer_shows_its_weighted_reasons() -> None:
    app, game = _new_game()
    me = game.me
    neighbour = _select_neighbour_with_envoy(app, game)
    _press(app, "Propose treaty…")
    dialog = app.scene
    assert isinstance(dialog, TreatyDialog)
    _press(app, "military access")
    assert dialog.action() == A.ProposeTreaty(me, neighbour, "access", False)
    assert "Allowed now" in _texts(app)
    proposals_sent = len([a for a in game.session.log if isinstance(a, A.ProposeTreaty)])
    _press(app, "Send (Enter)")
    assert len([a for a in game.session.log if isinstance(a, A.ProposeTreaty)]) == proposals_sent + 1
    name = game.name(neighbour)
    assert dialog.answer[0] in (f"**{name} accepts.**", f"**{name} refuses.**")
    assert any(re.search(r": \d+ (for|against)$", line) for line in dialog.answer[1:]), dialog.answer
    assert name in _texts(app)
    _key(app, pygame.K_RETURN)  # closes the answer
    assert app.scene is game
    assert game.message and game.message[0].startswith(name)


def test_the_treaty_dialog_offers_only_kinds_not_in_force_and_exclusive_trade() -> None:
    app, game = _new_game()
    me = game.me
    neighbour = _select_neighbour_with_envoy(app, game)
    _end_treaties(game, neighbour)
    sign_treaty(game.state, "non_aggression", me, neighbour)
    game.build()
    _press(app, "Propose treaty…")
    offered = set(_buttons(app)) & set(KIND_LABELS.values())
    assert offered == {KIND_LABELS[k] for k in ("alliance", "trade", "access")}
    assert "Exclusive" not in _buttons(app)  # only a trade agreement can be exclusive
    _press(app, "trade agreement")
    _press(app, "Exclusive")
    dialog = app.scene
    assert isinstance(dialog, TreatyDialog)
    assert dialog.action() == A.ProposeTreaty(me, neighbour, "trade", True)


def test_a_refused_choice_disables_send_and_says_why() -> None:
    app, game = _new_game()
    me = game.me
    neighbour = _select_neighbour_with_envoy(app, game)
    _end_treaties(game, neighbour)
    third = next(r for r in game.state.order if r not in (me, neighbour))
    deal = treaty_between(game.state, neighbour, third, "trade")
    if deal is not None:
        end_treaty(game.state, deal)
    sign_treaty(game.state, "trade", neighbour, third, exclusive=True).bound = neighbour  # it is bound
    game.build()
    _press(app, "Propose treaty…")
    _press(app, "trade agreement")
    _press(app, "Exclusive")
    assert "Send (Enter)" in _buttons(app, enabled=False)
    assert "Not possible now" in _texts(app)
    assert "is bound by an exclusive trade agreement" in _texts(app)
    before = list(game.session.log)
    _key(app, pygame.K_RETURN)  # Enter sends only what is allowed
    assert game.session.log == before
    _press(app, "non-aggression pact")  # a choice that is allowed sends again
    assert "Send (Enter)" in _buttons(app, enabled=True)


def test_the_dialog_foresees_the_answer_that_comes() -> None:
    """With an ambassador there, the dialog shows the answer before sending, with its reasons;
    what comes back after sending says the same."""
    app, game = _new_game()
    neighbour = _select_neighbour_with_envoy(app, game)
    _end_treaties(game, neighbour)
    game.build()
    _press(app, "Propose treaty…")
    _press(app, "trade agreement")
    name = game.name(neighbour)
    foreseen = [line for line in _lines(app) if line.startswith(f"Our ambassador expects {name} to")]
    assert len(foreseen) == 1
    reasons = [line for line in _lines(app) if line.endswith((" for", " against"))]
    assert reasons
    _key(app, pygame.K_RETURN)
    assert (f"{name} accepts." if foreseen[0].endswith("accept.") else f"{name} refuses.") in _lines(app)
    assert reasons == [line for line in _lines(app) if line.endswith((" for", " against"))]


def test_a_two_term_deal_foreseen_refused_countered_and_the_counter_offer_accepted() -> None:
    """Military access sweetened with 10 gold of ours: the deal screen foresees a refusal and the
    counter-offer it brings; sent, the counter-offer comes with the answer, and accepting it signs
    its terms."""
    app, game = _new_game()
    me = game.me
    neighbour = _select_neighbour_with_envoy(app, game)
    name = game.name(neighbour)
    _press(app, "Propose a deal…")
    dialog = app.scene
    assert isinstance(dialog, DealDialog)
    while dialog.terms:  # it opens with a treaty not in force; Backspace takes the last term away
        _key(app, pygame.K_BACKSPACE)
    for label in ("military access", "Add term (A)", "Gold now", "We give", "10 gold"):
        _press(app, label)
    _key(app, pygame.K_a)  # adds the term the lists show
    assert dialog.action() == A.ProposeDeal(
        me, neighbour, (Term("treaty", treaty="access"), Term("gold", me, gold=10.0))
    )
    assert f"Our ambassador expects {name} to refuse." in _lines(app)
    offered = next(line for line in _lines(app) if line.startswith("They would offer instead: "))
    treasury = game.state.regions[me].treasury
    _press(app, "Send (Enter)")
    assert f"{name} refuses, and offers other terms." in _lines(app)
    assert "Their counter-offer: the terms above." in _lines(app)
    counter = dialog.counter
    assert counter is not None and counter.sender == neighbour
    shown = "; ".join(game.text(term_text(t, me, neighbour)) for t in counter.terms.deal)
    assert offered == f"They would offer instead: {shown}"
    paid = sum(t.gold for t in counter.terms.deal if t.kind == "gold" and t.giver == me)
    _key(app, pygame.K_RETURN)  # accepts the counter-offer
    assert treaty_between(game.state, me, neighbour, "access") is not None
    assert game.state.regions[me].treasury == pytest.approx(treasury - paid)
    assert counter.id not in game.state.proposals
    _key(app, pygame.K_RETURN)
    assert app.scene is game


def test_a_counter_offer_may_be_changed_and_sent_back() -> None:
    """Changing a counter-offer puts its terms in the lists; sending declines it with ours."""
    app, game = _new_game()
    me = game.me
    neighbour = _select_neighbour_with_envoy(app, game)
    game.open_dialog(DealDialog)
    dialog = app.scene
    assert isinstance(dialog, DealDialog)
    dialog.terms = [Term("treaty", treaty="access"), Term("gold", me, gold=10.0)]
    dialog.build()
    _press(app, "Send (Enter)")
    counter = dialog.counter
    assert counter is not None and counter.sender == neighbour
    _key(app, pygame.K_c)
    assert dialog.terms == list(counter.terms.deal) and not dialog.answer
    assert isinstance(dialog.action(), A.Answer) and dialog.action().counter == counter.terms.deal
    _press(app, "Send (Enter)")
    assert counter.id not in game.state.proposals  # declined with our terms, which were answered
    assert dialog.answer


def test_the_deal_screen_offers_embargo_terms_where_there_are_embargoes() -> None:
    """Lifting an embargo is offered while one stands between us; joining one, for a region the
    other side embargoes and we do not."""
    app, game = _new_game()
    me = game.me
    neighbour = _select_neighbour_with_envoy(app, game)
    third = next(r for r in game.state.order if r not in (me, neighbour))
    game.open_dialog(DealDialog)
    assert "Lift an embargo" not in _buttons(app) and "Join an embargo" not in _buttons(app)
    game.state.embargoes.add((neighbour, me))
    game.state.embargoes.add((neighbour, third))
    dialog = app.scene
    assert isinstance(dialog, DealDialog)
    dialog.build()
    for key, value in (("kind", "lift_embargo"), ("giver", "them")):
        dialog.choose(key, value)
    assert dialog.term() == Term("lift_embargo", neighbour)
    for key, value in (("kind", "join_embargo"), ("giver", "us")):
        dialog.choose(key, value)
    assert game.name(third) in _buttons(app)
    assert dialog.term() == Term("join_embargo", me, about=third)


def test_a_peace_deal_with_reparations_is_built_and_sent_to_an_enemy() -> None:
    """At war, the deal screen opens with a peace (no ambassador needed) and its truce to choose;
    reparations added, the deal sent and accepted ends the war."""
    from game.core.diplomacy import start_war
    from game.core.model import pair
    from game.core.relations import at_war

    app, game = _new_game()
    me = game.me
    neighbour = _select_neighbour_with_envoy(app, game)
    _end_treaties(game, neighbour)
    start_war(game.state, me, neighbour)
    game.state.regions[neighbour].exhaustion = 100.0  # tired of it, and paid to stop
    game.state.regions[me].treasury = 1000.0
    game.build()
    _press(app, "Propose a deal…")
    dialog = app.scene
    assert isinstance(dialog, DealDialog)
    assert dialog.terms == [Term("peace")]
    assert "Peace" in _buttons(app) and "Treaty" in _buttons(app)
    truce = game.state.rules.truce_turns
    _press(app, f"{2 * truce} turns")
    _key(app, pygame.K_a)  # the peace with a longer truce replaces the first
    assert dialog.terms == [Term("peace", turns=2 * truce)]
    for label in ("Gold now", "We give", "100 gold"):
        _press(app, label)
    _key(app, pygame.K_a)
    assert dialog.action() == A.ProposeDeal(
        me, neighbour, (Term("peace", turns=2 * truce), Term("gold", me, gold=100.0))
    )
    _press(app, "Send (Enter)")
    assert not at_war(game.state, me, neighbour), dialog.answer
    assert game.state.regions[me].treasury == pytest.approx(900.0)
    assert game.state.truces[pair(me, neighbour)] == 2 * truce


def test_the_deal_screen_offers_alliances_wars_and_ambassadors_where_they_apply() -> None:
    """Leaving an alliance lists the giver's allies but the two sides; joining a war, the other
    side's enemies; sending an ambassador, while the giver keeps none there."""
    from game.core.diplomacy import start_war

    app, game = _new_game()
    me = game.me
    neighbour = _select_neighbour_with_envoy(app, game)
    others = [r for r in game.state.order if r not in (me, neighbour)]
    for treaty in View(game.state, me).treaties_of(neighbour):
        end_treaty(game.state, treaty, why="expired")
    for region in (neighbour, *others):
        game.state.ambassadors.discard((region, me))
    game.open_dialog(DealDialog)
    dialog = app.scene
    assert isinstance(dialog, DealDialog)
    assert "Leave an alliance" not in _buttons(app) and "Join a war" not in _buttons(app)
    sign_treaty(game.state, "alliance", neighbour, others[0])
    start_war(game.state, neighbour, others[1])
    dialog.build()
    for key, value in (("kind", "leave_alliance"), ("giver", "them")):
        dialog.choose(key, value)
    assert dialog.term() == Term("leave_alliance", neighbour, about=others[0])
    for key, value in (("kind", "join_war"), ("giver", "us")):
        dialog.choose(key, value)
    assert game.name(others[1]) in _buttons(app)
    assert dialog.term() == Term("join_war", me, about=others[1])
    for key, value in (("kind", "ambassador"), ("giver", "them")):
        dialog.choose(key, value)
    assert "Send an ambassador" in _buttons(app)
    assert dialog.term() == Term("ambassador", neighbour)


def _lines(app: App) -> list[str]:
    """The lines the scene's text boxes show, without their markup."""
    return [re.sub(r"<[^>]+>", "", line).strip() for line in _texts(app).split("<br>")]


def test_escape_cancels_and_enter_sends() -> None:
    app, game = _new_game()
    _select_neighbour_with_envoy(app, game)
    before = list(game.session.log)
    _press(app, "Propose treaty…")
    _key(app, pygame.K_ESCAPE)
    assert app.scene is game
    assert game.session.log == before
    _press(app, "Propose treaty…")
    _key(app, pygame.K_RETURN)
    assert len(game.session.log) == len(before) + 2  # the proposal and the computer's answer


def test_peace_terms_white_tribute_within_the_rules_limit_or_annexation() -> None:
    app, game = _new_game()
    me = game.me
    neighbour = _select_neighbour_with_envoy(app, game)
    _press(app, "Declare war")
    _press(app, "Declare war")  # what follows was read
    assert View(game.state, me).war_with(neighbour)
    _press(app, "Propose peace…")
    dialog = app.scene
    assert isinstance(dialog, PeaceDialog)
    assert dialog.action() == A.ProposePeace(me, neighbour, "white")
    _press(app, "Tribute")
    _press(app, "They pay us")
    limit = game.state.regions[neighbour].economy * game.state.rules.max_tribute_share
    amounts = [float(v) for v, _label in next(r for r in dialog.rows() if r.key == "tribute").choices]
    assert amounts and all(0 < a <= limit for a in amounts)
    _press(app, max(dialog.rows()[-1].choices, key=lambda c: float(c[0]))[1])
    assert dialog.action() == A.ProposePeace(me, neighbour, "tribute", tribute=max(amounts), payer=neighbour)
    assert dialog.refusal() is None
    _press(app, "Annexation")  # the enemy has not capitulated
    assert "Send (Enter)" in _buttons(app, enabled=False)
    assert "capitulated" in _texts(app)
    _press(app, "White peace")
    _press(app, "Send (Enter)")
    assert isinstance(app.scene, PeaceDialog) and app.scene.answer  # the computer answered at once


def test_aid_and_investment_amounts_are_chosen() -> None:
    app, game = _new_game()
    me = game.me
    neighbour = _select_neighbour_with_envoy(app, game)
    mine, theirs = game.state.regions[me].treasury, game.state.regions[neighbour].treasury
    _press(app, "Send aid…")
    assert isinstance(app.scene, AidDialog)
    _press(app, "50 gold")
    _press(app, "Send (Enter)")
    assert app.scene is game  # nothing to answer: the panel says what happened
    assert game.state.regions[me].treasury == pytest.approx(mine - 50)
    assert game.state.regions[neighbour].treasury == pytest.approx(theirs + 50)
    assert "50 gold in aid" in game.message[0]
    game.select(None)
    army = game.state.regions[me].military
    _press(app, "Invest…")
    assert isinstance(app.scene, InvestDialog)
    _press(app, "Army")
    _press(app, "20 gold")
    _press(app, "Send (Enter)")
    rate = game.state.rules.invest_military_rate
    assert game.state.regions[me].military == pytest.approx(army + 20 * rate)
    assert game.state.regions[me].treasury == pytest.approx(mine - 70)


# --- news -------------------------------------------------------------------------------------------
def test_news_filters_change_what_the_panel_shows() -> None:
    app, game = _new_game()
    me = game.me
    a, b, c = [r for r in game.state.order if r != me][:3]
    turn = game.state.turn
    game.state.events += [
        Event(turn, "war_declared", (a, b)),
        Event(turn, "treaty_signed", (a, c), (("exclusive", False), ("treaty", "trade"))),
        Event(turn, "joined_organisation", (c,), (("org", "nowhere"),)),
        Event(turn, "state_visit", (a, me)),
        *[Event(turn, "ambassador_sent", (b, c)) for _ in range(20)],
    ]
    game.build()
    _press(app, "News")  # the panel's third tab
    names = game.name
    war = f"{names(a)} declares war on {names(b)}!"
    treaty = f"{names(a)} and {names(c)} sign a trade agreement."
    visit = f"The ruler of {names(a)} pays a state visit to {names(me)}."
    assert all(line in _texts(app) for line in (war, treaty, visit))
    assert _texts(app).count(f"{names(b)} sends an ambassador to {names(c)}.") == 20  # not only the last few
    _press(app, "Wars")
    assert war in _texts(app) and treaty not in _texts(app) and visit not in _texts(app)
    _press(app, "Diplomacy")
    assert treaty in _texts(app) and war not in _texts(app)
    _press(app, "About us")
    assert visit in _texts(app) and war not in _texts(app) and treaty not in _texts(app)
    _press(app, "Organisations")
    assert f"{names(c)} joins nowhere." in _texts(app) and war not in _texts(app)
    _press(app, "All")
    assert war in _texts(app) and treaty in _texts(app)


def test_an_investment_is_news_only_where_we_keep_an_ambassador() -> None:
    """Treasuries and armies are hidden: another region's investment reaches us through an envoy."""
    _app, game = _new_game()
    me = game.me
    other = next(r for r in game.state.order if r != me and (me, r) not in game.state.ambassadors)
    invested = Event(game.state.turn, "invest", (other,), (("amount", 10.0), ("field", "military")))
    ours = Event(game.state.turn, "invest", (me,), (("amount", 10.0), ("field", "economy")))
    view = View(game.state, me)
    assert not view.reads(invested)
    assert view.reads(ours)
    game.state.ambassadors.add((me, other))
    assert View(game.state, me).reads(invested)


# --- the turn summary -------------------------------------------------------------------------------
def test_the_summary_opens_at_the_start_of_a_turn_and_lists_a_war_declared_on_us() -> None:
    app, game = _new_game()
    me = game.me
    enemy = sorted(game.state.neighbours[me])[0]
    game.session.controllers[enemy] = Warmonger(me)
    _key(app, pygame.K_RETURN)
    summary = _to_summary(app)
    assert game.session.current == me
    declared = f"{game.name(enemy)} declares war on {game.name(me)}!"
    assert declared in summary.lines()
    assert declared in _texts(app)
    assert any(line.startswith("Treasury:") for line in summary.lines())
    assert f"At war with: {game.name(enemy)}" in "\n".join(summary.lines())
    _close_summary(app, game)


def test_the_summary_lists_what_waits_for_an_answer() -> None:
    app, game = _new_game()
    me = game.me
    _key(app, pygame.K_RETURN)
    summary = _to_summary(app)
    waiting = View(game.state, me).inbox()
    if waiting:
        assert "**Waiting for your answer**" in summary.lines()
        assert game.name(waiting[0].sender) in "\n".join(summary.lines())
    else:
        assert "**Waiting for your answer**" not in summary.lines()


def test_in_hot_seat_the_summary_comes_after_the_handover() -> None:
    app = App((1280, 720), window=False)
    _press(app, "New game")
    chooser = app.scene
    assert isinstance(chooser, NewGameScene)
    second = chooser._playable(chooser.scenario)[1]
    _press(app, "Several players (hot-seat)")
    _press(app, chooser.scenario.regions[[r.id for r in chooser.scenario.regions].index(second)].name.en)
    game = _start_game(app)
    first = game.session.current
    _key(app, pygame.K_RETURN)
    _until(app, lambda: isinstance(app.scene, HandoverScene))
    app.frame([], 0.7)  # the handover takes Enter only after a moment
    _key(app, pygame.K_RETURN)  # the second player has not ended a turn yet: no summary
    app.frame([], 1 / 60)
    assert app.scene is game
    _key(app, pygame.K_RETURN)
    _until(app, lambda: game.session.current == first and app.scene is not game)
    assert isinstance(app.scene, HandoverScene)  # the handover first, hiding the last player's view
    app.frame([], 0.7)
    _key(app, pygame.K_RETURN)
    app.frame([], 1 / 60)
    assert isinstance(app.scene, SummaryScene)
    assert game.session.current == first


# --- ending a turn ----------------------------------------------------------------------------------
def _end_turn_button(app: App) -> tuple[int, int]:
    return _buttons(app)["End turn (Enter)"].center


def test_a_double_click_on_end_turn_ends_one_turn() -> None:
    app, game = _new_game()
    turn, me = game.state.turn, game.me
    position = _end_turn_button(app)
    for _click_number in range(2):
        app.frame([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=position, button=1)], 1 / 60)
        app.frame([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=position, button=1)], 1 / 60)
    _until(app, lambda: game.session.current == me)
    for _frame in range(30):
        app.frame([], 1 / 60)
    assert game.state.turn == turn + 1
    assert game.session.current == me
    assert isinstance(app.scene, SummaryScene)  # the second click did not close it unread


def test_clicks_and_keys_during_the_computers_turns_are_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mapscene, "AI_BUDGET_SECONDS", 0.0)  # one computer a frame: a long AI phase
    app, game = _new_game()
    turn, me = game.state.turn, game.me
    end_turn = _end_turn_button(app)
    _key(app, pygame.K_RETURN)
    assert game.session.current != me
    log_during = len(game.session.log)
    panel = (app.size[0] - 200, 300)
    for position in (end_turn, panel, (100, 100), (app.size[0] // 2, app.size[1] - 20)):
        _click(app, position)
        _key(app, pygame.K_RETURN)
        if game.session.current == me:
            break
        assert not [a for a in game.session.log[log_during:] if a is not None and a.actor == me]
    _until(app, lambda: game.session.current == me)
    assert game.state.turn == turn + 1
    assert app.error is None


# --- how it looks -----------------------------------------------------------------------------------
def _cut_labels(app: App) -> list[str]:
    """Buttons whose label is wider than the button itself."""
    font = pygame.font.Font(str(font_path()), 14)
    return [
        f"{e.text!r}: {font.size(e.text)[0]} px in {e.rect.width}"
        for e in app.gui._elements
        if hasattr(e, "is_enabled") and hasattr(e, "text") and font.size(e.text)[0] > e.rect.width - 8
    ]


def _overlaps(app: App) -> list[str]:
    rects = [(getattr(e, "text", "text box"), e.rect) for e in app.gui._elements]
    return [f"{a} / {b}" for i, (a, ra) in enumerate(rects) for b, rb in rects[i + 1 :] if ra.colliderect(rb)]


@pytest.mark.parametrize("lang", ["en", "pl"])
@pytest.mark.parametrize("size", [(1280, 720), (960, 600)])
def test_new_screens_fit_in_both_languages_at_both_sizes(lang: str, size: tuple[int, int]) -> None:
    app, game = _new_game(size)
    me = game.me
    neighbour = _select_neighbour_with_envoy(app, game)  # pressing buttons by their English labels
    set_language(lang)
    screens: list[tuple[str, Callable[[], object]]] = [
        ("panel", game.build),
        ("treaty", lambda: game.open_dialog(TreatyDialog)),
        ("deal", lambda: game.open_dialog(DealDialog)),
        ("aid", lambda: game.open_dialog(AidDialog)),
        ("invest", lambda: game.open_dialog(InvestDialog)),
    ]
    for name, show in screens:
        game.selected = neighbour
        show()
        app.frame([], 1 / 60)
        assert _cut_labels(app) == [], name
        assert _overlaps(app) == [], name
        if app.scene is not game:
            app.scene.back_to_game()  # type: ignore[attr-defined]
    game.session.submit(A.DeclareWar(me, neighbour))
    game.selected = neighbour
    game.build()
    assert _cut_labels(app) == [] and _overlaps(app) == []
    game.open_dialog(PeaceDialog)
    app.scene.choose("terms", "tribute")  # type: ignore[attr-defined]
    assert _cut_labels(app) == [] and _overlaps(app) == []
    app.scene.back_to_game()  # type: ignore[attr-defined]
    game.end_turn()
    _until(app, lambda: isinstance(app.scene, SummaryScene | AlertScene))  # the war may bring alerts
    assert _cut_labels(app) == [] and _overlaps(app) == []


@pytest.mark.parametrize("lang", ["en", "pl"])
@pytest.mark.parametrize("scene", ["proposal", "deal", "summary"])
def test_the_screenshot_command_shows_the_dialog_and_the_summary(
    tmp_path: Path, scene: str, lang: str
) -> None:
    out = tmp_path / f"{scene}-{lang}.png"
    arguments = ["screenshot", "--scenario", "tutorial", "--scene", scene, "--lang", lang, "--out", str(out)]
    assert main(arguments) == 0
    picture = pygame.image.load(str(out))
    title = pygame.mask.from_threshold(picture, (236, 220, 160, 255), (2, 2, 2, 255))
    assert title.count() > 100, "the box's title is drawn over the map"
