"""Render every template for a cohort and read the documents back with python-docx."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from docs_fixtures import (ARABIC, MULTILINE, NASTY, cohort, cohort_rows, paragraphs, read_docx, render_all,
                           table_rows)
from ptxl.model.dataset import Dataset
from ptxl.schema import get_schema

SCH = get_schema()


@pytest.fixture(scope="module")
def fr():
    return cohort("fr"), render_all(cohort("fr"))


def _fmt(d):
    return d.strftime("%d/%m/%Y")


def _assessments(case_id, ref):
    rows = [r for r in cohort_rows()["baseline"] if r["case_id"] == case_id and r["assessment_date"] <= ref]
    return sorted(rows, key=lambda r: r["assessment_date"])


@pytest.mark.parametrize("case_id", ["PT-001", "PT-002", "PT-003"])
def test_annex_a_every_item_and_score_per_assessment_column(fr, case_id):
    ds, docs = fr
    doc = read_docx(docs[case_id, "fiche_de_base"])
    rows = _assessments(case_id, ds.reference_date)
    if not rows:  # one line says so: no empty matrix, no empty table per item
        assert doc.tables == [] and paragraphs(doc).count("Aucune évaluation enregistrée.") == 1
        return
    matrix = table_rows(doc.tables[0])
    assert matrix[0][2:] == [f"{_fmt(r['assessment_date'])}\n{SCH.scales['assessment_type'].label(r['assessment_type'])}"
                             for r in rows]
    for i, item in enumerate(SCH.annex_a, 1):
        assert matrix[i][:2] == [str(i), item.labels["fr"]]
        assert matrix[i][2:] == [str(r[f"{item.key}_score"]) for r in rows]
        detail = table_rows(doc.tables[i])  # one table per item: date | type | score | why
        assert [r[0] for r in detail[1:]] == [_fmt(r["assessment_date"]) for r in rows]
        assert [r[2] for r in detail[1:]] == [str(r[f"{item.key}_score"]) for r in rows]
        assert [r[3] for r in detail[1:]] == [r[f"{item.key}_why"] for r in rows]
    text = paragraphs(doc)
    for i, item in enumerate(SCH.annex_a, 1):
        assert f"{i}. {item.question['fr']}" in text
    assert ("Aucune évaluation enregistrée." in text) == (not rows)


def test_annex_a_leaves_out_assessments_after_the_reference_date(fr):
    _ds, docs = fr
    xml = zipfile.ZipFile(io.BytesIO(docs["PT-001", "fiche_de_base"])).read("word/document.xml").decode()
    assert "Après la date de référence" not in xml
    assert "01/06/2023" not in xml


def _expected_summary(case_id, ref):
    rows = [r for r in cohort_rows()["summary"] if r["case_id"] == case_id and r["review_date"] <= ref]
    return max(rows, key=lambda r: r["review_date"]) if rows else None


@pytest.mark.parametrize("case_id", ["PT-001", "PT-002", "PT-003"])
def test_annex_b_marks_the_chosen_answer_among_all_answers(fr, case_id):
    ds, docs = fr
    doc = read_docx(docs[case_id, "fiche_de_synthese"])
    row = _expected_summary(case_id, ds.reference_date) or {}
    tables = doc.tables[1:]  # the profile table first, then one table per annex B question
    if not row:  # no review: said in one line, no rows of unticked boxes
        assert tables == [] and "Aucune fiche de synthèse enregistrée à la date de référence." in paragraphs(doc)
        return
    assert len(tables) == len(SCH.annex_b)
    for q, table in zip(SCH.annex_b, tables):
        cells = table_rows(table)[0]
        if q.scale == "text":
            assert cells == [row.get(q.key) or ""], q.key
            continue
        options = SCH.scales[q.scale].options
        assert [c[2:] for c in cells] == [o.label("fr") for o in options], q.key
        checked = [c[2:] for c in cells if c.startswith("☒")]
        assert checked == ([SCH.scales[q.scale].label(row[q.key])] if row.get(q.key) else []), q.key
        assert all(c[0] in "☒☐" for c in cells)


def test_annex_b_profile_is_derived_from_registry_members_checklist_and_contacts(fr):
    _ds, docs = fr
    doc = read_docx(docs["PT-001", "fiche_de_synthese"])
    answers = {r[0]: r[2] for r in table_rows(doc.tables[0])[1:]}
    assert answers["1"].splitlines() == ["PT-001-1 (Parent) : Femme", "PT-001-2 (Parent) : Homme",
                                         "PT-001-3 (Enfant) : Femme"]
    assert answers["2"].splitlines() == ["PT-001-1 (Parent) : 34 ans", "PT-001-2 (Parent) : 37 ans",
                                         "PT-001-3 (Enfant) : 8 ans"]  # ages at 28/02/2023
    checked = [line[2:] for line in answers["4"].splitlines() if line.startswith("☒")]
    assert checked == ["Enfant", "Problèmes de santé physique et mentale"]
    assert len([line for line in answers["4"].splitlines() if line[:1] in "☒☐"]) == 17
    assert "Ne sait pas : Apatride" in answers["4"]
    assert answers["7"] == "12 ans, 9 mois et 3 semaines (depuis le 03/05/2010)"
    assert answers["9"] == "12 mois et 3 semaines (depuis le 01/02/2022)"
    assert answers["10"].splitlines()[:3] == ["Visite à domicile : 2", "Appel téléphonique : 1",
                                              "3 contacts en 56 semaines (≈ 0,1 par semaine)"]
    assert answers["11"] == "De la communauté" and answers["14"] == "Risque élevé"
    assert answers["15"] == "Suivie (en cours)"
    assert "Benali" not in "".join(paragraphs(doc))  # the evaluation's forms carry ids, not names
    doc3 = read_docx(docs["PT-003", "fiche_de_synthese"])
    answers3 = {r[0]: r[2] for r in table_rows(doc3.tables[0])[1:]}
    assert answers3["2"] == "PT-003-1 (Parent) : environ 32 ans"  # born "1990" = 1 July 1990
    assert answers3["7"] == "environ 17 ans (depuis 2005)"
    assert answers3["9"] == "14 mois et 2 semaines (du 15/07/2021 au 01/10/2022)"  # stops at the closure date
    doc2 = read_docx(docs["PT-002", "fiche_de_synthese"])
    assert {r[0]: r[2] for r in table_rows(doc2.tables[0])[1:]}["9"] == "Pas (encore) admise dans le projet"
    assert "Aucune fiche de synthèse enregistrée à la date de référence." in paragraphs(doc2)


def test_annex_c_six_stages(fr):
    _ds, docs = fr
    rows = table_rows(read_docx(docs["PT-001", "modele_de_cas"]).tables[0])
    study = cohort_rows()["case_study"][0]
    assert [r[0] for r in rows[1:]] == [label["fr"] for _k, label in SCH.annex_c]
    assert [r[1] for r in rows[1:]] == [study[k] for k, _l in SCH.annex_c]
    empty = read_docx(docs["PT-002", "modele_de_cas"])  # nothing written: one line, not six empty stages
    assert empty.tables == [] and "Aucun modèle de cas rédigé." in paragraphs(empty)


def _section_table(doc, heading: str):
    """The first table after a heading paragraph (python-docx keeps body order in element.body)."""
    seen = False
    for el in doc.element.body.iterchildren():
        if el.tag.endswith("}p") and Paragraph(el, doc).text == heading:
            seen = True
        elif seen and el.tag.endswith("}tbl"):
            return Table(el, doc)
    raise AssertionError(heading)


def test_case_file_chronology_in_date_order_and_every_section(fr):
    _ds, docs = fr
    doc = read_docx(docs["PT-001", "dossier_famille"])
    chrono = table_rows(_section_table(doc, "Chronologie juridique"))[1:]
    assert [r[0] for r in chrono] == ["03/05/2010", "05/01/2011", "01/06/2022", "01/04/2023"]
    labels = SCH.scales["chronology_event"]
    assert [r[1] for r in chrono] == [labels.label(c) for c in ("ARRIVAL", "IP_APPLY", "R9BIS_APPLY", "OQT")]
    assert chrono[1][3] == "05/02/2011"
    members = table_rows(_section_table(doc, "Membres de la famille"))
    assert members[1][:3] == ["PT-001-1", ARABIC, "Benali"]
    docs_rows = {r[0]: r for r in table_rows(_section_table(doc, "Documents"))[1:]}
    assert docs_rows["Passeport"][4] == "Expire dans 10 jours"
    assert docs_rows["Lettre de soutien"][3] == "01/06/2023 (validité par défaut : 6 mois)"
    assert docs_rows["Attestation scolaire"][4] == "Expiré"
    actions = table_rows(_section_table(doc, "Plan d'action"))[1:]
    assert [a[2] for a in actions] == ["10/01/2023", "15/03/2023"]
    scores = table_rows(_section_table(doc, "Évolution des scores (annexe A)"))
    assert len(scores[0]) == 2 + 3 and scores[1][2:] == ["2", "4", "6"]
    latest_b = {r[0]: r[1] for r in table_rows(_section_table(doc, "Dernière fiche de synthèse (annexe B)"))}
    assert latest_b[SCH.annex_b[1].labels["fr"]] == "Impact considérable"
    text = paragraphs(doc)
    for _key, label in SCH.annex_c:
        assert label["fr"] in text
    assert "Benali – PT-001" in text


def test_staff_text_appears_literally_with_its_line_breaks(fr):
    _ds, docs = fr
    base = read_docx(docs["PT-001", "fiche_de_base"])
    whys = [r[3] for r in table_rows(base.tables[1])[1:] + table_rows(base.tables[2])[1:]]
    assert MULTILINE in whys and NASTY in whys
    cas = table_rows(read_docx(docs["PT-001", "modele_de_cas"]).tables[0])
    assert cas[2][1] == NASTY and cas[3][1] == MULTILINE and cas[1][1] == f"Famille {ARABIC}"
    xml = zipfile.ZipFile(io.BytesIO(docs["PT-001", "modele_de_cas"])).read("word/document.xml").decode()
    assert "Première ligne</w:t><w:br/>" in xml and "<w:tab/>" in xml
    assert "Tom &amp; Jerry &lt;b&gt; &lt;/w:t&gt; {{ case_id }} {% if x %}" in xml


def test_every_case_gets_header_footer_and_empty_metadata(fr):
    _ds, docs = fr
    for (cid, doc), data in docs.items():
        z = zipfile.ZipFile(io.BytesIO(data))
        names = z.namelist()
        assert names[0] == "[Content_Types].xml"
        header = "".join(z.read(n).decode() for n in names if re.match(r"word/header\d*\.xml", n))
        footer = "".join(z.read(n).decode() for n in names if re.match(r"word/footer\d*\.xml", n))
        assert f">{cid}<" in header
        assert "Confidentiel" in footer and 'w:instr=" PAGE "' in footer
        props = read_docx(data).core_properties
        assert props.author == "" and props.last_modified_by == ""
        assert "docProps/custom.xml" not in names and not any("thumbnail" in n for n in names)
        for rels in (n for n in names if n.endswith(".rels")):
            assert "External" not in z.read(rels).decode()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_dutch_and_english_have_the_same_structure(lang):
    ds = cohort(lang)
    docs = render_all(ds)
    base = read_docx(docs["PT-001", "fiche_de_base"])
    matrix = table_rows(base.tables[0])
    assert [r[1] for r in matrix[1:]] == [item.labels[lang] for item in SCH.annex_a]
    assert matrix[1][2:] == ["2", "4", "6"]
    syn = read_docx(docs["PT-001", "fiche_de_synthese"])
    first = table_rows(syn.tables[1])[0]
    assert first[3] == "☒ " + SCH.scales["impact"].label("some", lang)
    cas = table_rows(read_docx(docs["PT-001", "modele_de_cas"]).tables[0])
    assert [r[0] for r in cas[1:]] == [label[lang] for _k, label in SCH.annex_c]
    dossier = paragraphs(read_docx(docs["PT-001", "dossier_famille"]))
    assert SCH.sheet("actions").name(lang) in dossier


def test_demo_cohort_renders_every_document():
    demo = pytest.importorskip("ptxl.demo")
    rows, settings = demo.demo_rows()
    ds = Dataset.from_rows(rows, settings, "fr")
    docs = render_all(ds)
    assert len(docs) == 4 * len(rows["families"])
    for (cid, doc), data in docs.items():
        d = read_docx(data)
        if doc == "fiche_de_base":
            assessed = sorted((r for r in rows["baseline"] if r["case_id"] == cid
                               and r["assessment_date"] <= ds.reference_date), key=lambda r: r["assessment_date"])
            assert bool(d.tables) == bool(assessed)
            if not assessed:
                continue
            matrix = table_rows(d.tables[0])
            for i, item in enumerate(SCH.annex_a, 1):
                assert matrix[i][2:] == [str(r.get(f"{item.key}_score") if r.get(f"{item.key}_score") is not None
                                             else "") for r in assessed]
        elif doc == "fiche_de_synthese":
            marks = sum(c.startswith("☒") for t in d.tables[1:] for c in table_rows(t)[0])
            summary = [r for r in rows["summary"] if r["case_id"] == cid and r["review_date"] <= ds.reference_date]
            latest = max(summary, key=lambda r: r["review_date"]) if summary else {}
            assert marks == sum(1 for q in SCH.annex_b if q.scale != "text" and latest.get(q.key))
