"""What both research environments share: the scenario, who takes the seats the agents leave,
the Gymnasium spaces, and an agent's observation with its legal-action mask."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
from gymnasium import spaces

from game.ai.base import Controller
from game.catalogue import find
from game.players import make_player
from game.research.actions import ActionCatalogue
from game.research.match import Match, Rewards
from game.research.observe import ObservationEncoder
from game.saves import save_game
from game.scenario.build import new_game
from game.scenario.generate import scenario_to_yaml
from game.scenario.schema import Scenario
from game.session import MAX_AI_ACTIONS

Opponent = str | Controller  # a player's name (see game/players.py) or a Controller of your own
Opponents = Opponent | Mapping[str, Opponent]


class Table:
    """A scenario laid out for agents: `agents` (regions; default: every region) are played by
    the learning code, every other region by `opponents` (one for all, or one per region, with
    "standard" for any region not named). With `flat`, the observation is one array
    (`encoder.flat_columns()` names its numbers) rather than a dict of blocks."""

    def __init__(
        self,
        scenario: str | Scenario,
        agents: Sequence[str] | None,
        opponents: Opponents,
        rewards: Rewards,
        max_turns: int | None,
        actions_per_turn: int = MAX_AI_ACTIONS,
        flat: bool = False,
    ) -> None:
        if isinstance(scenario, str):
            entry = find(scenario)
            loaded = entry.load()
            self.scenario, self.scenario_file = loaded.scenario, entry.key
            self.scenario_text = entry.saved_text(loaded)
        else:
            self.scenario, self.scenario_file = scenario, scenario.meta.id
            self.scenario_text = scenario_to_yaml(scenario)
        probe = new_game(self.scenario)
        unknown = sorted(set(agents or ()) - set(probe.order))
        if unknown:
            raise ValueError(
                f"no such region: {', '.join(unknown)}; the regions are {', '.join(probe.order)}"
            )
        self.order = tuple(probe.order)
        self.possible_agents = [r for r in probe.order if agents is None or r in agents]
        self.opponents = opponents
        self.rewards = rewards
        self.max_turns = max_turns
        self.actions_per_turn = actions_per_turn
        organisations = sorted(probe.organisations)
        self.catalogue = ActionCatalogue(probe.order, organisations)
        self.encoder = ObservationEncoder(probe.order, organisations)
        self.flat = flat
        seen = spaces.flatten_space(self.encoder.space) if flat else self.encoder.space
        mask = spaces.Box(low=0, high=1, shape=(len(self.catalogue),), dtype=np.int8)
        # One space object per agent, always the same one, so that seeding an agent's space holds.
        self.observation_spaces = {
            a: spaces.Dict({"observation": seen, "action_mask": mask}) for a in self.possible_agents
        }
        self.action_spaces = {a: spaces.Discrete(len(self.catalogue)) for a in self.possible_agents}
        self.seed: int = self.scenario.meta.seed
        self.match: Match | None = None

    def new_match(self, seed: int | None) -> Match:
        """A new game: on `seed`; without one the scenario's own seed, then one more each time."""
        if seed is not None:
            self.seed = seed
        elif self.match is not None:
            self.seed += 1
        seats = self._seats()
        self.match = Match(
            self.scenario,
            self.possible_agents,
            seats,
            self.seed,
            rewards=self.rewards,
            max_turns=self.max_turns,
            actions_per_turn=self.actions_per_turn,
        )
        return self.match

    def _seats(self) -> dict[str, Controller]:
        """Fresh players by name for this game (one per name, as in tournaments); Controllers as given."""
        players: dict[str, Controller] = {}
        seats = {}
        for region in self.order:
            if region in self.possible_agents:
                continue
            given = (
                self.opponents.get(region, "standard")
                if isinstance(self.opponents, Mapping)
                else self.opponents
            )
            if isinstance(given, str):
                given = players.setdefault(given, make_player(given))
            seats[region] = given
        return seats

    def observe(self, agent: str) -> dict[str, Any]:
        """What `agent` sees now, and which slots it may take were it its turn."""
        assert self.match is not None, "reset the environment first"
        mask = np.zeros(len(self.catalogue), dtype=np.int8)
        mask[list(self.match.legal(agent))] = 1
        seen: Any = self.encoder.encode(self.match.view(agent))
        if self.flat:
            seen = spaces.flatten(self.encoder.space, seen)
        return {"observation": seen, "action_mask": mask}

    def save(self, path: str | Path) -> Path:
        """The game so far as a save file, the agents' regions named as its human players:
        `bilateral replay PATH` replays its record from the seed and prints its state hash."""
        assert self.match is not None, "reset the environment first"
        players = {"humans": list(self.possible_agents), "difficulty": "normal"}
        return save_game(path, self.scenario_text, self.scenario_file, self.match.session, players)

    def standings(self) -> str:
        """A line a person reads: the turn, whose turn it is, and the standings."""
        assert self.match is not None
        state = self.match.state
        ranked = ", ".join(f"{r} {s:.0f}" for r, s in self.match.view(state.order[0]).standings())
        return f"turn {state.turn}, {self.match.current or 'no one'} to act; standings: {ranked}"


class OnTable:
    """What the AEC and the parallel environment do alike, through their Table."""

    metadata: ClassVar[dict[str, Any]]

    def _lay(self, table: Table, render_mode: str | None) -> None:
        if render_mode not in (None, *self.metadata["render_modes"]):
            raise ValueError(f"render_mode is None or one of {self.metadata['render_modes']}")
        self.render_mode = render_mode
        self.table = table
        self.possible_agents = list(table.possible_agents)
        self.catalogue: ActionCatalogue = table.catalogue  # what each action number stands for
        self.agents: list[str] = []

    @property
    def match(self) -> Match:
        """The game being played (its `state`, its `session` with the record of every action)."""
        assert self.table.match is not None, "reset the environment first"
        return self.table.match

    def observation_space(self, agent: str) -> spaces.Space[Any]:
        return self.table.observation_spaces[agent]

    def action_space(self, agent: str) -> spaces.Space[Any]:
        return self.table.action_spaces[agent]

    def save(self, path: str | Path) -> Path:
        """The game so far as a save file (see Table.save): `bilateral replay PATH` checks it."""
        return self.table.save(path)

    def render(self) -> str | None:
        return self.table.standings() if self.render_mode == "ansi" else None

    def close(self) -> None:
        """Nothing to release: the game holds no files, windows or processes."""
