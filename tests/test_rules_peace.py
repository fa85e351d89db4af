"""Rulebook: peace (white peace, tribute, annexation) and what annexation does."""

from __future__ import annotations

import pytest

from game.core import actions as A
from game.core.diplomacy import annex, make_peace, sign_treaty, start_war
from game.core.economy import income
from game.core.model import Terms, pair
from game.core.relations import knows, war_between
from game.core.why import Why
from game.core.world import end_of_turn
from tests.conftest import act, answer_waiting, refused


def _capitulated_war(world, winner="alba", loser="bria"):
    war = start_war(world, winner, loser)
    war.capitulated = loser
    war.score = 100.0 if war.attacker == winner else -100.0
    return war


def test_peace_needs_no_ambassador(world):
    """A peace offer needs no ambassador: war has sent them home."""
    # given
    start_war(world, "alba", "bria")
    # when
    outcome = act(world, A.ProposePeace("alba", "bria"))
    # then
    assert outcome.proposal is not None and outcome.proposal.kind == "peace"


def test_peace_only_between_warring_regions(world):
    """Peace can only be offered to a region one is at war with."""
    # given: alba and bria are at peace
    # when / then
    refused(world, A.ProposePeace("alba", "bria"), Why.NOT_AT_WAR)


def test_one_waiting_peace_offer(world):
    """While a peace offer waits for its answer, the sender makes no other to the same enemy."""
    # given
    start_war(world, "alba", "bria")
    act(world, A.ProposePeace("alba", "bria"))
    # when / then
    refused(world, A.ProposePeace("alba", "bria", "tribute", tribute=1.0, payer="bria"), Why.PEACE_PENDING)


def test_white_peace_gives_a_truce(world):
    """An accepted white peace ends the war and starts a truce of `truce_turns` turns."""
    # given
    start_war(world, "alba", "bria")
    act(world, A.ProposePeace("alba", "bria", "white"))
    # when
    answer_waiting(world, "bria", accept=True)
    # then
    assert war_between(world, "alba", "bria") is None
    assert world.truces[pair("alba", "bria")] == world.rules.truce_turns
    assert not world.tributes


def test_truce_counts_down_and_ends(world):
    """A truce loses a turn at every world phase and ends when none are left."""
    # given
    war = start_war(world, "alba", "bria")
    make_peace(world, war, Terms())
    # when
    end_of_turn(world)
    # then
    assert world.truces[pair("alba", "bria")] == world.rules.truce_turns - 1
    # when
    for _ in range(world.rules.truce_turns - 1):
        end_of_turn(world)
    # then
    assert pair("alba", "bria") not in world.truces


def test_rejected_peace_keeps_the_war(world):
    """A rejected peace offer leaves the war going and is recorded as a refusal."""
    # given
    start_war(world, "alba", "bria")
    act(world, A.ProposePeace("alba", "bria"))
    # when
    answer_waiting(world, "bria", accept=False)
    # then
    assert war_between(world, "alba", "bria") is not None
    assert world.refusals[("alba", "bria", "peace")] == world.turn


def test_tribute_is_paid_each_turn_for_its_turns(world):
    """Under a tribute peace the payer pays the payee the sum every turn, for `tribute_turns` turns."""
    # given
    start_war(world, "alba", "bria")
    act(world, A.ProposePeace("alba", "bria", "tribute", tribute=2.0, payer="bria"))
    answer_waiting(world, "bria", accept=True)
    assert war_between(world, "alba", "bria") is None
    paid = 0
    # when
    for _ in range(world.rules.tribute_turns + 3):
        line = income(world, "bria").tribute
        assert income(world, "alba").tribute == -line
        if line:
            assert line == -2.0
            paid += 1
        end_of_turn(world)
    # then
    assert paid == world.rules.tribute_turns
    assert not world.tributes


@pytest.mark.parametrize(
    ("payer", "amount", "reason"),
    [
        ("cora", 1.0, Why.TRIBUTE_PAYER),
        ("bria", 0.0, Why.TRIBUTE_LIMIT),
        ("bria", -3.0, Why.TRIBUTE_LIMIT),
        ("bria", 10 * 0.5 + 0.01, Why.TRIBUTE_LIMIT),  # bria's economy is 10: at most half of it
        ("bria", float("nan"), Why.TRIBUTE_LIMIT),
    ],
)
def test_tribute_must_be_paid_by_a_side_and_be_bearable(world, payer, amount, reason):
    """A tribute is paid by one side of the war, and is more than 0 and at most half the payer's economy."""
    # given
    start_war(world, "alba", "bria")
    # when
    refused(world, A.ProposePeace("alba", "bria", "tribute", tribute=amount, payer=payer), reason)


