"""Translations stay in step with the code, and the shipped font draws every Polish letter.

After changing bilateral.po, recompile it: `pybabel compile -d game/i18n/locale -D bilateral`.
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import game
from game import i18n
from game.core import news
from game.core.actions import INVEST_FIELDS
from game.core.events import TEMPLATES, VARIANTS, Event
from game.core.messages import msg
from game.core.model import TREATY_ENDS, WIN_REASONS
from game.core.registry import ACTION_KINDS
from game.core.relations import opinion_label
from game.core.why import Why
from game.i18n.fonts import LICENSE, font_path

GAME = Path(game.__file__).resolve().parent
PO = GAME / "i18n" / "locale" / "pl" / "LC_MESSAGES" / "bilateral.po"
MO = PO.with_suffix(".mo")
POLISH_LETTERS = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"

MsgKey = tuple[str | None, str]  # (gettext context, msgid)


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    i18n.set_language("en")


def _catalogue() -> Catalog:
    with PO.open("rb") as f:
        return read_po(f)


def _calls(tree: ast.AST) -> Iterator[tuple[str, list[ast.expr]]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            yield called, node.args


def _literals_in_calls() -> set[MsgKey]:
    """Every literal msgid of msg(), _(), ngettext() and pgettext() anywhere in game/."""
    found: set[MsgKey] = set()
    for path in sorted(GAME.rglob("*.py")):
        for called, args in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            texts = [a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if called in ("msg", "_", "gettext") and texts:
                found.add((None, texts[0]))
            elif called == "ngettext" and texts:
                found.add((None, texts[0]))  # the plural is checked with its singular
            elif called == "pgettext" and len(texts) == 2:
                found.add((texts[0], texts[1]))
    return found


def _news_texts() -> set[str]:
    """The news texts and the names of treaties, proposals and modifiers."""
    return {
        *TEMPLATES.values(),
        *VARIANTS.values(),
        *news.TREATY_NAMES.values(),
        *news.PROPOSAL_NAMES.values(),
        *news.MODIFIER_TEXT.values(),
    }


def _registry_texts() -> set[str]:
    """What the rules say of their action kinds and refusals, and the window's dialog buttons."""
    from game.ui.mapscene import DIALOGS

    kinds = {text for kind in ACTION_KINDS.values() for text in (kind.name, kind.help)}
    return kinds | {why.value for why in Why} | {label for label, _dialog in DIALOGS.values()}


def _rule_words() -> set[MsgKey]:
    """Ids the rules put into messages as words: victory kinds, why a treaty ended, and so on."""
    labels = {opinion_label(float(v)) for v in range(-100, 101)}
    return (
        {(None, w) for w in {*WIN_REASONS, *labels}}
        | {("why", w) for w in TREATY_ENDS}
        | {("field", w) for w in INVEST_FIELDS}
    )


def _used() -> set[MsgKey]:
    texts = _news_texts() | _registry_texts()
    return _literals_in_calls() | {(None, t) for t in texts} | _rule_words()


def _texts(value: object) -> tuple[str, ...]:
    """Babel gives a str, or a tuple or list of them for plural entries."""
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value) if isinstance(value, (tuple, list)) else ()


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{[^{}]*\}", text))


def test_every_text_the_code_shows_has_a_polish_translation() -> None:
    catalogue = _catalogue()
    used = _used()
    assert len(used) > 150, "the extraction must find the game's texts"
    missing = []
    for context, msgid in sorted(used, key=lambda k: (k[0] or "", k[1])):
        entry = catalogue.get(msgid, context=context)
        forms = _texts(entry.string) if entry is not None else ()
        if entry is None or entry.fuzzy or not forms or not all(forms):
            missing.append((context, msgid))
    assert missing == []


def test_translations_keep_the_placeholders_of_their_msgid() -> None:
    wrong = []
    for entry in _catalogue():
        if not entry.id:
            continue
        ids = _texts(entry.id)
        expected = _placeholders(ids[0])
        assert all(_placeholders(i) == expected for i in ids), ids
        wrong += [(ids[0], s) for s in _texts(entry.string) if _placeholders(s) != expected]
    assert wrong == []


def _entries(catalogue: Catalog) -> dict[tuple[str | None, tuple[str, ...]], tuple[str, ...]]:
    return {(m.context, _texts(m.id)): _texts(m.string) for m in catalogue if m.id}


def test_the_compiled_catalogue_matches_the_po() -> None:
    """Stale? Run `pybabel compile -d game/i18n/locale -D bilateral` from the repository root.

    Catalogues are compared rather than bytes: the .mo header names the Babel version that wrote it.
    """
    with MO.open("rb") as f:
        compiled = read_mo(f)
    source = _catalogue()
    assert _entries(compiled) == _entries(source)
    assert compiled.plural_forms == source.plural_forms


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "1 region"), (2, "2 regiony"), (5, "5 regionów"), (22, "22 regiony"), (12, "12 regionów")],
)
def test_polish_plurals_follow_the_three_forms(n: int, expected: str) -> None:
    i18n.set_language("pl")
    assert i18n.ngettext("{n} region", "{n} regions", n).format(n=n) == expected


def test_english_plurals() -> None:
    assert [i18n.ngettext("{n} region", "{n} regions", n).format(n=n) for n in (1, 2)] == [
        "1 region",
        "2 regions",
    ]


