"""Status and closure date agree: a closed case has a closure date, an open one has none.

Months supported and "still engaged" counts depend on it. "Other" and
"not admitted" are left alone: either can be with or without a date.
"""

from __future__ import annotations

from .common import CLOSED, OPEN, flagged, present


def check(ds, ctx):
    df = ds.tables["families"]
    if df.empty or not present(ctx, "families", "status", "closure_date"):
        return
    closed = df["status"].isin(CLOSED) & df["closure_date"].isna()
    for row, cid, v in flagged(df, closed, "status"):
        if ("families", row, "closure_date") not in ctx.unreadable:
            yield ctx.finding("status.closed_no_date", "families", "closure_date", row, cid, None,
                              expected=ctx.label("status", v))
    open_ = df["status"].isin(OPEN) & df["closure_date"].notna()
    for row, cid, v in flagged(df, open_, "status"):
        yield ctx.finding("status.open_with_date", "families", "closure_date", row, cid,
                          _date(df, row), expected=ctx.label("status", v))


def _date(df, row):
    v = df.loc[df["_row"] == row, "closure_date"].iloc[0]
    return v.date()
