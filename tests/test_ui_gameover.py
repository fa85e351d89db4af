"""The game over screen: who won, the standings, and charts of score, treasury and friends over the
turns that the player switches between; it fits the smallest window in both languages."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from collections.abc import Iterator

import pygame
import pytest
from pygame_gui.elements import UIButton

from game.cli import load
from game.core.diplomacy import annex
from game.core.model import FIGURES
from game.i18n import _, set_language
from game.ui.app import App
from game.ui.linechart import distinct_colours, nice_ticks
from game.ui.mapscene import MapScene
from game.ui.overgame import GameOverScene, figure_texts
from tests.window_driver import key as _key
from tests.window_driver import press as _click

TURNS = 8


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


def _finished(
    size: tuple[int, int] = (1280, 720), *, annexed_on: int | None = None
) -> tuple[App, GameOverScene]:
    """A short tutorial game played to its end by the computers, the player only ending turns;
    with `annexed_on`, the player's region is annexed by a neighbour on that turn."""
    app = App(size, window=False)
    scenario = load("tutorial")
    human = (scenario.meta.playable or [r.id for r in scenario.regions])[0]
    game = MapScene(app, scenario, [human], "normal", seed=3)
    app.switch(game)
    game.state.turn_limit = TURNS
    while not game.state.over:
        game.session.run_computers()
        if game.state.over:
            break
        if game.state.turn == annexed_on and game.state.regions[human].alive:
            annex(game.state, human, sorted(game.state.neighbours[human])[0])
        game.end_turn()
    scene = GameOverScene(app, game)
    app.switch(scene)
    app.frame([], 1 / 60)
    return app, scene


def _buttons(app: App) -> dict[str, UIButton]:
    return {e.text: e for e in app.gui._elements if isinstance(e, UIButton)}


def test_the_player_switches_between_score_treasury_and_friends() -> None:
    """The buttons above the chart (and the arrow keys) choose the figure; the chosen one is lit and
    the chart draws that figure of the history."""
    # given
    app, scene = _finished()
    state, human = scene.game.state, scene.game.humans[0]
    assert scene.figure == "score"
    # when
    _click(app, "Treasury")
    # then
    assert scene.figure == "treasury"
    assert _buttons(app)["Treasury"].is_selected and not _buttons(app)["Score"].is_selected
    chart = scene._chart()
    mine = next(line for line in chart.lines if line.bold)
    assert mine.points == state.history.series("treasury", human)
    assert [turn for turn, _value in mine.points] == list(range(1, TURNS + 1))
    assert chart.y_label == "Gold" and chart.x_label == "Turn"
    # when
    _click(app, "Friends and allies")
    # then
    assert scene.figure == "friends" and scene._chart().whole
    # when: the arrow keys go round
    _key(app, pygame.K_RIGHT)
    assert scene.figure == "score"
    _key(app, pygame.K_LEFT)
    assert scene.figure == "friends"


def test_the_chart_shows_the_player_in_bold_the_winner_and_the_leaders() -> None:
    """The player's line is bold and drawn in the region's colour; the winner is always there."""
    # given
    app, scene = _finished()
    state, human = scene.game.state, scene.game.humans[0]
    area = scene._layout()[2]
    for figure in FIGURES:
        # when
        scene.show(figure)
        app.frame([], 1 / 60)
        chart = scene._chart()
        # then
        assert [line.label for line in chart.lines if line.bold] == [scene.game.name(human)]
        assert state.winner is not None
        assert scene.game.name(state.winner) in [line.label for line in chart.lines]
        assert chart.title == figure_texts(figure)[1]
        colour = next(line.colour for line in chart.lines if line.bold)
        plot = app.canvas.subsurface(area)
        painted = sum(
            1
            for x in range(0, area.width, 2)
            for y in range(area.height)
            if plot.get_at((x, y))[:3] == colour
        )
        assert painted > 50, (figure, painted)


