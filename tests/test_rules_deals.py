"""Rulebook: deals (several terms on either side in one proposal) and counter-offers to them."""

from __future__ import annotations

import pytest

from game.core import actions as A
from game.core.diplomacy import sign_treaty, start_war
from game.core.economy import income
from game.core.model import GameState, Term, pair
from game.core.news import describe
from game.core.relations import at_war, treaty_between
from game.core.why import Why
from game.core.world import end_of_turn
from tests.conftest import act, answer_waiting, refused

TRADE = Term("treaty", treaty="trade")
PACT = Term("treaty", treaty="non_aggression")


def _envoy(world: GameState, a: str = "alba", b: str = "bria") -> None:
    world.ambassadors.add((a, b))


def _deal(world: GameState, *terms: Term, sender: str = "alba", target: str = "bria") -> int:
    outcome = act(world, A.ProposeDeal(sender, target, terms))
    assert outcome.proposal is not None
    return outcome.proposal.id


def test_a_deal_needs_an_ambassador(world):
    """A deal, like a treaty, is proposed only where one keeps an ambassador."""
    refused(world, A.ProposeDeal("alba", "bria", (TRADE,)), Why.DEAL_NEEDS_AMBASSADOR)


def test_a_deal_of_two_treaties_signs_both_on_acceptance(world):
    """Accepting a deal signs every treaty in it; proposing uses one diplomatic action."""
    # given
    _envoy(world)
    left = world.regions["alba"].actions_left
    # when
    _deal(world, PACT, TRADE)
    outcome = answer_waiting(world, "bria", accept=True)
    # then
    assert world.regions["alba"].actions_left == left - 1
    assert treaty_between(world, "alba", "bria", "non_aggression") is not None
    assert treaty_between(world, "alba", "bria", "trade") is not None
    assert [e.kind for e in outcome.events][:1] == ["deal_struck"]


def test_a_treaty_in_a_deal_may_be_shorter_and_trade_exclusive(world):
    """A treaty in a deal lasts the turns it names (the rules' length when it names none), and
    trade in a deal may be exclusive."""
    _envoy(world)
    _deal(world, Term("treaty", treaty="trade", exclusive=True, turns=5))
    answer_waiting(world, "bria")
    treaty = treaty_between(world, "alba", "bria", "trade")
    assert treaty is not None and treaty.turns_left == 5 and treaty.exclusive
    refused(
        world,
        A.ProposeDeal("alba", "bria", (Term("treaty", treaty="alliance", turns=99),)),
        Why.DEAL_TREATY_TURNS,
    )


def test_a_treaty_term_obeys_the_treaty_rules(world):
    """A treaty already in force, or exclusivity on anything but trade, is refused in a deal too."""
    _envoy(world)
    sign_treaty(world, "trade", "alba", "bria")
    refused(world, A.ProposeDeal("alba", "bria", (TRADE,)), Why.HAS_TREATY)
    refused(
        world,
        A.ProposeDeal("alba", "bria", (Term("treaty", treaty="access", exclusive=True),)),
        Why.ONLY_TRADE_EXCLUSIVE,
    )


def test_gold_now_is_paid_on_acceptance(world):
    """Gold now passes from the giver's treasury to the other side's when the deal is accepted."""
    _envoy(world)
    _deal(world, TRADE, Term("gold", giver="alba", gold=30.0))
    alba, bria = world.regions["alba"].treasury, world.regions["bria"].treasury
    answer_waiting(world, "bria")
    assert world.regions["alba"].treasury == alba - 30.0
    assert world.regions["bria"].treasury == bria + 30.0


def test_gold_the_giver_cannot_pay_is_refused_when_offered_and_when_accepted(world):
    """The proposer may not offer more gold than it holds; and a deal whose gold a side can no
    longer pay when it is accepted cannot be accepted (conditions change between)."""
    _envoy(world)
    refused(
        world, A.ProposeDeal("alba", "bria", (Term("gold", giver="alba", gold=500.0),)), Why.DEAL_CANNOT_PAY
    )
    deal = _deal(world, TRADE, Term("gold", giver="alba", gold=60.0))
    world.regions["alba"].treasury = 10.0
    refused(world, A.Answer("bria", deal, True), Why.DEAL_CANNOT_PAY)
    # asking the recipient for gold it does not have is allowed to offer (its treasury is hidden)
    world.regions["alba"].treasury = 100.0
    act(world, A.Answer("bria", deal, False))
    world.regions["bria"].treasury = 5.0
    asked = _deal(world, TRADE, Term("gold", giver="bria", gold=40.0))
    refused(world, A.Answer("bria", asked, True), Why.DEAL_CANNOT_PAY)


