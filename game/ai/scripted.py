"""Scripted strategies: the simple tricks a player tries first, as players of their own.

The gauntlet seats each against standard computer players to see whether one simple rule of play
beats them. A strategy plans by its rule alone; it answers proposals and votes as a standard
player of the same skill would, so what is measured is the rule, not a foolish answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.ai.base import Controller, Decision
from game.ai.standard import StandardAI
from game.core import actions as A
from game.core.model import Proposal, Resolution
from game.core.rng import Rng
from game.core.view import View

BETRAY_AFTER = 6  # turns an alliance lasts before the betrayer strikes


@dataclass(frozen=True, slots=True)
class Strategy:
    name: str
    summary: str
    plan: Callable[[View, Rng], list[A.Action]]


class ScriptedPlayer:
    """A player that plans by one strategy and answers like a standard player."""

    def __init__(self, strategy: Strategy, skill: str = "normal") -> None:
        self.strategy = strategy
        self.name = strategy.name
        self._judge = StandardAI(skill)

    def plan(self, view: View, rng: Rng) -> list[A.Action]:
        return self.strategy.plan(view, rng)

    def answer(self, view: View, proposal: Proposal, rng: Rng) -> Decision:
        return self._judge.answer(view, proposal, rng)

    def vote(self, view: View, resolution: Resolution, rng: Rng) -> bool:
        return self._judge.vote(view, resolution, rng)


# --- the rules of play ------------------------------------------------------------------------
def _idle(view: View, rng: Rng) -> list[A.Action]:
    return []


def _visit_spam(view: View, rng: Rng) -> list[A.Action]:
    """A state visit every turn, to the region that thinks least of us as far as we know."""
    known = [r for r in view.known() if not view.at_war(r)]
    if not known:
        return []
    known.sort(key=lambda r: (view.opinion_of_us(r) or 0.0, r))
    return [A.StateVisit(view.me, r) for r in known]


def _envoys_everywhere(view: View) -> list[A.Action]:
    return [A.SendAmbassador(view.me, r) for r in view.known() if not view.has_ambassador(r)]


def _trade_all(view: View, rng: Rng) -> list[A.Action]:
    """Ambassadors everywhere, and a trade agreement offered to each of them."""
    deals: list[A.Action] = [
        A.ProposeTreaty(view.me, r, "trade") for r in view.known() if view.has_ambassador(r)
    ]
    return deals + _envoys_everywhere(view)


def _lopsided(view: View, rng: Rng) -> list[A.Action]:
    """An exclusive trade deal offered every turn to the poorest region with an envoy of ours."""
    mine = view.region.economy
    poorer = sorted(
        (r for r in view.known() if view.has_ambassador(r) and view.economy(r) < mine),
        key=lambda r: (view.economy(r), r),
    )
    return [A.ProposeTreaty(view.me, r, "trade", exclusive=True) for r in poorer] + _envoys_everywhere(view)


def _war_plan(view: View) -> list[A.Action]:
    """Take what a beaten enemy gives; otherwise attack the weakest region we can reach."""
    me, plan = view.me, list[A.Action]()
    for war in view.wars():
        enemy = war.defender if war.attacker == me else war.attacker
        if war.capitulated == enemy:
            plan.append(A.ProposePeace(me, enemy, "annex"))
    if not view.wars():
        targets = [r for r in view.known() if view.reachable(r) and not view.has_treaty(r, "alliance")]
        targets.sort(key=lambda r: (view.military_estimate(r) or view.economy(r), r))
        plan += [A.DeclareWar(me, r) for r in targets[:1]]
    return plan


def _warmonger(view: View, rng: Rng) -> list[A.Action]:
    return _war_plan(view)


def _warmonger_army(view: View, rng: Rng) -> list[A.Action]:
    """The warmonger, with every gold piece put into the army."""
    plan = _war_plan(view)
    gold = min(view.region.treasury, view.recruits_left() / max(view.rules.invest_military_rate, 0.01))
    if gold > 1:
        plan.append(A.Invest(view.me, "military", round(gold - 0.01, 2)))
    return plan


def _embargo_all(view: View, rng: Rng) -> list[A.Action]:
    embargoed = {on for by, on in view.embargoes() if by == view.me}
    return [A.ImposeEmbargo(view.me, r) for r in view.known() if r not in embargoed]


def _ally_betray(view: View, rng: Rng) -> list[A.Action]:
    """Alliances with neighbours; after a few turns, break one and attack that ally."""
    me, plan = view.me, list[A.Action]()
    for war in view.wars():
        enemy = war.defender if war.attacker == me else war.attacker
        if war.capitulated == enemy:
            plan.append(A.ProposePeace(me, enemy, "annex"))
    for treaty in view.treaties():
        other = treaty.b if treaty.a == me else treaty.a
        if treaty.kind == "alliance" and view.turn - treaty.signed >= BETRAY_AFTER and not view.wars():
            plan += [A.CancelTreaty(me, treaty.id), A.DeclareWar(me, other)]
            break
    plan += [A.ProposeTreaty(me, r, "alliance") for r in view.neighbours() if view.has_ambassador(r)]
    return plan + [A.SendAmbassador(me, r) for r in view.neighbours() if not view.has_ambassador(r)]


def _invest_only(view: View, rng: Rng) -> list[A.Action]:
    if view.region.treasury > 1:
        return [A.Invest(view.me, "economy", round(view.region.treasury, 2))]
    return []


STRATEGIES = {
    s.name: s
    for s in (
        Strategy("idle", "does nothing; answers like a standard player", _idle),
        Strategy("visit_spam", "a state visit to somebody every turn", _visit_spam),
        Strategy("trade_all", "ambassadors everywhere and trade offered to all", _trade_all),
        Strategy("lopsided", "exclusive deals offered to poorer regions every turn", _lopsided),
        Strategy("warmonger", "war on the weakest reachable region whenever at peace", _warmonger),
        Strategy("warmonger_army", "the warmonger, with all its gold put into the army", _warmonger_army),
        Strategy("embargo_all", "an embargo on every region it knows", _embargo_all),
        Strategy("ally_betray", "alliances with neighbours, then a betrayal and a war", _ally_betray),
        Strategy("invest_only", "all its gold into its economy, nothing else", _invest_only),
    )
}


def scripted_player(name: str, skill: str = "normal") -> Controller:
    return ScriptedPlayer(STRATEGIES[name], skill)
