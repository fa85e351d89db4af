"""Rulebook: organisations (membership, sessions, votes, condemnations, sanctions, tariffs, rogues).

In the test world the `council` (security) sits every 3 turns with alba, bria, cora and dova; the
`market` (trade) sits every 4 turns with alba, bria and cora; rogue_turns is 3.
"""

from __future__ import annotations

import pytest

from game.core import actions as A
from game.core.diplomacy import make_peace, sign_treaty, start_war
from game.core.economy import income, trade_income
from game.core.model import Terms
from game.core.relations import knows, modifier_value, war_between
from game.core.why import Why
from game.core.world import end_of_turn
from tests.conftest import act, refused


def _run_to(world, turn):
    while world.turn < turn:
        end_of_turn(world)


def _strong(world, *regions):
    """Armies large enough that a war between them lasts many turns."""
    for region in regions:
        world.regions[region].military = 400.0


def _resolutions(world, kind):
    return sorted((r for r in world.resolutions.values() if r.kind == kind), key=lambda r: r.id)


# --- membership -----------------------------------------------------------------------------------


def _apply(world, region, org):
    act(world, A.JoinOrganisation(region, org))
    [motion] = [r for r in world.resolutions.values() if r.kind == "admit" and r.target == region]
    return motion


def test_joining_is_an_application_the_members_vote_on(world):
    """Applying puts the region's admission to the members at once; it is admitted when more than
    half of them vote yes at the end of the next turn, and then knows them all."""
    # given: elda borders cora, a council member, but does not know alba
    assert not knows(world, "elda", "alba")
    # when
    motion = _apply(world, "elda", "council")
    # then
    assert "elda" not in world.organisations["council"].members
    refused(world, A.JoinOrganisation("elda", "council"), Why.APPLICATION_PENDING)
    # when
    for member in ("alba", "bria", "cora"):
        act(world, A.Vote(member, motion.id, True))
    end_of_turn(world)
    end_of_turn(world)
    # then
    assert "elda" in world.organisations["council"].members
    assert knows(world, "elda", "alba") and knows(world, "alba", "elda")


def test_members_may_turn_an_applicant_down(world):
    """An application without the yes of more than half the members fails: no seat."""
    # given
    motion = _apply(world, "elda", "council")
    act(world, A.Vote("alba", motion.id, True))
    act(world, A.Vote("bria", motion.id, False))
    # when
    end_of_turn(world)
    end_of_turn(world)
    # then
    assert "elda" not in world.organisations["council"].members
    assert [e.kind for e in world.events if e.get("resolution") == "admit"][-1] == "resolution_failed"


def test_an_applicant_does_not_vote_on_itself(world):
    """The region a resolution is about has no vote on it."""
    # given
    motion = _apply(world, "fenn", "market")
    # when / then
    refused(world, A.Vote("fenn", motion.id, True), Why.ONLY_MEMBERS_VOTE)


def test_rogue_regions_are_not_admitted(world):
    """A region marked rogue is not admitted to any organisation."""
    # given
    world.regions["elda"].rogue_turns = 2
    # when / then
    refused(world, A.JoinOrganisation("elda", "council"), Why.ROGUE_NOT_ADMITTED)


def test_no_joining_twice_or_an_unknown_body(world):
    """A member cannot join again, and there is no joining an organisation that does not exist."""
    # given / when / then
    refused(world, A.JoinOrganisation("alba", "council"), Why.ALREADY_MEMBER)
    refused(world, A.JoinOrganisation("alba", "nowhere"), Why.NO_SUCH_ORGANISATION)


def test_leave_organisation(world):
    """A member may leave; the remaining members think a little less of it."""
    # given
    # when
    act(world, A.LeaveOrganisation("dova", "council"))
    # then
    assert "dova" not in world.organisations["council"].members
    for member in ("alba", "bria", "cora"):
        assert modifier_value(world, member, "dova", "left_organisation") < 0
    refused(world, A.LeaveOrganisation("dova", "council"), Why.NOT_MEMBER)


# --- sessions and votes -------------------------------------------------------------------------


def test_sessions_open_resolutions_every_k_turns(world):
    """A security body sits every `session_every` turns and opens a motion against each new aggressor."""
    # given
    _strong(world, "elda", "fenn")
    start_war(world, "elda", "fenn")
    # when
    _run_to(world, 3)
    # then: no session on turns 1 and 2
    assert not world.resolutions
    # when
    end_of_turn(world)
    # then: the session at the end of turn 3
    [motion] = _resolutions(world, "condemn_aggression")
    assert motion.org == "council" and motion.target == "elda" and motion.opened == 3


