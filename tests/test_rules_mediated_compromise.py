"""Rulebook: a mediator's offer is a concrete compromise, the same for both sides, and a side at
war may ask a third region to mediate.

The test world (tests/conftest.py): alba - bria, alba - cora, bria - dova, cora - dova, cora - elda,
dova - fenn, elda - fenn; the council holds alba, bria, cora and dova.
"""

from __future__ import annotations

import pytest

from game.core import actions as A
from game.core.diplomacy import make_peace, start_war
from game.core.model import GameState, Proposal, Terms, pair
from game.core.relations import modifier_value, war_between
from game.core.why import Why
from game.ui.proposal_texts import answer_help, proposal_line
from tests.conftest import act, answer_waiting, refused


def _waiting(world: GameState, recipient: str, kind: str) -> Proposal:
    found = [p for p in world.proposals.values() if p.recipient == recipient and p.kind == kind]
    assert len(found) == 1, found
    return found[0]


def _bria_well_ahead_of_dova(world: GameState) -> None:
    """bria attacks dova and leads the war by 40; cora keeps an ambassador in dova."""
    start_war(world, "bria", "dova")
    war = war_between(world, "bria", "dova")
    assert war is not None
    war.score = 40.0
    world.ambassadors.add(("cora", "dova"))


def test_the_offer_carries_the_compromise(world):
    """A mediator's offer names its terms from the start: where one side is well behind, that side
    pays a tribute of a share of its economy each turn."""
    # given
    _bria_well_ahead_of_dova(world)
    expected = round(world.regions["dova"].economy * world.rules.mediation_tribute_share, 2)
    # when
    outcome = act(world, A.OfferMediation("cora", "bria", "dova"))
    # then
    assert outcome.proposal is not None
    assert outcome.proposal.terms.payer == "dova"
    assert outcome.proposal.terms.tribute == pytest.approx(expected) and expected > 0


def test_an_even_war_gets_a_white_peace(world):
    """Where neither side is well behind, the compromise is a white peace: nobody pays."""
    # given
    start_war(world, "bria", "dova")
    world.ambassadors.add(("cora", "dova"))
    # when
    outcome = act(world, A.OfferMediation("cora", "bria", "dova"))
    # then
    assert outcome.proposal is not None
    assert outcome.proposal.terms.payer is None and outcome.proposal.terms.tribute == 0


def test_both_sides_see_the_same_terms(world):
    """The first side's yes sends the very same terms on to the second side, and the inbox of each
    states them: who pays how much gold a turn."""
    # given
    _bria_well_ahead_of_dova(world)
    act(world, A.OfferMediation("cora", "bria", "dova"))
    first = _waiting(world, "bria", "mediation")
    first_line = proposal_line(world, first, str)
    # when
    answer_waiting(world, "bria", accept=True, kind="mediation")
    # then
    second = _waiting(world, "dova", "mediation")
    assert (second.terms.payer, second.terms.tribute) == (first.terms.payer, first.terms.tribute)
    assert second.terms.accepted_by == ("bria",)
    gold = str(round(first.terms.tribute))
    second_line = proposal_line(world, second, str)
    for line in (first_line, second_line):
        assert "dova pays" in line and gold in line
    assert "bria has agreed" in second_line
    assert "dova pays" in answer_help(world, second, True, str)


def test_the_peace_signed_is_exactly_the_terms_both_accepted(world):
    """The peace signed is the offered compromise, even if the payer's economy has changed since:
    the payer pays the offered tribute for the tribute's turns, and the truce covers them."""
    # given
    _bria_well_ahead_of_dova(world)
    act(world, A.OfferMediation("cora", "bria", "dova"))
    offered = _waiting(world, "bria", "mediation").terms.tribute
    answer_waiting(world, "bria", accept=True, kind="mediation")
    world.regions["dova"].economy *= 3  # a compromise worked out now would ask more
    reputation = world.regions["cora"].reputation
    # when
    outcome = act(world, A.Answer("dova", _waiting(world, "dova", "mediation").id, True))
    # then
    assert war_between(world, "bria", "dova") is None
    [tribute] = [t for t in world.tributes if t.payer == "dova"]
    assert (tribute.payee, tribute.amount) == ("bria", pytest.approx(offered))
    assert world.truces[pair("bria", "dova")] == world.rules.truce_turns + world.rules.tribute_turns
    assert world.regions["cora"].reputation > reputation
    kinds = [e.kind for e in outcome.events]
    assert "mediation" in kinds and "peace_signed" in kinds


