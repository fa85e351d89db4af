"""Rulebook: ambassadors (send, recall, expel, upkeep, opinion growth, what an ambassador sees)."""

from __future__ import annotations

from game.core import actions as A
from game.core.diplomacy import start_war
from game.core.economy import income
from game.core.relations import modifier_value
from game.core.view import View
from game.core.why import Why
from game.core.world import end_of_turn
from tests.conftest import act, refused


def test_send_ambassador_opens_an_embassy(world):
    """A region may send an ambassador to a region it knows and is at peace with."""
    # given
    assert ("alba", "bria") not in world.ambassadors
    # when
    outcome = act(world, A.SendAmbassador("alba", "bria"))
    # then
    assert ("alba", "bria") in world.ambassadors
    assert ("bria", "alba") not in world.ambassadors  # ambassadors are directed
    assert [e.kind for e in outcome.events] == ["ambassador_sent"]


def test_send_ambassador_needs_contact(world):
    """An ambassador can only be sent to a region one has contact with."""
    # given: alba neither borders elda nor shares an organisation with it
    # when / then
    refused(world, A.SendAmbassador("alba", "elda"), Why.NO_CONTACT)


def test_send_ambassador_not_during_war(world):
    """No ambassador is sent to a region one is at war with."""
    # given
    start_war(world, "alba", "bria")
    # when / then
    refused(world, A.SendAmbassador("alba", "bria"), Why.AT_WAR)


def test_send_ambassador_only_once(world):
    """A region keeps at most one ambassador in each host."""
    # given
    world.ambassadors.add(("alba", "bria"))
    # when / then
    refused(world, A.SendAmbassador("alba", "bria"), Why.HAS_AMBASSADOR)


def test_send_ambassador_needs_the_upkeep(world):
    """A region that cannot pay one turn of upkeep cannot send an ambassador."""
    # given
    world.regions["alba"].treasury = 0.5
    # when / then
    refused(world, A.SendAmbassador("alba", "bria"), Why.TOO_LITTLE_GOLD)


def test_send_ambassador_not_to_oneself(world):
    """A region cannot send an ambassador to itself."""
    # given / when / then
    refused(world, A.SendAmbassador("alba", "alba"), Why.SELF)


def test_recall_ambassador(world):
    """A region may recall its own ambassador; it cannot recall one it does not have."""
    # given
    world.ambassadors.add(("alba", "bria"))
    # when
    act(world, A.RecallAmbassador("alba", "bria"))
    # then
    assert ("alba", "bria") not in world.ambassadors
    refused(world, A.RecallAmbassador("alba", "bria"), Why.NO_AMBASSADOR)


def test_expel_ambassador_offends_the_sender(world):
    """The host may expel an ambassador; the sender then thinks worse of the host."""
    # given
    world.ambassadors.add(("alba", "bria"))
    before = modifier_value(world, "alba", "bria", "expelled_ambassador")
    # when
    act(world, A.ExpelAmbassador("bria", sender="alba"))
    # then
    assert ("alba", "bria") not in world.ambassadors
    assert modifier_value(world, "alba", "bria", "expelled_ambassador") < before


def test_expel_needs_an_ambassador_here(world):
    """Only an ambassador that is actually posted in the host can be expelled."""
    # given: alba has no ambassador in bria
    # when / then
    refused(world, A.ExpelAmbassador("bria", sender="alba"), Why.NO_AMBASSADOR_HERE)


def test_ambassador_upkeep_is_paid_each_turn(world):
    """Each ambassador costs its sender the upkeep every turn."""
    # given
    without = income(world, "alba").upkeep
    # when
    world.ambassadors.add(("alba", "bria"))
    world.ambassadors.add(("alba", "cora"))
    # then
    assert income(world, "alba").upkeep == without + 2 * world.rules.ambassador_upkeep
    # the host pays nothing for an ambassador it receives
    assert income(world, "bria").upkeep == world.regions["bria"].military * world.rules.military_upkeep


def test_ambassador_opinion_grows_both_ways_to_the_cap(world):
    """While an ambassador stays, opinion grows both ways each turn, up to the cap."""
    # given
    world.ambassadors.add(("alba", "bria"))
    growth, cap = world.rules.ambassador_growth, world.rules.ambassador_cap
    # when
    end_of_turn(world)
    # then
    assert modifier_value(world, "bria", "alba", "ambassador") == growth
    assert modifier_value(world, "alba", "bria", "ambassador") == growth
    # when
    for _ in range(int(cap / growth) + 5):
        end_of_turn(world)
    # then
    assert modifier_value(world, "bria", "alba", "ambassador") == cap
    assert modifier_value(world, "alba", "bria", "ambassador") == cap


def test_ambassador_goodwill_fades_after_recall(world):
    """When the ambassador leaves, the opinion it built fades again."""
    # given
    world.ambassadors.add(("alba", "bria"))
    for _ in range(4):
        end_of_turn(world)
    built = modifier_value(world, "bria", "alba", "ambassador")
    assert built > 0
    # when
    act(world, A.RecallAmbassador("alba", "bria"))
    end_of_turn(world)
    # then
    assert 0 <= modifier_value(world, "bria", "alba", "ambassador") < built


def test_ambassador_leaves_when_war_breaks_out(world):
    """A declaration of war sends both sides' ambassadors home."""
    # given
    world.ambassadors.add(("alba", "bria"))
    world.ambassadors.add(("bria", "alba"))
    # when
    act(world, A.DeclareWar("alba", "bria"))
    # then
    assert ("alba", "bria") not in world.ambassadors
    assert ("bria", "alba") not in world.ambassadors


def test_ambassador_shows_the_hosts_figures_and_opinion(world):
    """The sender sees the host's figures and the host's opinion of the sender; others do not."""
    # given
    world.ambassadors.add(("alba", "dova"))
    # when
    alba, cora = View(world, "alba"), View(world, "cora")
    # then
    figures = alba.figures("dova")
    assert figures is not None and figures.treasury == world.regions["dova"].treasury
    assert alba.opinion_of_us("dova") is not None
    assert View(world, "bria").figures("dova") is None
    assert View(world, "bria").opinion_of_us("dova") is None
    assert cora.military_estimate("dova") is not None  # a neighbour sees the army across the border
    assert View(world, "alba").military_estimate("fenn") is None
