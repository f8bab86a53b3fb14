"""How long does validating a 1,000-family workbook take? A quick standalone benchmark, not a test.

Every family has about 4 members, 2 baseline assessments, 1-2 client summaries,
10 contacts, 5 chronology events, 3 actions and 3 documents (so ~31,000 rows),
written as staff would type them by ``build_workbook``. Two figures:
- in-process ``load_workbook`` (read + normalise + all rules), best and median of N runs;
- a fresh ``ptxl validate --json`` process (what one Excel click pays, imports included).

    python bench/validate_bench.py [--families 1000] [--runs 5] [--keep PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ptxl.build.workbook import build_workbook  # noqa: E402
from ptxl.schema import get_schema  # noqa: E402

REF = dt.date(2023, 2, 28)
NOTE = ("Visite à domicile : la famille va bien, les enfants vont à l'école, rendez-vous chez l'avocat "
        "prévu la semaine prochaine pour préparer le recours. ")


def _day(rng, a: dt.date, b: dt.date) -> dt.date:
    return a + dt.timedelta(days=rng.randint(0, max((b - a).days, 0)))


def family(i: int, rng: random.Random) -> dict:
    sch = get_schema()
    cid = f"PT-{i:04d}"
    referral = _day(rng, dt.date(2020, 9, 1), dt.date(2022, 6, 1))
    admission = referral + dt.timedelta(days=rng.randint(5, 40))
    closed = rng.random() < 0.25
    closure = _day(rng, admission + dt.timedelta(days=120), REF) if closed else None
    end = closure or REF
    fam = {"case_id": cid, "family_name": f"Famille {i} (fictive)", "referral_date": referral,
           "referral_route": "community", "known_before": "no", "intake_risk": "medium",
           "admission_date": admission, "status": "disengaged" if closed else "active", "closure_date": closure,
           "case_manager": "Anne", "nationality": "Irak", "arrival_date": rng.randint(2005, 2020),
           "legal_stay_years": 0, "asylum_on_arrival": "yes", "stateless": "no", "family_ties": NOTE,
           **{c: "yes" for c in sch.criteria}}
    rows = {k: [] for k in ("members", "baseline", "summary", "contacts", "chronology", "actions", "documents")}
    rows["families"] = [fam]
    for m in range(4):
        role = "parent" if m < 2 else "child"
        birth = dt.date(rng.randint(1975, 1992) if role == "parent" else rng.randint(2008, 2020),
                        rng.randint(1, 12), rng.randint(1, 28))
        rows["members"].append({"case_id": cid, "member_id": f"{cid}-{m + 1}", "first_name": f"P{m}",
                                "last_name": f"F{i}", "role": role, "gender": rng.choice(["female", "male"]),
                                "birth_date": birth, "nationality": "Irak", "born_in_country": "no"})
    for k, date in enumerate([admission + dt.timedelta(days=2), _day(rng, admission + dt.timedelta(days=30), end)]):
        a = {"case_id": cid, "assessment_date": date, "assessment_type": "follow_up" if k else "baseline",
             "case_manager": "Anne"}
        for item in sch.annex_a:
            a[f"{item.key}_score"] = rng.randint(0, 10)
            a[f"{item.key}_why"] = NOTE[: rng.randint(40, 150)]
        rows["baseline"].append(a)
    for d in sorted({_day(rng, admission + dt.timedelta(days=10), end) for _ in range(rng.randint(1, 2))}):
        s = {"case_id": cid, "review_date": d, "case_manager": "Anne"}
        for q in sch.annex_b:
            s[q.key] = NOTE if q.scale == "text" else rng.choice([o.code for o in sch.scales[q.scale].options])
        rows["summary"].append(s)
    for _ in range(10):
        rows["contacts"].append({"case_id": cid, "contact_date": _day(rng, admission, end),
                                 "contact_type": rng.choice(["home_visit", "phone", "message"]),
                                 "minutes": rng.randint(5, 120), "case_manager": "Anne", "note": NOTE})
    events = [o.code for o in sch.scales["chronology_event"].options]
    for _ in range(5):
        d = _day(rng, dt.date(2008, 1, 1), end)
        rows["chronology"].append({"case_id": cid, "event_date": d, "event_code": rng.choice(events),
                                   "description": NOTE[:80], "deadline": d + dt.timedelta(days=30)})
    for _ in range(3):
        due = _day(rng, admission, end)
        rows["actions"].append({"case_id": cid, "action": NOTE[:60], "owner": "Anne", "due_date": due,
                                "action_status": "done", "done_date": due})
    for _ in range(3):
        issue = _day(rng, admission, end)
        rows["documents"].append({"case_id": cid, "document_type": "support_letter", "description": "Lettre",
                                  "issue_date": issue, "valid_until": issue + dt.timedelta(days=180)})
    return rows


def generate(path: Path, n: int) -> Path:
    rng = random.Random(1000 + n)
    rows: dict = {}
    for i in range(1, n + 1):
        for key, items in family(i, rng).items():
            rows.setdefault(key, []).extend(items)
    return build_workbook(path, "fr", rows, {"reference_date": REF})


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--families", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="write the workbook here (else a temporary folder)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / f"validate_{args.families}.xlsx"
        t = time.perf_counter()
        generate(path, args.families)
        print(f"workbook: {args.families} families, {path.stat().st_size / 1e6:.1f} MB, "
              f"built in {time.perf_counter() - t:.1f} s")
        from ptxl.validate import load_workbook
        times, cpu = [], []
        for _ in range(args.runs):
            t, c = time.perf_counter(), time.process_time()
            loaded = load_workbook(path)
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        rows = sum(len(df) for df in loaded.dataset.tables.values())
        print(f"load_workbook (in process): wall best {min(times):.2f} s, median {statistics.median(times):.2f} s;"
              f" CPU best {min(cpu):.2f} s; {args.runs} runs; {rows} rows, {len(loaded.findings)} findings")
        t = time.perf_counter()
        before = os.times()
        proc = subprocess.run([sys.executable, "-m", "ptxl", "validate", str(path), "--json"],
                              capture_output=True, text=True)
        after = os.times()
        child_cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        print(f"fresh process 'ptxl validate --json': wall {time.perf_counter() - t:.2f} s, CPU {child_cpu:.2f} s "
              f"(exit {proc.returncode}); wall > CPU means other work shares the machine")


if __name__ == "__main__":
    main()
