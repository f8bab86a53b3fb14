"""Read the entries of the workbook open in Excel, through xlwings, into the reader's raw tables.

Why not read the file: the button must see what is on screen, saved or not, and
an encrypted workbook's file cannot be read without its password, while Excel
holds it decrypted. So each entry sheet's cells come from Excel as one 2-D grid
(one call per sheet for values, one for formulas), shaped like python-calamine's
(blanks as "", whole-day dates as ``date``), and go through the same
``ptxl.read.read_table`` and the same normalisation and rules as ``ptxl validate``.

``raw_from_grids`` feeds ``read.assemble``, and ``validate.load_raw`` finishes the
job, the same two functions the file reader uses.
"""

from __future__ import annotations

import datetime as dt

ERROR_TEXTS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
               "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"}


def _cell(v):
    if v is None:
        return ""
    if isinstance(v, dt.datetime) and v.time() == dt.time(0):
        return v.date()
    return v


def sheet_grid(sheet) -> tuple[list, list, list]:
    """(values grid from A1, formula cells, error cells) of one xlwings sheet; positions (excel row, 0-based col)."""
    used = sheet.used_range
    last = used.last_cell
    rng = sheet.range((1, 1), (last.row, last.column))
    values = rng.options(ndim=2, err_to_str=True).value or []
    grid, errors = [], []
    for i, row in enumerate(values, start=1):
        out = []
        for j, v in enumerate(row):
            if isinstance(v, str) and v in ERROR_TEXTS:
                errors.append((i, j))
                v = ""
            out.append(_cell(v))
        grid.append(out)
    formulas = []
    try:
        raw = rng.formula
    except Exception:  # engines without formulas (xlwings' remote engine) report none
        raw = None
    if isinstance(raw, (list, tuple)):
        rows = raw if raw and isinstance(raw[0], (list, tuple)) else [raw]
        for i, row in enumerate(rows, start=1):
            for j, f in enumerate(row if isinstance(row, (list, tuple)) else [row]):
                if isinstance(f, str) and f.startswith("="):
                    formulas.append((i, j))
    return grid, formulas, errors


def _table_sheets(book) -> dict:
    out = {}
    for sh in book.sheets:
        try:
            for t in sh.tables:
                out[t.name] = sh.name
        except Exception:
            continue
    return out


def raw_from_grids(sheet_names: list, grids, table_sheets: dict | None = None, path: str | None = None):
    """Sheet names + ``grids(name) → (grid, formulas, errors)`` → ``read.RawWorkbook``, as read_workbook makes it."""
    from ..read import _match_sheets, assemble, detect_lang
    lang = detect_lang(sheet_names)
    found = _match_sheets(sheet_names, lang, table_sheets or {})

    def grid_of(name):
        grid, formulas, errors = grids(name)
        return grid, [], formulas, errors  # Excel does not say which cells are merged: not checked live

    return assemble(sheet_names, lang, found, grid_of, path)


def book_date1904(book) -> bool:
    """Whether the open book counts date serial numbers from 1904, as the file reader's ``read.sheetxml.date1904``.

    Why: a date typed as a plain number (General format) reaches Python as that number, and
    what day it means depends on the book's date system; Excel says it through the book's
    object model: ``Workbook.Date1904`` on Windows (COM), the ``date 1904`` property on the Mac
    (appscript). An engine that answers neither (xlwings' remote engine) counts from 1900, the default.
    """
    api = getattr(book, "api", None)
    for ask in (lambda: api.Date1904, lambda: api.date_1904.get()):
        try:
            value = ask()
        except Exception:  # not this platform's object model
            continue
        if isinstance(value, bool):
            return value
    return False


def read_book(book):
    """The open book → ``read.RawWorkbook`` (entry and settings sheets only)."""
    names = [sh.name for sh in book.sheets]
    raw = raw_from_grids(names, lambda name: sheet_grid(book.sheets[name]), _table_sheets(book))
    raw.date1904 = book_date1904(book)
    return raw
