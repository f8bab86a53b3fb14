"""normalise reads a column by distinct values (issue 14): it must give exactly what ``parse_cell`` gives cell by
cell, types included: 1, 1.0 and True are equal dict keys yet parse differently (a yes/no cell: TRUE is "yes",
1 is unknown; a number: 1 and 1.0), and a filled text column is kept as it is."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from ptxl.model.dataset import typed_series
from ptxl.normalise import _column, parse_cell
from ptxl.rules import Context
from ptxl.schema import get_schema

NAN = float("nan")


def column(sheet_key: str, col_key: str):
    return get_schema().sheet(sheet_key).column(col_key)


def typed(v):
    """A value with its type, NaN made comparable: what the dataset will hold."""
    return (type(v), "nan" if v != v else v)


MESSY = {
    ("families", "known_before"): ["oui", True, 1, 1.0, False, 0, "", " ", None, "Oui ", "yes", 2, "oui", True],
    ("families", "legal_stay_years"): [1, 1.0, True, 2.5, "3", "trois", "", None, NAN, 1, -1, 1.0],
    ("contacts", "minutes"): [30, 30.0, 30.5, True, "45", "", None, 30, "x"],
    ("contacts", "contact_date"): [dt.datetime(2023, 2, 1), dt.date(2023, 2, 1), 44958, 44958.0, "01/02/2023",
                                  "", None, "1823-01-01", dt.datetime(2023, 2, 1), True],
    ("families", "case_id"): ["PT-001", " PT-002", "PT-003 ", "", "  ", None, 7, 7.0, True, "PT-001"],
    ("families", "family_ties"): ["une note", "une autre", "x" * 40],
}


@pytest.mark.parametrize("key", list(MESSY), ids=["/".join(k) for k in MESSY])
def test_a_column_reads_as_each_of_its_cells_alone(key):
    sheet_key, col_key = key
    col, raw = column(sheet_key, col_key), MESSY[key]
    rows = list(range(2, 2 + len(raw)))
    ctx, findings = Context.for_schema("fr"), []
    out, year_only = _column(sheet_key, col, raw, rows, "fr", ctx, findings)
    if col.type in ("text", "longtext", "case_ref"):
        # a string is kept as typed unless blank; anything else as parse_text reads it
        expected = [(v if v.strip() else None) if type(v) is str else parse_cell(col, v, "fr")[0] for v in raw]
        assert [typed(v) for v in out] == [typed(v) for v in expected]
        assert findings == []
        if all(type(v) is str and v.strip() for v in raw):
            assert all(a is b for a, b in zip(out, raw))  # kept as typed, the very same strings
        return
    cells = [parse_cell(col, v, "fr") for v in raw]
    assert [typed(v) for v in out] == [typed(c[0]) for c in cells]
    assert year_only == [c[1] for c in cells]
    assert [(f.row, f.code) for f in findings] == [(r, c[2]) for r, c in zip(rows, cells) if c[2] is not None]


def test_a_clean_column_reports_nothing_and_keeps_equal_values_equal():
    col = column("families", "known_before")
    raw = ["Oui", "Non", "Oui", "", "Non"] * 50
    ctx, findings = Context.for_schema("fr"), []
    out, _ = _column("families", col, raw, list(range(2, 2 + len(raw))), "fr", ctx, findings)
    assert findings == []
    assert out[:5] == ["yes", "no", "yes", None, "no"] and out[5:10] == out[:5]


def test_dates_become_nanosecond_timestamps_and_blanks_nat():
    s = typed_series("date", [dt.date(2023, 2, 1), None, dt.datetime(2023, 2, 1, 12, 30)])
    assert str(s.dtype) == "datetime64[ns]"
    assert list(s.index) == [0, 1, 2]
    assert s[0].date() == dt.date(2023, 2, 1) and s[1] is not None and s.isna().tolist() == [False, True, False]
    assert s[2].hour == 12
    assert str(typed_series("date", []).dtype) == "datetime64[ns]"


def _layout(df):
    """A frame's blocks as pandas holds them: (dtype, the columns each one holds), in pandas' order."""
    return [(str(b.dtype), list(b.mgr_locs.as_array)) for b in df._mgr.blocks]


@pytest.mark.parametrize("n", [0, 3])
@pytest.mark.parametrize("blocks", [True, False], ids=["blocks", "older pandas"])
def test_a_sheet_frame_is_what_pandas_makes_of_its_columns_as_series(n, blocks, monkeypatch):
    """``frame`` hands pandas each dtype's columns as one block (issue 14): the frame must be the one
    ``pd.DataFrame`` makes of the same columns as Series — columns, dtypes, values, index and blocks — for every
    entry sheet, blanks and the nullable types included, and for a sheet without rows; so must its way for a
    pandas without ``pandas.api.internals``."""
    from ptxl.model import dataset
    from ptxl.model.dataset import frame

    if not blocks:
        monkeypatch.setattr(dataset, "_from_blocks", None)
    for sheet in get_schema().entry_sheets:
        data = {"_row": np.arange(2, 2 + n, dtype="int64")}
        for col in sheet.columns:
            f = col.field
            values = {"Int64": [1, None, 7], "float64": [1.5, None, 0.0], "datetime64[ns]":
                      [dt.date(2023, 2, 1), None, dt.date(1990, 7, 1)]}.get(f.dtype, ["a", None, "b"])[:n]
            if f.or_year:
                data[f"{col.key}_year_only"] = np.array([True, False, False][:n], dtype="bool")
            data[col.key] = f.array(values)
        got = frame(data)
        want = pd.DataFrame({k: pd.Series(a, dtype=a.dtype) for k, a in data.items()})
        pd.testing.assert_frame_equal(got, want, check_exact=True)
        assert got.columns.dtype == want.columns.dtype and list(got.columns) == list(data), sheet.key
        assert got.index.equals(want.index) and type(got.index) is type(want.index)
        assert _layout(got) == _layout(want), sheet.key
