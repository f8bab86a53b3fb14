"""A section without entries says so in one line: no empty score tables, unticked checklists or bare "Date :"."""

from __future__ import annotations

import pytest

from docs_fixtures import cohort, paragraphs, read_docx, render_all
from ptxl.docs.texts import t
from ptxl.schema import get_schema

BOXES = ("☐", "☒")


@pytest.fixture(scope="module")
def rendered():
    return {lang: render_all(cohort(lang)) for lang in ("fr", "en")}


def _doc(rendered, lang, case, doc):
    return read_docx(rendered[lang][case, doc])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_family_with_no_data_gets_one_line_per_empty_section(rendered, lang):
    """PT-002 is in screening: no assessment, review, vulnerability, case study or log entry."""
    base = _doc(rendered, lang, "PT-002", "fiche_de_base")
    assert len(base.tables) == 0  # neither the score matrix nor the 14 per-question tables
    assert paragraphs(base).count(t("no_assessment", lang)) == 1
    summary = _doc(rendered, lang, "PT-002", "fiche_de_synthese")
    text = "\n".join(paragraphs(summary))
    assert not any(box in text for box in BOXES)  # no unticked checklist, no unticked answer rows
    assert text.count(t("no_summary", lang)) == 1 and t("no_vulnerabilities", lang) in text
    assert get_schema().annex_b[0].question[lang] not in text  # the impact questions are not printed empty
    case = _doc(rendered, lang, "PT-002", "modele_de_cas")
    assert len(case.tables) == 0 and t("no_case_study", lang) in paragraphs(case)
    full = "\n".join(paragraphs(_doc(rendered, lang, "PT-002", "dossier_famille")))
    assert not any(box in full for box in BOXES)
    assert full.count(t("no_entries", lang)) == 5  # members, chronology, contacts, actions, documents
    assert t("q_contacts", lang) not in full.split(t("profile", lang))[-1]  # no contact question left bare


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_label_is_left_without_its_value(rendered, lang):
    colon = t("colon", lang)
    for (case, doc), data in rendered[lang].items():
        for line in paragraphs(read_docx(data)):
            assert not line.rstrip().endswith(colon.strip()), (case, doc, line)  # "Date :" and nothing after


def test_a_family_with_data_keeps_every_section(rendered):
    base = _doc(rendered, "fr", "PT-001", "fiche_de_base")
    assert len(base.tables) == 1 + len(get_schema().annex_a)  # the matrix and one table per question
    assert t("no_assessment", "fr") not in paragraphs(base)
    summary = "\n".join(paragraphs(_doc(rendered, "fr", "PT-001", "fiche_de_synthese")))
    assert "☒" in summary and "☐" in summary and t("no_summary", "fr") not in summary
    assert t("no_vulnerabilities", "fr") not in summary
