"""State changes shared by actions and the world phase: treaties, wars, peace, annexation.

Each function changes the state and appends its news to `state.events`.
"""

from __future__ import annotations

from game.core.events import Event, EventKind
from game.core.model import (
    TREATY_MODIFIERS,
    GameState,
    PeaceTerms,
    Proposal,
    ProposalKind,
    Terms,
    Treaty,
    TreatyEnd,
    TreatyKind,
    Tribute,
    War,
    pair,
)
from game.core.relations import (
    add_effect,
    allies,
    at_war,
    change_reputation,
    remove_modifier,
    set_modifier,
    treaties_of,
)


def news(state: GameState, kind: EventKind, *actors: str, **data: str | float | int | bool | None) -> Event:
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
    if exclusive and kind == "trade":
        treaty.bound = y if state.regions[x].economy >= state.regions[y].economy else x
    state.add_treaty(treaty)
    value = getattr(state.rules.opinion, kind).value
    set_modifier(state, a, b, TREATY_MODIFIERS[kind], value)
    set_modifier(state, b, a, TREATY_MODIFIERS[kind], value)
    news(state, "treaty_signed", x, y, treaty=kind, exclusive=exclusive)
    return treaty


def end_treaty(
    state: GameState, treaty: Treaty, *, broken_by: str | None = None, why: TreatyEnd = "expired"
) -> None:
    """Remove a treaty. Breaking one early costs reputation with everyone who knows the breaker;
    ending a deal that an organisation condemned is doing as it asked, not a betrayal."""
    state.remove_treaty(treaty)
    remove_modifier(state, treaty.a, treaty.b, TREATY_MODIFIERS[treaty.kind])
    remove_modifier(state, treaty.b, treaty.a, TREATY_MODIFIERS[treaty.kind])
    if broken_by is None:
        news(state, "treaty_ended", treaty.a, treaty.b, treaty=treaty.kind, why=why)
        return
    victim = treaty.other(broken_by)
    if treaty.condemned:
        news(state, "treaty_cancelled", broken_by, victim, treaty=treaty.kind, why="complied")
        return
    punish_betrayal(state, broken_by, victim)
    news(state, "treaty_cancelled", broken_by, victim, treaty=treaty.kind, why=why)


def punish_betrayal(state: GameState, breaker: str, victim: str) -> None:
    """The victim remembers; everyone else who knows the breaker sees its reputation fall."""
    change_reputation(state, breaker, -state.rules.break_reputation)
    add_effect(state, victim, breaker, "broke_treaty", state.rules.opinion.broke_treaty)


def start_war(state: GameState, attacker: str, defender: str, *, ally_of: str | None = None) -> War:
    """Open a war: treaties between the two end, ambassadors leave, the defender's allies are called.
    Enemies know each other from then on, so they can always talk peace."""
    truce = state.truces.pop(pair(attacker, defender), None)
    for treaty in treaties_of(state, attacker):
        if defender in treaty.parties:
            breaking = treaty.kind in ("non_aggression", "alliance") and ally_of is None
            end_treaty(state, treaty, broken_by=attacker if breaking else None, why="war")
    if truce is not None and ally_of is None:
        punish_betrayal(state, attacker, defender)
    state.ambassadors.discard((attacker, defender))
    state.ambassadors.discard((defender, attacker))
    state.regions[attacker].contacts.add(defender)
    state.regions[defender].contacts.add(attacker)
    war = War(state.new_id(), attacker, defender, state.turn, ally_of=ally_of)
    state.add_war(war)
    add_effect(state, defender, attacker, "declared_war", state.rules.opinion.declared_war)
    if ally_of is None:  # an aggressor is trusted less by all who know it, and remembered
        change_reputation(state, attacker, -state.rules.aggression_reputation)
        state.regions[attacker].last_aggression = state.turn
    news(state, "war_declared", attacker, defender, ally_of=ally_of)
    if ally_of is None:
        call_to_arms(state, defender, attacker)
    return war


def call_to_arms(state: GameState, defender: str, attacker: str) -> None:
    for ally in allies(state, defender):
        if ally != attacker and not at_war(state, ally, attacker):
            propose(state, "call_to_arms", defender, ally, Terms(about=attacker))


def propose(state: GameState, kind: ProposalKind, sender: str, recipient: str, terms: Terms) -> Proposal:
    proposal = Proposal(
        state.new_id(),
        kind,
        sender,
        recipient,
        terms,
        state.turn,
        state.turn + state.rules.proposal_expiry,
    )
    state.proposals[proposal.id] = proposal
    return proposal


def make_peace(state: GameState, war: War, terms: Terms, *, truce_turns: int | None = None) -> None:
    """End a war: a truce follows (while a tribute is paid, and the truce's length after it; a
    deal's peace names its own length, and its news says so); allies who joined to defend either
    side stop fighting too."""
    rules = state.rules
    end_war(state, war)
    a, b = war.parties
    tribute = terms.tribute > 0 and terms.payer is not None
    truce = rules.truce_turns if truce_turns is None else truce_turns
    truce += rules.tribute_turns if tribute else 0
    if truce > 0:
        state.truces[pair(a, b)] = truce
    kind: PeaceTerms = "annex" if terms.annex else "tribute" if terms.tribute > 0 else "white"
    if truce_turns is None:
        news(state, "peace_signed", a, b, terms=kind)
    else:  # a deal's peace: what else it holds is in the deal's own news
        news(state, "peace_signed", a, b, terms=kind, deal=True, turns=truce)
    if tribute and terms.payer is not None:
        payee = b if terms.payer == a else a
        state.tributes.append(Tribute(terms.payer, payee, terms.tribute, rules.tribute_turns))
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
    rules = state.rules
    lost, won = state.regions[loser], state.regions[winner]
    for region in state.regions.values():
        if region.ruler == loser:
            region.ruler = winner
    won.military += lost.military * rules.annex_military_share
    won.economy += lost.economy * rules.annex_economy_share
    state.ruler_changed()
    won.treasury += max(0.0, lost.treasury) * rules.annex_treasury_share
    lost.military = 0.0
    lost.treasury = 0.0
    for treaty in treaties_of(state, loser):
        end_treaty(state, treaty, why="annexed")
    for war in [w for w in state.wars.values() if loser in w.parties]:
        end_war(state, war)
    state.ambassadors.drop_region(loser)
    state.embargoes.drop_region(loser)
    state.sanctions = {k: v for k, v in state.sanctions.items() if loser not in k}
    state.truces = {p: t for p, t in state.truces.items() if loser not in p}
    state.pledges = {p: t for p, t in state.pledges.items() if loser not in p}
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


def lift_embargo(state: GameState, by: str, on: str, *, pledge: int = 0) -> None:
    """`pledge`: the turns `by` promises, in a deal, to impose no embargo on `on` again (what the
    lifting was bought for would otherwise last a turn)."""
    state.embargoes.discard((by, on))
    state.sanctions.pop((by, on), None)
    remove_modifier(state, on, by, "embargo")
    if pledge > 0:
        state.pledges[(by, on)] = pledge
        news(state, "embargo_lifted", by, on, pledge=pledge)
    else:  # the news of a plain lifting keeps its old form (saved games hash it)
        news(state, "embargo_lifted", by, on)


def end_war(state: GameState, war: War) -> None:
    """Remove a war, and forget that organisations reviewed it."""
    state.remove_war(war)
    for org in state.organisations.values():
        org.reviewed.discard(war.id)


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
