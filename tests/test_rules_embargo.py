"""Rulebook: embargoes."""

from __future__ import annotations

import pytest

from game.core import actions as A
from game.core.diplomacy import sign_treaty
from game.core.economy import income
from game.core.relations import modifier_value, opinion, treaty_between
from game.core.why import Why
from tests.conftest import act, refused


def test_embargo_ends_the_trade_agreement(world):
    """An embargo ends the trade agreement between the two regions."""
    # given
    sign_treaty(world, "trade", "alba", "bria")
    # when
    act(world, A.ImposeEmbargo("alba", "bria"))
    # then
    assert ("alba", "bria") in world.embargoes
    assert treaty_between(world, "alba", "bria", "trade") is None


@pytest.mark.parametrize(("giver", "taker"), [("alba", "bria"), ("bria", "alba")])
def test_embargo_blocks_aid_both_ways(world, giver, taker):
    """No aid passes an embargo, whichever side imposed it."""
    # given
    world.embargoes.add(("alba", "bria"))
    # when / then
    refused(world, A.SendAid(giver, taker, 5.0), Why.EMBARGO_BETWEEN)


@pytest.mark.parametrize(("proposer", "host"), [("alba", "bria"), ("bria", "alba")])
def test_embargo_blocks_trade_deals(world, proposer, host):
    """No trade agreement is signed across an embargo, whichever side imposed it."""
    # given
    world.embargoes.add(("alba", "bria"))
    world.ambassadors.add((proposer, host))
    # when / then
    refused(world, A.ProposeTreaty(proposer, host, "trade"), Why.EMBARGO_BETWEEN)


def test_embargo_costs_the_target_income(world):
    """An embargo cuts the target's income, and a little of the imposer's own."""
    # given
    target_before = income(world, "bria")
    own_before = income(world, "alba")
    # when
    act(world, A.ImposeEmbargo("alba", "bria"))
    # then
    rules = world.rules
    assert income(world, "bria").embargoes == pytest.approx(
        world.regions["bria"].economy * rules.embargo_target_loss
    )
    assert income(world, "alba").embargoes == pytest.approx(
        world.regions["alba"].economy * rules.embargo_own_loss
    )
    assert income(world, "bria").total < target_before.total
    assert income(world, "alba").total < own_before.total


def test_embargo_cuts_trade_body_baseline_trade(world):
    """A trade body gives no baseline trade between members divided by an embargo."""
    # given: alba, bria and cora are all in the market
    before = income(world, "bria").organisations
    # when
    act(world, A.ImposeEmbargo("alba", "bria"))
    # then
    assert income(world, "bria").organisations == pytest.approx(before / 2)
    assert income(world, "alba").organisations == pytest.approx(
        world.rules.org_trade_rate * world.regions["alba"].economy * 1
    )


def test_embargo_angers_the_target(world):
    """The target of an embargo thinks worse of the region that imposed it."""
    # given
    before = opinion(world, "bria", "alba")
    # when
    act(world, A.ImposeEmbargo("alba", "bria"))
    # then
    assert opinion(world, "bria", "alba") < before


def test_lift_embargo_removes_it(world):
    """Lifting an embargo ends it: the target's income recovers, and its opinion, but for the
    trust the imposer lost by an embargo nothing justified."""
    # given
    target_income = income(world, "bria").total
    target_opinion = opinion(world, "bria", "alba")
    act(world, A.ImposeEmbargo("alba", "bria"))
    world.regions["alba"].actions_left = 2
    # when
    act(world, A.LiftEmbargo("alba", "bria"))
    # then
    assert ("alba", "bria") not in world.embargoes
    assert income(world, "bria").total == pytest.approx(target_income)
    lost_trust = world.rules.reputation_weight * world.rules.embargo_reputation / 50
    assert opinion(world, "bria", "alba") == pytest.approx(target_opinion - lost_trust)
    assert modifier_value(world, "bria", "alba", "embargo") == 0


def test_no_double_embargo_and_no_lifting_what_is_not_there(world):
    """A region embargoes another at most once, and can only lift an embargo it imposed."""
    # given
    world.embargoes.add(("alba", "bria"))
    # when / then
    refused(world, A.ImposeEmbargo("alba", "bria"), Why.HAS_EMBARGO)
    refused(world, A.LiftEmbargo("bria", "alba"), Why.NO_EMBARGO)


def test_embargo_needs_contact(world):
    """A region can only embargo a region it has contact with."""
    # given: alba does not know fenn
    # when
    refused(world, A.ImposeEmbargo("alba", "fenn"), Why.NO_CONTACT)
    # then
