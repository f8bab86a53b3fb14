"""Uniqueness: case ids, person ids, one review / assessment / vulnerability check per case and date.

Every later duplicate is reported at its own row, pointing back to the first.
Exact repeats of a contact (same case, date, type and length) are warnings:
two calls on one day happen, but usually it is a double entry.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .common import flagged, present

UNIQUE = [("families", ("case_id",), "unique.case_id", "case_id"),
          ("members", ("member_id",), "unique.member_id", "member_id"),
          ("summary", ("case_id", "review_date"), "unique.dated", "review_date"),
          ("baseline", ("case_id", "assessment_date"), "unique.dated", "assessment_date"),
          ("vulnerabilities", ("case_id", "assessed_date"), "unique.dated", "assessed_date"),
          ("case_study", ("case_id",), "unique.case_study", "case_id"),
          ("contacts", ("case_id", "contact_date", "contact_type", "minutes"), "duplicate.row", "contact_date")]


def check(ds, ctx):
    for sheet, keys, code, at in UNIQUE:
        df = ds.tables[sheet]
        if len(df) < 2 or not present(ctx, sheet, *keys):
            continue
        codes = [pd.factorize(df[k])[0] for k in keys]  # a number per distinct value, -1 for a blank
        group = _groups(codes)
        if group[-1] == len(df) - 1:  # as many groups as rows: no row repeats another
            continue
        # a repeat counts only when its required keys are typed (a blank is another rule's finding)
        typed = np.logical_and.reduce([c >= 0 for k, c in zip(keys, codes) if k != "minutes"])
        first = np.unique(group, return_index=True)[1][group]  # each row's group's first row
        dup = (first != np.arange(len(df))) & typed
        if not dup.any():
            continue
        # each repeat points back to the first row of its group, found in the same pass
        # (looking each one up with a scan of the sheet made a legacy import quadratic: issue 14)
        first_row = df["_row"].to_numpy()[first[dup]].tolist()
        for (row, cid, v), n in zip(flagged(df, dup, at), first_row):
            yield ctx.finding(code, sheet, at, row, cid, v, n=int(n))


def _groups(codes: list) -> np.ndarray:
    """Each row's group of equal keys, numbered in order of first appearance (so the last row's number is
    the count of groups less one): blanks equal blanks, as in pandas' ``duplicated``.

    The keys' codes combined one column at a time, renumbered after each so the number stays below the
    rows squared: the frame's ``duplicated`` and a grouped ``transform`` cost a dozen pandas calls of
    ~100 µs a sheet, on seven sheets."""
    group = np.zeros(len(codes[0]), dtype=np.int64)
    for c in codes:
        group = pd.factorize(group * (int(c.max()) + 2) + (c + 1))[0]
    return group
