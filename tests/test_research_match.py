"""The game runner under the research environments: agents act slot by slot at their turns,
computer players fill the other seats, and rewards follow victory, defeat and score. Plain Python:
runs without the research extra."""

from __future__ import annotations

import random
from typing import Any

import pytest

from game.catalogue import find
from game.core.diplomacy import annex
from game.core.economy import scores
from game.core.snapshot import state_hash
from game.players import make_player
from game.research.actions import ActionCatalogue
from game.research.match import Match, Rewards
from game.scenario.schema import Scenario

END = ActionCatalogue.END_TURN
AGENTS = ("amberport", "highmoor")  # the tutorial's second and fourth regions


@pytest.fixture(scope="module")
def tutorial() -> Scenario:
    return find("tutorial").load().scenario


def _match(scenario: Scenario, seed: int = 3, **kwargs: Any) -> Match:
    others = {r: make_player("normal") for r in ("greenvale", "ironhold", "millbrook", "saltmarsh")}
    return Match(scenario, AGENTS, others, seed, **kwargs)


def _slot(match: Match, text: str) -> int:
    return next(i for i, slot in enumerate(match.catalogue.slots) if str(slot) == text)


def test_agents_take_their_turns_in_order_between_the_computers(tutorial: Scenario) -> None:
    match = _match(tutorial)
    assert match.current == "amberport"
    assert "greenvale" in {a.actor for a in match.session.log if a is not None}  # it played first
    match.step(END)
    assert match.current == "highmoor"
    match.step(END)
    assert match.current == "amberport" and match.state.turn == 2


def test_a_refused_slot_changes_nothing_and_says_why(tutorial: Scenario) -> None:
    match = _match(tutorial)
    before = state_hash(match.state)
    assert match.step(_slot(match, "declare_war amberport")) == "not_offered"  # not on ourselves
    assert match.step(len(match.catalogue) + 5) == "not_offered"
    assert state_hash(match.state) == before and match.current == "amberport"


def test_the_rules_refusal_is_given_for_an_offered_slot(tutorial: Scenario) -> None:
    match = _match(tutorial)
    match.state.regions["amberport"].actions_left = 0
    assert match.step(_slot(match, "send_ambassador saltmarsh")) == "no_actions_left"


def test_a_legal_slot_is_played_as_a_human_action(tutorial: Scenario) -> None:
    match = _match(tutorial)
    slot = _slot(match, "invest economy 0.5")
    action = match.legal("amberport")[slot]
    assert match.step(slot) is None
    assert match.session.log[-1] == action


def test_a_turn_ends_after_its_steps(tutorial: Scenario) -> None:
    match = _match(tutorial, actions_per_turn=3)
    for _ in range(3):
        assert match.current == "amberport"
        match.step(_slot(match, "declare_war amberport"))
    assert match.current == "highmoor"


def test_annexed_agents_are_defeated_once_and_pass_their_turns(tutorial: Scenario) -> None:
    match = _match(tutorial, rewards=Rewards(defeat=-5.0))
    assert match.collect_rewards() == dict.fromkeys(AGENTS, 0.0)
    annex(match.state, "highmoor", "ironhold")
    assert match.collect_rewards() == {"amberport": 0.0, "highmoor": -5.0}
    assert match.collect_rewards()["highmoor"] == 0.0
    match.step(END)
    assert match.current == "amberport"  # highmoor's turn was passed


def test_the_winner_is_rewarded_when_the_game_ends(tutorial: Scenario) -> None:
    match = _match(tutorial, rewards=Rewards(victory=2.0))
    match.state.winner = "amberport"
    assert match.over and match.current is None
    assert match.collect_rewards() == {"amberport": 2.0, "highmoor": 0.0}
    assert match.collect_rewards() == {"amberport": 0.0, "highmoor": 0.0}


def test_score_rewards_are_the_change_of_score_over_a_turn(tutorial: Scenario) -> None:
    match = _match(tutorial, rewards=Rewards(score=0.5))
    start = {a: s for a, s in scores(match.state).items() if a in AGENTS}
    match.step(END)
    assert match.collect_rewards() == dict.fromkeys(AGENTS, 0.0)  # no turn has passed yet
    match.step(END)
    now = scores(match.state)
    assert match.collect_rewards() == {a: pytest.approx(0.5 * (now[a] - start[a])) for a in AGENTS}


def test_max_turns_truncates_the_game(tutorial: Scenario) -> None:
    match = _match(tutorial, max_turns=2)
    for _ in range(4):
        match.step(END)
    assert match.truncated and not match.over and match.current is None
    assert match.state.turn == 3


def _random_game(scenario: Scenario, seed: int) -> str:
    match = _match(scenario, seed=seed, max_turns=15)
    luck = random.Random(0)
    while (agent := match.current) is not None:
        match.step(luck.choice(sorted(match.legal(agent))))
    return state_hash(match.state)


def test_the_same_seed_and_slots_give_the_same_game(tutorial: Scenario) -> None:
    assert _random_game(tutorial, 5) == _random_game(tutorial, 5)
    assert _random_game(tutorial, 5) != _random_game(tutorial, 6)