def test_gold_per_turn_is_paid_each_turn_for_its_turns(world):
    """Gold each turn is a payment from the giver's income to the other's for as many turns as agreed."""
    _envoy(world)
    _deal(world, PACT, Term("gold_per_turn", giver="alba", gold=4.0, turns=2))
    answer_waiting(world, "bria")
    assert income(world, "bria").tribute == 4.0 and income(world, "alba").tribute == -4.0
    end_of_turn(world)
    end_of_turn(world)
    assert income(world, "bria").tribute == 0.0


def test_gold_per_turn_has_limits(world):
    """At most max_tribute_share of the payer's economy a turn, for 1 to deal_payment_turns turns."""
    _envoy(world)
    most = world.regions["alba"].economy * world.rules.max_tribute_share
    refused(
        world,
        A.ProposeDeal("alba", "bria", (Term("gold_per_turn", giver="alba", gold=most + 1, turns=3),)),
        Why.TRIBUTE_LIMIT,
    )
    refused(
        world,
        A.ProposeDeal("alba", "bria", (Term("gold_per_turn", giver="alba", gold=1.0, turns=0),)),
        Why.DEAL_PAYMENT_TURNS,
    )


def test_lifting_an_embargo_in_a_deal_lets_trade_and_gold_follow(world):
    """An embargo stands in the way of trade and gold, unless the same deal lifts it."""
    _envoy(world)
    world.embargoes.add(("bria", "alba"))
    refused(world, A.ProposeDeal("alba", "bria", (TRADE,)), Why.EMBARGO_BETWEEN)
    refused(
        world, A.ProposeDeal("alba", "bria", (Term("gold", giver="alba", gold=5.0),)), Why.EMBARGO_BETWEEN
    )
    _deal(world, Term("lift_embargo", giver="bria"), TRADE, Term("gold", giver="alba", gold=5.0))
    answer_waiting(world, "bria")
    assert ("bria", "alba") not in world.embargoes
    assert treaty_between(world, "alba", "bria", "trade") is not None


def test_an_embargo_lifted_in_a_deal_is_pledged_away_for_a_while(world):
    """bria, paid to lift its embargo on alba, pledges to impose none on alba for
    `embargo_pledge_turns` turns, nor to join another's on it: the lifting it sold cannot be sold
    again the next turn. When the pledge runs out, it may embargo alba again."""
    # given: bria's embargo on alba, bought off with gold
    _envoy(world)
    world.embargoes.add(("bria", "alba"))
    world.ambassadors.add(("cora", "bria"))
    world.embargoes.add(("cora", "alba"))
    _deal(world, Term("lift_embargo", giver="bria"), Term("gold", giver="alba", gold=5.0))
    outcome = answer_waiting(world, "bria")
    pledged = world.rules.embargo_pledge_turns
    assert ("bria", "alba") not in world.embargoes
    lifted = [str(describe(e)) for e in outcome.events if e.kind == "embargo_lifted"]
    assert lifted == ["bria lifts its embargo on alba, pledged to impose none for 10 turns."]
    # then: no embargo, neither its own nor joined, while the pledge stands
    for _ in range(pledged - 1):
        end_of_turn(world)
        refused(world, A.ImposeEmbargo("bria", "alba"), Why.PLEDGED)
        refused(
            world,
            A.ProposeDeal("cora", "bria", (Term("join_embargo", "bria", about="alba"),)),
            Why.DEAL_PLEDGED,
        )
    # and after it
    end_of_turn(world)
    act(world, A.ImposeEmbargo("bria", "alba"))
    assert ("bria", "alba") in world.embargoes


