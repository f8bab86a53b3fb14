"""A person-unit pilot's Word documents, report, home sheet and output sheets say persons, in fr, nl and en;
a family pilot's documents are what the templates always gave.

"Says no family" is checked on what a reader sees: every paragraph, table cell, header and footer,
after taking out what staff typed (the cohort's own strings) and the entry sheets' names and column
headers, which are the form itself and keep their words whatever the unit.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile

import pytest
from docxtpl import DocxTemplate

from builders import build
from docs_fixtures import REF, cohort, cohort_rows, paragraphs, read_docx
from ptxl.docs import generate_documents
from ptxl.docs.context import BUILDERS
from ptxl.stats.casefiles import case_files
from ptxl.docs.generate import file_slug
from ptxl.docs.texts import FILE_SLUG, TITLE
from ptxl.model.dataset import Dataset
from ptxl.validate import Loaded
from ptxl.paths import templates_dir
from ptxl.pilot import unit_text
from ptxl.refresh import refresh_workbook
from ptxl.report.render import render_report
from ptxl.report.texts import t as report_t
from ptxl.schema import HOME, LANGS, UNIT_WORDS, get_schema
from ptxl.stats import compute_stats
from ptxl.pipeline import from_stats

FAMILY_WORD = re.compile(r"\b(famille|familles|gezin|gezinnen|family|families)\b", re.IGNORECASE)


def _person(lang: str, rows: dict | None = None) -> Dataset:
    return Dataset.from_rows(rows or cohort_rows(), {"reference_date": REF, "organisation": "JRS Belgium",
                                                     "project_location": "Bruxelles", "evaluation_unit": "person"},
                             lang)


def _typed(value) -> list[str]:
    """Every string staff typed in a cohort (rows of dicts of values)."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in _typed(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _typed(v)]
    return [value] if isinstance(value, str) else []


def _form_words(lang: str) -> list[str]:
    """The entry sheets' names and column headers: the form itself, the same for every unit."""
    sch = get_schema()
    entry = [s for s in sch.sheets if s.kind == "entry"]
    return [s.name(lang) for s in entry] + [c.header(lang) for s in entry for c in s.columns]


def _family_words(texts, lang: str, typed=()) -> list[str]:
    """The texts still saying family once staff's strings, the form's names and the phrases the forms keep
    as written ("la feuille des familles" names the entry sheet, "family name" is a surname) are taken out."""
    kept = re.compile("|".join(re.escape(a) for a, b in UNIT_WORDS["person"][lang] if a == b), re.IGNORECASE)
    left = []
    for text in texts:
        for known in sorted({*typed, *_form_words(lang)}, key=len, reverse=True):
            text = text.replace(known, " ")
        text = kept.sub(" ", text)
        if FAMILY_WORD.search(text):
            left.append(text)
    return left


def _shown(document) -> list[str]:
    """Body (tables included), headers and footers: every text a reader of the document sees."""
    texts = paragraphs(document)
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            texts += [p.text for p in part.paragraphs]
            texts += [c.text for tbl in part.tables for row in tbl.rows for c in row.cells]
    return texts


@pytest.mark.parametrize("lang", LANGS)
def test_a_person_pilots_four_documents_say_persons(tmp_path, lang):
    rows = cohort_rows()
    written = generate_documents(Loaded(_person(lang, rows)), tmp_path, everyone=True)
    assert len(written) == 4 * len(rows["families"])
    typed = _typed(rows)
    for path in written:
        left = _family_words(_shown(read_docx(path)), lang, typed)
        assert not left, f"{path.name} still says family: {left[:3]}"
        assert not FAMILY_WORD.search(path.stem.replace("_", " "))
    slug = file_slug("dossier_famille", lang, "person")
    assert slug != FILE_SLUG["dossier_famille"][lang]  # dossier_personne, persoonsdossier, person_case_file
    case_file = read_docx(tmp_path / "PT-001" / f"PT-001_{slug}_{REF.isoformat()}.docx")
    title = unit_text(TITLE["dossier_famille"][lang], "person", lang)
    assert title != TITLE["dossier_famille"][lang] and title.isupper()  # PERSONNE, PERSOON, PERSON: still capitals
    assert title in _shown(case_file)
    assert "Famille" in "\n".join(_shown(case_file))  # the action owner staff typed "Famille" is shown as typed


