"""The state a save keeps beside its record, so that a game resumes without replaying it.

Written as `to_data` writes it (what the state hash covers) plus the derived fields a game cannot
rebuild without its record (CARRIED: the charts' figures, and the standings and friend counts a
computer player reads during a turn as they were published). Read back generically from the model's
type hints, so that a field added to the model later loads with its default from an older save.
The indexes (REBUILT) are rebuilt and the memos (MEMOS, pure functions of the state) start empty.

A state read back is checked before anyone plays it: it must be the state of the save's scenario
and seed, refer only to what exists, and keep every invariant.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

from game.core.invariants import broken_invariants
from game.core.model import GameState, Links
from game.core.rng import Rng
from game.core.snapshot import _plain
from game.plaindata import PlainDataError, Reader

CARRIED = ("history", "standings_memo", "friend_counts")
REBUILT = ("treaty_ids", "war_ids")
MEMOS = (
    "affinity_memo",
    "fellows_memo",
    "public_memo",
    "map_memo",
    "power_memo",
    "living_memo",
    "ruled_memo",
    "treaties_memo",
    "wars_memo",
)
FROM_THE_SCENARIO = ("scenario_id", "seed", "order", "borders")  # never change in a game

_RNG_LIMIT = 2**64


def state_data(state: GameState) -> dict[str, Any]:
    """The state as a save holds it: the hashed fields (exactly as `to_data` writes them, a test
    checks it) and the carried ones."""
    data: dict[str, Any] = {}
    for field in dataclasses.fields(state):
        if field.metadata.get("derived") and field.name not in CARRIED:
            continue
        value = getattr(state, field.name)
        data[field.name] = _plain_events(value) if field.name == "events" else _plain(value)
    return data


_written: list[Any] = []  # [the events list written last, how many, the last of them, their plain form]


def _plain_events(events: list[Any]) -> list[Any]:
    """The news as plain data. News is only ever added to and each entry is immutable, so an
    autosave every turn writes out only the entries added since the last: the rest are most of a
    long game's state, and writing them all out again took most of the time of saving it."""
    if _written and _written[0] is events and _written[1] <= len(events):
        _events, count, last, plain = _written
        if count == 0 or events[count - 1] is last:
            plain = plain + [_plain(event) for event in events[count:]]
            _written[1:] = [len(events), events[-1] if events else None, plain]
            return plain  # type: ignore[no-any-return]
    plain = [_plain(event) for event in events]
    _written[:] = [events, len(events), events[-1] if events else None, plain]
    return plain


def read_state(data: object, *, lenient: bool = False, trusted: bool = False) -> GameState:
    """The state from `state_data`'s output; PlainDataError naming the field that does not fit.

    `lenient` lets fields through that the model no longer has (a save of older rules); `trusted`
    skips checking the values, for a state this game wrote itself (see plaindata.Reader)."""
    reader = _reader(lenient, trusted)
    if not isinstance(data, dict):
        raise PlainDataError("the state is not an object")
    derived = {f.name for f in dataclasses.fields(GameState) if f.metadata.get("derived")}
    stray = sorted(set(data) & (derived - set(CARRIED)))
    if stray:
        raise PlainDataError(f"the state holds fields rebuilt on loading: {stray}")
    state: GameState = reader.read(GameState, data)
    for treaty in state.treaties.values():
        for party in treaty.parties:
            state.treaty_ids.setdefault(party, set()).add(treaty.id)
    for war in state.wars.values():
        for party in war.parties:
            state.war_ids.setdefault(party, set()).add(war.id)
    return state


@functools.cache
def _reader(lenient: bool, trusted: bool) -> Reader:
    """Readers build their converters once, on first use: kept for every later load."""
    return Reader({Rng: _rng, Links: _links}, lenient=lenient, trusted=trusted)


def _rng(value: object) -> Rng:
    if type(value) is not int or not 0 <= value < _RNG_LIMIT:
        raise PlainDataError("the random generator's state is not a 64-bit number")
    rng = Rng(0)
    rng.state = value
    return rng


def _links(value: object) -> Links:
    if not isinstance(value, list) or not all(
        isinstance(link, list) and len(link) == 2 and all(type(end) is str for end in link) for link in value
    ):
        raise PlainDataError("links are not a list of [from, to] pairs")
    return Links((link[0], link[1]) for link in value)


def state_problems(state: GameState, fresh: GameState) -> list[str]:
    """What is wrong with a loaded state, compared with `fresh`, the same scenario and seed's start."""
    for name in FROM_THE_SCENARIO:
        if getattr(state, name) != getattr(fresh, name):
            return [f"its {name} is not its scenario's"]
    try:
        unknown = _unknown_references(state)
        return unknown or broken_invariants(state)
    except (KeyError, TypeError, ValueError, AttributeError, ZeroDivisionError) as error:
        return [f"its state does not hold together ({type(error).__name__}: {str(error)[:100]})"]


def _unknown_references(state: GameState) -> list[str]:
    """Region, organisation and personality ids that name nothing in the state."""
    regions, orgs = set(state.regions), set(state.organisations)
    named: list[tuple[str, str]] = []
    named += [(region.ruler, "ruler") for region in state.regions.values()]
    named += [(other, "contact") for region in state.regions.values() for other in region.contacts]
    named += [(side, "treaty") for treaty in state.treaties.values() for side in treaty.parties]
    named += [(side, "war") for war in state.wars.values() for side in war.parties]
    named += [(side, "truce") for truce in state.truces for side in truce]
    named += [(side, "pledge") for pledge in state.pledges for side in pledge]
    named += [
        (end, "link") for links in (state.embargoes, state.ambassadors) for link in links for end in link
    ]
    named += [(side, "opinion") for key in state.opinions for side in key]
    named += [(side, "proposal") for p in state.proposals.values() for side in (p.sender, p.recipient)]
    named += [(side, "tribute") for t in state.tributes for side in (t.payer, t.payee)]
    named += [(member, "member") for org in state.organisations.values() for member in org.members]
    named += [(target, "resolution") for r in state.resolutions.values() for target in (r.target, *r.votes)]
    problems = [
        f"its {what} {region!r} is no region of the game" for region, what in named if region not in regions
    ]
    problems += [
        f"a resolution of {r.org!r}, no organisation" for r in state.resolutions.values() if r.org not in orgs
    ]
    problems += [
        f"{region.id} has personality {region.personality!r}, which does not exist"
        for region in state.regions.values()
        if region.personality not in state.personalities
    ]
    problems += [
        f"{key!r} holds region {region.id!r}" for key, region in state.regions.items() if key != region.id
    ]
    return problems[:5]
