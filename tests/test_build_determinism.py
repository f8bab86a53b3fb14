"""The committed workbook is what the forms generate, and generating is deterministic."""

from __future__ import annotations

import datetime as dt
import zipfile

from ptxl.build.regenerate import COMMITTED, CREATED, differing_parts, main, xlsx_parts
from ptxl.build.workbook import build_workbook


def test_committed_workbook_is_up_to_date(tmp_path):
    assert COMMITTED.exists(), "workbook/plan_together.xlsx is missing: run python -m ptxl.build"
    fresh = build_workbook(tmp_path / "fresh.xlsx", "fr", created=CREATED)
    assert differing_parts(COMMITTED, fresh) == [], "run python -m ptxl.build and commit the workbook"
    assert fresh.read_bytes() == COMMITTED.read_bytes()


def test_two_builds_differ_only_in_their_creation_time(tmp_path):
    a = build_workbook(tmp_path / "a.xlsx", "nl", created=dt.datetime(2020, 1, 1))
    b = build_workbook(tmp_path / "b.xlsx", "nl", created=dt.datetime(2024, 6, 30, 12, 5))
    assert a.read_bytes() != b.read_bytes()
    assert differing_parts(a, b) == []
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        raw = [n for n in za.namelist() if za.read(n) != zb.read(n)]
    assert raw == ["docProps/core.xml"]


def test_normalisation_keeps_everything_else(tmp_path):
    path = build_workbook(tmp_path / "c.xlsx", "en")
    parts = xlsx_parts(path)
    assert b"<dcterms:created xsi:type=\"dcterms:W3CDTF\"></dcterms:created>" in parts["docProps/core.xml"]
    assert len(parts) > 30 and parts["xl/workbook.xml"].startswith(b"<?xml")


def test_check_command(tmp_path, capsys):
    assert main(["--check"]) == 0
    stale = build_workbook(tmp_path / "stale.xlsx", "en")  # another language: not what the forms give for fr
    assert main(["--check", "--out", str(stale)]) == 1
    assert "out of date" in capsys.readouterr().err
    out = tmp_path / "regen.xlsx"
    assert main(["--out", str(out)]) == 0 and out.read_bytes() == COMMITTED.read_bytes()
