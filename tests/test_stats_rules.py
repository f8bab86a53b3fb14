"""Each counting rule of FORMS.md "Statistics rules", on a small hand-built cohort."""

from __future__ import annotations

import datetime as dt

import pytest

from ptxl.model.dataset import Dataset
from ptxl.schema import get_schema
from ptxl.stats import compute_stats
from ptxl.stats.common import pct, round1

REF = dt.date(2023, 2, 28)
D = dt.date


def family(cid, admitted=D(2022, 1, 10), status="active", **kw):
    return {"case_id": cid, "family_name": f"F{cid}", "referral_date": D(2021, 12, 1),
            "admission_date": admitted, "status": status, **kw}


def review(cid, day, **answers):
    return {"case_id": cid, "review_date": day, **answers}


def stats(rows, as_of=None):
    return compute_stats(Dataset.from_rows(rows, {"reference_date": REF}), as_of)


def counts(result, key):
    return result["impact"]["questions"][key]["counts"]


def test_latest_review_wins_whatever_the_row_order():
    rows = {"families": [family("A")],
            "summary": [review("A", D(2022, 12, 1), engagement_capacity="considerable"),
                        review("A", D(2022, 6, 1), engagement_capacity="none")]}
    c = counts(stats(rows), "engagement_capacity")
    assert c["considerable"] == 1 and c["none"] == 0


def test_same_day_reviews_the_lower_row_wins():
    rows = {"families": [family("A")],
            "summary": [review("A", D(2022, 6, 1), risk_level="none"),
                        review("A", D(2022, 6, 1), risk_level="some")]}
    assert counts(stats(rows), "risk_level")["some"] == 1


def test_review_after_reference_date_is_ignored():
    rows = {"families": [family("A"), family("B")],
            "summary": [review("A", D(2022, 6, 1), g1_more_information="no"),
                        review("A", D(2023, 3, 15), g1_more_information="yes"),
                        review("B", D(2023, 3, 1), g1_more_information="yes")]}
    r = stats(rows)
    assert r["impact"]["n"] == 1  # B has no review on or before the reference date
    assert counts(r, "g1_more_information") == {"yes": 0, "no": 1, "dont_know": 0, "no_answer": 0}
    later = stats(rows, as_of=D(2023, 3, 31))
    assert later["impact"]["n"] == 2 and counts(later, "g1_more_information")["yes"] == 2


def test_blanks_count_as_no_answer_and_every_category_is_counted():
    rows = {"families": [family(c) for c in "ABCD"],
            "summary": [review("A", D(2022, 6, 1), g2_initiative="yes", trust_in_system="dont_know"),
                        review("B", D(2022, 6, 1), g2_initiative=None, trust_in_system=None),
                        review("C", D(2022, 6, 1), g2_initiative="dont_know", trust_in_system="negative"),
                        review("D", D(2022, 6, 1), g1_obstacles="  ", key_factors="Trust.")]}
    r = stats(rows)
    assert counts(r, "g2_initiative") == {"yes": 1, "no": 0, "dont_know": 1, "no_answer": 2}
    assert counts(r, "trust_in_system") == {"negative": 1, "none": 0, "limited": 0, "some": 0,
                                            "considerable": 0, "dont_know": 1, "no_answer": 2}
    assert r["impact"]["questions"]["g2_initiative"]["pct"]["no_answer"] == 50
    assert counts(r, "g1_obstacles") == {"answered": 0, "no_answer": 4}  # spaces only is no answer
    assert counts(r, "key_factors") == {"answered": 1, "no_answer": 3}


@pytest.mark.parametrize("status,admitted", [("not_admitted", D(2022, 1, 1)), ("screening", D(2022, 1, 1)),
                                             ("active", None), ("active", D(2023, 3, 10))])
def test_a_family_not_admitted_at_the_reference_date_is_not_counted(status, admitted):
    rows = {"families": [family("A"), family("X", admitted=admitted, status=status)],
            "members": [{"case_id": "X", "member_id": "X-1", "role": "parent"}],
            "summary": [review("A", D(2022, 6, 1), risk_level="some"),
                        review("X", D(2022, 6, 1), risk_level="none")]}
    r = stats(rows)
    assert r["impact"]["n"] == 1 and counts(r, "risk_level")["none"] == 0
    assert r["cohort"]["families_referred"] == 2 and r["cohort"]["families_admitted"] == 1
    assert r["cohort"]["admitted"]["adults"] == 0


