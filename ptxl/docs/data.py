"""The dataset regrouped by case, as plain Python values, once for the whole batch.

Why: a context builder needs one family's rows from ten tables. Filtering ten
DataFrames per case is O(cases × rows); grouping once makes a 1,000-family
batch linear. Values become plain Python (``datetime.date``, ``int``, ``str``,
``None``) so the builders never meet NaT, NA or NaN.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

import pandas as pd

from ..schema import Settings

LOG_TABLES = ("members", "vulnerabilities", "baseline", "summary", "case_study", "contacts", "chronology",
              "actions", "documents")

# Characters XML 1.0 forbids (staff paste them from other programs); \t and \n are kept.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Case:
    case_id: str
    family: dict
    tables: dict = field(default_factory=dict)  # table key → list of row dicts, in entry order

    def rows(self, key: str) -> list[dict]:
        return self.tables.get(key, [])


@dataclass
class Index:
    """All cases of a dataset, plus what every document needs to know about the dataset."""

    lang: str
    reference_date: dt.date
    settings: Settings  # the dataset's typed settings
    cases: dict  # case id → Case, in the families sheet's order


def _is_blank(v) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    return False


def _plain(v):
    if _is_blank(v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date()
    if isinstance(v, dt.datetime):
        return v.date()
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):  # numpy scalars
        return v.item()
    if isinstance(v, str):
        v = _CONTROL.sub("", v.replace("\r\n", "\n").replace("\r", "\n"))
        return v if v.strip() else None
    return v


def records(df: pd.DataFrame) -> list[dict]:
    """A DataFrame → list of dicts of plain values, column by column (faster than row by row)."""
    if df is None or len(df) == 0:
        return []
    cols = {c: [_plain(v) for v in df[c].tolist()] for c in df.columns}
    keys = list(cols)
    return [dict(zip(keys, vals)) for vals in zip(*(cols[k] for k in keys))]


def case_key(v) -> str | None:
    v = _plain(v)
    return str(v).strip() if v is not None and str(v).strip() else None


def build_index(ds) -> Index:
    """Group every table by case id. Families without a case id cannot have documents and are skipped."""
    cases: dict[str, Case] = {}
    for fam in records(ds.tables.get("families")):
        cid = case_key(fam.get("case_id"))
        if cid is not None and cid not in cases:  # a duplicate id is a validation error; the first row wins
            fam["case_id"] = cid
            cases[cid] = Case(cid, fam, {k: [] for k in LOG_TABLES})
    for key in LOG_TABLES:
        for row in records(ds.tables.get(key)):
            cid = case_key(row.get("case_id"))
            if cid in cases:
                cases[cid].tables[key].append(row)
    return Index(ds.lang, ds.reference_date, ds.settings, cases)  # typed: the documents ask it as the alerts do


# --- dates -------------------------------------------------------------------------

def fmt_date(d, year_only: bool = False) -> str:
    if d is None:
        return ""
    return str(d.year) if year_only else d.strftime("%d/%m/%Y")


def by_date(rows: list[dict], date_key: str) -> list[dict]:
    """Date order, undated rows last, entry order within a date (the sort is stable)."""
    return sorted(rows, key=lambda r: (r.get(date_key) is None, r.get(date_key) or dt.date.min))
