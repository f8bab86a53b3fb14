"""Follow-up figures of the reviewed families: outcome, time supported, contacts.

The seed gives them for the 12 reviewed families (1 resolved, 8 engaged,
3 disengaged; 6.5 months on average; 74 home visits), so they are computed over
the same families as the impact tables.

- Status is the one at the reference date: a family whose closure date is after
  an earlier ``--as-of`` date was still being supported then (``active``).
- Months supported = days from admission to closure (or to the reference date
  when still open) / 30.4375, the mean length of a month.
- Contacts count every contact of those families dated on or before the
  reference date (undated contacts cannot be placed and are left out).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..schema import get_schema
from .common import DAYS_PER_MONTH, NOT_ADMITTED, round1, ts

LONG_SUPPORT_MONTHS = 15


def engagement_stats(reviewed: pd.DataFrame, contacts: pd.DataFrame, ref: dt.date) -> dict:
    sch = get_schema()
    ref_ts = ts(ref)
    closed_later = reviewed["closure_date"] > ref_ts
    status = reviewed["status"].where(~closed_later, "active")
    status_codes = [c for c in sch.scales["status"].codes if c not in NOT_ADMITTED]
    found = status.value_counts()
    end = reviewed["closure_date"].where(reviewed["closure_date"].notna() & ~closed_later, ref_ts)
    months = (end - reviewed["admission_date"]).dt.days / DAYS_PER_MONTH
    c = contacts[contacts["case_id"].isin(reviewed["case_id"]) & contacts["contact_date"].notna()
                 & (contacts["contact_date"] <= ref_ts)]
    by_type = c["contact_type"].value_counts()
    contact_codes = sch.scales["contact_type"].codes
    return {
        "families": int(len(reviewed)),
        "status_counts": {k: int(found.get(k, 0)) for k in status_codes},
        "mean_months_supported": round1(months.mean()) if len(months) else None,
        "over_15_months": int((months > LONG_SUPPORT_MONTHS).sum()),
        "home_visits": int(by_type.get("home_visit", 0)),
        "contacts_by_type": {k: int(by_type.get(k, 0)) for k in contact_codes},
    }
