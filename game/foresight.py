"""Foreseeing an answer: before a proposal is sent, what its recipient would say and why, as far as
the proposer may know it.

An ambassador in the recipient's capital reports its thinking: there the foresight is the very
answer the computer player would give, worked out on a copy of the game with the proposal made, so
it cannot differ from the real one. Without an ambassador the proposer learns nothing of it (the
recipient's opinions and reasons are its own), and a person's answer is never foreseen.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from game.ai.base import Decision
from game.core import actions as A
from game.core.engine import apply
from game.core.model import GameState, History
from game.core.view import View
from game.session import ANSWERING, Session


@dataclass(frozen=True, slots=True)
class Foresight:
    recipient: str
    decision: Decision | None  # None: no ambassador there, so the answer cannot be known


def foresee(session: Session, action: A.Action) -> Foresight | None:
    """The answer to the proposal `action` would make, or None when it makes none that a computer
    player answers (or is not allowed now)."""
    state = session.state
    if View(state, action.actor).refusal(action) is not None:
        return None
    trial = _copy(state)
    outcome = apply(trial, action)
    proposal = outcome.proposal
    if not outcome.ok or proposal is None or session.is_human(proposal.recipient):
        return None
    if (action.actor, proposal.recipient) not in state.ambassadors:
        return Foresight(proposal.recipient, None)
    player = session.controllers[proposal.recipient]
    luck = session.luck(ANSWERING, proposal.id)  # the very draw the real answer will use
    try:
        decision = player.answer(View(trial, proposal.recipient), proposal, luck)
    except Exception:  # a failing player is the session's to report when it really answers
        return None
    return Foresight(proposal.recipient, decision)


def _copy(state: GameState) -> GameState:
    """A copy to try an action on: the news is shared up to now (a computer player reads it) and
    the charts' history, which nothing here reads, is left out."""
    memo = {id(state.events): list(state.events), id(state.history): History()}
    return copy.deepcopy(state, memo)
