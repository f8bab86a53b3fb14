"""Alert rules: reviews and assessments, admission screening, legal deadlines; order and languages."""

from __future__ import annotations

import datetime as dt

import pytest

from ptxl.alerts import KINDS, LEVELS, URGENCY, alert_columns, compute_alerts, kind_label, level_label, link_text
from ptxl.alerts import messages as M
from ptxl.model.dataset import Dataset
from ptxl.schema import LANGS, get_schema

from test_alerts import REF, day, family, kinds, run


def eval_run(summary=(), baseline=(), admission=dt.date(2022, 11, 28), settings=None, as_of=None):
    rows = {"contacts": [{"case_id": "PT-001", "contact_date": day(-1), "contact_type": "home_visit"}],
            "summary": [{"case_id": "PT-001", "review_date": d} for d in summary],
            "baseline": [{"case_id": "PT-001", "assessment_date": d, "assessment_type": t} for d, t in baseline]}
    return run(rows, settings, families=[family(admission=admission)], with_quiet=False, as_of=as_of)


BASE = [(dt.date(2023, 1, 10), "baseline")]


# ---- annex B reviews -----------------------------------------------------------------------

def test_first_review_due_exactly_three_months_after_admission():
    [a] = kinds(eval_run(baseline=BASE), "review_due")  # admitted 28/11/2022
    assert (a.level, a.date, a.days, a.sheet_key, a.row) == ("due_soon", REF, 0, "summary", None)
    assert "annexe B" in a.message and "Fiche de synthèse" in a.message
    assert kinds(eval_run(baseline=BASE, admission=dt.date(2022, 12, 1)), "review_due") == []


def test_review_overdue_when_the_last_one_is_older_than_three_months():
    [a] = kinds(eval_run(summary=[dt.date(2022, 9, 1), dt.date(2022, 11, 15)], baseline=BASE,
                         admission=dt.date(2022, 8, 1)), "review_due")
    assert (a.level, a.date, a.days, a.row) == ("overdue", dt.date(2023, 2, 15), -13, 3)
    assert "15/11/2022" in a.message


def test_review_months_changed_in_settings():
    alerts = eval_run(summary=[dt.date(2022, 12, 20)], baseline=BASE, settings={"review_months": 2})
    assert [(a.kind, a.date) for a in alerts] == [("review_due", dt.date(2023, 2, 20))]
    assert eval_run(summary=[dt.date(2022, 12, 20)], baseline=BASE) == []


def test_review_dated_after_the_reference_date_does_not_count():
    [a] = kinds(eval_run(summary=[day(5)], baseline=BASE), "review_due")
    assert a.row is None


# ---- annex A baseline and follow-up assessments ----------------------------------------------

def test_baseline_missing_from_admission():
    [a] = kinds(eval_run(summary=[day(-3)]), "baseline_missing")
    assert (a.level, a.date, a.days, a.sheet_key, a.row) == ("missing", dt.date(2022, 11, 28), -92, "baseline", None)
    assert kinds(eval_run(summary=[day(-3)]), "assessment_due") == []


def test_follow_up_rows_alone_do_not_make_a_baseline():
    alerts = eval_run(summary=[day(-3)], baseline=[(day(-5), "follow_up")])
    assert [a.kind for a in alerts] == ["baseline_missing"]


def test_follow_up_assessment_due_three_months_after_the_last_one():
    [a] = eval_run(summary=[day(-3)], baseline=[(dt.date(2022, 11, 28), "baseline")])
    assert (a.kind, a.level, a.date, a.days, a.row) == ("assessment_due", "due_soon", REF, 0, 2)
    later = [(dt.date(2022, 11, 28), "baseline"), (dt.date(2023, 1, 5), "follow_up")]
    assert eval_run(summary=[day(-3)], baseline=later) == []


def test_as_of_overrides_the_reference_date():
    alerts = eval_run(summary=[day(-3)], baseline=[(dt.date(2022, 11, 28), "baseline")],
                      as_of=dt.date(2023, 4, 1))
    got = {a.kind: a.days for a in alerts}
    assert got["assessment_due"] == -32 and got["no_contact"] == -3 and "review_due" not in got


# ---- admission screening ---------------------------------------------------------------------

def test_screening_incomplete_names_the_criteria_not_yes():
    fam = family(crit_stable_housing="no", crit_willing_to_engage=None)
    [a] = kinds(run(families=[fam]), "screening_incomplete")
    headers = get_schema().sheet("families")
    assert (a.level, a.sheet_key, a.row, a.days) == ("missing", "families", 2, None)
    assert headers.column("crit_stable_housing").header("fr") in a.message
    assert headers.column("crit_willing_to_engage").header("fr") in a.message
    assert headers.column("crit_detention_risk").header("fr") not in a.message


def test_screening_complete_gives_nothing():
    assert kinds(run(), "screening_incomplete") == []


# ---- legal deadlines ------------------------------------------------------------------------

def chrono(*events):
    return {"chronology": [{"case_id": "PT-001", "event_date": d, "event_code": c, "deadline": dl,
                            "description": "Avocat: Me Exemple"} for d, c, dl in events]}


