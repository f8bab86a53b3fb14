"""Synthetic, realistic workbooks for the benchmarks, written through ptxl's own builder.

Sizes: S = the pilot (15 families, all admitted: ~60 people, 150 contacts), M = 1,000
families, L = 10,000 families (60 % admitted). Every entry sheet is filled; notes are
200–800 characters. Building L takes ~75 s of CPU and ~0.9 GB of memory (the rows are
held in memory for XlsxWriter); the file is 34 MB.
The data are random (seeded, so every run writes the same workbook) and fictional.

    python bench/generate.py S M --out bench/out
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ptxl.build.workbook import build_workbook  # noqa: E402
from ptxl.schema import get_schema  # noqa: E402

SIZES = {"S": 15, "M": 1_000, "L": 10_000}
REFERENCE = dt.date(2023, 2, 28)
SYLLABLES = ["ka", "lo", "mi", "ra", "su", "te", "no", "vi", "da", "re", "za", "po", "fi", "gu", "ne", "sa"]
WORDS = ("la famille a rencontré le gestionnaire de cas pour discuter de la procédure et des prochaines "
         "étapes avec l'avocat ; les enfants vont à l'école ; le logement reste précaire ; une lettre de "
         "soutien de l'école a été demandée ; la mère participe à un groupe de parole").split()
NATIONALITIES = ["Irak", "Népal", "Maroc", "Somalie", "Rwanda", "RD Congo", "Pakistan", "Liberia", "Kosovo",
                 "Albanie"]


def _name(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _note(rng, lo=200, hi=800):
    target = rng.randint(lo, hi)
    words = []
    while sum(len(w) + 1 for w in words) < target:
        words.append(rng.choice(WORDS))
    return " ".join(words)[:target]


def _day(rng, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max((end - start).days, 0)))


def family_rows(i: int, rng: random.Random, admit_all: bool = False) -> dict[str, list]:
    sch = get_schema()
    cid = f"PT-{i:05d}"
    referral = _day(rng, dt.date(2020, 9, 1), dt.date(2022, 10, 1))
    admitted = rng.random() < 0.6 or admit_all
    admission = referral + dt.timedelta(days=rng.randint(7, 40)) if admitted else None
    status = rng.choice(["active"] * 6 + ["disengaged", "resolved_residence_be"]) if admitted else "not_admitted"
    closure = (admission + dt.timedelta(days=rng.randint(60, 300))) if status != "active" and admitted else None
    if closure and closure > REFERENCE:
        closure = REFERENCE - dt.timedelta(days=3)
    if status == "not_admitted":
        closure = referral + dt.timedelta(days=30)
    manager = rng.choice(["Anne", "Joris"])
    fam = {"case_id": cid, "family_name": f"Famille {_name(rng)} (fictive)", "referral_date": referral,
           "referral_route": rng.choice(["community", "organisation", "self", "detention"]),
           "known_before": rng.choice(["yes", "no"]), "intake_risk": rng.choice(["high", "medium", "low"]),
           "admission_date": admission, "status": status, "closure_date": closure, "case_manager": manager,
           "nationality": rng.choice(NATIONALITIES), "arrival_date": rng.randint(2004, 2021),
           "legal_stay_years": rng.choice([0, 0, 0, 1, 2]), "asylum_on_arrival": rng.choice(["yes", "yes", "no"]),
           "stateless": rng.choice(["no"] * 9 + ["yes"]), "family_ties": _note(rng),
           "conditions_imposed": _note(rng, 50, 200), "detention_experience": _note(rng, 50, 200),
           "profile_notes": _note(rng), "case_study": "no"}
    for crit in sch.criteria:
        fam[crit] = "yes"
    rows = {"families": [fam], "members": [], "vulnerabilities": [], "baseline": [], "summary": [],
            "case_study": [], "contacts": [], "chronology": [], "actions": [], "documents": []}
    for m in range(rng.randint(3, 5)):
        role = "parent" if m < 2 else "child"
        year = rng.randint(1975, 1995) if role == "parent" else rng.randint(2006, 2021)
        rows["members"].append({"case_id": cid, "member_id": f"{cid}-{m + 1}", "first_name": _name(rng),
                                "last_name": _name(rng), "role": role, "gender": rng.choice(["female", "male"]),
                                "birth_date": dt.date(year, rng.randint(1, 12), rng.randint(1, 28)),
                                "nationality": fam["nationality"], "born_in_country": rng.choice(["yes", "no"])})
    if not admitted:
        return rows
    end = closure or REFERENCE
    vul = {"case_id": cid, "assessed_date": admission, "vulnerability_notes": _note(rng, 50, 200)}
    for key, _label in sch.vulnerabilities:
        vul[key] = rng.choice(["yes", "no", "no"])
    rows["vulnerabilities"].append(vul)
    for k, date in enumerate([admission, _day(rng, admission, end)]):
        base = {"case_id": cid, "assessment_date": date, "assessment_type": "baseline" if k == 0 else "follow_up",
                "case_manager": manager}
        for item in sch.annex_a:
            base[f"{item.key}_score"] = rng.randint(0, 10)
            base[f"{item.key}_why"] = _note(rng, 40, 200)
        rows["baseline"].append(base)
    for _ in range(rng.randint(1, 2)):
        summ = {"case_id": cid, "review_date": _day(rng, admission, end), "case_manager": manager}
        for q in sch.annex_b:
            if q.scale == "text":
                summ[q.key] = _note(rng)
            else:
                codes = [o.code for o in sch.scales[q.scale].options]
                summ[q.key] = rng.choice(codes + [None])
        rows["summary"].append(summ)
    if len({r["review_date"] for r in rows["summary"]}) < len(rows["summary"]):
        rows["summary"] = rows["summary"][:1]
    rows["case_study"].append({"case_id": cid, "written_date": end,
                               **{key: _note(rng) for key, _label in sch.annex_c}})
    for _ in range(10):
        rows["contacts"].append({"case_id": cid, "contact_date": _day(rng, admission, end),
                                 "contact_type": rng.choice(["home_visit", "phone", "phone", "message"]),
                                 "minutes": rng.choice([15, 30, 60, 90]), "case_manager": manager,
                                 "note": _note(rng)})
    events = [o.code for o in sch.scales["chronology_event"].options]
    for _ in range(5):
        date = _day(rng, dt.date(2005, 1, 1), end)
        rows["chronology"].append({"case_id": cid, "event_date": date, "event_code": rng.choice(events),
                                   "description": _note(rng, 50, 300),
                                   "deadline": date + dt.timedelta(days=30) if rng.random() < 0.3 else None})
    for _ in range(3):
        due = _day(rng, admission, REFERENCE + dt.timedelta(days=60))
        done = rng.random() < 0.5 and due <= REFERENCE
        rows["actions"].append({"case_id": cid, "action": _note(rng, 30, 120), "owner": manager,
                                "due_date": due, "action_status": "done" if done else "planned",
                                "done_date": due if done else None})
    for _ in range(3):
        issue = _day(rng, admission, end)
        rows["documents"].append({"case_id": cid, "document_type": rng.choice(["support_letter", "passport",
                                                                               "school_certificate"]),
                                  "description": _note(rng, 10, 40), "issue_date": issue,
                                  "valid_until": None})
    return rows


def generate(size: str, out_dir: Path, lang: str = "fr") -> Path:
    n = SIZES[size]
    rng = random.Random(20230228 + n)
    rows: dict[str, list] = {}
    for i in range(1, n + 1):  # the pilot's 15 are all followed families; larger cohorts include referrals
        for key, items in family_rows(i, rng, admit_all=size == "S").items():
            rows.setdefault(key, []).extend(items)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"bench_{size}.xlsx"
    build_workbook(path, lang, rows, {"organisation": "Benchmark (données fictives)", "reference_date": REFERENCE,
                                      "period_start": dt.date(2020, 9, 1)})
    return path


OUT = Path(__file__).resolve().parent / "out"


def ensure(size: str, out_dir: Path = OUT) -> Path:
    """The benchmark workbook of this size, generated once (bench/out/ is not committed)."""
    path = out_dir / f"bench_{size}.xlsx"
    return path if path.exists() else generate(size, out_dir)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", default=["S", "M"], choices=sorted(SIZES))
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    for size in args.sizes:
        print(generate(size, args.out))


if __name__ == "__main__":
    main()
