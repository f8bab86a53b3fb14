"""The impact report: every table of the seed note, with the same numbers, read back out of the .docx."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from docx import Document

from ptxl.model.dataset import Dataset
from ptxl.report.render import render_report
from ptxl.schema import get_schema
from ptxl.pipeline import from_stats, publish

from seed_tables import IMPACT, IMPACT_CODES, N, YES_NO, YES_NO_CODES, seed_stats, yes_no_pct


def tables_by_question(path) -> dict[str, dict[str, str]]:
    """Every table row whose first cell is an annex B question → {header: cell text}."""
    doc = Document(str(path))
    out = {}
    for table in doc.tables:
        header = [c.text.replace("\u00ad", "") for c in table.rows[0].cells]  # a narrow header's soft hyphens
        for row in table.rows[1:]:
            cells = [c.text for c in row.cells]
            out[cells[0]] = dict(zip(header, cells))
    return out


def assert_seed_tables(path, lang="fr"):
    sch = get_schema()
    impact, yes_no = sch.scales["impact"], sch.scales["yes_no"]
    rows = tables_by_question(path)
    questions = {q.key: q.question[lang] for q in sch.annex_b}
    for key, (counts, positive) in IMPACT.items():
        row = rows[questions[key]]
        for code, expected in zip(IMPACT_CODES, counts):
            assert row[impact.label(code, lang)] == str(expected), (key, code)
        assert row[[h for h in row if "(%)" in h][0]] == f"{positive}%", key
    for key, (counts, _printed) in YES_NO.items():
        row = rows[questions[key]]
        for code, expected in zip(YES_NO_CODES[:3], counts[:3]):
            assert row[yes_no.label(code, lang)] == str(expected), (key, code)
        for code, expected in zip(YES_NO_CODES[:3], yes_no_pct(key)):
            assert row[f"{yes_no.label(code, lang)} (%)"] == f"{expected}%", (key, code)
        no_answer = sch.scales["yes_no"].label("no_answer", lang)
        if key.startswith("g2_"):  # the only group with blanks in the seed: the column is there
            assert row[no_answer] == str(counts[3]), key
        else:
            assert no_answer not in row, key


def test_report_reproduces_every_seed_table(tmp_path):
    out = render_report(from_stats(seed_stats()), tmp_path / "r.docx", lang="fr", today=dt.date(2023, 3, 1))
    assert_seed_tables(out)


def test_report_sample_size_note_and_sections(tmp_path):
    out = render_report(from_stats(seed_stats()), tmp_path / "r.docx", lang="fr")
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert f"N = {N} familles" in text
    assert "Au total, 24 familles" in text and "14 familles y ont été admises" in text
    assert "8 familles sur 12 résident en Belgique depuis plus de cinq ans" in text
    assert "6,5 mois" in text and "74 visites à domicile" in text
    assert text.count("[À rédiger par l'évaluateur]") == 3  # about, discussion, recommendations


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_other_languages_have_the_same_tables(tmp_path, lang):
    out = render_report(from_stats(seed_stats()), tmp_path / "r.docx", lang=lang)
    assert_seed_tables(out, lang)


def test_case_studies_come_from_marked_families_and_are_escaped(tmp_path):
    ds = Dataset.from_rows({
        "families": [{"case_id": "PT-003", "case_study": "yes"}, {"case_id": "PT-004", "case_study": "no"}],
        "case_study": [
            {"case_id": "PT-003", "profile": "Famille <A> & fils {{ x }} {% if %}\nDeuxième ligne",
             "interventions": "Avocat </w:t> contacté", "written_date": dt.date(2023, 1, 10)},
            {"case_id": "PT-004", "profile": "NE PAS PUBLIER", "written_date": dt.date(2023, 1, 10)},
        ]}, {"reference_date": dt.date(2023, 2, 28)})
    out = render_report(from_stats(seed_stats(), dataset=ds), tmp_path / "r.docx", lang="fr")
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Dossier PT-003" in text
    assert "Famille <A> & fils {{ x }} {% if %}" in text and "Deuxième ligne" in text
    assert "Avocat </w:t> contacté" in text
    assert "NE PAS PUBLIER" not in text


def test_a_case_study_is_the_narrative_its_annex_c_shows_at_the_reference_date():
    """The domain's rule for the report as for the document: the latest narrative dated on or before the
    reference date; one written later, or undated, is left out of both."""
    from ptxl.docs.context import build_context as doc_context
    ds = Dataset.from_rows({
        "families": [{"case_id": "PT-003", "case_study": "yes"}, {"case_id": "PT-005", "case_study": "yes"}],
        "case_study": [
            {"case_id": "PT-003", "profile": "Avant", "written_date": dt.date(2023, 1, 10)},
            {"case_id": "PT-003", "profile": "Après la date", "written_date": dt.date(2023, 3, 1)},
            {"case_id": "PT-003", "profile": "Sans date"},
            {"case_id": "PT-005", "profile": "Sans date non plus"},
        ]}, {"reference_date": dt.date(2023, 2, 28)})
    results = from_stats(seed_stats(), dataset=ds)  # the seed's reference date is the dataset's, 2023-02-28
    studies = results.case_studies
    assert [(s["case_id"], s["stages"]) for s in studies] == [("PT-003", [("profile", "Avant")])]
    assert doc_context("modele_de_cas", results.case_files, "PT-003")["C"]["profile"] == "Avant"
    assert doc_context("modele_de_cas", results.case_files, "PT-005")["has_case_study"] is False


def test_marked_families_without_a_narrative_at_the_date_are_named_not_called_unmarked(tmp_path):
    """PT-005 is marked but its only narrative is undated: the report says so (both in its material and in the
    case studies section), instead of "no family is marked 'Case study'"."""
    ds = Dataset.from_rows({
        "families": [{"case_id": "PT-003", "case_study": "yes"}, {"case_id": "PT-005", "case_study": "yes"}],
        "case_study": [{"case_id": "PT-003", "profile": "Avant", "written_date": dt.date(2023, 1, 10)},
                       {"case_id": "PT-005", "profile": "Sans date"}]}, {"reference_date": dt.date(2023, 2, 28)})
    results = from_stats(seed_stats(), dataset=ds)
    assert results.case_studies_missing == ["PT-005"]
    text = "\n".join(p.text for p in Document(str(render_report(results, tmp_path / "r.docx", lang="fr"))).paragraphs)
    said = "Marquées « Étude de cas » mais sans récit daté au plus tard du 28/02/2023 dans la feuille « Modèle de cas » : PT-005."
    assert text.count(said) == 2 and "Aucune famille n'est marquée" not in text and "Dossier PT-003" in text
    only_undated = from_stats(seed_stats(), dataset=Dataset.from_rows(
        {"families": [{"case_id": "PT-005", "case_study": "yes"}],
         "case_study": [{"case_id": "PT-005", "profile": "Sans date"}]}, {"reference_date": dt.date(2023, 2, 28)}))
    text = "\n".join(p.text for p in Document(str(render_report(only_undated, tmp_path / "u.docx", lang="nl"))).paragraphs)
    assert "Gemarkeerd als « Casestudy » maar zonder verhaal" in text and "Geen enkel gezin is gemarkeerd" not in text
    unmarked = from_stats(seed_stats(), dataset=Dataset.from_rows({"families": [{"case_id": "PT-005"}]},
                                                                  {"reference_date": dt.date(2023, 2, 28)}))
    text = "\n".join(p.text for p in Document(str(render_report(unmarked, tmp_path / "n.docx", lang="fr"))).paragraphs)
    assert "Aucune famille n'est marquée « Étude de cas »" in text


def test_report_carries_no_author_metadata(tmp_path):
    """ptxl is the creator, dated now: no person's name, no python-docx 2013 date, no thumbnail."""
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    out = render_report(from_stats(seed_stats()), tmp_path / "r.docx", lang="fr")
    after = dt.datetime.now(dt.timezone.utc)
    props = Document(str(out)).core_properties
    assert props.author == "ptxl" and props.last_modified_by == "" and props.comments == ""
    for stamp in (props.created, props.modified):
        assert before <= stamp.replace(tzinfo=dt.timezone.utc) <= after, stamp
    assert props.title == "Rapport d'impact"
    names = zipfile.ZipFile(out).namelist()
    assert not [n for n in names if "thumbnail" in n or n == "docProps/custom.xml"]
    rels = "".join(zipfile.ZipFile(out).read(n).decode() for n in zipfile.ZipFile(out).namelist()
                   if n.endswith(".rels"))
    assert 'TargetMode="External"' not in rels


