"""``ptxl refresh`` end to end: the real pipeline, the file on disk, and what happens when things go wrong."""

from __future__ import annotations

import datetime as dt
import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ptxl.build.workbook import build_workbook
from ptxl.cli import main
from ptxl.refresh import refresh_workbook
from ptxl.schema import get_schema
from ptxl.write import safety, zipcopy
from ptxl.write.surgical import Package

FAMILY = {"case_id": "PT-001", "family_name": "Démo", "status": "active", "admission_date": dt.date(2022, 5, 1),
          "referral_date": dt.date(2022, 4, 1), "case_manager": "Tom", "nationality": "Irak"}


def output_parts(data: bytes, lang="fr") -> set:
    pkg = Package(data)
    return {pkg.sheets[s.name(lang)] for s in get_schema().output_sheets}


def raw(data: bytes) -> dict:
    return {e.name: e.raw for e in zipcopy.read_entries(data)[0]}


def sheet_rows(data: bytes, name: str) -> list:
    import python_calamine
    return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name(name).to_python()


def leftovers(folder: Path) -> list[str]:
    return [n for n in os.listdir(folder) if n.startswith(safety.TEMP_PREFIX)]


@pytest.fixture
def demo(tmp_path, demo_bytes) -> Path:
    p = tmp_path / "plan_together.xlsx"
    p.write_bytes(demo_bytes)
    return p


@pytest.fixture
def with_error(tmp_path) -> Path:
    p = tmp_path / "erreurs.xlsx"
    rows = {"families": [FAMILY],
            "summary": [{"case_id": "PT-001", "review_date": dt.date(2023, 1, 10), "engagement_capacity": "some",
                         "g1_more_information": "Peut-être"}]}
    return build_workbook(p, "fr", rows, {"reference_date": dt.date(2023, 2, 28)})


def test_refresh_writes_the_statistics_and_leaves_every_entry_part_as_it_was(demo):
    before = demo.read_bytes()
    result = refresh_workbook(demo, now=dt.datetime(2023, 3, 1, 10, 0))
    after = demo.read_bytes()
    assert result.exit_code == 0 and result.stats["impact"]["n"] == 12
    b, a = raw(before), raw(after)
    assert list(b) == list(a)
    assert {n for n in b if b[n] != a[n]} == output_parts(before)
    impact = sheet_rows(after, "Impact")
    q = next(q for q in get_schema().annex_b if q.key == "engagement_capacity").question["fr"]
    row = next(r for r in impact if r and r[0] == q)
    assert row[1:8] == [0, 1, 2, 6, 3, 0, 0.75]  # the seed's first table
    assert result.backup.read_bytes() == before


def test_entry_errors_never_block_the_refresh_and_exit_code_is_1(with_error, capsys):
    code = main(["refresh", str(with_error)])
    out = capsys.readouterr().out
    assert code == 1 and "1 erreur, " in out
    checks = sheet_rows(with_error.read_bytes(), "Contrôles")
    hit = next(r for r in checks if "Peut-être" in r)
    assert hit[0] == "Erreur" and hit[3] == "PT-001"
    impact = sheet_rows(with_error.read_bytes(), "Impact")
    assert impact[4][1] == 1  # the family is still counted, its unreadable answer left out
    assert any(isinstance(v, str) and "erreur dans les saisies" in v for v in impact[2])


def test_as_of_sets_the_reference_date_shown(demo):
    refresh_workbook(demo, as_of=dt.date(2022, 12, 31))
    rows = sheet_rows(demo.read_bytes(), "Cohorte")
    assert rows[1][1] == dt.date(2022, 12, 31)


def test_refreshing_twice_changes_only_the_refresh_time(demo):
    refresh_workbook(demo, now=dt.datetime(2023, 3, 1, 10, 0))
    first = raw(demo.read_bytes())
    refresh_workbook(demo, now=dt.datetime(2023, 3, 1, 10, 0))
    assert raw(demo.read_bytes()) == first


def test_lock_file_refuses_and_writes_nothing(demo, capsys):
    (demo.parent / f".~lock.{demo.name}#").write_text("LibreOffice")
    before = demo.read_bytes()
    assert main(["refresh", str(demo)]) == 2
    assert "close it" in capsys.readouterr().err
    assert demo.read_bytes() == before
    assert not (demo.parent / safety.BACKUP_DIR).exists() and leftovers(demo.parent) == []


KILLER = """
import os, signal, sys
from ptxl.write import atomic, safety
from ptxl.refresh import refresh_workbook
step, sig = sys.argv[2], getattr(signal, sys.argv[3])
safety._checkpoint = atomic._checkpoint = lambda name: os.kill(os.getpid(), sig) if name == step else None
refresh_workbook(sys.argv[1])
"""


def _run_killed(path: Path, step: str, sig: str) -> int:
    proc = subprocess.run([sys.executable, "-c", KILLER, str(path), step, sig], capture_output=True, timeout=120)
    return proc.returncode


@pytest.mark.parametrize("step", ["writing", "temp_written", "before_replace"])
def test_killed_mid_write_leaves_the_original_intact(demo, step):
    before = demo.read_bytes()
    assert _run_killed(demo, step, "SIGKILL") == -signal.SIGKILL
    assert demo.read_bytes() == before
    assert leftovers(demo.parent)  # SIGKILL cannot be caught: its temp file is left…
    refresh_workbook(demo)  # …and the next run removes it
    assert leftovers(demo.parent) == []


@pytest.mark.parametrize("step", ["writing", "temp_written"])
@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])
def test_interrupted_write_removes_its_own_temp_file(demo, sig, step):
    before = demo.read_bytes()
    code = _run_killed(demo, step, sig)
    assert code != 0
    assert demo.read_bytes() == before and leftovers(demo.parent) == []


def test_file_saved_meanwhile_aborts_and_keeps_the_other_save(demo, monkeypatch):
    def excel_saves(name):
        if name == "temp_written":
            demo.write_bytes(demo.read_bytes() + b"\0")
    monkeypatch.setattr(safety, "_checkpoint", excel_saves)
    expected = demo.read_bytes() + b"\0"
    assert main(["refresh", str(demo)]) == 2
    assert demo.read_bytes() == expected and leftovers(demo.parent) == []


@pytest.mark.skipif(sys.platform != "linux", reason="needs Linux mount namespaces")
def test_read_only_disk_gives_a_clear_message(demo, tmp_path):
    from tools import on_read_only_disk
    ro = tmp_path / "ro"
    proc = on_read_only_disk(ro, f"cp {demo} {ro}/w.xlsx", f"{sys.executable} -m ptxl refresh {ro}/w.xlsx")
    assert proc.returncode == 2
    assert "lecture seule" in proc.stderr and "read-only" in proc.stderr and "Traceback" not in proc.stderr


def test_refreshed_demo_opens_in_libreoffice_with_tables_and_charts(demo, tmp_path):
    from tools import libreoffice_pdf, pdf_text, run_ooxml_validator
    refresh_workbook(demo)
    assert run_ooxml_validator(demo) == []
    text = pdf_text(libreoffice_pdf([demo], tmp_path / "pdf")[0])
    for expected in ("Impact de la gestion de cas", "Groupe 2 – questions incitatives", "75%", "83%",
                     "Âge des adultes", "Séjour en Belgique", "Statut des familles", "Contacts par type",
                     "Risque d'abandon", "Contrôles des saisies"):
        assert expected in text, expected
