"""One message catalogue for every user-visible string, in French, Dutch and English.

Why one: staff read ptxl in their workbook's language, and the same sentence used
to live in a dozen tables of five shapes (tuples with or without a severity,
``{fr, nl, en}`` dicts, ``L(...)`` dicts, nested tables). Each table now declares
itself here with ``register(namespace, table)`` and gets back an Enum of its
codes (a typo in a code is an AttributeError/ValueError, never a silent blank);
``render(code, lang, **params)`` is the one way to turn a code into a sentence,
with plural endings (``{n:|s}``, ``ptxl.plural.counted``) chosen by the language.
Number and date formats per language live in ``ptxl.i18n.formats``.
"""

from __future__ import annotations

from .catalogue import LANGS, Code, code_of, codes, load_all, register, render, texts
from .formats import COLON, fmt_date, fmt_number

__all__ = ["COLON", "LANGS", "Code", "code_of", "codes", "fmt_date", "fmt_number", "load_all", "register", "render",
           "texts"]
