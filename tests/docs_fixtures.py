"""A small fictional cohort for the Word-document tests, built in code with Dataset.from_rows.

PT-001 has everything (a baseline and two follow-ups, two client summaries, a
chronology typed out of order, staff text that tries to break the XML, an
Arabic name); PT-002 is in screening with nothing but its registry row;
PT-003 has blanks in its client summary and a year-only birth date.
"""

from __future__ import annotations

import datetime as dt

from ptxl.model.dataset import Dataset
from ptxl.schema import get_schema

D = dt.date
REF = D(2023, 2, 28)
NASTY = 'Tom & Jerry <b> </w:t> {{ case_id }} {% if x %} "quoted" \'single\''
MULTILINE = "Première ligne\nDeuxième ligne\tavec tabulation"
ARABIC = "فاطمة الزهراء"


def _scores(base: int, why: str) -> dict:
    row = {}
    for i, item in enumerate(get_schema().annex_a):
        row[f"{item.key}_score"] = (base + i) % 11
        row[f"{item.key}_why"] = f"{why} {i + 1}"
    return row


def _summary(case_id: str, date, impact: str, yes_no: str, **extra) -> dict:
    row = {"case_id": case_id, "review_date": date, "case_manager": "Anne"}
    for q in get_schema().annex_b:
        if q.scale == "impact":
            row[q.key] = impact
        elif q.scale == "yes_no":
            row[q.key] = yes_no
        else:
            row[q.key] = f"{q.key} texte"
    row.update(extra)
    return row


