"""The live Excel reader honours the book's 1904 date system, like the file reader (issue 14).

xlwings cannot drive Excel here: the book is a stand-in with the few members ``ptxl.excel.read``
uses (sheets, used range, 2-D values and formulas, tables, ``api``), filled from the file's cells
as Excel would hand them over (plain numbers for dates typed in the General format).
"""

from __future__ import annotations

import types

import pytest

from builders import base_rows, plain_serial_workbook
from ptxl.excel.read import book_date1904, read_book
from ptxl.read import read_workbook
from ptxl.schema import get_schema
from ptxl.validate import load_raw, load_workbook


class _Range:
    def __init__(self, grid):
        self.value, self.formula = grid, [["" for _ in row] for row in grid]

    def options(self, **_kw):
        return self


class _Sheet:
    def __init__(self, name, grid):
        self.name, self.grid, self.tables = name, grid, []
        width = max((len(r) for r in grid), default=1)
        self.used_range = types.SimpleNamespace(last_cell=types.SimpleNamespace(row=len(grid), column=width))

    def range(self, first, last):
        return _Range([[None if v == "" else v for v in row] + [None] * (last[1] - len(row))
                       for row in self.grid[:last[0]]])


class _Sheets(list):
    def __getitem__(self, key):
        return next(s for s in self if s.name == key) if isinstance(key, str) else list.__getitem__(self, key)


def fake_book(path, api):
    """The workbook at ``path`` as an open book whose object model is ``api``."""
    from python_calamine import CalamineWorkbook
    wb = CalamineWorkbook.from_path(str(path))
    sheets = _Sheets(_Sheet(n, wb.get_sheet_by_name(n).to_python(skip_empty_area=False)) for n in wb.sheet_names)
    return types.SimpleNamespace(sheets=sheets, api=api)


class _Mac:
    """appscript's shape: a property is a reference, read with ``get()``; asking for COM's name gives no bool."""

    def __init__(self, value):
        self.date_1904 = types.SimpleNamespace(get=lambda: value)

    def __getattr__(self, name):
        return types.SimpleNamespace()  # an unresolved reference, not a value


def _dates(ds):
    return {(key, c.key): list(ds.tables[key][c.key]) for key in ("families", "members", "contacts")
            for c in get_schema().sheet(key).columns if c.type in ("date", "date_or_year")}


@pytest.mark.parametrize("api", [types.SimpleNamespace(Date1904=True), _Mac(True)], ids=["windows", "mac"])
def test_plain_serials_of_a_1904_book_open_in_excel_read_as_the_file_reader_reads_them(tmp_path, api):
    path = plain_serial_workbook(tmp_path / "mac1904.xlsx", date1904=True)
    assert read_workbook(path).date1904
    raw = read_book(fake_book(path, api))
    assert raw.date1904 and isinstance(raw.tables["families"].values["referral_date"][0], float)
    live, disk = load_raw(raw), load_workbook(path)
    assert _dates(live.dataset) == _dates(disk.dataset)
    assert live.dataset.tables["families"]["referral_date"].iloc[0].date() == base_rows()["families"][0][
        "referral_date"]
    assert [f.to_json() for f in live.findings] == [f.to_json() for f in disk.findings]


def test_a_book_in_the_1900_system_or_an_engine_that_does_not_say_counts_from_1900(tmp_path):
    path = plain_serial_workbook(tmp_path / "pc.xlsx", date1904=False)
    for api in (types.SimpleNamespace(Date1904=False), _Mac(False), None, types.SimpleNamespace()):
        assert book_date1904(types.SimpleNamespace(api=api)) is False
    live = load_raw(read_book(fake_book(path, types.SimpleNamespace(Date1904=False))))
    assert _dates(live.dataset) == _dates(load_workbook(path).dataset)
    # the same numbers in a 1904 book are 1,462 days later: the system is what was read, not assumed
    later = load_raw(read_book(fake_book(path, types.SimpleNamespace(Date1904=True)))).dataset
    first = live.dataset.tables["families"]["referral_date"].iloc[0]
    assert (later.tables["families"]["referral_date"].iloc[0] - first).days == 1462