def test_votes_are_cast_the_next_turn_by_members_once(world):
    """Members vote on a motion in the turn after the session; non-members cannot, nobody votes twice."""
    # given
    _strong(world, "elda", "fenn")
    start_war(world, "elda", "fenn")
    _run_to(world, 4)
    [motion] = _resolutions(world, "condemn_aggression")
    # when
    act(world, A.Vote("alba", motion.id, True))
    # then
    assert motion.votes == {"alba": True}
    refused(world, A.Vote("alba", motion.id, False), Why.ALREADY_VOTED)
    refused(world, A.Vote("fenn", motion.id, False), Why.ONLY_MEMBERS_VOTE)
    refused(world, A.Vote("alba", 99999, True), Why.NO_SUCH_RESOLUTION)
    # when: the turn ends
    end_of_turn(world)
    # then: the motion is closed
    assert motion.id not in world.resolutions


def test_voting_is_free(world):
    """Voting does not spend a diplomatic action."""
    # given
    _strong(world, "elda", "fenn")
    start_war(world, "elda", "fenn")
    _run_to(world, 4)
    [motion] = _resolutions(world, "condemn_aggression")
    left = world.regions["alba"].actions_left
    # when
    act(world, A.Vote("alba", motion.id, True))
    # then
    assert world.regions["alba"].actions_left == left


def test_passed_condemnation_lowers_opinion_and_reputation(world):
    """A passed condemnation lowers the aggressor's reputation and the members' opinion of it."""
    # given
    _strong(world, "elda", "fenn")
    start_war(world, "elda", "fenn")
    _run_to(world, 4)
    [motion] = _resolutions(world, "condemn_aggression")
    reputation = world.regions["elda"].reputation
    act(world, A.Vote("alba", motion.id, True))
    act(world, A.Vote("bria", motion.id, True))
    act(world, A.Vote("cora", motion.id, True))
    world.rules = world.rules.model_copy(update={"sanction_share": 0.9})
    # when
    end_of_turn(world)
    # then
    assert world.regions["elda"].reputation < reputation
    for member in ("alba", "bria", "cora", "dova"):
        assert modifier_value(world, member, "elda", "condemned") < 0
    assert not any(on == "elda" for _, on in world.embargoes)  # 3 of 4 is short of nine tenths


def test_failed_condemnation_changes_nothing(world):
    """A motion with no more yes than no votes fails and has no effect."""
    # given
    _strong(world, "elda", "fenn")
    start_war(world, "elda", "fenn")
    _run_to(world, 4)
    [motion] = _resolutions(world, "condemn_aggression")
    reputation = world.regions["elda"].reputation
    act(world, A.Vote("alba", motion.id, True))
    act(world, A.Vote("bria", motion.id, False))
    # when
    end_of_turn(world)
    # then
    assert world.regions["elda"].reputation == reputation
    assert modifier_value(world, "alba", "elda", "condemned") == 0
    assert "elda" not in world.organisations["council"].demands


def test_two_thirds_bring_sanctions(world):
    """A condemnation carried by two thirds of the members brings sanctions: every member embargoes."""
    # given
    _strong(world, "elda", "fenn")
    start_war(world, "elda", "fenn")
    sign_treaty(world, "trade", "cora", "elda")
    _run_to(world, 4)
    [motion] = _resolutions(world, "condemn_aggression")
    for member in ("alba", "bria", "cora"):
        act(world, A.Vote(member, motion.id, True))
    # when
    end_of_turn(world)
    # then
    for member in ("alba", "bria", "cora", "dova"):
        assert (member, "elda") in world.embargoes
    assert not [t for t in world.treaties_of("elda") if t.kind == "trade"]  # sanctions end trade


def test_each_war_is_put_to_the_vote_once(world):
    """The security body condemns each war of aggression once; a capitulation does not make it a new war."""
    # given: the motion on elda's war was opened at turn 3 and closed at turn 4
    _strong(world, "elda", "fenn")
    war = start_war(world, "elda", "fenn")
    _run_to(world, 5)
    opened = [e for e in world.events if e.kind == "resolution_opened"]
    assert len(opened) == 1
    # when: fenn capitulates on turn 5, and the council sits again at the end of turn 6
    war.capitulated, war.capitulated_on = "fenn", world.turn
    _run_to(world, 7)
    # then
    again = [r for r in world.resolutions.values() if r.subject == war.id]
    assert again == [], "the council opened a second motion on the same war after the capitulation"


def test_allies_joining_a_war_are_not_condemned(world):
    """Regions that joined a war to defend an ally are not put to the vote as aggressors."""
    # given
    _strong(world, "elda", "fenn", "dova")
    start_war(world, "elda", "fenn")
    start_war(world, "dova", "elda", ally_of="fenn")
    # when
    _run_to(world, 4)
    # then
    assert [r.target for r in _resolutions(world, "condemn_aggression")] == ["elda"]


# --- the trade body -------------------------------------------------------------------------------


def _lopsided_deal(world):
    """alba (economy 20) and bria (economy 10) trade exclusively: alba earns twice what bria does."""
    treaty = sign_treaty(world, "trade", "alba", "bria", exclusive=True)
    ratio = trade_income(world, treaty, "alba") / trade_income(world, treaty, "bria")
    assert ratio >= world.rules.leverage_threshold
    return treaty