def test_the_summary_names_the_winner_the_players_place_and_the_annexed() -> None:
    """An annexed player reads who took the region; its line stops with a cross where it fell."""
    # given / when
    _app, scene = _finished(annexed_on=4)
    state, human, name = scene.game.state, scene.game.humans[0], scene.game.name
    # then
    summary = scene._summary()
    ruler = state.regions[human].ruler
    assert _("{region} was annexed by {ruler}.").format(region=name(human), ruler=name(ruler)) in summary
    assert f"**{_('Annexed regions')}**" in summary
    assert any(line.startswith(name(state.winner or "")) for line in summary[1:2])
    mine = next(line for line in scene._chart().lines if line.bold)
    assert mine.fell
    assert mine.points[-1][0] == 3  # recorded at the end of turn 3, annexed during turn 4


@pytest.mark.parametrize("language", ["en", "pl"])
@pytest.mark.parametrize("size", [(1280, 720), (960, 600)])
def test_the_screen_fits_the_window_in_both_languages(language: str, size: tuple[int, int]) -> None:
    """Every button lies inside the window, none overlaps another or the chart, and each label
    fits its button, in English and Polish, at the usual and the smallest window."""
    # given
    set_language(language)
    app, scene = _finished(size)
    panel, _tabs, chart = scene._layout()
    buttons = list(_buttons(app).values())
    window = pygame.Rect((0, 0), app.size)
    # then
    assert len(buttons) == 4
    for button in buttons:
        assert window.contains(button.rect), button.text
        assert not button.rect.colliderect(chart) and not button.rect.colliderect(panel), button.text
        assert app.text.render(button.text, 14).get_width() <= button.rect.width - 12, button.text
        assert [
            other for other in buttons if other is not button and other.rect.colliderect(button.rect)
        ] == []
    assert window.contains(chart) and window.contains(panel) and not panel.colliderect(chart)
    assert chart.width >= 400 and chart.height >= 300


def test_ticks_are_round_and_cover_the_values() -> None:
    assert nice_ticks(0, 2124, 6) == [0, 500, 1000, 1500, 2000, 2500]
    assert nice_ticks(-130, 40, 4) == [-150, -100, -50, 0, 50]
    assert nice_ticks(0, 4, 8, whole=True) == [0, 1, 2, 3, 4]
    assert nice_ticks(0, 0, 5, whole=True) == [0, 1]
    assert nice_ticks(0, 0.9, 5) == pytest.approx([0, 0.2, 0.4, 0.6, 0.8, 1.0])


def test_colours_too_alike_are_told_apart_and_others_kept() -> None:
    """Two regions of nearly the same colour get lines one can tell apart; the first keeps its own."""
    blue, orange, yellow = (80, 140, 220), (240, 180, 80), (240, 200, 90)
    chosen = distinct_colours([blue, orange, yellow])
    assert chosen[:2] == [blue, orange]
    assert chosen[2] != yellow
    assert sum((a - b) ** 2 for a, b in zip(chosen[2], orange, strict=True)) ** 0.5 >= 60


def test_the_friends_chart_shows_few_smoothed_lines_under_the_count_needed_to_win() -> None:
    """Counts of friends come and go from turn to turn: the chart draws the players, the winner and
    the three with most friends, each point the mean of 5 turns, under the diplomatic victory's need."""
    # given
    _app, scene = _finished()
    state, human = scene.game.state, scene.game.humans[0]
    # when
    scene.show("friends")
    chart = scene._chart()
    # then
    assert len(chart.lines) <= 1 + 1 + 3
    mine = next(line for line in chart.lines if line.bold)
    counts = [value for _turn, value in state.history.series("friends", human)]
    assert [value for _turn, value in mine.points] == [
        sum(counts[max(0, i - 4) : i + 1]) / len(counts[max(0, i - 4) : i + 1]) for i in range(len(counts))
    ]
    assert chart.smooth and chart.target is not None
    assert chart.target[0] == 4  # 80% of the tutorial's five other regions
