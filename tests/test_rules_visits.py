"""Rulebook: state visits."""

from __future__ import annotations

from game.core import actions as A
from game.core.diplomacy import start_war
from game.core.relations import modifier_value
from game.core.world import end_of_turn
from tests.conftest import act, answer_waiting, refused


def test_visit_is_an_invitation_the_host_answers(world):
    """A state visit is proposed to the host; nothing is paid and no goodwill is made until it accepts."""
    # given
    treasury = world.regions["alba"].treasury
    # when
    outcome = act(world, A.StateVisit("alba", "bria"))
    # then
    assert outcome.proposal is not None and outcome.proposal.kind == "visit"
    assert outcome.proposal.recipient == "bria"
    assert world.regions["alba"].treasury == treasury
    assert modifier_value(world, "bria", "alba", "state_visit") == 0


def test_visit_cost_is_paid_on_acceptance(world):
    """When the host accepts, the visitor pays the visit's cost and both sides gain goodwill."""
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
    """The host may decline: the visitor pays nothing, gains nothing, and the refusal is remembered."""
    # given
    treasury = world.regions["alba"].treasury
    act(world, A.StateVisit("alba", "bria"))
    # when
    answer_waiting(world, "bria", accept=False)
    # then
    assert world.regions["alba"].treasury == treasury
    assert modifier_value(world, "bria", "alba", "state_visit") == 0
    assert world.refusals[("alba", "bria", "visit")] == world.turn


def test_one_visit_per_turn(world):
    """A ruler makes at most one state visit a turn; the next turn it may travel again."""
    # given
    act(world, A.StateVisit("alba", "bria"))
    # when
    text = refused(world, A.StateVisit("alba", "cora"))
    # then
    assert "already travelled" in text
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
    # when
    text = refused(world, A.StateVisit("alba", "bria"))
    # then
    assert "costs" in text


def test_visit_refused_if_visitor_cannot_pay_at_acceptance(world):
    """If the visitor can no longer pay when the host accepts, the acceptance is refused."""
    # given
    outcome = act(world, A.StateVisit("alba", "bria"))
    assert outcome.proposal is not None
    world.regions["alba"].treasury = 0.0
    # when
    text = refused(world, A.Answer("bria", outcome.proposal.id, True))
    # then
    assert "pay" in text


def test_no_visit_to_an_enemy_or_stranger(world):
    """No state visit goes to a region one is at war with or has no contact with."""
    # given
    start_war(world, "alba", "bria")
    # when / then
    assert "war" in refused(world, A.StateVisit("alba", "bria"))
    assert "contact" in refused(world, A.StateVisit("alba", "fenn"))


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
