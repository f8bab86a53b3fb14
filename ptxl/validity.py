"""Dates that follow from the settings: whole-number settings, calendar months, a document's validity.

One place for both the alerts and the Word case files, so a case file never calls
"valid" a document that the alerts call expired.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math

from .schema import get_schema


def setting_int(settings: dict, key: str) -> int | None:
    """A whole number ≥ 0 from the settings sheet, else the schema's default (None if it has none)."""
    value = settings.get(key)
    try:
        if value is not None and not isinstance(value, bool) and not (isinstance(value, float) and math.isnan(value)):
            number = float(str(value).strip().replace(",", "."))
            if number >= 0 and number == int(number):
                return int(number)
    except (TypeError, ValueError):
        pass
    try:
        return get_schema().setting(key).default
    except StopIteration:
        return None


def add_months(d: dt.date, months: int) -> dt.date:
    """Calendar months; a day missing in the target month falls on its last day (31/08 + 6 → 28/02)."""
    year, month = divmod(d.month - 1 + months, 12)
    year, month = d.year + year, month + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def validity_months(settings: dict, document_type: str | None) -> int | None:
    """Default validity of a document type (``<type>_months`` setting); 0 or blank = none."""
    return (setting_int(settings, f"{document_type}_months") or None) if document_type else None


def expiry(document_type: str | None, issue_date: dt.date | None, valid_until: dt.date | None,
           settings: dict) -> tuple[dt.date | None, int | None]:
    """(the date a document stops being valid, the default months applied or None when typed)."""
    if valid_until is not None:
        return valid_until, None
    months = validity_months(settings, document_type)
    if months and issue_date is not None:
        return add_months(issue_date, months), months
    return None, None
