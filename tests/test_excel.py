"""The Excel entry points on a real ``xlwings.Book`` without Excel: xlwings' remote engine.

The remote engine builds a Book from a JSON picture of a workbook (the one the
Office.js client sends) and records every change as an action instead of
applying it. So the tests run ``ptxl.excel.refresh(book)`` as a button click
would, then read the actions: which sheets were written, with which values,
which sheet was brought forward, what the message box said.

The workbook pictured is the demo workbook (or a small one built in the test),
read with python-calamine the way the client would send it.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")  # tests only: the remote engine is licence-gated
xw = pytest.importorskip("xlwings")
if "remote" not in [e.name for e in xw.engines]:  # xlwings was imported before the key was set
    pytest.skip("xlwings' remote engine is not available (set XLWINGS_LICENSE_KEY=noncommercial before "
                "xlwings is imported)", allow_module_level=True)

import ptxl.excel as excel  # noqa: E402
from ptxl.build.workbook import build_workbook  # noqa: E402
from ptxl.schema import get_schema  # noqa: E402

OUTPUT_KEYS = {s.key for s in get_schema().output_sheets}


# ------------------------------------------------------------------ a Book from a workbook file
def _jsonable(v):
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(v, dt.date):
        return v.strftime("%Y-%m-%dT00:00:00.000Z")
    if isinstance(v, dt.time):
        return v.isoformat()
    return v


def book_json(path: Path, selection: str = "A1", active: int = 0) -> dict:
    """The JSON the Office.js client would send for the workbook at ``path``."""
    from python_calamine import CalamineWorkbook
    wb = CalamineWorkbook.from_path(str(path))
    sheets = []
    for name in wb.sheet_names:
        grid = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
        sheets.append({"name": name, "values": [[_jsonable(v) for v in row] for row in grid] or [[""]],
                       "pictures": [], "tables": []})
    return {"client": "Office.js", "version": xw.__version__,
            "book": {"name": str(path), "active_sheet_index": active, "selection": selection},
            "names": [], "sheets": sheets}


def remote_book(path: Path, **kw):
    return xw.Book(json=book_json(path, **kw))


def actions(book) -> list[dict]:
    return book.json()["actions"]


def written_sheets(book) -> set[str]:
    names = [s.name for s in book.sheets]
    return {names[a["sheet_position"]] for a in actions(book) if a["sheet_position"] is not None}


def alerts(book) -> list[dict]:
    return [{"text": a["args"][0], "mode": a["args"][3]} for a in actions(book) if a["func"] == "alert"]


def cells(book, sheet_name: str) -> dict:
    """(row, col) 0-based → value, of every setValues action on one sheet, applied in order.

    Text is sent with a leading apostrophe (Excel's "store as text" mark, not part of the value).
    """
    pos = [s.name for s in book.sheets].index(sheet_name)
    out = {}
    for a in actions(book):
        if a["func"] == "setValues" and a["sheet_position"] == pos:
            for i, row in enumerate(a["values"]):
                for j, v in enumerate(row):
                    out[(a["start_row"] + i, a["start_column"] + j)] = v[1:] if isinstance(v, str) and \
                        v.startswith("'") else v
    return out


def output_names(lang: str = "fr") -> set[str]:
    return {s.name(lang) for s in get_schema().output_sheets}


# ------------------------------------------------------------------ the writer
def _fake_write_grids(book, grids, lang):
    """Stands in for ptxl.write.live where it is missing: one value per cell, through xlwings."""
    for key, grid in grids.items():
        sheet = book.sheets[get_schema().sheet(key).name(lang)]
        for (r, c), cell in sorted(grid.cells.items()):
            sheet.range((r + 1, c + 1)).value = cell.value


@pytest.fixture
def writer(monkeypatch):
    """'live' when ptxl.write.live exists (the real writer), else 'fake' (this file's stand-in)."""
    try:
        import ptxl.write.live  # noqa: F401
        return "live"
    except ImportError:
        monkeypatch.setitem(sys.modules, "ptxl.write.live", types.SimpleNamespace(write_grids=_fake_write_grids))
        return "fake"


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    from ptxl.demo import write_demo_workbook
    return write_demo_workbook(tmp_path_factory.mktemp("demo") / "demo.xlsx")


@pytest.fixture(scope="module")
def with_errors(tmp_path_factory) -> Path:
    """Two families, one with an out-of-range score and a missing name: errors."""
    rows = {"families": [{"case_id": "PT-001", "family_name": "Famille A", "referral_date": dt.date(2022, 1, 5)},
                         {"case_id": "PT-002", "referral_date": dt.date(2022, 2, 5)}],
            "baseline": [{"case_id": "PT-001", "assessment_date": dt.date(2022, 3, 1),
                          "a01_dropout_risk_score": 14}]}
    return build_workbook(tmp_path_factory.mktemp("err") / "erreurs.xlsx", "fr", rows,
                          {"reference_date": dt.date(2023, 2, 28)})


# ------------------------------------------------------------------ reading what is on screen
def test_reading_the_open_book_gives_what_the_command_line_reads(demo):
    import pandas as pd

    from ptxl.excel.read import read_book
    from ptxl.validate import load_raw
    from ptxl.validate import load_workbook
    live = load_raw(read_book(remote_book(demo)))
    disk = load_workbook(demo)
    assert [f.to_json() for f in live.findings] == [f.to_json() for f in disk.findings]
    assert live.lang == disk.lang == "fr"
    assert set(live.dataset.tables) == set(disk.dataset.tables)
    for key, frame in disk.dataset.tables.items():
        pd.testing.assert_frame_equal(live.dataset.tables[key], frame, check_like=False)
    assert live.dataset.settings == disk.dataset.settings


# ------------------------------------------------------------------ the three buttons
def test_refresh_writes_only_output_sheets_with_the_command_lines_values(demo, writer):
    from ptxl.layout import build_grids
    from ptxl.pipeline import compute, load
    book = remote_book(demo)
    excel.refresh(book)
    assert written_sheets(book) <= output_names("fr")
    assert {"Impact", "Cohorte", "Contrôles"} <= written_sheets(book)
    grids = build_grids(compute(load(demo.read_bytes())), dt.datetime(2023, 3, 1, 9, 0))
    assert {get_schema().sheet(k).name("fr") for k in grids} == written_sheets(book)
    for key, grid in grids.items():  # every cell the command line would write, the button wrote the same
        got = cells(book, get_schema().sheet(key).name("fr"))
        wrong = [(pos, got.get(pos), c.value) for pos, c in grid.cells.items()
                 if not isinstance(c.value, dt.datetime) and not _same(got.get(pos), c.value)]
        assert grid.cells and not wrong, (key, wrong[:5])
    msg = alerts(book)
    assert len(msg) == 1 and msg[0]["text"].startswith("Statistiques actualisées.") and msg[0]["mode"] == "info"


def _same(got, want) -> bool:
    if isinstance(want, (dt.date, dt.datetime)):
        return isinstance(got, str) and got.startswith(want.isoformat()[:10])
    if want is None:
        return got in (None, "")
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return abs(got - want) < 1e-9
    return got == want


def test_validate_writes_the_checks_sheet_only_and_brings_it_forward(with_errors, writer):
    from ptxl.excel.read import read_book
    from ptxl.validate import load_raw
    expected = load_raw(read_book(remote_book(with_errors)))
    book = remote_book(with_errors)  # made last: the remote app sends its message boxes to its newest book
    baseline, families = (get_schema().sheet(k).name("fr") for k in ("baseline", "families"))
    errors = {(f.sheet, f.key, f.row, f.code) for f in expected.errors}
    assert {(baseline, "a01_dropout_risk_score", 2, "score.range"),  # the out-of-range score (14)
            (families, "family_name", 3, "required.missing")} <= errors  # PT-002's missing name
    excel.validate(book)
    assert written_sheets(book) == {"Contrôles"}
    shown = {v for v in cells(book, "Contrôles").values() if isinstance(v, str)}
    for f in expected.findings:
        assert f.message in shown and f.cell in " ".join(shown)
    activated = [a for a in actions(book) if a["func"] == "activateSheet"]
    assert activated and [s.name for s in book.sheets][activated[-1]["args"][0]] == "Contrôles"
    (msg,) = alerts(book)
    assert f"{len(expected.errors)} erreurs," in msg["text"] and "« Contrôles »" in msg["text"]


def test_validate_on_a_clean_workbook_says_so(tmp_path, writer):
    path = build_workbook(tmp_path / "vide.xlsx", "en", {}, {"reference_date": dt.date(2023, 2, 28)})
    book = remote_book(path)
    excel.validate(book)
    assert written_sheets(book) <= {"Checks"}
    assert not [a for a in actions(book) if a["func"] == "activateSheet"]
    (msg,) = alerts(book)
    assert msg["text"].startswith("No errors") and msg["mode"] == "info"


def test_a_workbook_that_is_not_plan_together_gets_a_plain_message(tmp_path, writer):
    import xlsxwriter
    path = tmp_path / "autre.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("Budget").write(0, 0, "Montant")
    wb.close()
    book = remote_book(path)
    excel.refresh(book)
    assert written_sheets(book) == set()
    (msg,) = alerts(book)
    assert msg["mode"] == "critical" and "n'est pas un classeur Plan Together" in msg["text"]
    assert "Traceback" not in msg["text"]


def test_an_unforeseen_failure_is_a_message_without_data_and_a_log_without_data(demo, writer, monkeypatch,
                                                                                tmp_path):
    import tempfile

    import ptxl.excel.read
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    def boom(book):
        raise ValueError("could not read 'Ahmed Benali'")
    monkeypatch.setattr(ptxl.excel.read, "read_book", boom)
    book = remote_book(demo)
    excel.refresh(book)
    (msg,) = alerts(book)
    assert msg["mode"] == "critical" and "(ValueError)" in msg["text"] and "Ahmed" not in msg["text"]
    log = (tmp_path / "ptxl-excel.log").read_text()
    assert "ValueError" in log and "boom" in log and "Ahmed" not in log
    assert written_sheets(book) == set()


def test_generate_documents_for_the_selected_family(demo, tmp_path, writer):
    import shutil
    target = tmp_path / "classeur.xlsx"
    shutil.copyfile(demo, target)
    families = get_schema().sheet("families").name("fr")
    names = [n for n in (book_json(target)["sheets"])]
    index = [s["name"] for s in names].index(families)
    grid = names[index]["values"]
    case_id = grid[2][0]  # row 3 of the families sheet
    book = remote_book(target, selection="B3", active=index)
    excel.generate_documents(book)
    folder = tmp_path / "Documents Plan Together"
    made = sorted(p.relative_to(folder) for p in folder.rglob("*.docx"))
    assert made and {p.parts[0] for p in made} == {case_id}
    (msg,) = alerts(book)
    assert msg["text"].startswith(f"Dossier {case_id} : {len(made)} documents écrits")
    assert written_sheets(book) == set()  # documents never write into the workbook


def test_generate_documents_for_every_admitted_family_when_no_family_row_is_selected(with_errors, tmp_path,
                                                                                     writer):
    """Like ``ptxl docs``: no nearly empty documents for the families never admitted (both, here)."""
    import shutil
    target = tmp_path / "deux.xlsx"
    shutil.copyfile(with_errors, target)
    book = remote_book(target, selection="B5", active=0)  # the home sheet
    excel.generate_documents(book)
    folder = tmp_path / "Documents Plan Together"
    assert not folder.exists() or not any(folder.iterdir())
    (msg,) = alerts(book)
    assert "0 document écrit" in msg["text"] and "2 familles jamais admises : pas de documents." in msg["text"]
    assert "« Vérifier les saisies »" in msg["text"]  # the workbook has errors: say where to see them


def test_generate_documents_needs_a_saved_workbook(demo, writer):
    data = book_json(demo)
    data["book"]["name"] = "Classeur1"  # a new, never-saved workbook
    book = xw.Book(json=data)
    excel.generate_documents(book)
    (msg,) = alerts(book)
    assert msg["mode"] == "critical" and "Enregistrez d'abord le classeur" in msg["text"]


def test_without_excel_the_entry_point_prints_one_plain_line(tmp_path):
    """The command line RunPython builds on Windows; with no Excel to answer, Book.caller() fails.

    xlwings shows stderr in a message box when Python exits with an error: it must be a sentence.
    """
    command = ('import xlwings.utils;xlwings.utils.prepare_sys_path("false;C:\\\\data\\\\plan.xlsx;'
               'C:\\\\XLSTART\\\\ptxl.xlam;;;;"); import ptxl.excel; ptxl.excel.refresh()')
    proc = subprocess.run([sys.executable, "-B", "-c", command, "--wb=plan.xlsx", "--from_xl=1",
                           "--app=C:\\Excel\\EXCEL.EXE", "--hwnd=1234"],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          env={**os.environ, "XLWINGS_LICENSE_KEY": ""})
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "Excel" in proc.stderr and len(proc.stderr.splitlines()) == 1


def test_importing_the_entry_points_costs_nothing_heavy():
    """A click pays for what it imports: ptxl.excel alone must not pull pandas, xlwings or docx."""
    code = "import sys, ptxl.excel; print(sorted(m for m in ('pandas', 'xlwings', 'docx', 'docxtpl', 'openpyxl', " \
           "'matplotlib', 'lxml') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "[]"
