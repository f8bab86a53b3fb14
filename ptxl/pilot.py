"""What a pilot's settings say about its own form: the unit of a case and the questions it does not ask.

Why a module of its own: the EPIM network's pilots share the client summary
sheet but not everything else. Plan Together follows families, other pilots
follow one person per case; a pilot may leave out a question that makes no
sense where it works (the seed's footnote 4: "cooperate with the conditions
imposed" where none are imposed). Statistics, validation and every view ask
here, so each of these rules is written once.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from .schema import UNIT_WORDS, Settings, get_schema

DEFAULT_UNIT = get_schema().setting("evaluation_unit").default  # the forms' default: family


def evaluation_unit(settings) -> str:
    """``family`` or ``person``: the typed setting (its field refuses anything else; blank: the forms' default)."""
    return Settings.of(settings).evaluation_unit


def not_asked(settings) -> frozenset:
    """Annex B question keys this pilot does not ask (neither an answer nor a blank)."""
    return frozenset(Settings.of(settings).questions_not_asked or ())


@lru_cache(maxsize=None)
def _pattern(unit: str, lang: str):
    words = UNIT_WORDS.get(unit, {}).get(lang, ())
    if not words:
        return None, {}
    table = {a: b for a, b in words}
    ordered = sorted(table, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in ordered) + r")\b", re.IGNORECASE), table


def unit_text(text: str, unit: str, lang: str) -> str:
    """A text written for families, said for ``unit`` (identity for ``family``); a capital stays a capital,
    a word in capitals (a document's title) stays in capitals."""
    if unit == DEFAULT_UNIT or not isinstance(text, str):
        return text
    pattern, table = _pattern(unit, lang)
    if pattern is None:
        return text

    def swap(m):
        found = m.group(0)
        new = table[found.lower()]
        if new == found.lower():  # a phrase kept as written (a sheet's name, a surname)
            return found
        if found.isupper() and len(found) > 1:
            return new.upper()
        return new[0].upper() + new[1:] if found[0].isupper() else new
    return pattern.sub(swap, text)


def for_settings(text: str, settings, lang: str) -> str:
    """A finished sentence whose fields are only counts ("3 families never admitted"), said for the unit of
    the pilot whose ``settings`` these are; the count's plural ending was chosen before, for "family"."""
    return unit_text(text, evaluation_unit(settings), lang)


# The unit the catalogues of the documents, the report and the alerts speak of while one workbook is
# rendered. Why a context variable and not a parameter: those catalogues are looked up in dozens of
# places (``t(key, lang)``); the entry point of each view sets the unit once, the lookups stay as
# they are, and a value typed by staff (inserted by ``format`` after the swap) is never touched.
_UNIT: ContextVar[str] = ContextVar("ptxl_unit", default=DEFAULT_UNIT)


@contextmanager
def unit_scope(unit: str | None):
    """Render everything inside for ``unit`` (``family`` when None)."""
    token = _UNIT.set(unit if unit in ("family", "person") else DEFAULT_UNIT)
    try:
        yield
    finally:
        _UNIT.reset(token)


def said_for(unit: str | None):
    """The ``adapt`` of ``ptxl.i18n.render`` for ``unit``: a text said for families or persons. What a
    ``Finding`` re-rendered in another language (``validate --lang``, ``--json``) is given, since its stored
    message was said for its workbook's unit (``validate_dataset``'s ``unit_scope``)."""
    unit = unit if unit in ("family", "person") else DEFAULT_UNIT
    return lambda text, lang: unit_text(text, unit, lang)


def for_current_unit(text: str, lang: str) -> str:
    """A catalogue text said for the unit of the workbook being rendered (see ``unit_scope``)."""
    return unit_text(text, _UNIT.get(), lang)
