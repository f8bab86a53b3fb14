"""Write a workbook from the schema with XlsxWriter.

XlsxWriter rather than openpyxl: its output is checked against Excel-made files
in its own test suite and passes the Open XML SDK validator, and it never reads
(so it cannot damage) an existing staff workbook. ``build_workbook`` is also
the public way to write entries into a new workbook "as staff would type them":
the demo cohort, the benchmarks and the tests all go through it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable, Mapping

import xlsxwriter

from ..forms import home as H
from ..schema import DEFAULT_LANG, LANGS, Column, Sheet, get_schema, column_letter
from . import styles

# Rows covered by the dropdowns and input messages beyond the typed rows.
VALIDATION_ROWS = 2000


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
    if coded and column.scale is not None and isinstance(value, str):
        try:
            return column.scale.label(value, lang)
        except KeyError:
            return value
    return value


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
    for j, c in enumerate(sheet.columns):
        fmt = styles.column_format(fmts, c)
        width = c.width or styles.DEFAULT_WIDTHS.get(c.type, 14)
        ws.set_column(j, j, width, fmt)
        for i, row in enumerate(rows, start=1):
            if c.key in row:
                write_value(ws, i, j, to_cell(c, row[c.key], lang, coded), fmt, fmts["date"])
        _validation(ws, j, c, lang, ranges)
    ws.freeze_panes(1, 1)
    ws.set_row(0, 45)
    ws.set_tab_color(styles.ENTRY_TAB)


def _validation(ws, j: int, c: Column, lang: str, ranges):
    opts = {"ignore_blank": True}
    help_text = c.help_text(lang)
    if help_text:
        opts["input_title"] = c.header(lang)[:32]
        opts["input_message"] = help_text if len(help_text) <= 255 else help_text[:254] + "…"
    if c.scale is not None:
        opts.update(validate="list", source=ranges[c.scale.key])
    elif c.type == "score":
        opts.update(validate="integer", criteria="between", minimum=0, maximum=10,
                    error_title=c.header(lang)[:32], error_message=styles.MSG_SCORE[lang])
    elif c.type == "date":
        opts.update(validate="date", criteria="between", minimum=dt.date(1900, 1, 1),
                    maximum=dt.date(2100, 12, 31), error_type="warning",
                    error_message=styles.MSG_DATE[lang])
    elif c.type == "integer":
        opts.update(validate="integer", criteria=">=", value=0)
    elif "input_message" not in opts:
        return
    else:
        opts["validate"] = "any"
    ws.data_validation(1, j, VALIDATION_ROWS, j, opts)


def _lists_sheet(ws, lang: str):
    sch = get_schema()
    for i, (key, scale) in enumerate(sch.scales.items()):
        ws.write_string(0, i, key)
        for r, label in enumerate(scale.labels(lang), start=1):
            ws.write_string(r, i, label)
        ws.set_column(i, i, 30)
    ws.hide()


def _settings_sheet(ws, sheet: Sheet, values: Mapping, lang: str, fmts):
    sch = get_schema()
    n = len(sch.settings)
    ws.add_table(0, 0, n, 2, {
        "name": sheet.table, "style": "Table Style Light 9",
        "columns": [{"header": c.header(lang), "header_format": fmts["header"]} for c in sheet.columns],
    })
    for j, c in enumerate(sheet.columns):
        ws.set_column(j, j, c.width)
    for i, s in enumerate(sch.settings, start=1):
        ws.write_string(i, 0, s.key, fmts["muted"])
        ws.write_string(i, 1, s.labels[lang])
        value = values.get(s.key, s.default)
        if s.key == "language":
            value = lang
        write_value(ws, i, 2, value, fmts["date"] if s.type == "date" else None, fmts["date"])
    ws.freeze_panes(1, 0)
    ws.set_tab_color(styles.SETTINGS_TAB)


def _home_sheet(ws, lang: str, fmts, names: Mapping[str, str]):
    ws.set_column(0, 0, 4)
    ws.set_column(1, 1, 26)
    ws.set_column(2, 2, 100)
    ws.write_string(0, 1, H.TITLE[lang], fmts["title"])
    ws.merge_range(2, 1, 2, 2, H.INTRO[lang], fmts["wrap"])
    ws.set_row(2, 48)
    r = 4
    ws.write_string(r, 1, H.ORDER_TITLE[lang], fmts["subtitle"])
    for n, (key, text) in enumerate(H.ORDER, start=1):
        r += 1
        ws.write_url(r, 1, f"internal:{_quote(names[key])}!A1", fmts["link"],
                     string=f"{n}. {names[key]}")
        ws.write_string(r, 2, text[lang], fmts["wrap"])
    r += 2
    ws.write_string(r, 1, H.BUTTONS_TITLE[lang], fmts["subtitle"])
    for text in H.BUTTONS:
        r += 1
        ws.merge_range(r, 1, r, 2, text[lang], fmts["wrap"])
        ws.set_row(r, 32)
    r += 2
    ws.write_string(r, 1, H.TIPS_TITLE[lang], fmts["subtitle"])
    for text in H.TIPS:
        r += 1
        ws.merge_range(r, 1, r, 2, text[lang], fmts["wrap"])
        ws.set_row(r, 32)
    r += 2
    ws.write_string(r, 1, H.LAST_REFRESH[lang], fmts["subtitle"])
    ws.write_string(r, 2, H.NOT_YET[lang])
    ws.protect()
    ws.activate()
    ws.set_tab_color(styles.HOME_TAB)


def _output_sheet(ws, sheet: Sheet, lang: str, fmts):
    ws.write_string(0, 0, sheet.name(lang), fmts["title"])
    ws.write_string(2, 0, H.OUTPUT_PLACEHOLDER[lang])
    ws.set_column(0, 0, 60)
    ws.protect()
    ws.set_tab_color(styles.OUTPUT_TAB)


def build_workbook(path: str | Path, lang: str = DEFAULT_LANG, rows: Mapping[str, list] | None = None,
                   settings: Mapping | None = None, *, coded: bool = True,
                   extra: Callable | None = None) -> Path:
    """Write a workbook at ``path``: blank, or holding ``rows`` (sheet key → list of {column key: value}).

    With ``coded`` the values of coded columns may be given as codes and are written
    as the labels of ``lang``; anything else is written as given, like a typed cell.
    ``extra(workbook, worksheets, formats)`` may add more before closing (tests use
    it to add comments, images or macros that a refresh must preserve).
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}")
    path = Path(path)
    rows = rows or {}
    sch = get_schema()
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                         "strings_to_urls": False, "nan_inf_to_errors": True})
    wb.set_properties({"title": H.TITLE[lang], "author": "", "company": ""})
    fmts = styles.formats(wb)
    ranges = list_ranges(lang)
    names = {s.key: s.name(lang) for s in sch.sheets}
    sheets = {s.key: wb.add_worksheet(s.name(lang)) for s in sch.sheets}
    for s in sch.sheets:
        ws = sheets[s.key]
        if s.kind == "entry":
            _entry_sheet(wb, ws, s, list(rows.get(s.key, [])), lang, coded, fmts, ranges)
        elif s.kind == "settings":
            _settings_sheet(ws, s, settings or {}, lang, fmts)
        elif s.kind == "lists":
            _lists_sheet(ws, lang)
        elif s.key == "home":
            _home_sheet(ws, lang, fmts, names)
        else:
            _output_sheet(ws, s, lang, fmts)
    if extra is not None:
        extra(wb, sheets, fmts)
    wb.close()
    return path
