"""Required fields: a blank required cell is an error (unless it already failed to read)."""

from __future__ import annotations

from .common import entry_columns, flagged, skip, typed_throughout


def check(ds, ctx):
    for sheet, col, df in entry_columns(ds, ctx, lambda col: col.required):
        if typed_throughout(df[col.key]):
            continue
        for row, case_id, _v in flagged(df, df[col.key].isna()):
            if not skip(ctx, sheet.key, row, col.key):
                yield ctx.finding("required.missing", sheet.key, col.key, row, case_id)
