"""The latest row of a dated log at a date, and the one rule for undated rows (see the package).

Two shapes of the same rule: frames (statistics, alerts) and lists of plain rows (documents).
"""

from __future__ import annotations

import datetime as dt

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
    t = t.sort_values([date_key, "_row"], kind="stable")
    return t.drop_duplicates("case_id", keep="last")


def dated_on_or_before(rows: list[dict], date_key: str, ref: dt.date) -> list[dict]:
    """Plain rows dated on or before ``ref``, in entry order (undated rows are left out)."""
    return [r for r in rows if r.get(date_key) is not None and r[date_key] <= ref]


def latest_row(rows: list[dict], date_key: str, ref: dt.date) -> dict | None:
    """``latest_rows`` for one case's plain rows in entry order: the later entry wins a tie."""
    dated = dated_on_or_before(rows, date_key, ref)
    if not dated:
        return None
    return max(enumerate(dated), key=lambda p: (p[1][date_key], p[0]))[1]