def test_a_message_renders_in_the_chosen_language() -> None:
    refusal = msg("There is no region {region}.", region="alba")
    i18n.set_language("pl")
    assert i18n.language() == "pl"
    assert i18n.translate_msg(refusal, str.capitalize) == "Nie ma regionu Alba."
    assert i18n._("friendly") == "przyjacielskie"
    i18n.set_language("en")
    assert i18n.language() == "en"
    assert i18n.translate_msg(refusal, str.capitalize) == "There is no region Alba."


def test_rule_ids_inside_news_become_polish_words() -> None:
    ended = Event(4, "treaty_ended", ("alba", "bria"), (("treaty", "trade"), ("why", "war")))
    invested = Event(4, "invest", ("alba",), (("field", "economy"), ("amount", 12.0)))
    won = Event(9, "victory", ("alba",), (("how", "conquest"),))
    i18n.set_language("pl")
    lines = [i18n.translate_msg(news.describe(e), str.capitalize) for e in (ended, invested, won)]
    assert lines == [
        "Alba i Bria: porozumienie handlowe przestaje obowiązywać (wojna).",
        "Alba inwestuje 12 złota w gospodarkę.",
        "Alba wygrywa grę (podbój)!",
    ]


@pytest.mark.parametrize(
    ("value", "english", "polish"),
    [
        (0.4, "0.4", "0,4"),
        (20.0, "20", "20"),
        (7, "7", "7"),
        (2.3456, "2.3", "2,3"),
        (1234.5, "1234.5", "1234,5"),
        (-0.001, "0", "0"),
    ],
)
def test_numbers_in_messages_keep_at_most_one_decimal(value: float, english: str, polish: str) -> None:
    """A limit of 0.4 reads 0.4 (Polish 0,4), not 0; a whole number has no decimals; a figure has at
    most one decimal (issue 12: numbers for people)."""
    limit = msg("The tribute must be between 0 and {limit} gold per turn.", limit=value)
    assert i18n.translate_msg(limit) == f"The tribute must be between 0 and {english} gold per turn."
    i18n.set_language("pl")
    assert f" {polish} " in i18n.translate_msg(limit)
    assert i18n.translate_msg(limit) != limit.render()


@pytest.mark.parametrize(("amount", "shown"), [(28.14, "28"), (12.5, "13"), (0.4, "0.4"), (100.0, "100")])
def test_sums_of_gold_in_messages_are_whole_pieces(amount: float, shown: str) -> None:
    """ "28.14 gold" reads "28 gold"; less than a piece keeps its tenth, so that it is not nothing."""
    aid = msg("{a} sends {amount} gold in aid to {b}.", a="alba", b="bria", amount=amount)
    assert i18n.translate_msg(aid) == f"alba sends {shown} gold in aid to bria."


def test_a_share_reads_as_a_percentage() -> None:
    """An argument named share (or ending in _share) is a fraction of a whole, shown in per cent."""
    assert (
        i18n.translate_msg(msg("{share} / {victory_share}", share=0.6, victory_share=0.125)) == "60% / 12.5%"
    )
    i18n.set_language("pl")
    assert i18n.translate_msg(msg("{share}", share=0.125)) == "12,5%"


def test_an_empty_word_stays_empty() -> None:
    i18n.set_language("pl")
    line = i18n.translate_msg(msg("{a} wins the game ({how})!", a="alba", how=""))
    assert line == "alba wygrywa grę ()!"


def test_in_english_translation_changes_nothing() -> None:
    for kind, template in sorted(TEMPLATES.items()):
        args = {k: "alba" for k in _placeholders(template)}
        m = msg(template, **{k.strip("{}"): v for k, v in args.items()})
        assert i18n.translate_msg(m, str.upper) == m.render(str.upper), kind


def test_unknown_language_codes_mean_english() -> None:
    i18n.set_language("pl_PL.UTF-8")
    assert i18n.language() == "pl"
    i18n.set_language("xx")
    assert i18n.language() == "en"
    assert i18n._("friendly") == "friendly"


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "pl_PL.UTF-8"}, "pl"),
        ({"LANGUAGE": "pl:en", "LANG": "en_GB.UTF-8"}, "pl"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "pl_PL.UTF-8"}, "en"),
        ({"LC_MESSAGES": "pl_PL"}, "pl"),
        ({}, "en"),
    ],
)
def test_system_language_reads_the_locale_environment(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], expected: str
) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    assert i18n.system_language() == expected


def test_the_font_and_its_licence_are_shipped() -> None:
    assert font_path().is_file()
    assert font_path(bold=True).is_file()
    assert "Bitstream" in LICENSE.read_text(encoding="utf-8")


@pytest.mark.parametrize("bold", [False, True])
def test_the_font_draws_every_polish_letter(bold: bool) -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    pygame.font.init()
    font = pygame.font.Font(str(font_path(bold)), 24)
    metrics = font.metrics(POLISH_LETTERS)
    assert len(metrics) == len(POLISH_LETTERS)
    assert [letter for letter, m in zip(POLISH_LETTERS, metrics, strict=True) if m is None] == []
    assert [letter for letter in POLISH_LETTERS if font.size(letter)[0] <= 0] == []
    assert font.render(POLISH_LETTERS, True, (0, 0, 0)).get_width() > 0
