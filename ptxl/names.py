"""Blanking the cohort's names out of free text: one rule for ``export --with-text`` and the report.

Why a rule of its own: notes and case-study narratives are where names end up, and
staff do not type a name the same way each time. So a name is matched
- whatever its accents and case ("Cedre", "CÈDRE" and "cèdre" are Cèdre);
- as whole words only ("Iris" blanks "Iris", not "Irish");
- with its particles ("de", "la", "van", "el"…) only as part of the name: for
  "De La Cruz", "De La Cruz", "La Cruz" and "Cruz" are blanked, while the "de"
  and "la" of ordinary sentences stay.
Matching runs on a folded copy of the text (accents stripped, case folded) whose
positions map back to the original characters, so the rest of the text is kept
exactly as typed.
"""

from __future__ import annotations

import re
import unicodedata

BLANK = "[…]"
NAME_COLUMNS = (("families", ("family_name",)), ("members", ("first_name", "last_name")))
PARTICLES = frozenset({
    "de", "del", "della", "der", "des", "di", "do", "dos", "das", "du", "da", "la", "le", "las", "los", "lo",
    "van", "von", "den", "ten", "ter", "te", "het", "op", "el", "al", "ul", "ben", "bin", "bint", "ibn", "abu",
    "y", "e", "d", "l", "t", "mac", "mc", "st"})
_SPLIT = re.compile(r"[^\w]+")


def fold_char(ch: str) -> str:
    """One character without accents, case folded ("È" → "e", "ß" → "ss"); may be empty (a lone accent)."""
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base.casefold()


def fold(text: str) -> str:
    return "".join(fold_char(c) for c in text)


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each folded character, the index of the original character it came from."""
    out, where = [], []
    for i, ch in enumerate(text):
        f = fold_char(ch)
        out.append(f)
        where.extend([i] * len(f))
    return "".join(out), where


def _phrases(tokens: list[str]) -> set[tuple[str, ...]]:
    """Every run of consecutive tokens of one name that holds a word other than a particle."""
    out = set()
    for i in range(len(tokens)):
        for j in range(i + 1, len(tokens) + 1):
            run = tokens[i:j]
            if any(t not in PARTICLES and len(t) >= 2 for t in run):
                out.add(tuple(run))
    return out


class NameBlanker:
    """Built once from the cohort's names; ``blank(text)`` replaces each name found with ``[…]``."""

    def __init__(self, names):
        phrases: set[tuple[str, ...]] = set()
        for name in names:
            if not isinstance(name, str):
                continue
            tokens = [t for t in _SPLIT.split(fold(name)) if t]
            phrases |= _phrases(tokens)
        ordered = sorted(phrases, key=lambda p: (-sum(map(len, p)), p))
        # between the words of a name: spaces, hyphens or an apostrophe, as staff type them
        alts = [r"[\s\-'’]+".join(re.escape(t) for t in p) for p in ordered]
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)") if alts else None

    def blank(self, text):
        """``text`` with every cohort name replaced by ``[…]``; anything not a str is returned as it is."""
        if self.pattern is None or not isinstance(text, str) or not text:
            return text
        folded, where = _folded_with_map(text)
        spans = [(where[m.start()], where[m.end() - 1] + 1) for m in self.pattern.finditer(folded)]
        if not spans:
            return text
        out, last = [], 0
        for start, end in spans:
            out.append(text[last:start])
            out.append(BLANK)
            last = end
        out.append(text[last:])
        return "".join(out)


def cohort_names(dataset) -> list[str]:
    """Every name typed in the cohort: family names, each member's first and last name and both together."""
    names: list[str] = []
    for table, keys in NAME_COLUMNS:
        df = dataset.tables.get(table) if dataset is not None else None
        if df is None:
            continue
        present = [k for k in keys if k in df]
        for row in df[present].itertuples(index=False, name=None):
            parts = [v for v in row if isinstance(v, str) and v.strip()]
            names.extend(parts)
            if len(parts) > 1:
                names.append(" ".join(parts))
                names.append(" ".join(reversed(parts)))
    return names


def blanker_for(dataset) -> NameBlanker:
    """The name blanker of a dataset's cohort (``ptxl.export`` and ``ptxl.report`` both call this)."""
    return NameBlanker(cohort_names(dataset))
