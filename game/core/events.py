"""The kinds of news the rules make, and the English text of each (a gettext message id).

`{a}`, `{b}` and `{c}` are the event's actors in order; other places are its data. A kind with
variants (an exclusive deal, a peace's terms, a resolution's subject) has them under
`(kind, variant)` in VARIANTS; `game/core/news.py` picks one. A test fails if a kind has no text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

EventKind = Literal[
    "ambassador_sent",
    "ambassador_recalled",
    "ambassador_expelled",
    "state_visit",
    "treaty_signed",
    "treaty_ended",
    "treaty_cancelled",
    "proposal_rejected",
    "counter_offer",
    "deal_struck",
    "deal_gold",
    "deal_payments",
    "call_ignored",
    "embargo_imposed",
    "embargo_lifted",
    "war_declared",
    "capitulation",
    "peace_signed",
    "region_annexed",
    "aid_sent",
    "introduction",
    "mediation",
    "mediation_requested",
    "mediation_lapsed",
    "invest",
    "joined_organisation",
    "left_organisation",
    "resolution_opened",
    "resolution_passed",
    "resolution_failed",
    "complied",
    "defied",
    "rogue_marked",
    "bankruptcy",
    "victory",
]
EVENT_KINDS: tuple[EventKind, ...] = get_args(EventKind)

Value = str | float | int | bool | None


@dataclass(frozen=True, slots=True)
class Event:
    """A news entry: what happened, to whom, with its details."""

    turn: int
    kind: EventKind
    actors: tuple[str, ...]
    data: tuple[tuple[str, Value], ...] = ()

    def get(self, key: str) -> Value:
        return dict(self.data).get(key)


TEMPLATES: dict[EventKind, str] = {
    "ambassador_sent": "{a} sends an ambassador to {b}.",
    "ambassador_recalled": "{a} recalls its ambassador from {b}.",
    "ambassador_expelled": "{a} expels the ambassador of {b}.",
    "state_visit": "The ruler of {a} pays a state visit to {b}.",
    "treaty_signed": "{a} and {b} sign {treaty}.",
    "treaty_ended": "{a} and {b}: {treaty} ends ({why}).",
    "treaty_cancelled": "{a} breaks {treaty} with {b}.",
    "proposal_rejected": "{a} turns down a proposal from {b} ({proposal}).",
    "counter_offer": "{a} turns down the deal of {b} and offers other terms.",
    "deal_struck": "{a} accepts a deal from {b}.",
    "deal_gold": "{a} pays {b} {amount} gold under a deal.",
    "deal_payments": "{a} is to pay {b} {amount} gold a turn for {turns} turns under a deal.",
    "call_ignored": "{a} ignores the call to arms of {b}.",
    "embargo_imposed": "{a} imposes an embargo on {b}.",
    "embargo_lifted": "{a} lifts its embargo on {b}.",
    "war_declared": "{a} declares war on {b}!",
    "capitulation": "{a} capitulates to {b}.",
    "peace_signed": "{a} and {b} make a white peace.",
    "region_annexed": "{a} annexes {b}.",
    "aid_sent": "{a} sends {amount} gold in aid to {b}.",
    "introduction": "{a} introduces {b} to {c}.",
    "mediation": "{a} brokers a peace between {b} and {c}.",
    "mediation_requested": "At the request of {b}, {a} offers {c} a compromise peace.",
    "mediation_lapsed": (
        "The compromise {a} brokered between {b} and {c} no longer fits the war: nothing is signed."
    ),
    "invest": "{a} invests {amount} gold in its {field}.",
    "joined_organisation": "{a} joins {org}.",
    "left_organisation": "{a} leaves {org}.",
    "resolution_opened": "{org} puts a motion against {a} to the vote.",
    "resolution_passed": "{org} passes a motion against {a} ({yes} for, {no} against).",
    "resolution_failed": "{org} rejects the motion against {a} ({yes} for, {no} against).",
    "complied": "{a} does what {org} asked of it.",
    "defied": "{a} defies {org} past its deadline.",
    "rogue_marked": "{org} marks {a} as a rogue region.",
    "bankruptcy": "{a} goes bankrupt: its debts are written off.",
    "victory": "{a} wins the game ({how})!",
}

VARIANTS: dict[tuple[EventKind, str], str] = {
    ("treaty_signed", "exclusive"): "{a} and {b} sign {treaty} (exclusive).",
    ("treaty_cancelled", "complied"): "{a} ends {treaty} with {b}, as a resolution asked.",
    ("treaty_ended", "exclusive"): "{a} and {b}: {treaty} ends, as one of them signs an exclusive deal.",
    ("peace_signed", "tribute"): "{a} and {b} make peace with a tribute.",
    ("peace_signed", "annex"): "{a} and {b} make peace: the loser is annexed.",
    ("peace_signed", "deal"): "{a} and {b} make peace in a deal, with a truce of {turns} turns.",
    ("war_declared", "ally_of"): "{a} joins the war against {b} to defend {ally_of}.",
    ("deal_struck", "counter"): "{a} accepts the counter-offer of {b}.",
    ("proposal_rejected", "counter"): "{a} turns down the counter-offer of {b}.",
    ("counter_offer", "counter"): "{a} turns down the counter-offer of {b} and offers other terms.",
    ("embargo_imposed", "deal_with"): "{a} joins the embargo of {deal_with} on {b}.",
    ("embargo_lifted", "pledge"): "{a} lifts its embargo on {b}, pledged to impose none for {pledge} turns.",
    ("embargo_imposed", "sanction"): "{a} imposes an embargo on {b} under the sanctions of {sanction}.",
    (
        "resolution_opened",
        "condemn_aggression",
    ): "{org} puts to the vote a motion condemning the war of {a} on {b}.",
    (
        "resolution_opened",
        "condemn_deal",
    ): "{org} puts to the vote a motion against the lopsided deal of {a} with {b}.",
    (
        "resolution_opened",
        "condemn_embargo",
    ): "{org} puts to the vote a motion against the embargo of {a} on {b}.",
    ("resolution_opened", "admit"): "{a} applies to join {org}; the members vote.",
    (
        "resolution_passed",
        "condemn_aggression",
    ): "{org} condemns {a} for its war on {b} ({yes} for, {no} against).",
    ("resolution_passed", "condemn_deal"): (
        "{org} condemns the lopsided deal of {a} with {b}: {a} pays a tariff ({yes} for, {no} against)."
    ),
    (
        "resolution_passed",
        "condemn_embargo",
    ): "{org} condemns the embargo of {a} on {b} ({yes} for, {no} against).",
    ("resolution_passed", "admit"): "{org} admits {a} ({yes} for, {no} against).",
    ("resolution_failed", "admit"): "{org} turns down the application of {a} ({yes} for, {no} against).",
}