def test_nothing_is_signed_when_the_war_has_ended(world):
    """If the war ends before the second side says yes, the compromise lapses: no tribute, no
    standing for the mediator."""
    # given
    _bria_well_ahead_of_dova(world)
    act(world, A.OfferMediation("cora", "bria", "dova"))
    answer_waiting(world, "bria", accept=True, kind="mediation")
    war = war_between(world, "bria", "dova")
    assert war is not None
    make_peace(world, war, Terms())
    reputation = world.regions["cora"].reputation
    # when
    outcome = answer_waiting(world, "dova", accept=True, kind="mediation")
    # then
    assert world.tributes == []
    assert world.regions["cora"].reputation == reputation
    assert [e.kind for e in outcome.events] == ["mediation_lapsed"]


def test_nothing_is_signed_when_the_payer_now_leads_the_war(world):
    """If the side the compromise has pay now leads the war as far as would have the other side
    pay, the terms no longer fit: the war goes on."""
    # given
    _bria_well_ahead_of_dova(world)
    act(world, A.OfferMediation("cora", "bria", "dova"))
    answer_waiting(world, "bria", accept=True, kind="mediation")
    war = war_between(world, "bria", "dova")
    assert war is not None
    war.score = -40.0  # dova, the payer, now leads by 40
    # when
    answer_waiting(world, "dova", accept=True, kind="mediation")
    # then
    assert war_between(world, "bria", "dova") is not None
    assert world.tributes == []


def test_a_mediator_at_war_with_a_side_cannot_offer(world):
    """A region at war with one of the sides cannot mediate between them."""
    # given
    start_war(world, "bria", "dova")
    start_war(world, "cora", "dova")
    world.ambassadors.add(("cora", "bria"))
    # when / then
    refused(world, A.OfferMediation("cora", "bria", "dova"), Why.AT_WAR)


# --- asking a third region to mediate -------------------------------------------------------------


def _dova_wants_out(world: GameState) -> None:
    """bria attacks dova and leads by 40; dova keeps an ambassador in cora, which knows bria."""
    _bria_well_ahead_of_dova(world)
    world.ambassadors.discard(("cora", "dova"))
    world.ambassadors.add(("dova", "cora"))


def test_a_request_accepted_sends_the_compromise_to_the_enemy(world):
    """A side asks a third region to mediate; if it agrees, its compromise goes to the enemy with
    the asker counted as agreed."""
    # given
    _dova_wants_out(world)
    # when
    act(world, A.RequestMediation("dova", "cora", "bria"))
    outcome = answer_waiting(world, "cora", accept=True, kind="mediation_request")
    # then
    offer = _waiting(world, "bria", "mediation")
    assert offer.sender == "cora" and offer.terms.about == "dova"
    assert offer.terms.accepted_by == ("dova",)
    assert offer.terms.payer == "dova" and offer.terms.tribute > 0
    assert "mediation_requested" in [e.kind for e in outcome.events]
    assert war_between(world, "bria", "dova") is not None


def test_the_enemy_accepting_a_requested_mediation_makes_peace(world):
    """When the enemy accepts the requested mediation, peace is signed on its terms, and the
    mediator gains the reputation and goodwill of any mediation."""
    # given
    _dova_wants_out(world)
    reputation = world.regions["cora"].reputation
    act(world, A.RequestMediation("dova", "cora", "bria"))
    answer_waiting(world, "cora", accept=True, kind="mediation_request")
    offered = _waiting(world, "bria", "mediation").terms.tribute
    # when
    outcome = answer_waiting(world, "bria", accept=True, kind="mediation")
    # then
    assert war_between(world, "bria", "dova") is None
    assert [(t.payer, t.payee, t.amount) for t in world.tributes] == [("dova", "bria", offered)]
    assert world.regions["cora"].reputation > reputation
    assert modifier_value(world, "bria", "cora", "mediated") > 0
    assert modifier_value(world, "dova", "cora", "mediated") > 0
    assert "mediation" in [e.kind for e in outcome.events]


