"""Who is referred, admitted and counted: FORMS.md's "admitted", once, for frames and single cases.

The rules, the statistics, the documents and the layout ask here, so a family can never be
"admitted" in a Word case file and "not yet admitted" in the impact tables.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..schema import get_schema
from .latest import latest_rows

# The answers of the impact scale that count as a positive impact ("Impact positif (%)" of the seed: some
# or considerable). The statistics' positive_pct, its suppression and the network's all use this set.
POSITIVE_ANSWERS = frozenset({"some", "considerable"})

NOT_ADMITTED = ("screening", "not_admitted")  # FORMS.md: never admitted, with or without a date


def status_at(cases: pd.DataFrame, ref: dt.date) -> pd.Series:
    """Each case's status on ``ref``: a case closed after an earlier ``--as-of`` date was still active then."""
    closed_later = cases["closure_date"] > pd.Timestamp(ref)
    return cases["status"].where(~closed_later, "active")


def status_on(status, closure_date, ref: dt.date):
    """``status_at`` for one case (plain values)."""
    return "active" if closure_date is not None and closure_date > ref else status


def support_ends(cases: pd.DataFrame, ref: dt.date) -> pd.Series:
    """Where each case's support stops being counted at ``ref``: its closure date, unless it is blank or
    later (then ``ref``). "Months supported" in the statistics and "time in the project" in a case file."""
    ref_ts = pd.Timestamp(ref)
    return cases["closure_date"].where(cases["closure_date"].notna() & ~(cases["closure_date"] > ref_ts), ref_ts)


def support_end(closure_date, ref: dt.date) -> dt.date:
    """``support_ends`` for one case (plain values)."""
    return closure_date if closure_date is not None and closure_date <= ref else ref


def admitted_statuses() -> list[str]:
    """The status codes an admitted case can have, in the scale's order (the status tables' rows)."""
    return [c for c in get_schema().scales["status"].codes if c not in NOT_ADMITTED]


def is_admitted(status, admission_date, at: dt.date | None = None) -> bool:
    """One case: an admission date, a status other than screening / not admitted, admitted by ``at``."""
    if admission_date is None or not isinstance(status, str) or status in NOT_ADMITTED:
        return False
    return at is None or admission_date <= at


def admitted_mask(families: pd.DataFrame, at: dt.date | None = None) -> pd.Series:
    """``is_admitted`` over a families frame (True/False per row)."""
    ok = families["admission_date"].notna() & families["status"].notna() & ~families["status"].isin(NOT_ADMITTED)
    if at is not None:
        ok &= families["admission_date"] <= pd.Timestamp(at)
    return ok.fillna(False).astype(bool)


def referred_families(families: pd.DataFrame, ref: dt.date) -> pd.DataFrame:
    """Every family row with a case id, except those referred after the reference date."""
    fam = families[families["case_id"].notna()]
    return fam[~(fam["referral_date"] > pd.Timestamp(ref))]


def admitted_families(families: pd.DataFrame, ref: dt.date) -> pd.DataFrame:
    """The families admitted at ``ref``, one row per case id (its first row)."""
    fam = referred_families(families, ref)
    return fam[admitted_mask(fam, ref)].drop_duplicates("case_id", keep="first")


def counted_summaries(admitted: pd.DataFrame, summary: pd.DataFrame, ref: dt.date) -> pd.DataFrame:
    """What the impact tables count (FORMS.md): each admitted family's latest client summary dated on
    or before ``ref``; a family without one is not counted (and validation says so)."""
    return latest_rows(summary, "review_date", admitted["case_id"], ref)
