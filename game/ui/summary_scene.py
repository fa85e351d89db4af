"""The turn summary: when a human's turn starts, what concerns their region since its last turn.

A snapshot is taken when the player ends a turn; the summary compares the region's view now
with it. It shows only what the region's view shows, and in hot-seat only after the handover.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.core.messages import Msg
from game.core.news import describe
from game.core.relations import opinion_label
from game.core.view import View
from game.i18n import _, ngettext
from game.ui.news_filters import concerns
from game.ui.overgame import TextOverlay
from game.ui.proposal_texts import proposal_line

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.mapscene import MapScene

OPINION_NOTE = 5.0  # a change of opinion at least this large is worth a line
OPINIONS_SHOWN = 6
WAITING_SHOWN = 6


@dataclass(frozen=True, slots=True)
class TurnSnapshot:
    """What a region knew of itself when its player ended a turn."""

    events: int  # how many events there were
    treasury: float
    economy: float
    military: float
    ours: dict[str, float]  # our opinion of every region we know
    theirs: dict[str, float]  # their opinion of us, where an ambassador tells us


def take_snapshot(view: View) -> TurnSnapshot:
    known = [r for r in view.known() if r != view.me]
    theirs = {r: value for r in known if (value := view.opinion_of_us(r)) is not None}
    region = view.region
    return TurnSnapshot(
        len(view.state.events),
        region.treasury,
        region.economy,
        region.military,
        {r: view.opinion_of(r) for r in known},
        theirs,
    )


def summary_lines(
    view: View, since: TurnSnapshot, text: Callable[[Msg], str], name: Callable[[str], str]
) -> list[str]:
    """News that concerns us, what waits for an answer, our figures and opinions that moved."""
    return [
        *_news(view, since, text),
        *_waiting(view, name),
        *_figures(view, since, name),
        *_opinions(view, since, name),
    ]


def _news(view: View, since: TurnSnapshot, text: Callable[[Msg], str]) -> list[str]:
    read = [e for e in view.state.events[since.events :] if view.reads(e)]
    ours = [e for e in read if concerns(e, view.me)]
    lines = [f"**{_('What concerns us')}**"]
    lines += [text(describe(e)) for e in ours] or [_("No news concerns us.")]
    others = len(read) - len(ours)
    if others:
        lines.append(
            ngettext(
                "{n} more piece of news elsewhere: see the news panel.",
                "{n} more pieces of news elsewhere: see the news panel.",
                others,
            ).format(n=others)
        )
    return lines


def _waiting(view: View, name: Callable[[str], str]) -> list[str]:
    inbox, ballots = view.inbox(), view.ballots()
    if not inbox and not ballots:
        return []
    lines = ["", f"**{_('Waiting for your answer')}**"]
    lines += [proposal_line(view.state, p, name) for p in inbox[:WAITING_SHOWN]]
    if len(inbox) > WAITING_SHOWN:
        more = len(inbox) - WAITING_SHOWN
        lines.append(ngettext("{n} more proposal waits", "{n} more proposals wait", more).format(n=more))
    for resolution in ballots:
        lines.append(
            _("{org} asks for your vote on a motion against {target}.").format(
                org=name(resolution.org), target=name(resolution.target)
            )
        )
    return lines


def _figures(view: View, since: TurnSnapshot, name: Callable[[str], str]) -> list[str]:
    region = view.region
    change = region.treasury - since.treasury
    lines = [
        "",
        f"**{_('Our figures')}**",
        _("Treasury: {gold:.0f} gold ({change:+.0f} since your last turn)").format(
            gold=region.treasury, change=change
        ),
    ]
    if abs(region.economy - since.economy) >= 0.5:
        economy = _("Economy: {value:.0f} ({change:+.0f})")
        lines.append(economy.format(value=region.economy, change=region.economy - since.economy))
    if abs(region.military - since.military) >= 0.5:
        army = _("Army: {value:.0f} ({change:+.0f})")
        lines.append(army.format(value=region.military, change=region.military - since.military))
    enemies = [name(w.defender if w.attacker == view.me else w.attacker) for w in view.wars()]
    if enemies:
        lines.append(_("At war with: {list}").format(list=", ".join(enemies)))
    return lines


def _opinions(view: View, since: TurnSnapshot, name: Callable[[str], str]) -> list[str]:
    """Opinions that moved by a note-worthy amount, ours and (where we know them) theirs."""
    ours = _("Our opinion of {region}: {value:+.0f}, {label} ({change:+.0f})")
    theirs = _("Opinion of us in {region}: {value:+.0f}, {label} ({change:+.0f})")
    moved: list[tuple[float, str]] = []
    for template, before_values, now in (
        (ours, since.ours, view.opinion_of),
        (theirs, since.theirs, view.opinion_of_us),
    ):
        for other, before in before_values.items():
            after = now(other)
            if after is None or abs(after - before) < OPINION_NOTE or not view.alive(other):
                continue
            label = _(opinion_label(after))
            line = template.format(region=name(other), value=after, label=label, change=after - before)
            moved.append((abs(after - before), line))
    if not moved:
        return []
    moved.sort(key=lambda item: -item[0])
    return ["", f"**{_('Opinions that moved')}**", *[line for _size, line in moved[:OPINIONS_SHOWN]]]


class SummaryScene(TextOverlay):
    """Over the map at the start of a human's turn; a key or a click goes on to the game."""

    def __init__(self, app: App, game: MapScene, lines: list[str]) -> None:
        super().__init__(app, game)
        self.summary = lines

    def title(self) -> str:
        return _("Turn {turn}: what happened since your last turn").format(turn=self.game.state.turn)

    def lines(self) -> list[str]:
        return self.summary

    def close_label(self) -> str:
        return _("Continue (Enter)")

    def handle(self, event: pygame.event.Event) -> None:
        clicked = event.type == pygame.MOUSEBUTTONDOWN and event.button == 1
        if event.type == pygame.KEYDOWN or (clicked and self.shown_for >= self.GRACE_SECONDS):
            self.back_to_game()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F5:  # a modder's reload goes through
            self.game.handle(event)
