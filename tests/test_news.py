"""News lines and opinion texts read as sentences for every kind the rules produce."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

import game
from game import i18n
from game.core.model import TREATY_KINDS, Event, Modifier, ProposalKind, TreatyKind
from game.core.news import MODIFIER_TEXT, describe, modifier_text

CORE = Path(game.__file__).parent / "core"


def _kinds_used(pattern: str) -> set[str]:
    found: set[str] = set()
    for path in CORE.glob("*.py"):
        found |= set(re.findall(pattern, path.read_text(encoding="utf-8")))
    return found


def test_every_modifier_the_rules_make_has_a_text() -> None:
    """A player never sees a raw modifier id: every kind the rules add has its own text."""
    kinds = _kinds_used(r'(?:add_modifier|set_modifier)\([^"\n]*"([a-z_]+)"')
    kinds |= {f"treaty_{k}" for k in ("non_aggression", "alliance", "trade", "access")}
    kinds.discard("treaty_")
    assert kinds, "the pattern must find the rules' modifiers"
    assert sorted(kinds - set(MODIFIER_TEXT)) == []


def test_scenario_modifiers_speak_the_players_language() -> None:
    mod = Modifier("scenario", -10.0, 1.0, {"en": "Old border quarrel", "pl": "Dawny spór graniczny"})
    assert modifier_text(mod, "pl") == "Dawny spór graniczny"
    assert modifier_text(Modifier("state_visit", 5.0, 1.0)) == "Paid us a state visit"


def test_every_news_kind_reads_as_a_sentence() -> None:
    """Each event kind the rules emit has a line with names in it, not a bare id."""
    kinds = _kinds_used(r'news\(\s*state,\s*"([a-z_]+)"')
    assert "war_declared" in kinds
    for kind in sorted(kinds):
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
            ),
        )
        line = describe(event).render(str.upper)
        assert "ALBA" in line, (kind, line)
        assert line[-1] in ".!)", (kind, line)


def _quoted_ids_in(name: str, pattern: str) -> set[str]:
    """The quoted ids inside the first stretch of core/NAME that `pattern` matches."""
    found = re.search(pattern, (CORE / name).read_text(encoding="utf-8"))
    assert found is not None, (name, pattern)
    return set(re.findall(r'"(\w+)"', found.group(1)))


def _words_the_rules_put_in_news() -> dict[str, set[str]]:
    """Every id the rules may put into a news line as a word, by the argument that carries it."""
    words = {
        "treaty": set(TREATY_KINDS),
        "proposal": {*get_args(TreatyKind), *get_args(ProposalKind)},
        "why": _kinds_used(r'why="(\w+)"'),
        "field": _quoted_ids_in("actions.py", r"field: Literal\[([^\]]*)\]"),
        "how": _kinds_used(r'_win\(state, \w+, "(\w+)"\)'),
        "terms": _quoted_ids_in("diplomacy.py", r"kind = (.*)\n\s*news\(state, \"peace_signed\""),
    }
    assert {"call_to_arms", "non_aggression"} <= words["proposal"]
    assert {"expired", "war"} <= words["why"] and {"score", "conquest"} <= words["how"]
    assert words["terms"] == {"annex", "tribute", "white"}
    return words


RAW_ID = re.compile(r"[A-Za-z]+_[A-Za-z_]+")


@pytest.mark.parametrize("language", ["en", "pl"])
def test_no_news_line_shows_a_raw_id(language: str) -> None:
    """Every event kind the rules emit, with every word the rules may put into it, reads in words
    of the player's language: no snake_case id, and in Polish no line left in English."""
    kinds = _kinds_used(r'news\(\s*state,\s*"([a-z_]+)"')
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
    }
    variants = [dict(defaults)]
    variants += [
        {**defaults, key: word} for key, found in _words_the_rules_put_in_news().items() for word in found
    ]
    variants += [{**defaults, "exclusive": True}, {**defaults, "ally_of": None}]
    assert len(kinds) > 20
    for kind in sorted(kinds):
        for data in variants:
            event = Event(3, kind, ("alba", "bria", "cora"), tuple(sorted(data.items())))
            i18n.set_language(language)
            line = i18n.translate_msg(describe(event), str.capitalize)
            assert not RAW_ID.search(line), (kind, data, line)
            if language == "pl":
                i18n.set_language("en")
                assert line != i18n.translate_msg(describe(event), str.capitalize), (kind, line)
    i18n.set_language("en")