def test_annexation_only_of_a_capitulated_region(world):
    """Only a region that has capitulated can be annexed."""
    # given
    start_war(world, "alba", "bria")
    # when / then
    refused(world, A.ProposePeace("alba", "bria", "annex"), Why.NOT_CAPITULATED)


def test_capitulated_region_takes_annexation_at_once(world):
    """The victor's annexation of a capitulated region is applied at once; no answer is needed."""
    # given
    _capitulated_war(world)
    # when
    outcome = act(world, A.ProposePeace("alba", "bria", "annex"))
    # then
    assert outcome.proposal is None
    assert world.regions["bria"].ruler == "alba"
    assert not world.regions["bria"].alive
    assert war_between(world, "alba", "bria") is None
    assert "region_annexed" in [e.kind for e in outcome.events]


def test_capitulated_region_takes_tribute_at_once(world):
    """The victor's tribute on a capitulated region is applied at once."""
    # given
    _capitulated_war(world)
    # when
    outcome = act(world, A.ProposePeace("alba", "bria", "tribute", tribute=3.0, payer="bria"))
    # then
    assert outcome.proposal is None
    assert war_between(world, "alba", "bria") is None
    assert [(t.payer, t.payee, t.amount) for t in world.tributes] == [("bria", "alba", 3.0)]


def test_capitulated_region_cannot_refuse_the_victors_terms(world):
    """A region that has capitulated must accept the victor's waiting terms; rejecting is refused."""
    # given: a tribute offer made before the collapse
    war = start_war(world, "alba", "bria")
    proposal = act(world, A.ProposePeace("alba", "bria", "tribute", tribute=2.0, payer="bria")).proposal
    assert proposal is not None
    war.capitulated = "bria"
    # when / then
    refused(world, A.Answer("bria", proposal.id, False), Why.MUST_ACCEPT_TERMS)
    act(world, A.Answer("bria", proposal.id, True))
    assert war_between(world, "alba", "bria") is None


def test_annexation_hands_over_the_region_and_all_it_ruled(world):
    """Annexation hands the loser, and every region it ruled, to the victor, with part of its wealth."""
    # given: bria already rules dova
    annex(world, "dova", "bria")
    _capitulated_war(world)
    economy = world.regions["alba"].economy
    bria_economy = world.regions["bria"].economy
    # when
    act(world, A.ProposePeace("alba", "bria", "annex"))
    # then
    assert world.regions["bria"].ruler == "alba"
    assert world.regions["dova"].ruler == "alba"
    assert world.regions["alba"].economy > economy
    assert world.regions["alba"].economy == pytest.approx(economy + 0.75 * bria_economy)


def test_annexation_cuts_all_ties_of_the_annexed(world):
    """An annexed region keeps no treaties, wars, ambassadors, embargoes, proposals or memberships."""
    # given
    sign_treaty(world, "trade", "bria", "dova")
    world.ambassadors.add(("bria", "dova"))
    world.ambassadors.add(("dova", "bria"))
    world.embargoes.add(("bria", "cora"))
    start_war(world, "bria", "cora")
    _capitulated_war(world)
    # when
    act(world, A.ProposePeace("alba", "bria", "annex"))
    # then
    assert not world.treaties_of("bria")
    assert not world.wars_of("bria")
    assert not any("bria" in link for link in world.ambassadors)
    assert not any("bria" in link for link in world.embargoes)
    assert not any("bria" in (p.sender, p.recipient) for p in world.proposals.values())
    assert all("bria" not in org.members for org in world.organisations.values())


def test_annexed_region_can_act_no_more(world):
    """An annexed region can take no action at all."""
    # given
    _capitulated_war(world)
    act(world, A.ProposePeace("alba", "bria", "annex"))
    actions = [
        A.SendAmbassador("bria", "dova"),
        A.StateVisit("bria", "dova"),
        A.ProposeTreaty("bria", "dova", "trade"),
        A.DeclareWar("bria", "dova"),
        A.SendAid("bria", "dova", 1.0),
        A.Invest("bria", "economy", 1.0),
        A.JoinOrganisation("bria", "market"),
        A.Answer("bria", 1, True),
        A.Vote("bria", 1, True),
    ]
    for action in actions:
        # when / then
        refused(world, action, Why.ACTOR_ANNEXED)


