"""The typed dataset every later stage works on, and the finding every check returns.

``Dataset.tables`` maps each entry sheet's key to a DataFrame whose columns are
the schema's column keys, plus ``_row`` (the Excel row the entry came from, for
findings and hyperlinks). Values are normalised:

- ``choice`` → the option's code (``"yes"``, ``"some"``…), or ``None`` when blank
  or unreadable (an impact / yes-no blank then counts as ``no_answer``);
- ``date`` → ``pandas.Timestamp`` (``NaT`` when blank or unreadable);
- ``date_or_year`` → ``Timestamp``; a year alone becomes 1 July of that year, and
  the boolean column ``<key>_year_only`` says so;
- ``score`` / ``integer`` → nullable ``Int64``; ``number`` → ``float64``;
- ``text`` / ``longtext`` / ``case_ref`` → ``str`` or ``None``.

``Dataset.settings`` is a ``ptxl.schema.Settings``: each setting key to a typed value, a blank one
holding the forms' default (``reference_date`` is a ``datetime.date``; missing means "today" and
is decided by the caller). A plain mapping given is made one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping

import numpy as np
import pandas as pd

try:
    from pandas.api.internals import create_dataframe_from_blocks as _from_blocks  # pandas ≥ 3.0
except ImportError:  # pragma: no cover - pandas 2
    _from_blocks = None

from ..i18n import render
from ..schema import DEFAULT_LANG, Settings, get_schema


@dataclass(frozen=True)
class Finding:
    """One problem in one place. ``sheet`` is the sheet's name as shown in the workbook."""

    severity: str  # "error" | "warning"
    sheet: str
    cell: str | None  # "D7"; None for a sheet- or file-wide finding
    row: int | None
    column: str | None  # column letters "D"
    key: str | None  # the schema key of the column (or the rule's subject)
    case_id: str | None
    value: object
    message: str  # rendered in the workbook's language when found; ``render(lang)`` for another
    code: str = ""  # the rule's stable identifier, e.g. "choice.unknown" (catalogue code "rules.<code>")
    params: Mapping = field(default_factory=dict, compare=False, hash=False)  # the message's fields

    def render(self, lang: str, adapt=None) -> str:
        """The message in ``lang``, from the code and its fields (the stored text when it has no catalogue code).

        ``adapt`` says it for the workbook's unit, as its stored message was (``ptxl.pilot.said_for``:
        families or persons; the unit is the pilot's, above this layer). Fields that are the workbook's
        own words (a column header, a picked label) stay as the workbook shows them: the message points
        at what is on screen.
        """
        try:
            return render(f"rules.{self.code}", lang, blank=True, adapt=adapt, **self.params)
        except KeyError:  # no such code: a finding made by hand (tests) keeps its text
            return self.message

    def to_json(self, lang: str | None = None, adapt=None) -> dict:
        """The finding for ``--json``; its message in ``lang`` when given (``adapt`` as for ``render``)."""
        value = self.value
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()
        elif value is not None and not isinstance(value, (str, int, float, bool)):
            value = str(value)
        return {"severity": self.severity, "sheet": self.sheet, "cell": self.cell, "row": self.row,
                "column": self.column, "key": self.key, "case_id": self.case_id, "value": value,
                "message": self.message if lang is None else self.render(lang, adapt), "code": self.code}


@dataclass
class Dataset:
    lang: str = DEFAULT_LANG
    tables: dict = field(default_factory=dict)
    settings: Settings = field(default_factory=Settings)

    def __post_init__(self):
        if not isinstance(self.settings, Settings):
            self.settings = Settings(self.settings)

    def table(self, key: str) -> pd.DataFrame:
        return self.tables[key]

    @property
    def reference_date(self) -> dt.date:
        ref = self.settings.get("reference_date")
        return ref if isinstance(ref, dt.date) else dt.date.today()

    @classmethod
    def from_rows(cls, rows: Mapping[str, list] | None = None, settings: Mapping | None = None,
                  lang: str = DEFAULT_LANG) -> "Dataset":
        """A dataset straight from coded Python values (no workbook): for tests and in-memory use.

        ``rows`` is sheet key → list of {column key: value} with codes for choices and
        ``datetime.date`` (or an int year for ``date_or_year``) for dates.
        """
        sch = get_schema()
        rows = rows or {}
        sch.check_keys(rows, settings)
        tables = {}
        for sheet in sch.entry_sheets:
            records = list(rows.get(sheet.key, []))
            data = {"_row": np.arange(2, 2 + len(records), dtype="int64")}
            for c in sheet.columns:
                values = [r.get(c.key) for r in records]
                if c.field.or_year:
                    data[f"{c.key}_year_only"] = np.array([isinstance(v, int) for v in values], dtype="bool")
                    values = [dt.date(v, 7, 1) if isinstance(v, int) else v for v in values]
                data[c.key] = c.field.array(values)
            tables[sheet.key] = frame(data)
        return cls(lang=lang, tables=tables, settings=Settings({**(settings or {}), "language": lang}))


def frame(columns: Mapping[str, object]) -> pd.DataFrame:
    """Column key → its 1-D array (``Field.array``: numpy, or a pandas extension array), all of one length →
    the sheet's DataFrame, exactly as ``pd.DataFrame`` makes it of those columns as Series: the same columns
    in the same order, dtypes, values, index (0…n-1) and blocks (one 2-D block per numpy dtype, in the order
    of its first column; one per extension array).

    Why not ``pd.DataFrame``: it made a Series of each column and checked each again (~150 columns on ten
    sheets at every read): half of normalise's time (issue 14). Here each dtype's columns are stacked once
    and handed to pandas as its blocks (``pandas.api.internals``, pandas 3); an older pandas takes the plain
    constructor, whose result is the same."""
    names = list(columns)
    arrays = list(columns.values())
    n = len(arrays[0]) if arrays else 0
    if _from_blocks is None:
        return pd.DataFrame({k: pd.Series(a, dtype=a.dtype, copy=False) for k, a in zip(names, arrays)})
    groups: dict = {}  # a numpy dtype's columns share a block; an extension array is a block of its own
    for i, a in enumerate(arrays):
        groups.setdefault(a.dtype if isinstance(a.dtype, np.dtype) else i, []).append(i)
    blocks = []
    for key, places in groups.items():
        if isinstance(key, np.dtype):
            block = np.stack([arrays[i] for i in places])
        else:
            block = arrays[key]
        blocks.append((block, np.array(places, dtype=np.intp)))
    return _from_blocks(blocks, index=pd.RangeIndex(n), columns=pd.Index(names))


def typed_series(col_type: str, values: list) -> pd.Series:
    """Values already normalised to Python objects → the column dtype of the contract above (the type's
    field decides: ``ptxl.fields``; dates go straight into a nanosecond index, ~3× cheaper)."""
    fields = get_schema().fields
    return fields.get(col_type, fields["text"]).series(values)
