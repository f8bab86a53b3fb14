"""Alert rules on small hand-built cases: documents, action plan, contacts (boundaries included)."""

from __future__ import annotations

import datetime as dt

import pytest

from ptxl.alerts import Alert, compute_alerts
from ptxl.model.dataset import Dataset
from ptxl.schema import get_schema

REF = dt.date(2023, 2, 28)
ALL_YES = {k: "yes" for k in get_schema().criteria}


def day(offset: int) -> dt.date:
    return REF + dt.timedelta(days=offset)


def family(case_id="PT-001", status="active", admission=dt.date(2023, 2, 1), manager="Anne", **extra):
    return {"case_id": case_id, "family_name": "Fictive", "referral_date": dt.date(2023, 1, 15),
            "status": status, "admission_date": admission, "case_manager": manager, **ALL_YES, **extra}


def quiet(case_id="PT-001"):
    """Entries that keep a family free of contact and evaluation alerts at REF."""
    return {
        "contacts": [{"case_id": case_id, "contact_date": day(-1), "contact_type": "home_visit"}],
        "baseline": [{"case_id": case_id, "assessment_date": day(-20), "assessment_type": "baseline"}],
        "summary": [{"case_id": case_id, "review_date": day(-10)}],
    }


def run(rows=None, settings=None, lang="fr", families=None, as_of=None, with_quiet=True) -> list[Alert]:
    data = {"families": families or [family()]}
    if with_quiet:
        for fam in data["families"]:
            for key, entries in quiet(fam["case_id"]).items():
                data.setdefault(key, []).extend(entries)
    for key, entries in (rows or {}).items():
        data.setdefault(key, []).extend(entries)
    full = {"reference_date": REF, **(settings or {})}
    return compute_alerts(Dataset.from_rows(data, full, lang), as_of)


def kinds(alerts, *wanted):
    return [a for a in alerts if a.kind in wanted]


def test_quiet_family_has_no_alert():
    assert run() == []


# ---- documents -----------------------------------------------------------------------------

def doc(valid_until=None, issue=None, type_="passport", **extra):
    return {"documents": [{"case_id": "PT-001", "document_type": type_, "issue_date": issue,
                           "valid_until": valid_until, **extra}]}


def test_document_expired_yesterday_is_overdue_by_one_day():
    [a] = run(doc(day(-1)))
    assert (a.kind, a.level, a.days, a.date, a.urgency) == ("document_expired", "overdue", -1, day(-1), 1)
    assert (a.case_id, a.case_manager, a.sheet_key, a.row) == ("PT-001", "Anne", "documents", 2)
    assert "Passeport" in a.message and "28/02/2023" not in a.message and "27/02/2023" in a.message


def test_document_valid_until_today_is_due_today_not_expired():
    [a] = run(doc(day(0)))
    assert (a.kind, a.level, a.days) == ("document_expiring", "due_soon", 0)
    assert "aujourd'hui" in a.message


@pytest.mark.parametrize("offset, expected", [(30, 1), (31, 0)])
def test_document_expiring_exactly_at_the_threshold(offset, expected):
    assert len(kinds(run(doc(day(offset))), "document_expiring")) == expected


def test_document_threshold_changed_in_settings():
    assert run(doc(day(45))) == []
    [a] = run(doc(day(45)), {"alert_document_days": 60})
    assert a.days == 45


def test_support_letter_without_end_date_is_valid_six_months_from_issue():
    [a] = run(doc(issue=dt.date(2022, 8, 28), type_="support_letter"))
    assert (a.kind, a.date, a.days) == ("document_expiring", REF, 0)
    assert "6 mois" in a.message and "28/08/2022" in a.message
    [b] = run(doc(issue=dt.date(2022, 8, 27), type_="support_letter"))
    assert (b.kind, b.date, b.days) == ("document_expired", day(-1), -1)


def test_support_letter_validity_changed_in_settings():
    issued = dt.date(2022, 11, 20)
    assert kinds(run(doc(issue=issued, type_="support_letter")), "document_expired") == []
    [a] = run(doc(issue=issued, type_="support_letter"), {"support_letter_months": 3})
    assert (a.kind, a.date) == ("document_expired", dt.date(2023, 2, 20))


