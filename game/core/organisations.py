"""Organisations: sessions open resolutions, members vote the next turn, results take effect.

A security body condemns aggressors (opinion, reputation, sanctions at two thirds); a trade body
condemns lopsided exclusive deals, which then pay a tariff. A non-member that keeps defying a
passed resolution past its deadline is marked rogue.
"""

from __future__ import annotations

from game.core.diplomacy import end_treaty, news
from game.core.economy import is_lopsided, richer_party
from game.core.model import GameState, Organisation, Resolution
from game.core.relations import add_modifier, clamp, treaty_between

CONDEMNED_OPINION = -15.0
CONDEMNED_REPUTATION = 5.0
LOPSIDED_OPINION = -10.0
ROGUE_REPUTATION = 10.0
ROGUE_OPINION = -10.0
SANCTION_SHARE = 2 / 3


def hold_sessions(state: GameState) -> None:
    for resolution in sorted(state.resolutions.values(), key=lambda r: r.id):
        if resolution.opened < state.turn:
            _close(state, resolution)
    for org in sorted(state.organisations.values(), key=lambda o: o.id):
        _mark_rogues(state, org)
        if state.turn % org.session_every == 0 and org.members:
            _open_resolutions(state, org)


def defying(state: GameState, region_id: str) -> bool:
    """Still waging a war of aggression or holding a condemned deal."""
    aggressor = any(w.attacker == region_id and w.ally_of is None for w in state.wars_of(region_id))
    condemned = any(t.condemned for t in state.treaties_of(region_id))
    return aggressor or condemned


def _open_resolutions(state: GameState, org: Organisation) -> None:
    pending = {(r.kind, r.subject) for r in state.resolutions.values() if r.org == org.id}
    if org.kind == "security":
        since = state.turn - org.session_every
        for war in sorted(state.wars.values(), key=lambda w: w.id):
            if war.ally_of is None and war.started > since and ("condemn_aggression", war.id) not in pending:
                _open(state, org, "condemn_aggression", war.attacker, war.id)
    else:
        for treaty in sorted(state.treaties.values(), key=lambda t: t.id):
            reviewed = treaty.a in org.members or treaty.b in org.members
            fresh = ("condemn_deal", treaty.id) not in pending
            if reviewed and fresh and not treaty.condemned and is_lopsided(state, treaty):
                _open(state, org, "condemn_deal", richer_party(state, treaty), treaty.id)


def _open(state: GameState, org: Organisation, kind: str, target: str, subject: int) -> None:
    resolution = Resolution(state.new_id(), org.id, kind, target, subject, state.turn)  # type: ignore[arg-type]
    state.resolutions[resolution.id] = resolution
    news(state, "resolution_opened", target, org=org.id, resolution=kind)


def _close(state: GameState, resolution: Resolution) -> None:
    del state.resolutions[resolution.id]
    org = state.organisations[resolution.org]
    yes = sum(1 for v in resolution.votes.values() if v)
    no = len(resolution.votes) - yes
    if yes <= no:
        news(state, "resolution_failed", resolution.target, org=org.id, resolution=resolution.kind)
        return
    target = resolution.target
    if not state.regions[target].alive:
        return
    news(state, "resolution_passed", target, org=org.id, resolution=resolution.kind, yes=yes, no=no)
    org.demands[target] = state.turn + state.rules.rogue_turns
    members = sorted(m for m in org.members if m != target and state.regions[m].alive)
    if resolution.kind == "condemn_aggression":
        region = state.regions[target]
        region.reputation = clamp(region.reputation - CONDEMNED_REPUTATION, 0.0, 100.0)
        for member in members:
            add_modifier(state, member, target, "condemned", CONDEMNED_OPINION, 0.3, cap=45)
        if yes >= SANCTION_SHARE * len(org.members):
            for member in members:
                _sanction(state, member, target, org.id)
    else:
        treaty = state.treaties.get(resolution.subject)
        if treaty is not None:
            treaty.condemned = True
        for member in members:
            add_modifier(state, member, target, "lopsided_deal", LOPSIDED_OPINION, 0.3, cap=30)


def _sanction(state: GameState, member: str, target: str, org_id: str) -> None:
    if (member, target) in state.embargoes:
        return
    trade = treaty_between(state, member, target, "trade")
    if trade is not None:
        end_treaty(state, trade, why="sanctions")
    state.embargoes.add((member, target))
    add_modifier(state, target, member, "embargo", -20.0, 0.0)
    news(state, "embargo_imposed", member, target, sanction=org_id)


def _mark_rogues(state: GameState, org: Organisation) -> None:
    for region_id, deadline in sorted(org.demands.items()):
        if state.turn < deadline:
            continue
        del org.demands[region_id]
        region = state.regions[region_id]
        if not region.alive or not defying(state, region_id):
            continue
        if region_id in org.members:
            region.reputation = clamp(region.reputation - CONDEMNED_REPUTATION, 0.0, 100.0)
            continue
        region.rogue_turns = state.rules.rogue_turns
        region.reputation = clamp(region.reputation - ROGUE_REPUTATION, 0.0, 100.0)
        for member in sorted(org.members):
            add_modifier(state, member, region_id, "rogue", ROGUE_OPINION, 0.2, cap=30)
        news(state, "rogue_marked", region_id, org=org.id)
