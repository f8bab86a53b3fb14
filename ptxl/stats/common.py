"""Selections and roundings shared by every statistic.

The seed note counts families, not rows: which families count at a reference
date is decided here once, so the impact tables, the cohort profile and the
follow-up figures can never disagree about who is "admitted" or "reviewed".
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

NOT_ADMITTED = ("screening", "not_admitted")
DAYS_PER_MONTH = 30.4375  # 365.25 / 12: a mean month, so "6.5 months" does not depend on which months
DAYS_PER_YEAR = 365.25


def pct(count, n: int):
    """Percent of ``n`` rounded half up, in integers (a float round() would give 1/8 → 12).

    Works on an int or a numpy array of ints; ``None`` when ``n`` is 0 (no percentage of nobody).
    """
    if not n:
        return None
    return (200 * count + n) // (2 * n)


def round1(x) -> float | None:
    """One decimal, half up (6.45 → 6.5); None for a missing value. Same arithmetic as ``round1_all``."""
    if x is None or (isinstance(x, float) and np.isnan(x)):
        return None
    return float(np.floor(float(x) * 10 + 0.5 + 1e-9) / 10)


def round1_all(values) -> list:
    """``round1`` over an array at once: Python floats, None where missing."""
    arr = np.asarray(values, dtype="float64")
    out = np.floor(arr * 10 + 0.5 + 1e-9) / 10
    return [None if np.isnan(v) else float(v) for v in out.tolist()]


def ts(ref: dt.date) -> pd.Timestamp:
    return pd.Timestamp(ref)


def referred_families(families: pd.DataFrame, ref: dt.date) -> pd.DataFrame:
    """Every family row with a case id, except those referred after the reference date."""
    fam = families[families["case_id"].notna()]
    return fam[~(fam["referral_date"] > ts(ref))]


def admitted_families(families: pd.DataFrame, ref: dt.date) -> pd.DataFrame:
    """FORMS.md: an admission date and a status other than screening / not admitted.

    At an earlier ``--as-of`` date a family admitted later is not yet admitted.
    """
    fam = referred_families(families, ref)
    ok = fam["admission_date"].notna() & (fam["admission_date"] <= ts(ref)) & ~fam["status"].isin(NOT_ADMITTED)
    return fam[ok & fam["status"].notna()].drop_duplicates("case_id", keep="first")


def latest_rows(table: pd.DataFrame, date_key: str, case_ids, ref: dt.date) -> pd.DataFrame:
    """Each family's latest row dated on or before ``ref`` (same date: the lower row, typed later, wins).

    Rows without a date are left out: they cannot be placed in time (validation reports them).
    """
    t = table[table["case_id"].isin(case_ids) & table[date_key].notna() & (table[date_key] <= ts(ref))]
    t = t.sort_values([date_key, "_row"], kind="stable")
    return t.drop_duplicates("case_id", keep="last")


def age_years(birth: pd.Series, ref: dt.date) -> pd.Series:
    """Completed years at ``ref`` (float with NaN where the birth date is unknown), vectorised."""
    b = pd.to_datetime(birth)
    before_birthday = (b.dt.month * 100 + b.dt.day) > (ref.month * 100 + ref.day)
    age = ref.year - b.dt.year - before_birthday.astype("float64")
    return age.clip(lower=0).where(b.notna())  # a year alone of the current year: 0, not -1


def answered(values: pd.Series) -> np.ndarray:
    """True where a free-text cell holds something other than spaces (no string is copied)."""
    arr = values.to_numpy(dtype=object)
    return np.fromiter((isinstance(v, str) and v != "" and not v.isspace() for v in arr),
                       dtype=bool, count=len(arr))
