"""Follow-up figures of the reviewed families: outcome, time supported, contacts.

The seed gives them for the 12 reviewed families (1 resolved, 8 engaged,
3 disengaged; 6.5 months on average; 74 home visits), so they are computed over
the same families as the impact tables.

- Status is the one at the reference date: a family whose closure date is after
  an earlier ``--as-of`` date was still being supported then (``active``).
- Months supported = calendar months from admission to closure (or to the
  reference date when still open), ``domain.months_float``: the months a case
  file calls "time in the project".
- Contacts count every contact of those families dated on or before the
  reference date (undated contacts cannot be placed and are left out).
- ``epim``: the EPIM network's engagement and resolution figures, over every
  *admitted* case (not only the reviewed ones: the network reports count the
  people supported), by the status on the reference date; percentages of them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pandas as pd

from ..schema import get_schema
from ..domain import admitted_statuses, status_at, support_ends
from ..domain.dates import months_series
from .common import pct, round1, ts

LONG_SUPPORT_MONTHS = 15


# EPIM network categories of an admitted case's status (CLI.md, "ptxl network --json").
EPIM_CATEGORIES = {
    "remained_engaged": ("active", "resolved_residence_be", "resolved_residence_eu", "resolved_voluntary_return"),
    "disengaged_or_absconded": ("disengaged", "absconded"),
    "removed": ("removed",),
    "redetained": ("redetained",),
    "other": ("other",),
}


def resolved_codes() -> list[str]:
    """FORMS.md: a case is resolved when its status starts with ``resolved_``."""
    return [c for c in get_schema().scales["status"].codes if c.startswith("resolved_")]


def epim_stats(admitted: pd.DataFrame, ref: dt.date) -> dict:
    """The network's engagement and resolution figures over every admitted case, percentages of them."""
    found = status_at(admitted, ref).value_counts()
    n = int(len(admitted))
    counts = {cat: int(sum(found.get(s, 0) for s in statuses)) for cat, statuses in EPIM_CATEGORIES.items()}
    by_type = {c: int(found.get(c, 0)) for c in resolved_codes()}
    resolved = sum(by_type.values())
    return {"cases": n, "counts": counts, "pct": {k: pct(v, n) for k, v in counts.items()},
            "resolved": {"count": resolved, "pct": pct(resolved, n), "by_type": by_type}}


def engagement_stats(reviewed: pd.DataFrame, contacts: pd.DataFrame, ref: dt.date,
                     admitted: pd.DataFrame | None = None) -> dict:
    sch = get_schema()
    ref_ts = ts(ref)
    status = status_at(reviewed, ref)
    status_codes = admitted_statuses()
    found = status.value_counts()
    months = months_series(reviewed["admission_date"], support_ends(reviewed, ref))
    dated = contacts["contact_date"]
    counted = contacts["case_id"].isin(reviewed["case_id"]) & dated.notna() & (dated <= ref_ts)
    by_type = Counter(contacts["contact_type"].to_numpy()[counted.to_numpy()].tolist())  # the one column counted
    contact_codes = sch.scales["contact_type"].codes
    return {
        "families": int(len(reviewed)),
        "status_counts": {k: int(found.get(k, 0)) for k in status_codes},
        "mean_months_supported": round1(months.mean()) if len(months) else None,
        "over_15_months": int((months > LONG_SUPPORT_MONTHS).sum()),
        "home_visits": int(by_type.get("home_visit", 0)),
        "contacts_by_type": {k: int(by_type.get(k, 0)) for k in contact_codes},
        "epim": epim_stats(reviewed if admitted is None else admitted, ref),
    }
