"""The domain's rules, each once: the frame and the plain-row shapes of a rule agree, and the
edge cases the copies used to disagree on (undated rows, late admissions, years alone,
superseded documents) have one answer."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from ptxl import domain
from ptxl.schema import get_schema

D = dt.date
REF = D(2023, 2, 28)


def _frame(rows):
    df = pd.DataFrame(rows)
    df["d"] = pd.to_datetime(df["d"])
    return df


ROWS = [{"_row": 2, "case_id": "A", "d": D(2023, 1, 1), "n": 1},
        {"_row": 3, "case_id": "A", "d": None, "n": 2},  # undated, typed last
        {"_row": 4, "case_id": "A", "d": D(2023, 1, 1), "n": 3},  # same date, typed later: wins
        {"_row": 5, "case_id": "A", "d": D(2023, 3, 1), "n": 4},  # after the reference date
        {"_row": 6, "case_id": "B", "d": None, "n": 5}]  # B's only row is undated


def test_latest_row_is_the_same_for_frames_and_plain_rows():
    latest = domain.latest_rows(_frame(ROWS), "d", ["A", "B"], REF)
    assert latest.set_index("case_id")["n"].to_dict() == {"A": 3}
    for cid, expected in (("A", 3), ("B", None)):
        row = domain.latest_row([r for r in ROWS if r["case_id"] == cid], "d", REF)
        assert (row or {}).get("n") == expected
    assert domain.undated_mask(_frame(ROWS), "d").tolist() == [False, True, False, False, True]


def test_admitted_at_a_date_for_frames_and_single_cases():
    fam = pd.DataFrame({"case_id": ["A", "B", "C", "D"],
                        "admission_date": pd.to_datetime([D(2022, 5, 1), D(2023, 4, 1), D(2022, 5, 1), None]),
                        "status": ["active", "active", "not_admitted", "active"],
                        "referral_date": pd.to_datetime([D(2022, 4, 1)] * 4)})
    assert domain.admitted_mask(fam).tolist() == [True, True, False, False]
    assert domain.admitted_mask(fam, REF).tolist() == [True, False, False, False]
    single = [domain.is_admitted(s, None if pd.isna(a) else a.date(), REF)
              for s, a in zip(fam["status"], fam["admission_date"])]
    assert single == domain.admitted_mask(fam, REF).tolist()
    assert "screening" not in domain.admitted_statuses() and "active" in domain.admitted_statuses()


def test_brackets_are_the_forms_bounds_not_their_labels():
    ages = pd.Series([19.0, 20.0, 29.0, 59.0, 60.0, None])
    counts = domain.bracket_counts(ages, "adult")
    assert list(counts) == [b.key for b in get_schema().age_brackets["adult"]]
    assert counts == {"<20": 1, "20-29": 2, "30-39": 0, "40-49": 0, "50-59": 1, "60+": 1, "unclear": 1}
    assert domain.adult_age() == 18
    members = pd.DataFrame({"role": ["parent", "child", "child", "other_adult"],
                            "birth_date": pd.to_datetime([D(1990, 7, 1), D(2005, 3, 1), None, D(2010, 1, 1)])})
    assert domain.age_brackets(members, "birth_date", REF).tolist() == ["30-39", "12-17", "unclear", "<20"]
    bins = [b.top for b in get_schema().years_bins]
    assert domain.years_bin_counts([0.5, bins[0], bins[0] + 0.1, None, 40.0]) == [2, 1, 0, 0, 1, 1]


def test_ages_at_one_date_or_at_each_rows_date():
    birth = pd.Series(pd.to_datetime([D(2005, 3, 1), D(2023, 7, 1), None]))
    assert domain.age_years(birth, REF).tolist()[:2] == [17.0, 0.0]  # born later in the year: 0, never -1
    on = pd.Series(pd.to_datetime([D(2023, 3, 1), D(2024, 7, 1), D(2023, 1, 1)]))
    per_row = domain.age_years(birth, on)
    assert per_row.tolist()[:2] == [18.0, 1.0] and pd.isna(per_row.iloc[2])
    assert domain.age_on(D(2005, 3, 1), REF) == 17


@pytest.mark.parametrize("start,end,months,days,number", [
    (D(2022, 2, 1), D(2023, 2, 28), 12, 27, 12 + 27 / 28),
    (D(2023, 1, 31), D(2023, 2, 28), 0, 28, 28 / 28),
    (D(2023, 1, 31), D(2023, 3, 31), 2, 0, 2.0),
    (D(2023, 3, 1), D(2023, 2, 1), 0, 0, 0.0),
])
def test_months_between_is_one_arithmetic(start, end, months, days, number):
    assert domain.months_between(start, end) == (months, days)
    assert domain.months_float(start, end) == pytest.approx(number)


def test_a_newer_document_supersedes_an_older_one_of_the_same_kind_only():
    rows = [{"document_type": "passport", "issue_date": D(2012, 1, 1), "valid_until": D(2022, 1, 1)},
            {"document_type": "passport", "issue_date": D(2020, 1, 1), "valid_until": D(2030, 1, 1)},
            {"document_type": "identity_card", "description": "Mère", "issue_date": D(2010, 1, 1),
             "valid_until": D(2020, 1, 1)},  # the father's newer card is another paper
            {"document_type": "identity_card", "description": "Père", "issue_date": D(2021, 1, 1),
             "valid_until": D(2023, 3, 10)},
            {"document_type": "support_letter", "issue_date": D(2022, 6, 1)},
            {"document_type": "residence_document", "issue_date": D(2023, 4, 1)}]  # after the reference date
    states = domain.document_states(rows, REF, {"alert_document_days": 30})
    assert [s.state for s in states] == ["replaced", "valid", "expired", "expiring", "expired", None]
    assert states[3].days == 10 and states[4].until == D(2022, 12, 1) and states[4].months == 6


def test_support_ends_at_the_closure_or_at_the_date_while_the_case_is_open():
    from ptxl.domain import support_end, support_ends
    ref = dt.date(2024, 6, 30)
    closures = [None, dt.date(2024, 3, 1), ref, dt.date(2024, 9, 1)]  # open, closed before, on, after the date
    expected = [ref, dt.date(2024, 3, 1), ref, ref]
    assert [support_end(c, ref) for c in closures] == expected
    frame = pd.DataFrame({"closure_date": pd.to_datetime(pd.Series(closures, dtype="object"))})
    assert [d.date() for d in support_ends(frame, ref)] == expected  # the statistics' and the case files' end


def test_a_case_s_contacts_summed_up_from_its_admission_to_where_support_ends():
    from ptxl.domain.contacts import contact_summary
    ref = dt.date(2024, 6, 30)
    rows = [{"contact_date": dt.date(2024, 5, 1), "contact_type": "phone", "minutes": 20},
            {"contact_date": dt.date(2024, 5, 8), "contact_type": "home_visit", "minutes": 90},
            {"contact_date": dt.date(2024, 5, 9), "contact_type": "phone", "minutes": None}]
    s = contact_summary(rows, dt.date(2024, 4, 2), None, ref)  # admitted 89 days before: 13 weeks
    assert s.by_type == (("home_visit", 1, 90), ("phone", 2, 20))  # the scale's order, not the log's
    assert (s.count, s.weeks, s.rate, s.minutes) == (3, 13, 0.2, 110)
    closed = contact_summary(rows, None, dt.date(2024, 5, 15), ref)  # no admission date: from the first contact
    assert closed.weeks == 2 and closed.rate == 1.5  # 1 May → 15 May closure
    assert contact_summary([], dt.date(2024, 4, 2), None, ref) is None
