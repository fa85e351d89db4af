"""Rulebook: income, trade, upkeep, investment and the diplomatic action budget."""

from __future__ import annotations

import pytest

from game.core import actions as A
from game.core.diplomacy import sign_treaty
from game.core.economy import income, trade_income
from game.core.why import Why
from game.core.world import end_of_turn
from tests.conftest import act, refused


def test_treasury_gains_the_turns_income(world):
    """In the world phase each region's treasury changes by its income for the turn."""
    # given
    expected = {r: world.regions[r].treasury + income(world, r).total for r in world.order}
    # when
    end_of_turn(world)
    # then
    for region_id, treasury in expected.items():
        assert world.regions[region_id].treasury == pytest.approx(treasury)


def test_production_depends_on_economy_and_stability(world):
    """Production is the economy, scaled from one half (stability 0) to all of it (stability 100)."""
    # given
    alba = world.regions["alba"]
    # when
    alba.stability = 100.0
    full = income(world, "alba").production
    alba.stability = 0.0
    half = income(world, "alba").production
    # then
    assert full == pytest.approx(alba.economy)
    assert half == pytest.approx(alba.economy / 2)


def test_trade_agreement_raises_both_incomes(world):
    """A trade agreement adds to the income of both partners."""
    # given
    before = {r: income(world, r).total for r in ("alba", "dova")}
    # when
    sign_treaty(world, "trade", "alba", "dova")
    # then
    for region_id, total in before.items():
        assert income(world, region_id).total > total
        assert income(world, region_id).trade > 0


def test_trade_pays_more_between_neighbours_and_kin(world):
    """A trade agreement pays more between neighbours, and more again between kin."""
    # given: equal economies; bria is alba's kin and neighbour, cora only a neighbour, dova neither
    for region_id in ("alba", "bria", "cora", "dova"):
        world.regions[region_id].economy = 20.0
    # when
    kin_neighbour = trade_income(world, sign_treaty(world, "trade", "alba", "bria"), "alba")
    neighbour = trade_income(world, sign_treaty(world, "trade", "alba", "cora"), "alba")
    distant = trade_income(world, sign_treaty(world, "trade", "alba", "dova"), "alba")
    # then
    assert kin_neighbour > neighbour > distant > 0


def test_richer_partner_earns_more_from_a_deal(world):
    """A trade deal pays the richer partner more than the poorer (leverage)."""
    # given: alba's economy is 20, bria's 10
    treaty = sign_treaty(world, "trade", "alba", "bria")
    # when
    rich, poor = trade_income(world, treaty, "alba"), trade_income(world, treaty, "bria")
    # then
    assert rich > poor > 0


def test_trade_body_gives_baseline_trade_with_each_member(world):
    """A trade body's member earns a little from each fellow member; non-members earn nothing from it."""
    # given: the market has alba, bria and cora
    # when
    alba, fenn = income(world, "alba"), income(world, "fenn")
    # then
    assert alba.organisations == pytest.approx(world.rules.org_trade_rate * world.regions["alba"].economy * 2)
    assert fenn.organisations == 0


def test_military_upkeep(world):
    """Each point of military costs upkeep every turn."""
    # given
    before = income(world, "alba").upkeep
    # when
    world.regions["alba"].military += 10
    # then
    assert income(world, "alba").upkeep == pytest.approx(before + 10 * world.rules.military_upkeep)


def test_debt_hurts_stability_and_army(world):
    """A region whose treasury falls below zero loses stability and some of its army."""
    # given
    alba = world.regions["alba"]
    alba.treasury = -100.0
    stability, military = alba.stability, alba.military
    # when
    end_of_turn(world)
    # then
    assert alba.treasury < 0
    assert alba.stability < stability
    assert alba.military == pytest.approx(military * 0.97)


