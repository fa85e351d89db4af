"""The news panel's filters: which of the events a region reads each filter keeps."""

from __future__ import annotations

from game.core.events import Event
from game.core.view import View

NEWS_FILTERS = ("all", "us", "wars", "diplomacy", "organisations")
NEWS_TURNS = 10  # turns of news the panel keeps; older news is in the save, not on screen
NEWS_LINES = 50  # at most: laying out text is slow, and a busy world makes much news

WAR_KINDS = frozenset(
    {
        "war_declared",
        "peace_signed",
        "capitulation",
        "region_annexed",
        "mediation",
        "mediation_requested",
        "mediation_lapsed",
        "victory",
    }
)
DIPLOMACY_KINDS = frozenset(
    {
        "ambassador_sent",
        "ambassador_recalled",
        "ambassador_expelled",
        "state_visit",
        "treaty_signed",
        "treaty_ended",
        "treaty_cancelled",
        "proposal_rejected",
        "embargo_imposed",
        "embargo_lifted",
        "aid_sent",
        "introduction",
    }
)
ORGANISATION_KINDS = frozenset(
    {
        "joined_organisation",
        "left_organisation",
        "resolution_opened",
        "resolution_passed",
        "resolution_failed",
        "rogue_marked",
    }
)


def concerns(event: Event, region: str) -> bool:
    """The region is one of the event's parties, or the ally a war was joined for."""
    return region in event.actors or event.get("ally_of") == region


def keeps(name: str, event: Event, region: str) -> bool:
    """Whether filter `name` shows this event to `region`."""
    if name == "us":
        return concerns(event, region)
    if name == "wars":
        return event.kind in WAR_KINDS
    if name == "diplomacy":
        return event.kind in DIPLOMACY_KINDS and not event.get("sanction")
    if name == "organisations":  # sanctions are embargoes an organisation called for
        return event.kind in ORGANISATION_KINDS or bool(event.get("sanction"))
    return True


def filtered_news(view: View, name: str) -> list[Event]:
    """The news of the last turns that the region reads and the filter keeps, newest first."""
    events = view.state.events
    oldest = view.state.turn - NEWS_TURNS
    found: list[Event] = []
    for event in reversed(events):
        if event.turn < oldest or len(found) >= NEWS_LINES:
            break
        if view.reads(event) and keeps(name, event, view.me):
            found.append(event)
    return found
