"""The latest row of a dated log at a date, and the one rule for undated rows (see the package).

Two shapes of the same rule: frames (``latest_rows``: statistics, case studies) and plain values
(``latest_positions`` over a sheet's columns: alerts; ``latest_row``, the same for one case's rows: documents).
"""

from __future__ import annotations

import datetime as dt
from itertools import repeat

import numpy as np
import pandas as pd

# (sheet key, date column) of the logs whose rows are placed in time; an undated row of one of
# them is left out of statistics, documents and alerts, and reported as ``date.undated``.
UNDATED_LEFT_OUT = (("summary", "review_date"), ("baseline", "assessment_date"),
                    ("vulnerabilities", "assessed_date"), ("case_study", "written_date"),
                    ("contacts", "contact_date"))


def undated_mask(table: pd.DataFrame, date_key: str) -> pd.Series:
    """Rows of a case (a case id typed) whose date is blank: the rows the rule leaves out."""
    return table["case_id"].notna() & table[date_key].isna()


def latest_rows(table: pd.DataFrame, date_key: str, case_ids, ref: dt.date) -> pd.DataFrame:
    """Each case's latest row dated on or before ``ref`` (same date: the lower row, typed later, wins)."""
    t = table[table["case_id"].isin(case_ids) & table[date_key].notna() & (table[date_key] <= pd.Timestamp(ref))]
    # by date, then row (a stable order): each case's last; only those rows are taken, not a sorted copy
    order = np.lexsort((t["_row"].to_numpy(), t[date_key].to_numpy()))
    last = ~pd.Series(t["case_id"].to_numpy()[order]).duplicated(keep="last").to_numpy()
    return t.take(order[last])


def dated_on_or_before(rows: list[dict], date_key: str, ref: dt.date) -> list[dict]:
    """Plain rows dated on or before ``ref``, in entry order (undated rows are left out)."""
    return [r for r in rows if r.get(date_key) is not None and r[date_key] <= ref]


def latest_positions(case_ids, dates: list, ref: dt.date) -> dict:
    """``latest_rows`` for plain columns in entry order: case id → the position of its latest entry dated on
    or before ``ref`` (a date of None is undated, left out; the same date: the later entry wins).

    One pass over the columns, no row built: the alerts ask it of whole sheets (6,000 contacts)."""
    out: dict = {}
    for i, (cid, d) in enumerate(zip(case_ids, dates)):
        if d is not None and d <= ref:
            j = out.get(cid)
            if j is None or d >= dates[j]:
                out[cid] = i
    return out


def latest_row(rows: list[dict], date_key: str, ref: dt.date) -> dict | None:
    """``latest_rows`` for one case's plain rows in entry order (``latest_positions`` of one case)."""
    pos = latest_positions(repeat(None), [r.get(date_key) for r in rows], ref).get(None)
    return None if pos is None else rows[pos]
