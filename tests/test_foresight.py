"""Foreseeing an answer: with an ambassador there, the answer shown before sending is the answer
given; without one, nothing of the recipient's thinking is told; a person's answer is never
foreseen, and nothing is changed by looking."""

from __future__ import annotations

from game.ai.standard import StandardAI
from game.core import actions as A
from game.core.model import GameState, Term
from game.core.snapshot import state_hash
from game.foresight import foresee
from game.session import Session

PROPOSALS = [
    A.ProposeTreaty("alba", "bria", "trade"),
    A.ProposeTreaty("alba", "bria", "trade", exclusive=True),
    A.ProposeTreaty("alba", "bria", "non_aggression"),
    A.ProposeTreaty("alba", "bria", "alliance"),
    A.StateVisit("alba", "bria"),
    # deals: judged term by term; one refused comes with its counter-offer, foreseen as well
    A.ProposeDeal("alba", "bria", (Term("treaty", treaty="access"),)),
    A.ProposeDeal(
        "alba", "bria", (Term("treaty", treaty="trade", exclusive=True), Term("gold", "alba", gold=9.0))
    ),
]


def _session(world: GameState, skill: str = "normal") -> Session:
    ai = StandardAI(skill)
    return Session(world, {r: ai for r in world.order if r != "alba"})  # alba is a person


def test_with_an_ambassador_the_foreseen_answer_is_the_answer_given(make_world) -> None:  # type: ignore[no-untyped-def]
    counters = 0
    for skill in ("easy", "normal", "hard"):
        for proposal in PROPOSALS:
            # given: alba keeps an ambassador in bria
            world = make_world()
            world.ambassadors.add(("alba", "bria"))
            session = _session(world, skill)
            # when
            foreseen = foresee(session, proposal)
            session.submit(proposal)
            # then
            assert foreseen is not None and foreseen.decision is not None
            (given,) = session.answers
            assert given.decision == foreseen.decision, (skill, proposal)
            if isinstance(proposal, A.ProposeDeal) and not given.decision.accept:
                counters += 1
                assert given.decision.counter, (skill, proposal)
    assert counters, "some deal is refused with a counter-offer"


def test_without_an_ambassador_the_answer_is_not_told(world: GameState) -> None:
    # given: alba has no ambassador in bria, and a visit needs none
    session = _session(world)
    # when
    foreseen = foresee(session, A.StateVisit("alba", "bria"))
    # then
    assert foreseen is not None and foreseen.recipient == "bria" and foreseen.decision is None


def test_a_persons_answer_and_a_refused_action_are_not_foreseen(world: GameState) -> None:
    world.ambassadors.add(("alba", "bria"))
    people = Session(world, {})  # everyone a person
    assert foresee(people, A.ProposeTreaty("alba", "bria", "trade")) is None
    session = _session(world)
    assert foresee(session, A.ProposeTreaty("alba", "cora", "trade")) is None  # no envoy: refused
    assert foresee(session, A.SendAmbassador("alba", "cora")) is None  # no proposal to answer


def test_looking_changes_nothing(world: GameState) -> None:
    world.ambassadors.add(("alba", "bria"))
    session = _session(world)
    before = state_hash(world)
    events = len(world.events)
    foresee(session, A.ProposeTreaty("alba", "bria", "alliance"))
    assert state_hash(world) == before and len(world.events) == events and not session.answers
