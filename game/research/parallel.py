"""The simultaneous variant of the research environment (PettingZoo's parallel API).

Each step is one round of the game: every living agent gives one slot of the catalogue, and when
its turn comes in the scenario's order that action is taken and its turn ends (END_TURN passes).
Agents choose from what they saw at the start of the round, so an action that the turns before
it made impossible is refused (its code in the agent's info, "refused"), as in any game of
simultaneous orders. The AEC environment (game/research/env.py) is the game as it is played,
each agent acting after seeing what those before it did.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from pettingzoo import ParallelEnv

from game.research.actions import ActionCatalogue
from game.research.match import DEFAULT_REWARDS, Rewards
from game.research.table import OnTable, Opponents, Table
from game.scenario.schema import Scenario

Step = tuple[dict[str, Any], dict[str, float], dict[str, bool], dict[str, bool], dict[str, dict[str, Any]]]


class BilateralParallelEnv(OnTable, ParallelEnv):
    metadata: ClassVar[dict[str, Any]] = {
        "name": "bilateral_parallel_v0",
        "render_modes": ["ansi"],
        "is_parallelizable": True,
    }

    def __init__(
        self,
        scenario: str | Scenario = "tutorial",
        *,
        agents: Sequence[str] | None = None,
        opponents: Opponents = "standard",
        rewards: Rewards = DEFAULT_REWARDS,
        max_turns: int | None = None,
        flat: bool = False,
        render_mode: str | None = None,
    ) -> None:
        table = Table(scenario, agents, opponents, rewards, max_turns, actions_per_turn=1, flat=flat)
        self._lay(table, render_mode)

    def reset(
        self, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
        """A new game; `options` are not used."""
        match = self.table.new_match(seed)
        self.agents = [a for a in self.possible_agents if match.alive(a)]
        return {a: self.table.observe(a) for a in self.agents}, {a: {} for a in self.agents}

    def step(self, actions: Mapping[str, int]) -> Step:
        """One round: each living agent's action at its turn (an agent left out passes)."""
        match = self.match
        infos: dict[str, dict[str, Any]] = {a: {} for a in self.agents}
        acted: set[str] = set()
        while (agent := match.current) is not None and agent not in acted:
            acted.add(agent)
            refused = match.step(int(actions.get(agent, ActionCatalogue.END_TURN)))
            if refused:
                infos[agent]["refused"] = refused
        earned = match.collect_rewards()
        rewards = {a: earned[a] for a in self.agents}
        terminations = {a: match.over or not match.alive(a) for a in self.agents}
        truncations = {a: match.truncated for a in self.agents}
        observations = {a: self.table.observe(a) for a in self.agents}
        self.agents = [a for a in self.agents if not (terminations[a] or truncations[a])]
        return observations, rewards, terminations, truncations, infos
