"""Numbers and dates in the language's own way, for sentences (cells keep Excel's number formats).

French writes 1 234,5 (a narrow no-break space between thousands), Dutch 1.234,5,
English 1,234.5. Dates are day-first dd/mm/yyyy in the three languages: that is the
Belgian (and British) usage, and what the forms print, so a date never reads
month-first in a sentence. A colon after a label is " : " in French, ": " otherwise.
"""

from __future__ import annotations

import datetime as dt

COLON = {"fr": " : ", "nl": ": ", "en": ": "}  # French typography puts a space before the colon
_SEPARATORS = {"fr": ("\u202f", ","), "nl": (".", ","), "en": (",", ".")}


def fmt_number(value, lang: str, decimals: int | None = None) -> str:
    """``value`` with the thousands and decimal separators of ``lang``; ``decimals`` fixed when given.

    What is not a number (a suppressed count "<5", "*") is written as it is.
    """
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    thousands, point = _SEPARATORS.get(lang, _SEPARATORS["en"])
    if decimals is None:
        decimals = 0 if float(value) == int(float(value)) else 1
    text = f"{float(value):,.{decimals}f}"
    return text.replace(",", "\0").replace(".", point).replace("\0", thousands)


def fmt_date(value: dt.date | None, lang: str = "fr") -> str:
    """dd/mm/yyyy in every language (see the module's docstring); "" for no date."""
    return value.strftime("%d/%m/%Y") if value else ""


def fmt_datetime(value: dt.datetime | str | None, lang: str = "fr") -> str:
    """dd/mm/yyyy HH:MM (24-hour, in the three languages), as the time was recorded (its own offset).

    An ISO text (the processing record's) is read first; one that is not a time is written as it is.
    """
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    return f"{fmt_date(value, lang)} {value:%H:%M}" if value else ""
