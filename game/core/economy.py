"""Income: what each region earns and pays in a turn, line by line, and the score."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from game.core.config import Rules
from game.core.model import GameState, Treaty
from game.core.relations import kin, power_leader


class Income(NamedTuple):  # a tuple: made for every view that asks, and quicker to make than a dataclass
    production: float
    trade: float
    organisations: float
    tariffs: float
    embargoes: float
    tribute: float
    upkeep: float
    war: float
    interest: float  # on a debt

    @property
    def total(self) -> float:
        return (
            self.production
            + self.trade
            + self.organisations
            + self.tribute
            - self.tariffs
            - self.embargoes
            - self.upkeep
            - self.war
            - self.interest
        )


def trade_income(state: GameState, treaty: Treaty, side: str) -> float:
    """A deal pays each side by the smaller economy, tilted toward the richer side (leverage)."""
    rules = state.rules
    other = treaty.b if side == treaty.a else treaty.a
    mine, theirs = state.regions[side].economy, state.regions[other].economy
    if mine <= 0 or theirs <= 0:
        return 0.0
    bonus = 1.0
    if other in state.neighbours[side]:
        bonus += rules.neighbour_trade_bonus
    if kin(state, side, other):
        bonus += rules.kin_trade_bonus
    if treaty.exclusive:
        bonus += rules.exclusive_trade_bonus
    return trade_worth(rules, mine, theirs, bonus)


def trade_worth(rules: Rules, mine: float, theirs: float, bonus: float = 1.0) -> float:
    """What a trade deal (its bonuses added up in `bonus`) pays the side of economy `mine` each turn."""
    return float(rules.trade_rate * bonus * min(mine, theirs) * (mine / theirs) ** rules.trade_tilt)


def is_lopsided(state: GameState, treaty: Treaty) -> bool:
    if treaty.kind != "trade" or not treaty.exclusive:
        return False
    a, b = trade_income(state, treaty, treaty.a), trade_income(state, treaty, treaty.b)
    low, high = min(a, b), max(a, b)
    return low <= 0 or high / low >= state.rules.leverage_threshold


def richer_party(state: GameState, treaty: Treaty) -> str:
    """The side with the larger economy: the one with the leverage in a deal."""
    ea, eb = state.regions[treaty.a].economy, state.regions[treaty.b].economy
    return treaty.a if ea >= eb else treaty.b


def bound_side(state: GameState, treaty: Treaty) -> str | None:
    """The side an exclusive trade deal binds to trade with no one else: the poorer one when it was
    signed. The richer side keeps its other partners; that is its leverage."""
    if treaty.kind != "trade" or not treaty.exclusive:
        return None
    if treaty.bound is not None:
        return treaty.bound
    return treaty.b if richer_party(state, treaty) == treaty.a else treaty.a  # a save of older rules


def income(state: GameState, region_id: str) -> Income:
    rules = state.rules
    region = state.regions[region_id]
    production = region.economy * steadiness(state, region_id)
    trade = tariffs = 0.0
    for treaty in state.treaties_of(region_id):
        if treaty.kind == "trade":
            earned = trade_income(state, treaty, region_id)
            trade += earned
            if treaty.taxed == region_id:  # the leverage is taxed, not the side it was used on
                tariffs += earned * rules.tariff
    # asked of every view's first income: the sets and sums below are built only when not empty
    imposed_on, imposed_by = state.embargoes.from_(region_id), state.embargoes.to(region_id)
    fellows = 0
    for org in state.organisations.values():
        if org.kind == "trade" and region_id in org.members:
            fellows += len(org.members) - 1
            if imposed_on or imposed_by:
                fellows -= sum(1 for r in imposed_on | imposed_by if r in org.members)
    organisations = min(rules.org_trade_rate * fellows, rules.org_trade_cap) * region.economy
    lost = rules.embargo_target_loss * len(imposed_by) + rules.embargo_own_loss * len(imposed_on)
    embargoes = region.economy * min(rules.max_embargo_loss, lost)
    tribute: float = 0
    if state.tributes:
        tribute = sum(t.amount for t in state.tributes if t.payee == region_id) - sum(
            t.amount for t in state.tributes if t.payer == region_id
        )
    envoys = len(state.ambassadors.from_(region_id))
    upkeep = envoys * rules.ambassador_upkeep + region.military * rules.military_upkeep
    war = len(state.war_ids.get(region_id, ())) * rules.war_cost * region.economy
    interest = max(0.0, -region.treasury) * rules.debt_interest
    return Income(production, trade, organisations, tariffs, embargoes, tribute, upkeep, war, interest)


def steadiness(state: GameState, region_id: str) -> float:
    """The share of its production (and its army's strength) a region's stability lets it use."""
    share = state.rules.stability_output
    return 1.0 - share + share * state.regions[region_id].stability / 100.0


def fitness(state: GameState, region_id: str) -> float:
    """The share of its strength a region brings to a war: as its stability and weariness allow."""
    exhaustion = state.regions[region_id].exhaustion
    return steadiness(state, region_id) * (1.0 - state.rules.exhaustion_strength_loss * exhaustion / 100.0)


def regions_ruled(state: GameState, region_id: str) -> int:
    return sum(1 for r in state.regions.values() if r.ruler == region_id)


def score(state: GameState, region_id: str, ruled: int | None = None) -> float:
    """The standing used for the final ranking: wealth, strength, land and trust.

    `ruled`, the number of regions it rules, may be given when scoring everyone at once."""
    region = state.regions[region_id]
    if not region.alive:
        return 0.0
    if ruled is None:
        ruled = regions_ruled(state, region_id)
    rules = state.rules
    kept = min(region.treasury, rules.score_treasury_turns * region.economy)  # a hoard beyond scores nothing
    gold = kept * (rules.score_treasury if kept >= 0 else rules.score_debt)
    return (
        region.economy * rules.score_economy
        + region.military * rules.score_military
        + gold
        + region.reputation * rules.score_reputation
        + (ruled - 1) * rules.score_region
    )


def final_score(state: GameState, region_id: str) -> float:
    """The score that ranks regions at the turn limit: the mean of the last turns' scores, so a
    spree of spending on the last turn buys little."""
    recent = state.recent_scores.get(region_id)
    if not recent:
        return score(state, region_id)
    return sum(recent) / len(recent)


def record_scores(state: GameState) -> None:
    """Keep each living region's score of this turn, the last `score_window` of them."""
    window = state.rules.score_window
    everyone = scores(state)
    for region_id in state.living():
        kept = state.recent_scores.setdefault(region_id, [])
        kept.append(everyone[region_id])
        del kept[:-window]
    for region_id in [r for r in state.recent_scores if not state.regions[r].alive]:
        del state.recent_scores[region_id]
    state.power_memo = power_leader(state)


def scores(state: GameState) -> dict[str, float]:
    """Every region's score, in one pass over the map."""
    ruled = Counter(region.ruler for region in state.regions.values())
    return {r: score(state, r, ruled[r]) for r in state.order}


def standings(state: GameState) -> list[tuple[str, float]]:
    """The living regions by score, best first, as published at the start of this turn."""
    turn, ranked = state.standings_memo
    if turn != state.turn or not ranked:
        everyone = scores(state)
        ranked = sorted(((r, everyone[r]) for r in state.living()), key=lambda x: (-x[1], x[0]))
        state.standings_memo = (state.turn, ranked)
    return ranked
