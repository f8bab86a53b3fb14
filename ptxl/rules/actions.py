"""Action plan: a done action has its done date, and a done date means the action is done."""

from __future__ import annotations

from .common import flagged, present


def check(ds, ctx):
    df = ds.tables["actions"]
    if df.empty or not present(ctx, "actions", "action_status", "done_date"):
        return
    done = ctx.label("action_status", "done")
    other = ctx.header("actions", "done_date")
    for row, cid, v in flagged(df, (df["action_status"] == "done") & df["done_date"].isna(), "action_status"):
        yield ctx.finding("action.done_no_date", "actions", "done_date", row, cid, None, expected=done, other=other)
    not_done = df["done_date"].notna() & df["action_status"].notna() & (df["action_status"] != "done") \
        & (df["action_status"] != "cancelled")
    for row, cid, v in flagged(df, not_done, "action_status"):
        yield ctx.finding("action.date_not_done", "actions", "action_status", row, cid, v, expected=done)
