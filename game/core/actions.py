"""Actions: frozen records that humans (through the UI) and AIs produce alike.

Only the engine applies them. What each kind requires, does and costs is declared once, in
game/core/kinds; saves name a record by its class name, so a record keeps its name and fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from game.core.model import PeaceTerms, Term, TreatyKind

InvestField = Literal["economy", "military"]
INVEST_FIELDS: tuple[InvestField, ...] = get_args(InvestField)


@dataclass(frozen=True, slots=True)
class Action:
    actor: str


@dataclass(frozen=True, slots=True)
class SendAmbassador(Action):
    target: str


@dataclass(frozen=True, slots=True)
class RecallAmbassador(Action):
    target: str


@dataclass(frozen=True, slots=True)
class ExpelAmbassador(Action):
    sender: str


@dataclass(frozen=True, slots=True)
class StateVisit(Action):
    target: str


@dataclass(frozen=True, slots=True)
class ProposeTreaty(Action):
    target: str
    kind: TreatyKind
    exclusive: bool = False


@dataclass(frozen=True, slots=True)
class ProposePeace(Action):
    """Ends a war: white peace, tribute paid by `payer` for some turns, or annexation."""

    target: str
    terms: PeaceTerms = "white"
    tribute: float = 0.0
    payer: str | None = None


@dataclass(frozen=True, slots=True)
class ProposeDeal(Action):
    """One proposal of several terms on either side (see `Term`)."""

    target: str
    terms: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class Answer(Action):
    """Accept or reject a proposal, visit, introduction, mediation (or a request for one) or call
    to arms. A deal may be declined with a counter-offer: the terms sent back to its proposer."""

    proposal: int
    accept: bool
    counter: tuple[Term, ...] = ()


@dataclass(frozen=True, slots=True)
class CancelTreaty(Action):
    treaty: int


@dataclass(frozen=True, slots=True)
class ImposeEmbargo(Action):
    target: str


@dataclass(frozen=True, slots=True)
class LiftEmbargo(Action):
    target: str


@dataclass(frozen=True, slots=True)
class DeclareWar(Action):
    target: str


@dataclass(frozen=True, slots=True)
class SendAid(Action):
    target: str
    amount: float


@dataclass(frozen=True, slots=True)
class RequestIntroduction(Action):
    """Ask `via`, where we keep an ambassador, to vouch for us with `target`."""

    via: str
    target: str


@dataclass(frozen=True, slots=True)
class OfferMediation(Action):
    """Offer the two sides of a war a compromise peace: `side_a` is asked first."""

    side_a: str
    side_b: str


@dataclass(frozen=True, slots=True)
class RequestMediation(Action):
    """Ask `mediator`, where we keep an ambassador, to broker a peace with `enemy`."""

    mediator: str
    enemy: str


@dataclass(frozen=True, slots=True)
class JoinOrganisation(Action):
    """Apply to join: the members vote on it."""

    org: str


@dataclass(frozen=True, slots=True)
class LeaveOrganisation(Action):
    org: str


@dataclass(frozen=True, slots=True)
class Vote(Action):
    resolution: int
    yes: bool


@dataclass(frozen=True, slots=True)
class Invest(Action):
    field: InvestField
    amount: float
