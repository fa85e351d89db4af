"""The world phase that ends every turn, as a list of named steps."""

from __future__ import annotations

from game.core.diplomacy import end_treaty, make_peace, news
from game.core.economy import income, scores
from game.core.model import GameState, Terms, War
from game.core.organisations import hold_sessions
from game.core.relations import (
    allies,
    at_war,
    clamp,
    has_access_to,
    set_modifier,
)
from game.core.victory import check_victory, friends

REPUTATION_MEND = 0.25  # per turn
REPUTATION_MEND_TO = 50.0
STABILITY_REST = 60.0  # stability drifts back toward this in peace
EXHAUSTION_RECOVERY = 5.0
CAPITULATION = 100.0
TERMS_GRACE = 4  # turns a victor has to impose terms before a white peace is forced
ALLY_SHARE = 0.3  # of an ally's strength that helps in a war it fights too
REFUSALS_REMEMBERED = 20  # turns a refused proposal stays on record


def end_of_turn(state: GameState) -> None:
    """Wars, economy, opinions, expiry, organisation sessions, victory; then the next turn starts."""
    resolve_wars(state)
    run_economy(state)
    update_opinions(state)
    count_down(state)
    hold_sessions(state)
    check_victory(state)
    record_history(state)
    start_next_turn(state)


def _strength(state: GameState, region_id: str, enemy: str) -> float:
    region = state.regions[region_id]
    own = region.military * (0.5 + region.stability / 200.0) * (1.0 - region.exhaustion / 250.0)
    helpers = [a for a in allies(state, region_id) if at_war(state, a, enemy)]
    help_ = sum(state.regions[a].military * ALLY_SHARE for a in helpers)
    access = 1.1 if has_access_to(state, region_id, enemy) else 1.0
    return max(own + help_, 0.1) * access


def resolve_wars(state: GameState) -> None:
    rules = state.rules
    for war in sorted(state.wars.values(), key=lambda w: w.id):
        if war.id not in state.wars:  # ended by an earlier peace in this loop
            continue
        if war.capitulated is not None:
            if state.turn - war.capitulated_on >= TERMS_GRACE:
                make_peace(state, war, Terms())
            continue
        att, dfn = state.regions[war.attacker], state.regions[war.defender]
        sa = _strength(state, war.attacker, war.defender) * state.rng.uniform(0.75, 1.25)
        sd = _strength(state, war.defender, war.attacker) * state.rng.uniform(0.75, 1.25) * 1.1  # home ground
        war.score = clamp(war.score + rules.war_score_step * (sa - sd) / (sa + sd) * 2, -100.0, 100.0)
        att.military = max(0.0, att.military - sd * rules.war_losses)
        dfn.military = max(0.0, dfn.military - sa * rules.war_losses)
        for side, enemy_strength, own in ((att, sd, sa), (dfn, sa, sd)):
            side.exhaustion = clamp(
                side.exhaustion + rules.exhaustion_per_turn * (0.5 + enemy_strength / (own + enemy_strength)),
                0.0,
                100.0,
            )
            side.stability = clamp(side.stability - 1.0, 0.0, 100.0)
        loser = _loser(state, war)
        if loser is not None:
            war.capitulated = loser
            war.capitulated_on = state.turn
            news(state, "capitulation", loser, war.defender if loser == war.attacker else war.attacker)


def _loser(state: GameState, war: War) -> str | None:
    if war.score >= CAPITULATION or state.regions[war.defender].military <= 0.5:
        return war.defender
    if war.score <= -CAPITULATION or state.regions[war.attacker].military <= 0.5:
        return war.attacker
    for side in (war.attacker, war.defender):
        if state.regions[side].exhaustion >= CAPITULATION and war.side_score(side) < 0:
            return side
    return None


def run_economy(state: GameState) -> None:
    fighting = {p for w in state.wars.values() for p in w.parties}
    for region_id in state.living():
        region = state.regions[region_id]
        region.treasury += income(state, region_id).total
        if region.treasury < 0:  # unpaid soldiers and officials
            region.stability = clamp(region.stability - 3.0, 0.0, 100.0)
            region.military *= 0.97
        if region.reputation < REPUTATION_MEND_TO:  # trust comes back slowly to those who behave
            region.reputation = min(REPUTATION_MEND_TO, region.reputation + REPUTATION_MEND)
        if region_id not in fighting:
            region.exhaustion = max(0.0, region.exhaustion - EXHAUSTION_RECOVERY)
            step = (
                1.0
                if region.stability < STABILITY_REST
                else -0.5
                if region.stability > STABILITY_REST + 20
                else 0
            )
            region.stability = clamp(region.stability + step, 0.0, 100.0)
    for tribute in state.tributes:
        tribute.turns_left -= 1
    state.tributes = [t for t in state.tributes if t.turns_left > 0]


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
    for proposal_id in [i for i, p in state.proposals.items() if p.expires <= state.turn]:
        del state.proposals[proposal_id]
    for region in state.regions.values():
        region.rogue_turns = max(0, region.rogue_turns - 1)
    forgotten = state.turn - REFUSALS_REMEMBERED
    state.refusals = {k: t for k, t in state.refusals.items() if t > forgotten}


def record_history(state: GameState) -> None:
    """Each living region's score, treasury and friends at the end of the turn, for the charts
    of the game over screen."""
    living = state.living()
    everyone = scores(state)
    state.history.record(
        state.turn,
        {r: everyone[r] for r in living},
        {r: state.regions[r].treasury for r in living},
        friend_counts(state),
    )


def friend_counts(state: GameState) -> dict[str, int]:
    """For each living region, how many living regions are allied with it or regard it as a friend."""
    return {region: len(found) for region, found in friends(state, state.living()).items()}


def start_next_turn(state: GameState) -> None:
    state.turn += 1
    for region in state.regions.values():
        region.actions_left = state.rules.diplomatic_actions if region.alive else 0
        region.visit_used = False