@pytest.mark.parametrize("lang", LANGS)
def test_a_family_pilots_documents_are_what_the_templates_give(tmp_path, lang):
    """Each document as docxtpl itself fills the committed template, word for word, and the same file names."""
    ds = cohort(lang)
    written = generate_documents(Loaded(ds), tmp_path, cases=["PT-001"])
    ix = case_files(ds)
    for doc, build_context in BUILDERS.items():
        path = next(p for p in written if f"_{FILE_SLUG[doc][lang]}_" in p.name)
        assert path.name == f"PT-001_{FILE_SLUG[doc][lang]}_{REF.isoformat()}.docx"
        tpl = DocxTemplate(templates_dir() / lang / f"{doc}.docx")
        tpl.render(build_context(ix, ix.cases["PT-001"]), autoescape=True)
        buf = io.BytesIO()
        tpl.save(buf)
        assert _shown(read_docx(path)) == _shown(read_docx(buf.getvalue())), doc
    assert any(FAMILY_WORD.search(t) for t in _shown(read_docx(path)))  # the family case file says family


def test_a_restyled_template_follows_the_unit_and_keeps_its_tags(tmp_path):
    """Staff's own fixed text in a customised template is said for persons too; its tags still fill in."""
    folder = tmp_path / "templates"
    shutil.copytree(templates_dir(), folder)
    path = folder / "fr" / "modele_de_cas.docx"
    with zipfile.ZipFile(templates_dir() / "fr" / "modele_de_cas.docx") as zin, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode()
                old = "{{ case_id }}"
                assert old in text
                data = text.replace(old, "Familles suivies : {{ case_id }} ({{ organisation }})", 1).encode()
            zout.writestr(item, data)
    person = generate_documents(Loaded(_person("fr")), tmp_path / "p", cases=["PT-001"], templates=folder,
                                docs=("modele_de_cas",))
    family = generate_documents(Loaded(cohort("fr")), tmp_path / "f", cases=["PT-001"], templates=folder,
                                docs=("modele_de_cas",))
    assert "Personnes suivies : PT-001 (JRS Belgium)" in "\n".join(_shown(read_docx(person[0])))
    assert "Familles suivies : PT-001 (JRS Belgium)" in "\n".join(_shown(read_docx(family[0])))


def _report_text(path) -> list[str]:
    return _shown(read_docx(path))


@pytest.mark.parametrize("lang", LANGS)
def test_a_person_pilots_report_says_persons(tmp_path, lang):
    rows = cohort_rows()
    ds = _person(lang, rows)
    out = render_report(from_stats(compute_stats(ds), dataset=ds), tmp_path / "report.docx", lang=lang)
    texts = _report_text(out)
    assert not _family_words(texts, lang, _typed(rows)), _family_words(texts, lang, _typed(rows))[:3]
    who = {"fr": "Quelles sont ces personnes ?", "nl": "Wie zijn deze personen?", "en": "Who are these persons?"}
    assert who[lang] in texts
    family = _report_text(render_report(from_stats(compute_stats(cohort(lang)), dataset=cohort(lang)),
                                        tmp_path / "f.docx", lang=lang))
    assert report_t("who", lang) in family and who[lang] not in family  # a family pilot's report as before


def _sheet_texts(path, sheet: str) -> list[str]:
    from openpyxl import load_workbook
    wb = load_workbook(path, read_only=True)
    try:
        return [c.value for row in wb[sheet].iter_rows() for c in row if isinstance(getattr(c, "value", None), str)]
    finally:
        wb.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_refreshed_person_workbook_says_persons_on_home_and_output_sheets(tmp_path, lang):
    sch = get_schema()
    path = build(tmp_path / "w.xlsx", settings={"reference_date": REF, "organisation": "Test (fictif)",
                                                  "evaluation_unit": "person"}, lang=lang)
    home = sch.sheet("home").name(lang)
    assert _family_words(_sheet_texts(path, home), lang)  # built before the unit is chosen: says families
    refresh_workbook(path)
    names = [s.name(lang) for s in sch.sheets]
    for sheet in [home] + [s.name(lang) for s in sch.sheets if s.kind == "output"]:
        texts = [re.sub(r"^\d+\. ", "", t) for t in _sheet_texts(path, sheet)]  # "2. Familles": a link to the sheet
        left = _family_words([t for t in texts if t not in names], lang)
        assert not left, f"{sheet}: {left[:3]}"
    texts = _sheet_texts(path, home)
    assert texts[0] == unit_text(HOME.TITLE[lang], "person", lang) != HOME.TITLE[lang]
    order = [key for key, _text in HOME.ORDER]
    assert f"{order.index('families') + 1}. {sch.sheet('families').name(lang)}" in texts  # links keep sheet names
