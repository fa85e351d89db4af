"""Bilateral as a PettingZoo environment, for research on negotiating agents. It needs the research
extra (pip install 'bilateral[research]'); the game itself never does. docs/research.md is the guide.

    from game.research.env import env, parallel_env
    game = env("straits", agents=["velmar"], opponents="hard")

`env()` is the AEC environment: one agent per region, acting in the scenario's order, each taking
actions from the catalogue (game/research/actions.py) until it ends its turn; every other region
is played by a computer player or a scripted strategy. `parallel_env()` is the simultaneous
variant: each step, every agent takes one action for its whole turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from pettingzoo import AECEnv
from pettingzoo.utils import wrappers

from game.research.match import DEFAULT_REWARDS, Rewards
from game.research.parallel import BilateralParallelEnv
from game.research.table import OnTable, Opponents, Table
from game.scenario.schema import Scenario
from game.session import MAX_AI_ACTIONS

__all__ = ["BilateralEnv", "BilateralParallelEnv", "Rewards", "env", "parallel_env", "raw_env"]


class BilateralEnv(OnTable, AECEnv):
    """One game of Bilateral, turn by turn, action by action.

    Agents are region ids. The observation is a dict: "observation", the region's View in arrays
    (game/research/observe.py), and "action_mask", 1 for each slot of the catalogue the rules
    allow it now. A slot not allowed changes nothing and its refusal's code is in the agent's
    info ("refused"). A turn ends with END_TURN (slot 0) or after `actions_per_turn` steps.
    An agent is terminated when it is annexed and when the game ends; all are truncated after
    `max_turns` turns, if given. reset(seed=S) plays the game of seed S: the same seed and the
    same actions give the same game (its state hash: `env.unwrapped.match.state`).
    """

    metadata: ClassVar[dict[str, Any]] = {
        "name": "bilateral_v0",
        "render_modes": ["ansi"],
        "is_parallelizable": False,
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
        actions_per_turn: int = MAX_AI_ACTIONS,
        render_mode: str | None = None,
    ) -> None:
        super().__init__()
        self._lay(Table(scenario, agents, opponents, rewards, max_turns, actions_per_turn, flat), render_mode)

    def reset(self, seed: int | None = None, options: dict[str, Any] | None = None) -> None:
        """A new game; `options` are not used."""
        self.table.new_match(seed)
        self.agents = list(self.possible_agents)
        self.rewards = dict.fromkeys(self.agents, 0.0)
        self._cumulative_rewards = dict.fromkeys(self.agents, 0.0)
        self.terminations = dict.fromkeys(self.agents, False)
        self.truncations = dict.fromkeys(self.agents, False)
        self.infos: dict[str, dict[str, Any]] = {a: {} for a in self.agents}
        self._skip_agent_selection = None
        self.agent_selection = self.match.current or self.agents[0]
        self._settle()

    def observe(self, agent: str) -> dict[str, Any]:
        return self.table.observe(agent)

    def step(self, action: int | None) -> None:
        agent = self.agent_selection
        if self.terminations[agent] or self.truncations[agent]:
            self._was_dead_step(action)
            return
        if action is None:
            raise ValueError(f"{agent} is playing: give it a slot of the catalogue, not None")
        self._cumulative_rewards[agent] = 0.0
        refused = self.match.step(int(action))
        self.infos[agent] = {"refused": refused} if refused else {}
        self._settle()

    def _settle(self) -> None:
        """Rewards, the fallen and the end of the game after a step; then whose turn it is."""
        match = self.match
        earned = match.collect_rewards()
        self.rewards = {a: earned[a] for a in self.agents}
        for a in self.agents:
            self.terminations[a] = match.over or not match.alive(a)
            self.truncations[a] = match.truncated
        self._accumulate_rewards()
        if match.current is not None:
            self.agent_selection = match.current
        self._deads_step_first()


raw_env = BilateralEnv


def env(scenario: str | Scenario = "tutorial", **kwargs: Any) -> Any:
    """The AEC environment, wrapped as PettingZoo's own are: stepping out of order or with a slot
    outside the action space is an error."""
    wrapped = wrappers.AssertOutOfBoundsWrapper(BilateralEnv(scenario, **kwargs))
    return wrappers.OrderEnforcingWrapper(wrapped)


def parallel_env(scenario: str | Scenario = "tutorial", **kwargs: Any) -> BilateralParallelEnv:
    return BilateralParallelEnv(scenario, **kwargs)
