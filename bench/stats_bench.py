"""Time ``compute_stats`` alone (after reading) on a large cohort: the target is < 1 s for 10,000 families.

The cohort is random (seeded, fictional) and built straight into the typed
DataFrames of the Dataset contract with numpy, so setting up 10,000 families
takes a second and only the statistics are timed (bench/generate.py's L
workbook takes minutes to build and seconds to read). With ``--size`` the
benchmark workbook of that size (bench/generate.py) is read with
``load_workbook`` first, or any workbook with ``--workbook``; the read time is
printed apart, for context.

    python bench/stats_bench.py --families 10000 --repeat 7
    python bench/stats_bench.py --size M
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ptxl.model.dataset import Dataset  # noqa: E402
from ptxl.schema import get_schema  # noqa: E402
from ptxl.stats import compute_stats  # noqa: E402

REF = pd.Timestamp(2023, 2, 28)
NATIONALITIES = np.array(["Irak", "Népal", "Maroc", "Somalie", "Rwanda", "RD Congo", "Pakistan", "Liberia",
                          "Kosovo", "Albanie", "irak ", None], dtype=object)


def _days(rng, lo, hi, size):
    return pd.to_timedelta(rng.integers(lo, hi, size), unit="D")


def _frame(sheet_key: str, data: dict, n: int) -> pd.DataFrame:
    """The sheet's full column set: given columns as they are, the others blank of the right dtype."""
    sheet = get_schema().sheet(sheet_key)
    out = {"_row": np.arange(2, n + 2)}
    for c in sheet.columns:
        if c.key in data:
            out[c.key] = data[c.key]
        elif c.type in ("date", "date_or_year"):
            out[c.key] = pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns]")
        elif c.type in ("score", "integer"):
            out[c.key] = pd.Series(pd.NA, index=range(n), dtype="Int64")
        elif c.type == "number":
            out[c.key] = np.full(n, np.nan)
        else:
            out[c.key] = np.full(n, None, dtype=object)
        if c.type == "date_or_year":
            out[f"{c.key}_year_only"] = np.zeros(n, dtype=bool)
    return pd.DataFrame(out)


def synthetic(n: int, seed: int = 20230228) -> Dataset:
    rng = np.random.default_rng(seed)
    sch = get_schema()
    cid = np.array([f"PT-{i:05d}" for i in range(1, n + 1)], dtype=object)
    referral = REF - _days(rng, 30, 900, n)
    admitted = rng.random(n) < 0.6
    admission = pd.Series(referral + _days(rng, 7, 40, n)).where(admitted)
    status = np.where(admitted, rng.choice(["active"] * 6 + ["disengaged", "resolved_residence_be"], n),
                      rng.choice(["not_admitted", "screening"], n)).astype(object)
    closure = (admission + _days(rng, 30, 500, n)).where(status != "active")
    closure = closure.where(~(closure > REF), REF - pd.Timedelta(days=3))
    families = _frame("families", {
        "case_id": cid, "family_name": cid, "referral_date": referral, "admission_date": admission,
        "status": status, "closure_date": closure, "nationality": rng.choice(NATIONALITIES, n),
        "arrival_date": REF - _days(rng, 200, 7000, n), "asylum_on_arrival": rng.choice(["yes", "no", None], n),
        "stateless": rng.choice(["yes", "no", "no", "no"], n)}, n)

    per = rng.integers(3, 7, n)
    m_cid = np.repeat(cid, per)
    first = np.repeat(np.cumsum(per) - per, per)
    rank = np.arange(len(m_cid)) - first
    role = np.where(rank < 2, "parent", "child").astype(object)
    birth = pd.Series(np.where(rank < 2, REF - _days(rng, 18 * 365, 65 * 365, len(m_cid)),
                               REF - _days(rng, -60, 22 * 365, len(m_cid))))
    members = _frame("members", {"case_id": m_cid, "member_id": m_cid, "role": role,
                                 "birth_date": birth.where(rng.random(len(m_cid)) > 0.03)}, len(m_cid))

    adm_cid, adm_start = cid[admitted], admission[admitted].to_numpy()
    k = len(adm_cid)

    def per_family(lo, hi, span_days):
        count = rng.integers(lo, hi, k)
        ids = np.repeat(adm_cid, count)
        dates = pd.Series(np.repeat(adm_start, count)) + _days(rng, 0, span_days, len(ids))
        return ids, dates

    b_id, b_date = per_family(1, 5, 700)
    scores = {f"{i.key}_score": pd.array(np.where(rng.random(len(b_id)) < 0.05, pd.NA,
                                                  rng.integers(0, 11, len(b_id))), dtype="Int64")
              for i in sch.annex_a}
    baseline = _frame("baseline", {"case_id": b_id, "assessment_date": b_date, **scores}, len(b_id))

    s_id, s_date = per_family(0, 4, 800)
    answers = {}
    for q in sch.annex_b:
        pool = [None, "", "  ", "texte"] if q.scale == "text" else [*sch.scales[q.scale].codes[:-1], None]
        answers[q.key] = rng.choice(np.array(pool, dtype=object), len(s_id))
    summary = _frame("summary", {"case_id": s_id, "review_date": s_date, **answers}, len(s_id))

    c_id, c_date = per_family(10, 50, 800)
    contacts = _frame("contacts", {"case_id": c_id, "contact_date": c_date,
                                   "contact_type": rng.choice(sch.scales["contact_type"].codes, len(c_id))},
                      len(c_id))
    ds = Dataset.from_rows({}, {"reference_date": REF.date()})
    ds.tables.update(families=families, members=members, baseline=baseline, summary=summary, contacts=contacts)
    return ds


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--families", type=int, default=10_000)
    ap.add_argument("--workbook", type=Path, default=None)
    ap.add_argument("--size", choices=["S", "M", "L"], default=None, help="read bench/generate.py's workbook")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)
    if args.size:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from generate import ensure
        args.workbook = ensure(args.size)
    t0 = time.perf_counter()
    if args.workbook:
        from ptxl.validate import load_workbook
        ds = load_workbook(args.workbook).dataset
        what = f"read {args.workbook}"
    else:
        ds = synthetic(args.families)
        what = f"built {args.families} synthetic families in memory"
    print(f"{what}: {time.perf_counter() - t0:.2f} s; rows: "
          + ", ".join(f"{k} {len(v)}" for k, v in ds.tables.items() if len(v)))
    compute_stats(ds)  # warm-up: first-call imports and caches
    times = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        result = compute_stats(ds)
        times.append(time.perf_counter() - t)
    print(f"compute_stats: median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms "
          f"over {args.repeat} runs (admitted {result['cohort']['families_admitted']}, "
          f"reviewed {result['impact']['n']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