def test_trade_body_reviews_lopsided_exclusive_deals(world):
    """At its session a trade body opens a motion against the richer party of a lopsided exclusive deal."""
    # given
    treaty = _lopsided_deal(world)
    # when
    _run_to(world, 5)  # the market sits at the end of turn 4
    # then
    [motion] = _resolutions(world, "condemn_deal")
    assert motion.org == "market" and motion.target == "alba" and motion.subject == treaty.id


def test_trade_body_ignores_balanced_or_open_deals(world):
    """Deals that are not exclusive, or not lopsided, are not put to the vote."""
    # given
    sign_treaty(world, "trade", "alba", "cora")  # lopsided but open
    world.regions["bria"].economy = 18.0
    sign_treaty(world, "trade", "bria", "dova", exclusive=True)  # exclusive but balanced (18 vs 12)
    # when
    _run_to(world, 5)
    # then
    assert _resolutions(world, "condemn_deal") == []


def test_condemned_deal_pays_tariffs(world):
    """The richer side of a condemned deal pays a tariff on its income from it (the poorer side,
    on which the leverage was used, pays none), and members think less of the richer side."""
    # given
    treaty = _lopsided_deal(world)
    _run_to(world, 5)
    [motion] = _resolutions(world, "condemn_deal")
    act(world, A.Vote("bria", motion.id, True))
    act(world, A.Vote("cora", motion.id, True))
    # when
    end_of_turn(world)
    # then
    assert world.treaties[treaty.id].condemned
    expected = trade_income(world, treaty, "alba") * world.rules.tariff
    assert income(world, "alba").tariffs == pytest.approx(expected)
    assert income(world, "bria").tariffs == 0
    assert modifier_value(world, "cora", "alba", "lopsided_deal") < 0


# --- rogues -----------------------------------------------------------------------------------------


def _condemn_elda(world):
    """elda attacks fenn on turn 1; the council condemns it at turn 4, with a deadline of turn 7."""
    _strong(world, "elda", "fenn")
    start_war(world, "elda", "fenn")
    _run_to(world, 4)
    [motion] = _resolutions(world, "condemn_aggression")
    for member in ("alba", "bria", "cora"):
        act(world, A.Vote(member, motion.id, True))
    end_of_turn(world)
    deadline = world.organisations["council"].demands["elda"].deadline
    assert deadline == 4 + world.rules.rogue_turns
    return deadline


def test_non_member_defying_past_its_deadline_is_marked_rogue(world):
    """A non-member still waging the condemned war when its deadline comes is marked rogue."""
    # given
    deadline = _condemn_elda(world)
    reputation = world.regions["elda"].reputation
    _run_to(world, deadline)
    assert world.regions["elda"].rogue_turns == 0
    # when
    end_of_turn(world)
    # then
    assert world.regions["elda"].rogue_turns > 0
    assert world.regions["elda"].reputation < reputation
    assert modifier_value(world, "alba", "elda", "rogue") < 0
    assert "rogue_marked" in [e.kind for e in world.events]


def test_complying_region_is_not_marked_rogue(world):
    """A region that made peace before its deadline is not marked rogue."""
    # given
    deadline = _condemn_elda(world)
    war = war_between(world, "elda", "fenn")
    assert war is not None
    make_peace(world, war, Terms())
    # when
    _run_to(world, deadline + 1)
    # then
    assert world.regions["elda"].rogue_turns == 0


def test_rogue_mark_wears_off(world):
    """The rogue mark lasts `rogue_turns` turns."""
    # given
    deadline = _condemn_elda(world)
    _run_to(world, deadline + 1)
    marked = world.regions["elda"].rogue_turns
    assert marked == world.rules.rogue_turns
    # when
    _run_to(world, world.turn + marked)
    # then
    assert world.regions["elda"].rogue_turns == 0


def test_sanctions_end_when_the_aggressor_complies(world):
    """Sanctions stand while a condemned aggressor defies its body; when it makes peace they are
    lifted, and a sanction is never put to the vote as an unjustified embargo."""
    # given: the council condemns elda with sanctions (3 of 4 yes)
    _strong(world, "elda", "fenn")
    start_war(world, "elda", "fenn")
    _run_to(world, 4)
    [motion] = _resolutions(world, "condemn_aggression")
    for member in ("alba", "bria", "cora"):
        act(world, A.Vote(member, motion.id, True))
    end_of_turn(world)
    assert ("alba", "elda") in world.embargoes and world.sanctions[("alba", "elda")] == "council"
    # when
    war = war_between(world, "elda", "fenn")
    assert war is not None
    make_peace(world, war, Terms())
    end_of_turn(world)
    # then
    assert not any(on == "elda" for _by, on in world.embargoes)
    assert world.sanctions == {}
    assert _resolutions(world, "condemn_embargo") == []
