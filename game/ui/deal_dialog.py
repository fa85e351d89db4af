"""The deal screen: what we give and what we get side by side, terms added from lists, the answer
foreseen before sending, and a counter-offer to accept, change or walk away from.

It only builds a `ProposeDeal` (or, answering a counter-offer, an `Answer` carrying our terms) and
hands it to the game; the rules say whether it is allowed and the computer player answers.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pygame

from game.core import actions as A
from game.core.diplomacy import treaty_length
from game.core.kinds.deals import term_text
from game.core.model import TREATY_KINDS, Proposal, Term, TermKind, TreatyKind
from game.core.news import describe
from game.core.view import View
from game.foresight import foresee
from game.i18n import _, ngettext
from game.ui.labels import kind_label
from game.ui.proposal_dialog import GOLD_AMOUNTS, ActionDialog, Row, gold_label
from game.ui.proposal_texts import foresight_lines

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.mapscene import MapScene

DEAL_WIDTH = 860
DEAL_HEIGHT = 640  # the most it takes, centred
PER_TURN_AMOUNTS = (2.0, 5.0, 10.0, 20.0)
PAYMENT_TURNS = (5, 10, 20)
TERM_HEIGHT = 28


def _turns(n: int) -> str:
    return ngettext("{n} turn", "{n} turns", n).format(n=n)


class DealDialog(ActionDialog):
    """Propose a deal of several terms; when the answer is a counter-offer, take it, change it or
    walk away."""

    def __init__(self, app: App, game: MapScene, target: str | None = None) -> None:
        super().__init__(app, game, target)
        self.terms: list[Term] = []
        self.counter: Proposal | None = None  # their counter-offer, waiting for our answer
        self.replying = False  # the terms are our answer to `counter`, not a new deal
        self._fresh = True  # it opens with the first treaty not in force, when that may be offered

    # --- what the terms may be ------------------------------------------------------------------
    def title(self) -> str:
        return _("A deal with {region}").format(region=self.game.name(self.target))

    def _kinds(self) -> list[tuple[str, str]]:
        view = View(self.game.state, self.me)
        embargoes = set(view.embargoes())
        kinds: list[tuple[TermKind, str]] = [
            ("treaty", _("Treaty")),
            ("gold", _("Gold now")),
            ("gold_per_turn", _("Gold each turn")),
        ]
        if view.at_war(self.target):  # a deal between enemies makes peace: it comes first
            kinds.insert(0, ("peace", _("Peace")))
        if (self.me, self.target) in embargoes or (self.target, self.me) in embargoes:
            kinds.append(("lift_embargo", _("Lift an embargo")))
        sides = ((self.me, self.target), (self.target, self.me))
        if any(self._thirds(giver, taker) for giver, taker in sides):
            kinds.append(("join_embargo", _("Join an embargo")))
        if any(self._exclusives(giver) for giver, _taker in sides):
            kinds.append(("leave_exclusive", _("Leave an exclusive deal")))
        if any(self._alliances(giver) for giver, _taker in sides):
            kinds.append(("leave_alliance", _("Leave an alliance")))
        if any(self._wars(giver, taker) for giver, taker in sides):
            kinds.append(("join_war", _("Join a war")))
        if not view.has_ambassador(self.target) or not view.hosts_ambassador(self.target):
            kinds.append(("ambassador", _("Send an ambassador")))
        return [(str(k), label) for k, label in kinds]

    def _givers(self) -> tuple[tuple[str, str], ...]:
        return (("us", _("We give")), ("them", _("They give")))

    def _giver(self) -> str:
        return self.me if self.chosen.get("giver", "us") == "us" else self.target

    def _taker(self) -> str:
        return self.target if self._giver() == self.me else self.me

    def _thirds(self, giver: str, taker: str) -> list[str]:
        """Regions the taker embargoes and the giver does not (embargoes are public): the giver
        may join it."""
        embargoes = self.game.state.embargoes
        return sorted(embargoes.from_(taker) - embargoes.from_(giver) - {giver})

    def _exclusives(self, giver: str) -> list[str]:
        """The third regions the giver holds an exclusive trade agreement with."""
        view = View(self.game.state, self.me)
        found = []
        for treaty in view.treaties_of(giver):
            other = treaty.b if treaty.a == giver else treaty.a
            if treaty.kind == "trade" and treaty.exclusive and self.target != other != self.me:
                found.append(other)
        return sorted(found)

    def _alliances(self, giver: str) -> list[str]:
        """The third regions the giver is allied to (treaties are public): it may leave them."""
        view = View(self.game.state, self.me)
        return sorted(a for a in view.allies(giver) if a not in (self.me, self.target))

    def _wars(self, giver: str, taker: str) -> list[str]:
        """The taker's enemies the giver is not at war with (wars are public): it may join; the
        rules say when it may not (an ally, a truce, a pact)."""
        view = View(self.game.state, self.me)
        return sorted(
            e for e in view.enemies(taker) if e not in (self.me, self.target) and not view.at_war(giver, e)
        )

    def _thirds_for(self, kind: str, giver: str) -> list[str]:
        """The third regions a term of this kind given by `giver` may name."""
        if kind == "join_embargo":
            return self._thirds(giver, self._taker())
        if kind == "leave_exclusive":
            return self._exclusives(giver)
        if kind == "leave_alliance":
            return self._alliances(giver)
        return self._wars(giver, self._taker())

    def _truces(self) -> tuple[int, ...]:
        """The truce lengths a peace may name: the rules' own first, then half and twice it."""
        usual = self.game.state.rules.truce_turns
        return tuple(dict.fromkeys(n for n in (usual, max(1, usual // 2), 2 * usual) if n > 0))

    def rows(self) -> list[Row]:
        kind = self.chosen.get("kind", "treaty")
        rows = [Row("kind", _("Add a term"), tuple(self._kinds()))]
        if kind == "peace":
            truces = tuple((str(n), _turns(n)) for n in self._truces())
            if truces:
                rows.append(Row("truce", _("Truce after it"), truces))
            return rows
        if kind != "treaty":
            rows.append(Row("giver", _("Who gives it"), self._givers()))
        if kind == "treaty":
            view = View(self.game.state, self.me)
            kinds = [k for k in TREATY_KINDS if not view.has_treaty(self.target, k)] or list(TREATY_KINDS)
            rows.append(Row("treaty", _("Kind of treaty"), tuple((k, kind_label(k)) for k in kinds)))
            if self.chosen.get("treaty") == "trade":
                rows.append(Row("exclusive", _("Exclusivity"), (("no", _("Open")), ("yes", _("Exclusive")))))
            most = treaty_length(self.game.state, self._treaty())
            lengths = sorted({most, max(1, most // 2), max(1, most // 3)}, reverse=True)
            rows.append(Row("turns", _("Length"), tuple((str(n), _turns(n)) for n in lengths)))
        elif kind == "gold":
            rows.append(Row("gold", _("Amount"), tuple((str(g), gold_label(g)) for g in GOLD_AMOUNTS)))
        elif kind == "gold_per_turn":
            amounts = tuple((str(g), gold_label(g)) for g in PER_TURN_AMOUNTS)
            rows.append(Row("per_turn", _("Gold a turn"), amounts))
            turns = tuple((str(n), _turns(n)) for n in PAYMENT_TURNS)
            rows.append(Row("payments", _("How long"), turns))
        elif kind in ("join_embargo", "leave_exclusive", "leave_alliance", "join_war"):
            found = self._thirds_for(kind, self._giver())
            titles = {
                "join_embargo": _("Embargo on"),
                "leave_exclusive": _("The agreement with"),
                "leave_alliance": _("The alliance with"),
                "join_war": _("War on"),
            }
            title = titles[kind]
            if found:  # none for this giver: the rules say why when it is added
                rows.append(Row("third", title, tuple((r, self.game.name(r)) for r in found)))
        return rows

    def _treaty(self) -> TreatyKind:
        chosen = self.chosen.get("treaty", "")
        return next((k for k in TREATY_KINDS if k == chosen), "trade")

    def term(self) -> Term:
        """The term the lists describe now."""
        kind = self.chosen.get("kind", "treaty")
        if kind == "treaty":
            treaty = self._treaty()
            turns = int(self.chosen.get("turns", "0"))
            full = turns == treaty_length(self.game.state, treaty)
            exclusive = treaty == "trade" and self.chosen.get("exclusive") == "yes"
            return Term("treaty", treaty=treaty, exclusive=exclusive, turns=0 if full else turns)
        if kind == "peace":
            turns = int(self.chosen.get("truce", "0"))
            return Term("peace", turns=0 if turns == self.game.state.rules.truce_turns else turns)
        giver = self._giver()
        if kind == "ambassador":
            return Term("ambassador", giver)
        if kind == "gold":
            return Term("gold", giver, gold=float(self.chosen["gold"]))
        if kind == "gold_per_turn":
            gold, turns = float(self.chosen["per_turn"]), int(self.chosen["payments"])
            return Term("gold_per_turn", giver, gold=gold, turns=turns)
        if kind == "lift_embargo":
            return Term("lift_embargo", giver)
        found = self._thirds_for(kind, giver)
        about = self.chosen.get("third") if self.chosen.get("third") in found else None
        third_kinds: tuple[TermKind, ...] = ("leave_exclusive", "leave_alliance", "join_war")
        return Term(next((k for k in third_kinds if k == kind), "join_embargo"), giver, about=about)

    # --- editing the deal -----------------------------------------------------------------------
    def add_term(self) -> None:
        term = self.term()
        if self.answer or term in self.terms or len(self.terms) >= self.game.state.rules.deal_terms:
            return
        same = (term.kind, term.giver, term.treaty, term.about)
        self.terms = [t for t in self.terms if (t.kind, t.giver, t.treaty, t.about) != same] + [term]
        self.build()

    def remove_term(self, index: int) -> None:
        if 0 <= index < len(self.terms) and not self.answer:
            del self.terms[index]
            self.build()

    def action(self) -> A.Action:
        if self.replying and self.counter is not None:
            return A.Answer(self.me, self.counter.id, False, tuple(self.terms))
        return A.ProposeDeal(self.me, self.target, tuple(self.terms))

    def refusal(self) -> str | None:
        if not self.terms:
            return _("Add at least one term.")
        return super().refusal()

    def details(self) -> list[str]:
        lines = []
        if self.term().kind == "gold_per_turn":
            lines.append(_("Gold each turn is paid from the end of this turn."))
        theirs = View(self.game.state, self.me).opinion_of_us(self.target)
        if theirs is not None:
            lines.append(_("Their opinion of us: {value:+.0f}").format(value=theirs))
        return lines

    def _text(self, term: Term) -> str:
        return self.game.text(term_text(term, self.me, self.target))

    # --- layout ---------------------------------------------------------------------------------
    def build(self) -> None:
        if self._fresh:
            self._fresh = False
            self._settled_rows()
            first = (self.term(),)
            if View(self.game.state, self.me).refusal(A.ProposeDeal(self.me, self.target, first)) is None:
                self.terms = list(first)
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        width = min(DEAL_WIDTH, w - 40)
        height = min(h - 40, DEAL_HEIGHT)
        box = self.box = pygame.Rect((w - width) // 2, (h - height) // 2, width, height)
        sides, shift = self._sides(width)
        shift -= 52  # the lists of terms to add come below the two sides, on the left
        half = (width - 48) // 2
        rows = [] if self.answer else self._settled_rows()
        titles, toggles, rows_bottom = self._place(rows, half + 16)
        self._titles = [(text, (box.x + x, box.y + y)) for text, (x, y) in sides]
        self._titles += [(text, (box.x + x, box.y + y + shift)) for text, (x, y) in titles]
        self._term_buttons(box, width)
        for rect, key, value, label in toggles:
            selected = self.chosen.get(key) == value
            gui.toggle(
                rect.move(box.x, box.y + shift), label, partial(self.choose, key, value), selected=selected
            )
        if not self.answer:
            full = len(self.terms) >= self.game.state.rules.deal_terms
            refusal = _("A deal holds at most {n} terms.").format(n=self.game.state.rules.deal_terms)
            add = pygame.Rect(box.x + 16, box.y + shift + rows_bottom, 170, 32)
            gui.button(add, _("Add term (A)"), self.add_term, refusal=refusal if full else None)
        lines = self.answer or [self._status(), *self.details(), *self._foresight()]
        top = box.y + shift + 52
        if self.answer:  # no lists: the answer takes the whole width
            text = pygame.Rect(box.x + 16, top, width - 32, box.bottom - 60 - top)
        else:
            text = pygame.Rect(box.x + 32 + half, top, half, box.bottom - 60 - top)
        gui.text(text, lines)
        self._bottom_buttons(box)

    def _columns(self) -> tuple[list[int], list[int], list[int]]:
        """The indices of the terms we give, they give, and both sign."""
        ours, theirs, both = (
            [i for i, t in enumerate(self.terms) if t.giver == g] for g in (self.me, self.target, None)
        )
        return ours, theirs, both

    def _sides(self, width: int) -> tuple[list[tuple[str, tuple[int, int]]], int]:
        """The titles of the two sides and of the treaties both sign; where the term lists end."""
        ours, theirs, both = self._columns()
        half = (width - 48) // 2
        titles = [(_("We give"), (16, 52)), (_("They give"), (32 + half, 52))]
        tall = max(len(ours), len(theirs), 1)
        y = 52 + 22 + tall * (TERM_HEIGHT + 4)
        titles.append((_("Both sign"), (16, y)))
        y += 22 + max(len(both), 1) * (TERM_HEIGHT + 4) + 8
        return titles, y

    def _term_buttons(self, box: pygame.Rect, width: int) -> None:
        """Each term as a button that removes it: ours left, theirs right, treaties below."""
        half = (width - 48) // 2
        ours, theirs, both = self._columns()
        tall = max(len(ours), len(theirs), 1)
        columns = ((ours, 16, 74, half), (theirs, 32 + half, 74, half))
        both_top = 74 + tall * (TERM_HEIGHT + 4) + 22
        editable = not self.answer
        for indices, x, y, w in (*columns, (both, 16, both_top, width - 32)):
            if not indices:
                self.app.gui.label(pygame.Rect(box.x + x, box.y + y, w, TERM_HEIGHT), _("nothing"))
            for row, index in enumerate(indices):
                rect = pygame.Rect(box.x + x, box.y + y + row * (TERM_HEIGHT + 4), w, TERM_HEIGHT)
                label = self._text(self.terms[index]) + ("  ×" if editable else "")
                self.app.gui.button(
                    rect, label, partial(self.remove_term, index), tooltip=_("Remove this term")
                )

    def _bottom_buttons(self, box: pygame.Rect) -> None:
        gui = self.app.gui
        right = pygame.Rect(box.right - 16 - 170, box.bottom - 48, 170, 36)
        if self.answer and self.counter is not None:
            gui.button(right, _("Walk away (Esc)"), self.walk_away)
            gui.button(right.move(-180, 0), _("Change it (C)"), self.change_counter)
            gui.button(right.move(-360, 0), _("Accept (Enter)"), self.accept_counter)
            return
        if self.answer:
            gui.button(right, _("Close (Enter)"), self.back_to_game)
            return
        gui.button(right, _("Cancel (Esc)"), self.back_to_game)
        gui.button(right.move(-180, 0), _("Send (Enter)"), self.send, refusal=self.refusal())

    # --- the answer and a counter-offer ----------------------------------------------------------
    def send(self) -> None:
        if self.answer or self.refusal() is not None:
            return
        state = self.game.state
        ids_before = set(state.proposals)
        super().send()
        self.replying = False
        self.counter = next(
            (
                p
                for p in state.proposals.values()
                if p.id not in ids_before
                and p.kind == "deal"
                and p.recipient == self.me
                and p.terms.counter_of is not None
            ),
            None,
        )
        if self.counter is not None:  # shown here, not only in the inbox
            verdict = _("{region} refuses, and offers other terms.").format(
                region=self.game.name(self.target)
            )
            self.answer[0] = f"**{verdict}**"
            self.terms = list(self.counter.terms.deal)
            rounds_left = state.rules.deal_rounds - self.counter.terms.round
            self.answer += ["", "**" + _("Their counter-offer: the terms above.") + "**"]
            self.answer.append(
                ngettext(
                    "You may accept it, change it ({n} round of bargaining left) or walk away.",
                    "You may accept it, change it ({n} rounds of bargaining left) or walk away.",
                    rounds_left,
                ).format(n=rounds_left)
            )
            self.build()

    def accept_counter(self) -> None:
        if self.counter is not None:
            self._settle(A.Answer(self.me, self.counter.id, True))

    def walk_away(self) -> None:
        if self.counter is not None:
            self._settle(A.Answer(self.me, self.counter.id, False))
        self.back_to_game()

    def change_counter(self) -> None:
        """Edit their terms into our answer: sending it declines theirs with ours."""
        if self.counter is None or self.counter.terms.round >= self.game.state.rules.deal_rounds:
            return
        self.answer, self.replying = [], True
        self.build()

    def _settle(self, answer: A.Answer) -> None:
        events_before = len(self.game.state.events)
        self.game.submit(answer)
        self.counter = None
        view = View(self.game.state, self.me)
        events = self.game.state.events[events_before:]
        self.answer = [self.game.text(describe(e)) for e in events if view.reads(e)] or [_("Done.")]
        self.build()

    def _foresight(self) -> list[str]:
        """The foreseen answer, and the counter-offer it would bring."""
        if self.refusal() is not None:
            return []
        seen = foresee(self.game.session, self.action())
        if seen is None:
            return []
        lines = ["", *foresight_lines(seen, self.game.text, self.game.name)]
        if seen.decision is not None and seen.decision.counter:
            shown = "; ".join(self._text(t) for t in seen.decision.counter)
            lines.append(_("They would offer instead: {terms}").format(terms=shown))
        return lines

    # --- keys -----------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        if event.type != pygame.KEYDOWN:
            return
        enter = event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)
        if self.answer and self.counter is not None:
            if enter:
                self.accept_counter()
            elif event.key == pygame.K_c:
                self.change_counter()
            elif event.key == pygame.K_ESCAPE:
                self.walk_away()
            return
        if not self.answer and event.key == pygame.K_a:
            self.add_term()
        elif not self.answer and event.key == pygame.K_BACKSPACE:
            self.remove_term(len(self.terms) - 1)
        else:
            super().handle(event)
