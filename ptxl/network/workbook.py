"""The network evaluation as ``network.xlsx``: the tables side by side, with native Excel charts.

A new file made with XlsxWriter (never a staff workbook), written whole or not
at all through ``write_atomic``. Sheet one holds the caseload, profile,
engagement and resolution tables (one column per pilot, the network last) and
two charts; sheet two every impact question with its N and a chart of the
positive-impact percentages.
"""

from __future__ import annotations

import io
from pathlib import Path

import xlsxwriter

from ..write.atomic import write_atomic
from .tables import Pct, question_tables, side_by_side
from .texts import t

LABEL_WIDTH = 46
CELL_WIDTH = 14


def _formats(wb):
    base = {"font_name": "Calibri", "font_size": 10, "valign": "top"}
    return {
        "title": wb.add_format({**base, "bold": True, "font_size": 16, "font_color": "#1F4E79"}),
        "subtitle": wb.add_format({**base, "bold": True, "font_size": 12, "font_color": "#1F4E79"}),
        "note": wb.add_format({**base, "italic": True, "font_color": "#595959", "text_wrap": True}),
        "caption": wb.add_format({**base, "italic": True, "font_color": "#595959"}),
        "header": wb.add_format({**base, "bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True}),
        "label": wb.add_format({**base, "border": 1, "text_wrap": True}),
        "count": wb.add_format({**base, "border": 1, "num_format": "0"}),
        "pct": wb.add_format({**base, "border": 1, "num_format": "0%"}),
        "text": wb.add_format({**base, "border": 1, "align": "right"}),
        "net_count": wb.add_format({**base, "border": 1, "num_format": "0", "bold": True, "bg_color": "#F2F2F2"}),
        "net_pct": wb.add_format({**base, "border": 1, "num_format": "0%", "bold": True, "bg_color": "#F2F2F2"}),
        "net_text": wb.add_format({**base, "border": 1, "align": "right", "bold": True, "bg_color": "#F2F2F2"}),
    }


def _cell(ws, r, c, v, f, net=False):
    prefix = "net_" if net else ""
    if isinstance(v, Pct):
        ws.write_number(r, c, int(v) / 100, f[prefix + "pct"])
    elif isinstance(v, bool) or v is None:
        ws.write_blank(r, c, None, f[prefix + "count"])
    elif isinstance(v, (int, float)):
        ws.write_number(r, c, v, f[prefix + "count"])
    else:
        ws.write_string(r, c, str(v), f[prefix + "text"])  # a label or a marker, never a formula


def _print_setup(ws) -> None:
    """Landscape, one page wide: a network table is read across its pilots."""
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.hide_gridlines(2)


def _table(ws, r, table, f, last_is_network=True, label_fmt="label", network_row=False) -> tuple[int, int]:
    """Title, optional note, header and rows from row ``r``; returns (first data row, next free row)."""
    ws.write_string(r, 0, table.title, f["subtitle"])
    r += 1
    if table.note:
        ws.merge_range(r, 0, r, max(len(table.header) - 1, 1), table.note, f["note"])
        ws.set_row(r, 15 * (1 + len(table.note) // 110))
        r += 1
    for j, h in enumerate(table.header):
        ws.write_string(r, j, str(h), f["header"])
    ws.set_row(r, 15 * (1 + max(len(str(h)) for h in table.header[1:]) // 13))  # wrapped headings shown whole
    first = r + 1
    for i, row in enumerate(table.rows, start=first):
        ws.write_string(i, 0, str(row[0]), f[label_fmt])
        for j, v in enumerate(row[1:], start=1):
            net = (network_row and i == first + len(table.rows) - 1) or (last_is_network and j == len(row) - 1)
            _cell(ws, i, j, v, f, net=net)
    return first, first + len(table.rows) + 1


def build(net) -> bytes:
    lang = net.lang
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    f = _formats(wb)
    ws = wb.add_worksheet(t("network", lang))
    ncols = len(net.pilots) + 2
    ws.set_column(0, 0, LABEL_WIDTH)
    ws.set_column(1, ncols - 1, CELL_WIDTH)
    ws.write_string(0, 0, t("title", lang), f["title"])
    ws.write_string(1, 0, t("subtitle", lang, k=len(net.pilots), n=net.network["cases"]), f["caption"])
    r = 2
    if net.as_of is not None:
        ws.write_string(r, 0, t("as_of", lang, d=net.as_of.strftime("%d/%m/%Y")), f["caption"])
        r += 1
    if net.suppressed:
        ws.write_string(r, 0, t("suppressed", lang, t=net.network["suppression"]["threshold"]), f["caption"])
        r += 1
    r += 1
    placed = {}
    for table in side_by_side(net, lang):
        first, r = _table(ws, r, table, f, last_is_network=table.key != "pilots")
        placed[table.key] = (first, table)
        r += 1
    sheet = ws.get_name()
    first, eng = placed["engagement"]
    pct_rows = [i for i, row in enumerate(eng.rows) if row[0].endswith("(%)")]
    chart = wb.add_chart({"type": "column"})
    for j in range(1, ncols):
        chart.add_series({"name": [sheet, first - 1, j],
                          "categories": [sheet, first + pct_rows[0], 0, first + pct_rows[-1], 0],
                          "values": [sheet, first + pct_rows[0], j, first + pct_rows[-1], j],
                          "data_labels": {"value": True, "num_format": "0%"}})
    chart.set_title({"name": t("engagement", lang), "name_font": {"size": 12}})
    chart.set_y_axis({"num_format": "0%", "max": 1, "major_gridlines": {"visible": True}})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 760, "height": 340})
    ws.insert_chart(r + 1, 0, chart)
    _print_setup(ws)
    _impact_sheet(wb, net, f)
    wb.close()
    return buf.getvalue()


def _impact_sheet(wb, net, f):
    """A positive-impact overview (question × pilot, charted), then every question's table with its N."""
    lang = net.lang
    ws = wb.add_worksheet(t("sheet_impact", lang))
    ncols = len(net.pilots) + 2
    ws.set_column(0, 0, 34)
    ws.set_column(1, 12, 12)
    ws.write_string(0, 0, t("impact", lang), f["title"])
    ws.merge_range(1, 0, 1, 9, t("impact_note", lang), f["note"])
    ws.set_row(1, 30)
    tables = question_tables(net, lang)
    overview = [tb for tb in tables if tb.header[-1] == t("positive", lang)]
    head = [t("question", lang)] + [row[0] for row in overview[0].rows]
    r = 3
    ws.write_string(r, 0, t("positive", lang), f["subtitle"])
    for j, h in enumerate(head):
        ws.write_string(r + 1, j, str(h), f["header"])
    first = r + 2
    for i, tb in enumerate(overview, start=first):
        ws.write_string(i, 0, tb.title, f["label"])
        for j, row in enumerate(tb.rows, start=1):
            _cell(ws, i, j, row[-1] if row[1] != t("not_asked", lang) else row[1], f, net=j == ncols - 1)
    last = first + len(overview) - 1
    sheet = ws.get_name()
    chart = wb.add_chart({"type": "bar"})
    for j in range(1, ncols):
        chart.add_series({"name": [sheet, r + 1, j], "categories": [sheet, first, 0, last, 0],
                          "values": [sheet, first, j, last, j]})
    chart.set_title({"name": t("positive", lang), "name_font": {"size": 12}})
    chart.set_x_axis({"num_format": "0%", "min": 0, "max": 1, "major_gridlines": {"visible": True}})
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 900, "height": 60 + 38 * len(overview) * max(1, ncols // 3)})
    ws.insert_chart(last + 2, 0, chart)
    r = last + 2 + 4 + (60 + 38 * len(overview) * max(1, ncols // 3)) // 20
    for tb in tables:
        _first, r = _table(ws, r, tb, f, last_is_network=False, network_row=True)
        r += 1
    _print_setup(ws)


def write(net, out_dir: Path, protect=None) -> Path:
    """``protect``: finished bytes → what goes on disk (``ptxl.protect.Protection.office``: encrypted when a
    pilot's workbook is)."""
    data = build(net)
    return write_atomic(Path(out_dir) / "network.xlsx", protect(data, "network.xlsx") if protect else data)
