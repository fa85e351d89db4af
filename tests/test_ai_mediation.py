"""How the computer players weigh a mediator's compromise, answer a request to mediate, and ask
for one when they want out of a war (the test world of tests/conftest.py)."""

from __future__ import annotations

from game.ai.standard import StandardAI
from game.core import actions as A
from game.core.diplomacy import start_war
from game.core.model import Proposal
from game.core.relations import add_modifier, at_war
from game.core.rng import Rng
from game.core.view import View
from tests.conftest import act, answer_waiting
from tests.test_rules_mediated_compromise import _bria_well_ahead_of_dova, _dova_wants_out, _waiting


def _reason_weight(reasons, text: str) -> float | None:
    found = [r.weight for r in reasons if r.text.template == text]
    return found[0] if found else None


def test_a_side_asked_to_pay_a_large_tribute_weighs_it_against(world):
    """A computer player weighs the tribute a compromise has it pay against its income; the side
    that would receive it weighs it for."""
    # given: a compromise asking dova for half its economy a turn
    world.rules = world.rules.model_copy(update={"mediation_tribute_share": 0.5})
    _bria_well_ahead_of_dova(world)
    act(world, A.OfferMediation("cora", "bria", "dova"))
    answer_waiting(world, "bria", accept=True, kind="mediation")
    offer = _waiting(world, "dova", "mediation")
    # when
    paying = StandardAI().weighed(View(world, "dova"), offer)
    receiving = StandardAI().weighed(
        View(world, "bria"), Proposal(0, "mediation", "cora", "bria", offer.terms, 0, 3)
    )
    # then
    against = _reason_weight(paying, "The tribute the compromise has us pay")
    assert against is not None and against <= -20
    gain = _reason_weight(receiving, "The tribute the compromise pays us")
    assert gain is not None and gain > 0


def test_a_white_peace_brings_no_tribute_reason(world):
    """A white peace asks no tribute, so no tribute is weighed."""
    # given
    start_war(world, "bria", "dova")
    world.ambassadors.add(("cora", "dova"))
    act(world, A.OfferMediation("cora", "bria", "dova"))
    # when
    reasons = StandardAI().weighed(View(world, "bria"), _waiting(world, "bria", "mediation"))
    # then
    assert _reason_weight(reasons, "The tribute the compromise has us pay") is None
    assert _reason_weight(reasons, "The tribute the compromise pays us") is None


def test_a_region_asked_to_mediate_weighs_the_standing_it_brings(world):
    """A computer player asked to broker a peace weighs the standing it would gain and its taste for
    talks; at war itself, it is less willing."""
    # given
    _dova_wants_out(world)
    act(world, A.RequestMediation("dova", "cora", "bria"))
    request = _waiting(world, "cora", "mediation_request")
    # when
    calm = StandardAI().weighed(View(world, "cora"), request)
    start_war(world, "cora", "elda")
    busy = StandardAI().weighed(View(world, "cora"), request)
    # then
    assert (_reason_weight(calm, "The standing a brokered peace brings") or 0) > 0
    assert _reason_weight(calm, "We have a war of our own") is None
    assert (_reason_weight(busy, "We have a war of our own") or 0) < 0


def test_a_weary_side_asks_a_region_it_trusts_to_mediate(world):
    """A computer player weary of a war asks a region it keeps an ambassador in and thinks well of
    to broker a peace, beside offering peace itself, and does not ask again while it waits."""
    # given
    _dova_wants_out(world)
    world.regions["dova"].exhaustion = 90.0
    add_modifier(world, "dova", "cora", "test_friendship", 40.0, 0.0)
    # when
    plan = StandardAI().plan(View(world, "dova"), Rng(1))
    # then
    assert A.RequestMediation("dova", "cora", "bria") in plan
    assert any(isinstance(a, A.ProposePeace) for a in plan)
    # when it has asked
    act(world, A.RequestMediation("dova", "cora", "bria"))
    # then it waits for the answer
    again = StandardAI().plan(View(world, "dova"), Rng(2))
    assert not [a for a in again if isinstance(a, A.RequestMediation)]
    assert not at_war(world, "dova", "cora")


def test_a_side_weighs_what_it_thinks_of_its_enemy_not_only_of_the_mediator(world):
    """A mediator may be liked, but the peace is made with the enemy: a side that hates its enemy
    weighs that against the compromise."""
    # given
    start_war(world, "bria", "dova")
    world.ambassadors.add(("cora", "dova"))
    add_modifier(world, "dova", "bria", "test_grudge", -80.0, 0.0)
    act(world, A.OfferMediation("cora", "dova", "bria"))
    # when
    reasons = StandardAI().weighed(View(world, "dova"), _waiting(world, "dova", "mediation"))
    # then
    enemy = [
        r.weight
        for r in reasons
        if r.text.template == "What we think of {region}" and r.text.args == (("region", "bria"),)
    ]
    assert enemy and enemy[0] < -15


def test_a_region_asked_to_mediate_for_an_aggressor_weighs_it_against(world):
    """Brokering a way out for a region that started a war of aggression makes war cheap: the
    region asked weighs that against."""
    # given: bria attacks dova and asks cora, where it keeps an ambassador, to mediate
    start_war(world, "bria", "dova")
    world.ambassadors.add(("bria", "cora"))
    act(world, A.RequestMediation("bria", "cora", "dova"))
    # when
    reasons = StandardAI().weighed(View(world, "cora"), _waiting(world, "cora", "mediation_request"))
    # then
    assert (_reason_weight(reasons, "You are waging a war of aggression") or 0) < 0


def test_a_side_does_not_ask_again_when_the_enemy_has_just_turned_a_broker_down(world):
    """When the enemy has just turned down a requested compromise, a weary side does not at once
    ask a mediator again."""
    # given
    _dova_wants_out(world)
    world.regions["dova"].exhaustion = 90.0
    add_modifier(world, "dova", "cora", "test_friendship", 40.0, 0.0)
    act(world, A.RequestMediation("dova", "cora", "bria"))
    answer_waiting(world, "cora", accept=True, kind="mediation_request")
    answer_waiting(world, "bria", accept=False, kind="mediation")
    # when
    plan = StandardAI().plan(View(world, "dova"), Rng(1))
    # then
    assert not [a for a in plan if isinstance(a, A.RequestMediation)]
