"""Rulebook: declaring war, calls to arms, and how a war moves each turn."""

from __future__ import annotations

import pytest

from game.core import actions as A
from game.core.diplomacy import make_peace, sign_treaty, start_war
from game.core.economy import income
from game.core.model import Terms, pair
from game.core.relations import modifier_value, opinion, treaty_between, war_between
from game.core.why import Why
from game.core.world import end_of_turn
from tests.conftest import act, answer_waiting, refused


def test_declare_war_on_a_neighbour(world):
    """A region may declare war on a neighbour it is at peace with."""
    # given: alba borders bria
    # when
    outcome = act(world, A.DeclareWar("alba", "bria"))
    # then
    war = war_between(world, "alba", "bria")
    assert war is not None and war.attacker == "alba" and war.defender == "bria"
    assert war.score == 0 and war.capitulated is None
    assert "war_declared" in [e.kind for e in outcome.events]


def test_declare_war_only_on_a_reachable_region(world):
    """War can only be declared on a neighbour or on a region reachable through an access partner."""
    # given: alba knows dova (both in the council) but does not border it
    # when / then
    refused(world, A.DeclareWar("alba", "dova"), Why.UNREACHABLE)


def test_declare_war_through_military_access(world):
    """Military access from a partner lets a region attack whatever borders that partner."""
    # given: cora borders dova and grants alba military access
    sign_treaty(world, "access", "alba", "cora")
    # when
    act(world, A.DeclareWar("alba", "dova"))
    # then
    assert war_between(world, "alba", "dova") is not None


def test_declare_war_needs_contact(world):
    """War cannot be declared on a region one has no contact with, even through access."""
    # given: cora borders elda and grants alba access, but alba has never met elda
    sign_treaty(world, "access", "alba", "cora")
    # when / then
    refused(world, A.DeclareWar("alba", "elda"), Why.NO_CONTACT)


def test_no_war_on_oneself(world):
    """A region cannot declare war on itself."""
    # given / when / then
    refused(world, A.DeclareWar("alba", "alba"), Why.SELF)


def test_no_war_on_an_ally(world):
    """A region cannot declare war on an ally; it must cancel the alliance first."""
    # given
    sign_treaty(world, "alliance", "alba", "bria")
    # when / then
    refused(world, A.DeclareWar("alba", "bria"), Why.ALLY)


def test_no_second_war_on_the_same_enemy(world):
    """Two regions fight at most one war at a time."""
    # given
    start_war(world, "alba", "bria")
    # when / then
    refused(world, A.DeclareWar("alba", "bria"), Why.ALREADY_AT_WAR)
    refused(world, A.DeclareWar("bria", "alba"), Why.ALREADY_AT_WAR)


def test_breaking_a_pact_by_war_costs_reputation(world):
    """Declaring war on a region one has a non-aggression pact with breaks it: the cost of breaking a
    treaty comes on top of the cost of aggression."""
    # given
    pact = sign_treaty(world, "non_aggression", "alba", "bria")
    reputation = world.regions["alba"].reputation
    # when
    act(world, A.DeclareWar("alba", "bria"))
    # then
    assert pact.id not in world.treaties
    lost = world.rules.break_reputation + world.rules.aggression_reputation
    assert world.regions["alba"].reputation == pytest.approx(reputation - lost)
    assert modifier_value(world, "bria", "alba", "broke_treaty") < 0


def test_breaking_a_truce_costs_reputation(world):
    """Declaring war during a truce costs reputation."""
    # given
    war = start_war(world, "alba", "bria")
    make_peace(world, war, Terms())
    assert pair("alba", "bria") in world.truces
    reputation = world.regions["alba"].reputation
    # when
    act(world, A.DeclareWar("alba", "bria"))
    # then
    assert pair("alba", "bria") not in world.truces
    lost = world.rules.break_reputation + world.rules.aggression_reputation
    assert world.regions["alba"].reputation == pytest.approx(reputation - lost)


def test_aggression_costs_reputation_and_makes_enemies(world):
    """Declaring war costs the aggressor some reputation, so all who know it think less of it; the
    victim resents it most."""
    # given
    reputation = world.regions["alba"].reputation
    seen_by = {r: opinion(world, r, "alba") for r in ("cora", "fenn")}
    # when
    act(world, A.DeclareWar("alba", "bria"))
    # then
    assert world.regions["alba"].reputation == pytest.approx(reputation - world.rules.aggression_reputation)
    assert modifier_value(world, "bria", "alba", "declared_war") < 0
    assert opinion(world, "cora", "alba") < seen_by["cora"]
    assert opinion(world, "fenn", "alba") == pytest.approx(seen_by["fenn"])  # fenn does not know alba


def test_war_ends_other_treaties_between_the_two(world):
    """War ends every treaty between the two sides."""
    # given
    sign_treaty(world, "trade", "alba", "bria")
    sign_treaty(world, "access", "alba", "bria")
    # when
    act(world, A.DeclareWar("alba", "bria"))
    # then
    assert treaty_between(world, "alba", "bria", "trade") is None
    assert treaty_between(world, "alba", "bria", "access") is None


def test_calls_to_arms_go_to_the_defenders_allies(world):
    """When a region is attacked, each of its allies is called to arms; the attacker's allies are not."""
    # given
    sign_treaty(world, "alliance", "bria", "dova")
    sign_treaty(world, "alliance", "alba", "cora")
    # when
    act(world, A.DeclareWar("alba", "bria"))
    # then
    calls = [p for p in world.proposals.values() if p.kind == "call_to_arms"]
    assert [(p.sender, p.recipient, p.terms.about) for p in calls] == [("bria", "dova", "alba")]


