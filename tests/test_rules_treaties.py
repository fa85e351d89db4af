"""Rulebook: treaty proposals, answers, expiry, cancellation and exclusive trade."""

from __future__ import annotations

import pytest

from game.core import actions as A
from game.core.diplomacy import sign_treaty, start_war
from game.core.economy import trade_income
from game.core.relations import modifier_value, opinion, treaty_between
from game.core.why import Why
from game.core.world import end_of_turn
from tests.conftest import act, answer_waiting, refused


@pytest.mark.parametrize("kind", ["non_aggression", "alliance", "trade", "access"])
def test_propose_treaty_needs_an_ambassador(world, kind):
    """A treaty other than peace can only be proposed where one keeps an ambassador."""
    # given: alba knows bria but has no ambassador there
    # when / then
    refused(world, A.ProposeTreaty("alba", "bria", kind), Why.TREATY_NEEDS_AMBASSADOR)


def test_propose_treaty_creates_a_waiting_proposal(world):
    """Proposing a treaty leaves a proposal for the recipient and spends a diplomatic action."""
    # given
    world.ambassadors.add(("alba", "bria"))
    left = world.regions["alba"].actions_left
    # when
    outcome = act(world, A.ProposeTreaty("alba", "bria", "trade"))
    # then
    assert outcome.proposal is not None
    assert outcome.proposal.recipient == "bria" and outcome.proposal.terms.treaty == "trade"
    assert outcome.proposal.id in world.proposals
    assert world.regions["alba"].actions_left == left - 1
    assert treaty_between(world, "alba", "bria", "trade") is None


@pytest.mark.parametrize(
    ("kind", "turns_rule"), [("non_aggression", "pact_turns"), ("alliance", "treaty_turns")]
)
def test_accepting_signs_the_treaty(world, kind, turns_rule):
    """Accepting a proposal signs the treaty for its full length; both sides like each other more."""
    # given
    world.ambassadors.add(("alba", "bria"))
    act(world, A.ProposeTreaty("alba", "bria", kind))
    # when
    outcome = answer_waiting(world, "bria", accept=True)
    # then
    treaty = treaty_between(world, "alba", "bria", kind)
    assert treaty is not None
    assert treaty.turns_left == getattr(world.rules, turns_rule)
    assert modifier_value(world, "alba", "bria", f"treaty_{kind}") > 0
    assert modifier_value(world, "bria", "alba", f"treaty_{kind}") > 0
    assert "treaty_signed" in [e.kind for e in outcome.events]
    assert not world.proposals


def test_rejecting_records_a_refusal(world):
    """Rejecting a proposal signs nothing and records the refusal with its turn."""
    # given
    world.ambassadors.add(("alba", "bria"))
    act(world, A.ProposeTreaty("alba", "bria", "alliance"))
    # when
    answer_waiting(world, "bria", accept=False)
    # then
    assert treaty_between(world, "alba", "bria", "alliance") is None
    assert world.refusals[("alba", "bria", "alliance")] == world.turn
    assert not world.proposals


def test_only_the_recipient_answers(world):
    """Only the region a proposal was sent to may answer it."""
    # given
    world.ambassadors.add(("alba", "bria"))
    proposal = act(world, A.ProposeTreaty("alba", "bria", "trade")).proposal
    assert proposal is not None
    # when / then
    refused(world, A.Answer("cora", proposal.id, True), Why.NO_SUCH_PROPOSAL)
    refused(world, A.Answer("alba", proposal.id, True), Why.NO_SUCH_PROPOSAL)


def test_one_waiting_proposal_per_pair(world):
    """While a treaty proposal between two regions waits, neither may send another."""
    # given
    world.ambassadors.add(("alba", "bria"))
    world.ambassadors.add(("bria", "alba"))
    act(world, A.ProposeTreaty("alba", "bria", "trade"))
    # when / then
    refused(world, A.ProposeTreaty("alba", "bria", "alliance"), Why.PENDING)
    refused(world, A.ProposeTreaty("bria", "alba", "alliance"), Why.PENDING)


