"""The project's list of nationalities (``nationalities.csv``): what an export may say about origin.

Why a list: the nationality cell is typed, and staff type more than a country
into it ("Irak (kurde)", "Congolaise, mari guinéen"). An export gives only a
listed country (by its label in the workbook's language) or ``other``, never
the typed text. Each country is recognised by its English, French and Dutch
names and the listed synonyms, whatever the accents, case or spacing.
To accept another spelling or country, add a row or a synonym to the CSV.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

NATIONALITIES_CSV = Path(__file__).with_name("nationalities.csv")
LANGS = ("fr", "nl", "en")


def _key(text: str) -> str:
    from ..names import fold
    return re.sub(r"[\s\-'’.]+", " ", fold(text)).strip()


@lru_cache(maxsize=1)
def nationality_list() -> tuple[tuple[str, dict], ...]:
    """(code, {fr, nl, en}) for each listed nationality, in the file's order."""
    with open(NATIONALITIES_CSV, newline="", encoding="utf-8") as fh:
        return tuple((r["code"], {lang: r[lang] for lang in LANGS}) for r in csv.DictReader(fh))


@lru_cache(maxsize=1)
def _lookup() -> dict[str, str]:
    out = {}
    with open(NATIONALITIES_CSV, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            spellings = [r[lang] for lang in LANGS] + [s for s in (r["synonyms"] or "").split("|") if s]
            for s in spellings:
                out.setdefault(_key(s), r["code"])
    return out


def nationality_code(value) -> str | None:
    """The listed code of a typed nationality ("irak " → "IQ"), or None when it is not exactly a listed one."""
    if not isinstance(value, str) or not value.strip():
        return None
    return _lookup().get(_key(value))


def nationality_label(code: str, lang: str) -> str:
    return dict(nationality_list())[code][lang]
