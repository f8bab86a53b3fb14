"""Write a workbook from the schema with XlsxWriter.

XlsxWriter rather than openpyxl: its output is checked against Excel-made files
in its own test suite and passes the Open XML SDK validator, and it never reads
(so it cannot damage) an existing staff workbook. ``build_workbook`` is also
the public way to write entries into a new workbook "as staff would type them":
the demo cohort, the benchmarks and the tests all go through it.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Callable, Mapping

import xlsxwriter

from ..schema import DEFAULT_LANG, LANGS, Column, Sheet, get_schema, column_letter
from ..schema import HOME as H
from ..write.atomic import save
from ..model import styles
from ..layout.home import write_home
from .outputs import prepare_output_sheet
from .validation import CASE_IDS_NAME, VALIDATION_ROWS, case_ids_formula, column_validation, setting_validation

__all__ = ["build_workbook", "list_ranges", "to_cell", "write_value", "VALIDATION_ROWS"]


def _quote(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def list_ranges(lang: str) -> dict[str, str]:
    """scale key → absolute range of its labels on the lists sheet (the dropdown source)."""
    sch = get_schema()
    lists = _quote(sch.sheet("lists").name(lang))
    out = {}
    for i, (key, scale) in enumerate(sch.scales.items()):
        letter = column_letter(i)
        out[key] = f"={lists}!${letter}$2:${letter}${1 + len(scale.options)}"
    return out


def to_cell(column: Column, value, lang: str, coded: bool):
    """A value as staff would have typed it: codes become the label of ``lang``."""
    return column.field.as_typed(value, lang) if coded else value


def write_value(ws, row: int, col: int, value, fmt=None, date_fmt=None):
    """Write one Python value with the matching XlsxWriter call: a str is always text, never a formula."""
    if value is None:
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, fmt)
    elif isinstance(value, (dt.date, dt.datetime)):
        ws.write_datetime(row, col, value, date_fmt or fmt)
    else:
        ws.write_string(row, col, str(value), fmt)


def _entry_sheet(wb, ws, sheet: Sheet, rows: list[Mapping], lang: str, coded: bool, fmts, ranges):
    ncols = len(sheet.columns)
    last_row = max(1, len(rows))
    ws.add_table(0, 0, last_row, ncols - 1, {
        "name": sheet.table, "style": "Table Style Light 9",
        "columns": [{"header": c.header(lang), "header_format": fmts["header"]} for c in sheet.columns],
    })
    header_height = 18.0
    for j, c in enumerate(sheet.columns):
        fmt = styles.column_format(fmts, c)
        width = styles.column_width(c, lang)
        ws.set_column(j, j, width, fmt)
        header_height = max(header_height, styles.row_height(c.header(lang), width, bold=True))
        for i, row in enumerate(rows, start=1):
            if c.key in row:
                write_value(ws, i, j, to_cell(c, row[c.key], lang, coded), fmt, fmts["entry_date"])
        opts = column_validation(c, lang, ranges, f"{column_letter(j)}2")
        if opts is not None:
            ws.data_validation(1, j, VALIDATION_ROWS, j, opts)
    _fit_rows(ws, sheet, rows, lang, coded)
    ws.freeze_panes(1, 1)
    ws.set_row(0, min(header_height, 150))
    ws.set_tab_color(styles.ENTRY_TAB)
    width = sum(styles.column_width(c, lang) for c in sheet.columns)
    styles.page_setup(ws, width, H.PRINT_HEADER[lang], repeat_first_column=True)


def _fit_rows(ws, sheet: Sheet, rows: list[Mapping], lang: str, coded: bool):
    """Give written rows the height of their longest wrapped note or dropdown label.

    Excel fits a row when someone types in it, but neither Excel nor LibreOffice
    re-measures rows of a generated file, so long notes would overlap the next row.
    """
    wrapped = [(c, styles.column_width(c, lang)) for c in sheet.columns if c.field.wraps]
    for i, row in enumerate(rows, start=1):
        lines = max([styles.wrapped_lines(str(to_cell(c, row[c.key], lang, coded)), w) for c, w in wrapped
                     if row.get(c.key) is not None and row.get(c.key) != ""] or [1])
        if lines > 1:
            ws.set_row(i, min(409, 15 * lines + 3))


def _lists_sheet(ws, lang: str):
    sch = get_schema()
    for i, (key, scale) in enumerate(sch.scales.items()):
        ws.write_string(0, i, key)
        for r, label in enumerate(scale.labels(lang), start=1):
            ws.write_string(r, i, label)
        ws.set_column(i, i, 30)
    ws.protect()
    ws.hide()


def _settings_sheet(ws, sheet: Sheet, values: Mapping, lang: str, fmts):
    sch = get_schema()
    n = len(sch.settings)
    ws.add_table(0, 0, n, 2, {
        "name": sheet.table, "style": "Table Style Light 9",
        "columns": [{"header": c.header(lang), "header_format": fmts["header"]} for c in sheet.columns],
    })
    # The key and label columns fit their longest text (settings are added over time).
    widths = [max(sheet.columns[0].width, 2 + max(len(s.key) for s in sch.settings)),
              max(sheet.columns[1].width, 2 + max(len(s.labels[lang]) for s in sch.settings)),
              sheet.columns[2].width]
    ws.set_column(0, 0, widths[0], None, {"hidden": True})  # the key is ptxl's: staff read the label
    for j, w in enumerate(widths[1:], start=1):
        ws.set_column(j, j, w)
    for i, s in enumerate(sch.settings, start=1):
        ws.write_string(i, 0, s.key, fmts["setting_key"])
        ws.write_string(i, 1, s.labels[lang], fmts["setting_label"])
        value = lang if s.key == "language" else values.get(s.key, s.default)
        value = s.field.as_typed(value, lang)  # the unit's dropdown shows its label in the workbook's language
        fmt = fmts[s.field.setting_format]
        write_value(ws, i, 2, value, fmt, fmt)
        opts = setting_validation(s, lang)
        if opts is not None:
            ws.data_validation(i, 2, i, 2, opts)
    ws.freeze_panes(1, 0)
    ws.set_row(0, 20)
    ws.set_tab_color(styles.SETTINGS_TAB)
    styles.page_setup(ws, sum(widths[1:]), H.PRINT_HEADER[lang], landscape=False)


def _output_sheet(ws, sheet: Sheet, lang: str, fmts, home_name: str):
    ws.write_string(0, 0, sheet.name(lang), fmts["title"])
    ws.write_url(0, 2, f"internal:{_quote(home_name)}!A1", fmts["link"], string=H.BACK_HOME[lang])
    ws.write_string(2, 0, H.OUTPUT_PLACEHOLDER[lang])
    ws.set_column(0, 0, 60)
    ws.set_column(1, 1, 4)
    ws.set_column(2, 2, 14)
    ws.hide_gridlines(2)
    ws.protect()
    ws.set_tab_color(styles.OUTPUT_TAB)
    styles.page_setup(ws, 78, H.PRINT_HEADER[lang], repeat_header=False)


def build_workbook(path: str | Path, lang: str = DEFAULT_LANG, rows: Mapping[str, list] | None = None,
                   settings: Mapping | None = None, *, coded: bool = True,
                   extra: Callable | None = None, created: dt.datetime | None = None) -> Path:
    """Write a workbook at ``path`` (or into a binary file object): blank, or holding ``rows``
    (sheet key → list of {column key: value}).

    With ``coded`` the values of coded columns may be given as codes and are written
    as the labels of ``lang``; anything else is written as given, like a typed cell.
    ``extra(workbook, worksheets, formats)`` may add more before closing (tests use
    it to add comments, images or macros that a refresh must preserve).
    ``created`` fixes the document's creation time (the committed workbook uses it
    so that regenerating it gives the same bytes).
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}")
    # A path: the zip is assembled in a BytesIO, then written whole (write.atomic); a BytesIO given by the
    # caller: the caller writes the bytes.
    # XlsxWriter's in_memory mode only dates the zip entries 1 Jan 1980 instead of 31 Jan: it is kept off
    # for paths so that the committed workbook stays byte-identical (test_build_determinism).
    to_file = not hasattr(path, "write")
    path = Path(path) if to_file else path
    buf = io.BytesIO() if to_file else path
    rows = rows or {}
    sch = get_schema()
    sch.check_keys(rows, settings)
    wb = xlsxwriter.Workbook(buf, {"strings_to_numbers": False, "strings_to_formulas": False,
                                   "strings_to_urls": False, "nan_inf_to_errors": True, "in_memory": not to_file})
    props = {"title": H.TITLE[lang], "author": "", "company": ""}
    if created is not None:
        props["created"] = created
    wb.set_properties(props)
    fmts = styles.formats(wb)
    ranges = list_ranges(lang)
    names = {s.key: s.name(lang) for s in sch.sheets}
    sheets = {s.key: wb.add_worksheet(s.name(lang)) for s in sch.sheets}
    wb.define_name(CASE_IDS_NAME, case_ids_formula(lang))
    for s in sch.sheets:
        ws = sheets[s.key]
        if s.kind == "entry":
            _entry_sheet(wb, ws, s, list(rows.get(s.key, [])), lang, coded, fmts, ranges)
        elif s.kind == "settings":
            _settings_sheet(ws, s, settings or {}, lang, fmts)
        elif s.kind == "lists":
            _lists_sheet(ws, lang)
        elif s.key == "home":
            write_home(wb, ws, lang, fmts, names)
        else:
            _output_sheet(ws, s, lang, fmts, names["home"])
            prepare_output_sheet(wb, ws, s, lang, fmts)  # fixed tables, charts, filters for the refresh
    if extra is not None:
        extra(wb, sheets, fmts)
    wb.close()
    if to_file:
        save(path, buf.getvalue())  # whole or not at all
    return path
