"""Actions: frozen records that humans (through the UI) and AIs produce alike.

Only the engine applies them. `Diplomatic` actions spend one of the turn's diplomatic actions;
answers, votes and investments are free.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.core.model import TreatyKind


@dataclass(frozen=True, slots=True)
class Action:
    actor: str


@dataclass(frozen=True, slots=True)
class Diplomatic(Action):
    """Marker base: costs one diplomatic action."""


@dataclass(frozen=True, slots=True)
class SendAmbassador(Diplomatic):
    target: str


@dataclass(frozen=True, slots=True)
class RecallAmbassador(Diplomatic):
    target: str


@dataclass(frozen=True, slots=True)
class ExpelAmbassador(Diplomatic):
    sender: str


@dataclass(frozen=True, slots=True)
class StateVisit(Action):
    """Uses the ruler's one visit of the turn, not a diplomatic action."""

    target: str


@dataclass(frozen=True, slots=True)
class ProposeTreaty(Diplomatic):
    target: str
    kind: TreatyKind
    exclusive: bool = False


@dataclass(frozen=True, slots=True)
class ProposePeace(Diplomatic):
    """Ends a war: white peace, tribute paid by `payer` for some turns, or annexation."""

    target: str
    terms: Literal["white", "tribute", "annex"] = "white"
    tribute: float = 0.0
    payer: str | None = None


@dataclass(frozen=True, slots=True)
class Answer(Action):
    """Accept or reject a proposal, visit, introduction, mediation or call to arms."""

    proposal: int
    accept: bool


@dataclass(frozen=True, slots=True)
class CancelTreaty(Diplomatic):
    treaty: int


@dataclass(frozen=True, slots=True)
class ImposeEmbargo(Diplomatic):
    target: str


@dataclass(frozen=True, slots=True)
class LiftEmbargo(Diplomatic):
    target: str


@dataclass(frozen=True, slots=True)
class DeclareWar(Diplomatic):
    target: str


@dataclass(frozen=True, slots=True)
class SendAid(Diplomatic):
    target: str
    amount: float


@dataclass(frozen=True, slots=True)
class RequestIntroduction(Diplomatic):
    """Ask `via`, where we keep an ambassador, to vouch for us with `target`."""

    via: str
    target: str


@dataclass(frozen=True, slots=True)
class OfferMediation(Diplomatic):
    side_a: str
    side_b: str


@dataclass(frozen=True, slots=True)
class JoinOrganisation(Diplomatic):
    org: str


@dataclass(frozen=True, slots=True)
class LeaveOrganisation(Diplomatic):
    org: str


@dataclass(frozen=True, slots=True)
class Vote(Action):
    resolution: int
    yes: bool


@dataclass(frozen=True, slots=True)
class Invest(Action):
    field: Literal["economy", "military"]
    amount: float
