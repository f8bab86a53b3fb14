"""Live write-back: the same grids written through xlwings into the workbook open in Excel.

Why a second writer: when the case manager clicks the button, the workbook is
open and Excel holds it; writing the file behind Excel's back would be lost at
its next save. So the values go through Excel itself, which then saves
everything it knows (macros, comments, slicers) the way it always does.

Only the output sheets are touched: each is unprotected, rewritten and
protected again. Strings are written with a leading apostrophe, which Excel
reads as "this is text": a finding's value ``=HYPERLINK(…)`` stays words.
Values go in one block per sheet (one call to Excel), formats one call per style
and property; what this xlwings or platform cannot do (borders before xlwings
0.37.1, Mac-only quirks) is skipped rather than failing the refresh.
"""

from __future__ import annotations

import datetime as dt
from typing import Mapping

from ..model.styles import FORMATS
from ..layout import autofilter_headers, colour_scales
from ..schema import column_letter, get_schema
from ..model.grid import SheetGrid

MAX_ADDRESS = 240  # Excel refuses range addresses longer than 255 characters
SCALE_COLOURS = ["#F8696B", "#FFEB84", "#63BE7B"]


def _try(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except Exception:  # noqa: BLE001 - a missing cosmetic feature must not stop the refresh
        return None


def _a1(r: int, c: int) -> str:
    return f"{column_letter(c)}{r + 1}"


def _runs(cells) -> list[str]:
    """Cells (row, col) → A1 ranges of horizontal runs ("B5:H5")."""
    out, by_row = [], {}
    for r, c in cells:
        by_row.setdefault(r, []).append(c)
    for r in sorted(by_row):
        cols = sorted(by_row[r])
        start = prev = cols[0]
        for c in cols[1:] + [None]:
            if c is not None and c == prev + 1:
                prev = c
                continue
            out.append(_a1(r, start) if start == prev else f"{_a1(r, start)}:{_a1(r, prev)}")
            if c is not None:
                start = prev = c
    return out


def _unions(addresses: list[str]) -> list[str]:
    """Join ranges with commas in chunks short enough for one Excel call."""
    chunks, cur = [], ""
    for a in addresses:
        if cur and len(cur) + 1 + len(a) > MAX_ADDRESS:
            chunks.append(cur)
            cur = a
        else:
            cur = f"{cur},{a}" if cur else a
    if cur:
        chunks.append(cur)
    return chunks


def _ranges(sheet, runs: list[str]) -> list:
    """xlwings Ranges covering ``runs``: few multi-area ranges where the engine allows, else one per run."""
    out = []
    for address in _unions(runs):
        try:
            out.append(sheet.range(address))
        except Exception:  # noqa: BLE001 - engines without multi-area ranges
            out.extend(sheet.range(a) for a in address.split(","))
    return out


def excel_value(value):
    """A cell value as it must be handed to Excel: text kept as text, dates as dates."""
    if isinstance(value, str):
        return "'" + value
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, float) and value != value:
        return None
    return value


def _apply_style(rng, props: dict):
    if "num_format" in props:
        _try(setattr, rng, "number_format", props["num_format"])
    font = _try(getattr, rng, "font")
    if font is not None:
        for key, attr in (("bold", "bold"), ("italic", "italic"), ("font_size", "size"), ("font_color", "color")):
            if key in props:
                _try(setattr, font, attr, bool(props[key]) if key in ("bold", "italic") else props[key])
    if "bg_color" in props:
        _try(setattr, rng, "color", props["bg_color"])
    if props.get("text_wrap"):
        _try(setattr, rng, "wrap_text", True)
    if "align" in props:
        _try(setattr, rng, "horizontal_alignment", props["align"])
    if "valign" in props:
        _try(setattr, rng, "vertical_alignment", {"vcenter": "center"}.get(props["valign"], props["valign"]))
    if props.get("border"):
        borders = _try(getattr, rng, "borders")
        if borders is not None:
            _try(setattr, borders, "line_style", "continuous")
            if "border_color" in props:
                _try(setattr, borders, "color", props["border_color"])
    if props.get("underline"):
        _try(lambda: setattr(rng.api.Font, "Underline", 2))


def _protected(sheet) -> bool:
    api = _try(getattr, sheet, "api")
    for name in ("ProtectContents", "protect_contents"):
        value = _try(getattr, api, name)
        if value is not None:
            return bool(value() if callable(value) else value)
    return False


