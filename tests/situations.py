"""For every action kind, a situation of the test world in which alba may take it: the setup and
the region it is aimed at (None: at home). Shared by the registry test and the window's test."""

from __future__ import annotations

from collections.abc import Callable

from game.core import actions as A
from game.core.diplomacy import propose, sign_treaty, start_war
from game.core.model import GameState, Terms
from game.core.organisations import open_resolution

ME = "alba"


def _nothing(state: GameState) -> None:
    return None


def _envoy_to(region: str) -> Callable[[GameState], None]:
    def setup(state: GameState) -> None:
        state.ambassadors.add((ME, region))

    return setup


def _their_envoy(state: GameState) -> None:
    state.ambassadors.add(("bria", ME))


def _pact(state: GameState) -> None:
    sign_treaty(state, "non_aggression", ME, "bria")


def _war(state: GameState) -> None:
    start_war(state, ME, "bria")


def _embargo(state: GameState) -> None:
    state.embargoes.add((ME, "bria"))


def _war_to_mediate(state: GameState) -> None:
    state.ambassadors.add((ME, "bria"))
    start_war(state, "bria", "dova")


def _war_to_end_through_a_broker(state: GameState) -> None:
    state.ambassadors.add((ME, "cora"))
    start_war(state, ME, "bria")


def _outside_the_market(state: GameState) -> None:
    state.organisations["market"].members.discard(ME)
    state.membership_changed()


def _application(state: GameState) -> None:
    open_resolution(state, state.organisations["market"], "admit", "fenn", None, 0)


def _visit_to_us(state: GameState) -> None:
    propose(state, "visit", "bria", ME, Terms())


SITUATIONS: dict[type[A.Action], tuple[Callable[[GameState], None], str | None]] = {
    A.SendAmbassador: (_nothing, "bria"),
    A.RecallAmbassador: (_envoy_to("bria"), "bria"),
    A.ExpelAmbassador: (_their_envoy, "bria"),
    A.StateVisit: (_nothing, "bria"),
    A.ProposeTreaty: (_envoy_to("bria"), "bria"),
    A.ProposeDeal: (_envoy_to("bria"), "bria"),
    A.CancelTreaty: (_pact, "bria"),
    A.ProposePeace: (_war, "bria"),
    A.ImposeEmbargo: (_nothing, "bria"),
    A.LiftEmbargo: (_embargo, "bria"),
    A.DeclareWar: (_nothing, "bria"),
    A.SendAid: (_nothing, "bria"),
    A.RequestIntroduction: (_envoy_to("cora"), "cora"),
    A.OfferMediation: (_war_to_mediate, "bria"),
    A.RequestMediation: (_war_to_end_through_a_broker, "cora"),
    A.JoinOrganisation: (_outside_the_market, None),
    A.LeaveOrganisation: (_nothing, None),
    A.Vote: (_application, None),
    A.Answer: (_visit_to_us, None),
    A.Invest: (_nothing, None),
}
