"""The generated workbook through outside eyes: the Open XML SDK validator and LibreOffice.

Both tools are optional locally (the tests skip without them); ``.ci/run`` installs them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ptxl.build.workbook import build_workbook
from ptxl.cli import main
from ptxl.forms import home as H
from ptxl.schema import LANGS, get_schema

from tools import libreoffice_pdf, pdf_pages, pdf_text, run_ooxml_validator


@pytest.mark.parametrize("lang", LANGS)
def test_ptxl_new_passes_the_open_xml_validator(tmp_path, lang):
    path = tmp_path / f"new_{lang}.xlsx"
    assert main(["new", str(path), "--lang", lang]) == 0
    assert run_ooxml_validator(path) == []


def test_filled_workbook_passes_the_open_xml_validator(tmp_path):
    path = build_workbook(tmp_path / "filled.xlsx", "fr", {
        "families": [{"case_id": "PT-001", "family_name": "A & B <test>", "status": "active",
                      "referral_date": dt.date(2022, 1, 5), "arrival_date": 2010}],
        "members": [{"case_id": "PT-001", "member_id": "PT-001-1", "role": "parent",
                     "birth_date": dt.date(1985, 3, 1)}],
        "baseline": [{"case_id": "PT-001", "assessment_date": dt.date(2022, 2, 1), "assessment_type": "baseline",
                      "a01_dropout_risk_score": 4, "a01_dropout_risk_why": "=not a formula"}],
    }, {"reference_date": dt.date(2023, 2, 28)})
    assert run_ooxml_validator(path) == []


def test_libreoffice_prints_the_home_and_entry_sheets(tmp_path):
    path = build_workbook(tmp_path / "blank_fr.xlsx", "fr")
    (pdf,) = libreoffice_pdf([path], tmp_path / "pdf")
    first = pdf_text(pdf, 1, 1)
    assert H.TITLE["fr"] in first and H.ORDER_TITLE["fr"] in first
    for b in H.BUTTONS:
        assert b["label"]["fr"] in first
    # the home sheet fits one portrait page: every step and the last-refresh line are on page 1
    assert H.LAST_REFRESH["fr"] in first
    everything = pdf_text(pdf)
    sch = get_schema()
    for sheet in sch.entry_sheets:
        assert sheet.columns[1].header("fr").split()[0] in everything, sheet.key
    # landscape, scaled to a few pages wide: a blank workbook stays a short printout
    assert pdf_pages(pdf) <= 60