def _protect(sheet, allow_filter: bool):
    api = _try(getattr, sheet, "api")
    if _try(lambda: api.Protect(DrawingObjects=True, Contents=True, Scenarios=True,
                                AllowFiltering=allow_filter)) is None:
        _try(lambda: api.protect(allow_filtering=allow_filter))  # Excel for Mac (appscript)


def _unprotect(sheet):
    api = _try(getattr, sheet, "api")
    if _try(lambda: api.Unprotect()) is None:
        _try(lambda: api.unprotect())


def _clear(sheet, key: str):
    used = sheet.used_range
    _try(lambda: used.api.ClearHyperlinks())
    used.clear_contents()
    _try(lambda: used.unmerge())
    used.clear_formats()  # also removes conditional formats: the colour scale is made again below
    for k, (r1, c1, r2, c2) in colour_scales():
        if k == key:
            rng = sheet.range(f"{_a1(r1, c1)}:{_a1(r2, c2)}")
            if _try(lambda: rng.conditional_formats.add_color_scale(SCALE_COLOURS)) is None:
                _try(lambda: rng.api.FormatConditions.AddColorScale(3))


def write_grid(sheet, grid: SheetGrid):
    """One grid into one xlwings Sheet (already unprotected)."""
    if grid.mode == "replace":
        _clear(sheet, grid.sheet_key)
        if grid.cells:
            last_r = max(r for r, _ in grid.cells)
            last_c = max(c for _, c in grid.cells)
            block = [[None] * (last_c + 1) for _ in range(last_r + 1)]
            for (r, c), cell in grid.cells.items():
                block[r][c] = excel_value(cell.value)
            sheet.range("A1").value = block
    else:
        for (r, c), cell in grid.cells.items():
            sheet.range(_a1(r, c)).value = excel_value(cell.value)
    for style in {cell.style for cell in grid.cells.values() if cell.style}:
        runs = _runs([rc for rc, cell in grid.cells.items() if cell.style == style])
        for rng in _ranges(sheet, runs):
            _apply_style(rng, FORMATS.get(style, {}))
    for c, w in grid.col_widths.items():
        _try(setattr, sheet.range(f"{column_letter(c)}:{column_letter(c)}"), "column_width", w)
    for r, h in grid.row_heights.items():
        _try(setattr, sheet.range(f"{r + 1}:{r + 1}"), "row_height", h)
    for r1, c1, r2, c2 in grid.merged:
        _try(lambda: sheet.range(f"{_a1(r1, c1)}:{_a1(r2, c2)}").merge())
    for (r, c), cell in sorted(grid.cells.items()):
        if cell.link:
            rng = sheet.range(_a1(r, c))
            text = str(cell.value if cell.value is not None else "")
            if _try(lambda: rng.api.Hyperlinks.Add(Anchor=rng.api, Address="", SubAddress=cell.link,
                                                   TextToDisplay=text)) is None:
                _try(lambda: rng.add_hyperlink("#" + cell.link, text))
    if grid.autofilter:
        r1, c1, r2, c2 = grid.autofilter
        _try(lambda: setattr(sheet.api, "AutoFilterMode", False))
        _try(lambda: sheet.range(f"{_a1(r1, c1)}:{_a1(r2, c2)}").api.AutoFilter(1))


def write_grids(book, grids: Mapping[str, SheetGrid], lang: str) -> list[str]:
    """Write every grid into its output sheet of the open ``book``; returns the sheet names written."""
    sch = get_schema()
    filters = autofilter_headers()
    done = []
    app = _try(getattr, book, "app")
    updating = _try(getattr, app, "screen_updating") if app is not None else None
    if updating is not None:
        _try(setattr, app, "screen_updating", False)
    try:
        for key, grid in grids.items():
            name = sch.sheet(key).name(lang)
            sheet = book.sheets[name]
            was_protected = _protected(sheet)
            _unprotect(sheet)
            try:
                write_grid(sheet, grid)
            finally:  # output sheets are protected at creation; one left unprotected by hand stays so
                if was_protected:
                    _protect(sheet, allow_filter=key in filters)
            done.append(name)
    finally:
        if updating is not None:
            _try(setattr, app, "screen_updating", updating)
    return done
