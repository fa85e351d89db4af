"""Foreseeing an answer: with an ambassador there, the answer shown before sending is the answer
given; without one, nothing of the recipient's thinking is told; a person's answer is never
foreseen, and nothing is changed by looking."""

from __future__ import annotations

from game.ai.standard import StandardAI
from game.core import actions as A
from game.core.diplomacy import start_war
from game.core.model import GameState, Term
from game.core.relations import war_between
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


def test_a_mediation_and_a_request_for_one_are_foreseen_as_answered(make_world) -> None:  # type: ignore[no-untyped-def]
    """A mediator's compromise, tribute and all, and a request to mediate are foreseen exactly."""
    for make in ("offer", "request"):
        # given: dova attacks bria, which leads by 40; alba keeps an ambassador in bria and in cora
        world = make_world()
        start_war(world, "dova", "bria")
        war = war_between(world, "dova", "bria")
        assert war is not None
        war.score = -40.0
        world.ambassadors.add(("alba", "bria"))
        world.ambassadors.add(("alba", "cora"))
        if make == "offer":
            action: A.Action = A.OfferMediation("alba", "bria", "dova")
        else:
            start_war(world, "bria", "alba")
            action = A.RequestMediation("alba", "cora", "bria")
        session = _session(world)
        # when
        foreseen = foresee(session, action)
        session.submit(action)
        # then
        assert foreseen is not None and foreseen.decision is not None, make
        (given,) = session.answers
        assert given.decision == foreseen.decision, make
        if make == "offer":
            texts = [r.text.template for r in given.decision.reasons]
            assert "The tribute the compromise pays us" in texts
