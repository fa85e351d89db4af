"""Guided first turns in the tutorial: a hint at a time over the map, each gone once the player has
done what it says (or skipped it); the player may turn them all off."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

from game.core import actions as A
from game.core.view import View
from game.i18n import _
from game.ui.mapview import TextCache

if TYPE_CHECKING:
    from game.ui.mapscene import MapScene

HINTED_SCENARIOS = frozenset({"tutorial"})
WIDTH = 380
TEXT_SIZE = 14
LINE = 19
BUTTONS = 34  # the height of the row of buttons under the text


def _took(
    kind: type[A.Action], test: Callable[[A.Action], bool] = lambda a: True
) -> Callable[[MapScene], bool]:
    def done(game: MapScene) -> bool:
        return any(isinstance(a, kind) and a.actor == game.me and test(a) for a in game.session.log)

    return done


def _met_everyone(game: MapScene) -> bool:
    """An introduction asked for, or no living region left that we have not met."""
    if _took(A.RequestIntroduction)(game):
        return True
    view = View(game.state, game.me)
    return all(view.knows(game.me, r) for r in view.living() if r != game.me)


def _answer_read(game: MapScene) -> bool:
    """The answer to the first trade proposal was there to read: a turn has passed since."""
    hints: Hints | None = game.hints
    turn: int = game.state.turn
    return hints is None or turn > hints.trade_turn


@dataclass(frozen=True, slots=True)
class Hint:
    key: str
    text: Callable[[], str]  # translated when shown
    done: Callable[[MapScene], bool]


HINTS = (
    Hint(
        "ambassador",
        lambda: _(
            "First, send an ambassador: click a neighbour on the map, then 'Send ambassador'. "
            "It shows you what they think of you, and a treaty needs one."
        ),
        _took(A.SendAmbassador),
    ),
    Hint(
        "visit",
        lambda: _(
            "Pay a state visit: select a region and press 'State visit'. It costs gold and your "
            "ruler's journey of the turn, and wins goodwill."
        ),
        _took(A.StateVisit),
    ),
    Hint(
        "trade",
        lambda: _(
            "Propose trade: where you keep an ambassador, press 'Propose treaty…' and choose a trade "
            "agreement. Both incomes grow."
        ),
        _took(A.ProposeTreaty, lambda a: isinstance(a, A.ProposeTreaty) and a.kind == "trade"),
    ),
    Hint(
        "answer",
        lambda: _(
            "Read the answer under the region: each reason and how much it weighs for or against. "
            "Then end your turn with Enter."
        ),
        _answer_read,
    ),
    Hint(
        "introduction",
        lambda: _(
            "Some regions have not met you yet: you cannot deal with them. Select a region where you "
            "keep an ambassador and press 'Introduction to …' to meet those it knows."
        ),
        _met_everyone,
    ),
)


@dataclass(slots=True)
class Hints:
    skipped: set[str] = field(default_factory=set)
    off: bool = False
    trade_turn: int = 10**9  # the turn trade was first proposed: the answer's hint lasts through it

    def current(self, game: MapScene) -> Hint | None:
        if self.off:
            return None
        if self.trade_turn == 10**9 and HINTS[2].done(game):
            self.trade_turn = game.state.turn
        hint = next((h for h in HINTS if h.key not in self.skipped and not h.done(game)), None)
        self.off = hint is None  # all done: the record need not be searched again
        return hint

    def skip(self, game: MapScene) -> None:
        hint = self.current(game)
        if hint is not None:
            self.skipped.add(hint.key)

    def stop(self) -> None:
        self.off = True


def hints_for(scenario_id: str, players: int) -> Hints | None:
    """Hints guide a lone player through the tutorial only."""
    return Hints() if scenario_id in HINTED_SCENARIOS and players == 1 else None


def hint_box(area: pygame.Rect, text: TextCache, hint: Hint) -> tuple[pygame.Rect, list[str]]:
    """Where the hint goes (the map's top left) and its lines."""
    lines = text.wrap(hint.text(), TEXT_SIZE, WIDTH - 20)
    box = pygame.Rect(area.x + 10, area.y + 10, WIDTH, 12 + len(lines) * LINE + BUTTONS + 8)
    return box, lines


def draw_hint(surface: pygame.Surface, box: pygame.Rect, lines: list[str], text: TextCache) -> None:
    pygame.draw.rect(surface, (30, 44, 38), box)
    pygame.draw.rect(surface, (130, 200, 150), box, 2)
    for i, line in enumerate(lines):
        surface.blit(text.render(line, TEXT_SIZE, (230, 240, 232)), (box.x + 10, box.y + 8 + i * LINE))
