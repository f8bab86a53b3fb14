"""References: every row of a child sheet points to a case id of the families sheet."""

from __future__ import annotations

import pandas as pd

from ..schema import get_schema
from .common import flagged, present


def check(ds, ctx):
    if not present(ctx, "families", "case_id"):
        return
    known = set(ds.tables["families"]["case_id"].dropna().tolist())
    fam_sheet = ctx.names.get("families")
    for sheet in get_schema().entry_sheets:
        if sheet.key == "families" or "case_id" not in sheet.keys or not present(ctx, sheet.key, "case_id"):
            continue
        df = ds.tables[sheet.key]
        if df.empty:
            continue
        if _all_known(df["case_id"].tolist(), known):
            continue
        bad = df["case_id"].notna() & ~df["case_id"].isin(known)
        for row, cid, v in flagged(df, bad, "case_id"):
            yield ctx.finding("case_ref.unknown", sheet.key, "case_id", row, cid, v, other_sheet=fam_sheet)


def _all_known(ids: list, known: set) -> bool:
    """Every case id of the sheet is a family's or blank, seen from the set of distinct ids: a clean sheet
    costs no per-row mask."""
    return all(pd.isna(v) for v in set(ids) - known)