def test_an_embargo_lifted_of_its_own_accord_pledges_nothing(world):
    """Lifting an embargo by itself, with nothing bought, leaves the region free to impose it again."""
    world.embargoes.add(("bria", "alba"))
    act(world, A.LiftEmbargo("bria", "alba"))
    act(world, A.ImposeEmbargo("bria", "alba"))
    assert ("bria", "alba") in world.embargoes


def test_only_an_embargo_that_stands_can_be_lifted(world):
    _envoy(world)
    refused(world, A.ProposeDeal("alba", "bria", (Term("lift_embargo", giver="bria"),)), Why.DEAL_NO_EMBARGO)


def test_joining_an_embargo_on_a_third_region(world):
    """A side may join the other's embargo on a third region: it then holds one of its own, with
    what an embargo costs (its trade with that region ends)."""
    _envoy(world)
    world.embargoes.add(("alba", "cora"))
    sign_treaty(world, "trade", "bria", "dova")
    world.regions["bria"].contacts.add("dova")
    refused(
        world,
        A.ProposeDeal("alba", "bria", (Term("join_embargo", giver="bria", about="dova"),)),
        Why.DEAL_NOTHING_TO_JOIN,
    )
    refused(
        world,
        A.ProposeDeal("alba", "bria", (Term("join_embargo", giver="bria", about="alba"),)),
        Why.DEAL_EMBARGO_THIRD,
    )
    world.embargoes.add(("alba", "dova"))
    _deal(world, PACT, Term("join_embargo", giver="bria", about="dova"))
    outcome = answer_waiting(world, "bria")
    assert ("bria", "dova") in world.embargoes
    assert treaty_between(world, "bria", "dova", "trade") is None
    assert any(e.kind == "embargo_imposed" and e.get("deal_with") == "alba" for e in outcome.events)
    refused(
        world,
        A.ProposeDeal("alba", "bria", (Term("join_embargo", giver="bria", about="dova"),)),
        Why.DEAL_ALREADY_EMBARGOING,
    )


def test_a_deal_has_a_size_and_no_term_twice(world):
    _envoy(world)
    refused(world, A.ProposeDeal("alba", "bria", ()), Why.DEAL_SIZE)
    refused(world, A.ProposeDeal("alba", "bria", (TRADE, TRADE)), Why.DEAL_TERM_TWICE)
    twice = (Term("treaty", treaty="trade", turns=5), Term("treaty", treaty="trade", exclusive=True))
    refused(world, A.ProposeDeal("alba", "bria", twice), Why.DEAL_TERM_TWICE)
    gold = (Term("gold", "alba", gold=5.0), Term("gold", "alba", gold=5.0, about="cora"))
    refused(world, A.ProposeDeal("alba", "bria", gold), Why.DEAL_TERM_TWICE)
    refused(world, A.ProposeDeal("alba", "bria", (Term("gold", giver="cora", gold=5.0),)), Why.DEAL_BAD_TERM)


def test_one_deal_at_a_time_between_two_regions(world):
    _envoy(world)
    _envoy(world, "bria", "alba")
    _deal(world, TRADE)
    refused(world, A.ProposeDeal("alba", "bria", (PACT,)), Why.PENDING)
    refused(world, A.ProposeDeal("bria", "alba", (PACT,)), Why.PENDING)


def test_a_deal_is_checked_again_when_accepted(world):
    """What changed since the offer counts: a treaty signed meanwhile, or a war between the sides."""
    _envoy(world)
    deal = _deal(world, PACT)
    sign_treaty(world, "non_aggression", "alba", "bria")
    refused(world, A.Answer("bria", deal, True), Why.HAS_TREATY)
    act(world, A.Answer("bria", deal, False))
    deal = _deal(world, TRADE)
    start_war(world, "bria", "alba")
    refused(world, A.Answer("bria", deal, True), Why.DEAL_NEEDS_PEACE)


def test_a_declined_deal_is_remembered_for_the_turn(world):
    """Declining a deal records the refusal and counts the proposer's asks this turn; the count
    is forgotten when the turn ends."""
    _envoy(world)
    _deal(world, TRADE)
    answer_waiting(world, "bria", accept=False)
    assert world.refusals[("alba", "bria", "deal")] == world.turn
    assert world.deal_asks[("alba", "bria")] == 1
    end_of_turn(world)
    assert world.deal_asks == {}


