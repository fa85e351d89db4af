"""The map, drawn by us: territories filled by map mode, borders, names, and lines for ties.

The static layer (fills, borders, labels) is rendered once into a surface and reused until what
it shows changes: the view, the mode, the selection or who rules what. Rendered text is cached.
"""

from __future__ import annotations

import colorsys
import hashlib
from collections.abc import Callable

import pygame

from game.core.model import GameState
from game.core.view import View
from game.i18n.fonts import font_path
from game.scenario.provinces import ProvinceMap
from game.scenario.schema import Scenario
from game.territories import Point, Polygon, centroid, contains, territories

MODES = ("political", "relations", "alliances", "trade", "culture")
SEA = (22, 38, 58)
BORDER = (18, 22, 28)
SELECTED = (255, 236, 140)
OWN = (255, 255, 255)  # the outline of the player's own land, so it is found at a glance
ALLIANCE = (90, 200, 110)
WAR = (230, 60, 50)
TRADE = (235, 190, 70)
OWN_FILL = (235, 220, 120)  # the relations mode's colour of our own land
UNKNOWN = (78, 82, 92)  # the relations mode's colour of a region whose opinion of us we cannot know
ZOOM_MIN, ZOOM_MAX = 0.3, 6.0
MARGIN = 80  # pixels of sea around the whole-map layer, so names at the edge are not cut
WHOLE_MAP_PIXELS = 6_000_000  # beyond this (zoomed in far) only the part in view is drawn


def hex_colour(text: str) -> tuple[int, int, int]:
    return (int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16))


def opinion_colour(value: float) -> tuple[int, int, int]:
    """Red for hostile, grey for neutral, green for friendly."""
    t = max(-1.0, min(1.0, value / 60.0))
    grey = (120, 124, 130)
    end = (70, 190, 90) if t > 0 else (210, 60, 55)
    k = abs(t)
    return (
        int(grey[0] + (end[0] - grey[0]) * k),
        int(grey[1] + (end[1] - grey[1]) * k),
        int(grey[2] + (end[2] - grey[2]) * k),
    )


def culture_colour(culture: str) -> tuple[int, int, int]:
    hue = int(hashlib.sha256(culture.encode()).hexdigest()[:4], 16) / 0xFFFF
    r, g, b = colorsys.hsv_to_rgb(hue, 0.45, 0.8)
    return (int(r * 255), int(g * 255), int(b * 255))


class TextCache:
    """Rendered text surfaces, kept while the same text is drawn again."""

    def __init__(self) -> None:
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._texts: dict[tuple[str, int, bool, tuple[int, int, int]], pygame.Surface] = {}
        self._wrapped: dict[tuple[str, int, int, bool], list[str]] = {}

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        font = self._fonts.get((size, bold))
        if font is None:
            font = self._fonts[(size, bold)] = pygame.font.Font(font_path(bold), size)
        return font

    def render(
        self, text: str, size: int, colour: tuple[int, int, int] = (240, 240, 240), bold: bool = False
    ) -> pygame.Surface:
        key = (text, size, bold, colour)
        surface = self._texts.get(key)
        if surface is None:
            if len(self._texts) > 2000:  # a zoom session can make many sizes: start afresh
                self._texts.clear()
            surface = self._texts[key] = self.font(size, bold).render(text, True, colour)
        return surface

    def wrap(self, text: str, size: int, width: int, bold: bool = False) -> list[str]:
        """The text broken into lines no wider than `width`, at spaces (a longer word stands alone)."""
        key = (text, size, width, bold)
        if key not in self._wrapped:
            if len(self._wrapped) > 2000:
                self._wrapped.clear()
            self._wrapped[key] = self._wrap(text, size, width, bold)
        return self._wrapped[key]

    def _wrap(self, text: str, size: int, width: int, bold: bool) -> list[str]:
        font, lines, line = self.font(size, bold), [], ""
        for word in text.split(" "):
            attempt = f"{line} {word}" if line else word
            if line and font.size(attempt)[0] > width:
                lines.append(line)
                line = word
            else:
                line = attempt
        return [*lines, line]


