"""Organisations: sessions open resolutions, members vote, results take effect, demands are kept.

A security body condemns aggressors (opinion, reputation, sanctions from sanction_share of the
members); a trade body condemns lopsided exclusive deals (the richer side then pays a tariff)
and members' embargoes on fellow members that nothing justifies. Applications to join are put
to the members at once. A resolution passes when more than `resolution_majority` of the members
who may vote say yes: staying silent is not a yes. A condemned region that does what was asked
before the deadline regains some trust; one that defies it past the deadline loses more, and a
non-member is marked rogue.
"""

from __future__ import annotations

from game.core.diplomacy import end_treaty, lift_embargo, news
from game.core.economy import is_lopsided, richer_party
from game.core.events import EventKind
from game.core.model import Demand, GameState, Organisation, Resolution, ResolutionKind
from game.core.relations import add_effect, allies, at_war, change_reputation, set_modifier, treaty_between


def hold_sessions(state: GameState) -> None:
    for resolution in sorted(state.resolutions.values(), key=lambda r: r.id):
        if resolution.opened < state.turn:
            _close(state, resolution)
    for org in sorted(state.organisations.values(), key=lambda o: o.id):
        _review_demands(state, org)
        if state.turn % org.session_every == 0 and org.members:
            _open_resolutions(state, org)


def voters(state: GameState, resolution: Resolution) -> list[str]:
    """The members who may vote on a resolution: living, and not the region it is about."""
    members = state.organisations[resolution.org].members
    return sorted(m for m in members if m != resolution.target and state.regions[m].alive)


def recent_aggressor(state: GameState, region: str) -> bool:
    """Declared a war of its own within the last `rogue_turns` turns."""
    last = state.regions[region].last_aggression
    return last is not None and state.turn - last <= state.rules.rogue_turns


def justified_embargo(state: GameState, by: str, on: str) -> bool:
    """An embargo needs no excuse on an enemy, an ally's enemy, a recent aggressor, or a region
    condemned or rogue, nor when an organisation's sanctions called for it."""
    if (by, on) in state.sanctions or recent_aggressor(state, on):
        return True
    if at_war(state, by, on) or any(at_war(state, ally, on) for ally in allies(state, by)):
        return True
    if state.regions[on].rogue_turns > 0:
        return True
    return any(on in org.demands for org in state.organisations.values())


def defying(state: GameState, region_id: str, demand: Demand) -> bool:
    """Still doing what a resolution condemned: waging the war (or having won it: land or tribute
    taken from its victim), holding the condemned deal, or keeping the embargo."""
    victim = demand.about
    if demand.kind == "condemn_aggression":
        waging = any(w.attacker == region_id and w.ally_of is None for w in state.wars_of(region_id))
        annexed = victim is not None and state.regions[victim].ruler == region_id
        tribute = any(t.payee == region_id and t.payer == victim for t in state.tributes)
        return waging or annexed or tribute
    if demand.kind == "condemn_deal":
        return any(t.taxed == region_id for t in state.treaties_of(region_id))
    return victim is not None and (region_id, victim) in state.embargoes


def _open_resolutions(state: GameState, org: Organisation) -> None:
    pending = {(r.kind, r.target, r.subject) for r in state.resolutions.values() if r.org == org.id}
    if org.kind == "security":
        for war in sorted(state.wars.values(), key=lambda w: w.id):
            if war.ally_of is None and war.id not in org.reviewed:  # starting wars are reviewed too
                org.reviewed.add(war.id)
                open_resolution(state, org, "condemn_aggression", war.attacker, war.defender, war.id)
        return
    for treaty in sorted(state.treaties.values(), key=lambda t: t.id):
        reviewed = treaty.a in org.members or treaty.b in org.members
        if reviewed and not treaty.condemned and is_lopsided(state, treaty):
            richer = richer_party(state, treaty)
            if ("condemn_deal", richer, treaty.id) not in pending:
                open_resolution(state, org, "condemn_deal", richer, treaty.other(richer), treaty.id)
    for by, on in state.embargoes:
        both = by in org.members and on in org.members
        fresh = ("condemn_embargo", by, 0) not in pending and by not in org.demands
        if both and fresh and not justified_embargo(state, by, on):
            open_resolution(state, org, "condemn_embargo", by, on, 0)


def open_resolution(
    state: GameState, org: Organisation, kind: ResolutionKind, target: str, about: str | None, subject: int
) -> Resolution:
    resolution = Resolution(state.new_id(), org.id, kind, target, subject, state.turn, about=about)
    state.resolutions[resolution.id] = resolution
    actors = (target,) if about is None else (target, about)
    news(state, "resolution_opened", *actors, org=org.id, resolution=kind)
    return resolution


