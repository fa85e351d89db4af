"""Drawn over the map: the goal bar (turn, score, place, progress to victory, the nearest danger
or hope) and the legend of the map mode."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.core.progress import Progress
from game.i18n import _
from game.ui.goal_texts import my_threat_line, place_line, threat_line, way_short
from game.ui.mapview import ALLIANCE, OWN, OWN_FILL, SELECTED, TRADE, UNKNOWN, WAR, TextCache, opinion_colour

Colour = tuple[int, int, int]
LINE = 19  # a line of the goal bar
NARROW = 760  # a goal bar narrower than this puts the progress on a line of its own
BRIGHT: Colour = (236, 240, 246)
DIM: Colour = (160, 170, 185)
DANGER: Colour = (255, 150, 130)
HOPE: Colour = (160, 225, 160)
BUSY: Colour = (240, 230, 190)


@dataclass(frozen=True, slots=True)
class GoalBar:
    """What the bar says, worked out when the state changes (not every frame): our place, our
    progress toward each way of winning, and a note (a danger, our own chance, or how to learn more)."""

    place: str
    ways: str
    note: str
    colour: Colour

    def lines(self, narrow: bool, busy: str = "") -> list[tuple[str, Colour, bool]]:
        """The bar's lines: place and progress on one line, or on two where the bar is narrow."""
        note = (busy, BUSY, False) if busy else (self.note, self.colour, False)
        if narrow:
            return [(self.place, BRIGHT, True), (self.ways, BRIGHT, False), note]
        return [(" · ".join(part for part in (self.place, self.ways) if part), BRIGHT, True), note]


def goal_bar(progress: Progress, me: str, name: Callable[[str], str], turn: int, limit: int) -> GoalBar:
    standing = progress.standing(me)
    place = ways = ""
    if standing is not None:  # annexed, what is left to see is who is winning
        place = place_line(standing, len(progress.living), turn, limit)
        ways = " · ".join(way_short(p) for p in progress.of(me))
    threats = [(r, p) for r, p in progress.threats() if r != me]
    if threats:
        region, way = threats[0]
        return GoalBar(place, ways, threat_line(region, way, name), DANGER)
    mine = progress.closest(me)
    if standing is not None and mine is not None and mine.met:
        return GoalBar(place, ways, my_threat_line(mine), HOPE)
    return GoalBar(place, ways, _("How to win: G or a click on this bar."), DIM)


def bar_height(narrow: bool) -> int:
    return 8 + LINE * (3 if narrow else 2)


def draw_goal_bar(
    surface: pygame.Surface, rect: pygame.Rect, text: TextCache, lines: list[tuple[str, Colour, bool]]
) -> None:
    pygame.draw.rect(surface, (20, 26, 36), rect)
    pygame.draw.line(surface, (57, 66, 79), rect.bottomleft, rect.bottomright)
    surface.set_clip(rect)
    for i, (line, colour, bold) in enumerate(lines):
        surface.blit(_fitted(text, line, rect.width - 20, colour, bold), (rect.x + 10, rect.y + 4 + i * LINE))
    surface.set_clip(None)


def _fitted(text: TextCache, line: str, width: int, colour: Colour, bold: bool = False) -> pygame.Surface:
    """The line at the largest of a few sizes that fits the width (a small window gets small print)."""
    for size in (15, 14, 13, 12):
        rendered = text.render(line, size, colour, bold)
        if rendered.get_width() <= width:
            return rendered
    return rendered


Entry = tuple[str, Colour, str]  # (how it is drawn: "fill", "line" or "outline"; colour; label)


def legend_entries(mode: str, cultures: list[tuple[str, Colour]]) -> list[Entry]:
    if mode == "relations":
        return [
            ("fill", opinion_colour(60), _("friendly to us")),
            ("fill", opinion_colour(0), _("neutral to us")),
            ("fill", opinion_colour(-60), _("hostile to us")),
            ("fill", UNKNOWN, _("unknown: no ambassador there")),
            ("fill", OWN_FILL, _("our land")),
        ]
    if mode == "alliances":
        return [("line", ALLIANCE, _("military alliance")), ("line", WAR, _("war"))]
    if mode == "trade":
        return [("line", TRADE, _("trade agreement"))]
    if mode == "culture":
        return [("fill", colour, label) for label, colour in cultures]
    return [("outline", OWN, _("our land")), ("outline", SELECTED, _("the selected region"))]


def draw_legend(surface: pygame.Surface, area: pygame.Rect, text: TextCache, entries: list[Entry]) -> None:
    """A box at the bottom left of the map: a sample of each colour or line and what it means."""
    if entries:
        legend = _legend(text, tuple(entries))
        surface.blit(legend, (area.x + 8, area.bottom - legend.get_height() - 8))


_LEGENDS: dict[tuple[Entry, ...], pygame.Surface] = {}  # drawn once for each mode and language


def _legend(text: TextCache, entries: tuple[Entry, ...]) -> pygame.Surface:
    if entries in _LEGENDS:
        return _LEGENDS[entries]
    rendered = [text.render(label, 13, BRIGHT) for _how, _colour, label in entries]
    width = max(t.get_width() for t in rendered) + 44
    legend = pygame.Surface((width, len(rendered) * 18 + 10), pygame.SRCALPHA)
    legend.fill((12, 16, 22, 210))
    y = 5
    for (how, colour, _label), label in zip(entries, rendered, strict=True):
        sample = pygame.Rect(8, y + 3, 22, 11)
        if how == "fill":
            pygame.draw.rect(legend, colour, sample)
        elif how == "line":
            pygame.draw.line(legend, colour, (sample.x, sample.centery), (sample.right, sample.centery), 3)
        else:
            pygame.draw.rect(legend, colour, sample, 2)
        legend.blit(label, (36, y))
        y += 18
    if len(_LEGENDS) > 50:  # many languages and cultures: start afresh
        _LEGENDS.clear()
    _LEGENDS[entries] = legend
    return legend
