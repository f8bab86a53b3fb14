"""The live writer: the same grids through xlwings, only output sheets, text kept as text, protection restored."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from ptxl import layout
from ptxl.model.dataset import Finding
from ptxl.schema import get_schema
from ptxl.pipeline import from_stats
from ptxl.write import live

NOW = dt.datetime(2023, 3, 1, 9, 30)
FINDING = Finding("error", "Familles", "D7", 7, "D", "status", "PT-1", '=HYPERLINK("http://x")', "Inconnu", "c")


class FakeApi:
    """What a COM worksheet answers: protection, and a log of what was asked."""

    def __init__(self, log, name):
        self.log, self.name, self.ProtectContents = log, name, True

    def Unprotect(self):
        self.log.append((self.name, "unprotect"))
        self.ProtectContents = False

    def Protect(self, **kw):
        self.log.append((self.name, "protect", kw.get("AllowFiltering")))
        self.ProtectContents = True


class FakeRange:
    def __init__(self, sheet, address):
        self.sheet, self.address = sheet, address

    def __setattr__(self, key, value):
        if key in ("sheet", "address"):
            return object.__setattr__(self, key, value)
        if self.sheet.api.ProtectContents:
            raise RuntimeError("sheet is protected")
        self.sheet.log.append((self.sheet.name, key, self.address, value))

    def clear_contents(self):
        self.sheet.log.append((self.sheet.name, "clear_contents", self.address))

    def clear_formats(self):
        self.sheet.log.append((self.sheet.name, "clear_formats", self.address))


class FakeSheet:
    def __init__(self, log, name):
        self.log, self.name, self.api = log, name, FakeApi(log, name)
        self.used_range = FakeRange(self, "A1:Z99")

    def range(self, address):
        return FakeRange(self, address)


class FakeBook:
    def __init__(self):
        self.log = []
        self.sheets = {s.name("fr"): FakeSheet(self.log, s.name("fr")) for s in get_schema().sheets}


@pytest.fixture
def written():
    book = FakeBook()
    grids = layout.build_grids(from_stats({"reference_date": "2023-02-28"}, lang="fr", findings=[FINDING]), NOW)
    done = live.write_grids(book, grids, "fr")
    return book, done


def test_only_output_sheets_are_touched(written):
    book, done = written
    outputs = {s.name("fr") for s in get_schema().output_sheets}
    assert set(done) == outputs
    assert {entry[0] for entry in book.log} == outputs


def test_each_sheet_is_unprotected_written_and_protected_again(written):
    book, _ = written
    for name in ("Alertes", "Contrôles", "Impact", "Accueil"):
        mine = [e for e in book.log if e[0] == name]
        assert mine[0][1] == "unprotect" and mine[-1][1] == "protect"
        assert mine[-1][2] is (name in ("Alertes", "Contrôles"))  # staff may filter alerts and checks


def test_text_is_written_as_text_and_dates_as_dates(written):
    book, _ = written
    block = next(e[3] for e in book.log if e[0] == "Contrôles" and e[1] == "value")
    row = block[layout.CHECKS_HEADER + 1]
    assert row[5] == "'" + FINDING.value and row[0] == "'Erreur"
    assert dt.datetime(2023, 2, 28) in block[1]
    assert live.excel_value("=1+1") == "'=1+1" and live.excel_value(3) == 3 and live.excel_value(None) is None


def test_styles_are_applied_by_property_in_few_calls(written):
    book, _ = written
    formats = [e for e in book.log if e[0] == "Impact" and e[1] == "number_format"]
    assert ("Impact", "number_format", formats[0][2], "0%") in formats or any(f[3] == "0%" for f in formats)
    assert all(len(f[2]) <= live.MAX_ADDRESS for f in formats)


def test_runs_and_unions_stay_under_excels_address_limit():
    cells = [(r, c) for r in range(200) for c in (0, 1, 2, 5)]
    runs = live._runs(cells)
    assert runs[:2] == ["A1:C1", "F1"]
    chunks = live._unions(runs)
    assert all(len(c) <= live.MAX_ADDRESS for c in chunks)
    assert ",".join(chunks).split(",") == runs


REMOTE = """
import datetime as dt, json, os
import xlwings as xw
from ptxl import layout
from ptxl.model.dataset import Finding
from ptxl.schema import get_schema
from ptxl.write.live import write_grids
from ptxl.pipeline import from_stats
sheets = [{"name": s.name("fr"), "values": [["x"]], "pictures": [], "tables": []} for s in get_schema().sheets]
book = xw.Book(json={"client": "Office.js", "version": xw.__version__, "names": [], "sheets": sheets,
                     "book": {"name": "w.xlsx", "active_sheet_index": 0, "selection": "A1"}})
f = [Finding("error", "Familles", "D7", 7, "D", "status", "PT-1", "=HYPERLINK(1)", "m", "c")]
grids = layout.build_grids(from_stats({"reference_date": "2023-02-28"}, lang="fr", findings=f), dt.datetime(2023, 3, 1))
write_grids(book, grids, "fr")
print(json.dumps(book.json()["actions"], default=str))
"""


def test_real_xlwings_api_through_its_remote_engine():
    """xlwings' own engine (no Excel needed) checks that every call the writer makes exists."""
    pytest.importorskip("xlwings")
    env = {**__import__("os").environ, "XLWINGS_LICENSE_KEY": "noncommercial"}
    proc = subprocess.run([sys.executable, "-c", REMOTE], capture_output=True, text=True, env=env, timeout=120)
    if proc.returncode and "LicenseError" in proc.stderr:
        pytest.skip("xlwings remote engine unavailable")
    assert proc.returncode == 0, proc.stderr[-2000:]
    actions = json.loads(proc.stdout)
    sch = get_schema()
    positions = {a["sheet_position"] for a in actions}
    assert positions == {i for i, s in enumerate(sch.sheets) if s.kind == "output"}
    checks = next(a for a in actions if a["func"] == "setValues"
                  and a["sheet_position"] == [s.key for s in sch.sheets].index("checks"))
    assert checks["values"][layout.CHECKS_HEADER + 1][5] == "'=HYPERLINK(1)"
    assert any(a["func"] == "addHyperlink" for a in actions)
    assert any(a["func"] == "addConditionalFormat" for a in actions)  # the colour scale made again
