"""Rulebook: the forecast of a war, shown before it is declared (game/core/forecast.py), tells what
the declaration then does: who is called against us, the treaties ended and broken, the reputation."""

from __future__ import annotations

from game.core import actions as A
from game.core.diplomacy import sign_treaty
from game.core.forecast import war_forecast
from game.core.model import pair
from game.core.relations import treaty_between
from game.core.view import View
from tests.conftest import act


def test_a_plain_war_costs_the_aggressors_reputation_and_nothing_else(world):
    """Attacking a region with no ties to us loses the aggressor's reputation; no treaty is broken."""
    # given
    forecast = war_forecast(View(world, "alba"), "bria")
    before = world.regions["alba"].reputation
    # when
    act(world, A.DeclareWar("alba", "bria"))
    # then
    assert (forecast.broken, forecast.ended, forecast.truce_broken) == ((), (), False)
    assert before - world.regions["alba"].reputation == forecast.reputation
    assert forecast.judges == ("council",)  # the security body reviews every new war


def test_the_forecast_names_the_allies_called_and_the_treaties_broken(world):
    """Bria's allies are called to arms against us; our pact with bria is broken (reputation), our
    trade agreement just ends; a truce broken counts as a betrayal too."""
    # given
    sign_treaty(world, "alliance", "bria", "dova")
    sign_treaty(world, "non_aggression", "alba", "bria")
    sign_treaty(world, "trade", "alba", "bria")
    world.truces[pair("alba", "bria")] = 3
    forecast = war_forecast(View(world, "alba"), "bria")
    before = world.regions["alba"].reputation
    # when
    act(world, A.DeclareWar("alba", "bria"))
    # then
    assert forecast.called == ("dova",)
    called = [p.recipient for p in world.proposals.values() if p.kind == "call_to_arms"]
    assert called == ["dova"]
    assert forecast.broken == ("non_aggression",) and forecast.ended == ("trade",)
    assert forecast.truce_broken
    assert treaty_between(world, "alba", "bria", "trade") is None
    assert before - world.regions["alba"].reputation == forecast.reputation


def test_the_war_costs_gold_every_turn(world):
    """Each war costs a share of the economy a turn: the forecast says how much."""
    # given
    forecast = war_forecast(View(world, "alba"), "bria")
    # then
    assert forecast.gold_per_turn == world.rules.war_cost * world.regions["alba"].economy > 0