def test_annexation_moves_the_border(world):
    """After an annexation the victor borders what the annexed region bordered."""
    # given: alba does not border dova, bria does
    assert "dova" not in world.neighbours["alba"]
    _capitulated_war(world)
    # when
    act(world, A.ProposePeace("alba", "bria", "annex"))
    # then
    assert "dova" in world.neighbours["alba"]
    assert "bria" not in world.neighbours["dova"]


def test_no_actions_aimed_at_an_annexed_region(world):
    """Nothing can be aimed at a region that has been annexed."""
    # given
    _capitulated_war(world)
    act(world, A.ProposePeace("alba", "bria", "annex"))
    # when / then
    refused(world, A.SendAmbassador("dova", "bria"), Why.TARGET_ANNEXED)


def test_victor_who_imposes_no_terms_gets_a_white_peace(world):
    """A victor that imposes no terms within the grace period gets a white peace instead."""
    # given
    war = start_war(world, "alba", "bria")
    war.capitulated, war.capitulated_on = "bria", world.turn
    end_of_turn(world)
    # when
    for _ in range(world.rules.terms_grace):
        end_of_turn(world)
    # then
    assert war_between(world, "alba", "bria") is None
    assert world.regions["bria"].alive
    assert pair("alba", "bria") in world.truces


def test_peace_ends_the_wars_allies_joined_for_it(world):
    """When a side makes peace, the allies that joined its war stop fighting too."""
    # given
    sign_treaty(world, "alliance", "bria", "dova")
    act(world, A.DeclareWar("alba", "bria"))
    answer_waiting(world, "dova", accept=True, kind="call_to_arms")
    assert war_between(world, "dova", "alba") is not None
    # when
    act(world, A.ProposePeace("alba", "bria"))
    answer_waiting(world, "bria", accept=True, kind="peace")
    # then
    assert war_between(world, "dova", "alba") is None


def test_annexation_ends_the_wars_allies_joined_for_the_annexed(world):
    """When the defended region is annexed, the allies that joined its war stop fighting for it.

    `end_wars_joined_for`: allies who joined to defend one side stop fighting when that side makes
    peace; annexation is the peace that ends that side altogether.
    """
    # given
    sign_treaty(world, "alliance", "bria", "dova")
    act(world, A.DeclareWar("alba", "bria"))
    answer_waiting(world, "dova", accept=True, kind="call_to_arms")
    war = war_between(world, "alba", "bria")
    assert war is not None
    war.capitulated = "bria"
    # when
    act(world, A.ProposePeace("alba", "bria", "annex"))
    # then
    joined = [w for w in world.wars.values() if w.ally_of == "bria"]
    assert joined == [], f"dova still fights alba for the annexed bria: {joined}"


def test_contacts_survive_peace(world):
    """Peace restores normal relations: the former enemies still know each other."""
    # given
    war = start_war(world, "alba", "bria")
    # when
    make_peace(world, war, Terms())
    # then
    assert knows(world, "alba", "bria") and knows(world, "bria", "alba")


def _ally_joined_war(world):
    """alba attacks bria; bria's ally dova answers the call and fights alba too."""
    sign_treaty(world, "alliance", "bria", "dova")
    act(world, A.DeclareWar("alba", "bria"))
    answer_waiting(world, "dova", accept=True, kind="call_to_arms")
    main, joined = war_between(world, "alba", "bria"), war_between(world, "dova", "alba")
    assert main is not None and joined is not None and joined.ally_of == "bria"
    return main, joined


def test_forced_peace_also_ends_a_decided_allied_war(world):
    """When the grace for terms runs out in two linked wars at once, both end in a white peace."""
    # given: both wars were decided long enough ago that white peace is forced this world phase
    main, joined = _ally_joined_war(world)
    world.turn = 1 + world.rules.terms_grace
    main.capitulated, main.started = "bria", 1
    joined.capitulated, joined.started = "alba", 1
    # when
    end_of_turn(world)  # raised KeyError: the allied war, already ended with the main one, is ended again
    # then
    assert war_between(world, "alba", "bria") is None
    assert war_between(world, "dova", "alba") is None


def test_a_war_ended_earlier_in_the_world_phase_is_not_fought(world):
    """A war that a forced peace ended earlier in the same world phase is not fought: no losses."""
    # given: the main war's terms grace runs out this world phase; dova's allied war is undecided
    main, _joined = _ally_joined_war(world)
    world.turn = 1 + world.rules.terms_grace
    main.capitulated, main.started = "bria", 1
    military = world.regions["dova"].military
    # when
    end_of_turn(world)
    # then
    assert war_between(world, "dova", "alba") is None
    assert world.regions["dova"].military == military, "dova lost troops in a war that had already ended"