def test_demo_workbook_report_has_the_seed_tables(tmp_path):
    """End to end: the demo workbook → load → statistics → report, read back against the seed."""
    from ptxl.demo import write_demo_workbook
    from ptxl.pipeline import compute, load
    from ptxl.report import write_report

    book = write_demo_workbook(tmp_path / "demo.xlsx")
    out = write_report(compute(load(book)), tmp_path / "rapport.docx")
    assert_seed_tables(out)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Démo – données fictives" in text  # the organisation, on the title page
    assert "Dossier PT-006" in text  # a family marked as case study in the demo


def test_a_report_for_publication_hides_small_counts(tmp_path):
    out = render_report(publish(from_stats(seed_stats()), 5), tmp_path / "r.docx", lang="fr")
    rows = tables_by_question(out)
    questions = {q.key: q.question["fr"] for q in get_schema().annex_b}
    impact = get_schema().scales["impact"]
    for key in IMPACT:
        row = rows[questions[key]]
        counts = [row[impact.label(c, "fr")] for c in IMPACT_CODES]
        assert not {"1", "2", "3", "4"} & set(counts), (key, counts)
    assert "<5" in rows[questions["engagement_capacity"]].values()
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Lecture" not in text.split("Impact de la gestion de cas")[-1].split("Groupe 1")[0]


