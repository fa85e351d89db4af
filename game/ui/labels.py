"""What the player reads for the rules' ids; each goes through the catalogue when shown."""

from __future__ import annotations

from game.i18n import _

KIND_LABELS = {
    "non_aggression": "non-aggression pact",
    "alliance": "alliance",
    "trade": "trade agreement",
    "access": "military access",
    "visit": "state visit",
    "introduction": "introduction",
    "mediation": "mediation",
    "call_to_arms": "call to arms",
    "peace": "peace",
}
BASELINE_LABELS = {
    "culture": "Kinship of cultures",
    "border": "Living side by side",
    "reputation": "Reputation",
}
MODE_LABELS = {
    "political": "Political",
    "relations": "Relations",
    "alliances": "Alliances",
    "trade": "Trade",
    "culture": "Culture",
}


def kind_label(kind: str) -> str:
    return _(KIND_LABELS.get(kind, kind))