# --- counter-offers --------------------------------------------------------------------------------
def test_a_counter_offer_declines_and_sends_other_terms_back(world):
    """The recipient of a deal may decline it with a counter-offer: a deal from it to the proposer,
    one round on, linked to the deal it answers; the proposer may accept it."""
    _envoy(world)
    deal = _deal(world, TRADE)
    counter = (TRADE, Term("gold", giver="alba", gold=20.0))
    outcome = act(world, A.Answer("bria", deal, False, counter))
    sent = outcome.proposal
    assert sent is not None and deal not in world.proposals
    assert (sent.sender, sent.recipient, sent.kind) == ("bria", "alba", "deal")
    assert sent.terms.deal == counter and sent.terms.round == 1 and sent.terms.counter_of == deal
    assert [e.kind for e in outcome.events] == ["counter_offer"]
    struck = answer_waiting(world, "alba")
    assert treaty_between(world, "alba", "bria", "trade") is not None
    assert any(e.kind == "deal_struck" and e.get("counter") for e in struck.events)


def test_counter_offers_only_answer_deals_and_only_decline(world):
    _envoy(world)
    act(world, A.ProposeTreaty("alba", "bria", "trade"))
    treaty = next(iter(world.proposals))
    refused(world, A.Answer("bria", treaty, False, (TRADE,)), Why.COUNTER_ONLY_DEALS)
    act(world, A.Answer("bria", treaty, False))
    deal = _deal(world, PACT)
    refused(world, A.Answer("bria", deal, True, (PACT,)), Why.COUNTER_DECLINES)
    refused(
        world, A.Answer("bria", deal, False, (Term("gold", giver="bria", gold=500.0),)), Why.DEAL_CANNOT_PAY
    )


@pytest.mark.parametrize("rounds", [0, 2])
def test_counter_offers_go_a_bounded_number_of_rounds(make_world, rounds):
    """After deal_rounds counter-offers the deal must be accepted or declined."""
    world = make_world(rules={"deal_rounds": rounds})
    _envoy(world)
    waiting = _deal(world, TRADE)
    for done in range(rounds):
        proposal = world.proposals[waiting]
        sent = act(world, A.Answer(proposal.recipient, waiting, False, (TRADE,))).proposal
        assert sent is not None and sent.terms.round == done + 1
        waiting = sent.id
    proposal = world.proposals[waiting]
    refused(world, A.Answer(proposal.recipient, waiting, False, (TRADE,)), Why.DEAL_ROUNDS_OVER)


def test_leaving_an_exclusive_deal_frees_the_bound_side_to_trade(world):
    """A region bound by an exclusive trade agreement may leave it in a deal, and trade with the
    other side in the same deal; leaving breaks its word, as cancelling the treaty would."""
    # given: bria (the poorer side) is bound to dova by an exclusive deal
    _envoy(world)
    sign_treaty(world, "trade", "bria", "dova", exclusive=True)
    world.treaties_of("bria")[0].bound = "bria"
    reputation = world.regions["bria"].reputation
    refused(world, A.ProposeDeal("alba", "bria", (TRADE,)), Why.BOUND_EXCLUSIVE)
    refused(
        world,
        A.ProposeDeal("alba", "bria", (Term("leave_exclusive", giver="bria", about="cora"), TRADE)),
        Why.DEAL_NO_EXCLUSIVE,
    )
    # when
    _deal(world, Term("leave_exclusive", giver="bria", about="dova"), TRADE)
    outcome = answer_waiting(world, "bria")
    # then
    assert treaty_between(world, "bria", "dova", "trade") is None
    assert treaty_between(world, "alba", "bria", "trade") is not None
    assert world.regions["bria"].reputation < reputation
    assert any(e.kind == "treaty_cancelled" and e.actors == ("bria", "dova") for e in outcome.events)


# --- peace, alliances, wars and ambassadors in a deal ----------------------------------------------
PEACE = Term("peace")


