"""Properties over random cohorts: every question's counts sum to N, percentages to 100 within rounding."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings, strategies as st

from ptxl.model.dataset import Dataset
from ptxl.schema import get_schema
from ptxl.stats import compute_stats

REF = dt.date(2023, 2, 28)
SCH = get_schema()
STATUSES = SCH.scales["status"].codes
DAYS = st.integers(min_value=-400, max_value=60).map(lambda d: REF + dt.timedelta(days=d))


@st.composite
def cohorts(draw):
    n_fam = draw(st.integers(min_value=0, max_value=12))
    fams, reviews = [], []
    for i in range(n_fam):
        cid = f"PT-{i:03d}"
        fams.append({"case_id": cid, "status": draw(st.sampled_from(STATUSES)),
                     "admission_date": draw(st.one_of(st.none(), DAYS))})
        for _ in range(draw(st.integers(min_value=0, max_value=3))):
            row = {"case_id": cid, "review_date": draw(st.one_of(st.none(), DAYS))}
            for q in SCH.annex_b:
                if q.scale == "text":
                    row[q.key] = draw(st.sampled_from([None, "", " ", "texte"]))
                else:
                    row[q.key] = draw(st.one_of(st.none(), st.sampled_from(SCH.scales[q.scale].codes)))
            reviews.append(row)
    return {"families": fams, "summary": reviews}


@settings(max_examples=100, deadline=None)
@given(cohorts())
def test_counts_sum_to_n_and_percentages_to_100_within_rounding(rows):
    result = compute_stats(Dataset.from_rows(rows, {"reference_date": REF}))
    n = result["impact"]["n"]
    admitted = {f["case_id"] for f in rows["families"] if f["admission_date"] and f["admission_date"] <= REF
                and f["status"] not in ("screening", "not_admitted")}
    reviewed = {r["case_id"] for r in rows["summary"] if r["case_id"] in admitted and r["review_date"]
                and r["review_date"] <= REF}
    assert n == len(reviewed)
    for key, q in result["impact"]["questions"].items():
        assert sum(q["counts"].values()) == n, key
        if n:
            total = sum(q["pct"].values())
            assert abs(total - 100) <= len(q["pct"]) / 2, (key, q)  # each rounding moves at most 0.5
            if q["scale"] == "impact":
                pos = q["counts"]["some"] + q["counts"]["considerable"]
                assert abs(q["positive_pct"] - 100 * pos / n) <= 0.5
        else:
            assert all(v is None for v in q["pct"].values())
