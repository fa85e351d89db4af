"""News: one readable line for every event the rules produce."""

from __future__ import annotations

from game.core.messages import Msg, msg
from game.core.model import Event, Modifier

TREATY_NAMES = {
    "non_aggression": "a non-aggression pact",
    "alliance": "a military alliance",
    "trade": "a trade agreement",
    "access": "a military access treaty",
}

# What a turned-down proposal was, in the words of the window's buttons (the same msgids).
PROPOSAL_NAMES = {
    "non_aggression": "non-aggression pact",
    "alliance": "alliance",
    "trade": "trade agreement",
    "access": "military access",
    "treaty": "treaty",
    "peace": "peace",
    "visit": "state visit",
    "introduction": "introduction",
    "mediation": "mediation",
    "call_to_arms": "call to arms",
}

# The counted kinds of the simulation report; every one of them appears in every report.
COUNTED_KINDS = (
    "ambassador_sent",
    "ambassador_recalled",
    "ambassador_expelled",
    "state_visit",
    "treaty_signed",
    "treaty_cancelled",
    "proposal_rejected",
    "embargo_imposed",
    "embargo_lifted",
    "war_declared",
    "peace_signed",
    "region_annexed",
    "aid_sent",
    "introduction",
    "mediation",
    "resolution_passed",
    "invest",
)

_TEMPLATES = {
    "ambassador_sent": "{a} sends an ambassador to {b}.",
    "ambassador_recalled": "{a} recalls its ambassador from {b}.",
    "ambassador_expelled": "{a} expels the ambassador of {b}.",
    "state_visit": "The ruler of {a} pays a state visit to {b}.",
    "treaty_cancelled": "{a} breaks {treaty} with {b}.",
    "proposal_rejected": "{a} turns down a proposal from {b} ({proposal}).",
    "embargo_imposed": "{a} imposes an embargo on {b}.",
    "embargo_lifted": "{a} lifts its embargo on {b}.",
    "war_declared": "{a} declares war on {b}!",
    "region_annexed": "{a} annexes {b}.",
    "aid_sent": "{a} sends {amount} gold in aid to {b}.",
    "introduction": "{a} introduces {b} to {c}.",
    "mediation": "{a} brokers a peace between {b} and {c}.",
    "invest": "{a} invests {amount} gold in its {field}.",
    "capitulation": "{a} capitulates to {b}.",
    "joined_organisation": "{a} joins {org}.",
    "left_organisation": "{a} leaves {org}.",
    "resolution_opened": "{org} puts a motion against {a} to the vote.",
    "resolution_passed": "{org} passes a motion against {a} ({yes} for, {no} against).",
    "resolution_failed": "{org} rejects the motion against {a}.",
    "rogue_marked": "{org} marks {a} as a rogue region.",
    "victory": "{a} wins the game ({how})!",
}


def describe(event: Event) -> Msg:
    names = dict(zip("abc", event.actors, strict=False))
    data = {k: v for k, v in event.data if v is not None}
    kind = event.kind
    if kind == "treaty_signed":
        template = "{a} and {b} sign {treaty}."
        if data.get("exclusive"):
            template = "{a} and {b} sign {treaty} (exclusive)."
    elif kind == "treaty_ended":
        template = "{a} and {b}: {treaty} ends ({why})."
    elif kind == "peace_signed":
        template = {
            "annex": "{a} and {b} make peace: the loser is annexed.",
            "tribute": "{a} and {b} make peace with a tribute.",
        }.get(str(data.get("terms")), "{a} and {b} make a white peace.")
    elif kind == "war_declared" and data.get("ally_of"):
        template = "{a} joins the war against {b} to defend {ally_of}."
    elif kind == "embargo_imposed" and data.get("sanction"):
        template = "{a} imposes an embargo on {b} under the sanctions of {sanction}."
    else:
        template = _TEMPLATES.get(kind, kind.replace("_", " ") + ".")
    if "treaty" in data:
        data["treaty"] = TREATY_NAMES.get(str(data["treaty"]), str(data["treaty"]))
    if "proposal" in data:
        data["proposal"] = PROPOSAL_NAMES.get(str(data["proposal"]), str(data["proposal"]))
    args: dict[str, str | int | float] = {**names}
    for key, value in data.items():
        args[key] = (
            value if isinstance(value, (int, float, str)) and not isinstance(value, bool) else str(value)
        )
    return msg(template, **args)


# What the player reads beside each opinion modifier; scenario modifiers carry their own text.
MODIFIER_TEXT = {
    "ambassador": "Our ambassadors keep in touch",
    "state_visit": "Paid us a state visit",
    "treaty_non_aggression": "Non-aggression pact",
    "treaty_alliance": "Military allies",
    "treaty_trade": "Trade partners",
    "treaty_access": "Military access",
    "broke_treaty": "Broke a treaty with us",
    "declared_war": "Declared war on us",
    "ignored_call": "Ignored our call to arms",
    "answered_call": "Came to our defence",
    "expelled_ambassador": "Expelled our ambassador",
    "embargo": "Keeps an embargo on us",
    "aid": "Sent us aid",
    "introduced": "Introduced by a friend",
    "mediated": "Brokered a peace for us",
    "left_organisation": "Left our organisation",
    "condemned": "Condemned by our organisation",
    "lopsided_deal": "Profits from a lopsided deal",
    "rogue": "A rogue region",
}


def modifier_text(mod: Modifier, language: str = "en") -> str:
    """The text of an opinion modifier: the scenario's own, or the rules' (a gettext message id)."""
    if mod.text is not None:
        return mod.text.get(language) or mod.text.get("en") or mod.kind
    return MODIFIER_TEXT.get(mod.kind, mod.kind.replace("_", " ").capitalize())
