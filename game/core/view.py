"""What one region may see. AIs read only this; the UI shows a human player the same.

Public: everyone's map, rulers, size of economy, standings, wars, treaties and organisations.
Hidden, except where we keep an ambassador: a region's treasury, army and stability, and its
opinion of us. Armies are also seen across a border and between allies.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TypeVar

from game.core import relations as rel
from game.core.actions import Action
from game.core.config import Rules
from game.core.economy import Income, fitness, income, standings
from game.core.events import Event
from game.core.kinds.invest import recruits_left
from game.core.model import (
    GameState,
    Modifier,
    Organisation,
    Personality,
    Proposal,
    Region,
    Resolution,
    Treaty,
    Victory,
    War,
    pair,
)
from game.core.registry import Option, available_actions, options
from game.core.rules import refusal
from game.core.why import Refusal

F = TypeVar("F", bound=tuple[str, str, float])


@dataclass(frozen=True, slots=True)
class Figures:
    economy: float
    treasury: float
    military: float
    stability: float


class View:
    __slots__ = (
        "_allies",
        "_income",
        "_kinds",
        "_neighbours",
        "_opinions",
        "_treaties",
        "me",
        "state",
    )

    def __init__(self, state: GameState, me: str) -> None:
        self.state = state
        self.me = me
        # Caches: a view is made for one decision and lives while the state stands still.
        self._treaties: list[Treaty] | None = None
        self._opinions: dict[str, float] = {}
        self._kinds: dict[str, set[str]] | None = None
        self._allies: list[str] | None = None
        self._income: Income | None = None
        self._neighbours: list[str] | None = None

    # --- about ourselves -------------------------------------------------------------------
    @property
    def turn(self) -> int:
        return self.state.turn

    @property
    def region(self) -> Region:
        return self.state.regions[self.me]

    @property
    def personality(self) -> Personality:
        return self.state.personalities[self.region.personality]

    def refusal(self, action: Action) -> Refusal | None:
        """Why we may not take this action now, or None: the rules are public."""
        return refusal(self.state, action)

    def available(
        self, target: str | None = None, records: tuple[type[Action], ...] | None = None
    ) -> list[Option]:
        """What we might do to `target` (None: at home), of every kind or of some (`records`),
        with the reason for each we may not."""
        return available_actions(self, target, records=records)

    def options(self, target: str | None, records: tuple[type[Action], ...]) -> Iterator[Option]:
        """`available` one at a time, for a decision that may stop at the first it likes."""
        return options(self, target, records=records)

    def can(self, action: Action) -> bool:
        return refusal(self.state, action) is None

    def recruits_left(self) -> float:
        """The army we may still raise this turn."""
        return recruits_left(self.state, self.me)

    def fitness(self) -> float:
        """The share of its strength our region brings to a war (its stability and weariness)."""
        return fitness(self.state, self.me)

    def income(self) -> Income:
        if self._income is None:
            self._income = income(self.state, self.me)
        return self._income

    def inbox(self) -> list[Proposal]:
        found = [p for p in self.state.proposals.values() if p.recipient == self.me]
        return sorted(found, key=lambda p: p.id)

    def mediation_under_way(self, enemy: str) -> bool:
        """A mediation with `enemy` that we asked for, or said yes to, still waits for an answer
        (we know what we asked and what we agreed to)."""
        for p in self.state.proposals.values():
            if p.kind == "mediation_request" and p.sender == self.me and p.terms.about == enemy:
                return True
            if p.kind == "mediation" and p.recipient == enemy and self.me in p.terms.accepted_by:
                return True
        return False

    def ballots(self) -> list[Resolution]:
        """Open resolutions on which we have a vote still to cast."""
        orgs = {o.id for o in self.state.organisations.values() if self.me in o.members}
        found = [r for r in self.state.resolutions.values() if r.org in orgs and self.me not in r.votes]
        return sorted(found, key=lambda r: r.id)

    def resolutions(self) -> list[Resolution]:
        """Open resolutions of the organisations we belong to, and our own applications."""
        orgs = {o.id for o in self.state.organisations.values() if self.me in o.members}
        found = [r for r in self.state.resolutions.values() if r.org in orgs or r.target == self.me]
        return sorted(found, key=lambda r: r.id)

    # --- the world as we know it ------------------------------------------------------------
    def known(self) -> list[str]:
        return rel.known_regions(self.state, self.me)

    def known_set(self) -> set[str]:
        """The same, unordered: for membership tests."""
        return rel.known_set(self.state, self.me)

    def neighbours(self) -> list[str]:
        if self._neighbours is None:
            regions = self.state.regions
            self._neighbours = sorted(r for r in self.state.neighbours[self.me] if regions[r].alive)
        return self._neighbours

    def has_ambassador(self, other: str) -> bool:
        return (self.me, other) in self.state.ambassadors

    def hosts_ambassador(self, other: str) -> bool:
        return (other, self.me) in self.state.ambassadors

    def figures(self, other: str) -> Figures | None:
        """A region's figures: ours, or where we have an ambassador; a neighbour's army only."""
        r = self.state.regions[other]
        if other == self.me or self.has_ambassador(other):
            return Figures(r.economy, r.treasury, r.military, r.stability)
        return None

    def military_estimate(self, other: str) -> float | None:
        """Armies are seen by ambassadors, across borders and between allies."""
        seen = other == self.me or self.has_ambassador(other) or other in self.state.neighbours[self.me]
        if seen or other in self.allies():
            return self.state.regions[other].military
        return None

    def economy(self, other: str) -> float:
        """The size of a region's economy is common knowledge."""
        return self.state.regions[other].economy

    def economies(self, regions: list[str]) -> list[float]:
        """The economies of these regions, in their order."""
        found = self.state.regions
        return [found[r].economy for r in regions]

    @property
    def victory(self) -> Victory:
        """How this scenario is won: every player knows."""
        return self.state.victory

    @property
    def rules(self) -> Rules:
        return self.state.rules

    @property
    def order(self) -> list[str]:
        """Every region of the map, in the fixed acting order."""
        return self.state.order

    def neighbours_of(self, other: str) -> list[str]:
        return sorted(self.state.neighbours[other])

    def known_by(self, other: str) -> list[str]:
        """The living regions another region knows: its neighbours, fellow members and contacts
        (borders, memberships, wars and introductions are all public news)."""
        return rel.known_regions(self.state, other)

    def organisations(self) -> list[Organisation]:
        return sorted(self.state.organisations.values(), key=lambda o: o.id)

    def envoys(self) -> set[str]:
        """Where we keep ambassadors."""
        return self.state.ambassadors.from_(self.me)

    def refused_on(self, other: str, what: str) -> int | None:
        """The turn `other` last turned down our proposal of this kind, if it is still remembered."""
        return self.state.refusals.get((self.me, other, what))

    def opinion_of(self, other: str) -> float:
        """Our opinion of another region."""
        value = self._opinions.get(other)
        if value is None:
            value = self._opinions[other] = rel.opinion(self.state, self.me, other)
        return value

    def opinion_of_us(self, other: str) -> float | None:
        """Another region's opinion of us, known only through an ambassador there."""
        if self.has_ambassador(other):
            return rel.opinion(self.state, other, self.me)
        return None

    def modifiers_of(self, other: str) -> list[Modifier]:
        return list(rel.modifiers(self.state, self.me, other))

    def affinity(self, other: str) -> float:
        return rel.affinity(self.state, self.me, other)

    def reputation(self, other: str) -> float:
        return self.state.regions[other].reputation

    def alive(self, other: str) -> bool:
        return self.state.regions[other].alive

    def at_war(self, a: str, b: str | None = None) -> bool:
        return rel.at_war(self.state, self.me if b is None else a, a if b is None else b)

    def war_with(self, other: str) -> War | None:
        return rel.war_between(self.state, self.me, other)

    def wars(self) -> list[War]:
        return rel.wars_of(self.state, self.me)  # by id

    def all_wars(self) -> list[War]:
        return sorted(self.state.wars.values(), key=lambda w: w.id)

    def enemies(self, other: str | None = None) -> list[str]:
        return rel.enemies(self.state, other or self.me)

    def treaties(self, other: str | None = None) -> list[Treaty]:
        if self._treaties is None:
            self._treaties = rel.treaties_of(self.state, self.me)  # by id
        found = self._treaties
        if other is not None:
            found = [t for t in found if other in t.parties]
        return found

    def treaties_of(self, other: str) -> list[Treaty]:
        """Another region's treaties (treaties are public)."""
        return rel.treaties_of(self.state, other)

    def recent_visit(self, other: str) -> float:
        """What is left of the goodwill of `other`'s last state visit to us."""
        return max(0.0, rel.modifier_value(self.state, self.me, other, "state_visit"))

    def has_treaty(self, other: str, kind: str) -> bool:
        if self._kinds is None:
            self._kinds = {}
            for t in self.treaties():
                self._kinds.setdefault(t.b if t.a == self.me else t.a, set()).add(t.kind)
        return kind in self._kinds.get(other, ())

    def allies(self, other: str | None = None) -> list[str]:
        if other is None or other == self.me:
            if self._allies is None:
                self._allies = [
                    t.b if t.a == self.me else t.a for t in self.treaties() if t.kind == "alliance"
                ]
                self._allies.sort()
            return self._allies
        return rel.allies(self.state, other)

    def embargoes(self) -> list[tuple[str, str]]:
        e = self.state.embargoes
        return sorted([(self.me, b) for b in e.from_(self.me)] + [(a, self.me) for a in e.to(self.me)])

    def reachable(self, other: str) -> bool:
        return rel.reachable(self.state, self.me, other)

    def knows(self, a: str, b: str) -> bool:
        return rel.knows(self.state, a, b)

    def truce_with(self, other: str) -> bool:
        return pair(self.me, other) in self.state.truces

    def reads(self, event: Event) -> bool:
        """Whether this news reaches us. Everything is public but another region's investment:
        its treasury and army are hidden, so we learn of it only through an ambassador there."""
        return event.kind != "invest" or event.actors[0] == self.me or self.has_ambassador(event.actors[0])

    def living(self) -> list[str]:
        return self.state.living()

    def ruled(self, other: str) -> int:
        """How many regions another rules, its own included (who rules what is on the map)."""
        return self.state.ruled_counts().get(other, 0)

    def public(
        self, key: str, compute: Callable[[], Iterable[F]], *, economies: bool = True
    ) -> tuple[F, ...]:
        """Figures (region, what, how much) every region may work out alike from public facts
        (`compute` must read nothing else), kept while `key`, which must name all they depend on
        but economies and rulers, stays the same, and until an economy or a ruler changes (only a
        ruler, for figures that read no economy: `economies` False). The same figures are handed
        to every region: they must not be changed."""
        memo = self.state.public_memo if economies else self.state.map_memo
        if key not in memo:
            if len(memo) > 16:
                memo.clear()
            memo[key] = tuple(compute())
        return memo[key]  # type: ignore[return-value]  # what `compute` made for this key

    def rulers(self) -> Mapping[str, int]:
        """How many regions each region rules, its own included (a ruler of none is missing)."""
        return self.state.ruled_counts()

    def last_aggression(self, other: str) -> int | None:
        """The turn `other` last declared a war of its own, if ever (wars are news)."""
        return self.state.regions[other].last_aggression

    def rogue(self, other: str) -> bool:
        return self.state.regions[other].rogue_turns > 0

    def standings(self) -> list[tuple[str, float]]:
        """The living regions by score, best first, as published at the start of the turn."""
        return standings(self.state)

    @property
    def turn_limit(self) -> int:
        return self.state.turn_limit

    def asked_before(self, other: str, what: str) -> int | None:
        """The turn we last turned down this proposal from `other`, if it is still remembered."""
        return self.state.refusals.get((other, self.me, what))

    def deal_asks(self, other: str) -> int:
        """How many deals `other` has had us turn down this turn."""
        return self.state.deal_asks.get((other, self.me), 0)

    def friend_counts(self) -> dict[str, int]:
        """How many regions were allied with each region or regarded it as a friend at the last
        victory check, for those half way or more to a diplomatic victory (the count is public,
        never who)."""
        return dict(self.state.friend_counts)

    def runaway_leader(self, ratio: float) -> str | None:
        """The region whose score exceeds the runner-up's by `ratio`, if any (standings are public)."""
        ranked = standings(self.state)
        if len(ranked) >= 2 and ranked[0][1] > ratio * max(ranked[1][1], 1.0):
            return ranked[0][0]
        return None
