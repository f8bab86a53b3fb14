"""Validation rules: small pure functions ``check(ds, ctx) -> iterable of Finding``, one concern per module.

``Context`` knows where each column sits in *this* workbook (columns may have
moved), the sheet names as shown, the language and the reference date, so a
rule only names a sheet key, a column key and an Excel row. Cells that already
failed to read are in ``ctx.unreadable`` so that no rule reports them twice.
"""

from __future__ import annotations

from functools import lru_cache

import datetime as dt
from dataclasses import dataclass, field

from ..model.dataset import Finding
from ..schema import DEFAULT_LANG, column_letter, get_schema
from .messages import message, severity


@dataclass
class Context:
    lang: str = DEFAULT_LANG
    as_of: dt.date | None = None
    names: dict = field(default_factory=dict)  # sheet key → shown name
    letters: dict = field(default_factory=dict)  # sheet key → {column key → letters}
    unreadable: set = field(default_factory=set)  # (sheet key, excel row, column key)
    missing: set = field(default_factory=set)  # sheet keys absent from the workbook

    @classmethod
    def for_schema(cls, lang: str = DEFAULT_LANG, as_of: dt.date | None = None) -> "Context":
        """Positions as the blank workbook has them (for datasets not read from a file)."""
        sch = get_schema()
        names = {s.key: s.name(lang) for s in sch.sheets}
        letters = {s.key: {c.key: column_letter(i) for i, c in enumerate(s.columns)} for s in sch.sheets}
        return cls(lang, as_of, names, letters)

    def header(self, sheet: str, key: str) -> str:
        return column_headers(self.lang).get((sheet, key), key)

    def finding(self, code: str, sheet: str, key: str | None = None, row: int | None = None,
                case_id=None, value=None, *, cell_letter: str | None = None, **params) -> Finding:
        """A finding at (sheet, column key, row); the message comes from the catalogue in ``self.lang``."""
        if (sheet, key) in personal_columns():
            value = None  # a name or a birth date is never repeated, even back to staff
        letter = cell_letter or (self.letters.get(sheet, {}).get(key) if key else None)
        cell = f"{letter}{row}" if letter and row else None
        if key and "header" not in params:
            params["header"] = self.header(sheet, key)
        params.setdefault("case_id", case_id)
        return Finding(severity(code), self.names.get(sheet, sheet), cell, row, letter, key,
                       None if case_id is None else str(case_id), value,
                       message(code, self.lang, **params), code, dict(params))

    def label(self, scale: str, code: str) -> str:
        return get_schema().scales[scale].label(code, self.lang)


@lru_cache(maxsize=None)
def column_headers(lang: str) -> dict:
    """(sheet key, column key) → the column's header in ``lang``: one look-up per finding, not two scans."""
    return {(s.key, c.key): c.header(lang) for s in get_schema().sheets for c in s.columns}


@lru_cache(maxsize=1)
def personal_columns() -> frozenset:
    """(sheet key, column key) of the columns that identify a person (``personal`` in the forms)."""
    return frozenset((s.key, c.key) for s in get_schema().entry_sheets for c in s.columns if c.personal)


def all_rules() -> list:
    """The rule functions in the order they run (order does not matter for the result: findings are sorted)."""
    from . import (actions, admission, baseline, dates, members, references, required, status, summaries,
                   text, uniqueness, values)
    return [required.check, values.check, text.check, dates.check, uniqueness.check, references.check,
            admission.check, members.check, status.check, summaries.check, baseline.check, actions.check]
