"""Rulebook: aid, introductions (triangulation) and mediation."""

from __future__ import annotations

import pytest

from game.core import actions as A
from game.core.diplomacy import start_war
from game.core.model import pair
from game.core.relations import add_modifier, knows, modifier_value, opinion, war_between
from game.core.why import Why
from tests.conftest import act, answer_waiting, refused


def test_aid_moves_gold_and_raises_opinion(world):
    """Aid moves gold from the giver to the receiver, and the receiver thinks better of the giver."""
    # given
    giver, taker = world.regions["alba"].treasury, world.regions["bria"].treasury
    before = opinion(world, "bria", "alba")
    # when
    outcome = act(world, A.SendAid("alba", "bria", 15.0))
    # then
    assert world.regions["alba"].treasury == giver - 15.0
    assert world.regions["bria"].treasury == taker + 15.0
    assert opinion(world, "bria", "alba") > before
    assert "aid_sent" in [e.kind for e in outcome.events]


def test_larger_aid_earns_more_opinion(world):
    """Larger aid earns more gratitude, in proportion to the receiver's economy, up to a limit."""
    # given
    act(world, A.SendAid("alba", "bria", 2.0))
    small = modifier_value(world, "bria", "alba", "aid")
    # when
    act(world, A.SendAid("cora", "dova", 6.0))
    # then: 6 gold to an economy of 12 counts more than 2 gold to an economy of 10
    assert modifier_value(world, "dova", "cora", "aid") > small > 0


@pytest.mark.parametrize("amount", [0.0, -5.0, float("nan")])
def test_aid_must_be_positive(world, amount):
    """Aid must be a positive sum of gold."""
    # given / when / then
    refused(world, A.SendAid("alba", "bria", amount), Why.NOT_A_SUM)


def test_aid_cannot_exceed_the_treasury(world):
    """A region cannot give more gold than its treasury holds."""
    # given
    world.regions["alba"].treasury = 5.0
    # when / then
    refused(world, A.SendAid("alba", "bria", 6.0), Why.TOO_LITTLE_GOLD)


def test_no_aid_to_an_enemy(world):
    """No aid goes to a region one is at war with."""
    # given
    start_war(world, "alba", "bria")
    # when / then
    refused(world, A.SendAid("alba", "bria", 5.0), Why.AT_WAR)


def test_introduction_gives_contact_and_a_vouching_modifier(world):
    """If C agrees to introduce A to B, A and B gain contact.

    B's opinion of A gains a modifier in proportion to B's opinion of C.
    """
    # given: alba keeps an ambassador in cora; cora borders elda; alba does not know elda
    world.ambassadors.add(("alba", "cora"))
    add_modifier(world, "elda", "cora", "test_friendship", 40.0, 0.0)
    assert not knows(world, "alba", "elda")
    vouched = opinion(world, "elda", "cora")
    # when
    act(world, A.RequestIntroduction("alba", via="cora", target="elda"))
    outcome = answer_waiting(world, "cora", accept=True, kind="introduction")
    # then
    assert knows(world, "alba", "elda") and knows(world, "elda", "alba")
    assert modifier_value(world, "elda", "alba", "introduced") == pytest.approx(0.3 * vouched)
    assert "introduction" in [e.kind for e in outcome.events]


def test_declined_introduction_gives_nothing(world):
    """If C declines, A still does not know B."""
    # given
    world.ambassadors.add(("alba", "cora"))
    act(world, A.RequestIntroduction("alba", via="cora", target="elda"))
    # when
    answer_waiting(world, "cora", accept=False, kind="introduction")
    # then
    assert not knows(world, "alba", "elda")
    assert world.refusals[("alba", "cora", "introduction")] == world.turn


def test_introduction_needs_an_ambassador_with_the_go_between(world):
    """An introduction is asked only of a region where one keeps an ambassador."""
    # given: no ambassador in cora
    # when / then
    refused(
        world, A.RequestIntroduction("alba", via="cora", target="elda"), Why.INTRODUCTION_NEEDS_AMBASSADOR
    )


