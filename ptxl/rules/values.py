"""Typed values in range: scores 0–10, counts not negative, codes of the right scale, plausible minutes.

Values read from a workbook are already checked while reading (``normalise``);
these rules catch the same problems in datasets built in code, and the
plausibility limits that no cell format can express.
"""

from __future__ import annotations

from .common import entry_columns, flagged, present

MAX_CONTACT_MINUTES = 720


def check(ds, ctx):
    for sheet, col, df in entry_columns(ds, ctx):
        s = df[col.key]
        if col.type == "score":
            bad = s.notna() & ((s < 0) | (s > 10))
            for row, cid, v in flagged(df, bad, col.key):
                yield ctx.finding("score.range", sheet.key, col.key, row, cid, v)
        elif col.type in ("integer", "number"):
            for row, cid, v in flagged(df, s.notna() & (s < 0), col.key):
                yield ctx.finding("number.negative", sheet.key, col.key, row, cid, v)
        elif col.scale is not None:
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
