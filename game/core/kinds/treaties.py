"""Treaties: propose one of a kind (trade may be exclusive), and cancel one in force."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.core import actions as A
from game.core.checks import embargo_between, peaceful_region, pending
from game.core.diplomacy import end_treaty, propose, sign_treaty
from game.core.economy import bound_side
from game.core.kinds.base import ActionKind, Control, Cost, ProposalRule
from game.core.messages import Msg, msg
from game.core.model import TREATY_KINDS, GameState, Proposal, Terms, TreatyKind
from game.core.news import PROPOSAL_NAMES
from game.core.relations import at_war, treaty_between
from game.core.why import Refusal, Why, refuse

if TYPE_CHECKING:
    from game.core.view import View


def _propose_check(state: GameState, a: A.ProposeTreaty) -> Refusal | None:
    found = peaceful_region(state, a.actor, a.target)
    if found:
        return found
    if (a.actor, a.target) not in state.ambassadors:
        return refuse(Why.TREATY_NEEDS_AMBASSADOR, region=a.target)
    if pending(state, a.actor, a.target, "treaty") or pending(state, a.target, a.actor, "treaty"):
        return refuse(Why.PENDING, region=a.target)
    return conflict(state, a.actor, a.target, a.kind, a.exclusive)


def conflict(
    state: GameState,
    x: str,
    y: str,
    kind: str,
    exclusive: bool,
    *,
    embargo_lifted: bool = False,
    leaving: frozenset[int] = frozenset(),
) -> Refusal | None:
    """What stands in the way of this treaty between x and y, both when proposed and when accepted
    (a deal may first lift every embargo between them, and end the exclusive deals in `leaving`)."""
    if kind not in TREATY_KINDS:
        return refuse(Why.NO_SUCH_TREATY_KIND)
    if treaty_between(state, x, y, kind) is not None:
        return refuse(Why.HAS_TREATY, region=y)
    if exclusive and kind != "trade":
        return refuse(Why.ONLY_TRADE_EXCLUSIVE)
    if kind == "trade":
        if embargo_between(state, x, y) and not embargo_lifted:
            return refuse(Why.EMBARGO_BETWEEN, region=y)
        for side in (x, y):
            if any(bound_side(state, t) == side and t.id not in leaving for t in state.treaties_of(side)):
                return refuse(Why.BOUND_EXCLUSIVE, region=side)
    return None


def _propose(state: GameState, a: A.ProposeTreaty) -> Proposal:
    return propose(state, "treaty", a.actor, a.target, Terms(treaty=a.kind, exclusive=a.exclusive))


def _propose_offers(view: View, target: str | None) -> Iterator[A.ProposeTreaty]:
    if target is None or view.war_with(target) is not None:
        return
    for kind in TREATY_KINDS:
        if not view.has_treaty(target, kind):
            yield A.ProposeTreaty(view.me, target, kind)


def _signed(state: GameState, p: Proposal) -> None:
    assert p.terms.treaty is not None
    sign_agreed(state, p.terms.treaty, p.sender, p.recipient, p.terms.exclusive)


def sign_agreed(
    state: GameState, kind: TreatyKind, a: str, b: str, exclusive: bool, turns: int | None = None
) -> None:
    """Sign a treaty both sides agreed to; an exclusive trade deal ends the bound side's others."""
    treaty = sign_treaty(state, kind, a, b, exclusive=exclusive, turns=turns)
    bound = bound_side(state, treaty)
    if bound is not None:  # the poorer side trades with its new partner alone
        for other in [t for t in state.treaties_of(bound) if t.kind == "trade" and t is not treaty]:
            end_treaty(state, other, why="exclusive")


def _signable(state: GameState, p: Proposal) -> Refusal | None:
    if at_war(state, p.sender, p.recipient):
        return refuse(Why.AT_WAR, region=p.sender)
    if p.terms.treaty is None:
        return refuse(Why.NO_SUCH_TREATY_KIND)
    return conflict(state, p.sender, p.recipient, p.terms.treaty, p.terms.exclusive)


def _cancel_check(state: GameState, a: A.CancelTreaty) -> Refusal | None:
    treaty = state.treaties.get(a.treaty)
    if treaty is None or a.actor not in treaty.parties:
        return refuse(Why.NO_SUCH_TREATY)
    return None


def _cancel(state: GameState, a: A.CancelTreaty) -> None:
    end_treaty(state, state.treaties[a.treaty], broken_by=a.actor, why="cancelled")


def _cancel_offers(view: View, target: str | None) -> Iterator[A.CancelTreaty]:
    if target is not None:
        for treaty in view.treaties(target):
            yield A.CancelTreaty(view.me, treaty.id)


def _cancel_label(state: GameState, a: A.CancelTreaty) -> Msg:
    treaty = state.treaties.get(a.treaty)
    return msg("Cancel: {treaty}", treaty=PROPOSAL_NAMES[treaty.kind if treaty is not None else "treaty"])


KINDS = (
    ActionKind(
        A.ProposeTreaty,
        "Propose treaty",
        "Offer a non-aggression pact, an alliance, a trade agreement (open or exclusive) or "
        "military access. Needs an ambassador there.",
        Control.TREATY_DIALOG,
        _propose_check,
        _propose,
        _propose_offers,
        Cost(diplomatic=1),
    ),
    ActionKind(
        A.CancelTreaty,
        "Cancel treaty",
        "End a treaty early. Breaking your word costs reputation with everyone, unless an "
        "organisation condemned the deal: ending it then is doing as it asked.",
        Control.REGION,
        _cancel_check,
        _cancel,
        _cancel_offers,
        Cost(diplomatic=1),
        _cancel_label,
    ),
)

PROPOSALS = (ProposalRule("treaty", _signed, acceptable=_signable),)