def test_no_second_treaty_of_a_kind(world):
    """Two regions hold at most one treaty of each kind."""
    # given
    world.ambassadors.add(("alba", "bria"))
    sign_treaty(world, "alliance", "alba", "bria")
    # when / then
    refused(world, A.ProposeTreaty("alba", "bria", "alliance"), Why.HAS_TREATY)


def test_no_treaty_proposal_to_an_enemy(world):
    """No treaty is proposed to a region one is at war with."""
    # given
    start_war(world, "alba", "bria")
    world.ambassadors.add(("alba", "bria"))  # even if an ambassador were somehow there
    # when / then
    refused(world, A.ProposeTreaty("alba", "bria", "non_aggression"), Why.AT_WAR)


def test_proposals_expire(world):
    """An unanswered proposal waits `proposal_expiry` turns after the turn it was made, then lapses."""
    # given
    world.ambassadors.add(("alba", "bria"))
    proposal = act(world, A.ProposeTreaty("alba", "bria", "trade")).proposal
    assert proposal is not None
    # when
    for _ in range(world.rules.proposal_expiry):
        end_of_turn(world)
    # then: still waiting on the last turn of its time
    assert proposal.id in world.proposals
    # when
    end_of_turn(world)
    # then
    assert proposal.id not in world.proposals
    refused(world, A.Answer("bria", proposal.id, True), Why.NO_SUCH_PROPOSAL)


def test_treaty_expires_without_penalty(world):
    """A treaty ends when its turns run out, and nobody's reputation suffers for it."""
    # given
    treaty = sign_treaty(world, "non_aggression", "alba", "bria", turns=2)
    reputation = world.regions["alba"].reputation
    # when
    end_of_turn(world)
    # then
    assert treaty.id in world.treaties and world.treaties[treaty.id].turns_left == 1
    # when
    end_of_turn(world)
    # then
    assert treaty.id not in world.treaties
    assert world.regions["alba"].reputation == reputation
    assert modifier_value(world, "bria", "alba", "broke_treaty") == 0
    assert modifier_value(world, "bria", "alba", "treaty_non_aggression") == 0


def test_cancelling_early_costs_reputation_and_opinion(world):
    """Breaking a treaty early costs reputation, the partner's opinion, and the opinion of all who know."""
    # given: alba is known to bria, cora (neighbours, members) and dova (member), not to elda or fenn
    treaty = sign_treaty(world, "alliance", "alba", "bria")
    reputation = world.regions["alba"].reputation
    seen_by = {r: opinion(world, r, "alba") for r in ("cora", "dova", "elda", "fenn")}
    # when
    act(world, A.CancelTreaty("alba", treaty.id))
    # then
    assert treaty.id not in world.treaties
    assert world.regions["alba"].reputation == reputation - world.rules.break_reputation
    assert modifier_value(world, "bria", "alba", "broke_treaty") < 0
    assert modifier_value(world, "bria", "alba", "treaty_alliance") == 0
    for witness in ("cora", "dova"):  # they know alba: its fallen reputation lowers their opinion
        assert opinion(world, witness, "alba") < seen_by[witness]
    for stranger in ("elda", "fenn"):
        assert opinion(world, stranger, "alba") == pytest.approx(seen_by[stranger])


def test_cancel_only_own_treaty(world):
    """Only a party may cancel a treaty; an unknown treaty id is refused."""
    # given
    treaty = sign_treaty(world, "trade", "alba", "bria")
    # when / then
    refused(world, A.CancelTreaty("cora", treaty.id), Why.NO_SUCH_TREATY)
    refused(world, A.CancelTreaty("alba", 99999), Why.NO_SUCH_TREATY)


def test_only_trade_can_be_exclusive(world):
    """Only a trade agreement can be exclusive."""
    # given
    world.ambassadors.add(("alba", "bria"))
    # when / then
    refused(world, A.ProposeTreaty("alba", "bria", "alliance", exclusive=True), Why.ONLY_TRADE_EXCLUSIVE)