def test_rounding_is_half_up_on_integers():
    assert [pct(1, 8), pct(5, 12), pct(3, 8), pct(1, 12), pct(7, 12), pct(0, 12)] == [13, 42, 38, 8, 58, 0]
    assert pct(1, 0) is None
    assert round1(6.45) == 6.5 and round1(6.449) == 6.4 and round1(None) is None


def test_one_in_eight_prints_13_percent_and_positive_pct_uses_counts():
    fams = [family(f"F{i}") for i in range(8)]
    answers = ["some", "none", "none", "none", "none", "none", "none", "none"]
    rows = {"families": fams, "summary": [review(f"F{i}", D(2022, 6, 1), g3_coping_wellbeing=a)
                                          for i, a in enumerate(answers)]}
    q = stats(rows)["impact"]["questions"]["g3_coping_wellbeing"]
    assert q["pct"]["some"] == 13 and q["pct"]["none"] == 88 and q["positive_pct"] == 13


def test_positive_pct_adds_some_and_considerable_before_rounding():
    # 1 some + 1 considerable of 8: each rounds to 13 %, but positive_pct is 2/8 = 25 %, not 13 + 13
    fams = [family(f"F{i}") for i in range(8)]
    answers = ["some", "considerable"] + ["none"] * 6
    rows = {"families": fams, "summary": [review(f"F{i}", D(2022, 6, 1), risk_level=a)
                                          for i, a in enumerate(answers)]}
    q = stats(rows)["impact"]["questions"]["risk_level"]
    assert (q["pct"]["some"], q["pct"]["considerable"], q["positive_pct"]) == (13, 13, 25)


def _baseline(cid, day, kind, **scores):
    return {"case_id": cid, "assessment_date": day, "assessment_type": kind,
            **{f"{k}_score": v for k, v in scores.items()}}


def test_baseline_evolution_respects_the_better_end():
    better = {i.key: i.better for i in get_schema().annex_a}
    assert better["a14_detention_risk"] == "low" and better["a08_wellbeing"] == "high"
    rows = {"families": [family("A"), family("B"), family("C")],
            "baseline": [
                _baseline("A", D(2022, 1, 10), "baseline", a14_detention_risk=8, a08_wellbeing=3),
                _baseline("A", D(2022, 7, 10), "follow_up", a14_detention_risk=5, a08_wellbeing=6),
                _baseline("B", D(2022, 1, 10), "baseline", a14_detention_risk=4, a08_wellbeing=7),
                _baseline("B", D(2022, 7, 10), "follow_up", a14_detention_risk=7, a08_wellbeing=7),
                _baseline("B", D(2023, 4, 1), "follow_up", a14_detention_risk=0, a08_wellbeing=0),  # after ref
                _baseline("C", D(2022, 1, 10), "baseline", a14_detention_risk=9)]}  # only one: not paired
    b = stats(rows)["baseline"]
    risk, well = b["a14_detention_risk"], b["a08_wellbeing"]
    assert (risk["n"], risk["improved"], risk["unchanged"], risk["worsened"]) == (2, 1, 0, 1)
    assert (risk["first_mean"], risk["latest_mean"]) == (6.0, 6.0)
    assert (well["n"], well["improved"], well["unchanged"], well["worsened"]) == (2, 1, 1, 0)
    assert (well["first_mean"], well["latest_mean"]) == (5.0, 6.5)
    assert b["a01_dropout_risk"] == {"n": 0, "better": "low", "first_mean": None, "latest_mean": None,
                                     "improved": 0, "unchanged": 0, "worsened": 0}


