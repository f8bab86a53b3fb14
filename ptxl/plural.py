"""Counts in words: "1 erreur", "3 erreurs", never "erreur(s)".

A message holds its plural endings next to the count they follow:
``"{e} erreur{e:|s}, {w} avertissement{w:|s}"`` reads "{singular|plural}" for
the number ``e``. The endings are the translator's (Dutch "fout{n:|en}"), the rule
is the language's: French puts 0 and 1 in the singular ("0 erreur"), Dutch and
English only 1. Every count message of the workbook, the documents and the
command line is formatted through ``counted``.
"""

from __future__ import annotations

import string


def singular(n, lang: str) -> bool:
    """Whether ``n`` takes the singular in ``lang`` (French: 0 and 1; Dutch, English: 1)."""
    try:
        n = abs(float(n))
    except (TypeError, ValueError):
        return False
    return n < 2 if lang == "fr" else n == 1


class _Formatter(string.Formatter):
    def __init__(self, lang: str, format_int=None, format_number=None):
        super().__init__()
        self.lang, self.format_int, self.format_number = lang, format_int, format_number

    def format_field(self, value, format_spec):
        if "|" in format_spec:
            one, many = format_spec.split("|", 1)
            return one if singular(value, self.lang) else many
        if format_spec == "n":  # "{limit:n}": a number in the language's own way (32 767); else as it is
            number = isinstance(value, (int, float)) and not isinstance(value, bool)
            return self.format_number(value) if number and self.format_number else str(value)
        if self.format_int and not format_spec and isinstance(value, int) and not isinstance(value, bool):
            return self.format_int(value)
        return super().format_field(value, format_spec)


def counted(template: str, lang: str, values=None, /, *args, format_int=None, format_number=None, **more) -> str:
    """``template.format(*args, **values)``, with ``{n:one|many}`` fields choosing the ending for ``n``.

    ``values`` may be a mapping with its own ``__missing__`` (a blank for an absent field).
    ``format_int`` writes a whole number shown as such (``ptxl.i18n.fmt_number``: 12 345);
    the ending is still chosen on the number itself. ``format_number`` writes the fields marked
    ``{x:n}``, whatever ``format_int`` says (a limit in a message: "32 767", "32.767", "32,767").
    """
    return _Formatter(lang, format_int, format_number).vformat(template, args, values if values is not None else more)
