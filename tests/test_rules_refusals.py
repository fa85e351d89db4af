"""Rulebook: every illegal action is refused with a reason the player reads, and nothing changes.

Each case names a small setup, an illegal action, and a fragment of the reason the player sees.
`refused()` (conftest) checks that the reason renders to readable text without placeholders and
that `state_hash` is the same before and after.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from game.core import actions as A
from game.core.diplomacy import sign_treaty, start_war
from game.core.engine import apply
from game.core.model import GameState
from game.core.rules import refusal
from game.core.snapshot import state_hash
from game.core.why import Refusal, Why
from tests.conftest import act, refused


def _nothing(world: GameState) -> None:
    pass


def _war_alba_bria(world: GameState) -> None:
    start_war(world, "alba", "bria")


def _no_budget(world: GameState) -> None:
    world.regions["alba"].actions_left = 0


def _poor_alba(world: GameState) -> None:
    world.regions["alba"].treasury = 0.0


def _annexed_bria(world: GameState) -> None:
    war = start_war(world, "alba", "bria")
    war.capitulated = "bria"
    act(world, A.ProposePeace("alba", "bria", "annex"))


Setup = Callable[[GameState], None]

CASES: list[tuple[str, Setup, A.Action, Why]] = [
    ("unknown action", _nothing, A.Action("alba"), Why.UNKNOWN_ACTION),
    ("unknown actor", _nothing, A.Invest("zed", "economy", 1.0), Why.NO_REGION),
    ("unknown target", _nothing, A.SendAmbassador("alba", "zed"), Why.NO_REGION),
    ("no budget", _no_budget, A.SendAmbassador("alba", "bria"), Why.NO_ACTIONS_LEFT),
    ("annexed actor", _annexed_bria, A.Invest("bria", "economy", 1.0), Why.ACTOR_ANNEXED),
    ("annexed target", _annexed_bria, A.StateVisit("dova", "bria"), Why.TARGET_ANNEXED),
    ("recall nobody", _nothing, A.RecallAmbassador("alba", "zed"), Why.NO_AMBASSADOR),
    ("expel nobody", _nothing, A.ExpelAmbassador("alba", "zed"), Why.NO_AMBASSADOR_HERE),
    ("visit stranger", _nothing, A.StateVisit("alba", "fenn"), Why.NO_CONTACT),
    ("visit unpaid", _poor_alba, A.StateVisit("alba", "bria"), Why.TOO_LITTLE_GOLD),
    ("treaty stranger", _nothing, A.ProposeTreaty("alba", "fenn", "trade"), Why.NO_CONTACT),
    ("treaty enemy", _war_alba_bria, A.ProposeTreaty("alba", "bria", "trade"), Why.AT_WAR),
    ("peace at peace", _nothing, A.ProposePeace("alba", "bria"), Why.NOT_AT_WAR),
    ("peace stranger", _nothing, A.ProposePeace("alba", "fenn"), Why.NO_CONTACT),
    ("annex standing enemy", _war_alba_bria, A.ProposePeace("alba", "bria", "annex"), Why.NOT_CAPITULATED),
    ("answer nothing", _nothing, A.Answer("alba", -1, True), Why.NO_SUCH_PROPOSAL),
    ("cancel nothing", _nothing, A.CancelTreaty("alba", -1), Why.NO_SUCH_TREATY),
    ("embargo self", _nothing, A.ImposeEmbargo("alba", "alba"), Why.SELF),
    ("lift nothing", _nothing, A.LiftEmbargo("alba", "bria"), Why.NO_EMBARGO),
    ("war stranger", _nothing, A.DeclareWar("alba", "fenn"), Why.NO_CONTACT),
    ("war again", _war_alba_bria, A.DeclareWar("bria", "alba"), Why.ALREADY_AT_WAR),
    ("aid poor", _poor_alba, A.SendAid("alba", "bria", 1.0), Why.TOO_LITTLE_GOLD),
    ("aid infinite", _nothing, A.SendAid("alba", "bria", float("inf")), Why.NOT_A_SUM),
    ("aid enemy", _war_alba_bria, A.SendAid("alba", "bria", 1.0), Why.AT_WAR),
    ("introduce nobody", _nothing, A.RequestIntroduction("alba", "cora", "zed"), Why.NO_ONE_TO_MEET),
    ("introduce oneself", _nothing, A.RequestIntroduction("alba", "cora", "alba"), Why.NO_ONE_TO_MEET),
    ("introduce via stranger", _nothing, A.RequestIntroduction("alba", "fenn", "elda"), Why.NO_CONTACT),
    ("mediate peace", _nothing, A.OfferMediation("cora", "alba", "dova"), Why.SIDES_NOT_AT_WAR),
    ("mediate own war", _war_alba_bria, A.OfferMediation("alba", "alba", "bria"), Why.SELF),
    ("mediate against self", _war_alba_bria, A.OfferMediation("bria", "alba", "cora"), Why.AT_WAR),
    ("join nothing", _nothing, A.JoinOrganisation("alba", "zed"), Why.NO_SUCH_ORGANISATION),
    ("leave nothing", _nothing, A.LeaveOrganisation("fenn", "council"), Why.NOT_MEMBER),
    ("vote nothing", _nothing, A.Vote("alba", -1, True), Why.NO_SUCH_RESOLUTION),
    ("invest nothing", _nothing, A.Invest("alba", "economy", 0.0), Why.NOT_A_SUM),
]


@pytest.mark.parametrize(("setup", "action", "why"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_refused_action_gives_a_reason_and_changes_nothing(world, setup, action, why):
    """An illegal action is refused with a coded reason the player reads, and the state does not change."""
    # given
    setup(world)
    # when / then
    refused(world, action, why)


@pytest.mark.parametrize(("setup", "action", "why"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_refusal_is_the_same_before_applying(world, setup, action, why):
    """The rules tell in advance why an action would be refused: `refusal` and `apply` agree."""
    # given
    setup(world)
    # when
    reason = refusal(world, action)
    outcome = apply(world, action)
    # then
    assert isinstance(reason, Refusal)
    assert outcome.reason == reason
    assert outcome.events == [] and outcome.proposal is None


def test_refusal_renders_with_names(world):
    """A refusal names regions through the reader's naming function, so the UI can show display names."""
    # given
    reason = refusal(world, A.SendAmbassador("alba", "fenn"))
    assert reason is not None
    # when
    text = reason.message.render(name=str.upper)
    # then
    assert "FENN" in text


