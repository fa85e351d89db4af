"""Turn a validated scenario into the starting state of a game."""

from __future__ import annotations

from game.core.diplomacy import sign_treaty, update_neighbours
from game.core.model import (
    GameState,
    Modifier,
    Organisation,
    Personality,
    Region,
    Victory,
    War,
    pair,
)
from game.core.relations import set_modifier
from game.core.rng import Rng
from game.scenario.builtin import BUILTIN_PERSONALITIES
from game.scenario.schema import Scenario


def new_game(scenario: Scenario, seed: int | None = None) -> GameState:
    seed = scenario.meta.seed if seed is None else seed
    rules = scenario.rules
    regions = {
        r.id: Region(
            id=r.id,
            culture=r.culture,
            personality=r.personality,
            economy=float(r.economy),
            treasury=float(r.treasury),
            military=float(r.military),
            stability=float(r.stability),
            reputation=float(r.reputation),
            ruler=r.id,
            actions_left=rules.diplomatic_actions,
        )
        for r in scenario.regions
    }
    borders = {r.id: frozenset(r.neighbours) for r in scenario.regions}
    personalities = {
        p.id: Personality(p.id, p.aggression, p.trade, p.loyalty, p.cultural_pride, p.risk, p.multilateralism)
        for p in (*BUILTIN_PERSONALITIES, *scenario.personalities)
    }
    v = scenario.meta.victory
    state = GameState(
        scenario_id=scenario.meta.id,
        seed=seed,
        rules=rules,
        victory=Victory(
            diplomatic_share=v.diplomatic.share if v.diplomatic else None,
            diplomatic_turns=v.diplomatic.turns if v.diplomatic else 5,
            economic_share=v.economic.share if v.economic else None,
            economic_turns=v.economic.turns if v.economic else 5,
            conquest_share=v.conquest.share if v.conquest else None,
        ),
        turn_limit=scenario.meta.turn_limit,
        regions=regions,
        order=[r.id for r in scenario.regions],
        borders=borders,
        neighbours=borders,
        culture_group={c.id: c.group for c in scenario.cultures if c.group is not None},
        affinity={pair(*a.between): float(a.value) for a in scenario.affinities},
        personalities=personalities,
        organisations={
            o.id: Organisation(o.id, o.kind, set(o.members), o.session_every or rules.session_every)
            for o in scenario.organisations
        },
        rng=Rng(seed),
    )
    update_neighbours(state)
    _starting_diplomacy(state, scenario)
    state.events.clear()  # the starting position is not news
    return state


def _starting_diplomacy(state: GameState, scenario: Scenario) -> None:
    d = scenario.diplomacy
    for t in d.treaties:
        sign_treaty(state, t.kind, t.between[0], t.between[1], exclusive=t.exclusive, turns=t.turns)
    for w in d.wars:
        war = War(state.new_id(), w.attacker, w.defender, started=0)
        state.add_war(war)
    for e in d.embargoes:  # as an embargo imposed in play: resented while it stands
        state.embargoes.add((e.by, e.target))
        set_modifier(state, e.target, e.by, "embargo", state.rules.opinion.embargo.value)
    for amb in d.ambassadors:
        state.ambassadors.add((amb.from_, amb.to))
    for o in d.opinions:
        mod = Modifier("scenario", float(o.value), float(o.decay), {"en": o.text.en, "pl": o.text.pl})
        state.opinions.setdefault((o.of, o.towards), []).append(mod)