def test_report_passes_the_open_xml_validator_and_converts_to_pdf(tmp_path):
    from tools import libreoffice_pdf, pdf_text, run_ooxml_validator

    out = render_report(from_stats(seed_stats()), tmp_path / "rapport.docx", lang="fr")
    assert run_ooxml_validator(out) == []
    pdf = libreoffice_pdf([out], tmp_path / "pdf")[0]
    text = pdf_text(pdf)
    assert "Impact de la gestion de cas" in text and "Groupe 3" in text and "Études de cas" in text


def test_a_large_cohort_gets_a_stay_histogram_not_a_bar_per_family(tmp_path):
    stats = seed_stats()
    years = {f"PT-{i:04d}": float(i % 25) for i in range(1, 201)}
    stats["cohort"]["reviewed"]["years_in_country"] = years
    out = render_report(from_stats(stats), tmp_path / "r.docx", lang="fr")
    doc = Document(str(out))
    stay = next(t for t in doc.tables if t.rows[0].cells[0].text == "Années en Belgique")
    rows = {r.cells[0].text: int(r.cells[1].text) for r in stay.rows[1:]}
    assert rows.pop("Total") == 200  # the total is the table's last row
    assert sum(rows.values()) == 200 and len(rows) == 5
    assert rows["plus de 15 ans"] == sum(1 for y in years.values() if y > 15)  # the workbook's bins


def test_sections_to_write_start_from_the_workbook_and_stay_marked(tmp_path):
    """About / discussion / recommendations: the marker, then counts the workbook holds (never its texts)."""
    from ptxl.demo import write_demo_workbook
    from ptxl.stats import compute_stats
    from ptxl.validate import load_workbook

    loaded = load_workbook(write_demo_workbook(tmp_path / "demo.xlsx"))
    stats = compute_stats(loaded.dataset)
    out = render_report(from_stats(stats, dataset=loaded.dataset), tmp_path / "r.docx", lang="fr")
    paras = [p.text for p in Document(str(out)).paragraphs]
    text = "\n".join(paras)
    assert text.count("[À rédiger par l'évaluateur]") == 3
    discussion = text.split("\nDiscussions\n")[1].split("\nRecommandations\n")[0]
    questions, n = stats["impact"]["questions"], stats["impact"]["n"]
    for g in ("g1", "g2", "g3"):
        k = questions[f"{g}_obstacles"]["counts"]["answered"]
        assert f"« {g.upper()} – Obstacles » : noté pour {k} des {n} familles examinées" in discussion
    marked = sorted(c for c, f in zip(loaded.dataset.tables["families"]["case_id"],
                                      loaded.dataset.tables["families"]["case_study"]) if f == "yes")
    assert marked and all(c in discussion.split("Études de cas marquées pour le rapport")[1] for c in marked)
    recommendations = text.split("\nRecommandations\n")[1]
    k = questions["key_factors"]["counts"]["answered"]
    assert f"« Facteurs clés » : noté pour {k} des {n} familles examinées" in recommendations
    summary = loaded.dataset.tables["summary"]
    for note in summary["g1_obstacles"].dropna():  # counts only: no family's words in these sections
        assert str(note)[:40] not in discussion


def test_the_small_sample_caveat_is_for_small_samples_only(tmp_path):
    stats = seed_stats()
    stats["impact"]["n"] = 606
    text = "\n".join(p.text for p in Document(str(render_report(from_stats(stats), tmp_path / "r.docx",
                                                                lang="fr"))).paragraphs)
    assert "N = 606 familles examinées." in text and "moins de 30 familles" not in text
    small = "\n".join(p.text for p in Document(str(render_report(from_stats(seed_stats()), tmp_path / "s.docx",
                                                                 lang="fr"))).paragraphs)
    assert "moins de 30 familles" in small and "8,3 %" in small