def test_unknown_treaty_kind_is_refused(world):
    """A treaty of a kind the rules do not know is refused, not signed (and never crashes)."""
    # given
    world.ambassadors.add(("alba", "bria"))
    before = state_hash(world)
    # when
    outcome = apply(world, A.ProposeTreaty("alba", "bria", "bogus"))  # type: ignore[arg-type]
    # then
    if outcome.ok:  # the bug: it was accepted as a proposal; show what acceptance then does
        assert outcome.proposal is not None
        try:
            apply(world, A.Answer("bria", outcome.proposal.id, True))
        except KeyError as error:
            pytest.fail(f"accepting a 'bogus' treaty crashed the engine with KeyError {error}")
        pytest.fail("a treaty of unknown kind 'bogus' was proposed and accepted")
    assert state_hash(world) == before


def test_unknown_peace_terms_are_refused(world):
    """Peace terms other than white, tribute or annexation are refused."""
    # given
    start_war(world, "alba", "bria")
    # when / then
    refused(world, A.ProposePeace("alba", "bria", "bogus"), Why.NO_SUCH_TERMS)  # type: ignore[arg-type]


def test_a_treaty_with_an_annexed_region_is_impossible(world):
    """No treaty, proposal or war involves a region that has been annexed."""
    # given
    sign_treaty(world, "alliance", "bria", "dova")
    _annexed_bria(world)
    # when / then
    refused(world, A.DeclareWar("dova", "bria"), Why.TARGET_ANNEXED)
    assert not world.treaties_of("bria")
