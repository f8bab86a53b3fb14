"""Context builders and their helpers, as pure functions (no template, no file)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from markupsafe import escape

from docs_fixtures import MULTILINE, NASTY, REF, cohort
from ptxl.docs.context import build_context
from ptxl.stats.casefiles import by_date, case_files, records
from ptxl.domain import latest_row, months_between
from ptxl.docs.markup import BREAK, Lines, text
from ptxl.schema import get_schema

D = dt.date


def test_months_between_counts_whole_months_then_days():
    assert months_between(D(2022, 2, 1), D(2023, 2, 28)) == (12, 27)
    assert months_between(D(2023, 1, 31), D(2023, 2, 28)) == (0, 28)
    assert months_between(D(2023, 1, 31), D(2023, 3, 31)) == (2, 0)
    assert months_between(D(2020, 2, 29), D(2021, 2, 28)) == (11, 30)


def test_latest_row_and_date_order():
    rows = [{"d": D(2023, 1, 1), "n": 1}, {"d": D(2023, 3, 1), "n": 2}, {"d": None, "n": 3},
            {"d": D(2023, 1, 1), "n": 4}]
    assert latest_row(rows, "d", D(2023, 2, 1))["n"] == 4  # same date: the later entry wins
    assert latest_row(rows[2:3], "d", D(2023, 2, 1)) is None  # an undated row is left out, as in the statistics
    assert latest_row([], "d", D(2023, 2, 1)) is None
    assert [r["n"] for r in by_date(rows, "d")] == [1, 4, 2, 3]


def test_records_turn_missing_values_of_any_kind_into_none():
    df = pd.DataFrame({"t": pd.Series(["a", None, float("nan"), "  ", "x\r\ny\x07"], dtype="object"),
                       "i": pd.Series([1, None, 3, None, 5], dtype="Int64"),
                       "d": pd.to_datetime(pd.Series(["2023-01-02", None, None, None, None]))})
    out = records(df)
    assert [r["t"] for r in out] == ["a", None, None, None, "x\ny"]
    assert [r["i"] for r in out] == [1, None, 3, None, 5] and isinstance(out[0]["i"], int)
    assert out[0]["d"] == D(2023, 1, 2) and out[1]["d"] is None


def test_lines_escape_then_break():
    assert text(None) == "" and text("plain") == "plain" and isinstance(text("a\nb"), Lines)
    assert Lines("a & <b>\nc").__html__() == f"a &amp; &lt;b&gt;{BREAK}c"
    assert str(escape(Lines(NASTY))) == str(escape(NASTY))  # one line: exactly Jinja's own escaping


def test_every_context_value_is_printable_text():
    ix = case_files(cohort())
    for doc in ("fiche_de_base", "fiche_de_synthese", "modele_de_cas", "dossier_famille"):
        ctx = build_context(doc, ix, "PT-001")

        def walk(v, where):
            if isinstance(v, dict):
                for k, x in v.items():
                    walk(x, f"{where}.{k}")
            elif isinstance(v, list):
                for i, x in enumerate(v):
                    walk(x, f"{where}[{i}]")
            else:
                assert isinstance(v, (str, Lines, bool)), (where, v)
        walk(ctx, doc)


def test_case_file_context_reads_the_reference_date_consistently():
    ctx = build_context("dossier_famille", case_files(cohort()), "PT-001")
    assert ctx["reference_date"] == REF.strftime("%d/%m/%Y")
    assert ctx["review_date"] == "10/02/2023"  # the review of 10/03/2023 is after the reference date
    assert [a["date"] for a in ctx["assessments"]] == ["03/02/2022", "01/08/2022", "15/01/2023"]
    assert ctx["F"]["arrival_date"] == "03/05/2010" and ctx["F"]["legal_stay_years"] == "2,5"
    assert ctx["F"]["family_ties"] == Lines(MULTILINE)
    assert [c["date"] for c in ctx["contacts"]] == ["10/02/2022", "01/03/2022", "01/04/2022"]
    assert [b["type"] for b in ctx["contacts_by_type"]] == ["Visite à domicile", "Appel téléphonique"]
    en = build_context("dossier_famille", case_files(cohort("en")), "PT-001")
    assert en["F"]["legal_stay_years"] == "2.5" and en["F"]["status"] == get_schema().scales["status"].label(
        "active", "en")


def test_case_file_and_alerts_agree_on_a_document_without_a_valid_until():
    """A medical certificate has a 3-month default (settings): the case file says expired, as the alerts do."""
    from ptxl.alerts import compute_alerts
    from ptxl.model.dataset import Dataset
    ds = Dataset.from_rows({
        "families": [{"case_id": "PT-001", "family_name": "A (fictive)", "status": "active",
                      "admission_date": dt.date(2022, 1, 1), "referral_date": dt.date(2021, 12, 1)}],
        "documents": [{"case_id": "PT-001", "document_type": "medical_certificate",
                       "issue_date": dt.date(2022, 10, 1)}],
    }, {"reference_date": dt.date(2023, 2, 28)})
    doc = build_context("dossier_famille", case_files(ds), "PT-001")["documents"][0]
    assert doc["valid_until"].startswith("01/01/2023")
    assert doc["validity"] == "Expiré"
    kinds = {a.kind for a in compute_alerts(ds) if a.sheet_key == "documents"}
    assert kinds == {"document_expired"}
