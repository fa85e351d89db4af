"""Every action kind, gathered from game/core/kinds, and the list of what a region may do.

The rules (`refusal`), the engine (`apply`), the window and the computer players all reach an
action kind through `ACTION_KINDS`; `available_actions` lists the actions worth showing for a
region (or at home) with the coded reason of each one that is not allowed now.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.core.actions import Action
from game.core.kinds import (
    aid,
    answers,
    deals,
    embargoes,
    envoys,
    introductions,
    invest,
    mediation,
    membership,
    peace,
    treaties,
    visits,
    war,
)
from game.core.kinds.base import ActionKind, AnyKind, Control, ProposalRule
from game.core.model import PROPOSAL_KINDS, ProposalKind
from game.core.why import Refusal

if TYPE_CHECKING:
    from game.core.view import View

PROPOSAL_RULES: dict[ProposalKind, ProposalRule] = {
    rule.kind: rule
    for module in (visits, treaties, peace, war, introductions, mediation, deals)
    for rule in module.PROPOSALS
}
assert set(PROPOSAL_RULES) == set(PROPOSAL_KINDS), "every proposal kind needs its rule"

_FAMILIES: tuple[tuple[AnyKind, ...], ...] = (
    envoys.KINDS,
    visits.KINDS,
    treaties.KINDS,
    deals.KINDS,
    peace.KINDS,
    embargoes.KINDS,
    war.KINDS,
    aid.KINDS,
    introductions.KINDS,
    mediation.KINDS,
    membership.KINDS,
    invest.KINDS,
    (answers.answers(PROPOSAL_RULES),),
)
ACTION_KINDS: dict[type[Action], AnyKind] = {kind.record: kind for family in _FAMILIES for kind in family}


def kind_of(action: Action) -> AnyKind | None:
    return ACTION_KINDS.get(type(action))


@dataclass(frozen=True, slots=True)
class Option:
    """An action a region might take now, and why not where it may not."""

    kind: ActionKind[Any]
    action: Action
    refusal: Refusal | None

    @property
    def allowed(self) -> bool:
        return self.refusal is None


def available_actions(
    view: View,
    target: str | None = None,
    controls: set[Control] | None = None,
    records: tuple[type[Action], ...] | None = None,
) -> list[Option]:
    """What the viewing region might do to `target` (None: at home: investments, organisations,
    answers and votes), each with the reason it is refused now, if it is. Built only from what
    the region may know; the same list for the window and the computer players, who may ask for
    some kinds (`records`) only."""
    return list(options(view, target, controls, records))


def options(
    view: View,
    target: str | None = None,
    controls: set[Control] | None = None,
    records: tuple[type[Action], ...] | None = None,
) -> Iterator[Option]:
    """`available_actions` one at a time, for a caller that may stop at the first it likes."""
    kinds = [k for r, k in ACTION_KINDS.items() if records is None or r in records]  # in the registry's order
    for kind in kinds:
        if controls is not None and kind.control not in controls:
            continue
        for action in kind.offers(view, target):
            yield Option(kind, action, view.refusal(action))
