"""What staff see on screen: no date as ###, labels rather than keys, header rows as tall as their text."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from ptxl import layout
from ptxl.model import styles
from ptxl.build.workbook import build_workbook
from ptxl.model.dataset import Finding
from ptxl.schema import LANGS, get_schema
from ptxl.pipeline import from_stats

SCH = get_schema()
NOW = dt.datetime(2023, 3, 1, 9, 30)


def _width(grid, row: int, col: int) -> float:
    """The width a cell shows in: its column's, or its merged range's."""
    for r1, c1, r2, c2 in grid.merged:
        if r1 <= row <= r2 and c1 <= col <= c2:
            return sum(grid.col_widths.get(j, 9) for j in range(c1, c2 + 1))
    return grid.col_widths.get(col, 9)


@pytest.mark.parametrize("lang", LANGS)
def test_every_output_sheets_dates_are_wide_enough_not_to_show_hashes(lang):
    findings = [Finding("error", "Familles", "D2", 2, "D", "status", "PT-001", None, "m", "x")]
    grids = layout.build_grids(from_stats({"reference_date": "2023-02-28"}, lang=lang, findings=findings), NOW)
    dated = [(g, rc) for g in grids.values() for rc, cell in g.cells.items()
             if isinstance(cell.value, (dt.date, dt.datetime))]
    assert {g.sheet_key for g, _rc in dated} >= {"impact", "cohort", "followup", "baseline_evolution", "alerts",
                                                  "checks"}
    for g, (r, c) in dated:
        if g.mode == "patch":  # the home sheet: its own layout, a wide merged column
            continue
        need = layout.DATE_WIDTH + (5 if isinstance(g.cells[(r, c)].value, dt.datetime) else 0)
        assert _width(g, r, c) >= need, (g.sheet_key, r, c)
    for sheet in SCH.entry_sheets:
        for c in sheet.columns:
            if c.type in ("date", "date_or_year"):
                assert styles.column_width(c, lang) >= layout.DATE_WIDTH, (sheet.key, c.key)


@pytest.fixture(scope="module")
def blank(tmp_path_factory):
    return openpyxl.load_workbook(build_workbook(tmp_path_factory.mktemp("b") / "plan.xlsx", "fr"))  # read only


def test_settings_show_labels_and_hide_ptxls_keys(blank):
    ws = blank[SCH.sheet("settings").name("fr")]
    key, label = ws.column_dimensions["A"], ws.column_dimensions["B"]
    assert key.hidden and not label.hidden
    assert ws["B2"].value == SCH.settings[0].labels["fr"] and ws["A2"].value == SCH.settings[0].key  # still read


@pytest.mark.parametrize("key", [s.key for s in SCH.entry_sheets])
def test_entry_header_rows_are_as_tall_as_their_text(blank, key):
    sheet = SCH.sheet(key)
    ws = blank[sheet.name("fr")]
    lines = max(styles.wrapped_lines(c.header("fr"), styles.column_width(c, "fr") * styles.BOLD)
                for c in sheet.columns)
    assert lines <= styles.HEADER_LINES
    assert ws.row_dimensions[1].height == max(18, 15 * lines + 3)
