"""A "legacy import" workbook: the M cohort (1,000 families, 10,000 contacts) typed in a hurry.

Why: a first import of a pilot's old spreadsheets is the worst input ptxl sees, and the
one where a slow checks stage shows (issue 14): thousands of findings, many repeated
contacts. This is the realistic M workbook of ``generate.py`` (same seed, same families)
with the mess of a hurried copy, drawn from a second seeded generator so the file is the
same on every run:

- family names left blank (a required column), member names blank;
- the seven admission criteria left blank for most admitted families;
- contacts entered twice (the same case, date, type and length: a warning each);
- dates typed as text, day first or ISO (warnings), or impossible (31/02, "?", errors);
- labels typed with another case, without accents, or in another language (warnings);
- minutes typed as text ("30 min" is an error, "30" a warning), a few unknown case ids.

The data are fictional, like every benchmark workbook.

    python bench/legacy.py                # bench/out/bench_legacy_M.xlsx
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import OUT, REFERENCE, SIZES, family_rows  # noqa: E402
from ptxl.build.workbook import build_workbook  # noqa: E402
from ptxl.schema import get_schema  # noqa: E402

NAME = "legacy_M"
FAMILIES = SIZES["M"]
EXTRA_CONTACTS = (6, 7)  # per admitted family, on top of its 10: ~10,000 contacts in all (old records kept more)
# Share of ... (per family or per row, as noted): the mess of a hurried first import.
P_NO_FAMILY_NAME = 0.35  # per family
P_NO_MEMBER_NAME = 0.3  # per member
P_CRITERIA_BLANK = 0.8  # per admitted family: all seven criteria left blank
P_CRITERION_NO = 0.05  # per criterion of the others: typed "non"
P_REPEATED_CONTACT = 0.35 # per contact after the first: a copy of an earlier one of the same family
P_TEXT_DATE = 0.08  # per date cell: typed as text (day first or ISO)
P_BAD_DATE = 0.01  # per date cell: impossible ("31/02/2021", "?", "2021-13-01")
P_ODD_LABEL = 0.05  # per choice cell: another case, no accents, another language
P_TEXT_MINUTES = 0.1  # per contact: "30" or "30 min" typed as text
P_UNKNOWN_CASE = 0.01  # per contact: a case id with a typo


def _strip_accents(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def _odd_label(rng: random.Random, scale, code: str, lang: str) -> str:
    label = scale.label(code, lang)
    way = rng.randrange(4)
    if way == 0:
        return label.upper()
    if way == 1:
        return _strip_accents(label).lower()
    if way == 2:
        return f"  {label.lower()} "
    return scale.label(code, rng.choice([x for x in ("fr", "nl", "en") if x != lang]))


def _odd_date(rng: random.Random, d: dt.date):
    if rng.random() < P_BAD_DATE / (P_BAD_DATE + P_TEXT_DATE):
        return rng.choice(["31/02/2021", "?", "2021-13-01", "32.01.2022", "fin mars"])
    return d.strftime(rng.choice(["%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%d-%m-%Y"]))


def _mess_row(rng: random.Random, sheet, row: dict, lang: str) -> dict:
    """Dates as text or impossible, labels as typed by someone else: cell by cell."""
    out = dict(row)
    for col in sheet.columns:
        v = out.get(col.key)
        if v is None:
            continue
        if col.type == "date" and isinstance(v, dt.date) and rng.random() < P_TEXT_DATE + P_BAD_DATE:
            out[col.key] = _odd_date(rng, v)
        elif col.scale is not None and isinstance(v, str) and rng.random() < P_ODD_LABEL:
            try:
                out[col.key] = _odd_label(rng, col.scale, v, lang)
            except KeyError:
                pass
    return out


def legacy_rows(rng: random.Random, mess: random.Random, lang: str = "fr", families: int = FAMILIES) -> dict[str, list]:
    """The realistic M rows (drawn from ``rng`` exactly as generate.py does), then messed up with ``mess``."""
    sch = get_schema()
    rows: dict[str, list] = {}
    for i in range(1, families + 1):
        fam_rows = family_rows(i, rng)
        fam = fam_rows["families"][0]
        if mess.random() < P_NO_FAMILY_NAME:
            fam["family_name"] = None
        if fam["admission_date"] is not None:
            blank = mess.random() < P_CRITERIA_BLANK
            for crit in sch.criteria:
                fam[crit] = None if blank else ("no" if mess.random() < P_CRITERION_NO else "yes")
        for m in fam_rows["members"]:
            if mess.random() < P_NO_MEMBER_NAME:
                m["first_name"] = m["last_name"] = None
        contacts = fam_rows["contacts"]
        if contacts:
            end = fam["closure_date"] or REFERENCE
            for _ in range(mess.choice(EXTRA_CONTACTS)):
                contacts.append(dict(contacts[-1], contact_date=fam["admission_date"] + dt.timedelta(
                    days=mess.randint(0, max((end - fam["admission_date"]).days, 0))),
                    contact_type=mess.choice(["home_visit", "phone", "message", "office_meeting"]),
                    minutes=mess.choice([15, 30, 45, 60])))
        for k in range(1, len(contacts)):
            if mess.random() < P_REPEATED_CONTACT:
                contacts[k] = dict(contacts[mess.randrange(k)])
        for c in contacts:
            if mess.random() < P_TEXT_MINUTES:
                c["minutes"] = mess.choice([f"{c['minutes']}", f"{c['minutes']} min"])
            if mess.random() < P_UNKNOWN_CASE:
                c["case_id"] = c["case_id"].replace("PT-", "PT")
        for key, items in fam_rows.items():
            sheet = sch.sheet(key)
            rows.setdefault(key, []).extend(_mess_row(mess, sheet, r, lang) for r in items)
    return rows


def generate_legacy(out_dir: Path = OUT, lang: str = "fr", families: int = FAMILIES) -> Path:
    """``families`` below M (a sample to look at) names the file after its size."""
    rng = random.Random(20230228 + FAMILIES)  # the seed of generate.py's M: the same families underneath
    mess = random.Random(14_2026)
    rows = legacy_rows(rng, mess, lang, families)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / (f"bench_{NAME}.xlsx" if families == FAMILIES else f"bench_legacy_{families}.xlsx")
    build_workbook(path, lang, rows, {"organisation": "Benchmark, import d'anciennes données (fictives)",
                                      "reference_date": REFERENCE, "period_start": dt.date(2020, 9, 1)})
    return path


def ensure_legacy(out_dir: Path = OUT) -> Path:
    path = out_dir / f"bench_{NAME}.xlsx"
    return path if path.exists() else generate_legacy(out_dir)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--families", type=int, default=FAMILIES, help="fewer for a sample to open and look at")
    args = ap.parse_args(argv)
    print(generate_legacy(args.out, families=args.families))


if __name__ == "__main__":
    main()
