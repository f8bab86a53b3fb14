"""One truth: every figure the workbook's output sheets, the report, the Word documents and
``ptxl stats --json`` show is the same figure, for a cohort built to make copies disagree.

The cohort (on top of ``test_rules_base.base_rows``), evaluated ``--as-of`` AS_OF while the
workbook's own reference date is later:
- PT-001's newest client summary is undated and answers "considerable" where its dated one says
  "some"; it also has an undated home visit and a passport replaced by a newer one;
- PT-004 is admitted after AS_OF (and has a summary after AS_OF): not admitted yet;
- PT-005 is admitted but its only summary is undated (not counted in the impact tables, and its
  annex B shows no answer); its members have birth years alone; its passport has expired;
- PT-006 is closed after AS_OF: still active then, in the statistics as in its case file.

Each view is read back the way a user sees it (calamine for the sheets, python-docx for the
report and the documents) and compared with the JSON, never with numbers written here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docx import Document
from python_calamine import CalamineWorkbook

from ptxl.cli import main
from ptxl.docs.generate import generate_documents
from ptxl.pipeline import compute, load
from ptxl.refresh import refresh_workbook
from ptxl.report import write_report
from ptxl.schema import get_schema
from builders import D, _assessment, _family, _summary, base_rows, build, lab

AS_OF = D(2023, 2, 28)
SETTINGS = {"reference_date": D(2023, 6, 30), "organisation": "Test (fictif)"}
CHECKED = "☒"


def cohort_rows() -> dict:
    rows = base_rows()
    L = lab  # noqa: N806
    rows["families"] += [_family("PT-004", "Famille D (fictive)", D(2023, 1, 5), D(2023, 4, 3), "active"),
                         _family("PT-005", "Famille E (fictive)", D(2022, 5, 2), D(2022, 6, 1), "active"),
                         _family("PT-006", "Famille F (fictive)", D(2022, 2, 20), D(2022, 3, 1),
                                 "resolved_voluntary_return", D(2023, 5, 2))]
    rows["members"] += [
        {"case_id": "PT-004", "member_id": "PT-004-1", "first_name": "Dan", "role": L("role", "parent"),
         "birth_date": D(1970, 1, 1)},
        {"case_id": "PT-004", "member_id": "PT-004-2", "first_name": "Dia", "role": L("role", "child"),
         "birth_date": D(2016, 3, 1)},
        {"case_id": "PT-006", "member_id": "PT-006-1", "first_name": "Fay", "role": L("role", "other_adult"),
         "birth_date": D(1964, 3, 1)},
        {"case_id": "PT-006", "member_id": "PT-006-2", "first_name": "Fil", "role": L("role", "child"),
         "birth_date": D(2011, 1, 1)},
        {"case_id": "PT-005", "member_id": "PT-005-1", "first_name": "Eva", "role": L("role", "parent"),
         "birth_date": 1990},
        {"case_id": "PT-005", "member_id": "PT-005-2", "first_name": "Eli", "role": L("role", "child"),
         "birth_date": 2017},
        {"case_id": "PT-005", "member_id": "PT-005-3", "first_name": "Emy", "role": L("role", "child"),
         "birth_date": 2005},
    ]
    undated = _summary("PT-001", None)
    for key, value in undated.items():
        if value == L("impact", "some"):
            undated[key] = L("impact", "considerable")
    rows["summary"] += [undated, _summary("PT-005", None), _summary("PT-004", D(2023, 4, 20)),
                        _summary("PT-006", D(2022, 10, 3))]
    rows["baseline"] += [_assessment("PT-005", None, "baseline"), _assessment("PT-005", D(2022, 6, 5), "baseline")]
    rows["contacts"] += [
        {"case_id": "PT-001", "contact_date": None, "contact_type": L("contact_type", "home_visit"), "minutes": 30},
        {"case_id": "PT-005", "contact_date": D(2022, 7, 1), "contact_type": L("contact_type", "home_visit"),
         "minutes": 30},
    ]
    rows["documents"] += [
        {"case_id": "PT-001", "document_type": L("document_type", "passport"), "issue_date": D(2012, 1, 1),
         "valid_until": D(2022, 1, 1)},  # replaced by the 2020 passport of base_rows
        {"case_id": "PT-005", "document_type": L("document_type", "passport"), "issue_date": D(2013, 1, 1),
         "valid_until": D(2023, 1, 1)},  # expired, nothing newer
    ]
    return rows


@pytest.fixture(scope="module")
def views(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("one_truth")
    path = build(tmp / "cohort.xlsx", cohort_rows(), SETTINGS)
    result = refresh_workbook(path, AS_OF)
    loaded = load(path, AS_OF)
    return {"path": path, "tmp": tmp, "refresh": result,
            "sheets": _output_sheets(path),
            "report": Document(str(write_report(compute(loaded, AS_OF), tmp / "report.docx"))),
            "docs": generate_documents(loaded, tmp / "docs")}


@pytest.fixture(scope="module")
def stats(views):
    import contextlib
    import io
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["stats", str(views["path"]), "--json", "--as-of", AS_OF.isoformat()])
    assert code in (0, 1)
    return json.loads(out.getvalue())


def _output_sheets(path: Path) -> dict:
    """Sheet key → {block title: {row label: the row's other cells}} of each output sheet, read by calamine.

    A block title is a row with text in A and nothing in B; the rows before the first title are block "".
    """
    wb = CalamineWorkbook.from_path(str(path))
    out = {}
    for sheet in get_schema().output_sheets:
        blocks = {"": {}}
        current = blocks[""]
        for row in wb.get_sheet_by_name(sheet.name("fr")).to_python():
            label = row[0] if row else ""
            if not isinstance(label, str) or not label:
                continue
            if len(row) > 1 and row[1] == "":
                current = blocks.setdefault(label, {})
            else:
                current.setdefault(label, row[1:])
        out[sheet.key] = blocks
    return out


def _cell(blocks: dict, label: str):
    """The value beside ``label`` in the first block that has it."""
    return next(rows[label][0] for rows in blocks.values() if label in rows)


def _docs_of(views, kind: str) -> dict:
    """case id → the Document of one kind (``fiche_de_synthese``, ``dossier_famille``)."""
    return {p.parent.name: Document(str(p)) for p in views["docs"] if kind in p.name and p.suffix == ".docx"}


def _table(document, *head: str) -> list[list[str]]:
    """The first table whose header row starts with ``head`` (just a header when the document has none)."""
    return next((rows for rows in ([[c.text for c in r.cells] for r in t.rows] for t in document.tables)
                 if rows[0][:len(head)] == list(head)), [list(head)])


def _answer_boxes(document) -> list:
    """The annex B answer rows: one-row tables of tick boxes, in question order."""
    return [t for t in document.tables if len(t.rows) == 1 and all(c.text[:1] in "☐☒" for c in t.rows[0].cells)]


# ---------------------------------------------------------------- who is admitted, who is counted

def test_the_cohort_has_what_makes_copies_disagree(views):
    codes = {(f.code, f.sheet) for f in views["refresh"].findings}
    sch = get_schema()
    for sheet in ("summary", "baseline", "contacts"):
        assert ("date.undated", sch.sheet(sheet).name("fr")) in codes  # the undated rows are said
    assert not any(f.code == "date.future" for f in views["refresh"].findings)  # admitted after AS_OF is no typo


def test_referred_and_admitted(views, stats):
    cohort = views["sheets"]["cohort"]
    referred, admitted = stats["cohort"]["families_referred"], stats["cohort"]["families_admitted"]
    assert (referred, admitted) == (6, 4)  # PT-004, admitted after the reference date, is not yet
    assert _cell(cohort, "Familles orientées vers le projet") == referred
    assert _cell(cohort, "Familles admises dans le projet") == admitted
    text = "\n".join(p.text for p in views["report"].paragraphs)
    assert re.search(rf"\b{referred} familles orientées vers le projet, {admitted} admises", text)
    # the documents are written for the admitted families, as counted by the statistics
    assert len({p.parent.name for p in views["docs"]}) == admitted
    assert "PT-004" not in {p.parent.name for p in views["docs"]}


def test_families_counted_in_the_impact_tables(views, stats):
    n = stats["impact"]["n"]
    assert n == 3  # PT-005's only summary is undated: not counted, as PT-001's undated one is not its latest
    assert _cell(views["sheets"]["impact"], "Familles comptées (N)") == n
    assert stats["cohort"]["reviewed"]["families"] == n
    report = "\n".join(p.text for p in views["report"].paragraphs)
    assert f"N = {n} familles examinées" in report
    answered = sorted(cid for cid, doc in _docs_of(views, "fiche_de_synthese").items()
                      if any(CHECKED in c.text for t in _answer_boxes(doc) for c in t.rows[0].cells))
    assert answered == sorted(stats["cohort"]["reviewed"]["years_in_country"])  # the reviewed families' ids


# ---------------------------------------------------------------- impact answers

def _impact_counts_in_docs(views, key: str) -> dict:
    """Answer code → number of annex B documents where that box is ticked for question ``key``."""
    sch = get_schema()
    q = next(q for q in sch.annex_b if q.key == key)
    scale = sch.scales[q.scale]
    by_label = {o.label("fr"): o.code for o in scale.options}
    index = [x.key for x in sch.annex_b if x.scale == q.scale].index(key)
    counts = dict.fromkeys(by_label.values(), 0)
    for doc in _docs_of(views, "fiche_de_synthese").values():
        boxes = [t for t in _answer_boxes(doc) if len(t.rows[0].cells) == len(scale.options)]
        if not any(CHECKED in c.text for t in boxes for c in t.rows[0].cells):
            continue  # no summary at the reference date: nothing ticked
        ticked = [c.text[2:] for c in boxes[index].rows[0].cells if c.text.startswith(CHECKED)]
        for label in ticked:
            counts[by_label[label]] += 1
    return counts


@pytest.mark.parametrize("key", ["engagement_capacity", "g1_more_information"])
def test_impact_answers(views, stats, key):
    sch = get_schema()
    q = next(q for q in sch.annex_b if q.key == key)
    scale = sch.scales[q.scale]
    counts = stats["impact"]["questions"][key]["counts"]
    assert counts.get("considerable", 0) == 0  # the undated "considerable" summary is left out everywhere
    sheet = next(v for section in views["sheets"]["impact"].values() for k, v in section.items()
                 if k == q.question["fr"])
    assert [int(v) for v in sheet[:len(scale.options)]] == [counts[o.code] for o in scale.options]
    report = next(r for t in views["report"].tables for r in ([c.text for c in row.cells] for row in t.rows)
                  if r[0] == q.question["fr"])
    assert [int(v) for v in report[1:1 + len(scale.options)]] == [counts[o.code] for o in scale.options]
    docs = _impact_counts_in_docs(views, key)
    assert docs == {o.code: counts[o.code] for o in scale.options}


# ---------------------------------------------------------------- who the families are

def _ages_in_docs(views) -> dict:
    """"adult"/"child" → ages shown in the case files of the admitted families (a year alone: "environ")."""
    sch = get_schema()
    child, ages = sch.scales["role"].label("child", "fr"), {"adult": [], "child": []}
    for doc in _docs_of(views, "dossier_famille").values():
        table = _table(doc, "N° de la personne")
        head = table[0]
        for row in table[1:]:
            age = re.search(r"(\d+) ans", row[head.index("Âge")])
            ages["child" if row[head.index("Rôle")] == child else "adult"].append(int(age.group(1)) if age else None)
    return ages


def _bracket(age, brackets):
    for b in brackets:
        if b.unknown:
            if age is None:
                return b.key
        elif age is not None and (b.low is None or age >= b.low) and (b.high is None or age < b.high):
            return b.key


@pytest.mark.parametrize("group,title,column", [("adult", "Âge des adultes", "Adultes"),
                                                ("child", "Âge des enfants", "Enfants")])
def test_age_brackets(views, stats, group, title, column):
    brackets = get_schema().age_brackets[group]
    counts = stats["cohort"]["admitted"][f"{group}_age_brackets"]
    assert sum(counts.values()) == stats["cohort"]["admitted"][f"{group}s" if group == "adult" else "children"]
    sheet = views["sheets"]["cohort"][title]
    assert {b.key: int(sheet[b.labels["fr"]][0]) for b in brackets} == counts
    report = next({r[0]: int(r[1]) for r in tab[1:] if r[0] != "Total"}
                  for tab in ([[c.text for c in row.cells] for row in t.rows] for t in views["report"].tables)
                  if tab[0] == ["Tranche d'âge", column])
    assert {b.key: report[b.labels["fr"]] for b in brackets} == counts
    shown = [_bracket(a, brackets) for a in _ages_in_docs(views)[group]]
    assert {b.key: shown.count(b.key) for b in brackets} == counts


# ---------------------------------------------------------------- follow-up

def test_months_supported_and_home_visits(views, stats):
    eng = stats["engagement"]
    support = views["sheets"]["followup"]["Accompagnement des familles examinées"]
    assert support["Durée moyenne d'accompagnement (mois)"][0] == pytest.approx(eng["mean_months_supported"])
    assert support["Visites à domicile"][0] == eng["home_visits"]
    report = "\n".join(p.text for p in views["report"].paragraphs)
    assert f"soutenues pendant {eng['mean_months_supported']:.1f}".replace(".", ",") + " mois" in report
    assert f"{eng['home_visits']} visites à domicile" in report
    # the case files' contact logs of the reviewed families: the undated visit is in none of them
    visits, reviewed = 0, set(stats["cohort"]["reviewed"]["years_in_country"])
    for cid, doc in _docs_of(views, "dossier_famille").items():
        if cid in reviewed:
            log = _table(doc, "Date", "Type de contact")
            visits += sum(r[1] == get_schema().scales["contact_type"].label("home_visit", "fr") for r in log[1:])
    assert visits == eng["home_visits"]


def test_status_at_the_reference_date(views, stats):
    sch = get_schema()
    counts = {sch.scales["status"].label(k, "fr"): v for k, v in stats["engagement"]["status_counts"].items() if v}
    assert counts[sch.scales["status"].label("active", "fr")] == 2  # PT-006, closed after AS_OF, was still active
    situation = next(tab for tab in ([[c.text for c in row.cells] for row in t.rows] for t in views["report"].tables)
                     if tab[0][0].startswith("Situation au"))
    assert {r[0]: int(r[1]) for r in situation[1:] if r[0] != "Total"} == counts
    reviewed = set(stats["cohort"]["reviewed"]["years_in_country"])
    shown = [_table(doc, "N° de dossier")[2][1] for cid, doc in _docs_of(views, "dossier_famille").items()
             if cid in reviewed]
    assert {k: shown.count(k) for k in set(shown)} == counts


# ---------------------------------------------------------------- documents and alerts

def test_document_validity_in_the_case_files_is_that_of_the_alerts(views):
    expired_alerts = sorted(r[1] for r in _alert_rows(views) if r[3] == "Document expiré")
    expired_docs = []
    for cid, doc in _docs_of(views, "dossier_famille").items():
        table = _table(doc, "Type de document")
        expired_docs += [cid for r in table[1:] if r[-1] == "Expiré"]
        if cid == "PT-001":  # the 2012 passport is replaced by the 2020 one: neither expired nor alerted
            assert any(r[-1].startswith("Remplacé") and r[2] == "01/01/2012" for r in table[1:])
    assert sorted(expired_docs) == expired_alerts
    assert "PT-005" in expired_alerts


def _alert_rows(views) -> list:
    wb = CalamineWorkbook.from_path(str(views["path"]))
    rows = wb.get_sheet_by_name(get_schema().sheet("alerts").name("fr")).to_python()
    head = next(i for i, r in enumerate(rows) if r[0] == "Niveau")
    return [r for r in rows[head + 1:] if r[0]]
