"""A chart of figures over the turns, drawn with pygame: round ticks on both axes with their
labels, a legend beside the plot (so it never hides a line), the players' lines bold."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.ui.mapview import TextCache

Colour = tuple[int, int, int]
BACKGROUND: Colour = (16, 20, 28)
FRAME: Colour = (70, 82, 100)
GRID: Colour = (38, 46, 58)
ZERO: Colour = (96, 108, 126)
INK: Colour = (200, 208, 218)
DIM: Colour = (140, 150, 164)
TITLE: Colour = (236, 220, 160)
PAD = 10
LEGEND_ROW = 20
LEGEND_SWATCH = 22
TICK_SPACING_X = 90  # pixels wanted between two turn ticks
TICK_SPACING_Y = 48
COUNT_SPREAD = 2.0  # pixels between lines of equal counts
COLOUR_APART = 60.0  # colours nearer than this (RGB distance) are hard to tell apart as thin lines
# Colours that stay apart from each other on the dark background, for lines too alike.
PALETTE: tuple[Colour, ...] = (
    (100, 160, 240),
    (250, 150, 60),
    (240, 90, 90),
    (90, 200, 190),
    (120, 200, 90),
    (240, 210, 80),
    (190, 130, 220),
    (250, 160, 190),
    (190, 150, 110),
    (220, 220, 220),
)


@dataclass(frozen=True, slots=True)
class Line:
    label: str
    colour: Colour
    points: list[tuple[int, float]]  # (turn, value), in turn order
    bold: bool = False  # a player's own region
    fell: bool = False  # annexed before the end: a cross where the line stops


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    x_label: str
    y_label: str
    lines: list[Line]
    number: Callable[[float], str]  # how a tick's value is written
    whole: bool = False  # counts: ticks on whole numbers only (and steps, unless smooth)
    smooth: bool = False  # values already averaged: straight lines between them, not steps
    target: tuple[float, str] | None = None  # a level to reach, drawn dashed with its label


def nice_ticks(low: float, high: float, most: int, *, whole: bool = False) -> list[float]:
    """Round values covering low..high, spaced 1, 2 or 5 times a power of ten, at most `most` steps."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / max(most, 1)
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1.0, 2.0, 5.0, 10.0) if m * power >= raw * (1 - 1e-9))
    if whole:
        step = max(1.0, math.ceil(step))
    start, end = math.floor(low / step), math.ceil(high / step)
    return [i * step for i in range(start, end + 1)]


