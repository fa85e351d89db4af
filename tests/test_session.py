"""The turn sequencer: whose turn it is, humans and computers alike, and failing computer players."""

from __future__ import annotations

import logging

import pytest

from game.ai.base import Decision
from game.ai.standard import StandardAI
from game.catalogue import find
from game.core import actions as A
from game.core.model import GameState, Proposal, Resolution
from game.core.rng import Rng
from game.core.view import View
from game.scenario.build import new_game
from game.scenario.loader import load_scenario
from game.session import Session


def _tutorial() -> GameState:
    return new_game(load_scenario(find("tutorial").path).scenario, seed=3)


class BrokenAI:
    name = "broken"

    def plan(self, view: View, rng: Rng) -> list[A.Action]:
        raise RuntimeError("boom")

    def answer(self, view: View, proposal: Proposal, rng: Rng) -> Decision:
        raise RuntimeError("boom")

    def vote(self, view: View, resolution: Resolution, rng: Rng) -> bool:
        raise RuntimeError("boom")


def test_a_failing_computer_player_passes_its_turn_and_the_game_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """In play, an AI failure is logged and that region passes; the others play on."""
    state = _tutorial()
    broken = state.order[0]
    ai = StandardAI()
    controllers = {r: ai for r in state.order} | {broken: BrokenAI()}
    session = Session(state, controllers)
    with caplog.at_level(logging.ERROR):
        session.play_turns(3)
    assert state.turn == 4
    assert session.failures >= 3
    assert "boom" in caplog.text
    assert not any(a.actor == broken and not isinstance(a, A.Answer) for a in session.log if a is not None)


def test_in_strict_mode_a_failing_computer_player_raises() -> None:
    state = _tutorial()
    session = Session(state, {r: BrokenAI() for r in state.order}, strict=True)
    with pytest.raises(RuntimeError, match="boom"):
        session.play_turns(1)


def test_a_human_region_waits_for_its_player() -> None:
    """Computer regions play until a human's turn; the human acts, ends the turn, and play goes on."""
    state = _tutorial()
    human = state.order[2]
    ai = StandardAI()
    session = Session(state, {r: ai for r in state.order if r != human})
    session.run_computers()
    assert session.current == human
    other = state.order[0]
    assert not session.submit(A.DeclareWar(other, human)).ok  # not the other region's turn
    outcome = session.submit(A.Invest(human, "economy", 5.0))
    assert outcome.ok
    session.end_region_turn()
    session.run_computers()
    assert session.current == human
    assert state.turn == 2


def test_proposals_to_a_computer_are_answered_at_once_with_reasons() -> None:
    state = _tutorial()
    human = "greenvale"
    ai = StandardAI()
    session = Session(state, {r: ai for r in state.order if r != human})
    while session.current != human:
        session.run_computers()
    target = next(r for r in sorted(state.neighbours[human]) if (human, r) not in state.ambassadors)
    assert session.submit(A.SendAmbassador(human, target)).ok
    outcome = session.submit(A.ProposeTreaty(human, target, "access"))
    assert outcome.ok
    answer = session.answers[-1]
    assert answer.sender == human and answer.recipient == target
    assert answer.decision.reasons
    assert all(str(r.text) for r in answer.decision.reasons)
    assert not state.proposals
