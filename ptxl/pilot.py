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
from functools import lru_cache

from .forms.scales import UNIT_WORDS

DEFAULT_UNIT = "family"


def evaluation_unit(settings) -> str:
    """``family`` (default) or ``person``."""
    unit = (settings or {}).get("evaluation_unit")
    return unit if unit in ("family", "person") else DEFAULT_UNIT


def not_asked(settings) -> frozenset:
    """Annex B question keys this pilot does not ask (neither an answer nor a blank)."""
    return frozenset((settings or {}).get("questions_not_asked") or ())


@lru_cache(maxsize=None)
def _pattern(unit: str, lang: str):
    words = UNIT_WORDS.get(unit, {}).get(lang, ())
    if not words:
        return None, {}
    table = {a: b for a, b in words}
    ordered = sorted(table, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in ordered) + r")\b", re.IGNORECASE), table


def unit_text(text: str, unit: str, lang: str) -> str:
    """A text written for families, said for ``unit`` (identity for ``family``); a capital stays a capital."""
    if unit == DEFAULT_UNIT or not isinstance(text, str):
        return text
    pattern, table = _pattern(unit, lang)
    if pattern is None:
        return text

    def swap(m):
        found = m.group(0)
        new = table[found.lower()]
        return new[0].upper() + new[1:] if found[0].isupper() else new
    return pattern.sub(swap, text)
