"""``stats.casefiles``: each case's figures the Word documents show, computed once on the compute side at
the reference date with the domain's rules (the documents view only formats them)."""

from __future__ import annotations

import datetime as dt

from ptxl.model.dataset import Dataset
from ptxl.pipeline import compute, from_stats
from ptxl.stats.casefiles import case_files
from ptxl.validate import Loaded

D = dt.date
REF = D(2023, 2, 28)


def _dataset() -> Dataset:
    return Dataset.from_rows({
        "families": [
            {"case_id": "PT-001", "status": "closed", "admission_date": D(2022, 1, 10),
             "closure_date": D(2022, 12, 20), "arrival_date": D(2010, 5, 3), "referral_date": D(2022, 1, 1)},
            {"case_id": "PT-002", "status": "active", "admission_date": D(2023, 3, 5),  # after the date
             "referral_date": D(2023, 1, 1)},
            {"case_id": "PT-003", "status": "active", "admission_date": D(2022, 6, 1), "closure_date": D(2023, 6, 1),
             "referral_date": D(2022, 5, 1)},
        ],
        "members": [{"case_id": "PT-001", "member_id": "PT-001-1", "role": "principal",
                     "birth_date": D(1990, 3, 1)},
                    {"case_id": "PT-001", "member_id": "PT-001-2", "role": "child"}],
        "summary": [{"case_id": "PT-001", "review_date": D(2022, 11, 1), "risk_level": "some"},
                    {"case_id": "PT-001", "risk_level": "none"},  # undated: left out
                    {"case_id": "PT-001", "review_date": D(2023, 3, 10), "risk_level": "limited"}],  # later
        "contacts": [{"case_id": "PT-001", "contact_date": D(2022, 2, 1), "contact_type": "phone", "minutes": 20},
                     {"case_id": "PT-001", "contact_date": D(2022, 1, 15), "contact_type": "home_visit"},
                     {"case_id": "PT-001", "contact_date": D(2023, 4, 1), "contact_type": "phone"}],
        "documents": [{"case_id": "PT-001", "document_type": "medical_certificate", "issue_date": D(2022, 1, 1)},
                      {"case_id": "PT-001", "document_type": "medical_certificate", "issue_date": D(2022, 12, 1)},
                      {"case_id": "PT-001", "document_type": "medical_certificate", "issue_date": D(2023, 3, 1)}],
    }, {"reference_date": REF})


def test_a_case_file_holds_the_figures_at_the_reference_date():
    one = case_files(_dataset()).cases["PT-001"]
    assert one.summary["review_date"] == D(2022, 11, 1)  # undated and later summaries are left out
    assert [c["contact_date"] for c in one.contacts] == [D(2022, 1, 15), D(2022, 2, 1)]  # by date, up to REF
    assert one.contact_summary.count == 2 and one.contact_summary.minutes == 20
    assert [m.age for m in one.members] == [32, None]  # completed years at REF; no birth date, no age
    assert one.admitted and one.closed and one.support_end == D(2022, 12, 20) and one.status == "closed"
    assert one.in_project == (11, 10)  # 10/01/2022 → 20/12/2022
    assert one.in_country == (153, 25)  # 03/05/2010 → 28/02/2023
    # superseded; valid 3 months (the default) to 01/03/2023: expiring; the one issued after REF does not exist
    assert [d.state for d in one.documents] == ["replaced", "expiring"]


def test_admitted_later_or_closed_later_is_said_as_at_the_reference_date():
    files = case_files(_dataset())
    later, open_then = files.cases["PT-002"], files.cases["PT-003"]
    assert not later.admitted and later.in_project is None and later.support_end is None
    assert open_then.admitted and not open_then.closed and open_then.support_end == REF
    assert files.admitted == {"PT-001", "PT-003"}


def test_an_earlier_date_gives_the_figures_of_that_date():
    files = case_files(_dataset(), D(2022, 5, 31))
    one = files.cases["PT-001"]
    assert one.summary is None and not one.closed and one.status == "active" and one.in_project == (4, 21)
    assert files.admitted == {"PT-001"} and not files.cases["PT-003"].admitted  # PT-003 admitted on 01/06/2022


def test_the_documents_and_the_statistics_count_the_same_admitted_families():
    ds = _dataset()
    results = compute(Loaded(ds))
    assert len(results.case_files.admitted) == results.stats["cohort"]["families_admitted"] == 2
    assert results.case_files is results.case_files  # computed once, on first use
    assert Loaded(ds).case_files.admitted == results.case_files.admitted


def test_each_case_is_computed_on_first_use_only():
    files = from_stats({"reference_date": REF.isoformat()}, dataset=_dataset()).case_files
    assert list(files.cases) == ["PT-001", "PT-002", "PT-003"] and len(files.cases) == 3
    assert files.cases["PT-003"] is files.cases["PT-003"]
    assert "PT-999" not in files.cases


def test_results_without_a_dataset_have_no_case():
    files = from_stats({"reference_date": REF.isoformat()}).case_files
    assert dict(files.cases) == {} and files.admitted == frozenset() and files.reference_date == REF