def draw_line_chart(surface: pygame.Surface, area: pygame.Rect, text: TextCache, chart: Chart) -> None:
    pygame.draw.rect(surface, BACKGROUND, area)
    pygame.draw.rect(surface, FRAME, area, 1)
    title = text.render(chart.title, 16, TITLE, True)
    surface.blit(title, (area.x + PAD, area.y + PAD - 2))
    lines = [line for line in chart.lines if line.points]
    if not lines:
        return
    legend_width = _draw_legend(surface, area, text, lines, top=area.y + PAD + title.get_height() + 8)
    values = [value for line in lines for _turn, value in line.points]
    if chart.target is not None:
        values.append(chart.target[0])
    turns = [turn for line in lines for turn, _value in line.points]
    first, last = min(turns), max(turns)
    top_of_plot = area.y + PAD + title.get_height() + 38
    bottom_of_plot = area.bottom - PAD - 40
    y_ticks = nice_ticks(
        min(0.0, min(values)),
        max(0.0, max(values)),
        max(2, (bottom_of_plot - top_of_plot) // TICK_SPACING_Y),
        whole=chart.whole,
    )
    y_labels = [text.render(chart.number(v), 12, DIM) for v in y_ticks]
    left = area.x + PAD + max(label.get_width() for label in y_labels) + 8
    plot = pygame.Rect(
        left, top_of_plot, area.right - legend_width - 2 * PAD - 12 - left, bottom_of_plot - top_of_plot
    )
    if plot.width < 40 or plot.height < 40:
        return
    low, high = y_ticks[0], y_ticks[-1]
    span = max(last - first, 1)

    def at(turn: float, value: float) -> tuple[float, float]:
        return (
            plot.x + plot.width * (turn - first) / span,
            plot.bottom - plot.height * (value - low) / (high - low),
        )

    for value, label in zip(y_ticks, y_labels, strict=True):
        y = round(at(first, value)[1])
        pygame.draw.line(surface, ZERO if value == 0 and low < 0 else GRID, (plot.x, y), (plot.right, y))
        surface.blit(label, (plot.x - 8 - label.get_width(), y - label.get_height() // 2))
    y_name = text.render(chart.y_label, 12, INK, True)
    surface.blit(y_name, (area.x + PAD, plot.y - y_name.get_height() - 8))
    _draw_turn_axis(surface, plot, text, chart.x_label, first, last, at)
    if chart.target is not None:
        _draw_target(surface, plot, text, round(at(first, chart.target[0])[1]), chart.target[1])
    for index, line in sorted(enumerate(lines), key=lambda item: item[1].bold):  # the players' on top
        points = [at(turn, value) for turn, value in line.points]
        if chart.whole and not chart.smooth:  # counts: steps, a little apart so equal counts stay visible
            lift = 0.0 if line.bold else (index - (len(lines) - 1) / 2) * COUNT_SPREAD
            points = _steps([(x, y - lift) for x, y in points])
        _draw_series(surface, line, points)


def _steps(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A count holds until the next turn's: level, then up or down."""
    stepped = points[:1]
    for (_x, y), (x, next_y) in itertools.pairwise(points):
        stepped += [(x, y), (x, next_y)]
    return stepped


def distinct_colours(colours: list[Colour]) -> list[Colour]:
    """The colours, with any too like an earlier one replaced by the palette's colour that stands
    farthest from those already chosen (map colours of neighbours are often alike)."""
    chosen: list[Colour] = []

    def apart(colour: Colour) -> float:
        return min([math.dist(colour, other) for other in chosen] + [COLOUR_APART])

    for colour in colours:
        if apart(colour) < COLOUR_APART:
            colour = max(PALETTE, key=apart)
        chosen.append(colour)
    return chosen


def _draw_legend(
    surface: pygame.Surface, area: pygame.Rect, text: TextCache, lines: list[Line], top: int
) -> int:
    """The legend at the right, best final value first, so it reads in the order the lines end;
    returns its width."""
    ranked = sorted(lines, key=lambda line: -line.points[-1][1])
    labels = [text.render(line.label, 13, line.colour, line.bold) for line in ranked]
    width = min(max(label.get_width() for label in labels) + LEGEND_SWATCH + 6, area.width // 3)
    x = area.right - PAD - width
    for row, (line, label) in enumerate(zip(ranked, labels, strict=True)):
        y = top + row * LEGEND_ROW
        if y + LEGEND_ROW > area.bottom - PAD:
            break
        middle = y + label.get_height() // 2
        pygame.draw.line(
            surface, line.colour, (x, middle), (x + LEGEND_SWATCH - 6, middle), 4 if line.bold else 2
        )
        surface.blit(
            label, (x + LEGEND_SWATCH, y), pygame.Rect(0, 0, width - LEGEND_SWATCH, label.get_height())
        )
    return width


def _draw_turn_axis(
    surface: pygame.Surface,
    plot: pygame.Rect,
    text: TextCache,
    name: str,
    first: int,
    last: int,
    at: Callable[[float, float], tuple[float, float]],
) -> None:
    pygame.draw.line(surface, ZERO, plot.bottomleft, plot.bottomright)
    most = max(2, plot.width // TICK_SPACING_X)
    ticks = [t for t in nice_ticks(first, last, most, whole=True) if first <= t <= last] or [float(first)]
    for turn in ticks:
        x = round(at(turn, 0.0)[0])
        pygame.draw.line(surface, ZERO, (x, plot.bottom), (x, plot.bottom + 4))
        label = text.render(str(int(turn)), 12, DIM)
        surface.blit(label, (x - label.get_width() // 2, plot.bottom + 6))
    caption = text.render(name, 12, INK, True)
    surface.blit(caption, (plot.centerx - caption.get_width() // 2, plot.bottom + 22))


def _draw_target(surface: pygame.Surface, plot: pygame.Rect, text: TextCache, y: int, label: str) -> None:
    """A dashed level across the plot, its label just above it at the right (clear of the axis's name)."""
    for x in range(plot.x, plot.right, 12):
        pygame.draw.line(surface, TITLE, (x, y), (min(x + 6, plot.right), y), 1)
    caption = text.render(label, 12, TITLE)
    surface.blit(caption, (plot.right - caption.get_width() - 6, y - caption.get_height() - 2))


def _draw_series(surface: pygame.Surface, line: Line, points: list[tuple[float, float]]) -> None:
    width = 4 if line.bold else 2
    if len(points) > 1:
        pygame.draw.lines(surface, line.colour, False, points, width)
    else:
        pygame.draw.circle(surface, line.colour, points[0], width + 1)
    if line.fell:
        x, y = points[-1]
        for dx in (-5, 5):
            pygame.draw.line(surface, line.colour, (x - dx, y - 5), (x + dx, y + 5), 2)
