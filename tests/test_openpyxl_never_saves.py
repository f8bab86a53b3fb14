"""openpyxl never saves a staff workbook (DESIGN.md, rules of the house).

A load + save through openpyxl drops comments, shapes, buttons, slicers and
extension lists and rewrites numbers, so every command runs here with openpyxl's
save made to fail: any code path that reaches it fails this test.
"""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from ptxl.cli import main
from ptxl.demo import write_demo_workbook


@pytest.fixture
def no_openpyxl_save(monkeypatch):
    calls = []

    def refuse(self, *args, **kwargs):
        calls.append(args)
        raise AssertionError("openpyxl must never save a workbook")

    monkeypatch.setattr(Workbook, "save", refuse)
    monkeypatch.setattr(openpyxl, "save_workbook", refuse, raising=False)
    monkeypatch.setattr("openpyxl.writer.excel.save_workbook", refuse)
    return calls


def test_no_command_saves_through_openpyxl(tmp_path, no_openpyxl_save, monkeypatch):
    monkeypatch.setenv("PTXL_EXPORT_KEY", "test-key-not-secret")
    book = write_demo_workbook(tmp_path / "demo.xlsx")
    for argv in (["validate", str(book)], ["stats", str(book), "--json"], ["refresh", str(book)],
                 ["docs", str(book), "--out", str(tmp_path / "docs"), "--case", "PT-001"],
                 ["report", str(book), "--out", str(tmp_path / "r.docx")],
                 ["export", str(book), "--anonymised", "--out", str(tmp_path / "export")]):
        assert main(argv) in (0, 1), argv
    assert no_openpyxl_save == []
