"""State changes shared by actions and the world phase: treaties, wars, peace, annexation.

Each function changes the state and appends its news to `state.events`.
"""

from __future__ import annotations

from game.core.model import Event, GameState, Proposal, Terms, Treaty, TreatyKind, Tribute, War, pair
from game.core.relations import (
    add_modifier,
    allies,
    at_war,
    clamp,
    remove_modifier,
    set_modifier,
    treaties_of,
)

# Opinion each side holds of a partner while a treaty lasts.
TREATY_OPINION: dict[TreatyKind, float] = {
    "non_aggression": 3.0,
    "alliance": 10.0,
    "trade": 6.0,
    "access": 3.0,
}
BETRAYAL_VICTIM = -30.0  # the partner's opinion of a region that broke a treaty with it
DECLARED_WAR_OPINION = -40.0
AGGRESSION_REPUTATION = 5.0
IGNORED_CALL_OPINION = -25.0
IGNORED_CALL_REPUTATION = 6.0
ANNEX_MILITARY_SHARE = 0.5
ANNEX_ECONOMY_SHARE = 0.75


def news(state: GameState, kind: str, *actors: str, **data: str | float | int | bool | None) -> Event:
    event = Event(state.turn, kind, actors, tuple(sorted(data.items())))
    state.events.append(event)
    return event


def treaty_length(state: GameState, kind: TreatyKind) -> int:
    return state.rules.pact_turns if kind == "non_aggression" else state.rules.treaty_turns


def sign_treaty(
    state: GameState, kind: TreatyKind, a: str, b: str, *, exclusive: bool = False, turns: int | None = None
) -> Treaty:
    x, y = pair(a, b)
    treaty = Treaty(
        state.new_id(), kind, x, y, turns or treaty_length(state, kind), state.turn, exclusive=exclusive
    )
    state.add_treaty(treaty)
    set_modifier(state, a, b, f"treaty_{kind}", TREATY_OPINION[kind])
    set_modifier(state, b, a, f"treaty_{kind}", TREATY_OPINION[kind])
    news(state, "treaty_signed", x, y, treaty=kind, exclusive=exclusive)
    return treaty


def end_treaty(state: GameState, treaty: Treaty, *, broken_by: str | None = None, why: str = "") -> None:
    """Remove a treaty. Breaking one early costs reputation with everyone who knows the breaker."""
    state.remove_treaty(treaty)
    remove_modifier(state, treaty.a, treaty.b, f"treaty_{treaty.kind}")
    remove_modifier(state, treaty.b, treaty.a, f"treaty_{treaty.kind}")
    if broken_by is None:
        news(state, "treaty_ended", treaty.a, treaty.b, treaty=treaty.kind, why=why)
        return
    victim = treaty.b if broken_by == treaty.a else treaty.a
    punish_betrayal(state, broken_by, victim)
    news(state, "treaty_cancelled", broken_by, victim, treaty=treaty.kind, why=why)


def punish_betrayal(state: GameState, breaker: str, victim: str) -> None:
    """The victim remembers; everyone else who knows the breaker sees its reputation fall."""
    region = state.regions[breaker]
    region.reputation = clamp(region.reputation - state.rules.break_reputation, 0.0, 100.0)
    add_modifier(state, victim, breaker, "broke_treaty", BETRAYAL_VICTIM, 0.3)


def start_war(state: GameState, attacker: str, defender: str, *, ally_of: str | None = None) -> War:
    """Open a war: treaties between the two end, ambassadors leave, the defender's allies are called."""
    truce = state.truces.pop(pair(attacker, defender), None)
    for treaty in treaties_of(state, attacker):
        if defender in treaty.parties:
            breaking = treaty.kind in ("non_aggression", "alliance") and ally_of is None
            end_treaty(state, treaty, broken_by=attacker if breaking else None, why="war")
    if truce is not None and ally_of is None:
        punish_betrayal(state, attacker, defender)
    state.ambassadors.discard((attacker, defender))
    state.ambassadors.discard((defender, attacker))
    war = War(state.new_id(), attacker, defender, state.turn, ally_of=ally_of)
    state.add_war(war)
    add_modifier(state, defender, attacker, "declared_war", DECLARED_WAR_OPINION, 0.5)
    if ally_of is None:  # an aggressor is trusted less by all who know it
        region = state.regions[attacker]
        region.reputation = clamp(region.reputation - AGGRESSION_REPUTATION, 0.0, 100.0)
    news(state, "war_declared", attacker, defender, ally_of=ally_of)
    if ally_of is None:
        call_to_arms(state, defender, attacker)
    return war