def test_an_exclusive_deal_ends_the_poorer_sides_other_trade(world):
    """Signing an exclusive trade agreement ends the poorer side's other trade agreements, as its
    terms, not as a betrayal; the richer side keeps its own partners."""
    # given: alba is richer than bria; both trade with others
    assert world.regions["alba"].economy > world.regions["bria"].economy
    world.ambassadors.add(("alba", "bria"))
    sign_treaty(world, "trade", "bria", "dova")
    sign_treaty(world, "trade", "alba", "fenn")
    reputation = world.regions["bria"].reputation
    # when
    act(world, A.ProposeTreaty("alba", "bria", "trade", exclusive=True))
    answer_waiting(world, "bria", True)
    # then
    assert treaty_between(world, "bria", "dova", "trade") is None
    assert treaty_between(world, "alba", "fenn", "trade") is not None
    assert treaty_between(world, "alba", "bria", "trade").exclusive
    assert world.regions["bria"].reputation == reputation
    assert any(e.kind == "treaty_ended" and e.get("why") == "exclusive" for e in world.events)


def test_exclusive_trade_binds_only_its_poorer_side(world):
    """The poorer side of an exclusive trade agreement signs no other trade agreement; the richer
    side keeps its freedom to trade: that is its leverage."""
    # given
    for envoy in (("alba", "cora"), ("alba", "bria"), ("bria", "dova")):
        world.ambassadors.add(envoy)
    sign_treaty(world, "trade", "alba", "bria", exclusive=True)
    # when / then
    refused(world, A.ProposeTreaty("bria", "dova", "trade"), Why.BOUND_EXCLUSIVE)
    refused(world, A.ProposeTreaty("alba", "bria", "trade", exclusive=True), Why.HAS_TREATY)
    act(world, A.ProposeTreaty("alba", "cora", "trade"))


def test_treaty_conflict_rechecked_on_acceptance(world):
    """A proposal that became impossible while it waited cannot be accepted."""
    # given
    world.ambassadors.add(("alba", "bria"))
    proposal = act(world, A.ProposeTreaty("alba", "bria", "trade", exclusive=True)).proposal
    assert proposal is not None
    sign_treaty(world, "trade", "bria", "dova", exclusive=True)  # bria, the poorer, is bound
    # when / then
    refused(world, A.Answer("bria", proposal.id, True), Why.BOUND_EXCLUSIVE)


def test_exclusive_trade_pays_more(world):
    """An exclusive trade agreement pays more than an ordinary one."""
    # given
    ordinary = sign_treaty(world, "trade", "alba", "bria")
    plain_income = trade_income(world, ordinary, "alba")
    world.remove_treaty(ordinary)
    # when
    exclusive = sign_treaty(world, "trade", "alba", "bria", exclusive=True)
    # then
    assert trade_income(world, exclusive, "alba") > plain_income


def test_the_treaties_and_wars_of_a_region_follow_signing_war_and_peace(world):
    """A region's treaties and wars, oldest first, are kept between changes: what is signed,
    cancelled, declared or ended shows at once, for both sides."""
    from game.core.diplomacy import make_peace
    from game.core.model import Terms

    # given: alba's treaties and wars have been read
    assert world.treaties_of("alba") == [] and world.wars_of("bria") == []
    # when: alba signs two treaties
    first = sign_treaty(world, "trade", "alba", "bria")
    second = sign_treaty(world, "non_aggression", "alba", "cora")
    # then both sides see them, oldest first
    assert world.treaties_of("alba") == [first, second]
    assert world.treaties_of("bria") == [first] and world.treaties_of("cora") == [second]
    # when: alba cancels the first, and a change to what is read changes nothing kept
    world.treaties_of("alba").clear()
    act(world, A.CancelTreaty("alba", first.id))
    # then
    assert world.treaties_of("alba") == [second] and world.treaties_of("bria") == []
    # when: war comes and goes
    war = start_war(world, "dova", "bria")
    assert world.wars_of("bria") == [war] and world.wars_of("dova") == [war]
    make_peace(world, war, Terms())
    # then
    assert world.wars_of("bria") == [] and world.wars_of("dova") == []