def test_explicit_end_date_wins_over_the_default_validity():
    assert run(doc(day(200), issue=dt.date(2022, 1, 1), type_="support_letter")) == []


def test_per_type_validity_setting():
    rows = doc(issue=dt.date(2022, 11, 25), type_="medical_certificate")
    [a] = run(rows)  # 3 months by default
    assert (a.kind, a.date) == ("document_expired", dt.date(2023, 2, 25))
    assert run(rows, {"medical_certificate_months": 0}) == []  # 0 = no default validity
    [b] = run(doc(issue=dt.date(2022, 3, 10), type_="school_certificate"), {"school_certificate_months": 12})
    assert b.date == dt.date(2023, 3, 10) and b.kind == "document_expiring"


def test_document_without_any_end_date_never_alerts():
    assert run(doc(issue=dt.date(2000, 1, 1), type_="passport")) == []


def test_renewed_document_silences_the_old_one():
    rows = {"documents": [
        {"case_id": "PT-001", "document_type": "support_letter", "issue_date": dt.date(2022, 6, 1)},
        {"case_id": "PT-001", "document_type": "support_letter", "issue_date": dt.date(2023, 1, 10)},
    ]}
    assert run(rows) == []


def test_different_papers_of_the_same_type_do_not_replace_each_other():
    rows = {"documents": [
        {"case_id": "PT-001", "document_type": "passport", "description": "Parent 1", "valid_until": day(-5)},
        {"case_id": "PT-001", "document_type": "passport", "description": "Parent 2", "valid_until": day(900)},
    ]}
    [a] = run(rows)
    assert (a.kind, a.row) == ("document_expired", 2)


def test_message_never_quotes_free_text():
    [a] = run(doc(day(3), description="Passeport de Amina Exemple"))
    assert "Amina" not in a.message


def test_document_issued_after_the_reference_date_is_ignored():
    assert run(doc(issue=day(2), type_="support_letter", valid_until=day(5))) == []


# ---- action plan ----------------------------------------------------------------------------

def action(due=None, status="planned", owner="Anne", **extra):
    return {"actions": [{"case_id": "PT-001", "action": "Rendez-vous avec M. Exemple", "owner": owner,
                         "due_date": due, "action_status": status, **extra}]}


def test_action_due_today():
    [a] = run(action(day(0)))
    assert (a.kind, a.level, a.days, a.sheet_key, a.row) == ("action_due", "due_soon", 0, "actions", 2)
    assert "Exemple" not in a.message


def test_action_due_yesterday_is_overdue():
    [a] = run(action(day(-1), status="in_progress"))
    assert (a.kind, a.level, a.days) == ("action_overdue", "overdue", -1)
    assert "1 jour" in a.message and "1 jours" not in a.message


@pytest.mark.parametrize("offset, expected", [(7, 1), (8, 0)])
def test_action_due_exactly_at_the_threshold(offset, expected):
    assert len(run(action(day(offset)))) == expected


def test_action_threshold_changed_in_settings():
    assert run(action(day(10))) == []
    assert [a.kind for a in run(action(day(10)), {"alert_action_days": 10})] == ["action_due"]


@pytest.mark.parametrize("status, done", [("done", None), ("cancelled", None), ("in_progress", day(-3))])
def test_closed_actions_never_alert(status, done):
    assert run(action(day(-30), status=status, owner=None, done_date=done)) == []


@pytest.mark.parametrize("owner", [None, "  "])
def test_action_without_owner(owner):
    [a] = run(action(None, owner=owner))
    assert (a.kind, a.level, a.date, a.days, a.urgency) == ("action_no_owner", "missing", None, None, 4)
    both = run(action(day(-2), owner=owner))
    assert {a.kind for a in both} == {"action_overdue", "action_no_owner"}


# ---- contacts -------------------------------------------------------------------------------

def contact(offset, type_="phone"):
    return {"case_id": "PT-001", "contact_date": day(offset), "contact_type": type_}


