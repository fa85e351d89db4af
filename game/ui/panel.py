"""The panel beside the map: who we are, then tabs for the selected region, the inbox and the news.

Every part has a fixed place, so nothing moves under the mouse: the region's actions sit at the
bottom of its tab, each waiting proposal or vote is one row with its subject and both answers
(an answered row stays where it was, saying what was answered, until the turn ends), and the
inbox scrolls instead of growing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

import pygame

from game.core import actions as A
from game.core.registry import Option
from game.core.view import View
from game.i18n import _, ngettext
from game.ui.news_filters import NEWS_FILTERS
from game.ui.proposal_texts import answer_help, gold_text, proposal_line, resolution_line

if TYPE_CHECKING:
    from game.ui.mapscene import MapScene

PANEL_WIDTH = 440
BAR_HEIGHT = 44  # the turn bar under the map and the panel
PAD = 8
SCREENS_HEIGHT = 28  # the row of buttons to the overview screens
HEADER_LINE = 19
HEADER_LINES = 3
TAB_HEIGHT = 28
BUTTON_STEP = 34
ROW_HEIGHT = 66  # an inbox row: up to three lines of subject beside its two answers
ANSWER_WIDTH = 96
FILTER_HEIGHT = 26
TABS = ("region", "inbox", "news")
TEXT = (228, 234, 242)
DIM = (150, 160, 175)

Button = tuple[str, Callable[[], None], str | None, str | None]  # label, command, refusal, help


@dataclass(slots=True)
class InboxRow:
    """A proposal or a vote waiting for us, with its two answers; once answered, what we said."""

    key: tuple[str, int]  # ("proposal" or "vote", its id)
    subject: str
    yes: Option | None
    no: Option | None
    done: str | None = None


class Panel:
    def __init__(self, game: MapScene) -> None:
        self.game = game
        self.tab = "region"
        self.first_row = 0  # the inbox's scroll position, in rows
        self.answered: dict[tuple[str, int], InboxRow] = {}  # this turn's answered rows stay in place
        self.shown_rows: list[InboxRow] = []  # the inbox as last built

    # --- places ----------------------------------------------------------------------------------
    def rect(self) -> pygame.Rect:
        w, h = self.game.app.size
        return pygame.Rect(w - PANEL_WIDTH + PAD, PAD, PANEL_WIDTH - 2 * PAD, h - BAR_HEIGHT - 2 * PAD)

    def header_top(self) -> int:
        return self.rect().y + SCREENS_HEIGHT + 8

    def body(self) -> pygame.Rect:
        r = self.rect()
        top = self.header_top() + HEADER_LINES * HEADER_LINE + 6 + TAB_HEIGHT + 6
        return pygame.Rect(r.x, top, r.width, r.bottom - top)

    def rows_shown(self) -> int:
        return max(1, self.body().height // ROW_HEIGHT)

    # --- the turn ----------------------------------------------------------------------------------
    def new_turn(self, view: View) -> None:
        """A turn starts: answered rows go, and the inbox opens first when something waits."""
        self.answered.clear()
        self.first_row = 0
        self.tab = "inbox" if view.inbox() or view.ballots() else "region"

    def show(self, tab: str) -> None:
        self.tab = tab
        self.game.build()

    def next_tab(self) -> None:
        self.show(TABS[(TABS.index(self.tab) + 1) % len(TABS)])

    def scroll(self, steps: int) -> None:
        """The wheel over the inbox: a row a notch, within the rows there are."""
        most = max(0, len(self.rows()) - self.rows_shown())
        first = max(0, min(most, self.first_row + steps))
        if first != self.first_row:
            self.first_row = first
            self.game.build()

    # --- layout ----------------------------------------------------------------------------------
    def build(self, my_turn: bool) -> None:
        gui, r, game = self.game.app.gui, self.rect(), self.game
        screens = game.screens()
        row = pygame.Rect(r.x, r.y, r.width, SCREENS_HEIGHT)
        for rect, (label, command, help_text) in zip(
            self.shared(row, [s[0] for s in screens]), screens, strict=True
        ):
            gui.button(rect, label, command, tooltip=help_text)
        tab_y = self.header_top() + HEADER_LINES * HEADER_LINE + 6
        labels = self.tab_labels()
        width = (r.width - 4 * (len(TABS) - 1)) // len(TABS)
        for i, tab in enumerate(TABS):
            rect = pygame.Rect(r.x + i * (width + 4), tab_y, width, TAB_HEIGHT)
            gui.toggle(rect, labels[tab], partial(self.show, tab), selected=tab == self.tab)
        if self.tab == "inbox":
            self._build_inbox(my_turn)
        elif self.tab == "news":
            self._build_news()
        else:
            self._build_region(my_turn)

    def shared(self, row: pygame.Rect, labels: list[str], gap: int = 4) -> list[pygame.Rect]:
        """Buttons sharing a row, each as wide as its label needs and the rest shared out."""
        widths = [self.game.app.text.render(label, 14).get_width() + 14 for label in labels]
        spare = (row.width - sum(widths) - gap * (len(labels) - 1)) // len(labels)
        rects, x = [], row.x
        for width in widths:
            rects.append(pygame.Rect(x, row.y, width + spare, row.height))
            x = rects[-1].right + gap
        return rects

    def tab_labels(self) -> dict[str, str]:
        game = self.game
        view = View(game.state, game.me)
        waiting = len(view.inbox()) + len(view.ballots())
        shown = game.selected if game.selected is not None else game.me
        return {
            "region": _fit(game.name(shown), 18),
            "inbox": _("Inbox ({n})").format(n=waiting) if waiting else _("Inbox"),
            "news": _("News"),
        }

    def _build_region(self, my_turn: bool) -> None:
        gui, body, game = self.game.app.gui, self.body(), self.game
        buttons = game.action_buttons() if my_turn and not game.watching else []
        rows = (len(buttons) + 1) // 2
        text_bottom = body.bottom - rows * BUTTON_STEP - (4 if rows else 0)
        gui.text(pygame.Rect(body.x, body.y, body.width, text_bottom - body.y), game.panel_lines())
        half = body.width // 2
        for i, (label, command, refusal, help_text) in enumerate(buttons):
            rect = pygame.Rect(
                body.x + (i % 2) * half, text_bottom + 4 + (i // 2) * BUTTON_STEP, half - 4, 30
            )
            gui.button(rect, label, command, refusal=refusal, tooltip=help_text)

    def _build_news(self) -> None:
        gui, body, game = self.game.app.gui, self.body(), self.game
        labels = [game.filter_label(name) for name in NEWS_FILTERS]
        row = pygame.Rect(body.x, body.y, body.width, FILTER_HEIGHT)
        for rect, name, label in zip(self.shared(row, labels), NEWS_FILTERS, labels, strict=True):
            gui.toggle(rect, label, partial(game.set_filter, name), selected=name == game.news_filter)
        top = body.y + FILTER_HEIGHT + 4
        gui.text(pygame.Rect(body.x, top, body.width, body.bottom - top), game.news_lines())

    # --- the inbox ---------------------------------------------------------------------------------
    def rows(self) -> list[InboxRow]:
        """What waits for us, a row a proposal or vote, with this turn's answered rows in place."""
        game = self.game
        state = game.state
        view = View(state, game.me)
        rows = dict(self.answered)
        answers: dict[tuple[str, int, bool], Option] = {}
        for option in view.available(None):
            action = option.action
            if isinstance(action, A.Answer):
                answers[("proposal", action.proposal, action.accept)] = option
            elif isinstance(action, A.Vote):
                answers[("vote", action.resolution, action.yes)] = option
        for proposal in view.inbox():
            key = ("proposal", proposal.id)
            subject = proposal_line(state, proposal, game.name)
            rows[key] = InboxRow(key, subject, answers.get((*key, True)), answers.get((*key, False)))
        for resolution in view.ballots():
            key = ("vote", resolution.id)
            subject = resolution_line(resolution, game.name)
            rows[key] = InboxRow(key, subject, answers.get((*key, True)), answers.get((*key, False)))
        return [rows[key] for key in sorted(rows, key=lambda k: k[1])]

    def _build_inbox(self, my_turn: bool) -> None:
        gui, body = self.game.app.gui, self.body()
        rows = self.shown_rows = self.rows()  # drawn each frame until the next build
        self.first_row = max(0, min(self.first_row, len(rows) - self.rows_shown()))
        if not my_turn or self.game.watching:
            return
        for i, row in enumerate(rows[self.first_row : self.first_row + self.rows_shown()]):
            if row.done is not None:
                continue
            y = body.y + i * ROW_HEIGHT
            for j, option in enumerate((row.yes, row.no)):
                if option is None:
                    continue
                rect = pygame.Rect(body.right - ANSWER_WIDTH, y + 2 + j * 30, ANSWER_WIDTH, 28)
                gui.button(
                    rect,
                    self.answer_label(option),
                    partial(self.answer, row, option),
                    refusal=None if option.refusal is None else self.game.text(option.refusal.message),
                    tooltip=self._answer_help(option),
                )

    @staticmethod
    def answer_label(option: Option) -> str:
        action = option.action
        if isinstance(action, A.Vote):
            return _("For") if action.yes else _("Against")
        return _("Accept") if isinstance(action, A.Answer) and action.accept else _("Decline")

    def _answer_help(self, option: Option) -> str:
        game, action = self.game, option.action
        if isinstance(action, A.Answer):
            proposal = game.state.proposals.get(action.proposal)
            if proposal is not None:
                return answer_help(game.state, proposal, action.accept, game.name)
        return _(option.kind.help)

    def answer(self, row: InboxRow, option: Option) -> None:
        """Answer in place: the row stays, now saying what was answered and what came of it."""
        game = self.game
        if game.submit(option.action):
            row.done = " ".join([answered(option), *game.message[:1]])
            self.answered[row.key] = row
        game.build()

    # --- drawing -----------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        self._draw_header(surface)
        if self.tab == "inbox":
            self._draw_inbox(surface)

    def _draw_header(self, surface: pygame.Surface) -> None:
        game, r = self.game, self.rect()
        text, state = game.app.text, game.state
        region = state.regions[game.me]
        view = View(state, game.me)
        gained = view.income().total if region.alive else 0.0
        lines = [
            (game.name(game.me), True),
            (
                _("Treasury {gold} ({change} a turn) · economy {economy} · army {army}").format(
                    gold=gold_text(region.treasury),
                    change=("+" if gained >= 0 else "") + gold_text(gained),
                    economy=gold_text(region.economy),
                    army=gold_text(region.military),
                ),
                False,
            ),
            (self._budget(region.actions_left, region.visit_used), False),
        ]
        y = self.header_top()
        surface.set_clip(r)
        for line, bold in lines:
            surface.blit(text.render(line, 15 if bold else 14, TEXT, bold), (r.x + 2, y))
            y += HEADER_LINE
        surface.set_clip(None)

    def _budget(self, left: int, visited: bool) -> str:
        total = self.game.state.rules.diplomatic_actions
        actions = _("Diplomatic actions: {left} of {n}").format(left=left, n=total)
        visit = _("the ruler's visit: used") if visited else _("the ruler's visit: free")
        return f"{actions} · {visit}"

    def _draw_inbox(self, surface: pygame.Surface) -> None:
        game, body = self.game, self.body()
        rows = self.shown_rows
        text = game.app.text
        if not rows:
            surface.blit(text.render(_("Nothing waits for your answer."), 14, DIM), (body.x + 4, body.y + 6))
            return
        shown = rows[self.first_row : self.first_row + self.rows_shown()]
        for i, row in enumerate(shown):
            y = body.y + i * ROW_HEIGHT
            box = pygame.Rect(body.x, y, body.width, ROW_HEIGHT - 4)
            pygame.draw.rect(surface, (30, 37, 48), box)
            pygame.draw.rect(surface, (57, 66, 79), box, 1)
            width = body.width - ANSWER_WIDTH - 16 if row.done is None else body.width - 12
            lines = text.wrap(row.subject, 14, width)
            if row.done is not None:
                lines = lines[:1] + text.wrap(row.done, 14, width)
            for j, line in enumerate(lines[:3]):
                colour = TEXT if row.done is None or j == 0 else (170, 210, 170)
                surface.blit(text.render(line, 14, colour), (box.x + 6, box.y + 4 + j * 19))
        hidden = len(rows) - len(shown)
        if hidden > 0:
            more = ngettext("{n} more below: scroll", "{n} more below: scroll", hidden).format(n=hidden)
            note = text.render(more, 13, DIM)
            surface.blit(note, (body.right - note.get_width() - 4, body.bottom - note.get_height()))


def answered(option: Option) -> str:
    """What the player said, as the row keeps it."""
    action = option.action
    if isinstance(action, A.Vote):
        return _("You voted for.") if action.yes else _("You voted against.")
    return _("You accepted.") if isinstance(action, A.Answer) and action.accept else _("You declined.")


def _fit(label: str, most: int) -> str:
    return label if len(label) <= most else label[: most - 1].rstrip() + "…"
