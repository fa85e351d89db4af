"""Rulebook: state visits."""

from __future__ import annotations

from game.core import actions as A
from game.core.diplomacy import start_war
from game.core.relations import modifier_value
from game.core.why import Why
from game.core.world import end_of_turn
from tests.conftest import act, answer_waiting, refused


def test_visit_is_an_invitation_the_host_answers(world):
    """A state visit is proposed to the host; no goodwill is made until it accepts."""
    # given / when
    outcome = act(world, A.StateVisit("alba", "bria"))
    # then
    assert outcome.proposal is not None and outcome.proposal.kind == "visit"
    assert outcome.proposal.recipient == "bria"
    assert modifier_value(world, "bria", "alba", "state_visit") == 0


def test_a_received_visit_makes_goodwill_both_ways(world):
    """When the host accepts, both sides gain goodwill; the visit was paid for once, when made."""
    # given
    treasury = world.regions["alba"].treasury
    act(world, A.StateVisit("alba", "bria"))
    # when
    outcome = answer_waiting(world, "bria", accept=True)
    # then
    assert world.regions["alba"].treasury == treasury - world.rules.visit_cost
    assert modifier_value(world, "bria", "alba", "state_visit") > 0
    assert modifier_value(world, "alba", "bria", "state_visit") > 0
    assert "state_visit" in [e.kind for e in outcome.events]


def test_host_may_decline_a_visit(world):
    """The host may decline: the visitor gains nothing for its journey, and the refusal is remembered."""
    # given
    treasury = world.regions["alba"].treasury
    act(world, A.StateVisit("alba", "bria"))
    # when
    answer_waiting(world, "bria", accept=False)
    # then
    assert world.regions["alba"].treasury == treasury - world.rules.visit_cost
    assert modifier_value(world, "bria", "alba", "state_visit") == 0
    assert world.refusals[("alba", "bria", "visit")] == world.turn


def test_one_visit_per_turn(world):
    """A ruler makes at most one state visit a turn; the next turn it may travel again."""
    # given
    act(world, A.StateVisit("alba", "bria"))
    # when / then
    refused(world, A.StateVisit("alba", "cora"), Why.NO_VISIT_LEFT)
    end_of_turn(world)
    act(world, A.StateVisit("alba", "cora"))


def test_visit_does_not_spend_a_diplomatic_action(world):
    """A state visit uses the ruler's visit, not one of the turn's diplomatic actions."""
    # given
    left = world.regions["alba"].actions_left
    # when
    act(world, A.StateVisit("alba", "bria"))
    # then
    assert world.regions["alba"].actions_left == left


def test_visit_needs_the_cost_in_the_treasury(world):
    """A ruler whose treasury cannot pay for the visit cannot set out."""
    # given
    world.regions["alba"].treasury = world.rules.visit_cost - 1
    # when / then
    refused(world, A.StateVisit("alba", "bria"), Why.TOO_LITTLE_GOLD)


def test_the_journey_is_paid_when_the_ruler_sets_out(world):
    """A state visit costs its gold when made, whether or not the host receives it."""
    # given
    before = world.regions["alba"].treasury
    outcome = act(world, A.StateVisit("alba", "bria"))
    assert outcome.proposal is not None
    assert world.regions["alba"].treasury == before - world.rules.visit_cost
    # when
    act(world, A.Answer("bria", outcome.proposal.id, False))
    # then
    assert world.regions["alba"].treasury == before - world.rules.visit_cost


def test_no_visit_to_an_enemy_or_stranger(world):
    """No state visit goes to a region one is at war with or has no contact with."""
    # given
    start_war(world, "alba", "bria")
    # when / then
    refused(world, A.StateVisit("alba", "bria"), Why.AT_WAR)
    refused(world, A.StateVisit("alba", "fenn"), Why.NO_CONTACT)


def test_visit_goodwill_is_larger_with_affinity(world):
    """A visit to a culturally close host earns more goodwill than a visit to a distant one."""
    # given: bria shares alba's culture; cora's culture has affinity -0.3 with alba's
    act(world, A.StateVisit("alba", "bria"))
    answer_waiting(world, "bria")
    end_of_turn(world)
    # when
    act(world, A.StateVisit("alba", "cora"))
    answer_waiting(world, "cora")
    # then
    kin = modifier_value(world, "bria", "alba", "state_visit") + 1.0  # one turn of decay
    stranger = modifier_value(world, "cora", "alba", "state_visit")
    assert kin > stranger > 0


def test_repeated_visits_earn_less(world):
    """Repeated visits to the same host bring diminishing goodwill."""
    # given
    act(world, A.StateVisit("alba", "cora"))
    answer_waiting(world, "cora")
    first = modifier_value(world, "cora", "alba", "state_visit")
    end_of_turn(world)
    decayed = modifier_value(world, "cora", "alba", "state_visit")
    # when
    act(world, A.StateVisit("alba", "cora"))
    answer_waiting(world, "cora")
    # then
    second = modifier_value(world, "cora", "alba", "state_visit") - decayed
    assert 0 < second < first


def test_visit_goodwill_decays_slowly(world):
    """Visit goodwill decays a little each turn rather than vanishing at once."""
    # given
    act(world, A.StateVisit("alba", "bria"))
    answer_waiting(world, "bria")
    fresh = modifier_value(world, "bria", "alba", "state_visit")
    # when
    end_of_turn(world)
    # then
    assert 0 < modifier_value(world, "bria", "alba", "state_visit") < fresh