def test_the_asker_remembers_the_enemy_turned_the_compromise_down(world):
    """If the enemy turns down a requested mediation, the asker remembers it as a refusal of its own."""
    # given
    _dova_wants_out(world)
    act(world, A.RequestMediation("dova", "cora", "bria"))
    answer_waiting(world, "cora", accept=True, kind="mediation_request")
    # when
    answer_waiting(world, "bria", accept=False, kind="mediation")
    # then
    assert war_between(world, "bria", "dova") is not None
    assert world.refusals[("dova", "bria", "mediation")] == world.turn
    assert world.refusals[("cora", "bria", "mediation")] == world.turn


def test_a_request_declined_changes_nothing(world):
    """If the region asked declines, no offer goes out and the asker remembers it was turned down."""
    # given
    _dova_wants_out(world)
    act(world, A.RequestMediation("dova", "cora", "bria"))
    # when
    answer_waiting(world, "cora", accept=False, kind="mediation_request")
    # then
    assert not [p for p in world.proposals.values() if p.kind == "mediation"]
    assert world.refusals[("dova", "cora", "mediation_request")] == world.turn


def test_a_request_taken_up_after_the_war_ended_sends_nothing(world):
    """If the war has ended by the time the region asked agrees, there is nothing to broker."""
    # given
    _dova_wants_out(world)
    act(world, A.RequestMediation("dova", "cora", "bria"))
    war = war_between(world, "bria", "dova")
    assert war is not None
    make_peace(world, war, Terms())
    # when
    answer_waiting(world, "cora", accept=True, kind="mediation_request")
    # then
    assert not [p for p in world.proposals.values() if p.kind == "mediation"]


def test_only_a_region_at_war_asks_for_mediation(world):
    """A region may ask for mediation only with a region it is at war with."""
    # given
    world.ambassadors.add(("dova", "cora"))
    # when / then
    refused(world, A.RequestMediation("dova", "cora", "bria"), Why.NOT_AT_WAR)


def test_the_mediator_asked_must_be_at_peace_with_both_sides(world):
    """The region asked may be at war with neither side."""
    # given
    _dova_wants_out(world)
    start_war(world, "cora", "bria")
    # when / then
    refused(world, A.RequestMediation("dova", "cora", "bria"), Why.MEDIATOR_AT_WAR)
    start_war(world, "cora", "dova")
    refused(world, A.RequestMediation("dova", "cora", "bria"), Why.AT_WAR)


def test_the_enemy_is_not_its_own_mediator(world):
    """The enemy cannot be asked to mediate its own war: the asker is at war with it."""
    # given
    _dova_wants_out(world)
    # when / then
    refused(world, A.RequestMediation("dova", "bria", "bria"), Why.AT_WAR)


def test_asking_for_mediation_needs_an_ambassador_with_the_mediator(world):
    """As an introduction, a request for mediation goes through one's ambassador with the region asked."""
    # given
    _dova_wants_out(world)
    world.ambassadors.discard(("dova", "cora"))
    # when / then
    refused(world, A.RequestMediation("dova", "cora", "bria"), Why.MEDIATION_REQUEST_NEEDS_AMBASSADOR)


def test_the_mediator_asked_must_know_the_enemy(world):
    """The region asked must have relations with the enemy: fenn does not know bria."""
    # given
    _dova_wants_out(world)
    world.ambassadors.add(("dova", "fenn"))
    # when / then
    refused(world, A.RequestMediation("dova", "fenn", "bria"), Why.NO_RELATIONS)


def test_one_request_at_a_time(world):
    """A request to a region waits for its answer before it is asked again."""
    # given
    _dova_wants_out(world)
    act(world, A.RequestMediation("dova", "cora", "bria"))
    # when / then
    refused(world, A.RequestMediation("dova", "cora", "bria"), Why.REQUEST_PENDING)
