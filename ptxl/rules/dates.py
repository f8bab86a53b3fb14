"""Dates: not after the reference date, plausible, in order, and within the case's time in the project.

Order: referral ≤ admission ≤ closure (errors). Contacts, reviews, assessments
and vulnerability checks before the referral or after the closure, and reviews
or assessments before the admission, are warnings: they may be real (a call
after closing) but usually are a typo in the date or the case number.
"""

from __future__ import annotations

import pandas as pd

from ..domain import UNDATED_LEFT_OUT, after, undated_mask
from .common import families, family_dates, family_rows, flagged, present, skip

# Columns that may lie in the future: deadlines and validity.
MAY_BE_FUTURE = {("chronology", "deadline"), ("actions", "due_date"), ("documents", "valid_until")}
PROJECT_DATES = {("families", "referral_date"), ("families", "admission_date"), ("families", "closure_date"),
                 ("baseline", "assessment_date"), ("summary", "review_date"), ("contacts", "contact_date"),
                 ("case_study", "written_date"), ("vulnerabilities", "assessed_date"), ("actions", "done_date")}
# sheet, date column, checked against: referral / admission / closure
WITHIN_CASE = [("contacts", "contact_date", False), ("summary", "review_date", True),
               ("baseline", "assessment_date", True), ("vulnerabilities", "assessed_date", False)]
# later column must not be before earlier column, same row
SAME_ROW_ORDER = [("families", "admission_date", "referral_date"), ("families", "closure_date", "admission_date"),
                  ("documents", "valid_until", "issue_date"), ("chronology", "deadline", "event_date")]


def check(ds, ctx):
    from ..schema import get_schema
    start = get_schema().project_start  # project dates before it are typos (the forms' PROJECT_START)
    old = pd.Timestamp(start)
    for sheet in get_schema().entry_sheets:
        df = ds.tables[sheet.key]
        if df.empty:
            continue
        for col in sheet.columns:
            if not col.field.is_date or not present(ctx, sheet.key, col.key):
                continue
            s = df[col.key]
            # the column's first and last dates prove most columns clean before any row-by-row mask
            earliest, latest = (s.min(), s.max()) if s.dtype.kind == "M" else (pd.Timestamp.min, pd.Timestamp.max)
            if (sheet.key, col.key) not in MAY_BE_FUTURE and latest > pd.Timestamp(ctx.as_of):
                future = after(s, ctx.as_of, df[f"{col.key}_year_only"] if col.field.or_year else None)
                for row, cid, v in flagged(df, future, col.key):
                    yield ctx.finding("date.future", sheet.key, col.key, row, cid, v,
                                      ref=_fmt(ctx.as_of), other_sheet=ctx.names.get("settings"))
            if (sheet.key, col.key) in PROJECT_DATES and earliest < old:
                for row, cid, v in flagged(df, s < old, col.key):
                    yield ctx.finding("date.too_old", sheet.key, col.key, row, cid, v, n=start.year)
    yield from _undated(ds, ctx)
    yield from _same_row(ds, ctx)
    yield from _within_case(ds, ctx)


def _undated(ds, ctx):
    """The domain's rule for undated rows, said to staff: such a row is left out everywhere."""
    for sheet, key in UNDATED_LEFT_OUT:
        df = ds.tables[sheet]
        if df.empty or not present(ctx, sheet, key, "case_id") or not df[key].hasnans:
            continue  # every row dated: none can be undated
        for row, cid, _v in flagged(df, undated_mask(df, key)):
            if not skip(ctx, sheet, row, key):
                yield ctx.finding("date.undated", sheet, key, row, cid)


def _fmt(d) -> str:
    return d.strftime("%d/%m/%Y")


def _same_row(ds, ctx):
    for sheet, later, earlier in SAME_ROW_ORDER:
        df = ds.tables[sheet]
        if df.empty or not present(ctx, sheet, later, earlier):
            continue
        bad = df[later] < df[earlier]
        if (sheet, later) == ("families", "closure_date") and present(ctx, sheet, "referral_date"):
            # no admission: the closure must still not be before the referral
            no_adm = df["admission_date"].isna() & (df[later] < df["referral_date"])
            for row, cid, v in flagged(df, no_adm, later):
                yield ctx.finding("date.order", sheet, later, row, cid, v, other=ctx.header(sheet, "referral_date"))
        for row, cid, v in flagged(df, bad, later):
            if not skip(ctx, sheet, row, later):
                yield ctx.finding("date.order", sheet, later, row, cid, v, other=ctx.header(sheet, earlier))


def _within_case(ds, ctx):
    fam = families(ds)
    if fam.empty:
        return
    fam_sheet = ctx.names.get("families")
    for sheet, key, vs_admission in WITHIN_CASE:
        df = ds.tables[sheet]
        if df.empty or not present(ctx, sheet, key, "case_id"):
            continue
        d = df[key].to_numpy()
        referral, admission, closure = family_dates(fam, family_rows(df, fam),
                                                    ("referral_date", "admission_date", "closure_date"))
        before_ref = d < referral
        for row, cid, v in flagged(df, before_ref, key):
            yield ctx.finding("date.before_referral", sheet, key, row, cid, v, other_sheet=fam_sheet)
        if vs_admission:
            for row, cid, v in flagged(df, (d < admission) & ~before_ref, key):
                yield ctx.finding("date.before_admission", sheet, key, row, cid, v, other_sheet=fam_sheet)
        for row, cid, v in flagged(df, d > closure, key):
            yield ctx.finding("date.after_closure", sheet, key, row, cid, v, other_sheet=fam_sheet)
