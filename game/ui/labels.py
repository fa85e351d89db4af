"""What the player reads for the rules' ids; each goes through the catalogue when shown."""

from __future__ import annotations

from game.core.news import PROPOSAL_NAMES
from game.i18n import _

# The rules' kinds of treaty and proposal, named as the news names them (one list, one catalogue).
KIND_LABELS = PROPOSAL_NAMES
BASELINE_LABELS = {
    "culture": "Kinship of cultures",
    "border": "Living side by side",
    "reputation": "Reputation",
    "power": "Wary of the strongest",
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
