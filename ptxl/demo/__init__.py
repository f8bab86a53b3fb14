"""The fictional demo cohort: what ``ptxl demo`` starts from.

Every person, family and organisation here is invented (DONNÉES FICTIVES). The
cohort reproduces every figure of the seed note (its impact tables, who the
families are, how long they were followed) so a case manager can see, on a
workbook that looks like theirs, the tables the project computes.

It is written the way staff would type it: through the project's own
``build_workbook``, with labels in the chosen language. Free texts (notes,
case studies) are in French whatever the language, as they would be typed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..schema import get_schema
from . import answers, dossier, families, followup, stories

REFERENCE_DATE = dt.date(2023, 2, 28)
SETTINGS = {
    "organisation": "Démo – données fictives",
    "project_location": "Bruxelles (démo)",
    "period_start": dt.date(2020, 9, 1),
    "reference_date": REFERENCE_DATE,
}
DEMO_FILENAME = "plan_together_demo.xlsx"


def demo_rows() -> tuple[dict, dict]:
    """(rows, settings): sheet key → list of {column key: coded Python value}, for build_workbook."""
    sch = get_schema()
    fam_rows = families.family_rows(sch.criteria)
    by_id = {r["case_id"]: r for r in fam_rows}
    rows = {
        "families": fam_rows,
        "members": families.member_rows(),
        "vulnerabilities": followup.vulnerability_rows(by_id, [k for k, _l in sch.vulnerabilities]),
        "baseline": followup.baseline_rows(by_id, sch.annex_a),
        "summary": answers.summary_rows(),
        "case_study": stories.case_study_rows(),
        "contacts": followup.contact_rows(by_id),
        "chronology": dossier.chronology_rows(),
        "actions": dossier.action_rows(),
        "documents": dossier.document_rows(),
    }
    for key in ("summary", "case_study"):
        for r in rows[key]:
            r.setdefault("case_manager", by_id[r["case_id"]]["case_manager"])
    return {key: [_typed(sch.sheet(key), r) for r in table] for key, table in rows.items()}, dict(SETTINGS)


def _typed(sheet, row: dict) -> dict:
    """ISO date strings of the data modules → ``datetime.date`` in date columns (ints stay years)."""
    out = {}
    for key, value in row.items():
        col = next((c for c in sheet.columns if c.key == key), None)
        if col is None:
            continue  # e.g. case_manager on a sheet without that column
        if col.field.is_date and isinstance(value, str):
            value = dt.date.fromisoformat(value)
        out[key] = value
    return out


def write_demo_workbook(path: str | Path, lang: str = "fr") -> Path:
    """Write the demo workbook at ``path`` through the project's own builder, as staff would type it."""
    from ..build.workbook import build_workbook
    rows, settings = demo_rows()
    return build_workbook(path, lang, rows, settings)