def contact_run(contacts, settings=None, admission=dt.date(2022, 6, 1)):
    rows = {"contacts": contacts,
            "baseline": [{"case_id": "PT-001", "assessment_date": day(-20), "assessment_type": "baseline"}],
            "summary": [{"case_id": "PT-001", "review_date": day(-10)}]}
    return run(rows, settings, families=[family(admission=admission)], with_quiet=False)


@pytest.mark.parametrize("offset, expected", [(-29, None), (-30, (0, "due_soon")), (-31, (-1, "overdue"))])
def test_no_contact_boundaries(offset, expected):
    alerts = kinds(contact_run([contact(offset)]), "no_contact")
    got = [(a.days, a.level) for a in alerts]
    assert got == ([] if expected is None else [expected])


def test_no_contact_points_to_the_last_contact_and_says_since_when():
    [a] = kinds(contact_run([contact(-90), contact(-40)]), "no_contact")
    assert (a.sheet_key, a.row, a.date, a.days) == ("contacts", 3, day(-10), -10)
    assert "19/01/2023" in a.message and "40 jours" in a.message


def test_no_contact_threshold_changed_in_settings():
    assert kinds(contact_run([contact(-20)], {"alert_no_contact_days": 14}), "no_contact")[0].days == -6


def test_no_contact_at_all_counts_from_admission():
    [a] = kinds(contact_run([], admission=day(-45)), "no_contact")
    assert (a.row, a.days) == (None, -15)
    assert "admission" in a.message
    assert kinds(contact_run([], admission=day(-10)), "no_contact") == []


def test_future_contact_does_not_count():
    assert kinds(contact_run([contact(-40), contact(3)]), "no_contact")[0].days == -10


def test_home_visit_rule_ignores_phone_calls():
    alerts = contact_run([contact(-61, "home_visit"), contact(-1, "phone")])
    assert [a.kind for a in alerts] == ["no_home_visit"]
    assert (alerts[0].days, alerts[0].row, alerts[0].urgency) == (-1, 2, 2)
    assert kinds(contact_run([contact(-59, "home_visit")]), "no_home_visit") == []


def test_home_visit_threshold_changed_in_settings():
    alerts = contact_run([contact(-25, "home_visit")], {"alert_no_visit_days": 21})
    assert [(a.kind, a.days) for a in alerts] == [("no_home_visit", -4)]


def test_blank_or_unreadable_setting_falls_back_to_the_default(tmp_path):
    """The settings as the reader types them (a blank, unreadable or negative cell: the forms' default, with a
    finding): the alerts read the typed value and never parse or default a setting of their own."""
    from ptxl.build.workbook import build_workbook
    from ptxl.validate import load_workbook
    for i, value in enumerate((None, "", "abc", -5, "45")):
        path = build_workbook(tmp_path / f"w{i}.xlsx", "fr", {}, {"alert_no_contact_days": value})
        typed = dict(load_workbook(path).dataset.settings)
        found = kinds(contact_run([contact(-31)], {"alert_no_contact_days": typed["alert_no_contact_days"]}),
                      "no_contact")
        if value == "45":
            assert typed["alert_no_contact_days"] == 45 and found == []
        else:
            assert typed["alert_no_contact_days"] == get_schema().setting("alert_no_contact_days").default
            assert found[0].days == -1


# ---- which families -------------------------------------------------------------------------

@pytest.mark.parametrize("status", ["resolved_residence_be", "disengaged", "screening", "not_admitted", None])
def test_only_active_families_get_alerts(status):
    fam = family(status=status, crit_stable_housing="no")
    rows = {**doc(day(-1)), **action(day(-1), owner=None),
            "chronology": [{"case_id": "PT-001", "event_date": day(-20), "event_code": "OQT", "deadline": day(1)}]}
    assert run(rows, families=[fam], with_quiet=False) == []


def test_entries_of_an_unknown_case_are_ignored():
    rows = {"documents": [{"case_id": "PT-999", "document_type": "passport", "valid_until": day(-1)}]}
    assert run(rows) == []


def test_case_ids_are_matched_without_surrounding_spaces():
    rows = {"documents": [{"case_id": " PT-001 ", "document_type": "passport", "valid_until": day(-1)}]}
    [a] = run(rows)
    assert (a.case_id, a.kind) == ("PT-001", "document_expired")
