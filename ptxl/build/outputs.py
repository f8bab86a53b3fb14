"""The output sheets at creation: their empty tables, native charts, colour scale and filters.

Why here and not at refresh: charts, conditional formats and filters live in
parts (drawings, charts) and elements that a refresh should not have to touch.
They are made once, pointing at the fixed ranges of ``ptxl.layout``; a refresh
then only rewrites cell values, and Excel or LibreOffice redraw the charts from
those cells.

The hidden lists sheet also gets a *style swatch*: one blank cell per format of
``styles.FORMATS``, in that order, on row ``styles.SWATCH_ROW``. The headless writer reads
the swatch's style indices instead of guessing how XlsxWriter (or Excel, after a
save) numbered them, and every format exists in ``styles.xml`` even if no cell
used it at creation.
"""

from __future__ import annotations

import datetime as dt

from .. import layout
from ..schema import Sheet, get_schema
from ..schema import HOME as H
from ..model import styles

CHART_COLOUR = "#2F75B5"


def write_grid(ws, grid: layout.SheetGrid, fmts: dict) -> None:
    """A layout grid through XlsxWriter: the same cells the refresh writes, at creation."""
    for col, width in grid.col_widths.items():
        ws.set_column(col, col, width)
    for row, height in grid.row_heights.items():
        ws.set_row(row, height)
    merged = {(r1, c1): (r1, c1, r2, c2) for r1, c1, r2, c2 in grid.merged}
    for (r, c), cell in sorted(grid.cells.items()):
        fmt = fmts.get(cell.style) if cell.style else None
        v = cell.value
        if (r, c) in merged:
            ws.merge_range(*merged.pop((r, c)), "" if v is None else v, fmt)
        elif cell.link:
            ws.write_url(r, c, f"internal:{cell.link}", fmt, string=str(v if v is not None else ""))
        elif v is None:
            if fmt is not None:
                ws.write_blank(r, c, None, fmt)
        elif isinstance(v, bool):
            ws.write_boolean(r, c, v, fmt)
        elif isinstance(v, (int, float)):
            ws.write_number(r, c, v, fmt)
        elif isinstance(v, (dt.date, dt.datetime)):
            ws.write_datetime(r, c, v, fmt or fmts["date"])
        else:
            ws.write_string(r, c, str(v), fmt)
    for r1, c1, r2, c2 in merged.values():
        ws.merge_range(r1, c1, r2, c2, "")


def write_swatch(ws, fmts: dict) -> None:
    for col, name in enumerate(styles.FORMATS):
        ws.write_blank(styles.SWATCH_ROW, col, None, fmts[name])


def _chart(wb, spec: layout.ChartSpec, sheet_name: str, lang: str):
    chart = wb.add_chart({"type": spec.kind})
    last = spec.first_row + spec.n_rows - 1
    # The title is the subtitle cell above the chart's table (``layout._count_block``), so that a refresh
    # that says persons instead of families (``evaluation_unit``) retitles the chart too.
    title = [sheet_name, spec.first_row - 2, spec.label_col]
    chart.add_series({
        "name": title,
        "categories": [sheet_name, spec.first_row, spec.label_col, last, spec.label_col],
        "values": [sheet_name, spec.first_row, spec.value_col, last, spec.value_col],
        "fill": {"color": CHART_COLOUR}, "gap": 60,
        "data_labels": {"value": True},
    })
    chart.set_title({"name": title, "name_font": {"size": 12, "bold": True}})
    chart.set_legend({"none": True})
    axis = {"min": 0, "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
            "num_format": "0", "num_font": {"size": 9}}
    chart.set_y_axis(axis if spec.kind == "column" else {"num_font": {"size": 9}, "reverse": True})
    chart.set_x_axis({"num_font": {"size": 9}} if spec.kind == "column" else axis)
    chart.set_size({"width": 500, "height": 300})
    return chart


def prepare_output_sheet(wb, ws, sheet: Sheet, lang: str, fmts: dict) -> None:
    """Lay out one output sheet as it looks before the first refresh (called by the builder)."""
    from ..pipeline import from_stats
    grid = layout.build_grids(from_stats({}, lang=lang), None)[sheet.key]
    write_grid(ws, grid, fmts)
    name = sheet.name(lang)
    for spec in layout.charts():
        if spec.sheet_key == sheet.key:
            ws.insert_chart(spec.anchor[0], spec.anchor[1], _chart(wb, spec, name, lang),
                            {"x_offset": 8, "y_offset": 4, "object_position": 3})
    for key, (r1, c1, r2, c2) in layout.colour_scales():
        if key == sheet.key:
            ws.conditional_format(r1, c1, r2, c2, {"type": "3_color_scale", "min_color": "#F8696B",
                                                    "mid_color": "#FFEB84", "max_color": "#63BE7B"})
    header = layout.autofilter_headers().get(sheet.key)
    if header:
        row, ncols = header
        ws.autofilter(row, 0, row, ncols - 1)
        ws.freeze_panes(row + 1, 0)
    width = sum(grid.col_widths.values()) + (60 if any(s.sheet_key == sheet.key for s in layout.charts()) else 0)
    styles.page_setup(ws, width, H.PRINT_HEADER[lang], landscape=True, repeat_header=False)
    breaks = layout.page_breaks().get(sheet.key)
    if breaks:
        ws.set_print_scale(90)  # Excel ignores manual page breaks under "fit to page"
        ws.set_h_pagebreaks(breaks)
    ws.protect("", {"autofilter": bool(header)})
    ws.set_tab_color(styles.OUTPUT_TAB)
    if sheet.key == "impact":  # once per workbook
        write_swatch(wb.get_worksheet_by_name(get_schema().sheet("lists").name(lang)), fmts)
