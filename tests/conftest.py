"""Shared fixtures: a small world written as an inline scenario, built through the real loader.

The map of the test world (borders are symmetric):

    alba --- bria
     |        |
    cora --- dova
     |        |
    elda --- fenn

Cultures: alba, bria and fenn are `north`; cora, dova and elda are `south`; north and south have
an affinity of -0.3 (not kin). The `council` (security body, sessions every 3 turns) has alba, bria,
cora and dova; the `market` (trade body, sessions every 4 turns) has alba, bria and cora. Elda and
fenn belong to nothing, so alba knows neither of them at the start.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
# Saves, autosaves and logs made by tests go to a folder of their own, never the player's.
os.environ.setdefault("BILATERAL_HOME", tempfile.mkdtemp(prefix="bilateral-tests-"))

from collections.abc import Callable
from typing import Any

import pytest
import yaml

from game.core import actions as A
from game.core.engine import Outcome, apply
from game.core.model import GameState
from game.core.snapshot import state_hash
from game.core.why import Refusal, Why
from game.scenario.build import new_game
from game.scenario.loader import load_scenario_bytes

WORLD_YAML = """\
format: 1
meta:
  id: testworld
  name: {en: Test world, pl: Świat testowy}
  description: {en: Six regions for rulebook tests., pl: Sześć regionów do testów reguł.}
  seed: 11
  turn_limit: 100
rules:
  diplomatic_actions: 2
  ambassador_upkeep: 1.0
  ambassador_growth: 1.0
  ambassador_cap: 10.0
  visit_cost: 10.0
  proposal_expiry: 3
  pact_turns: 20
  treaty_turns: 30
  truce_turns: 10
  break_reputation: 12.0
  trade_rate: 0.15
  neighbour_trade_bonus: 0.5
  kin_trade_bonus: 0.5
  exclusive_trade_bonus: 0.5
  embargo_target_loss: 0.06
  embargo_own_loss: 0.01
  military_upkeep: 0.05
  war_cost: 0.04
  war_score_step: 14.0
  war_losses: 0.04
  exhaustion_per_turn: 4.0
  invest_economy_rate: 0.08
  invest_military_rate: 0.5
  session_every: 5
  leverage_threshold: 1.6
  tariff: 0.3
  org_trade_rate: 0.02
  rogue_turns: 3
  tribute_turns: 3
cultures:
  - id: north
    name: {en: North, pl: Północ}
  - id: south
    name: {en: South, pl: Południe}
affinities:
  - between: [north, south]
    value: -0.3
regions:
  - id: alba
    name: {en: Alba, pl: Alba}
    culture: north
    colour: "#aa3030"
    position: [100, 100]
    neighbours: [bria, cora]
    economy: 20
    treasury: 100
    military: 30
    stability: 60
    reputation: 60
    personality: diplomat
  - id: bria
    name: {en: Bria, pl: Bria}
    culture: north
    colour: "#30aa30"
    position: [300, 100]
    neighbours: [alba, dova]
    economy: 10
    treasury: 100
    military: 20
    stability: 60
    reputation: 60
    personality: merchant
  - id: cora
    name: {en: Cora, pl: Cora}
    culture: south
    colour: "#3030aa"
    position: [100, 300]
    neighbours: [alba, dova, elda]
    economy: 15
    treasury: 100
    military: 25
    stability: 60
    reputation: 60
    personality: warlord
  - id: dova
    name: {en: Dova, pl: Dova}
    culture: south
    colour: "#aaaa30"
    position: [300, 300]
    neighbours: [bria, cora, fenn]
    economy: 12
    treasury: 100
    military: 20
    stability: 60
    reputation: 60
    personality: opportunist
  - id: elda
    name: {en: Elda, pl: Elda}
    culture: south
    colour: "#aa30aa"
    position: [100, 500]
    neighbours: [cora, fenn]
    economy: 8
    treasury: 100
    military: 15
    stability: 60
    reputation: 60
    personality: rogue
  - id: fenn
    name: {en: Fenn, pl: Fenn}
    culture: north
    colour: "#30aaaa"
    position: [300, 500]
    neighbours: [dova, elda]
    economy: 30
    treasury: 100
    military: 25
    stability: 60
    reputation: 60
    personality: merchant
organisations:
  - id: council
    name: {en: Council, pl: Rada}
    kind: security
    members: [alba, bria, cora, dova]
    session_every: 3
  - id: market
    name: {en: Market, pl: Rynek}
    kind: trade
    members: [alba, bria, cora]
    session_every: 4
"""

REGIONS = ("alba", "bria", "cora", "dova", "elda", "fenn")


def build_world(
    *,
    rules: dict[str, Any] | None = None,
    victory: dict[str, Any] | None = None,
    turn_limit: int | None = None,
    seed: int = 11,
    edit: Callable[[dict[str, Any]], None] | None = None,
) -> GameState:
    """The test world, with rule overrides, a victory section, a turn limit or any other edit.

    The YAML text is parsed, edited as plain data, written back as YAML and loaded through
    `load_scenario_bytes`, so every world a test uses has passed the real validator.
    """
    tree = yaml.safe_load(WORLD_YAML)
    if rules:
        tree["rules"].update(rules)
    if victory is not None:
        tree["meta"]["victory"] = victory
    if turn_limit is not None:
        tree["meta"]["turn_limit"] = turn_limit
    if edit is not None:
        edit(tree)
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
    loaded = load_scenario_bytes(text.encode("utf-8"), "testworld.yaml")
    return new_game(loaded.scenario, seed)


@pytest.fixture
def world() -> GameState:
    """A fresh test world on turn 1, at peace, with no treaties, ambassadors or embargoes."""
    return build_world()


@pytest.fixture
def make_world() -> Callable[..., GameState]:
    """The `build_world` function, for tests that need rule overrides or a victory section."""
    return build_world


def act(state: GameState, action: A.Action) -> Outcome:
    """Apply an action that the test expects to be legal; fail with the refusal otherwise."""
    outcome = apply(state, action)
    assert outcome.ok, f"{action!r} was refused: {outcome.reason}"
    return outcome


def refused(state: GameState, action: A.Action, why: Why) -> Refusal:
    """Apply an action that the test expects to be refused for `why`; check that nothing changed.

    The refusal's code is what the test states; its text must read whole (no empty places).
    """
    before = state_hash(state)
    outcome = apply(state, action)
    assert outcome.reason is not None, f"{action!r} was allowed"
    assert outcome.reason.why is why, f"{action!r} was refused as {outcome.reason.code}: {outcome.reason}"
    assert state_hash(state) == before, f"refused {action!r} changed the state"
    text = str(outcome.reason)
    assert text.strip(), "a refusal must give a readable reason"
    assert "{" not in text, f"unfilled placeholder in {text!r}"
    return outcome.reason


def answer_waiting(state: GameState, recipient: str, accept: bool = True, kind: str | None = None) -> Outcome:
    """The recipient answers the only (or the only `kind` of) proposal waiting for it."""
    waiting = [
        p for p in state.proposals.values() if p.recipient == recipient and (kind is None or p.kind == kind)
    ]
    assert len(waiting) == 1, f"expected one proposal for {recipient}, found {waiting}"
    return act(state, A.Answer(recipient, waiting[0].id, accept))
