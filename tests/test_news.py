"""News lines and opinion texts read as sentences for every kind the rules produce."""

from __future__ import annotations

import re
from pathlib import Path

import game
from game.core.model import Event, Modifier
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