def _close(state: GameState, resolution: Resolution) -> None:
    del state.resolutions[resolution.id]
    org = state.organisations[resolution.org]
    target = resolution.target
    if not state.regions[target].alive:
        return
    yes = sum(1 for v in resolution.votes.values() if v)
    no = len(resolution.votes) - yes
    eligible = len(voters(state, resolution))
    actors = (target,) if resolution.about is None else (target, resolution.about)
    passed = yes > state.rules.resolution_majority * eligible if eligible else resolution.kind == "admit"
    outcome: EventKind = "resolution_passed" if passed else "resolution_failed"
    news(state, outcome, *actors, org=org.id, resolution=resolution.kind, yes=yes, no=no)
    if passed:
        _PASSED[resolution.kind](state, org, resolution, yes)


def _admit(state: GameState, org: Organisation, resolution: Resolution, yes: int) -> None:
    org.members.add(resolution.target)
    state.membership_changed()
    news(state, "joined_organisation", resolution.target, org=org.id)


def _condemn_aggression(state: GameState, org: Organisation, resolution: Resolution, yes: int) -> None:
    rules, target = state.rules, resolution.target
    members = _members_but(state, org, target)
    change_reputation(state, target, -rules.condemned_reputation)
    _demand(state, org, resolution)
    for member in members:
        add_effect(state, member, target, "condemned", rules.opinion.condemned)
    if yes >= rules.sanction_share * len(org.members):
        for member in members:
            _sanction(state, member, target, org.id)


def _condemn_deal(state: GameState, org: Organisation, resolution: Resolution, yes: int) -> None:
    rules, target = state.rules, resolution.target
    treaty = state.treaties.get(resolution.subject)
    if treaty is None:
        return
    treaty.taxed = target
    _demand(state, org, resolution)
    for member in _members_but(state, org, target):
        add_effect(state, member, target, "lopsided_deal", rules.opinion.lopsided_deal)


def _condemn_embargo(state: GameState, org: Organisation, resolution: Resolution, yes: int) -> None:
    rules, target = state.rules, resolution.target
    change_reputation(state, target, -rules.condemned_reputation)
    _demand(state, org, resolution)
    for member in _members_but(state, org, target):
        add_effect(state, member, target, "condemned", rules.opinion.condemned)


def _demand(state: GameState, org: Organisation, resolution: Resolution) -> None:
    deadline = state.turn + state.rules.rogue_turns
    org.demands[resolution.target] = Demand(resolution.kind, deadline, resolution.about)


_PASSED = {
    "admit": _admit,
    "condemn_aggression": _condemn_aggression,
    "condemn_deal": _condemn_deal,
    "condemn_embargo": _condemn_embargo,
}


def _members_but(state: GameState, org: Organisation, target: str) -> list[str]:
    return sorted(m for m in org.members if m != target and state.regions[m].alive)


def _sanction(state: GameState, member: str, target: str, org_id: str) -> None:
    if (member, target) in state.embargoes:
        return
    trade = treaty_between(state, member, target, "trade")
    if trade is not None:
        end_treaty(state, trade, why="sanctions")
    state.embargoes.add((member, target))
    state.sanctions[(member, target)] = org_id
    state.pledges.pop((member, target), None)  # a body's sanctions outrank a promise bought in a deal
    set_modifier(state, target, member, "embargo", state.rules.opinion.embargo.value)
    news(state, "embargo_imposed", member, target, sanction=org_id)


def _lift_sanctions(state: GameState, org: Organisation, target: str) -> None:
    """Sanctions end when their target does what was asked."""
    for by, on in sorted(k for k, v in state.sanctions.items() if v == org.id and k[1] == target):
        lift_embargo(state, by, on)


def _review_demands(state: GameState, org: Organisation) -> None:
    """Each turn: a region that has done what was asked is thanked and released; one still
    defying at its deadline (or that ended its war by taking from its victim) pays, and a
    non-member is marked rogue."""
    rules = state.rules
    for region_id, demand in sorted(org.demands.items()):
        if not state.regions[region_id].alive:
            del org.demands[region_id]
        elif not defying(state, region_id, demand):
            del org.demands[region_id]
            _lift_sanctions(state, org, region_id)
            change_reputation(state, region_id, rules.compliance_reputation)
            for member in _members_but(state, org, region_id):
                add_effect(state, member, region_id, "complied", rules.opinion.complied)
            news(state, "complied", region_id, org=org.id)
        elif state.turn >= demand.deadline or _profited(state, region_id, demand):
            del org.demands[region_id]
            _defied(state, org, region_id)


def _profited(state: GameState, region_id: str, demand: Demand) -> bool:
    """A condemned aggressor whose war is over, with the victim's land or tribute in its hands."""
    if demand.kind != "condemn_aggression":
        return False
    return not any(w.attacker == region_id and w.ally_of is None for w in state.wars_of(region_id))


def _defied(state: GameState, org: Organisation, region_id: str) -> None:
    rules = state.rules
    change_reputation(state, region_id, -rules.condemned_reputation)
    news(state, "defied", region_id, org=org.id)
    if region_id in org.members:
        return
    state.regions[region_id].rogue_turns = rules.rogue_turns
    change_reputation(state, region_id, -rules.rogue_reputation)
    for member in sorted(org.members):
        add_effect(state, member, region_id, "rogue", rules.opinion.rogue)
    news(state, "rogue_marked", region_id, org=org.id)
