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
STRIP_HEIGHT = 46
BRIGHT: Colour = (236, 240, 246)
DIM: Colour = (160, 170, 185)
DANGER: Colour = (255, 150, 130)
HOPE: Colour = (160, 225, 160)


@dataclass(frozen=True, slots=True)
class GoalBar:
    """The two lines of the bar, worked out when the state changes (not every frame)."""

    standing: str
    note: str
    colour: Colour


def goal_bar(progress: Progress, me: str, name: Callable[[str], str], turn: int, limit: int) -> GoalBar:
    standing = progress.standing(me)
    if standing is None:  # annexed: what is left to see is who is winning
        first = line = ""
    else:
        first = place_line(standing, len(progress.living), turn, limit)
        line = " · ".join([first, *[way_short(p) for p in progress.of(me)]])
    threats = [(r, p) for r, p in progress.threats() if r != me]
    if threats:
        region, way = threats[0]
        return GoalBar(line or first, threat_line(region, way, name), DANGER)
    mine = progress.closest(me)
    if standing is not None and mine is not None and mine.met:
        return GoalBar(line, my_threat_line(mine), HOPE)
    return GoalBar(line, _("How to win: G or a click on this bar."), DIM)


def draw_goal_bar(
    surface: pygame.Surface, rect: pygame.Rect, text: TextCache, bar: GoalBar, busy: str
) -> None:
    pygame.draw.rect(surface, (20, 26, 36), rect)
    pygame.draw.line(surface, (57, 66, 79), rect.bottomleft, rect.bottomright)
    surface.set_clip(rect)
    surface.blit(text.render(bar.standing, 15, BRIGHT, True), (rect.x + 10, rect.y + 4))
    note = busy or bar.note
    surface.blit(text.render(note, 14, (240, 230, 190) if busy else bar.colour), (rect.x + 10, rect.y + 24))
    surface.set_clip(None)


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
    rendered = [text.render(label, 13, BRIGHT) for _how, _colour, label in entries]
    if not rendered:
        return
    width = max(t.get_width() for t in rendered) + 44
    height = len(rendered) * 18 + 10
    box = pygame.Rect(area.x + 8, area.bottom - height - 8, width, height)
    shade = pygame.Surface(box.size, pygame.SRCALPHA)
    shade.fill((12, 16, 22, 210))
    surface.blit(shade, box.topleft)
    y = box.y + 5
    for (how, colour, _label), label in zip(entries, rendered, strict=True):
        sample = pygame.Rect(box.x + 8, y + 3, 22, 11)
        if how == "fill":
            pygame.draw.rect(surface, colour, sample)
        elif how == "line":
            pygame.draw.line(surface, colour, (sample.x, sample.centery), (sample.right, sample.centery), 3)
        else:
            pygame.draw.rect(surface, colour, sample, 2)
        surface.blit(label, (box.x + 36, y))
        y += 18
