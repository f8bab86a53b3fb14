"""The demo cohort: fictional, coherent in time, rich enough for every output, and language-independent."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from ptxl.alerts import URGENCY, compute_alerts
from ptxl.cli import app
from ptxl.model.dataset import Dataset
from ptxl.demo import DEMO_FILENAME, REFERENCE_DATE, demo_rows, write_demo_workbook
from ptxl.schema import get_schema
from ptxl.stats import compute_stats
from ptxl.validate import load_workbook

ROWS, SETTINGS = demo_rows()
FAM = {r["case_id"]: r for r in ROWS["families"]}
ADMITTED = {c for c, r in FAM.items() if r.get("admission_date")}


def test_marked_fictional():
    assert "fictives" in SETTINGS["organisation"] and SETTINGS["reference_date"] == REFERENCE_DATE
    assert len(FAM) == 24 and len(ADMITTED) == 14


def test_every_coded_value_is_a_code_of_its_scale_and_every_key_a_column():
    sch = get_schema()
    for key, rows in ROWS.items():
        sheet = sch.sheet(key)
        for r in rows:
            assert set(r) <= set(sheet.keys), (key, set(r) - set(sheet.keys))
            for c in sheet.columns:
                v = r.get(c.key)
                if c.scale is not None and v is not None:
                    assert v in c.scale.codes, (key, c.key, v)
                if c.type == "date" and v is not None:
                    assert isinstance(v, dt.date), (key, c.key, v)


def test_entries_fall_inside_the_time_each_family_was_followed():
    def window(cid):
        f = FAM[cid]
        return f["admission_date"], f.get("closure_date") or REFERENCE_DATE
    for sheet, date_key in (("contacts", "contact_date"), ("baseline", "assessment_date"),
                            ("summary", "review_date"), ("vulnerabilities", "assessed_date")):
        for r in ROWS[sheet]:
            start, end = window(r["case_id"])
            assert start <= r[date_key] <= end, (sheet, r["case_id"], r[date_key])


def test_follow_up_material_for_alerts_and_documents():
    ref = REFERENCE_DATE
    overdue = [a for a in ROWS["actions"] if a["action_status"] in ("planned", "in_progress") and a["due_date"] < ref]
    assert len(overdue) >= 2
    old_letters = [d for d in ROWS["documents"] if d["document_type"] == "support_letter"
                   and d["valid_until"] is None and d["issue_date"] < dt.date(2022, 8, 28)]
    assert len(old_letters) >= 2
    assert {r["case_id"] for r in ROWS["vulnerabilities"]} == ADMITTED
    baselines = [r for r in ROWS["baseline"] if r["assessment_type"] == "baseline"]
    assert {r["case_id"] for r in baselines} == ADMITTED - {"PT-021"}  # admitted 20/02, baseline planned 06/03
    assert all(r["assessment_date"] == FAM[r["case_id"]]["admission_date"] for r in baselines)
    assert max(sum(r["case_id"] == c for r in ROWS["baseline"]) for c in ADMITTED) >= 4
    assert all(r["a01_dropout_risk_why"] for r in ROWS["baseline"])
    assert {r["contact_type"] for r in ROWS["contacts"]} >= {"home_visit", "phone", "accompaniment_lawyer",
                                                             "accompaniment_embassy", "accompaniment_admin"}


def test_case_studies_exist_for_the_marked_families():
    marked = {c for c, r in FAM.items() if r.get("case_study") == "yes"}
    written = {r["case_id"]: r for r in ROWS["case_study"]}
    assert len(marked) >= 2 and set(written) == marked
    for row in written.values():
        assert all(row[k] for k, _label in get_schema().annex_c)


def test_two_admitted_families_have_no_review_yet():
    reviewed = {r["case_id"] for r in ROWS["summary"]}
    assert len(reviewed) == 12 and len(ADMITTED - reviewed) == 2
    assert all(FAM[c]["admission_date"] > dt.date(2023, 2, 1) for c in ADMITTED - reviewed)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_other_languages_give_the_same_statistics(tmp_path, lang):
    loaded = load_workbook(write_demo_workbook(tmp_path / f"demo_{lang}.xlsx", lang))
    assert loaded.errors == []
    assert compute_stats(loaded.dataset) == compute_stats(Dataset.from_rows(ROWS, SETTINGS))


def test_cli_demo_writes_the_workbook_and_never_overwrites(tmp_path):
    runner = CliRunner()
    out = tmp_path / "demo"
    first = runner.invoke(app, ["demo", str(out)])
    assert first.exit_code == 0, first.output
    target = out / DEMO_FILENAME
    assert target.exists() and str(target) in first.output
    before = target.read_bytes()
    again = runner.invoke(app, ["demo", str(out)])
    assert again.exit_code == 2 and target.read_bytes() == before


def test_every_alert_kind_fires_on_the_demo_at_its_reference_date(tmp_path):
    """The demo shows staff every kind of alert, read back from the workbook as they would type it."""
    loaded = load_workbook(write_demo_workbook(tmp_path / DEMO_FILENAME))
    alerts = compute_alerts(loaded.dataset)
    assert loaded.dataset.reference_date == REFERENCE_DATE
    assert set(URGENCY) - {a.kind for a in alerts} == set()
    assert {a.case_id for a in alerts} <= {c for c, r in FAM.items() if r["status"] == "active"}
    # the demo's own validation stays free of errors: the gaps behind the alerts are warnings at most
    assert loaded.errors == []
