"""The action catalogue: every action a region might take, as one numbered slot of a fixed list.

A learning agent picks a number; the list is the same for every region of a scenario and every
turn. It holds, in this order: ending the turn; the home actions (investments of a share of the
treasury, applications to join and leave each organisation, answers to the first INBOX_SLOTS
proposals waiting and votes on the first BALLOT_SLOTS open resolutions); then, for each region of
the map, the actions aimed at it (kinds with their terms: each kind of treaty and exclusive trade,
each peace term, aid of a share of the treasury); then, for each two regions, an introduction
through the first to the second, a mediation between them, and a request to the first to mediate
with the second.

Which slots are legal now comes from the rules' own list of what a region may do
(`View.available`): each action offered and allowed there fills its slot. Terms the list offers
once (a treaty is offered non-exclusive, peace white, aid and investment of one gold) are varied
here into the catalogue's terms, and each variant is legal where the rules' check of it
(`View.refusal`) says so. Nothing here decides what is legal, and it reads only the View.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import product

from game.core import actions as A
from game.core.actions import INVEST_FIELDS
from game.core.model import TREATY_KINDS, Term
from game.core.view import View
from game.core.why import Refusal

INBOX_SLOTS = 8  # proposals a region may answer through the catalogue at once: the oldest first
BALLOT_SLOTS = 8  # open resolutions it may vote on at once: the oldest first
INVEST_SHARES = (0.25, 0.5, 1.0)  # of the treasury
AID_SHARES = (0.1, 0.25, 0.5)  # of the treasury
TRIBUTE_SHARES = (0.5, 1.0)  # of the most the payer may be asked (`max_tribute_share` of its economy)


Key = tuple[str, str | None, str | None, str | None, float | None, int | None]  # a Slot's fields


@dataclass(frozen=True, slots=True)
class Slot:
    """One entry of the catalogue: a kind of action, whom it is aimed at, and its terms."""

    kind: str  # end_turn, invest, join, leave, answer, vote, send_ambassador, ... (see ActionCatalogue)
    target: str | None = None  # a region (or an organisation for join and leave)
    other: str | None = None  # introductions: the region to meet; mediation: the other side or enemy
    terms: str | None = None  # treaty kind, peace terms, investment field, yes or no
    share: float | None = None  # of the treasury (aid, investment) or of the tribute allowed
    index: int | None = None  # answers and votes: the position in the inbox or the ballots

    @property
    def key(self) -> Key:
        return (self.kind, self.target, self.other, self.terms, self.share, self.index)

    def __str__(self) -> str:
        parts = [self.kind, self.terms, f"{self.share:g}" if self.share is not None else None]
        parts += [f"#{self.index}" if self.index is not None else None, self.target, self.other]
        return " ".join(p for p in parts if p is not None)


@dataclass(frozen=True, slots=True)
class Choice:
    """A slot as the rules see it now: the action it stands for (None: end the turn) and why the
    region may not take it, if it may not."""

    action: A.Action | None
    refusal: Refusal | None


# Kinds aimed at one region, with the terms each takes (None: none).
TARGETED: tuple[tuple[str, tuple[str | None, ...], tuple[float | None, ...]], ...] = (
    ("send_ambassador", (None,), (None,)),
    ("recall_ambassador", (None,), (None,)),
    ("expel_ambassador", (None,), (None,)),
    ("state_visit", (None,), (None,)),
    ("propose_treaty", (*TREATY_KINDS, "trade_exclusive"), (None,)),
    ("propose_deal", TREATY_KINDS, (None,)),  # a deal of that treaty, which may bring a counter-offer
    ("cancel_treaty", TREATY_KINDS, (None,)),
    ("propose_peace", ("white", "annex"), (None,)),
    ("propose_peace", ("tribute_they_pay", "tribute_we_pay"), TRIBUTE_SHARES),
    ("impose_embargo", (None,), (None,)),
    ("lift_embargo", (None,), (None,)),
    ("declare_war", (None,), (None,)),
    ("send_aid", (None,), AID_SHARES),
)


class ActionCatalogue:
    """The numbered slots of one scenario: its regions in acting order, its organisations."""

    END_TURN = 0

    def __init__(self, regions: Sequence[str], organisations: Sequence[str]) -> None:
        self.regions = tuple(regions)
        self.organisations = tuple(organisations)
        slots = [Slot("end_turn")]
        slots += [Slot("invest", terms=f, share=s) for f, s in product(INVEST_FIELDS, INVEST_SHARES)]
        slots += [Slot("join", target=o) for o in self.organisations]
        slots += [Slot("leave", target=o) for o in self.organisations]
        slots += [Slot("answer", terms=t, index=i) for i, t in product(range(INBOX_SLOTS), ("yes", "no"))]
        slots += [Slot("vote", terms=t, index=i) for i, t in product(range(BALLOT_SLOTS), ("yes", "no"))]
        for region in self.regions:
            for kind, terms, shares in TARGETED:
                slots += [Slot(kind, target=region, terms=t, share=s) for t, s in product(terms, shares)]
        for kind in ("request_introduction", "offer_mediation", "request_mediation"):
            slots += [Slot(kind, target=a, other=b) for a, b in product(self.regions, self.regions) if a != b]
        self.slots: tuple[Slot, ...] = tuple(slots)
        self.number = {slot.key: i for i, slot in enumerate(self.slots)}

    def __len__(self) -> int:
        return len(self.slots)

    def choices(self, view: View) -> dict[int, Choice]:
        """The slots the rules offer the region now, each with its action and, where it may not
        take it now, the rules' refusal. END_TURN, never refused, stands for no action."""
        found: dict[int, Choice] = {self.END_TURN: Choice(None, None)}
        for target in (None, *[r for r in self.regions if r != view.me]):
            for option in view.available(target):
                for key, action in self._variants(view, option.action):
                    number = self.number.get(key)
                    if number is not None:
                        refusal = option.refusal if action is option.action else view.refusal(action)
                        found[number] = Choice(action, refusal)
        return dict(sorted(found.items()))

    def legal(self, view: View) -> dict[int, A.Action | None]:
        """The slots the region may take now, with the actions they stand for."""
        return {i: c.action for i, c in self.choices(view).items() if c.refusal is None}

    def _variants(self, view: View, action: A.Action) -> Iterator[tuple[Key, A.Action]]:
        """The keys of the catalogue's slots an offered action fills, each with its terms (plain
        tuples, not Slots: this runs for every action offered at every step)."""
        match action:
            case A.ProposeTreaty(target=target, kind=kind):
                yield ("propose_treaty", target, None, kind, None, None), action
                if kind == "trade":
                    exclusive = dataclasses.replace(action, exclusive=True)
                    yield ("propose_treaty", target, None, "trade_exclusive", None, None), exclusive
            case A.ProposePeace(target=target):
                yield ("propose_peace", target, None, "white", None, None), action
                annex = dataclasses.replace(action, terms="annex")
                yield ("propose_peace", target, None, "annex", None, None), annex
                for share, (terms, payer) in product(
                    TRIBUTE_SHARES, (("tribute_they_pay", target), ("tribute_we_pay", view.me))
                ):
                    limit = view.economy(payer) * view.rules.max_tribute_share
                    tribute = dataclasses.replace(
                        action, terms="tribute", tribute=_gold(limit * share), payer=payer
                    )
                    yield ("propose_peace", target, None, terms, share, None), tribute
            case A.SendAid(target=target):
                for share in AID_SHARES:
                    gift = dataclasses.replace(action, amount=_gold(view.region.treasury * share))
                    yield ("send_aid", target, None, None, share, None), gift
            case A.Invest():
                for field, share in product(INVEST_FIELDS, INVEST_SHARES):
                    sum_ = _gold(view.region.treasury * share)
                    yield ("invest", None, None, field, share, None), A.Invest(view.me, field, sum_)
            case A.CancelTreaty(treaty=treaty_id):
                for treaty in view.treaties():
                    if treaty.id == treaty_id:
                        yield ("cancel_treaty", treaty.other(view.me), None, treaty.kind, None, None), action
            case A.Answer(proposal=proposal, accept=accept):
                waiting = [p.id for p in view.inbox()]
                yield ("answer", None, None, "yes" if accept else "no", None, waiting.index(proposal)), action
            case A.Vote(resolution=resolution, yes=yes):
                open_ = [r.id for r in view.ballots()]
                yield ("vote", None, None, "yes" if yes else "no", None, open_.index(resolution)), action
            case A.JoinOrganisation(org=org):
                yield ("join", org, None, None, None, None), action
            case A.LeaveOrganisation(org=org):
                yield ("leave", org, None, None, None, None), action
            case A.RequestIntroduction(via=via, target=target):
                yield ("request_introduction", via, target, None, None, None), action
            case A.OfferMediation(side_a=side_a, side_b=side_b):
                yield ("offer_mediation", side_a, side_b, None, None, None), action
            case A.ProposeDeal(target=target, terms=(Term(kind="treaty", treaty=str(kind)),)):
                yield ("propose_deal", target, None, kind, None, None), action
            case A.RequestMediation(mediator=mediator, enemy=enemy):
                yield ("request_mediation", mediator, enemy, None, None, None), action
            case A.ExpelAmbassador(sender=sender):
                yield ("expel_ambassador", sender, None, None, None, None), action
            case _ if type(action) in SIMPLE_KINDS:
                yield (
                    (SIMPLE_KINDS[type(action)], getattr(action, "target", None), None, None, None, None),
                    action,
                )
            case _:
                return  # a kind the catalogue has no slot for (a test keeps every kind covered)


# Kinds whose only term is their target, by record.
SIMPLE_KINDS: dict[type[A.Action], str] = {
    A.SendAmbassador: "send_ambassador",
    A.RecallAmbassador: "recall_ambassador",
    A.StateVisit: "state_visit",
    A.ImposeEmbargo: "impose_embargo",
    A.LiftEmbargo: "lift_embargo",
    A.DeclareWar: "declare_war",
}


def _gold(amount: float) -> float:
    """A sum of gold as a player would write it: cents, rounded down so it stays within bounds."""
    return math.floor(amount * 100) / 100
