"""One message catalogue for every user-visible string, in French, Dutch and English.

Why one: staff read ptxl in their workbook's language, and the same kind of sentence
lived in a dozen tables of five shapes: ``(severity, fr, nl, en)`` tuples (the rule
findings), ``(fr, nl, en)`` tuples (file problems, the validate report's words),
``{fr, nl, en}`` dicts and ``L(...)`` (alerts, documents, report, CLI, network, Excel,
home sheet, output sheets, styles, guard, write failures, protection, progress),
``{lang: {key: text}}`` (the stats summary) and ``{lang: (one, many)}`` (day words);
plus "French (English)" strings and English f-strings written inline.

Each table now declares itself with ``register(namespace, table)`` (it keeps its shape,
its words are copied into one registry) and gets back an Enum of its codes, so code
written against the Enum fails on a typo instead of printing a blank; codes named by
string are checked by a test. ``render(code, lang, **fields)`` is the one way to turn
a code into a sentence, with plural endings (``{n:|s}``, ``ptxl.plural.counted``)
chosen by the language. ``formats`` writes numbers and dates the language's way;
``problems.Problem`` is a file problem that keeps its code and is worded in the run's
language. A ``ptxl.model.dataset.Finding`` keeps its code and fields (``render(lang)``).
"""

from __future__ import annotations

from .catalogue import LANGS, Code, code_of, codes, load_all, register, render, texts
from .formats import COLON, fmt_date, fmt_datetime, fmt_number

__all__ = ["COLON", "LANGS", "Code", "code_of", "codes", "fmt_date", "fmt_datetime", "fmt_number", "load_all",
           "register", "render", "texts"]
