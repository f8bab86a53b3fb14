"""Roundings shared by every statistic.

Which families count at a reference date (admitted, latest summary, undated rows)
is the domain's (``ptxl.domain``), so the statistics, the documents and the alerts
can never disagree about who is "admitted" or "reviewed".
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd



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


def answered(values: pd.Series) -> np.ndarray:
    """True where a free-text cell holds something other than spaces (no string is copied)."""
    arr = values.to_numpy(dtype=object)
    return np.fromiter((isinstance(v, str) and v != "" and not v.isspace() for v in arr),
                       dtype=bool, count=len(arr))