def test_two_regions_at_war_strike_only_a_deal_that_makes_peace(world):
    """At war, a deal must hold a peace, and needs no ambassador (enemies can always talk peace);
    at peace, a deal holds none."""
    _envoy(world, "alba", "cora")
    refused(world, A.ProposeDeal("alba", "cora", (PEACE,)), Why.DEAL_NO_WAR)
    start_war(world, "alba", "bria")
    refused(world, A.ProposeDeal("alba", "bria", (Term("gold", "alba", gold=5.0),)), Why.DEAL_NEEDS_PEACE)
    refused(world, A.ProposeDeal("alba", "bria", (PEACE, PEACE)), Why.DEAL_TERM_TWICE)
    refused(world, A.ProposeDeal("alba", "bria", (Term("peace", giver="alba"),)), Why.DEAL_BAD_TERM)
    _deal(world, PEACE, Term("gold", "alba", gold=5.0))


def test_a_peace_with_reparations_ends_the_war_then_the_gold_is_paid(world):
    """A peace in a deal ends the war as a white peace proposed would, with the rules' truce when it
    names no length; the rest of the deal follows the peace: the reparations are paid after it."""
    # given: alba attacked bria
    start_war(world, "alba", "bria")
    alba, bria = world.regions["alba"].treasury, world.regions["bria"].treasury
    # when: alba offers peace and 30 gold of reparations, and bria accepts
    _deal(world, Term("gold", "alba", gold=30.0), PEACE)
    outcome = answer_waiting(world, "bria")
    # then
    assert not at_war(world, "alba", "bria")
    assert world.truces[pair("alba", "bria")] == world.rules.truce_turns
    assert world.regions["alba"].treasury == alba - 30.0 and world.regions["bria"].treasury == bria + 30.0
    kinds = [e.kind for e in outcome.events]
    assert kinds.index("peace_signed") < kinds.index("deal_gold")
    peace = next(e for e in outcome.events if e.kind == "peace_signed")
    assert describe(peace).render(str.capitalize) == (
        f"Alba and Bria make peace in a deal, with a truce of {world.rules.truce_turns} turns."
    )


def test_a_peace_in_a_deal_names_its_truce_within_bounds(world):
    """The truce lasts the turns the peace names, at most twice the rules' truce."""
    start_war(world, "alba", "bria")
    most = 2 * world.rules.truce_turns
    refused(world, A.ProposeDeal("alba", "bria", (Term("peace", turns=most + 1),)), Why.DEAL_TRUCE_TURNS)
    _deal(world, Term("peace", turns=most))
    answer_waiting(world, "bria")
    assert world.truces[pair("alba", "bria")] == most


def test_a_peace_in_a_deal_ends_the_wars_allies_joined_for_either_side(world):
    """Allies who joined to defend a side stop fighting when it makes peace, in a deal as elsewhere."""
    start_war(world, "alba", "bria")
    start_war(world, "dova", "alba", ally_of="bria")
    _deal(world, PEACE)
    answer_waiting(world, "bria")
    assert not at_war(world, "alba", "bria") and not at_war(world, "alba", "dova")


def test_a_peace_deal_is_checked_again_when_accepted(world):
    """A peace made meanwhile leaves the deal's peace nothing to end: it cannot be accepted."""
    start_war(world, "alba", "bria")
    deal = _deal(world, PEACE)
    act(world, A.ProposePeace("alba", "bria", "white"))
    answer_waiting(world, "bria", kind="peace")
    refused(world, A.Answer("bria", deal, True), Why.DEAL_NO_WAR)


def test_leaving_an_alliance_in_a_deal_breaks_it_as_cancelling_would(world):
    """A side may leave its alliance with a third region in a deal; it breaks its word, as
    cancelling the alliance would."""
    _envoy(world)
    sign_treaty(world, "alliance", "bria", "dova")
    reputation = world.regions["bria"].reputation
    refused(
        world,
        A.ProposeDeal("alba", "bria", (Term("leave_alliance", "bria", about="cora"), PACT)),
        Why.DEAL_NO_ALLIANCE,
    )
    refused(
        world, A.ProposeDeal("alba", "bria", (Term("leave_alliance", "bria", about="alba"),)), Why.DEAL_THIRD
    )
    _deal(world, Term("leave_alliance", "bria", about="dova"), PACT)
    outcome = answer_waiting(world, "bria")
    assert treaty_between(world, "bria", "dova", "alliance") is None
    assert world.regions["bria"].reputation < reputation
    assert any(e.kind == "treaty_cancelled" and e.actors == ("bria", "dova") for e in outcome.events)


