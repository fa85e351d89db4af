"""Dialogs over the map for the actions that take terms: a treaty, peace, aid, an investment.

A dialog turns the player's choices into one action, says whether the rules allow it now (and
why not), sends it through the game, and shows a computer player's answer with its weighted
reasons. It changes nothing itself: the game submits the action to the session.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Literal

import pygame

from game.core import actions as A
from game.core.kinds.invest import gain
from game.core.model import TREATY_KINDS
from game.core.news import describe
from game.core.registry import kind_of
from game.core.relations import opinion_label
from game.core.view import View
from game.foresight import foresee
from game.i18n import _, ngettext, number
from game.ui.gui import text_box_height
from game.ui.labels import kind_label
from game.ui.overgame import OverGame
from game.ui.proposal_texts import answer_lines, foresight_lines, gold_text, treaty_meaning

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.mapscene import MapScene

GOLD_AMOUNTS = (10.0, 20.0, 50.0, 100.0)  # offered for aid and investments
TRIBUTE_SHARES = (0.25, 0.5, 0.75, 1.0)  # of the most tribute the rules allow
DIALOG_WIDTH = 640
DIALOG_HEIGHT = 480  # the most it takes, centred; it grows down from the top of that
ROW_HEIGHT = 32
BUTTON_GAP = 6


@dataclass(frozen=True, slots=True)
class Row:
    """One term of the deal: a title and the values the player may choose from."""

    key: str
    title: str
    choices: tuple[tuple[str, str], ...]  # (value, label)


def tribute_amounts(limit: float) -> list[float]:
    """A few sums up to the rules' limit, in whole gold pieces (the limit itself when it is less
    than one piece)."""
    found = sorted({float(math.floor(limit * share)) for share in TRIBUTE_SHARES} - {0.0})
    return found or [limit]


def gold_label(gold: float) -> str:
    return _("{gold} gold").format(gold=gold_text(gold))


class ActionDialog(OverGame, ABC):
    """A modal dialog: rows of choices, what they mean, whether allowed, and Send / Cancel."""

    def __init__(self, app: App, game: MapScene, target: str | None = None) -> None:
        super().__init__(app, game)
        self.me = game.me
        self.target = target or ""
        self.chosen: dict[str, str] = {}
        self.answer: list[str] = []  # after sending: the answer and what came of it
        self._titles: list[tuple[str, tuple[int, int]]] = []
        self.box = pygame.Rect(0, 0, 0, 0)  # laid out by build

    # --- what each dialog says ----------------------------------------------------------------
    @abstractmethod
    def title(self) -> str: ...

    @abstractmethod
    def rows(self) -> list[Row]:
        """The terms to choose, given the choices made so far."""

    @abstractmethod
    def action(self) -> A.Action:
        """The action the current choices make."""

    def details(self) -> list[str]:
        """What the chosen terms mean, shown above whether they are allowed."""
        return []

    # --- the choices ----------------------------------------------------------------------------
    def _settled_rows(self) -> list[Row]:
        """The rows for the current choices; a value no longer offered falls back to the first."""
        rows = self.rows()
        for _attempt in range(4):  # later rows may depend on earlier choices
            stale = [r for r in rows if self.chosen.get(r.key) not in [v for v, _label in r.choices]]
            if not stale:
                break
            for row in stale:
                self.chosen[row.key] = row.choices[0][0]
            rows = self.rows()
        return rows

    def choose(self, key: str, value: str) -> None:
        self.chosen[key] = value
        self.build()

    def refusal(self) -> str | None:
        reason = View(self.game.state, self.me).refusal(self.action())
        return None if reason is None else self.game.text(reason.message)

    def _foresight(self) -> list[str]:
        """The answer our ambassador foresees for what the dialog would send, if it proposes anything."""
        if self.refusal() is not None:
            return []
        seen = foresee(self.game.session, self.action())
        return [] if seen is None else ["", *foresight_lines(seen, self.game.text, self.game.name)]

    def _status(self) -> str:
        reason = self.refusal()
        if reason is not None:
            return "**" + _("Not possible now: {reason}").format(reason=reason) + "**"
        kind = kind_of(self.action())
        if kind is not None and kind.cost.diplomatic:
            left = self.game.state.regions[self.me].actions_left
            return ngettext(
                "Allowed now; it uses one of your {n} diplomatic action left.",
                "Allowed now; it uses one of your {n} diplomatic actions left.",
                left,
            ).format(n=left)
        return _("Allowed now.")

    # --- layout ---------------------------------------------------------------------------------
    def build(self) -> None:
        """The box grows down with its rows and text, up to the window; the text scrolls beyond."""
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        width = min(DIALOG_WIDTH, w - 40)
        rows = [] if self.answer else self._settled_rows()
        titles, toggles, rows_bottom = self._place(rows, width)
        lines = self.answer or [self._status(), "", *self.details(), *self._foresight()]
        text_height = text_box_height(self.app.text, lines, width - 32)
        top = max(20, (h - DIALOG_HEIGHT) // 2)  # fixed, so that a new row of terms does not move it
        height = min(h - top - 20, rows_bottom + 8 + text_height + 60)
        box = self.box = pygame.Rect((w - width) // 2, top, width, height)
        self._titles = [(text, (box.x + x, box.y + y)) for text, (x, y) in titles]
        for rect, key, value, label in toggles:
            selected = self.chosen.get(key) == value
            gui.toggle(rect.move(box.topleft), label, partial(self.choose, key, value), selected=selected)
        top = box.y + rows_bottom + 4
        gui.text(pygame.Rect(box.x + 16, top, width - 32, box.bottom - 60 - top), lines)
        bottom = pygame.Rect(box.right - 16 - 150, box.bottom - 48, 150, 36)
        if self.answer:
            gui.button(bottom, _("Close (Enter)"), self.back_to_game)
            return
        gui.button(bottom, _("Cancel (Esc)"), self.back_to_game)
        gui.button(bottom.move(-160, 0), _("Send (Enter)"), self.send, refusal=self.refusal())

    def _place(
        self, rows: list[Row], width: int
    ) -> tuple[list[tuple[str, tuple[int, int]]], list[tuple[pygame.Rect, str, str, str]], int]:
        """Each row's title, then its choices flowing over as many lines as they need.

        Positions are within the box; returns the titles, the choices and where the rows end.
        """
        titles: list[tuple[str, tuple[int, int]]] = []
        toggles: list[tuple[pygame.Rect, str, str, str]] = []
        left, right, y = 16, width - 16, 52
        for row in rows:
            titles.append((row.title, (left, y)))
            y += 22
            x = left
            for value, label in row.choices:
                size = max(96, self.app.text.render(label, 14).get_width() + 32)
                if x + size > right and x > left:
                    x, y = left, y + ROW_HEIGHT + 4
                toggles.append((pygame.Rect(x, y, min(size, right - x), ROW_HEIGHT), row.key, value, label))
                x += size + BUTTON_GAP
            y += ROW_HEIGHT + 10
        return titles, toggles, y

    # --- sending --------------------------------------------------------------------------------
    def send(self) -> None:
        if self.answer or self.refusal() is not None:
            return
        state, session = self.game.state, self.game.session
        events_before, answers_before = len(state.events), len(session.answers)
        self.game.submit(self.action())
        records = self.game.answers_to_me(answers_before)
        if not records:  # nothing to read here: the panel says what happened
            self.back_to_game()
            return
        for record in records:
            verdict, *reasons = answer_lines(record, self.game.text, self.game.name)
            self.answer += [f"**{verdict}**", *reasons]
        view = View(state, self.me)
        news = [self.game.text(describe(e)) for e in state.events[events_before:] if view.reads(e)]
        if news:
            self.answer += ["", *news]
        self.build()

    # --- input and drawing ----------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        if event.type != pygame.KEYDOWN:
            return
        if event.key == pygame.K_ESCAPE or (
            self.answer and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)
        ):
            self.back_to_game()
        elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.send()

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_dimmed_game(surface)
        box = self.box
        pygame.draw.rect(surface, (28, 34, 46), box)
        pygame.draw.rect(surface, (120, 135, 155), box, 1)
        title = self.app.text.render(self.title(), 20, (236, 220, 160), True)
        surface.blit(title, (box.x + 16, box.y + 14))
        for text, position in self._titles:
            surface.blit(self.app.text.render(text, 14, (190, 200, 215), True), position)


class TreatyDialog(ActionDialog):
    """Propose a treaty of a kind not yet in force; a trade agreement may be exclusive."""

    def kinds(self) -> list[str]:
        view = View(self.game.state, self.me)
        return [k for k in TREATY_KINDS if not view.has_treaty(self.target, k)]

    def title(self) -> str:
        return _("Propose a treaty to {region}").format(region=self.game.name(self.target))

    def rows(self) -> list[Row]:
        rows = [Row("kind", _("Kind of treaty"), tuple((k, kind_label(k)) for k in self.kinds()))]
        if self.chosen.get("kind") == "trade":
            rows.append(Row("exclusive", _("Exclusivity"), (("no", _("Open")), ("yes", _("Exclusive")))))
        return rows

    def action(self) -> A.ProposeTreaty:
        kind = next(k for k in TREATY_KINDS if k == self.chosen["kind"])
        exclusive = kind == "trade" and self.chosen.get("exclusive") == "yes"
        return A.ProposeTreaty(self.me, self.target, kind, exclusive)

    def details(self) -> list[str]:
        state, kind = self.game.state, self.chosen["kind"]
        turns = state.rules.pact_turns if kind == "non_aggression" else state.rules.treaty_turns
        meaning = treaty_meaning(kind)
        lines = [meaning + " " + ngettext("It lasts {n} turn.", "It lasts {n} turns.", turns).format(n=turns)]
        if kind == "trade" and self.chosen.get("exclusive") == "yes":
            lines.append(
                _(
                    "Exclusive: both gain more; the poorer side's other trade agreements end and it "
                    "signs no other while this lasts, the richer keeps its partners; a trade body may "
                    "condemn a lopsided exclusive deal."
                )
            )
        theirs = View(state, self.me).opinion_of_us(self.target)
        if theirs is None:
            lines.append(_("Their opinion of us: unknown (send an ambassador)"))
        else:
            label = _(opinion_label(theirs))
            lines.append(_("Their opinion of us: {value:+.0f} ({label})").format(value=theirs, label=label))
        return lines


class PeaceDialog(ActionDialog):
    """Offer peace: white, a tribute paid by either side, or the annexation of a beaten enemy."""

    def title(self) -> str:
        return _("Make peace with {region}").format(region=self.game.name(self.target))

    def rows(self) -> list[Row]:
        terms = (("white", _("White peace")), ("tribute", _("Tribute")), ("annex", _("Annexation")))
        rows = [Row("terms", _("Terms"), terms)]
        if self.chosen.get("terms") == "tribute":
            payers = (("them", _("They pay us")), ("us", _("We pay them")))
            rows.append(Row("payer", _("Who pays"), payers))
            amounts = tribute_amounts(self._limit())
            rows.append(Row("tribute", _("Gold a turn"), tuple((str(a), gold_text(a)) for a in amounts)))
        return rows

    def _payer(self) -> str:
        return self.me if self.chosen.get("payer") == "us" else self.target

    def _limit(self) -> float:
        """The rules' most tribute: a share of the payer's economy, which is public."""
        view = View(self.game.state, self.me)
        return view.economy(self._payer()) * view.rules.max_tribute_share

    def action(self) -> A.ProposePeace:
        terms = self.chosen["terms"]
        if terms == "tribute":
            gold = float(self.chosen["tribute"])
            return A.ProposePeace(self.me, self.target, "tribute", tribute=gold, payer=self._payer())
        return A.ProposePeace(self.me, self.target, "annex" if terms == "annex" else "white")

    def details(self) -> list[str]:
        state, name = self.game.state, self.game.name
        lines = []
        war = View(state, self.me).war_with(self.target)
        if war is not None:
            lines.append(
                _("War score {score:+.0f}: at +100 the enemy capitulates, at -100 we do.").format(
                    score=war.side_score(self.me)
                )
            )
            if war.capitulated == self.target:
                lines.append(
                    _("{region} has capitulated: it must take annexation or a tribute it pays.").format(
                        region=name(self.target)
                    )
                )
        terms = self.chosen["terms"]
        if terms == "white":
            turns = state.rules.truce_turns
            lines.append(
                ngettext(
                    "The war ends as it stands; a truce of {n} turn follows.",
                    "The war ends as it stands; a truce of {n} turns follows.",
                    turns,
                ).format(n=turns)
            )
        elif terms == "tribute":
            turns = state.rules.tribute_turns
            lines.append(
                ngettext(
                    "{payer} pays {gold} gold a turn for {n} turn.",
                    "{payer} pays {gold} gold a turn for {n} turns.",
                    turns,
                ).format(payer=name(self._payer()), gold=gold_text(float(self.chosen["tribute"])), n=turns)
            )
        else:
            lines.append(_("{region} becomes part of our land.").format(region=name(self.target)))
        return lines


class AidDialog(ActionDialog):
    """Send gold to another region."""

    def title(self) -> str:
        return _("Send aid to {region}").format(region=self.game.name(self.target))

    def rows(self) -> list[Row]:
        return [Row("amount", _("Amount"), tuple((str(g), gold_label(g)) for g in GOLD_AMOUNTS))]

    def action(self) -> A.SendAid:
        return A.SendAid(self.me, self.target, float(self.chosen["amount"]))

    def details(self) -> list[str]:
        treasury = self.game.state.regions[self.me].treasury
        return [
            _("Our treasury holds {gold} gold.").format(gold=gold_text(treasury)),
            _("Aid raises their opinion of us, the more so the smaller their economy."),
        ]


class InvestDialog(ActionDialog):
    """Put gold into our economy or our army; free, not a diplomatic action."""

    def title(self) -> str:
        return _("Invest in {region}").format(region=self.game.name(self.me))

    def rows(self) -> list[Row]:
        fields = (("economy", _("Economy")), ("military", _("Army")))
        amounts = tuple((str(g), gold_label(g)) for g in GOLD_AMOUNTS)
        return [Row("field", _("Where"), fields), Row("amount", _("Amount"), amounts)]

    def action(self) -> A.Invest:
        field: Literal["economy", "military"] = (
            "military" if self.chosen["field"] == "military" else "economy"
        )
        return A.Invest(self.me, field, float(self.chosen["amount"]))

    def details(self) -> list[str]:
        state = self.game.state
        field = "military" if self.chosen["field"] == "military" else "economy"
        added = gain(state, self.me, field, float(self.chosen["amount"]))
        lines = [_("Our treasury holds {gold} gold.").format(gold=gold_text(state.regions[self.me].treasury))]
        if field == "military":
            upkeep = added * state.rules.military_upkeep
            lines.append(
                _("The army grows by {gain}, and its upkeep by {upkeep} gold a turn.").format(
                    gain=number(round(added, 1)), upkeep=number(round(upkeep, 1))
                )
            )
        else:
            lines.append(
                _("The economy grows by {gain}: up to {gain} more gold every turn from now on.").format(
                    gain=number(round(added, 1))
                )
            )
            lines.append(_("A larger economy grows more slowly for the same gold."))
        return lines
