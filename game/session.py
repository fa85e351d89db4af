"""The turn sequencer used by the UI, the command line and the tests alike.

Regions act in the fixed order; a region without a controller is a human, whose turn waits for
`submit` and `end_region_turn`. Proposals to computer players are answered at once, and the
answer with its reasons is kept for the proposer to read. A computer player that fails is
logged and passes its turn (in strict mode, used by tests, the error is raised).

Every applied action goes into `log`, with None where a region's turn ended: replaying the log
on the scenario and seed gives the same game. A session that goes on from a save keeps the save's
record as `earlier` and logs only what is played after it. Computer players draw their luck from streams
derived from the seed, the turn and what they decide about, never from the rules' generator, so
a replay needs no computer player at all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from game.ai.base import Controller, Decision
from game.core import actions as A
from game.core.engine import Outcome, apply
from game.core.events import Event
from game.core.model import GameState
from game.core.rng import Rng
from game.core.view import View
from game.core.why import Why, refuse
from game.core.world import end_of_turn
from game.record import MAX_PLAYER_ACTIONS, SavedRecord

logger = logging.getLogger(__name__)

MAX_AI_ACTIONS = 40  # per region and turn: a guard against a player that never ends its turn
PLANNING, ANSWERING, VOTING = 1, 2, 3  # what a computer player's luck is drawn for


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """An answer given by a computer player, kept so that the proposer can read why."""

    turn: int
    proposal: int
    kind: str
    sender: str
    recipient: str
    decision: Decision


class Session:
    def __init__(
        self,
        state: GameState,
        controllers: dict[str, Controller],
        *,
        strict: bool = False,
        on_event: Callable[[Event], None] | None = None,
    ) -> None:
        self.state = state
        self.controllers = controllers
        self.strict = strict
        self.on_event = on_event
        self.answers: list[AnswerRecord] = []
        self.log: list[A.Action | None] = []  # applied actions; None ends a region's turn
        self.earlier = SavedRecord()  # the record before `log`, as a loaded save held it
        self.failures = 0
        self._index = 0  # position in state.order of the region whose turn it is
        self._run = 0  # entries logged in the current region's turn

    @classmethod
    def from_log(
        cls,
        state: GameState,
        controllers: dict[str, Controller],
        log: list[A.Action | None],
        *,
        strict: bool = False,
        earlier: SavedRecord | None = None,
    ) -> Session:
        """Go on with a game whose `state` was reached by playing `earlier` and then `log`."""
        session = cls(state, controllers, strict=strict)
        session.log = list(log)
        session.earlier = earlier or SavedRecord()
        whole = session.earlier.followed_by(session.log)
        session._index = whole.ends % len(state.order)
        session._run = whole.run
        return session

    # --- whose turn ---------------------------------------------------------------------------
    @property
    def current(self) -> str | None:
        """The region whose turn it is, or None once the game is over."""
        if self.state.over:
            return None
        return self.state.order[self._index]

    def is_human(self, region: str) -> bool:
        return region not in self.controllers

    # --- acting -----------------------------------------------------------------------------
    def submit(self, action: A.Action) -> Outcome:
        """Apply an action for the region whose turn it is (answers and votes: any recipient)."""
        free = isinstance(action, A.Answer | A.Vote)
        if not free and action.actor != self.current:
            return Outcome(refuse(Why.NOT_YOUR_TURN, region=action.actor))
        if self._run >= MAX_PLAYER_ACTIONS:  # the record of a turn stays within what a save may hold
            return Outcome(refuse(Why.TURN_FULL))
        return self._apply(action)

    def _apply(self, action: A.Action) -> Outcome:
        outcome = apply(self.state, action)
        if outcome.ok:
            self.log.append(action)
            self._run += 1
            for event in outcome.events:
                self._emit(event)
            self._answer_for_computers()
        return outcome

    def _emit(self, event: Event) -> None:
        if self.on_event is not None:
            self.on_event(event)

    def _answer_for_computers(self) -> None:
        """Computer players answer what waits for them at once; answers may raise new proposals."""
        while True:
            waiting = [
                p
                for p in sorted(self.state.proposals.values(), key=lambda p: p.id)
                if p.recipient in self.controllers and self.state.regions[p.recipient].alive
            ]
            if not waiting:
                return
            proposal = waiting[0]
            ai = self.controllers[proposal.recipient]
            try:
                view = View(self.state, proposal.recipient)
                decision = ai.answer(view, proposal, self.luck(ANSWERING, proposal.id))
            except Exception:
                self._failed(proposal.recipient, "answering")
                decision = Decision(False, ())
            answer = A.Answer(proposal.recipient, proposal.id, decision.accept, decision.counter)
            if decision.accept:
                answer = A.Answer(proposal.recipient, proposal.id, True)
            outcome = apply(self.state, answer)
            if not outcome.ok and (decision.accept or answer.counter):  # not possible: a plain refusal
                answer = A.Answer(proposal.recipient, proposal.id, False)
                outcome = apply(self.state, answer)
            if not outcome.ok:
                logger.warning(
                    "%s cannot answer proposal %s: %s", proposal.recipient, proposal.id, outcome.reason
                )
                return
            self.log.append(answer)
            self._run += 1
            for event in outcome.events:
                self._emit(event)
            self.answers.append(
                AnswerRecord(
                    self.state.turn, proposal.id, proposal.kind, proposal.sender, proposal.recipient, decision
                )
            )

    def luck(self, *parts: int) -> Rng:
        return Rng.derived(self.state.seed, self.state.turn, *parts)

    def _failed(self, region: str, doing: str) -> None:
        if self.strict:
            raise
        self.failures += 1
        logger.exception("computer player of %s failed while %s; it passes", region, doing)

    # --- turns ------------------------------------------------------------------------------
    def end_region_turn(self) -> None:
        """The current region is done; move to the next, running the world phase after the last."""
        self.log.append(None)
        self._run = 0
        self._index += 1
        if self._index >= len(self.state.order):
            self._index = 0
            first_event = len(self.state.events)
            end_of_turn(self.state)
            for event in self.state.events[first_event:]:
                self._emit(event)

    def step_computer(self) -> bool:
        """Play one computer region's turn, if it is a computer's turn; False when it is not."""
        region = self.current
        if region is None or self.is_human(region):
            return False
        if self.state.regions[region].alive:
            self._computer_turn(region)
        self.end_region_turn()
        return True

    def run_computers(self, *, stop_at_turn_end: bool = False) -> None:
        """Play computer regions until it is a human's turn or the game ends (or the turn does)."""
        while (region := self.current) is not None and not self.is_human(region):
            if self.state.regions[region].alive:
                self._computer_turn(region)
            self.end_region_turn()
            if stop_at_turn_end and self._index == 0:
                return

    def _computer_turn(self, region: str) -> None:
        ai = self.controllers[region]
        try:
            for resolution in View(self.state, region).ballots():
                vote = ai.vote(
                    View(self.state, region), resolution, self.luck(VOTING, resolution.id, self._index)
                )
                self._apply(A.Vote(region, resolution.id, vote))
            for action in ai.plan(View(self.state, region), self.luck(PLANNING, self._index))[
                :MAX_AI_ACTIONS
            ]:
                if action.actor != region:
                    logger.warning("computer player of %s acted for another region: %r", region, action)
                    return
                self._apply(action)  # a later step may be refused once the turn's budget is spent
        except Exception:
            self._failed(region, "playing its turn")

    def play_turns(self, turns: int, progress: Callable[[int], None] | None = None) -> None:
        """AI-only play: whole turns until `turns` have passed or the game ends."""
        target = self.state.turn + turns
        while not self.state.over and self.state.turn < target:
            self.run_computers(stop_at_turn_end=True)
            if self.current is not None and self.is_human(self.current):
                raise RuntimeError("play_turns needs every region played by the computer")
            if progress is not None:
                progress(self.state.turn)
