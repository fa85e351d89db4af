"""A game between learning agents and computer players, one action at a time: what the research
environments (game/research/env.py) run, with nothing of PettingZoo in it.

Agents are regions without a computer player: the session waits for them as it waits for a human.
An agent's turn is a run of actions from the catalogue (game/research/actions.py), each of which
the session applies as it applies a human's, until the agent ends its turn or has taken
`actions_per_turn` steps; then the computer players and the world move on to the next agent's
turn. Proposals to an agent wait in its inbox for its turn, as a human's do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from game.ai.base import Controller
from game.core import actions as A
from game.core.economy import scores
from game.core.model import GameState
from game.core.view import View
from game.research.actions import ActionCatalogue, Choice
from game.scenario.build import new_game
from game.scenario.schema import Scenario
from game.session import MAX_AI_ACTIONS, Session


@dataclass(frozen=True, slots=True)
class Rewards:
    """What an agent is given: `victory` when it wins, `defeat` when it is annexed, and `score`
    for each point of score (game.core.economy.score, what ranks regions at the turn limit) it
    gains over a turn, or loses."""

    victory: float = 1.0
    defeat: float = -1.0
    score: float = 0.0


DEFAULT_REWARDS = Rewards()


class Match:
    def __init__(
        self,
        scenario: Scenario,
        agents: Sequence[str],
        opponents: Mapping[str, Controller],
        seed: int,
        *,
        rewards: Rewards = DEFAULT_REWARDS,
        max_turns: int | None = None,
        actions_per_turn: int = MAX_AI_ACTIONS,
    ) -> None:
        self.state: GameState = new_game(scenario, seed)
        self.agents = tuple(agents)
        self.session = Session(self.state, dict(opponents), strict=True)
        self.catalogue = ActionCatalogue(self.state.order, sorted(self.state.organisations))
        self.rewards = rewards
        self.last_turn = self.state.turn + max_turns if max_turns is not None else None
        self.actions_per_turn = actions_per_turn
        self.steps_this_turn = 0
        self._choices: tuple[int, str, dict[int, Choice]] | None = None
        self._scores = {a: s for a, s in scores(self.state).items() if a in self.agents}
        self._scored_turn = self.state.turn
        self._fallen: set[str] = set()
        self._victory_paid = False
        self.advance()

    # --- where the game stands -------------------------------------------------------------
    @property
    def over(self) -> bool:
        return self.state.over

    @property
    def truncated(self) -> bool:
        """The game reached `max_turns` turns before it ended."""
        return self.last_turn is not None and self.state.turn >= self.last_turn and not self.over

    @property
    def current(self) -> str | None:
        """The agent whose turn it is; None once the game is over or truncated."""
        if self.over or self.truncated:
            return None
        return self.session.current

    def alive(self, agent: str) -> bool:
        return self.state.regions[agent].alive

    def view(self, agent: str) -> View:
        return View(self.state, agent)

    def choices(self, agent: str) -> dict[int, Choice]:
        """The catalogue's slots the rules offer `agent` now (kept while the game stands still:
        every change goes into the session's log)."""
        moment = len(self.session.log)
        if self._choices is None or self._choices[:2] != (moment, agent):
            self._choices = (moment, agent, self.catalogue.choices(self.view(agent)))
        return self._choices[2]

    def legal(self, agent: str) -> dict[int, A.Action | None]:
        """The slots `agent` may take now, with their actions."""
        return {i: c.action for i, c in self.choices(agent).items() if c.refusal is None}

    # --- playing ------------------------------------------------------------------------------
    def step(self, slot: int) -> str | None:
        """The current agent takes the catalogue's slot; the code of the refusal if it may not
        (nothing changes then, but the step counts toward its turn's `actions_per_turn`)."""
        agent = self.current
        if agent is None:
            raise RuntimeError("no agent's turn: the game is over")
        choice = self.choices(agent).get(slot)
        refused = None
        self.steps_this_turn += 1
        if choice is None:
            refused = "not_offered"  # the rules offer no such action now (or there is no such slot)
        elif choice.refusal is not None:
            refused = choice.refusal.code
        elif choice.action is not None:
            outcome = self.session.submit(choice.action)
            assert outcome.ok, f"the rules allowed, then refused {choice.action}: {outcome.reason}"
        if slot == ActionCatalogue.END_TURN or self.steps_this_turn >= self.actions_per_turn:
            self._end_turn()
        return refused

    def _end_turn(self) -> None:
        self.session.end_region_turn()
        self.steps_this_turn = 0
        self.advance()

    def advance(self) -> None:
        """Play the computer players' turns, and pass those of annexed agents, up to a live
        agent's turn, the end of the game, or `max_turns`."""
        while not self.over and not self.truncated:
            region = self.session.current
            assert region is not None
            if not self.session.is_human(region):
                self.session.step_computer()
            elif not self.alive(region):
                self.session.end_region_turn()
            else:
                return

    # --- rewards ------------------------------------------------------------------------------
    def collect_rewards(self) -> dict[str, float]:
        """What each agent has earned since the last call: a defeat the moment it is annexed,
        its score's change when a turn has passed, a victory when it wins."""
        earned = dict.fromkeys(self.agents, 0.0)
        for agent in self.agents:
            if agent not in self._fallen and not self.alive(agent):
                self._fallen.add(agent)
                earned[agent] += self.rewards.defeat
        if self.rewards.score and (self.state.turn != self._scored_turn or self.over):
            now = scores(self.state)
            for agent in self.agents:
                if agent not in self._fallen:
                    earned[agent] += self.rewards.score * (now[agent] - self._scores[agent])
                    self._scores[agent] = now[agent]
            self._scored_turn = self.state.turn
        if self.over and self.state.winner in earned and not self._victory_paid:
            earned[self.state.winner] += self.rewards.victory
            self._victory_paid = True
        return earned
