"""Shared helpers of the rules: the families index and look-ups into it, the admitted test, a whole-column
proof, iterating flagged rows.

Rules first prove a column clean where a whole-column test can (its distinct values or types, its
first and last dates), otherwise compute a boolean mask with pandas or numpy, and only loop over the
flagged rows: a clean 1,000-family workbook costs a few vectorised passes, not ~100 µs of pandas per
column and rule.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..domain import admitted_mask

OPEN = ("screening", "active")
CLOSED = ("resolved_residence_be", "resolved_residence_eu", "resolved_voluntary_return", "disengaged",
          "absconded", "redetained", "removed")


def present(ctx, sheet: str, *keys: str) -> bool:
    """Every column is in this workbook (a missing one is a structure error already)."""
    cols = ctx.letters.get(sheet, {})
    return sheet not in ctx.missing and all(k in cols for k in keys)


def entry_columns(ds, ctx, want=lambda col: True):
    """(sheet, column, frame) for each column of a non-empty entry sheet that this workbook has."""
    from ..schema import get_schema
    for sheet in get_schema().entry_sheets:
        df = ds.tables[sheet.key]
        if df.empty:
            continue
        for col in sheet.columns:
            if want(col) and present(ctx, sheet.key, col.key):
                yield sheet, col, df


# the families' columns the rules look up (and the admitted test reads): ``families`` copies these alone
FAMILY_KEYS = ("case_id", "referral_date", "admission_date", "closure_date", "status")


def families(ds) -> pd.DataFrame:
    """One row per case id (its first row), indexed by case id, with the ``FAMILY_KEYS`` columns and an
    ``admitted`` column (FORMS.md)."""
    fam = ds.tables["families"]
    fam = fam[[c for c in fam.columns if c in FAMILY_KEYS]]
    fam = fam[fam["case_id"].notna()].drop_duplicates("case_id").set_index("case_id", drop=False)
    return fam.assign(admitted=admitted_mask(fam))


def typed_throughout(s: pd.Series) -> bool:
    """No cell of the column is blank, told without pandas' ``isna`` where it is slow (~200 ns a cell of
    an object column): a column of texts only (a text is never blank, even ""); other columns: ``hasnans``."""
    if s.dtype == object:
        return set(map(type, s.tolist())) <= {str}
    return not s.hasnans


def family_rows(df: pd.DataFrame, fam: pd.DataFrame) -> np.ndarray:
    """For each row of ``df``, its case's position in ``families`` (-1 when blank or unknown): one search of
    the case ids for every look-up that follows (``family_dates``, per-family flags)."""
    return fam.index.get_indexer(df["case_id"])


def admitted_at(fam: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    """Whether the family at each of ``rows`` (``family_rows``) is admitted; False when the case is unknown."""
    if not len(fam):
        return np.zeros(len(rows), dtype=bool)
    return (rows >= 0) & fam["admitted"].to_numpy()[rows]  # position -1 took the last family's


def family_dates(fam: pd.DataFrame, rows: np.ndarray, columns: tuple) -> list:
    """The family's date ``columns`` at ``rows`` (``family_rows``) as arrays, NaT when the case is unknown:
    several dates looked up with one search, compared in numpy (NaT is never before or after a date, as
    in pandas)."""
    out = []
    for c in columns:
        dates = fam[c].to_numpy()[rows] if len(fam) else np.full(len(rows), np.datetime64("NaT"), "M8[ns]")
        dates[rows < 0] = np.datetime64("NaT")  # position -1 took the last family's date
        out.append(dates)
    return out


def value(v):
    """A cell value for Finding.value: dates as ``datetime.date``, missing as None, numpy scalars unwrapped."""
    if v is None or v is pd.NaT:
        return None
    if isinstance(v, pd.Timestamp):
        return v.date()
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return v.item() if hasattr(v, "item") else v


def flagged(df: pd.DataFrame, mask, key: str | None = None):
    """Yield (excel row, case id, value of ``key``) for the rows where ``mask`` holds."""
    if isinstance(mask, np.ndarray) and mask.dtype == bool:
        pass  # a numpy mask (the rules' cheapest) selects as it is
    elif not isinstance(mask, pd.Series) or mask.dtype != bool:
        mask = pd.Series(mask, index=df.index).eq(True)  # NA / NaN / None → False
        if mask.dtype != bool:
            mask = mask.fillna(False).astype(bool)
    if not mask.any():
        return
    sub = df[mask]
    vals = sub[key] if key else [None] * len(sub)
    for row, case_id, v in zip(sub["_row"], sub["case_id"], vals):
        yield int(row), (None if case_id is None or case_id is pd.NA else case_id), value(v)


def ts(d: dt.date) -> pd.Timestamp:
    return pd.Timestamp(d)


def skip(ctx, sheet: str, row: int, key: str) -> bool:
    return (sheet, row, key) in ctx.unreadable
