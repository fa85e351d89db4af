"""Translations over stdlib gettext. English is the source language (the msgids are the English
texts, so English needs no catalogue); Polish lives in locale/pl/LC_MESSAGES/bilateral.po.

After editing the .po, recompile it from the repository root (a test fails while the .mo is stale):

    pybabel compile -d game/i18n/locale -D bilateral
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Callable

from game import data
from game.core.messages import Msg, number_text

DOMAIN = "bilateral"
LOCALE_DIR = data.locale_folder()
LANGUAGES = ("en", "pl")
DECIMAL_POINTS = {"en": ".", "pl": ","}

# Some message arguments carry a rule's own id instead of a region or organisation id. Their
# values are msgids too: `treaty` holds a news.TREATY_NAMES text, `proposal` a news.PROPOSAL_NAMES
# text and `how` a victory kind (plain msgids, as the UI may show them on their own); the short
# ids of `why` and `field` are looked up with the argument's name as the gettext context, so they
# never clash with labels.
PLAIN_WORD_ARGS = frozenset({"treaty", "proposal", "how"})
GOLD_ARGS = frozenset({"amount", "cost", "gold"})  # sums of gold, shown in whole pieces
CONTEXT_WORD_ARGS = frozenset({"why", "field"})

# The display language belongs to the player's session, not to any game, so one per process.
_language = "en"
_catalogue: gettext.NullTranslations = gettext.NullTranslations()


def set_language(code: str) -> None:
    """Switch to "en" or "pl" ("pl_PL.UTF-8" counts as "pl"); anything unknown means English."""
    global _language, _catalogue
    short = code.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    _language = short if short in LANGUAGES else "en"
    _catalogue = (
        gettext.NullTranslations()
        if _language == "en"
        else gettext.translation(DOMAIN, LOCALE_DIR, languages=[_language])
    )


def language() -> str:
    return _language


def system_language() -> str:
    """The language the locale environment asks for, in gettext's order of precedence."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "pl" if value.split(":")[0].lower().startswith("pl") else "en"
    return "en"


def _(text: str) -> str:
    return _catalogue.gettext(text)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalogue.ngettext(singular, plural, n)


def pgettext(context: str, text: str) -> str:
    return _catalogue.pgettext(context, text)


def number(value: int | float) -> str:
    """A number as the current language writes it: 20, 0.4 (Polish 0,4), 2.35."""
    return number_text(value, DECIMAL_POINTS[_language])


def translate_msg(m: Msg, name: Callable[[str], str] = str) -> str:
    """The message in the current language; `name` turns region and organisation ids into names.

    Numbers are written for people: a sum of gold in whole pieces, any other figure to at most one
    decimal (a share stays exact: it is shown in per cent), and Polish with a decimal comma.
    """
    shown = tuple(
        (key, _argument(key, value, name) if isinstance(value, str) else _figure(key, value))
        for key, value in m.args
    )
    return Msg(m.template, shown).render(translate=_, decimal_point=DECIMAL_POINTS[_language])


def _figure(key: str, value: int | float) -> int | float:
    if isinstance(value, int) or key == "share" or key.endswith("_share"):
        return value
    if key in GOLD_ARGS and abs(value) >= 1:
        return int(value + 0.5) if value >= 0 else -int(-value + 0.5)
    return round(value, 1)


def _argument(key: str, value: str, name: Callable[[str], str]) -> str:
    if not value:  # gettext("") would give the catalogue's header
        return name(value)
    if key in PLAIN_WORD_ARGS:
        word = _(value)
    elif key in CONTEXT_WORD_ARGS:
        word = pgettext(key, value)
    else:
        return name(value)
    # Untranslated (always so in English): the id goes to `name`, as Msg.render would send it.
    return word if word != value else name(value)