def test_cohort_ages_brackets_and_years_in_country():
    rows = {"families": [family("A", nationality="Irak", arrival_date=D(2017, 2, 27), asylum_on_arrival="yes"),
                         family("B", nationality=" irak ", arrival_date=2020, stateless="yes"),
                         family("C", nationality=None)],
            "members": [{"case_id": "A", "member_id": "A1", "role": "parent", "birth_date": D(2004, 3, 1)},
                        {"case_id": "A", "member_id": "A2", "role": "parent", "birth_date": D(1963, 2, 28)},
                        {"case_id": "A", "member_id": "A3", "role": "child", "birth_date": D(2005, 2, 28)},
                        {"case_id": "A", "member_id": "A4", "role": "child", "birth_date": D(2005, 3, 1)},
                        {"case_id": "B", "member_id": "B1", "role": "other_adult", "birth_date": None},
                        {"case_id": "B", "member_id": "B2", "role": "child", "birth_date": 2017},
                        {"case_id": "B", "member_id": "B3", "role": "child", "birth_date": D(2023, 5, 1)},
                        {"case_id": "B", "member_id": "B4", "role": "child", "birth_date": 2023}],
            "summary": [review("A", D(2022, 6, 1))]}
    r = stats(rows)["cohort"]
    adm = r["admitted"]
    # B3 not born yet at the reference date; B4 (year 2023 alone) may have been: counted, age 0
    assert (adm["adults"], adm["children"], adm["children_18_plus"]) == (3, 4, 1)
    assert adm["adult_age_brackets"] == {"<20": 1, "20-29": 0, "30-39": 0, "40-49": 0, "50-59": 0,
                                         "60+": 1, "unclear": 1}
    assert adm["child_age_brackets"] == {"0-5": 2, "6-11": 0, "12-17": 1, "18+": 1, "unclear": 0}
    assert adm["nationalities"] == {"Irak": 2, "unclear": 1}
    assert adm["years_in_country"] == {"A": 6.0, "B": 2.7, "C": None}
    assert (adm["over_5_years_in_country"], adm["asylum_on_arrival"], adm["stateless"]) == (1, 1, 1)
    rev = r["reviewed"]
    assert (rev["families"], rev["adults"], rev["children"]) == (1, 2, 2)


def test_engagement_status_months_and_contacts_at_the_reference_date():
    rows = {"families": [family("A", admitted=D(2022, 2, 28), status="active"),
                         family("B", admitted=D(2022, 1, 1), status="disengaged", closure_date=D(2022, 1, 31)),
                         family("C", admitted=D(2021, 1, 1), status="resolved_residence_be",
                                closure_date=D(2023, 6, 1)),
                         family("D", admitted=D(2022, 1, 1))],  # no review: not in engagement
            "summary": [review(c, D(2022, 12, 1)) for c in "ABC"],
            "contacts": [{"case_id": "A", "contact_date": D(2022, 3, 1), "contact_type": "home_visit"},
                         {"case_id": "A", "contact_date": D(2023, 3, 1), "contact_type": "home_visit"},
                         {"case_id": "B", "contact_date": D(2022, 1, 5), "contact_type": "phone"},
                         {"case_id": "D", "contact_date": D(2022, 3, 1), "contact_type": "home_visit"}]}
    e = stats(rows)["engagement"]
    assert e["families"] == 3
    assert e["status_counts"]["active"] == 2 and e["status_counts"]["disengaged"] == 1  # C closed after ref
    assert e["status_counts"]["resolved_residence_be"] == 0
    months = [365 / 30.4375, 30 / 30.4375, 788 / 30.4375]
    assert e["mean_months_supported"] == round1(sum(months) / 3) and e["over_15_months"] == 1
    assert e["home_visits"] == 1 and e["contacts_by_type"]["phone"] == 1
    assert list(e["contacts_by_type"]) == get_schema().scales["contact_type"].codes


def test_every_question_and_item_key_is_present_with_its_scale():
    r = stats({})
    sch = get_schema()
    assert list(r["impact"]["questions"]) == [q.key for q in sch.annex_b]
    assert list(r["baseline"]) == [i.key for i in sch.annex_a]
    for q in sch.annex_b:
        got = r["impact"]["questions"][q.key]
        assert got["scale"] == q.scale
        assert ("positive_pct" in got) == (q.scale == "impact")
        if q.scale == "text":
            assert list(got["counts"]) == ["answered", "no_answer"]
    assert r["impact"]["n"] == 0 and r["engagement"]["mean_months_supported"] is None
