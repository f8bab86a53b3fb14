"""Members: the children-under-18 criterion agrees with birth dates; roles agree with ages.

Ages are taken at the admission date (the criterion is checked at admission),
else the referral date, else the reference date. A "child" aged 18 or more is
normal in this project (the seed counts them) and only reported as info.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..domain import ADULT_ROLES, adult_age, age_years
from ..pilot import evaluation_unit
from .common import families, family_dates, family_rows, flagged, present, ts

YOUNG_PARENT_AGE = 14


def check(ds, ctx):
    mem = ds.tables["members"]
    fam = families(ds)
    ref = ts(ctx.as_of)
    if len(mem) and present(ctx, "members", "birth_date", "role"):
        age_now = age_years(mem["birth_date"], ctx.as_of)
        child_adult = (mem["role"] == "child") & (age_now >= adult_age())
        for row, cid, v in flagged(mem, child_adult, "role"):
            yield ctx.finding("member.child_adult", "members", "birth_date", row, cid, None,
                              expected=ctx.label("role", "child"))
        young = mem["role"].isin(ADULT_ROLES) & (age_now < YOUNG_PARENT_AGE)
        for row, cid, v in flagged(mem, young, "role"):
            yield ctx.finding("member.parent_young", "members", "role", row, cid, v,
                              expected=ctx.label("role", v), n=YOUNG_PARENT_AGE)
    if fam.empty or not present(ctx, "families", "crit_children_under_18") or evaluation_unit(ds.settings) == "person":
        return  # a person's case: members are optional and the children criterion is a family's
    yield from _criterion(ds, ctx, fam, mem, ref)
    if present(ctx, "members", "case_id") and present(ctx, "families", "status", "admission_date"):
        has_members = fam["case_id"].isin(_cases(mem["case_id"]))
        df = ds.tables["families"]
        lonely = df["case_id"].map(fam["admitted"] & ~has_members).eq(True) & ~df["case_id"].duplicated()
        for row, cid, v in flagged(df, lonely, "case_id"):
            yield ctx.finding("family.no_members", "families", "case_id", row, cid, v,
                              other_sheet=ctx.names.get("members"))


def _criterion(ds, ctx, fam, mem, ref):
    if mem.empty or not present(ctx, "members", "birth_date", "case_id"):
        return
    at = family_rows(mem, fam)  # each member's family
    admission, referral = family_dates(fam, at, ("admission_date", "referral_date"))
    on = pd.Series(np.where(np.isnat(admission), referral, admission), index=mem.index).fillna(ref)
    age = age_years(mem["birth_date"], on)
    minor = (age < adult_age()).to_numpy(bool, na_value=False)
    unknown_child = (mem["birth_date"].isna() & (mem["role"] == "child")).to_numpy(bool)
    df = ds.tables["families"]
    crit = df["crit_children_under_18"]
    rows = family_rows(df, fam)
    rows[df["case_id"].duplicated().to_numpy()] = -1  # a repeated case id is reported elsewhere
    # for each families row: members listed, one a minor, a child of unknown age
    listed = _any_member(fam, at, at >= 0)[rows]
    minor_known = _any_member(fam, at, minor)[rows]
    unknown_listed = _any_member(fam, at, unknown_child)[rows]
    none = listed & (crit == "yes").to_numpy() & ~minor_known & ~unknown_listed
    for row, cid, v in flagged(df, none, "crit_children_under_18"):
        yield ctx.finding("criterion.children_none", "families", "crit_children_under_18", row, cid, v,
                          expected=ctx.label("yes_no", "yes"), other_sheet=ctx.names.get("members"))
    some = listed & (crit == "no").to_numpy() & minor_known
    for row, cid, v in flagged(df, some, "crit_children_under_18"):
        yield ctx.finding("criterion.children_some", "families", "crit_children_under_18", row, cid, v,
                          expected=ctx.label("yes_no", "no"), other_sheet=ctx.names.get("members"))


def _cases(ids: pd.Series) -> set:
    """The distinct case ids typed in ``ids``."""
    return set(ids.dropna().tolist())


def _any_member(fam: pd.DataFrame, at: np.ndarray, which: np.ndarray) -> np.ndarray:
    """Per family of ``fam``, whether one of its members (``at``: each member's family) is in ``which``;
    one more slot, always False, answers for position -1 (no family)."""
    has = np.zeros(len(fam) + 1, dtype=bool)
    has[at[which & (at >= 0)]] = True
    return has
