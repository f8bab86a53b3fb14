"""Typed values in range: scores 0–10, counts not negative, codes of the right scale, plausible minutes.

Values read from a workbook are already checked while reading (``normalise``);
these rules catch the same problems in datasets built in code, and the
plausibility limits that no cell format can express. The limits are the column's
field's (``ptxl.fields``), the same the reader and the Excel validation use.
"""

from __future__ import annotations

import pandas as pd

from ..fields import Numeric
from .common import entry_columns, flagged, present

MAX_CONTACT_MINUTES = 720


def _within(s, lo, hi=None) -> bool:
    """Every value is certainly in [lo, hi] (two reductions): then the row-by-row masks are not needed."""
    try:
        low, high = s.min(), s.max()
        return bool(pd.isna(low) or (low >= lo and (hi is None or high <= hi)))
    except (TypeError, ValueError):
        return False


def _known(s, codes) -> bool:
    """Every value is a code of the scale or blank, seen from the set of distinct values."""
    try:
        return set(s.tolist()) <= {None, *codes}
    except TypeError:
        return False


def check(ds, ctx):
    for sheet, col, df in entry_columns(ds, ctx, lambda col: isinstance(col.field, Numeric) or col.scale is not None):
        s = df[col.key]
        field = col.field
        if isinstance(field, Numeric) and field.maximum is not None:  # a score
            lo, hi = field.minimum, field.maximum
            if _within(s, lo, hi):
                continue
            bad = s.notna() & ((s < lo) | (s > hi))
            for row, cid, v in flagged(df, bad, col.key):
                yield ctx.finding("score.range", sheet.key, col.key, row, cid, v,
                                  **field.params("score.range", v, ctx.lang))
        elif isinstance(field, Numeric):  # counts and numbers
            if _within(s, field.minimum):
                continue
            for row, cid, v in flagged(df, s.notna() & (s < field.minimum), col.key):
                yield ctx.finding("number.negative", sheet.key, col.key, row, cid, v)
        elif col.scale is not None:
            if _known(s, col.scale.codes):
                continue
            bad = s.notna() & ~s.isin(col.scale.codes)
            for row, cid, v in flagged(df, bad, col.key):
                labels = col.scale.labels(ctx.lang)
                yield ctx.finding("choice.unknown", sheet.key, col.key, row, cid, v,
                                  choices=" / ".join(labels) if len(labels) <= 8 else "…")
    contacts = ds.tables["contacts"]
    if len(contacts) and present(ctx, "contacts", "minutes"):
        long = contacts["minutes"].notna() & (contacts["minutes"] > MAX_CONTACT_MINUTES)
        for row, cid, v in flagged(contacts, long, "minutes"):
            yield ctx.finding("minutes.long", "contacts", "minutes", row, cid, v, n=MAX_CONTACT_MINUTES)
