"""A region's View as arrays in Gymnasium spaces: what a learning agent observes.

Only the View is read, so an agent observes what its region may know and no more: another
region's treasury, stability and opinion of us only where we keep an ambassador (each with a
"seen" column that says whether the value is known; an unknown value is 0), its army where it is
seen. The layout is fixed for a scenario: its regions in acting order, its organisations by id.
Each block's columns are named in the tuples below; docs/research.md explains them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from gymnasium import spaces

from game.core.model import PROPOSAL_KINDS, RESOLUTION_KINDS, TREATY_KINDS
from game.core.view import View
from game.research.actions import BALLOT_SLOTS, INBOX_SLOTS

Column = tuple[str, tuple[float, float]]  # a name, and the least and most it may hold
INF = math.inf
FLAG = (0.0, 1.0)
FIGURE = (-INF, INF)  # gold and armies: a treasury may be in debt
COUNT = (0.0, INF)
PERCENT = (0.0, 100.0)
OPINION = (-100.0, 100.0)

ME: tuple[Column, ...] = (
    ("turn", COUNT),
    ("turns_left", COUNT),
    ("actions_left", COUNT),
    ("visit_left", FLAG),
    ("treasury", FIGURE),
    ("economy", COUNT),
    ("military", COUNT),
    ("stability", PERCENT),
    ("reputation", PERCENT),
    ("exhaustion", PERCENT),
    ("income", FIGURE),
    ("rogue_turns", COUNT),
    ("score", FIGURE),
    ("rank", COUNT),
    ("regions_ruled", COUNT),
    ("diplomatic_victory_share", FLAG),
    ("economic_victory_share", FLAG),
    ("conquest_victory_share", FLAG),
)
REGION: tuple[Column, ...] = (
    ("is_me", FLAG),
    ("alive", FLAG),
    ("known", FLAG),
    ("neighbour", FLAG),
    ("reachable", FLAG),
    ("economy", COUNT),
    ("figures_seen", FLAG),
    ("treasury", FIGURE),
    ("stability", PERCENT),
    ("army_seen", FLAG),
    ("military", COUNT),
    ("reputation", PERCENT),
    ("score", FIGURE),
    ("regions_ruled", COUNT),
    ("rogue", FLAG),
    ("our_opinion", OPINION),
    ("their_opinion_seen", FLAG),
    ("their_opinion", OPINION),
    ("affinity", (-1.0, 1.0)),
    ("our_ambassador", FLAG),
    ("their_ambassador", FLAG),
    ("at_war", FLAG),
    ("war_score", OPINION),
    ("capitulated", (-1.0, 1.0)),
    ("truce", FLAG),
    ("our_embargo", FLAG),
    ("their_embargo", FLAG),
    *((f"treaty:{kind}", FLAG) for kind in TREATY_KINDS),
    ("exclusive_trade", FLAG),
    ("wars_elsewhere", COUNT),
)
ORGANISATION: tuple[Column, ...] = (
    ("security", FLAG),
    ("trade", FLAG),
    ("member", FLAG),
    ("applied", FLAG),
)
PROPOSAL: tuple[Column, ...] = (
    ("waiting", FLAG),
    *((f"kind:{kind}", FLAG) for kind in PROPOSAL_KINDS),
    *((f"treaty:{kind}", FLAG) for kind in TREATY_KINDS),
    ("exclusive", FLAG),
    ("tribute", COUNT),
    ("we_pay", FLAG),
    ("annexes_us", FLAG),
    ("annexes_them", FLAG),
    ("turns_left", COUNT),
)
BALLOT: tuple[Column, ...] = (
    ("open", FLAG),
    *((f"kind:{kind}", FLAG) for kind in RESOLUTION_KINDS),
    ("about_us", FLAG),
    ("age", COUNT),
)


class ObservationEncoder:
    """The blocks of one scenario's observations and how a View fills them.

    me: ME. regions: one row per region, REGION. organisations: one row per organisation,
    ORGANISATION then each region's membership ("member:REGION"). inbox: one row per waiting
    proposal (the oldest INBOX_SLOTS), PROPOSAL then its sender and the region it is about,
    one-hot ("from:REGION", "about:REGION"). ballots: one row per open resolution we may vote on
    (the oldest BALLOT_SLOTS), BALLOT then its organisation, the region it names and the other
    party, one-hot ("org:ORG", "target:REGION", "about:REGION").
    """

    def __init__(self, regions: Sequence[str], organisations: Sequence[str]) -> None:
        self.regions = tuple(regions)
        self.organisations = tuple(organisations)
        self.row = {r: i for i, r in enumerate(self.regions)}
        self.org_row = {o: i for i, o in enumerate(self.organisations)}
        regions, orgs = self.regions, self.organisations
        self.columns: dict[str, tuple[Column, ...]] = {
            "me": ME,
            "regions": REGION,
            "organisations": (*ORGANISATION, *_one_hot("member", regions)),
            "inbox": (*PROPOSAL, *_one_hot("from", regions), *_one_hot("about", regions)),
            "ballots": (
                *BALLOT,
                *_one_hot("org", orgs),
                *_one_hot("target", regions),
                *_one_hot("about", regions),
            ),
        }
        rows = {
            "me": None,
            "regions": len(self.regions),
            "organisations": len(self.organisations),
            "inbox": INBOX_SLOTS,
            "ballots": BALLOT_SLOTS,
        }
        self.boxes = {name: _box(self.columns[name], rows[name]) for name in self.columns}
        self.space = spaces.Dict(dict[str, spaces.Space[Any]](self.boxes))
        self.index = {name: {c: i for i, (c, _b) in enumerate(cols)} for name, cols in self.columns.items()}

    def flat_columns(self) -> list[str]:
        """The name of each number of a flattened observation (gymnasium.spaces.flatten), in order:
        the blocks by name, each row after row ("regions[velmar].economy", "me.treasury")."""
        rows = {
            "regions": self.regions,
            "organisations": self.organisations,
            "inbox": [str(i) for i in range(INBOX_SLOTS)],
            "ballots": [str(i) for i in range(BALLOT_SLOTS)],
        }
        names = []
        for block in self.space.keys():  # noqa: SIM118 (a Space is not a dict)
            columns = [c for c, _bounds in self.columns[block]]
            if block in rows:
                names += [f"{block}[{row}].{c}" for row in rows[block] for c in columns]
            else:
                names += [f"{block}.{c}" for c in columns]
        return names

    def encode(self, view: View) -> dict[str, Any]:
        blocks = {name: np.zeros(box.shape, dtype=np.float32) for name, box in self.boxes.items()}
        self._me(view, blocks["me"])
        self._regions(view, blocks["regions"])
        self._organisations(view, blocks["organisations"])
        self._inbox(view, blocks["inbox"])
        self._ballots(view, blocks["ballots"])
        return blocks

    def _me(self, view: View, out: np.ndarray[Any, Any]) -> None:
        me, at = view.region, self.index["me"]
        ranked = [r for r, _score in view.standings()]
        victory = view.victory
        values = {
            "turn": view.turn,
            "turns_left": max(0, view.turn_limit - view.turn),
            "actions_left": me.actions_left,
            "visit_left": not me.visit_used,
            "treasury": me.treasury,
            "economy": me.economy,
            "military": me.military,
            "stability": me.stability,
            "reputation": me.reputation,
            "exhaustion": me.exhaustion,
            "income": view.income().total if me.alive else 0.0,
            "rogue_turns": me.rogue_turns,
            "score": dict(view.standings()).get(view.me, 0.0),
            "rank": ranked.index(view.me) + 1 if view.me in ranked else len(self.regions),
            "regions_ruled": view.ruled(view.me),
            "diplomatic_victory_share": victory.diplomatic_share or 0.0,
            "economic_victory_share": victory.economic_share or 0.0,
            "conquest_victory_share": victory.conquest_share or 0.0,
        }
        for name, value in values.items():
            out[at[name]] = value

    def _regions(self, view: View, out: np.ndarray[Any, Any]) -> None:
        at, me = self.index["regions"], view.me
        known, neighbours = view.known_set(), set(view.neighbours())
        scores = dict(view.standings())
        embargoes = set(view.embargoes())
        wars = view.all_wars()
        for other, row in self.row.items():
            cells = out[row]
            cells[at["is_me"]] = other == me
            cells[at["alive"]] = view.alive(other)
            cells[at["economy"]] = view.economy(other)
            cells[at["reputation"]] = view.reputation(other)
            cells[at["score"]] = scores.get(other, 0.0)
            cells[at["regions_ruled"]] = view.ruled(other)
            cells[at["rogue"]] = view.rogue(other)
            figures = view.figures(other)
            if figures is not None:
                cells[at["figures_seen"]] = 1
                cells[at["treasury"]] = figures.treasury
                cells[at["stability"]] = figures.stability
            army = view.military_estimate(other)
            if army is not None:
                cells[at["army_seen"]] = 1
                cells[at["military"]] = army
            cells[at["wars_elsewhere"]] = sum(1 for w in wars if other in w.parties and me not in w.parties)
            if other == me or not view.alive(other):
                continue
            cells[at["known"]] = other in known
            cells[at["neighbour"]] = other in neighbours
            cells[at["reachable"]] = view.reachable(other)
            cells[at["our_opinion"]] = view.opinion_of(other)
            theirs = view.opinion_of_us(other)
            if theirs is not None:
                cells[at["their_opinion_seen"]] = 1
                cells[at["their_opinion"]] = theirs
            cells[at["affinity"]] = view.affinity(other)
            cells[at["our_ambassador"]] = view.has_ambassador(other)
            cells[at["their_ambassador"]] = view.hosts_ambassador(other)
            war = view.war_with(other)
            if war is not None:
                cells[at["at_war"]] = 1
                cells[at["war_score"]] = war.side_score(me)
                cells[at["capitulated"]] = (war.capitulated == other) - (war.capitulated == me)
            cells[at["truce"]] = view.truce_with(other)
            cells[at["our_embargo"]] = (me, other) in embargoes
            cells[at["their_embargo"]] = (other, me) in embargoes
            for treaty in view.treaties(other):
                cells[at[f"treaty:{treaty.kind}"]] = 1
                if treaty.exclusive:
                    cells[at["exclusive_trade"]] = 1

    def _organisations(self, view: View, out: np.ndarray[Any, Any]) -> None:
        at = self.index["organisations"]
        applications = {r.org for r in view.resolutions() if r.kind == "admit" and r.target == view.me}
        for org in view.organisations():
            cells = out[self.org_row[org.id]]
            cells[at[org.kind]] = 1
            cells[at["member"]] = view.me in org.members
            cells[at["applied"]] = org.id in applications
            for member in org.members:
                cells[at[f"member:{member}"]] = 1

    def _inbox(self, view: View, out: np.ndarray[Any, Any]) -> None:
        at = self.index["inbox"]
        for cells, proposal in zip(out, view.inbox()[:INBOX_SLOTS], strict=False):
            terms = proposal.terms
            cells[at["waiting"]] = 1
            cells[at[f"kind:{proposal.kind}"]] = 1
            if terms.treaty is not None:
                cells[at[f"treaty:{terms.treaty}"]] = 1
            cells[at["exclusive"]] = terms.exclusive
            cells[at["tribute"]] = terms.tribute
            cells[at["we_pay"]] = terms.payer == view.me
            cells[at["annexes_us"]] = terms.annex == view.me
            cells[at["annexes_them"]] = terms.annex is not None and terms.annex != view.me
            cells[at["turns_left"]] = max(0, proposal.expires - view.turn)
            cells[at[f"from:{proposal.sender}"]] = 1
            if terms.about in self.row:
                cells[at[f"about:{terms.about}"]] = 1

    def _ballots(self, view: View, out: np.ndarray[Any, Any]) -> None:
        at = self.index["ballots"]
        for cells, resolution in zip(out, view.ballots()[:BALLOT_SLOTS], strict=False):
            cells[at["open"]] = 1
            cells[at[f"kind:{resolution.kind}"]] = 1
            cells[at["about_us"]] = view.me in (resolution.target, resolution.about)
            cells[at["age"]] = max(0, view.turn - resolution.opened)
            cells[at[f"org:{resolution.org}"]] = 1
            cells[at[f"target:{resolution.target}"]] = 1
            if resolution.about in self.row:
                cells[at[f"about:{resolution.about}"]] = 1


def _one_hot(prefix: str, names: Sequence[str]) -> list[Column]:
    return [(f"{prefix}:{name}", FLAG) for name in names]


def _box(columns: Sequence[Column], rows: int | None) -> spaces.Box:
    low = np.array([b[0] for _n, b in columns], dtype=np.float32)
    high = np.array([b[1] for _n, b in columns], dtype=np.float32)
    if rows is not None:
        low, high = np.tile(low, (rows, 1)), np.tile(high, (rows, 1))
    return spaces.Box(low=low, high=high, dtype=np.float32)
