"""Text cells: longer than Excel's 32,767-character limit (error), or holding control characters (warning).

Control characters usually come from pasting out of e-mails or PDFs; they break
Word documents and are invisible in Excel, so staff need to be told where.
"""

from __future__ import annotations

import re

from .common import entry_columns, flagged

CONTROL_CHARS = [chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127)]
_CONTROL = re.compile("[" + re.escape("".join(CONTROL_CHARS)) + "]")


def check(ds, ctx):
    for sheet, col, df in entry_columns(ds, ctx, lambda col: col.field.max_length is not None):
        strs, joined = _texts(df[col.key].tolist())
        if not strs:
            continue
        limit = col.field.max_length  # Excel's 32,767 characters, from the forms' text limits
        # one pass over the whole column first: a clean column costs no per-row work
        if len(joined) > limit and max(map(len, strs)) > limit:
            too_long = df[col.key].map(lambda v: isinstance(v, str) and len(v) > limit)
            for row, cid, _v in flagged(df, too_long):
                yield ctx.finding("text.too_long", sheet.key, col.key, row, cid, limit=limit)
        if any(ch in joined for ch in CONTROL_CHARS):  # substring search: much faster than a regex
            control = df[col.key].map(lambda v: isinstance(v, str) and _CONTROL.search(v) is not None)
            for row, cid, _v in flagged(df, control):
                yield ctx.finding("text.control", sheet.key, col.key, row, cid)


def _texts(values: list) -> tuple[list, str]:
    """The column's texts and them joined by newlines (a blank left out, or kept as an empty text: either
    way it is never too long and holds no control character).

    A column typed throughout is joined as it is, by C's ``join``; a blank (None), which ``join`` refuses,
    sends the column through ``filter``, and a cell of another type through ``isinstance``. Each pass over
    the ~90,000 texts of a realistic workbook costs milliseconds, in memory reads more than in work."""
    try:
        return values, "\n".join(values)
    except TypeError:
        pass
    strs = list(filter(None, values))
    try:
        return strs, "\n".join(strs)
    except TypeError:
        strs = [v for v in values if isinstance(v, str) and v]
        return strs, "\n".join(strs)
