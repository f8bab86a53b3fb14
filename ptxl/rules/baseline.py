"""Baseline and follow-ups (annex A): each score explained, one baseline per case, follow-ups after it.

The evolution statistics compare the first assessment with the latest; a
follow-up dated before the baseline, or a second baseline, makes that
comparison wrong without anyone noticing.
"""

from __future__ import annotations

import numpy as np

from ..schema import get_schema
from .common import flagged, present, typed_throughout


def check(ds, ctx):
    df = ds.tables["baseline"]
    if df.empty:
        return
    yield from _why(df, ctx)
    if not present(ctx, "baseline", "case_id", "assessment_date", "assessment_type"):
        return
    df = df[["_row", "case_id", "assessment_date", "assessment_type"]]  # each selection copies these alone
    base = df[(df["assessment_type"] == "baseline") & df["case_id"].notna()]
    base = base.sort_values(["assessment_date", "_row"], na_position="last")
    first = base.drop_duplicates("case_id")
    first_row = dict(zip(first["case_id"], first["_row"]))
    first_date = first.set_index("case_id")["assessment_date"]
    twice = base[base.duplicated("case_id")]
    follow_up = ctx.label("assessment_type", "follow_up")
    for row, cid, v in flagged(twice, twice["_row"].notna(), "assessment_type"):
        yield ctx.finding("baseline.twice", "baseline", "assessment_type", row, cid, v,
                          n=int(first_row[cid]), expected=follow_up)
    fu = df[(df["assessment_type"] == "follow_up") & df["case_id"].notna()]
    if fu.empty:
        return
    # no baseline at all: nothing to be earlier than (an empty datetime map would come back as floats)
    early = (fu["assessment_date"] < fu["case_id"].map(first_date)) if len(first_date) else fu["_row"].isna()
    for row, cid, v in flagged(fu, early, "assessment_date"):
        yield ctx.finding("baseline.followup_first", "baseline", "assessment_date", row, cid, v,
                          n=int(first_row[cid]))
    orphan = fu[~fu["case_id"].isin(first_row)].sort_values(["assessment_date", "_row"]).drop_duplicates("case_id")
    for row, cid, v in flagged(orphan, orphan["_row"].notna(), "assessment_type"):
        yield ctx.finding("baseline.none", "baseline", "assessment_type", row, cid, v,
                          expected=ctx.label("assessment_type", "baseline"))


def _why(df, ctx):
    letters = ctx.letters.get("baseline", {})
    pairs = [(f"{a.key}_score", f"{a.key}_why") for a in get_schema().annex_a
             if f"{a.key}_score" in letters and f"{a.key}_why" in letters]
    # a why typed on every row leaves none of its scores unexplained
    pairs = [(score, why) for score, why in pairs if not typed_throughout(df[why])]
    if not pairs:
        return
    # rows × pairs at once: two frame-wide tests instead of two per pair
    lacking = (df[[score for score, _w in pairs]].notna().to_numpy()
               & df[[why for _s, why in pairs]].isna().to_numpy())
    any_lacking = lacking.any(axis=1)
    if not any_lacking.any():
        return
    for (row, cid, _v), i in zip(flagged(df, any_lacking), np.flatnonzero(any_lacking)):
        whys = [why for (_s, why), bad in zip(pairs, lacking[i]) if bad]
        yield ctx.finding("baseline.why_missing", "baseline", whys[0], row, cid, n=len(whys),
                          columns=", ".join(letters[w] for w in whys))