def test_introduction_needs_the_go_between_to_know_the_target(world):
    """The go-between must itself have relations with the region to be met."""
    # given: bria does not know elda
    world.ambassadors.add(("alba", "bria"))
    # when / then
    refused(world, A.RequestIntroduction("alba", via="bria", target="elda"), Why.NO_RELATIONS)


def test_no_introduction_to_a_region_one_knows(world):
    """No introduction is needed, or allowed, to a region one already knows."""
    # given
    world.ambassadors.add(("alba", "cora"))
    # when / then
    refused(world, A.RequestIntroduction("alba", via="cora", target="dova"), Why.ALREADY_KNOWN)


def _war_and_trusted_mediator(world):
    """bria attacks dova; cora (neighbour of dova, council member) keeps an ambassador in dova."""
    start_war(world, "bria", "dova")
    world.ambassadors.add(("cora", "dova"))


def test_mediation_ends_the_war_in_two_acceptances(world):
    """A trusted third region's mediation ends the war once both sides accept, and raises its reputation."""
    # given
    _war_and_trusted_mediator(world)
    reputation = world.regions["cora"].reputation
    act(world, A.OfferMediation("cora", "bria", "dova"))
    # when: the first side accepts
    answer_waiting(world, "bria", accept=True, kind="mediation")
    # then: the war goes on and the offer passes to the other side
    assert war_between(world, "bria", "dova") is not None
    # when: the second side accepts
    outcome = answer_waiting(world, "dova", accept=True, kind="mediation")
    # then
    assert war_between(world, "bria", "dova") is None
    assert pair("bria", "dova") in world.truces
    assert world.regions["cora"].reputation > reputation
    assert modifier_value(world, "bria", "cora", "mediated") > 0
    assert modifier_value(world, "dova", "cora", "mediated") > 0
    assert "mediation" in [e.kind for e in outcome.events]


def test_mediation_fails_if_a_side_declines(world):
    """If either side declines the mediation, the war goes on and the mediator gains nothing."""
    # given
    _war_and_trusted_mediator(world)
    reputation = world.regions["cora"].reputation
    act(world, A.OfferMediation("cora", "bria", "dova"))
    answer_waiting(world, "bria", accept=True, kind="mediation")
    # when
    answer_waiting(world, "dova", accept=False, kind="mediation")
    # then
    assert war_between(world, "bria", "dova") is not None
    assert world.regions["cora"].reputation == reputation


def test_whether_a_side_trusts_the_mediator_is_its_own_answer(world):
    """The rules do not refuse a mediator that a side distrusts: that would tell the mediator what
    the side thinks of it. The offer goes out, and the side answers it."""
    # given
    start_war(world, "bria", "dova")
    world.ambassadors.add(("cora", "dova"))
    add_modifier(world, "dova", "cora", "test_grudge", -60.0, 0.0)
    # when
    outcome = act(world, A.OfferMediation("cora", "bria", "dova"))
    # then
    assert outcome.proposal is not None and outcome.proposal.recipient == "bria"


def test_mediator_needs_an_ambassador_with_a_side(world):
    """A mediator needs an ambassador with at least one of the sides."""
    # given
    start_war(world, "bria", "dova")
    # when / then
    refused(world, A.OfferMediation("cora", "bria", "dova"), Why.MEDIATOR_NEEDS_AMBASSADOR)


def test_mediation_only_of_a_war_by_a_third_region(world):
    """Mediation needs a war between the two sides, and the mediator is neither of them."""
    # given
    world.ambassadors.add(("cora", "dova"))
    # when / then
    refused(world, A.OfferMediation("cora", "bria", "dova"), Why.SIDES_NOT_AT_WAR)
    start_war(world, "cora", "dova")
    refused(world, A.OfferMediation("cora", "cora", "dova"), Why.SELF)
