"""Client summaries (annex B): admitted families have one; summaries belong to admitted families; not empty.

A question the pilot does not ask (setting ``questions_not_asked``) is never a missing answer; an
answer typed in its column is not counted, and staff are told so once per cell.

The impact tables count each admitted family's latest summary dated on or
before the reference date. A family admitted less than ``review_months`` ago is
not expected to have one yet, so it is not warned.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..domain import add_months, counted_summaries
from ..pilot import not_asked
from ..schema import get_schema
from .common import admitted_at, families, family_rows, flagged, present


def check(ds, ctx):
    fam = families(ds)
    summ = ds.tables["summary"]
    if fam.empty or not present(ctx, "summary", "case_id", "review_date") \
            or not present(ctx, "families", "status", "admission_date"):
        return
    due_since = pd.Timestamp(add_months(ctx.as_of, -(ds.settings.review_months or 0)))
    dated = summ[["_row", "case_id", "review_date"]]  # what the domain's rule reads: its selections copy these alone
    counted = set(counted_summaries(fam[fam["admitted"]], dated, ctx.as_of)["case_id"])
    df = ds.tables["families"]
    missing = (admitted_at(fam, family_rows(df, fam))
               & (df["admission_date"] <= due_since) & ~df["case_id"].isin(counted) & ~df["case_id"].duplicated())
    for row, cid, v in flagged(df, missing, "case_id"):
        yield ctx.finding("summary.missing", "families", "case_id", row, cid, v,
                          ref=ctx.as_of.strftime("%d/%m/%Y"), other_sheet=ctx.names.get("summary"))
    if summ.empty:
        return
    at = family_rows(summ, fam)
    not_admitted = (at >= 0) & ~admitted_at(fam, at)  # a family's, not admitted
    for row, cid, v in flagged(summ, not_admitted, "case_id"):
        yield ctx.finding("summary.not_admitted", "summary", "case_id", row, cid, v)
    skipped = not_asked(ds.settings)
    for key in sorted(skipped & set(ctx.letters.get("summary", {})), key=list(summ).index):
        typed = summ[key].notna()
        for row, cid, v in flagged(summ, typed, key):
            yield ctx.finding("summary.not_asked", "summary", key, row, cid, v)
    answers = [q.key for q in get_schema().annex_b if q.scale != "text" and q.key in ctx.letters.get("summary", {})
               and q.key not in skipped]
    if answers:
        for row, cid, v in flagged(summ, _unanswered(summ, answers)):
            if not any(("summary", row, k) in ctx.unreadable for k in answers):
                yield ctx.finding("summary.empty", "summary", answers[0], row, cid)


def _unanswered(summ: pd.DataFrame, answers: list) -> np.ndarray:
    """The rows where every answer is blank: the rows still blank, narrowed one answer at a time (a test
    reads only those rows, and none once no row is left), not the frame's isna over every cell."""
    blank = np.ones(len(summ), dtype=bool)
    for key in answers:
        rows = np.flatnonzero(blank)
        if not len(rows):
            break
        blank[rows] = pd.isna(summ[key].to_numpy()[rows])
    return blank
