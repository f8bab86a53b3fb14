"""Admission: an admitted family meets all seven criteria; status and admission date agree.

A family is admitted when it has an admission date and a status other than
"screening" / "not admitted" (FORMS.md). A status that implies admission but no
date, or a date with a non-admitted status, silently drops the family from the
statistics, so both are warned.
"""

from __future__ import annotations

from ..domain import NOT_ADMITTED, admitted_mask
from ..pilot import evaluation_unit
from ..schema import get_schema
from .common import flagged, present

FAMILY_CRITERION = "crit_children_under_18"  # not asked of a case that is one person (``evaluation_unit``)
IMPLIES_ADMISSION = ("active", "resolved_residence_be", "resolved_residence_eu", "resolved_voluntary_return")


def check(ds, ctx):
    df = ds.tables["families"]
    if df.empty or not present(ctx, "families", "admission_date", "status"):
        return
    admitted = admitted_mask(df)
    yes = ctx.label("yes_no", "yes")
    person = evaluation_unit(ds.settings) == "person"
    for crit in get_schema().criteria:
        if not present(ctx, "families", crit) or (person and crit == FAMILY_CRITERION):
            continue
        if set(df[crit].tolist()) == {"yes"}:  # met by every family, seen from the distinct answers
            continue
        for row, cid, v in flagged(df, admitted & (df[crit] != "yes").fillna(True), crit):
            if ("families", row, crit) not in ctx.unreadable:
                yield ctx.finding("admission.criterion", "families", crit, row, cid, v, expected=yes)
    no_date = df["admission_date"].isna() & df["status"].isin(IMPLIES_ADMISSION)
    for row, cid, v in flagged(df, no_date, "status"):
        if ("families", row, "admission_date") not in ctx.unreadable:
                yield ctx.finding("admission.no_date", "families", "admission_date", row, cid, None,
                              expected=ctx.label("status", v))
    wrong_status = df["admission_date"].notna() & df["status"].isin(NOT_ADMITTED)
    for row, cid, v in flagged(df, wrong_status, "status"):
        yield ctx.finding("admission.date_not_admitted", "families", "status", row, cid, v,
                          expected=ctx.label("status", v))
