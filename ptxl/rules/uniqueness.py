"""Uniqueness: case ids, person ids, one review / assessment / vulnerability check per case and date.

Every later duplicate is reported at its own row, pointing back to the first.
Exact repeats of a contact (same case, date, type and length) are warnings:
two calls on one day happen, but usually it is a double entry.
"""

from __future__ import annotations

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
        sub = df[list(keys)]
        required = [k for k in keys if k != "minutes"]
        complete = sub[required].notna().all(axis=1)
        dup = sub.duplicated(keep="first") & complete
        if not dup.any():
            continue
        # the first row of each duplicate's group, in one grouped pass aligned with the flagged rows
        # (looking each one up with a scan of the sheet made a legacy import quadratic: issue 14)
        first_row = df.groupby(list(keys), dropna=False, sort=False)["_row"].transform("first")[dup]
        for (row, cid, v), n in zip(flagged(df, dup, at), first_row.tolist()):
            yield ctx.finding(code, sheet, at, row, cid, v, n=int(n))