def test_deadline_today():
    [a] = run(chrono((day(-25), "OQT", day(0))))
    assert (a.kind, a.level, a.days, a.urgency, a.sheet_key, a.row) == ("deadline_soon", "due_soon", 0, 0,
                                                                        "chronology", 2)
    assert "Ordre de quitter le territoire" in a.message and "aujourd'hui" in a.message
    assert "Exemple" not in a.message


@pytest.mark.parametrize("offset, expected", [(14, 1), (15, 0)])
def test_deadline_exactly_at_the_threshold(offset, expected):
    assert len(run(chrono((day(-5), "CGRS_DECISION", day(offset))))) == expected


def test_deadline_threshold_changed_in_settings():
    assert len(run(chrono((day(-5), "CGRS_DECISION", day(20))), {"alert_deadline_days": 21})) == 1


def test_deadline_passed_with_nothing_recorded_after():
    [a] = run(chrono((day(-40), "OQT", day(-10))))
    assert (a.kind, a.level, a.days, a.urgency) == ("deadline_passed", "overdue", -10, 0)
    assert "il y a 10 jours" in a.message


def test_deadline_passed_then_a_later_event_is_settled():
    assert run(chrono((day(-40), "CGRS_DECISION", day(-10)), (day(-15), "CALL_APPEAL", None))) == []
    # an event recorded after the reference date had not happened yet
    [a] = run(chrono((day(-40), "CGRS_DECISION", day(-10)), (day(3), "CALL_APPEAL", None)))
    assert a.kind == "deadline_passed"


def test_upcoming_deadline_alerts_even_when_something_happened_since():
    alerts = run(chrono((day(-20), "OQT", day(10)), (day(-10), "LAWYER", None)))
    assert [a.kind for a in alerts] == ["deadline_soon"]


# ---- order, languages, sheet headers ---------------------------------------------------------

def test_sorted_by_urgency_then_date():
    fam2 = family("PT-002", manager="Bram")
    rows = {"chronology": [{"case_id": "PT-002", "event_date": day(-3), "event_code": "OQT", "deadline": day(9)},
                           {"case_id": "PT-001", "event_date": day(-3), "event_code": "OQT", "deadline": day(2)}],
            "documents": [{"case_id": "PT-002", "document_type": "passport", "valid_until": day(-4)}],
            "actions": [{"case_id": "PT-001", "action": "x", "due_date": day(-9), "action_status": "planned"}]}
    alerts = run(rows, families=[family(), fam2])
    assert [(a.urgency, a.case_id, a.kind) for a in alerts] == [
        (0, "PT-001", "deadline_soon"), (0, "PT-002", "deadline_soon"),
        (1, "PT-001", "action_overdue"), (1, "PT-002", "document_expired"), (4, "PT-001", "action_no_owner")]
    assert [a.case_manager for a in alerts[:2]] == ["Anne", "Bram"]
    assert alerts == sorted(alerts, key=lambda a: (a.urgency, a.date or dt.date.max))


@pytest.mark.parametrize("lang, words", [("nl", ("Paspoort", "2 dagen geleden", "26/02/2023")),
                                         ("en", ("Passport", "2 days ago", "validity ended"))])
def test_messages_in_the_dataset_language(lang, words):
    [a] = run({"documents": [{"case_id": "PT-001", "document_type": "passport", "valid_until": day(-2)}]},
              lang=lang)
    for word in words:
        assert word in a.message
    assert "Passeport" not in a.message


def test_every_kind_and_level_has_its_words_in_every_language():
    assert set(M.KINDS) == set(KINDS) == set(URGENCY)
    for lang in LANGS:
        assert len({kind_label(k, lang) for k in KINDS}) == len(KINDS)
        assert len({level_label(lv, lang) for lv in LEVELS}) == len(LEVELS)
        for key, texts in M.TEMPLATES.items():
            assert set(texts) == set(LANGS), key


def test_alert_columns_use_the_forms_headers():
    fam = get_schema().sheet("families")
    for lang in LANGS:
        cols = dict(alert_columns(lang))
        assert cols["case_id"] == fam.column("case_id").header(lang)
        assert cols["case_manager"] == fam.column("case_manager").header(lang)
        assert list(cols) == ["level", "case_id", "case_manager", "kind", "message", "date", "days", "link"]
    assert link_text("documents", 7, "fr") == "Documents, ligne 7"
    assert link_text("baseline", None, "nl") == get_schema().sheet("baseline").name("nl")


def test_alert_to_json_is_plain():
    [a] = run({"documents": [{"case_id": "PT-001", "document_type": "passport", "valid_until": day(-2)}]})
    assert a.to_json()["date"] == "2023-02-26" and a.to_json()["days"] == -2


def test_dataset_reference_date_is_used_without_as_of():
    rows = {"families": [family()], "documents": [{"case_id": "PT-001", "document_type": "passport",
                                                   "valid_until": day(20)}]}
    ds = Dataset.from_rows(rows, {"reference_date": REF})
    assert compute_alerts(ds) == compute_alerts(ds, REF)
    assert [a.days for a in compute_alerts(ds) if a.kind == "document_expiring"] == [20]
    assert [a.days for a in compute_alerts(ds, day(10)) if a.kind == "document_expiring"] == [10]
