"""The PettingZoo environments pass PettingZoo's own tests (the API test and the seed test, for the
AEC and the parallel API), observe only through the View, and replay from a seed. They need the
research extra; without it these tests are skipped."""

from __future__ import annotations

import random
import warnings
from collections.abc import Callable
from typing import Any

import pytest

pytest.importorskip(
    "pettingzoo", reason="the research extra is not installed: pip install -e '.[research]' to run these"
)
from pettingzoo.test import api_test, parallel_api_test, parallel_seed_test, seed_test

from game.ai.baselines import PassiveAI
from game.catalogue import find
from game.core.snapshot import state_hash
from game.research.actions import ActionCatalogue
from game.research.env import env, parallel_env, raw_env
from game.research.match import Rewards

AGENTS = ["amberport", "ironhold", "greenvale"]
# What PettingZoo's API test says of any environment built as this one is, on purpose: observations
# are dicts of named blocks (a flat array is one option away), agents are named after regions.
EXPECTED_WARNINGS = (
    "Observation is not a NumPy array",
    "Observation space for each agent probably should be gymnasium.spaces.box or gymnasium.spaces.discrete",
    "We recommend agents to be named in the format <descriptor>_<number>",
)


def _warned(test: Callable[[], None]) -> set[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        test()
    return {str(w.message) for w in caught}


def _unexpected(messages: set[str]) -> set[str]:
    return {m for m in messages if not m.startswith(EXPECTED_WARNINGS)}


def test_the_aec_environment_passes_the_api_test() -> None:
    game = env("tutorial", agents=AGENTS, max_turns=30, rewards=Rewards(score=0.01))
    assert _unexpected(_warned(lambda: api_test(game, num_cycles=100))) == set()


def test_the_flat_observation_passes_the_api_test_too() -> None:
    game = env("tutorial", agents=AGENTS, max_turns=30, flat=True)
    assert _unexpected(_warned(lambda: api_test(game, num_cycles=40))) == set()
    observation, *_ = game.last()
    columns = game.unwrapped.table.encoder.flat_columns()
    assert observation["observation"].shape == (len(columns),)
    assert observation["observation"][columns.index("me.turn")] == game.unwrapped.match.state.turn


def test_the_aec_environment_passes_the_seed_test() -> None:
    seed_test(lambda: env("tutorial", agents=AGENTS, max_turns=30), num_cycles=60)


def test_the_parallel_environment_passes_its_api_and_seed_tests() -> None:
    game = parallel_env("tutorial", max_turns=20)
    assert _unexpected(_warned(lambda: parallel_api_test(game, num_cycles=30))) == set()
    parallel_seed_test(lambda: parallel_env("tutorial", max_turns=20), num_cycles=30)


def _rounds(seed: int) -> str:
    """Parallel rounds with random legal actions to the end of the game; its state hash.
    (PettingZoo's parallel seed test stops after one round: this plays them all.)"""
    game = parallel_env("tutorial", max_turns=25)
    observations, _infos = game.reset(seed=seed)
    luck = random.Random(3)
    while game.agents:
        actions = {a: luck.choice(list(observations[a]["action_mask"].nonzero()[0])) for a in game.agents}
        observations, _rewards, _ends, _cuts, _infos = game.step(actions)
    return state_hash(game.match.state)


def test_parallel_rounds_replay_from_their_seed() -> None:
    assert _rounds(4) == _rounds(4)
    assert _rounds(4) != _rounds(5)


def _play(game: Any, seed: int, luck: random.Random) -> tuple[str, dict[str, float]]:
    """A whole game with random legal slots; its state hash and the rewards each agent got."""
    game.reset(seed=seed)
    got = dict.fromkeys(game.possible_agents, 0.0)
    for agent in game.agent_iter():
        observation, reward, terminated, truncated, _info = game.last()
        got[agent] += reward
        assert game.observation_space(agent).contains(observation)
        mask = observation["action_mask"]
        action = None if terminated or truncated else luck.choice(list(mask.nonzero()[0]))
        game.step(action)
    return state_hash(game.unwrapped.match.state), got


def test_a_whole_game_ends_every_agent_and_pays_the_winner() -> None:
    tutorial = find("tutorial").load().scenario
    short = tutorial.model_copy(update={"meta": tutorial.meta.model_copy(update={"turn_limit": 15})})
    game = env(short, agents=AGENTS, opponents="easy", rewards=Rewards(victory=1.0, score=0.0))
    _hash, got = _play(game, 5, random.Random(1))
    match = game.unwrapped.match
    assert match.over and game.agents == [] and match.state.turn == 16
    winner = match.state.winner
    assert sum(got.values()) == (1.0 if winner in AGENTS else 0.0) - sum(
        1.0 for a in AGENTS if not match.alive(a)
    )


def test_a_seed_replays_the_same_game_and_another_seed_another() -> None:
    game = env("tutorial", agents=AGENTS, max_turns=6)
    first = _play(game, 8, random.Random(2))
    assert _play(game, 8, random.Random(2)) == first
    assert _play(game, 9, random.Random(2))[0] != first[0]


def test_reset_without_a_seed_starts_from_the_scenarios_then_counts_on() -> None:
    game = raw_env("tutorial", max_turns=1)
    game.reset()
    assert game.match.state.seed == 7  # the tutorial's own seed
    game.reset()
    assert game.match.state.seed == 8


def test_any_player_or_controller_fills_the_other_seats() -> None:
    passive = PassiveAI()
    opponents = {"greenvale": "warmonger", "highmoor": "hard", "millbrook": passive}
    game = raw_env("tutorial", agents=["amberport"], opponents=opponents, max_turns=3)
    game.reset(seed=1)
    controllers = game.match.session.controllers
    assert controllers["greenvale"].name == "warmonger" and controllers["highmoor"].name == "hard"
    assert controllers["millbrook"] is passive and controllers["saltmarsh"].name == "standard"
    with pytest.raises(ValueError, match="no such region: atlantis"):
        raw_env("tutorial", agents=["atlantis"])


def test_a_refused_slot_is_in_the_info_and_the_mask_said_so() -> None:
    game = env("tutorial", agents=["amberport"])
    game.reset(seed=2)
    catalogue: ActionCatalogue = game.unwrapped.catalogue
    war_on_us = catalogue.number[("declare_war", "amberport", None, None, None, None)]
    observation, *_ = game.last()
    assert observation["action_mask"][war_on_us] == 0 and observation["action_mask"][0] == 1
    game.step(war_on_us)
    assert game.infos["amberport"] == {"refused": "not_offered"}


def test_render_says_whose_turn_it_is() -> None:
    game = env("tutorial", agents=["amberport"], render_mode="ansi")
    game.reset(seed=2)
    assert game.render().startswith("turn 1, amberport to act; standings: ")
