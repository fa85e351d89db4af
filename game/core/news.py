"""News: one readable line for every event the rules produce."""

from __future__ import annotations

import re
from collections.abc import Mapping

from game.core.events import TEMPLATES, VARIANTS, Event, EventKind
from game.core.messages import Msg, msg
from game.core.model import Modifier, ModifierKind

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
    "mediation_request": "mediation request",
    "call_to_arms": "call to arms",
    "deal": "deal",
}

# The counted kinds of the simulation report; every one of them appears in every report.
COUNTED_KINDS: tuple[EventKind, ...] = (
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
    "mediation_requested",
    "resolution_passed",
    "invest",
)


def describe(event: Event) -> Msg:
    """The news line of an event: its kind's text, or the variant its details call for."""
    names = dict(zip("abc", event.actors, strict=False))
    data = {k: v for k, v in event.data if v is not None}
    template = VARIANTS.get((event.kind, _variant(event.kind, data)), TEMPLATES[event.kind])
    if not _fills(template, names.keys() | data.keys()):  # news of older rules lack a detail
        template = TEMPLATES[event.kind]
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


def _fills(template: str, keys: set[str]) -> bool:
    return all(name in keys for name in re.findall(r"\{(\w+)\}", template))


def _variant(kind: str, data: Mapping[str, object]) -> str:
    if kind == "treaty_signed" and data.get("exclusive"):
        return "exclusive"
    if kind == "treaty_cancelled" and data.get("why") == "complied":
        return "complied"
    if kind == "treaty_ended" and data.get("why") == "exclusive":
        return "exclusive"
    if kind == "peace_signed" and data.get("deal"):
        return "deal"
    if kind == "peace_signed":
        return str(data.get("terms"))
    if kind == "war_declared" and data.get("ally_of"):
        return "ally_of"
    if kind == "embargo_imposed" and data.get("sanction"):
        return "sanction"
    if kind == "embargo_imposed" and data.get("deal_with"):
        return "deal_with"
    if kind == "embargo_lifted" and data.get("pledge"):
        return "pledge"
    if kind in ("deal_struck", "proposal_rejected", "counter_offer") and data.get("counter"):
        return "counter"
    if kind.startswith("resolution_"):
        return str(data.get("resolution"))
    return ""


# What the player reads beside each opinion modifier; scenario modifiers carry their own text.
MODIFIER_TEXT: dict[ModifierKind, str] = {
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
    "complied": "Did what our organisation asked",
    "rogue": "A rogue region",
    "scenario": "From the scenario",
}


def modifier_text(mod: Modifier, language: str = "en") -> str:
    """The text of an opinion modifier: the scenario's own, or the rules' (a gettext message id)."""
    if mod.text is not None:
        return mod.text.get(language) or mod.text.get("en") or mod.kind
    return MODIFIER_TEXT[mod.kind]