class MapView:
    def __init__(
        self,
        positions: dict[str, Point],
        colours: dict[str, str],
        size: tuple[int, int],
        names: Callable[[str], str],
        outlines: dict[str, Polygon] | None = None,
        labels: dict[str, Point] | None = None,
    ) -> None:
        self.size = size
        self.cells = territories(positions, size, outlines)
        self.capitals = positions
        labels = labels or {}
        self.centres = {r: labels.get(r) or centroid(c) for r, c in self.cells.items()}
        self.colours = {r: hex_colour(c) for r, c in colours.items()}
        self.names = names
        self.boxes = {r: _bbox(c) for r, c in self.cells.items()}
        self.rect = pygame.Rect(0, 0, *size)
        self.zoom = 1.0
        self.offset = (0.0, 0.0)  # the map point at the view's top-left corner
        self.mode = MODES[0]
        self.text = TextCache()
        self._layer: pygame.Surface | None = None
        self._layer_key: object = None

    @classmethod
    def of_scenario(
        cls, scenario: Scenario, names: Callable[[str], str], provinces: ProvinceMap | None = None
    ) -> MapView:
        """The map of a scenario: painted outlines and label places when its province map was read."""
        outlines = {r.id: [(p[0], p[1]) for p in r.outline] for r in scenario.regions if r.outline}
        if provinces is not None:
            outlines |= provinces.outlines
        return cls(
            {r.id: (r.position[0], r.position[1]) for r in scenario.regions},
            {r.id: r.colour for r in scenario.regions},
            (scenario.meta.map.width, scenario.meta.map.height),
            names,
            outlines,
            provinces.labels if provinces is not None else None,
        )

    # --- view -----------------------------------------------------------------------------------
    def fit(self, rect: pygame.Rect, padding: int = 0) -> None:
        """Show the whole map in `rect`, centred, with `padding` pixels of sea at least around it."""
        self.rect = rect
        room = (max(1, rect.width - 2 * padding), max(1, rect.height - 2 * padding))
        self.zoom = min(room[0] / self.size[0], room[1] / self.size[1])
        self.offset = (
            -(rect.width / self.zoom - self.size[0]) / 2,
            -(rect.height / self.zoom - self.size[1]) / 2,
        )

    def zoom_at(self, screen: tuple[int, int], factor: float) -> None:
        before = self.to_map(screen)
        self.zoom = max(ZOOM_MIN, min(ZOOM_MAX, self.zoom * factor))
        after = self.to_map(screen)
        self.offset = (self.offset[0] + before[0] - after[0], self.offset[1] + before[1] - after[1])

    def pan(self, dx: float, dy: float) -> None:
        self.offset = (self.offset[0] - dx / self.zoom, self.offset[1] - dy / self.zoom)

    def to_screen(self, p: Point) -> tuple[int, int]:
        return (
            int(self.rect.x + (p[0] - self.offset[0]) * self.zoom),
            int(self.rect.y + (p[1] - self.offset[1]) * self.zoom),
        )

    def to_map(self, screen: tuple[int, int]) -> Point:
        return (
            (screen[0] - self.rect.x) / self.zoom + self.offset[0],
            (screen[1] - self.rect.y) / self.zoom + self.offset[1],
        )

    def region_at(self, screen: tuple[int, int]) -> str | None:
        if not self.rect.collidepoint(screen):
            return None
        x, y = self.to_map(screen)
        for region, (x0, y0, x1, y1) in self.boxes.items():
            if x0 <= x <= x1 and y0 <= y <= y1 and contains(self.cells[region], (x, y)):
                return region
        return None

    # --- drawing --------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, state: GameState, selected: str | None, me: str | None) -> None:
        rulers = tuple(state.regions[r].ruler for r in sorted(self.cells))
        shows = (self.zoom, self.mode, selected, me, rulers, self._ties(state), self._relations_key(state))
        whole = (self.size[0] * self.zoom + 2 * MARGIN) * (self.size[1] * self.zoom + 2 * MARGIN)
        if whole <= WHOLE_MAP_PIXELS:
            # The whole map at this zoom, kept while only the view moves: panning costs one blit.
            if ("whole", shows) != self._layer_key or self._layer is None:
                size = (
                    int(self.size[0] * self.zoom) + 2 * MARGIN,
                    int(self.size[1] * self.zoom) + 2 * MARGIN,
                )
                self._layer = self._render_layer(state, selected or me, me, size, (0.0, 0.0), MARGIN)
                self._layer_key = ("whole", shows)
            x, y = self.to_screen((0.0, 0.0))
            surface.fill(SEA, self.rect)
            surface.set_clip(self.rect)
            surface.blit(self._layer, (x - MARGIN, y - MARGIN))
        else:  # zoomed in far: only the part in view
            if ("view", self.rect.size, self.offset, shows) != self._layer_key or self._layer is None:
                self._layer = self._render_layer(state, selected or me, me, self.rect.size, self.offset, 0)
                self._layer_key = ("view", self.rect.size, self.offset, shows)
            surface.set_clip(self.rect)
            surface.blit(self._layer, self.rect.topleft)
        # The selection is drawn each frame, kept inside the map's part of the window.
        if selected is not None:
            points = [self.to_screen(p) for p in self.cells[selected]]
            pygame.draw.polygon(surface, SELECTED, points, 3)
        surface.set_clip(None)

    def _relations_key(self, state: GameState) -> object:
        if self.mode == "relations":
            return state.turn, len(state.events)
        return None

    def _fill(self, state: GameState, region: str, focus: str | None) -> tuple[int, int, int]:
        ruler = state.regions[region].ruler
        if self.mode == "relations" and focus is not None:
            me = state.regions[focus].ruler
            if ruler == me:
                return OWN_FILL
            theirs = View(state, me).opinion_of_us(ruler)  # known only where we keep an ambassador
            return UNKNOWN if theirs is None else opinion_colour(theirs)
        if self.mode == "culture":
            return culture_colour(state.regions[region].culture)
        colour = self.colours[ruler]
        if self.mode in ("alliances", "trade"):
            return (colour[0] // 2 + 40, colour[1] // 2 + 40, colour[2] // 2 + 40)
        return colour

    def _render_layer(
        self,
        state: GameState,
        focus: str | None,
        me: str | None,
        size: tuple[int, int],
        origin: Point,
        margin: int,
    ) -> pygame.Surface:
        """Territories, borders, our land's outline, the mode's lines, then capitals and names on
        top (lines never hide a name): map point `origin` drawn at (margin, margin)."""
        layer = pygame.Surface(size)
        layer.fill(SEA)
        zoom = self.zoom

        def place(p: Point) -> tuple[float, float]:
            return ((p[0] - origin[0]) * zoom + margin, (p[1] - origin[1]) * zoom + margin)

        for region in sorted(self.cells):
            points = [place(p) for p in self.cells[region]]
            pygame.draw.polygon(layer, self._fill(state, region, focus), points)
            pygame.draw.polygon(layer, BORDER, points, 2)
        ruler = state.regions[me].ruler if me is not None else None
        for region in sorted(r for r in self.cells if state.regions[r].ruler == ruler):
            pygame.draw.polygon(layer, OWN, [place(p) for p in self.cells[region]], 3)
        for a, b, colour in self._ties(state):
            pygame.draw.line(layer, BORDER, place(self.capitals[a]), place(self.capitals[b]), 6)
            pygame.draw.line(layer, colour, place(self.capitals[a]), place(self.capitals[b]), 3)
        text_size = max(10, min(22, int(13 * zoom**0.5 * 1.2)))
        for region in sorted(self.cells):
            alive = state.regions[region].alive
            label = self.text.render(
                self.names(region), text_size, (255, 255, 255) if alive else (200, 200, 200), alive
            )
            shadow = self.text.render(self.names(region), text_size, (0, 0, 0), alive)
            x, y = place(self.centres[region])
            capital = pygame.Vector2(place(self.capitals[region]))
            if alive:
                pygame.draw.circle(layer, BORDER, capital, 5)
                pygame.draw.circle(layer, (250, 250, 250), capital, 3)
                box = label.get_rect(center=(int(x), int(y))).inflate(8, 8)
                if box.collidepoint(capital):  # the name goes just above the capital, not over it
                    y = capital.y - label.get_height() / 2 - 5
            layer.blit(shadow, (x - label.get_width() / 2 + 1, y - label.get_height() / 2 + 1))
            layer.blit(label, (x - label.get_width() / 2, y - label.get_height() / 2))
        return layer

    def _ties(self, state: GameState) -> tuple[tuple[str, str, tuple[int, int, int]], ...]:
        """The lines of the mode, between capitals: alliances and wars, or trade agreements."""
        lines: list[tuple[str, str, tuple[int, int, int]]] = []
        if self.mode == "alliances":
            lines += [(t.a, t.b, ALLIANCE) for t in state.treaties.values() if t.kind == "alliance"]
            lines += [(w.attacker, w.defender, WAR) for w in state.wars.values()]
        elif self.mode == "trade":
            lines += [(t.a, t.b, TRADE) for t in state.treaties.values() if t.kind == "trade"]
        return tuple(sorted(lines))


def _bbox(polygon: Polygon) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
    return (min(xs), min(ys), max(xs), max(ys))
