"""The world phase that ends every turn, as a list of named steps."""

from __future__ import annotations

from collections.abc import Mapping

from game.core.diplomacy import end_treaty, make_peace, news
from game.core.economy import fitness, income, record_scores, scores
from game.core.model import GameState, Terms, War
from game.core.organisations import hold_sessions
from game.core.registry import PROPOSAL_RULES
from game.core.relations import (
    allies,
    at_war,
    change_reputation,
    clamp,
    has_access_to,
    set_modifier,
)
from game.core.victory import check_victory, friends

CAPITULATION = 100.0  # the end of the war score's scale (-100..100), not a tunable number


def end_of_turn(state: GameState) -> None:
    """Wars, economy, opinions, expiry, organisation sessions, victory; then the next turn starts."""
    resolve_wars(state)
    run_economy(state)
    update_opinions(state)
    count_down(state)
    hold_sessions(state)
    record_scores(state)
    everyone = friends(state, state.living())  # for the victory check and the charts alike
    check_victory(state, everyone)
    record_history(state, everyone)
    start_next_turn(state)


def strength(state: GameState, region_id: str, enemy: str, *, at_home: bool) -> float:
    """What a side brings to a war against `enemy`: its army as stability and weariness allow,
    its people where it defends its home, a share of its allies' armies fighting the same enemy,
    and the help of an ally's land bordering the enemy."""
    rules = state.rules
    region = state.regions[region_id]
    fit = fitness(state, region_id)
    own = region.military * fit
    if at_home:
        own = (own + rules.home_guard * region.economy * fit) * (1.0 + rules.home_ground)
    helpers = [a for a in allies(state, region_id) if at_war(state, a, enemy)]
    help_ = sum(state.regions[a].military * rules.ally_share for a in helpers)
    access = 1.0 + rules.access_bonus if has_access_to(state, region_id, enemy) else 1.0
    return max(own + help_, 0.1) * access


def resolve_wars(state: GameState) -> None:
    rules = state.rules
    for war in sorted(state.wars.values(), key=lambda w: w.id):
        if war.id not in state.wars:  # ended by an earlier peace in this loop
            continue
        if war.capitulated is not None:
            if state.turn - war.capitulated_on >= rules.terms_grace:
                make_peace(state, war, Terms())
            continue
        att, dfn = state.regions[war.attacker], state.regions[war.defender]
        luck = rules.war_luck
        sa = strength(state, war.attacker, war.defender, at_home=False) * state.rng.uniform(
            1 - luck, 1 + luck
        )
        sd = strength(state, war.defender, war.attacker, at_home=True) * state.rng.uniform(1 - luck, 1 + luck)
        war.score = clamp(war.score + rules.war_score_step * (sa - sd) / (sa + sd) * 2, -100.0, 100.0)
        att.military = max(0.0, att.military - sd * rules.war_losses)
        dfn.military = max(0.0, dfn.military - sa * rules.war_losses)
        for side, enemy_strength, own in ((att, sd, sa), (dfn, sa, sd)):
            side.exhaustion = clamp(
                side.exhaustion + rules.exhaustion_per_turn * (0.5 + enemy_strength / (own + enemy_strength)),
                0.0,
                100.0,
            )
            side.stability = clamp(side.stability - rules.war_stability_loss, 0.0, 100.0)
        loser = _loser(state, war)
        if loser is not None:
            war.capitulated = loser
            war.capitulated_on = state.turn
            news(state, "capitulation", loser, war.defender if loser == war.attacker else war.attacker)


def _loser(state: GameState, war: War) -> str | None:
    """A side capitulates at the end of the war score, when all it and its allies bring is spent,
    or when it is exhausted and losing."""
    least = state.rules.capitulation_strength
    if war.score >= CAPITULATION or strength(state, war.defender, war.attacker, at_home=True) <= least:
        return war.defender
    if war.score <= -CAPITULATION or strength(state, war.attacker, war.defender, at_home=False) <= least:
        return war.attacker
    for side in (war.attacker, war.defender):
        if state.regions[side].exhaustion >= CAPITULATION and war.side_score(side) < 0:
            return side
    return None


