"""One case's contact log summed up at a date: the case file's answer to annex B question 10.

Why in the domain and not in the document builder: how many contacts of each type, how many weeks of
support they are spread over (from the admission, else the first contact, to where support ends) and
the rate per week are figures about the case; the Word documents only word them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..schema import get_schema
from .cases import support_end


@dataclass(frozen=True)
class ContactSummary:
    by_type: tuple  # (contact type code, count, minutes) of each type that occurs, in the scale's order
    count: int  # contacts dated on or before the date
    weeks: int  # weeks of support they are spread over (at least 1)
    rate: float  # contacts a week, one decimal
    minutes: int  # the recorded minutes of them all


def contact_summary(rows: list[dict], admission: dt.date | None, closure: dt.date | None,
                    ref: dt.date) -> ContactSummary | None:
    """``rows``: the case's contacts dated on or before ``ref`` (plain values); None when there are none."""
    if not rows:
        return None
    by_type = []
    for code in get_schema().scales["contact_type"].codes:
        these = [c for c in rows if c.get("contact_type") == code]
        if these:
            by_type.append((code, len(these), sum(c.get("minutes") or 0 for c in these)))
    dates = [c["contact_date"] for c in rows if c.get("contact_date")]
    start = admission or (min(dates) if dates else None)
    end = support_end(closure, ref)
    weeks = max(1, round(((end - start).days if start and end >= start else 0) / 7))
    return ContactSummary(tuple(by_type), len(rows), weeks, round(len(rows) / weeks, 1),
                          sum(c.get("minutes") or 0 for c in rows))
