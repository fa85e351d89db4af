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
from game.core.messages import Msg
from game.core.model import GameState
from game.core.rules import refusal
from game.core.snapshot import state_hash
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

CASES: list[tuple[str, Setup, A.Action, str]] = [
    ("unknown action", _nothing, A.Action("alba"), "Unknown action"),
    ("unknown actor", _nothing, A.Invest("zed", "economy", 1.0), "no region zed"),
    ("unknown target", _nothing, A.SendAmbassador("alba", "zed"), "no region zed"),
    ("no budget", _no_budget, A.SendAmbassador("alba", "bria"), "No diplomatic actions"),
    ("annexed actor", _annexed_bria, A.Invest("bria", "economy", 1.0), "annexed"),
    ("annexed target", _annexed_bria, A.StateVisit("dova", "bria"), "annexed"),
    ("recall nobody", _nothing, A.RecallAmbassador("alba", "zed"), "no ambassador"),
    ("expel nobody", _nothing, A.ExpelAmbassador("alba", "zed"), "no ambassador"),
    ("visit stranger", _nothing, A.StateVisit("alba", "fenn"), "contact"),
    ("visit unpaid", _poor_alba, A.StateVisit("alba", "bria"), "costs"),
    ("treaty stranger", _nothing, A.ProposeTreaty("alba", "fenn", "trade"), "contact"),
    ("treaty enemy", _war_alba_bria, A.ProposeTreaty("alba", "bria", "trade"), "war"),
    ("peace at peace", _nothing, A.ProposePeace("alba", "bria"), "not at war"),
    ("peace stranger", _nothing, A.ProposePeace("alba", "fenn"), "contact"),
    ("annex standing enemy", _war_alba_bria, A.ProposePeace("alba", "bria", "annex"), "capitulated"),
    ("answer nothing", _nothing, A.Answer("alba", -1, True), "no such proposal"),
    ("cancel nothing", _nothing, A.CancelTreaty("alba", -1), "no such treaty"),
    ("embargo self", _nothing, A.ImposeEmbargo("alba", "alba"), "itself"),
    ("lift nothing", _nothing, A.LiftEmbargo("alba", "bria"), "no embargo"),
    ("war stranger", _nothing, A.DeclareWar("alba", "fenn"), "contact"),
    ("war again", _war_alba_bria, A.DeclareWar("bria", "alba"), "already at war"),
    ("aid poor", _poor_alba, A.SendAid("alba", "bria", 1.0), "too little"),
    ("aid infinite", _nothing, A.SendAid("alba", "bria", float("inf")), "too little"),
    ("aid enemy", _war_alba_bria, A.SendAid("alba", "bria", 1.0), "war"),
    ("introduce nobody", _nothing, A.RequestIntroduction("alba", "cora", "zed"), "no such region"),
    ("introduce oneself", _nothing, A.RequestIntroduction("alba", "cora", "alba"), "no such region"),
    ("introduce via stranger", _nothing, A.RequestIntroduction("alba", "fenn", "elda"), "contact"),
    ("mediate peace", _nothing, A.OfferMediation("cora", "alba", "dova"), "not at war"),
    ("mediate own war", _war_alba_bria, A.OfferMediation("alba", "alba", "bria"), "itself"),
    ("mediate against self", _war_alba_bria, A.OfferMediation("bria", "alba", "cora"), "war"),
    ("join nothing", _nothing, A.JoinOrganisation("alba", "zed"), "no such organisation"),
    ("leave nothing", _nothing, A.LeaveOrganisation("fenn", "council"), "not a member"),
    ("vote nothing", _nothing, A.Vote("alba", -1, True), "no such resolution"),
    ("invest nothing", _nothing, A.Invest("alba", "economy", 0.0), "positive"),
]


@pytest.mark.parametrize(("setup", "action", "fragment"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_refused_action_gives_a_reason_and_changes_nothing(world, setup, action, fragment):
    """An illegal action is refused with a reason the player reads, and the state does not change."""
    # given
    setup(world)
    # when
    text = refused(world, action)
    # then
    assert fragment in text


@pytest.mark.parametrize(("setup", "action", "fragment"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_refusal_is_the_same_before_applying(world, setup, action, fragment):
    """The rules tell in advance why an action would be refused: `refusal` and `apply` agree."""
    # given
    setup(world)
    # when
    reason = refusal(world, action)
    outcome = apply(world, action)
    # then
    assert isinstance(reason, Msg)
    assert outcome.reason == reason
    assert outcome.events == [] and outcome.proposal is None


def test_refusal_renders_with_names(world):
    """A refusal names regions through the reader's naming function, so the UI can show display names."""
    # given
    reason = refusal(world, A.SendAmbassador("alba", "fenn"))
    assert reason is not None
    # when
    text = reason.render(name=str.upper)
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
    # when
    text = refused(world, A.ProposePeace("alba", "bria", "bogus"))  # type: ignore[arg-type]
    # then
    assert text


def test_a_treaty_with_an_annexed_region_is_impossible(world):
    """No treaty, proposal or war involves a region that has been annexed."""
    # given
    sign_treaty(world, "alliance", "bria", "dova")
    _annexed_bria(world)
    # when / then
    assert "annexed" in refused(world, A.DeclareWar("dova", "bria"))
    assert not world.treaties_of("bria")