def test_invest_in_economy(world):
    """Investing gold raises the economy, by less for an economy that is already large."""
    # given: bria's economy is 10, fenn's 30
    small, large = world.regions["bria"].economy, world.regions["fenn"].economy
    # when
    act(world, A.Invest("bria", "economy", 20.0))
    act(world, A.Invest("fenn", "economy", 20.0))
    # then
    small_gain = world.regions["bria"].economy - small
    large_gain = world.regions["fenn"].economy - large
    assert small_gain > large_gain > 0
    assert world.regions["bria"].treasury == 80.0


def test_invest_in_military(world):
    """Investing gold in the military raises it by the military rate."""
    # given
    military = world.regions["alba"].military
    # when
    act(world, A.Invest("alba", "military", 10.0))
    # then
    assert world.regions["alba"].military == pytest.approx(military + 10.0 * world.rules.invest_military_rate)
    assert world.regions["alba"].treasury == 90.0


@pytest.mark.parametrize(
    ("field", "amount", "reason"),
    [
        ("economy", 0.0, Why.NOT_A_SUM),
        ("economy", -1.0, Why.NOT_A_SUM),
        ("economy", float("nan"), Why.NOT_A_SUM),
        ("economy", 1000.0, Why.TOO_LITTLE_GOLD),
        ("military", 1000.0, Why.MOBILISED),
        ("military", float("inf"), Why.NOT_A_SUM),
        ("gold", 5.0, Why.NO_SUCH_FIELD),
    ],
)
def test_invest_refusals(world, field, amount, reason):
    """Investment must be a positive sum the treasury holds, in economy or military."""
    # given / when
    refused(world, A.Invest("alba", field, amount), reason)  # type: ignore[arg-type]


def test_diplomatic_action_budget(world):
    """A region has `diplomatic_actions` diplomatic actions a turn; one more is refused."""
    # given
    act(world, A.SendAmbassador("alba", "bria"))
    act(world, A.SendAmbassador("alba", "cora"))
    assert world.regions["alba"].actions_left == 0
    # when / then
    refused(world, A.SendAmbassador("alba", "dova"), Why.NO_ACTIONS_LEFT)


def test_budget_renews_each_turn(world):
    """The diplomatic budget is full again at the start of the next turn."""
    # given
    act(world, A.SendAmbassador("alba", "bria"))
    act(world, A.SendAmbassador("alba", "cora"))
    # when
    end_of_turn(world)
    # then
    assert world.regions["alba"].actions_left == world.rules.diplomatic_actions
    act(world, A.SendAmbassador("alba", "dova"))


def test_answers_visits_and_investments_are_free(world):
    """Answers, state visits and investments do not spend diplomatic actions, even when none are left."""
    # given
    world.ambassadors.add(("bria", "alba"))
    proposal = act(world, A.ProposeTreaty("bria", "alba", "trade")).proposal
    assert proposal is not None
    world.regions["alba"].actions_left = 0
    # when / then
    act(world, A.Answer("alba", proposal.id, True))
    act(world, A.StateVisit("alba", "cora"))
    act(world, A.Invest("alba", "economy", 5.0))
    assert world.regions["alba"].actions_left == 0


def test_refused_action_spends_no_budget(world):
    """A refused action does not spend a diplomatic action."""
    # given
    left = world.regions["alba"].actions_left
    # when / then
    refused(world, A.SendAmbassador("alba", "fenn"), Why.NO_CONTACT)
    assert world.regions["alba"].actions_left == left


def test_an_army_is_raised_at_the_pace_of_the_economy(world):
    """A turn raises at most `mobilisation` army per point of economy, however much gold is spent:
    a treasury cannot be turned into a great army overnight."""
    # given: alba has economy 20 and plenty of gold
    world.regions["alba"].treasury = 1000.0
    most = world.rules.mobilisation * world.regions["alba"].economy
    # when
    act(world, A.Invest("alba", "military", most / world.rules.invest_military_rate))
    # then
    refused(world, A.Invest("alba", "military", 2.0), Why.MOBILISED)
    end_of_turn(world)
    act(world, A.Invest("alba", "military", 2.0))
