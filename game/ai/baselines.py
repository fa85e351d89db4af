"""Baseline computer players to measure the standard one against.

`random` takes random legal actions and answers by a coin toss; `passive` never acts and only
answers, the way the standard player would.
"""

from __future__ import annotations

from collections.abc import Callable

from game.ai.base import Decision, Reason
from game.ai.standard import StandardAI
from game.core import actions as A
from game.core.messages import msg
from game.core.model import TREATY_KINDS, Proposal, Resolution, War
from game.core.rng import Rng
from game.core.view import View

RANDOM_ACTIONS = 4  # actions a random player tries to take each turn
RANDOM_DRAWS = 30  # draws before it gives up finding a legal one


class RandomAI:
    name = "random"

    def plan(self, view: View, rng: Rng) -> list[A.Action]:
        chosen: list[A.Action] = []
        for _ in range(RANDOM_DRAWS):
            action = _random_action(view, rng)
            if action is not None and view.can(action):
                chosen.append(action)
                if len(chosen) >= RANDOM_ACTIONS:
                    break
        return chosen

    def answer(self, view: View, proposal: Proposal, rng: Rng) -> Decision:
        accept = rng.chance(0.5)
        return Decision(accept, (Reason(msg("A toss of a coin"), 1.0 if accept else -1.0),))

    def vote(self, view: View, resolution: Resolution, rng: Rng) -> bool:
        return rng.chance(0.5)


class PassiveAI:
    name = "passive"

    def __init__(self) -> None:
        self._judge = StandardAI()

    def plan(self, view: View, rng: Rng) -> list[A.Action]:
        return []

    def answer(self, view: View, proposal: Proposal, rng: Rng) -> Decision:
        return self._judge.answer(view, proposal, rng)

    def vote(self, view: View, resolution: Resolution, rng: Rng) -> bool:
        return self._judge.vote(view, resolution, rng)


def _random_action(view: View, rng: Rng) -> A.Action | None:
    known = view.known()
    if not known:
        return None
    me, other = view.me, rng.choice(known)
    orgs = view.organisations()
    treasury = max(view.region.treasury, 0.0)
    makers: list[Callable[[], A.Action | None]] = [
        lambda: A.SendAmbassador(me, other),
        lambda: A.RecallAmbassador(me, other),
        lambda: A.ExpelAmbassador(me, other),
        lambda: A.StateVisit(me, other),
        lambda: A.ProposeTreaty(me, other, rng.choice(TREATY_KINDS), rng.chance(0.2)),
        lambda: A.ProposePeace(
            me, other, rng.choice(("white", "tribute", "annex")), 2.0, rng.choice((me, other))
        ),
        lambda: A.CancelTreaty(me, rng.choice(view.treaties()).id) if view.treaties() else None,
        lambda: A.ImposeEmbargo(me, other),
        lambda: A.LiftEmbargo(me, other),
        lambda: A.DeclareWar(me, other),
        lambda: A.SendAid(me, other, round(treasury * rng.uniform(0.05, 0.3), 2)),
        lambda: A.RequestIntroduction(me, other, rng.choice(view.order)),
        lambda: A.OfferMediation(me, w.attacker, w.defender) if (w := _any_war(view, rng)) else None,
        lambda: A.JoinOrganisation(me, rng.choice(orgs).id) if orgs else None,
        lambda: A.LeaveOrganisation(me, rng.choice(orgs).id) if orgs else None,
        lambda: A.Invest(me, "economy" if rng.chance(0.5) else "military", round(treasury * 0.3, 2)),
    ]
    return rng.choice(makers)()


def _any_war(view: View, rng: Rng) -> War | None:
    wars = view.all_wars()
    return rng.choice(wars) if wars else None
