"""The game state: plain data, changed only by the engine and the world phase.

Pairs are stored under `pair(a, b)` (sorted ids) when the relation is symmetric, and as an
ordered `(a, b)` tuple when it is directed (opinions, embargoes, ambassadors).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeVar, get_args

from game.core.config import Rules
from game.core.events import Event
from game.core.rng import Rng

Pair = tuple[str, str]
TreatyKind = Literal["non_aggression", "alliance", "trade", "access"]
TREATY_KINDS: tuple[TreatyKind, ...] = ("non_aggression", "alliance", "trade", "access")
OrgKind = Literal["security", "trade"]
T = TypeVar("T")


def pair(a: str, b: str) -> Pair:
    """The key of a symmetric relation between two regions."""
    return (a, b) if a <= b else (b, a)


class Links:
    """A set of directed pairs (from, to) with indexes by either end, for ambassadors and embargoes."""

    __slots__ = ("_from", "_pairs", "_to")

    def __init__(self, pairs: Iterable[Pair] = ()) -> None:
        self._pairs: set[Pair] = set()
        self._from: dict[str, set[str]] = {}
        self._to: dict[str, set[str]] = {}
        for a, b in pairs:
            self.add((a, b))

    def add(self, link: Pair) -> None:
        a, b = link
        self._pairs.add(link)
        self._from.setdefault(a, set()).add(b)
        self._to.setdefault(b, set()).add(a)

    def discard(self, link: Pair) -> None:
        if link in self._pairs:
            a, b = link
            self._pairs.remove(link)
            self._from[a].discard(b)
            self._to[b].discard(a)

    def drop_region(self, region: str) -> None:
        for link in [p for p in self._pairs if region in p]:
            self.discard(link)

    def from_(self, a: str) -> set[str]:
        """Where a sends (ambassadors) or whom a embargoes."""
        return self._from.get(a, set())

    def to(self, b: str) -> set[str]:
        """Who sends to b, or who embargoes b."""
        return self._to.get(b, set())

    def __contains__(self, link: object) -> bool:
        return link in self._pairs

    def __iter__(self) -> Iterator[Pair]:
        return iter(sorted(self._pairs))

    def __len__(self) -> int:
        return len(self._pairs)


@dataclass(frozen=True, slots=True)
class Personality:
    id: str
    aggression: float
    trade: float
    loyalty: float
    cultural_pride: float
    risk: float
    multilateralism: float


ModifierKind = Literal[
    "ambassador",
    "state_visit",
    "treaty_non_aggression",
    "treaty_alliance",
    "treaty_trade",
    "treaty_access",
    "broke_treaty",
    "declared_war",
    "ignored_call",
    "answered_call",
    "expelled_ambassador",
    "embargo",
    "aid",
    "introduced",
    "mediated",
    "left_organisation",
    "condemned",
    "lopsided_deal",
    "complied",
    "rogue",
    "scenario",  # written in a scenario, with its own text
]
TREATY_MODIFIERS: dict[TreatyKind, ModifierKind] = {
    "non_aggression": "treaty_non_aggression",
    "alliance": "treaty_alliance",
    "trade": "treaty_trade",
    "access": "treaty_access",
}


@dataclass(slots=True)
class Modifier:
    """A named part of one region's opinion of another.

    `kind` names the cause (its display text comes from the message catalogue); `text` holds a
    scenario's own `{en, pl}` text for modifiers written in YAML. `decay` moves the value toward
    zero each turn; 0 means it lasts until removed by the rule that made it.
    """

    kind: ModifierKind
    value: float
    decay: float
    text: dict[str, str] | None = None


@dataclass(slots=True)
class Region:
    id: str
    culture: str
    personality: str
    economy: float
    treasury: float
    military: float
    stability: float
    reputation: float
    ruler: str
    contacts: set[str] = field(default_factory=set)  # known beyond neighbours and fellow members
    exhaustion: float = 0.0
    rogue_turns: int = 0
    actions_left: int = 0
    visit_used: bool = False
    raised: float = 0.0  # army bought this turn: recruiting has its pace
    last_aggression: int | None = None  # the turn it last declared a war of its own (public news)

    @property
    def alive(self) -> bool:
        """Annexed regions act no more."""
        return self.ruler == self.id


@dataclass(slots=True)
class Treaty:
    id: int
    kind: TreatyKind
    a: str
    b: str
    turns_left: int
    signed: int
    exclusive: bool = False
    taxed: str | None = None  # the richer side of a condemned deal, which pays the tariff
    bound: str | None = None  # an exclusive deal's poorer side when signed: it trades with no one else

    @property
    def parties(self) -> Pair:
        return (self.a, self.b)

    @property
    def condemned(self) -> bool:
        return self.taxed is not None

    def other(self, side: str) -> str:
        return self.b if side == self.a else self.a


@dataclass(slots=True)
class War:
    """A war between two regions; score > 0 favours the attacker, and ±100 is capitulation."""

    id: int
    attacker: str
    defender: str
    started: int
    score: float = 0.0
    capitulated: str | None = None
    capitulated_on: int = 0  # the turn of capitulation: the victor's grace to impose terms counts from it
    ally_of: str | None = None  # set when the attacker joined to defend an ally

    @property
    def parties(self) -> Pair:
        return (self.attacker, self.defender)

    def side_score(self, region: str) -> float:
        return self.score if region == self.attacker else -self.score


PeaceTerms = Literal["white", "tribute", "annex"]
PEACE_TERMS: tuple[PeaceTerms, ...] = get_args(PeaceTerms)
TreatyEnd = Literal["cancelled", "war", "embargo", "expired", "annexed", "sanctions", "complied", "exclusive"]
TREATY_ENDS: tuple[TreatyEnd, ...] = get_args(TreatyEnd)  # why a treaty ended, as news says
WinReason = Literal["conquest", "economic", "diplomatic", "score"]
WIN_REASONS: tuple[WinReason, ...] = get_args(WinReason)

ProposalKind = Literal[
    "treaty", "peace", "visit", "introduction", "mediation", "mediation_request", "call_to_arms", "deal"
]
PROPOSAL_KINDS: tuple[ProposalKind, ...] = get_args(ProposalKind)
TermKind = Literal[
    "treaty",
    "gold",
    "gold_per_turn",
    "lift_embargo",
    "join_embargo",
    "leave_exclusive",
    "peace",
    "leave_alliance",
    "join_war",
    "ambassador",
]
TERM_KINDS: tuple[TermKind, ...] = get_args(TermKind)


@dataclass(frozen=True, slots=True)
class Term:
    """One term of a deal: what `giver` gives the other side. A treaty or a peace both sides sign
    has no giver.

    `turns` is a treaty's length or a peace's truce (0: the rules' length) or how long gold per
    turn is paid; `gold` the sum now or each turn; `about` the third region of an embargo joined,
    of the exclusive trade agreement or the alliance the giver leaves, or of the war it joins."""

    kind: TermKind
    giver: str | None = None
    treaty: TreatyKind | None = None
    exclusive: bool = False
    turns: int = 0
    gold: float = 0.0
    about: str | None = None


@dataclass(slots=True)
class Terms:
    """The terms of a proposal; which fields matter depends on its kind."""

    treaty: TreatyKind | None = None
    exclusive: bool = False
    tribute: float = 0.0  # gold per turn paid by `payer` (a peace, or a mediator's compromise)
    payer: str | None = None
    annex: str | None = None  # the capitulated region that a peace hands over
    about: str | None = None  # introduction: the region to meet; mediation, its request, calls: the enemy
    accepted_by: tuple[str, ...] = ()  # mediation: the sides that have already said yes
    deal: tuple[Term, ...] = ()  # a deal's terms
    round: int = 0  # a deal: 0 when first offered, one more for each counter-offer
    counter_of: int | None = None  # a counter-offer: the proposal it answers


@dataclass(slots=True)
class Proposal:
    id: int
    kind: ProposalKind
    sender: str
    recipient: str
    terms: Terms
    created: int
    expires: int


ResolutionKind = Literal["condemn_aggression", "condemn_deal", "condemn_embargo", "admit"]
RESOLUTION_KINDS: tuple[ResolutionKind, ...] = get_args(ResolutionKind)


@dataclass(slots=True)
class Resolution:
    """A motion put to an organisation's members; members vote during the turn after a session."""

    id: int
    org: str
    kind: ResolutionKind
    target: str  # the aggressor, the richer side of a deal, the embargoing member, or the applicant
    subject: int  # the war or the treaty it is about; 0 for embargoes and applications
    opened: int
    votes: dict[str, bool] = field(default_factory=dict)
    about: str | None = None  # the other region of the case: the victim, the poorer side, the embargoed


@dataclass(slots=True)
class Demand:
    """What a passed resolution asks of a region, by when: end the war on `about`, end the
    condemned deal, or lift the embargo on `about`."""

    kind: ResolutionKind
    deadline: int
    about: str | None = None


@dataclass(slots=True)
class Organisation:
    id: str
    kind: OrgKind
    members: set[str]
    session_every: int
    demands: dict[str, Demand] = field(default_factory=dict)  # by the region asked
    reviewed: set[int] = field(default_factory=set)  # wars already put to the vote


@dataclass(slots=True)
class Tribute:
    payer: str
    payee: str
    amount: float
    turns_left: int


@dataclass(frozen=True, slots=True)
class Victory:
    diplomatic_share: float | None = None
    diplomatic_turns: int = 5
    economic_share: float | None = None
    economic_turns: int = 5
    conquest_share: float | None = None


Figure = Literal["score", "treasury", "friends"]
FIGURES: tuple[Figure, ...] = ("score", "treasury", "friends")
HISTORY_POINTS = 256  # points kept per region and figure: more than a chart can show apart


@dataclass(slots=True)
class History:
    """Each living region's figures at the end of the turns: score, treasury, and friends (how many
    regions are allied with it or regard it as a friend, as the diplomatic victory counts them).

    Bounded for long games: a point is kept every `every` turns (turn 1, 1 + every, ...), and when
    more than HISTORY_POINTS are kept every other one goes and `every` doubles. The latest turn is
    always there; off that grid it stands in until the next turn replaces it. A region's lists stop
    when it is annexed (annexed regions never return), so its i-th value belongs to `turns[i]`.
    """

    every: int = 1
    turns: list[int] = field(default_factory=list)
    score: dict[str, list[float]] = field(default_factory=dict)
    treasury: dict[str, list[float]] = field(default_factory=dict)
    friends: dict[str, list[int]] = field(default_factory=dict)

    def record(
        self, turn: int, score: dict[str, float], treasury: dict[str, float], friends: dict[str, int]
    ) -> None:
        """Add the figures of `turn` for the regions given (the living ones), rounded as shown."""
        if self._tail_stands_in(score):
            self.turns[-1] = turn
            for region in score:
                self.score[region][-1] = round(score[region], 1)
                self.treasury[region][-1] = round(treasury[region], 1)
                self.friends[region][-1] = friends[region]
        else:
            self.turns.append(turn)
            for region in score:
                self.score.setdefault(region, []).append(round(score[region], 1))
                self.treasury.setdefault(region, []).append(round(treasury[region], 1))
                self.friends.setdefault(region, []).append(friends[region])
        if len(self.turns) > HISTORY_POINTS:
            self._thin()

    def _on_grid(self, turn: int) -> bool:
        return (turn - 1) % self.every == 0

    def _tail_stands_in(self, living: dict[str, float]) -> bool:
        """The last point is off the grid and no region it holds has fallen since: replace it."""
        if not self.turns or self._on_grid(self.turns[-1]):
            return False
        held = len(self.turns)
        return all(region in living for region, values in self.score.items() if len(values) == held)

    def _thin(self) -> None:
        self.every *= 2
        last = len(self.turns) - 1
        keep = [i for i, turn in enumerate(self.turns) if self._on_grid(turn) or i == last]
        self.turns = _picked(self.turns, keep)
        self.score = {region: _picked(values, keep) for region, values in self.score.items()}
        self.treasury = {region: _picked(values, keep) for region, values in self.treasury.items()}
        self.friends = {region: _picked(values, keep) for region, values in self.friends.items()}

    def series(self, figure: Figure, region: str) -> list[tuple[int, float]]:
        """(turn, value) points of one region's figure, as far as the region lived."""
        values: list[float] | list[int] = (
            self.score if figure == "score" else self.treasury if figure == "treasury" else self.friends
        ).get(region, [])
        return list(zip(self.turns, values, strict=False))


def _picked(values: list[T], keep: list[int]) -> list[T]:
    """The values at the positions kept; a region's shorter list keeps the positions it reaches."""
    return [values[i] for i in keep if i < len(values)]


@dataclass(slots=True)
class GameState:
    scenario_id: str
    seed: int
    rules: Rules
    victory: Victory
    turn_limit: int
    regions: dict[str, Region]
    order: list[str]  # the fixed acting order
    borders: dict[str, frozenset[str]]  # land borders from the scenario; never change
    neighbours: dict[str, frozenset[str]]  # borders seen through annexations: rulers that touch
    culture_group: dict[str, str]
    affinity: dict[Pair, float]  # by culture pair and by region pair (region pairs override)
    personalities: dict[str, Personality]
    organisations: dict[str, Organisation]
    rng: Rng
    turn: int = 1
    next_id: int = 1
    treaties: dict[int, Treaty] = field(default_factory=dict)
    wars: dict[int, War] = field(default_factory=dict)
    truces: dict[Pair, int] = field(default_factory=dict)
    embargoes: Links = field(default_factory=Links)  # (by, on)
    sanctions: dict[Pair, str] = field(default_factory=dict)  # embargoes an organisation called for: org
    pledges: dict[Pair, int] = field(default_factory=dict)  # (by, on) -> turns: no embargo, as a deal bought
    ambassadors: Links = field(default_factory=Links)  # (from, to)
    opinions: dict[Pair, list[Modifier]] = field(default_factory=dict)  # (holder, about)
    proposals: dict[int, Proposal] = field(default_factory=dict)
    resolutions: dict[int, Resolution] = field(default_factory=dict)
    tributes: list[Tribute] = field(default_factory=list)
    refusals: dict[tuple[str, str, str], int] = field(
        default_factory=dict
    )  # (sender, recipient, what) -> turn
    # Deals each proposer had turned down by each recipient this turn (proposer, recipient) -> how
    # many: a computer player remembers being asked, so asking again earns nothing more.
    deal_asks: dict[Pair, int] = field(default_factory=dict)
    streaks: dict[str, int] = field(default_factory=dict)  # "kind:region" -> turns a victory share held
    recent_scores: dict[str, list[float]] = field(default_factory=dict)  # the last score_window turns
    winner: str | None = None
    win_reason: str | None = None
    events: list[Event] = field(default_factory=list)
    # Figures for the charts after the game; replaying the log rebuilds them, so neither hashed nor saved.
    history: History = field(default_factory=History, metadata={"derived": True})
    # Indexes by region, kept by the methods below; derived, so neither hashed nor saved.
    treaty_ids: dict[str, set[int]] = field(default_factory=dict, metadata={"derived": True})
    war_ids: dict[str, set[int]] = field(default_factory=dict, metadata={"derived": True})
    affinity_memo: dict[Pair, float] = field(default_factory=dict, metadata={"derived": True})
    fellows_memo: dict[str, frozenset[str]] = field(default_factory=dict, metadata={"derived": True})
    standings_memo: tuple[int, list[tuple[str, float]]] = field(default=(0, []), metadata={"derived": True})
    # The leader of the scores recorded last and its lead over the next (see relations.power_term):
    # a function of recent_scores, set when they are recorded; None until then (a save starts it so).
    power_memo: tuple[str, float] | None = field(default=None, metadata={"derived": True})
    # How many friends and allies each region half way or more to a diplomatic victory had at the
    # last victory check: public, read by the computer players; derived, so carried by saves.
    friend_counts: dict[str, int] = field(default_factory=dict, metadata={"derived": True})
    # Figures computers work out from public facts alone, shared by all of them until the turn moves
    # on or an economy or ruler changes (see View.public); a pure function of the state, so saves
    # start it empty.
    public_memo: dict[str, tuple[tuple[str, str, float], ...]] = field(
        default_factory=dict, metadata={"derived": True}
    )
    # The same for figures that read no economy: an investment leaves them standing.
    map_memo: dict[str, tuple[tuple[str, str, float], ...]] = field(
        default_factory=dict, metadata={"derived": True}
    )

    # The regions still acting, in turn order, and how many regions each rules: they change only by
    # annexation (see ruler_changed).
    living_memo: tuple[str, ...] | None = field(default=None, metadata={"derived": True})
    ruled_memo: dict[str, int] | None = field(default=None, metadata={"derived": True})
    # Each region's treaties and wars in the order of their ids, read far more often than they
    # change: kept until one of its own is added or removed.
    treaties_memo: dict[str, list[Treaty]] = field(default_factory=dict, metadata={"derived": True})
    wars_memo: dict[str, list[War]] = field(default_factory=dict, metadata={"derived": True})

    def economy_changed(self) -> None:
        """An economy grew: figures worked out from economies are stale."""
        self.public_memo.clear()

    def ruler_changed(self) -> None:
        """A region was annexed: who lives, and the figures worked out from the map, are stale."""
        self.public_memo.clear()
        self.map_memo.clear()
        self.living_memo = self.ruled_memo = None

    def add_treaty(self, treaty: Treaty) -> None:
        self.treaties[treaty.id] = treaty
        for party in treaty.parties:
            self.treaty_ids.setdefault(party, set()).add(treaty.id)
            self.treaties_memo.pop(party, None)

    def remove_treaty(self, treaty: Treaty) -> None:
        del self.treaties[treaty.id]
        for party in treaty.parties:
            self.treaty_ids[party].discard(treaty.id)
            self.treaties_memo.pop(party, None)

    def treaties_of(self, region: str) -> list[Treaty]:
        """The region's treaties, oldest first."""
        known = self.treaties_memo.get(region)
        if known is None:
            ids = sorted(self.treaty_ids.get(region, ()))
            known = self.treaties_memo[region] = [self.treaties[i] for i in ids]
        return list(known)  # a copy: the caller may change it

    def add_war(self, war: War) -> None:
        self.wars[war.id] = war
        for party in war.parties:
            self.war_ids.setdefault(party, set()).add(war.id)
            self.wars_memo.pop(party, None)

    def remove_war(self, war: War) -> None:
        del self.wars[war.id]
        for party in war.parties:
            self.war_ids[party].discard(war.id)
            self.wars_memo.pop(party, None)

    def wars_of(self, region: str) -> list[War]:
        """The region's wars, oldest first."""
        known = self.wars_memo.get(region)
        if known is None:
            known = self.wars_memo[region] = [self.wars[i] for i in sorted(self.war_ids.get(region, ()))]
        return list(known)  # a copy: the caller may change it

    def membership_changed(self) -> None:
        """Call after any change to an organisation's members: forgets who shares a seat with whom."""
        self.fellows_memo.clear()

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    @property
    def over(self) -> bool:
        return self.winner is not None or self.turn > self.turn_limit

    def living(self) -> list[str]:
        if self.living_memo is None:
            self.living_memo = tuple(r for r in self.order if self.regions[r].alive)
        return list(self.living_memo)

    def ruled_counts(self) -> Mapping[str, int]:
        """How many regions each region rules, its own included (a ruler of none is missing)."""
        if self.ruled_memo is None:
            self.ruled_memo = Counter(r.ruler for r in self.regions.values())
        return self.ruled_memo