def test_joining_a_war_in_a_deal_is_a_declaration_of_war(world):
    """A side may join the other's war on a third region: it declares war on it, an aggression
    like any other declaration (reputation falls, the victim's allies are called)."""
    # given: alba is at war with dova, whose ally is cora
    _envoy(world)
    start_war(world, "alba", "dova")
    sign_treaty(world, "alliance", "dova", "fenn")
    world.regions["bria"].contacts.add("dova")
    reputation = world.regions["bria"].reputation
    # when
    _deal(world, Term("join_war", "bria", about="dova"), Term("gold", "alba", gold=20.0))
    outcome = answer_waiting(world, "bria")
    # then
    assert at_war(world, "bria", "dova")
    assert world.regions["bria"].reputation < reputation
    assert any(e.kind == "war_declared" and e.actors == ("bria", "dova") for e in outcome.events)
    assert any(p.kind == "call_to_arms" and p.recipient == "fenn" for p in world.proposals.values())


def test_a_war_joined_in_a_deal_obeys_what_refuses_a_declaration(world):
    """The other side must be at war with the third region; the giver may not be the third, its
    ally, at war with it already, or bound to it by a truce or a pact, nor unable to declare war
    at all (its army and treasury count when the deal is accepted, as the proposer cannot know
    them before)."""
    _envoy(world)
    world.regions["bria"].contacts.add("dova")
    join = (Term("join_war", "bria", about="dova"),)
    refused(world, A.ProposeDeal("alba", "bria", join), Why.DEAL_NOT_AT_WAR_WITH)
    start_war(world, "alba", "dova")
    refused(world, A.ProposeDeal("alba", "bria", (Term("join_war", "bria", about="alba"),)), Why.DEAL_THIRD)
    sign_treaty(world, "alliance", "bria", "dova")
    refused(world, A.ProposeDeal("alba", "bria", join), Why.DEAL_ALLY_OF)
    world.remove_treaty(world.treaties_of("bria")[0])
    sign_treaty(world, "non_aggression", "bria", "dova")
    refused(world, A.ProposeDeal("alba", "bria", join), Why.DEAL_PACT_WITH)
    world.remove_treaty(world.treaties_of("bria")[0])
    world.truces[pair("bria", "dova")] = 3
    refused(world, A.ProposeDeal("alba", "bria", join), Why.DEAL_TRUCE_WITH)
    del world.truces[pair("bria", "dova")]
    war = start_war(world, "bria", "dova")
    refused(world, A.ProposeDeal("alba", "bria", join), Why.DEAL_ALREADY_AT_WAR)
    world.remove_war(war)
    world.regions["bria"].military = 0.0
    deal = _deal(world, *join)
    refused(world, A.Answer("bria", deal, True), Why.ARMY_TOO_SMALL)
    act(world, A.Answer("bria", deal, False))
    start_war(world, "bria", "cora")  # the proposer's own army counts when it offers
    world.regions["alba"].military = 0.0
    own = (Term("join_war", "alba", about="cora"),)
    refused(world, A.ProposeDeal("alba", "bria", own), Why.ARMY_TOO_SMALL)


def test_an_ambassador_sent_in_a_deal_takes_up_its_post_and_its_upkeep(world):
    """A side may send an ambassador to the other in a deal; its upkeep is paid as usual. One
    already there cannot be sent again."""
    _envoy(world)
    upkeep = income(world, "bria").upkeep
    _deal(world, Term("ambassador", "bria"), PACT)
    outcome = answer_waiting(world, "bria")
    assert ("bria", "alba") in world.ambassadors
    assert income(world, "bria").upkeep == upkeep + world.rules.ambassador_upkeep
    assert any(e.kind == "ambassador_sent" and e.actors == ("bria", "alba") for e in outcome.events)
    refused(
        world, A.ProposeDeal("alba", "bria", (Term("ambassador", "bria"), TRADE)), Why.DEAL_HAS_AMBASSADOR
    )