def call_to_arms(state: GameState, defender: str, attacker: str) -> None:
    for ally in allies(state, defender):
        if ally != attacker and not at_war(state, ally, attacker):
            propose(state, "call_to_arms", defender, ally, Terms(about=attacker))


def propose(state: GameState, kind: str, sender: str, recipient: str, terms: Terms) -> Proposal:
    proposal = Proposal(
        state.new_id(),
        kind,  # type: ignore[arg-type]
        sender,
        recipient,
        terms,
        state.turn,
        state.turn + state.rules.proposal_expiry,
    )
    state.proposals[proposal.id] = proposal
    return proposal


def make_peace(state: GameState, war: War, terms: Terms) -> None:
    """End a war: a truce follows; allies who joined to defend either side stop fighting too."""
    state.remove_war(war)
    a, b = war.parties
    if state.rules.truce_turns > 0:
        state.truces[pair(a, b)] = state.rules.truce_turns
    kind = "annex" if terms.annex else "tribute" if terms.tribute > 0 else "white"
    news(state, "peace_signed", a, b, terms=kind)
    if terms.tribute > 0 and terms.payer is not None:
        payee = b if terms.payer == a else a
        state.tributes.append(Tribute(terms.payer, payee, terms.tribute, state.rules.tribute_turns))
    end_wars_joined_for(state, a, b)
    if terms.annex is not None:
        annex(state, terms.annex, b if terms.annex == a else a)


def end_wars_joined_for(state: GameState, a: str, b: str) -> None:
    """Allies who joined to defend one side stop fighting when that side makes peace."""
    for war in sorted(state.wars.values(), key=lambda w: w.id):
        if war.id in state.wars and war.ally_of in (a, b) and {a, b} & set(war.parties):
            make_peace(state, war, Terms())


def annex(state: GameState, loser: str, winner: str) -> None:
    """The loser and all it ruled pass to the winner; it stops acting and its ties are cut."""
    lost, won = state.regions[loser], state.regions[winner]
    for region in state.regions.values():
        if region.ruler == loser:
            region.ruler = winner
    won.military += lost.military * ANNEX_MILITARY_SHARE
    won.economy += lost.economy * ANNEX_ECONOMY_SHARE
    won.treasury += max(0.0, lost.treasury) * 0.5
    lost.military = 0.0
    lost.treasury = 0.0
    for treaty in treaties_of(state, loser):
        end_treaty(state, treaty, why="annexed")
    for war in [w for w in state.wars.values() if loser in w.parties]:
        state.remove_war(war)
    state.ambassadors.drop_region(loser)
    state.embargoes.drop_region(loser)
    state.truces = {p: t for p, t in state.truces.items() if loser not in p}
    state.tributes = [t for t in state.tributes if loser not in (t.payer, t.payee)]
    state.proposals = {
        i: p
        for i, p in state.proposals.items()
        if loser not in (p.sender, p.recipient, p.terms.about, p.terms.annex)
    }
    for org in state.organisations.values():
        org.members.discard(loser)
        org.demands.pop(loser, None)
    state.membership_changed()
    update_neighbours(state)
    news(state, "region_annexed", winner, loser)


def update_neighbours(state: GameState) -> None:
    """Rulers border what the regions they rule border."""
    touching: dict[str, set[str]] = {r: set() for r in state.regions}
    for region_id, borders in state.borders.items():
        ruler = state.regions[region_id].ruler
        for other in borders:
            other_ruler = state.regions[other].ruler
            if other_ruler != ruler:
                touching[ruler].add(other_ruler)
    state.neighbours = {r: frozenset(v) for r, v in touching.items()}