def run_economy(state: GameState) -> None:
    rules = state.rules
    fighting = {p for w in state.wars.values() for p in w.parties}
    for region_id in state.living():
        region = state.regions[region_id]
        region.treasury += income(state, region_id).total
        if region.treasury < 0:
            _pay_for_debt(state, region_id)
        if region.reputation < rules.reputation_mend_to:  # trust comes back slowly to those who behave
            region.reputation = min(rules.reputation_mend_to, region.reputation + rules.reputation_mend)
        if region_id not in fighting:
            region.exhaustion = max(0.0, region.exhaustion - rules.exhaustion_recovery)
            rest = rules.stability_rest
            drift = rules.stability_drift  # up toward the rest, and down, half as fast, from well above it
            step = drift if region.stability < rest else -drift / 2 if region.stability > rest + 20 else 0
            region.stability = clamp(region.stability + step, 0.0, 100.0)
    for tribute in state.tributes:
        tribute.turns_left -= 1
    state.tributes = [t for t in state.tributes if t.turns_left > 0]


def _pay_for_debt(state: GameState, region_id: str) -> None:
    """Debt has a price: unpaid soldiers desert and officials lose heart (interest is part of the
    income); a debt past bankruptcy_turns of the economy is written off at a cost in trust."""
    rules, region = state.rules, state.regions[region_id]
    region.stability = clamp(region.stability - rules.debt_stability_loss, 0.0, 100.0)
    region.military *= 1.0 - rules.debt_desertion
    if -region.treasury > rules.bankruptcy_turns * max(region.economy, 1.0):
        region.treasury = 0.0
        change_reputation(state, region_id, -rules.bankruptcy_reputation)
        region.stability = clamp(region.stability - rules.bankruptcy_stability, 0.0, 100.0)
        news(state, "bankruptcy", region_id)


def update_opinions(state: GameState) -> None:
    growth = state.rules.ambassador_growth
    envoys = state.ambassadors
    for (holder, about), mods in state.opinions.items():  # each entry on its own: order does not matter
        faded = False
        for mod in mods:
            decay = mod.decay
            if decay > 0:
                value = mod.value
                value = value - decay if value > 0 else value + decay
                mod.value = 0.0 if -decay < value < decay else value
            elif mod.kind == "ambassador" and (holder, about) not in envoys and (about, holder) not in envoys:
                mod.value = max(0.0, mod.value - growth)
            faded = faded or mod.value == 0.0
        if faded:
            mods[:] = [m for m in mods if m.value != 0.0 or (m.decay == 0 and m.kind.startswith("treaty_"))]
    for sender, host in sorted(state.ambassadors):
        for holder, about in ((host, sender), (sender, host)):
            current = sum(m.value for m in state.opinions.get((holder, about), []) if m.kind == "ambassador")
            set_modifier(
                state,
                holder,
                about,
                "ambassador",
                min(state.rules.ambassador_cap, current + growth),
            )
    for key in [k for k, v in state.opinions.items() if not v]:
        del state.opinions[key]


def count_down(state: GameState) -> None:
    for treaty in sorted(state.treaties.values(), key=lambda t: t.id):
        treaty.turns_left -= 1
        if treaty.turns_left <= 0:
            end_treaty(state, treaty, why="expired")
    state.truces = {p: t - 1 for p, t in state.truces.items() if t > 1}
    state.pledges = {p: t - 1 for p, t in state.pledges.items() if t > 1}
    for proposal_id in sorted(i for i, p in state.proposals.items() if p.expires <= state.turn):
        proposal = state.proposals.pop(proposal_id)
        PROPOSAL_RULES[proposal.kind].expired(state, proposal)
    for region in state.regions.values():
        region.rogue_turns = max(0, region.rogue_turns - 1)
    forgotten = state.turn - state.rules.refusals_remembered
    state.refusals = {k: t for k, t in state.refusals.items() if t > forgotten}


def record_history(state: GameState, everyone: Mapping[str, set[str]] | None = None) -> None:
    """Each living region's score, treasury and friends at the end of the turn, for the charts
    of the game over screen (`everyone`, when given: `friends` of every living region, worked
    out for this state)."""
    living = state.living()
    scored = scores(state)
    state.history.record(
        state.turn,
        {r: scored[r] for r in living},
        {r: state.regions[r].treasury for r in living},
        friend_counts(state, everyone),
    )


def friend_counts(state: GameState, everyone: Mapping[str, set[str]] | None = None) -> dict[str, int]:
    """For each living region, how many living regions are allied with it or regard it as a friend."""
    if everyone is None:
        everyone = friends(state, state.living())
    return {region: len(found) for region, found in everyone.items()}


def start_next_turn(state: GameState) -> None:
    state.turn += 1
    state.deal_asks.clear()  # asking again is remembered for the turn it happens in
    for region in state.regions.values():
        region.actions_left = state.rules.diplomatic_actions if region.alive else 0
        region.visit_used = False
        region.raised = 0.0