def cohort_rows() -> dict:
    vul = {k: "no" for k, _l in get_schema().vulnerabilities}
    vul.update(v01_child="yes", v06_health="yes", v16_stateless="dont_know")
    return {
        "families": [
            {"case_id": "PT-001", "family_name": "Benali", "referral_date": D(2022, 1, 10),
             "referral_route": "community", "known_before": "yes", "released_after_contact": "no",
             "intake_risk": "high", "admission_date": D(2022, 2, 1), "status": "active", "case_manager": "Anne",
             "nationality": "Irak", "arrival_date": D(2010, 5, 3), "asylum_on_arrival": "yes", "stateless": "no",
             "family_ties": MULTILINE, "conditions_imposed": "Pointage mensuel", "detention_experience": NASTY,
             "profile_notes": "Famille soudée", "legal_stay_years": 2.5,
             **{c: "yes" for c in get_schema().criteria}},
            {"case_id": "PT-002", "family_name": "Kovač", "referral_date": D(2023, 1, 20), "status": "screening",
             "nationality": "Kosovo"},
            {"case_id": "PT-003", "family_name": "Diallo", "referral_date": D(2021, 6, 1),
             "admission_date": D(2021, 7, 15), "status": "disengaged", "closure_date": D(2022, 10, 1),
             "arrival_date": 2005, "nationality": "Guinée", "referral_route": "organisation"},
        ],
        "members": [
            {"case_id": "PT-001", "member_id": "PT-001-1", "first_name": ARABIC, "last_name": "Benali",
             "role": "parent", "gender": "female", "birth_date": D(1988, 3, 1), "nationality": "Irak"},
            {"case_id": "PT-001", "member_id": "PT-001-2", "first_name": "Karim", "last_name": "Benali",
             "role": "parent", "gender": "male", "birth_date": D(1985, 12, 31), "nationality": "Irak"},
            {"case_id": "PT-001", "member_id": "PT-001-3", "first_name": "Sara", "last_name": "Benali",
             "role": "child", "gender": "female", "birth_date": D(2015, 2, 28), "nationality": "Irak",
             "born_in_country": "yes"},
            {"case_id": "PT-003", "member_id": "PT-003-1", "first_name": "Awa", "last_name": "Diallo",
             "role": "parent", "gender": "female", "birth_date": 1990, "nationality": "Guinée"},
        ],
        "vulnerabilities": [
            {"case_id": "PT-001", "assessed_date": D(2022, 2, 1), **vul, "vulnerability_notes": "Suivi médical"},
        ],
        "baseline": [
            {"case_id": "PT-001", "assessment_date": D(2022, 8, 1), "assessment_type": "follow_up",
             "case_manager": "Anne", **_scores(4, "Suivi 1")},
            {"case_id": "PT-001", "assessment_date": D(2022, 2, 3), "assessment_type": "baseline",
             "case_manager": "Anne", **_scores(2, "Base"), "a01_dropout_risk_why": MULTILINE,
             "a02_autonomy_why": NASTY},
            {"case_id": "PT-001", "assessment_date": D(2023, 1, 15), "assessment_type": "follow_up",
             "case_manager": "Marc", **_scores(6, "Suivi 2")},
            {"case_id": "PT-001", "assessment_date": D(2023, 6, 1), "assessment_type": "follow_up",
             "case_manager": "Marc", **_scores(9, "Après la date de référence")},
            {"case_id": "PT-003", "assessment_date": D(2021, 7, 20), "assessment_type": "baseline",
             **_scores(0, "Base")},
        ],
        "summary": [
            _summary("PT-001", D(2022, 8, 5), "limited", "no"),
            _summary("PT-001", D(2023, 2, 10), "some", "yes", risk_level="considerable", trust_in_system="dont_know",
                     g1_consequences="dont_know", g2_initiative="no", g1_obstacles=NASTY,
                     other_observations=MULTILINE),
            _summary("PT-001", D(2023, 3, 10), "negative", "no"),  # after the reference date: not shown
            _summary("PT-003", D(2022, 9, 1), None, None, engagement_capacity="none", g1_more_information="yes",
                     g1_obstacles=None),
        ],
        "case_study": [
            {"case_id": "PT-001", "written_date": D(2023, 2, 1), "profile": f"Famille {ARABIC}",
             "screening_assessment": NASTY, "case_planning": MULTILINE, "interventions": "Visites",
             "review": "Révision trimestrielle", "closure_outcome": "En cours"},
        ],
        "contacts": [
            {"case_id": "PT-001", "contact_date": D(2022, 3, 1), "contact_type": "home_visit", "minutes": 90,
             "note": NASTY},
            {"case_id": "PT-001", "contact_date": D(2022, 2, 10), "contact_type": "home_visit", "minutes": 60},
            {"case_id": "PT-001", "contact_date": D(2022, 4, 1), "contact_type": "phone", "minutes": 15},
            {"case_id": "PT-003", "contact_date": D(2021, 8, 1), "contact_type": "office_meeting"},
        ],
        "chronology": [
            {"case_id": "PT-001", "event_date": D(2022, 6, 1), "event_code": "R9BIS_APPLY",
             "description": "Demande 9bis introduite"},
            {"case_id": "PT-001", "event_date": D(2010, 5, 3), "event_code": "ARRIVAL"},
            {"case_id": "PT-001", "event_date": D(2011, 1, 5), "event_code": "IP_APPLY", "deadline": D(2011, 2, 5)},
            {"case_id": "PT-001", "event_date": D(2023, 4, 1), "event_code": "OQT", "description": NASTY},
        ],
        "actions": [
            {"case_id": "PT-001", "action": "Rassembler les attestations scolaires", "owner": "Anne",
             "due_date": D(2023, 3, 15), "action_status": "in_progress"},
            {"case_id": "PT-001", "action": "Rendez-vous avocat", "owner": "Famille", "due_date": D(2023, 1, 10),
             "action_status": "done", "done_date": D(2023, 1, 9)},
        ],
        "documents": [
            {"case_id": "PT-001", "document_type": "passport", "description": "Passeport mère",
             "issue_date": D(2015, 1, 1), "valid_until": D(2023, 3, 10)},
            {"case_id": "PT-001", "document_type": "support_letter", "issue_date": D(2022, 12, 1)},
            {"case_id": "PT-001", "document_type": "school_certificate", "issue_date": D(2021, 9, 1),
             "valid_until": D(2022, 6, 30)},
        ],
    }


def cohort(lang: str = "fr") -> Dataset:
    return Dataset.from_rows(cohort_rows(), {"reference_date": REF, "organisation": "JRS Belgium",
                                             "project_location": "Bruxelles"}, lang)


# --- reading documents back ----------------------------------------------------------------------

def read_docx(data):
    """A rendered document (bytes or path) opened with python-docx."""
    import io
    from pathlib import Path

    import docx
    return docx.Document(io.BytesIO(data) if isinstance(data, bytes) else Path(data))


def paragraphs(document) -> list[str]:
    """Every paragraph's text in body order, table cells included (line breaks as \\n, tabs as \\t)."""
    from docx.text.paragraph import Paragraph
    return [Paragraph(p, document).text for p in document.element.body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")]


def table_rows(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def render_all(ds, templates=None) -> dict:
    """{(case id, document): bytes} for every case and document type, through the compiled renderer."""
    from ptxl.docs.context import BUILDERS
    from ptxl.docs.generate import context_keys
    from ptxl.docs.render import load_template
    from ptxl.paths import templates_dir
    from ptxl.stats.casefiles import case_files
    folder = templates or templates_dir()
    ix = case_files(ds)
    out = {}
    for doc, build in BUILDERS.items():
        tpl = load_template(folder / ds.lang / f"{doc}.docx", ds.lang, context_keys(doc))
        for cid, case in ix.cases.items():
            out[cid, doc] = tpl.render(build(ix, case), title=doc)
    return out
