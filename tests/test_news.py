"""News lines and opinion texts read as sentences for every kind the rules produce.

The kinds are typed lists (game/core/events.py, model.py), so a kind without a text fails here
and an unknown kind fails mypy.
"""

from __future__ import annotations

import re
from typing import get_args

import pytest

from game import i18n
from game.core.actions import INVEST_FIELDS
from game.core.events import EVENT_KINDS, TEMPLATES, VARIANTS, Event
from game.core.model import (
    PEACE_TERMS,
    PROPOSAL_KINDS,
    RESOLUTION_KINDS,
    TREATY_ENDS,
    TREATY_KINDS,
    WIN_REASONS,
    Modifier,
    ModifierKind,
)
from game.core.news import MODIFIER_TEXT, PROPOSAL_NAMES, describe, modifier_text


def test_every_modifier_kind_has_a_text() -> None:
    """A player never sees a raw modifier id: every kind the rules may add has its own text."""
    assert sorted(set(get_args(ModifierKind)) - set(MODIFIER_TEXT)) == []


def test_every_event_kind_has_a_text_and_every_variant_a_kind() -> None:
    assert sorted(set(EVENT_KINDS) - set(TEMPLATES)) == []
    assert {kind for kind, _variant in VARIANTS} <= set(EVENT_KINDS)


def test_scenario_modifiers_speak_the_players_language() -> None:
    mod = Modifier("scenario", -10.0, 1.0, {"en": "Old border quarrel", "pl": "Dawny spór graniczny"})
    assert modifier_text(mod, "pl") == "Dawny spór graniczny"
    assert modifier_text(Modifier("state_visit", 5.0, 1.0)) == "Paid us a state visit"


def test_every_news_kind_reads_as_a_sentence() -> None:
    """Each event kind has a line with names in it, not a bare id."""
    for kind in EVENT_KINDS:
        event = Event(
            3,
            kind,
            ("alba", "bria", "cora"),
            (
                ("treaty", "trade"),
                ("org", "league"),
                ("how", "score"),
                ("yes", 3),
                ("no", 1),
                ("amount", 10.0),
                ("field", "economy"),
                ("proposal", "trade"),
                ("why", "expired"),
                ("terms", "white"),
                ("turns", 4),
            ),
        )
        line = describe(event).render(str.upper)
        assert "ALBA" in line, (kind, line)
        assert line[-1] in ".!)", (kind, line)


def _words_the_rules_put_in_news() -> dict[str, set[str]]:
    """Every id the rules may put into a news line as a word, by the argument that carries it."""
    return {
        "treaty": set(TREATY_KINDS),
        "proposal": {*TREATY_KINDS, *PROPOSAL_KINDS},
        "why": set(TREATY_ENDS),
        "field": set(INVEST_FIELDS),
        "how": set(WIN_REASONS),
        "terms": set(PEACE_TERMS),
        "resolution": set(RESOLUTION_KINDS),
    }


def test_every_proposal_has_a_name() -> None:
    assert {*TREATY_KINDS, *PROPOSAL_KINDS} <= set(PROPOSAL_NAMES)


RAW_ID = re.compile(r"[A-Za-z]+_[A-Za-z_]+")


@pytest.mark.parametrize("language", ["en", "pl"])
def test_no_news_line_shows_a_raw_id(language: str) -> None:
    """Every event kind, with every word the rules may put into it, reads in words of the player's
    language: no snake_case id, and in Polish no line left in English."""
    defaults: dict[str, str | float | int | bool | None] = {
        "treaty": "trade",
        "proposal": "trade",
        "why": "expired",
        "field": "economy",
        "how": "score",
        "terms": "white",
        "org": "league",
        "sanction": "league",
        "ally_of": "elda",
        "resolution": "condemn_aggression",
        "exclusive": False,
        "amount": 12.5,
        "yes": 3,
        "no": 1,
        "turns": 4,
    }
    variants = [dict(defaults)]
    variants += [
        {**defaults, key: word} for key, found in _words_the_rules_put_in_news().items() for word in found
    ]
    variants += [{**defaults, "exclusive": True}, {**defaults, "ally_of": None}]
    variants += [{**defaults, "deal_with": "cora"}, {**defaults, "counter": True}]
    variants += [{**defaults, "deal": True}]
    for kind in EVENT_KINDS:
        for data in variants:
            event = Event(3, kind, ("alba", "bria", "cora"), tuple(sorted(data.items())))
            i18n.set_language(language)
            line = i18n.translate_msg(describe(event), str.capitalize)
            assert not RAW_ID.search(line), (kind, data, line)
            if language == "pl":
                i18n.set_language("en")
                assert line != i18n.translate_msg(describe(event), str.capitalize), (kind, line)
    i18n.set_language("en")
