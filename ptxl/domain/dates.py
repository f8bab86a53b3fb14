"""Ages and durations: completed years, calendar months, years since a date.

One arithmetic, so "months supported" in the statistics and "time in the project" in a
case file are the same months, and an age is the same in the export and the charts.
"""

from __future__ import annotations

import calendar
import datetime as dt

import numpy as np
import pandas as pd

DAYS_PER_YEAR = 365.25


def add_months(d: dt.date, months: int) -> dt.date:
    """Calendar months; a day missing in the target month falls on its last day (31/08 + 6 → 28/02)."""
    year, month = divmod(d.month - 1 + months, 12)
    year, month = d.year + year, month + 1
    return dt.date(year, month, min(d.day, _month_length(year, month)))


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_length(year: int, month: int) -> int:
    """Days in the month (``calendar.monthrange``'s second half, without its weekday arithmetic)."""
    return _MONTH_DAYS[month - 1] + (month == 2 and calendar.isleap(year))


def months_between(start: dt.date, end: dt.date) -> tuple[int, int]:
    """Whole calendar months from ``start`` to ``end``, then the remaining days (0, 0 if end < start)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    if months < 0:
        return 0, 0
    return months, (end - add_months(start, months)).days


def months_float(start: dt.date, end: dt.date) -> float:
    """``months_between`` as a number: the remaining days are a fraction of the next month's length."""
    months, days = months_between(start, end)
    if not days:
        return float(months)
    anchor = add_months(start, months)
    return months + days / (add_months(start, months + 1) - anchor).days


def months_series(start: pd.Series, end: pd.Series) -> pd.Series:
    """``months_float`` per row of two date columns (NaN where either is missing)."""
    vals = [np.nan if s is None or e is None else months_float(s, e) for s, e in zip(_days(start), _days(end))]
    return pd.Series(vals, index=start.index, dtype="float64")


def _days(dates: pd.Series) -> list:
    """A date column as plain ``datetime.date`` values (None where missing), in one numpy conversion."""
    return pd.to_datetime(dates).to_numpy(dtype="datetime64[D]").tolist()


def age_on(birth: dt.date | None, on: dt.date) -> int | None:
    """Completed years at ``on`` (0 at the least); None when the birth date is unknown."""
    if birth is None:
        return None
    return max(0, on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day)))


def age_years(birth: pd.Series, on) -> pd.Series:
    """``age_on`` over a column (float, NaN where a date is unknown), vectorised; ``on`` is one date
    for every row (the reference date) or a column of dates (each member's family's admission)."""
    b = pd.to_datetime(birth)
    if isinstance(on, pd.Series):
        o = pd.to_datetime(on)
        before_birthday = (b.dt.month * 100 + b.dt.day) > (o.dt.month * 100 + o.dt.day)
        age = o.dt.year - b.dt.year - before_birthday.astype("float64")
        return age.clip(lower=0).where(b.notna() & o.notna())
    before_birthday = (b.dt.month * 100 + b.dt.day) > (on.month * 100 + on.day)
    age = on.year - b.dt.year - before_birthday.astype("float64")
    return age.clip(lower=0).where(b.notna())  # a year alone of the current year: 0, not -1


def after(dates: pd.Series, ref: dt.date, year_only: pd.Series | None = None) -> pd.Series:
    """Dates after ``ref``; a year alone (1 July, the reader's rule) only when its year is later."""
    later = dates > pd.Timestamp(ref)
    if year_only is not None:
        later &= ~(year_only.astype(bool) & (dates.dt.year <= ref.year))
    return later


def years_between(since: pd.Series, ref: dt.date) -> pd.Series:
    """Years from each date to ``ref`` (NaN when unknown or after ``ref``)."""
    days = (pd.Timestamp(ref) - since).dt.days
    return (days / DAYS_PER_YEAR).where(days >= 0)