def test_accepting_a_call_to_arms_joins_the_war(world):
    """An ally that answers the call joins the war against the attacker, and the caller is grateful."""
    # given
    sign_treaty(world, "alliance", "bria", "dova")
    act(world, A.DeclareWar("alba", "bria"))
    # when
    answer_waiting(world, "dova", accept=True, kind="call_to_arms")
    # then
    joined = war_between(world, "dova", "alba")
    assert joined is not None and joined.ally_of == "bria"
    assert modifier_value(world, "bria", "dova", "answered_call") > 0


def test_refusing_a_call_to_arms_costs_reputation(world):
    """An ally that refuses the call loses reputation and the caller's good opinion."""
    # given
    sign_treaty(world, "alliance", "bria", "dova")
    act(world, A.DeclareWar("alba", "bria"))
    reputation = world.regions["dova"].reputation
    # when
    answer_waiting(world, "dova", accept=False, kind="call_to_arms")
    # then
    assert war_between(world, "dova", "alba") is None
    assert world.regions["dova"].reputation < reputation
    assert modifier_value(world, "bria", "dova", "ignored_call") < 0


def test_war_score_losses_and_exhaustion_move_each_turn(world):
    """Each turn of war moves the war score, costs both sides military, and wears them out."""
    # given
    war = start_war(world, "alba", "bria")
    alba, bria = world.regions["alba"], world.regions["bria"]
    military = (alba.military, bria.military)
    # when
    end_of_turn(world)
    # then
    assert war.score != 0
    assert alba.military < military[0] and bria.military < military[1]
    assert alba.exhaustion > 0 and bria.exhaustion > 0


def test_the_stronger_side_gains_score(world):
    """The side with much the greater strength pushes the war score its way."""
    # given
    world.regions["alba"].military = 200.0
    world.regions["bria"].military = 10.0
    war = start_war(world, "alba", "bria")
    # when
    end_of_turn(world)
    # then
    assert war.score > 0
    assert war.side_score("alba") > 0 > war.side_score("bria")


def test_war_costs_income(world):
    """Each war a region fights costs it a share of its income every turn."""
    # given
    before = income(world, "alba")
    # when
    start_war(world, "alba", "bria")
    # then
    assert income(world, "alba").war == pytest.approx(world.rules.war_cost * world.regions["alba"].economy)
    assert income(world, "alba").total < before.total


def test_capitulation_when_nothing_is_left_to_fight_with(world):
    """A side whose strength is spent (its army, its people defending their home and its allies'
    help together at most `capitulation_strength`) capitulates."""
    # given: bria's army is gone and its economy is tiny, so its people can hardly defend it
    world.regions["bria"].military = 0.3
    world.regions["bria"].economy = 0.5
    war = start_war(world, "alba", "bria")
    # when
    end_of_turn(world)
    # then
    assert war.capitulated == "bria"
    assert "capitulation" in [e.kind for e in world.events]


def test_capitulation_at_full_war_score(world):
    """When the war score reaches the full 100 for one side, the other capitulates."""
    # given
    world.regions["alba"].military = 200.0
    war = start_war(world, "alba", "bria")
    war.score = 99.0
    # when
    end_of_turn(world)
    # then
    assert war.score == 100.0
    assert war.capitulated == "bria"


def test_capitulation_from_exhaustion_while_losing(world):
    """A side that is fully exhausted and behind in the war capitulates."""
    # given
    war = start_war(world, "alba", "bria")
    world.regions["alba"].exhaustion = 100.0
    war.score = -50.0
    # when
    end_of_turn(world)
    # then
    assert war.capitulated == "alba"


def test_capitulated_war_stops_moving(world):
    """Once a side has capitulated, the fighting stops: score and armies no longer move."""
    # given
    war = start_war(world, "alba", "bria")
    war.capitulated = "bria"
    war.score = 100.0
    military = (world.regions["alba"].military, world.regions["bria"].military)
    # when
    end_of_turn(world)
    # then
    assert war.score == 100.0
    assert (world.regions["alba"].military, world.regions["bria"].military) == military


def test_no_truce_when_the_rules_give_none(make_world):
    """With `truce_turns: 0` a peace leaves no truce, so a new war breaks none and costs no reputation."""
    # given
    world = make_world(rules={"truce_turns": 0})
    war = start_war(world, "alba", "bria")
    make_peace(world, war, Terms())
    reputation = world.regions["alba"].reputation
    # when
    act(world, A.DeclareWar("alba", "bria"))
    # then: only the cost of aggression, none for a broken truce
    assert world.regions["alba"].reputation == pytest.approx(reputation - world.rules.aggression_reputation)


def test_war_on_an_aggressor_joins_its_victims_defence(world):
    """Declaring war on a region that is waging a war of its own joins its victim's defence: no
    reputation is lost, no security body puts it to the vote, and it ends when the victim makes
    peace."""
    # given: cora attacks elda
    for region in ("cora", "elda", "alba"):
        world.regions[region].military = 400.0
    start_war(world, "cora", "elda")
    reputation = world.regions["alba"].reputation
    # when: alba, cora's neighbour, declares war on cora
    act(world, A.DeclareWar("alba", "cora"))
    # then
    war = war_between(world, "alba", "cora")
    assert war is not None and war.ally_of == "elda"
    assert world.regions["alba"].reputation == reputation
    for _ in range(3):
        end_of_turn(world)
    assert not [r for r in world.resolutions.values() if r.target == "alba"]
    # when: elda makes peace
    first = war_between(world, "cora", "elda")
    assert first is not None
    make_peace(world, first, Terms())
    # then
    assert war_between(world, "alba", "cora") is None
