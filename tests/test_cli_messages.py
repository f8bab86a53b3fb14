"""The command line speaks the workbook's language, counts in words, and draws no bar on a pipe."""

from __future__ import annotations

import datetime as dt

import pytest

from ptxl.build.workbook import build_workbook
from ptxl.cli import main


@pytest.mark.parametrize("lang,line", [("fr", "plan.xlsx actualisé : 0 erreur, 0 avertissement"),
                                       ("nl", "plan.xlsx bijgewerkt: 0 fouten, 0 waarschuwingen"),
                                       ("en", "Refreshed plan.xlsx: 0 errors, 0 warnings")])
def test_refresh_summary_in_the_workbooks_language(tmp_path, capsys, lang, line):
    path = build_workbook(tmp_path / "plan.xlsx", lang, {}, {"reference_date": dt.date(2023, 2, 28)})
    assert main(["refresh", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(line) and "(s)" not in captured.out
    assert "\x1b" not in captured.err  # not a terminal: no progress bar drawn


def test_docs_say_how_many_families_were_left_out(tmp_path, capsys):
    rows = {"families": [
        {"case_id": "PT-001", "referral_date": dt.date(2022, 1, 5), "admission_date": dt.date(2022, 2, 1),
         "status": "active"},
        {"case_id": "PT-002", "referral_date": dt.date(2022, 2, 5), "status": "not_admitted"},
        {"case_id": "PT-003", "referral_date": dt.date(2022, 2, 6), "status": "screening"}]}
    path = build_workbook(tmp_path / "plan.xlsx", "fr", rows, {"reference_date": dt.date(2023, 2, 28)})
    out = tmp_path / "docs"
    main(["docs", str(path), "--out", str(out)])
    said = capsys.readouterr().out
    assert "4 documents Word écrits pour 1 dossier dans" in said
    assert "2 familles jamais admises : pas de documents (--all pour les écrire aussi)." in said
    assert sorted(p.name for p in out.iterdir()) == ["PT-001"]
    main(["docs", str(path), "--out", str(tmp_path / "all"), "--all"])
    assert "12 documents Word écrits pour 3 dossiers" in capsys.readouterr().out
