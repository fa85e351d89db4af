"""The relations overview (R): every region we know, one row each, with the opinion both ways as
far as we may know it, treaties, ambassadors, war or truce, and memberships. A click on a column's
title sorts by it (again: the other way round); the wheel scrolls; a click on a row shows that
region on the map."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

import pygame

from game.core.relations import opinion_label
from game.core.view import View
from game.i18n import _, number
from game.ui.labels import kind_label
from game.ui.overgame import OverGame

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.mapscene import MapScene

ROW = 40
HEADER = 30
MARGIN = 24
COLUMNS = ("region", "ours", "theirs", "treaties", "envoys", "status", "members")
WIDTHS = (0.15, 0.13, 0.13, 0.20, 0.14, 0.12, 0.13)  # of the table's width
TEXT = (228, 234, 242)
DIM = (150, 160, 175)
WAR = (255, 150, 130)


@dataclass(frozen=True, slots=True)
class Row:
    region: str
    cells: tuple[str, ...]
    keys: tuple[str | float, ...]  # what each column sorts by
    at_war: bool


class RelationsScene(OverGame):
    def __init__(self, app: App, game: MapScene) -> None:
        super().__init__(app, game)
        self.sort = "region"
        self.descending = False
        self.first = 0  # the first row shown

    # --- what it shows ---------------------------------------------------------------------------
    def titles(self) -> dict[str, str]:
        return {
            "region": _("Region"),
            "ours": _("Our opinion"),
            "theirs": _("Their opinion"),
            "treaties": _("Treaties"),
            "envoys": _("Ambassadors"),
            "status": _("Status"),
            "members": _("Member of"),
        }

    def rows(self) -> list[Row]:
        game = self.game
        view = View(game.state, game.me)
        found = [self._row(view, r) for r in view.known() if r != game.me]
        index = COLUMNS.index(self.sort)

        def key(row: Row) -> tuple[int, str | float, str]:
            value = row.keys[index]
            missing = 1 if value == "" else 0  # unknown opinions last, whichever the order
            return (missing, value, row.cells[0].casefold())

        found.sort(key=key, reverse=self.descending)
        if self.descending:  # the unknown stay last
            found.sort(key=lambda row: row.keys[index] == "")
        return found

    def _row(self, view: View, region: str) -> Row:
        name = self.game.name
        ours = view.opinion_of(region)
        theirs = view.opinion_of_us(region)
        treaties = [kind_label(t.kind) for t in view.treaties(region)]
        envoys = {
            (True, True): _("both ways"),
            (True, False): _("ours there"),
            (False, True): _("theirs here"),
            (False, False): _("none"),
        }[(view.has_ambassador(region), view.hosts_ambassador(region))]
        war = view.war_with(region)
        if war is not None:
            status = _("war, score {score}").format(score=_signed(war.side_score(view.me)))
        elif view.truce_with(region):
            status = _("truce")
        else:
            status = _("peace")
        members = [name(o.id) for o in view.organisations() if region in o.members]
        cells = (
            name(region),
            _opinion(ours),
            _("unknown") if theirs is None else _opinion(theirs),
            ", ".join(treaties) or "—",
            envoys,
            status,
            ", ".join(members) or "—",
        )
        keys: tuple[str | float, ...] = (
            name(region).casefold(),
            ours,
            "" if theirs is None else theirs,
            float(len(treaties)),
            envoys,
            (0.0 if war is not None else 1.0 if view.truce_with(region) else 2.0),
            float(len(members)),
        )
        return Row(region, cells, keys, war is not None)

    # --- layout ----------------------------------------------------------------------------------
    def table(self) -> pygame.Rect:
        w, h = self.app.size
        return pygame.Rect(MARGIN, MARGIN + 40, w - 2 * MARGIN, h - 2 * MARGIN - 40 - 56)

    def columns(self) -> list[pygame.Rect]:
        table, x, found = self.table(), self.table().x, []
        for share in WIDTHS:
            width = int(table.width * share)
            found.append(pygame.Rect(x, table.y, width, HEADER))
            x += width
        return found

    def shown(self) -> int:
        return max(1, (self.table().height - HEADER) // ROW)

    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        titles = self.titles()
        for column, rect in zip(COLUMNS, self.columns(), strict=True):
            arrow = (" ▼" if self.descending else " ▲") if column == self.sort else ""
            gui.toggle(
                rect.inflate(-4, 0),
                titles[column] + arrow,
                partial(self.sort_by, column),
                selected=column == self.sort,
                tooltip=_("Sort by this column; again for the other way round"),
            )
        gui.button(pygame.Rect(w // 2 - 100, h - MARGIN - 44, 200, 40), _("Close (Esc)"), self.back_to_game)

    def sort_by(self, column: str) -> None:
        self.descending = not self.descending if column == self.sort else column in ("ours", "theirs")
        self.sort = column
        self.first = 0
        self.build()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_r):
            self.back_to_game()
        elif event.type == pygame.MOUSEWHEEL:
            most = max(0, len(self.rows()) - self.shown())
            self.first = max(0, min(most, self.first - event.y))
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            row = self.row_at(event.pos)
            if row is not None:
                self.back_to_game()
                self.game.select(row.region)

    def row_at(self, point: tuple[int, int]) -> Row | None:
        table = self.table()
        top = table.y + HEADER + 4
        if not table.collidepoint(point) or point[1] < top:
            return None
        index = self.first + (point[1] - top) // ROW
        rows = self.rows()
        return rows[index] if index < len(rows) else None

    # --- drawing -----------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        self.draw_dimmed_game(surface)
        w, h = self.app.size
        box = pygame.Rect(MARGIN - 12, MARGIN - 8, w - 2 * MARGIN + 24, h - 2 * MARGIN + 16)
        pygame.draw.rect(surface, (28, 34, 46), box)
        pygame.draw.rect(surface, (120, 135, 155), box, 2)
        text = self.app.text
        title = _("Relations with every region we know")
        surface.blit(text.render(title, 20, (236, 220, 160), True), (MARGIN, MARGIN))
        rows = self.rows()
        columns = self.columns()
        y = self.table().y + HEADER + 4
        for i, row in enumerate(rows[self.first : self.first + self.shown()]):
            band = pygame.Rect(self.table().x, y, self.table().width, ROW - 2)
            pygame.draw.rect(surface, (34, 41, 54) if i % 2 else (30, 36, 48), band)
            for cell, rect in zip(row.cells, columns, strict=True):
                colour = WAR if row.at_war and rect is columns[5] else TEXT if cell not in ("—",) else DIM
                _draw_cell(
                    surface,
                    text.wrap,
                    text.render,
                    cell,
                    pygame.Rect(rect.x + 6, y + 2, rect.width - 10, ROW - 4),
                    colour,
                )
            y += ROW
        if not rows:
            surface.blit(text.render(_("You know no other region yet."), 15, DIM), (MARGIN, y))
        hidden = len(rows) - self.first - self.shown()
        if hidden > 0 or self.first > 0:
            note = _("Rows {first}–{last} of {count}: the wheel scrolls.").format(
                first=self.first + 1, last=min(len(rows), self.first + self.shown()), count=len(rows)
            )
            surface.blit(text.render(note, 13, DIM), (MARGIN, h - MARGIN - 30))


def _draw_cell(
    surface: pygame.Surface,
    wrap: Callable[[str, int, int], list[str]],
    render: Callable[..., pygame.Surface],
    cell: str,
    rect: pygame.Rect,
    colour: tuple[int, int, int],
) -> None:
    """A cell's text on up to two lines, clipped to the cell."""
    surface.set_clip(rect)
    for j, line in enumerate(wrap(cell, 13, rect.width)[:2]):
        surface.blit(render(line, 13, colour), (rect.x, rect.y + j * 17))
    surface.set_clip(None)


def _signed(value: float) -> str:
    rounded = round(value)
    return ("+" if rounded > 0 else "") + number(rounded)


def _opinion(value: float) -> str:
    return f"{_signed(value)} ({_(opinion_label(value))})"
