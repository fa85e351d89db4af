"""Answers: accept or decline a proposal waiting for us; each proposal kind says what follows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from game.core import actions as A
from game.core.diplomacy import news
from game.core.kinds.base import ActionKind, Control, ProposalRule
from game.core.kinds.deals import counter_offer, counter_problem
from game.core.messages import Msg, msg
from game.core.model import GameState, Proposal, ProposalKind
from game.core.news import PROPOSAL_NAMES
from game.core.why import Refusal, Why, refuse

if TYPE_CHECKING:
    from game.core.view import View


def answers(rules: dict[ProposalKind, ProposalRule]) -> ActionKind[A.Answer]:
    """The Answer kind over the proposal rules of every kind."""

    def check(state: GameState, a: A.Answer) -> Refusal | None:
        proposal = state.proposals.get(a.proposal)
        if proposal is None or proposal.recipient != a.actor:
            return refuse(Why.NO_SUCH_PROPOSAL)
        rule = rules[proposal.kind]
        if a.counter:
            if a.accept:
                return refuse(Why.COUNTER_DECLINES)
            found = rule.declinable(state, proposal)
            return found or counter_problem(state, proposal, a.counter)
        return rule.acceptable(state, proposal) if a.accept else rule.declinable(state, proposal)

    def effect(state: GameState, a: A.Answer) -> Proposal | None:
        proposal = state.proposals.pop(a.proposal)
        rule = rules[proposal.kind]
        if a.accept:
            rule.accepted(state, proposal)
            return None
        rule.rejected(state, proposal)
        what = proposal.terms.treaty or proposal.kind
        state.refusals[(proposal.sender, proposal.recipient, what)] = state.turn
        if a.counter:
            return counter_offer(state, proposal, a.counter)
        # the simulation's report counts exclusive treaties and counter-offers turned down
        if proposal.kind == "deal":
            mark = {"counter": proposal.terms.round > 0 or None}
        else:
            mark = {"exclusive": proposal.terms.exclusive or None}
        news(state, "proposal_rejected", proposal.recipient, proposal.sender, proposal=what, **mark)
        return None

    return ActionKind(
        A.Answer,
        "Answer",
        "Accept or decline a proposal waiting for you. Declining an ally's call to arms, or "
        "letting it wait until it lapses, costs reputation.",
        Control.INBOX,
        check,
        effect,
        _offers,
        label=_label(rules),
    )


def _offers(view: View, target: str | None) -> Iterator[A.Answer]:
    if target is None:
        for proposal in view.inbox():
            yield A.Answer(view.me, proposal.id, True)
            yield A.Answer(view.me, proposal.id, False)


def _label(rules: dict[ProposalKind, ProposalRule]) -> Callable[[GameState, A.Answer], Msg]:
    def label(state: GameState, a: A.Answer) -> Msg:
        proposal = state.proposals.get(a.proposal)
        what = PROPOSAL_NAMES["treaty"]
        if proposal is not None:
            what = PROPOSAL_NAMES[proposal.terms.treaty or proposal.kind]
        return (
            msg("Accept: {proposal}", proposal=what)
            if a.accept
            else msg("Decline: {proposal}", proposal=what)
        )

    return label
