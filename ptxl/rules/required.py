"""Required fields: a blank required cell is an error (unless it already failed to read)."""

from __future__ import annotations

from ..schema import get_schema
from .common import flagged, present, skip


def check(ds, ctx):
    for sheet in get_schema().entry_sheets:
        df = ds.tables[sheet.key]
        if df.empty:
            continue
        for col in sheet.columns:
            if not col.required or not present(ctx, sheet.key, col.key):
                continue
            for row, case_id, _v in flagged(df, df[col.key].isna()):
                if not skip(ctx, sheet.key, row, col.key):
                    yield ctx.finding("required.missing", sheet.key, col.key, row, case_id)
