"""generate_documents and ``ptxl docs``: folders, names, no silent overwrite, PDFs, and valid Open XML."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from docs_fixtures import ARABIC, cohort, cohort_rows, paragraphs, read_docx
from ptxl.build.workbook import build_workbook
from ptxl.cli import main
from ptxl.docs import generate_documents
from ptxl.docs import pdf as pdfmod
from ptxl.docs.generate import safe_name
from ptxl.model.errors import PtxlError
from ptxl.validate import Loaded
from tools import libreoffice_pdf, pdf_text, run_ooxml_validator

DOCS = ("dossier_famille", "fiche_de_base", "fiche_de_synthese", "modele_de_cas")


def _names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_one_folder_per_case_and_names_with_id_type_and_date(tmp_path):
    written = generate_documents(Loaded(cohort()), tmp_path, everyone=True)
    assert len(written) == 12 and all(p.exists() for p in written)
    assert _names(tmp_path) == ["PT-001", "PT-002", "PT-003"]
    assert _names(tmp_path / "PT-003") == [f"PT-003_{d}_2023-02-28.docx" for d in DOCS]


def test_by_default_no_documents_for_a_family_never_admitted(tmp_path):
    written = generate_documents(Loaded(cohort()), tmp_path / "default")
    assert _names(tmp_path / "default") == ["PT-001", "PT-003"]  # PT-002 is still in screening
    assert written.left_out == 1 and len(written) == 8
    asked = generate_documents(Loaded(cohort()), tmp_path / "asked", cases=["PT-002"])  # named: always written
    assert [p.parent.name for p in asked] == ["PT-002"] * 4 and asked.left_out == 0


def test_admitted_later_than_the_reference_date_is_not_yet_admitted(tmp_path):
    from ptxl.model.dataset import Dataset
    earlier = Dataset.from_rows(cohort_rows(), {"reference_date": dt.date(2021, 12, 31)}, "fr")
    written = generate_documents(Loaded(earlier), tmp_path)
    assert {p.parent.name for p in written} == {"PT-003"}  # PT-001 was admitted in February 2022


def test_chosen_cases_only_and_unknown_case_refused(tmp_path):
    progress = []
    written = generate_documents(Loaded(cohort()), tmp_path, cases=["PT-003"],
                                 progress=lambda d, t: progress.append((d, t)))
    assert [p.parent.name for p in written] == ["PT-003"] * 4
    assert progress == [(1, 4), (2, 4), (3, 4), (4, 4)]
    with pytest.raises(PtxlError, match="PT-999"):
        generate_documents(Loaded(cohort()), tmp_path / "other", cases=["PT-999"])
    assert not (tmp_path / "other").exists()


def test_never_overwrites_silently_and_force_replaces(tmp_path):
    first = generate_documents(Loaded(cohort()), tmp_path, cases=["PT-001"])
    marker = b"staff edited this copy"
    first[0].write_bytes(marker)
    second = generate_documents(Loaded(cohort()), tmp_path, cases=["PT-001"])
    assert first[0].read_bytes() == marker
    assert [p.name for p in second] == [p.name.replace(".docx", "_2.docx") for p in first]
    assert second.renamed == list(second)
    third = generate_documents(Loaded(cohort()), tmp_path, cases=["PT-001"], force=True)
    assert third == first and not third.renamed and first[0].read_bytes() != marker
    assert len(list((tmp_path / "PT-001").iterdir())) == 8  # no temporary file left behind


def test_case_ids_become_safe_file_names():
    assert safe_name("PT-001") == "PT-001"
    assert safe_name("../PT 7/x") == "PT_7_x"
    assert safe_name("CON") == "_CON"
    assert safe_name("...") == "case"


def test_nl_names_and_labels(tmp_path):
    written = generate_documents(Loaded(cohort("nl")), tmp_path, cases=["PT-001"])
    assert sorted(p.name for p in written) == [f"PT-001_{s}_2023-02-28.docx" for s in
                                               ("basisfiche", "casusmodel", "clientfiche", "gezinsdossier")]


def test_pdf_without_libreoffice_says_how_to_install_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(pdfmod, "find_soffice", lambda: None)
    with pytest.raises(PtxlError, match="libreoffice.org"):
        generate_documents(Loaded(cohort()), tmp_path / "out", pdf=True)
    assert not (tmp_path / "out").exists()


def _workbook(tmp_path):
    rows = cohort_rows()
    return build_workbook(tmp_path / "cohort.xlsx", "fr", rows,
                          {"reference_date": dt.date(2023, 2, 28), "project_location": "Bruxelles"})


def test_cli_writes_a_summary_and_numbers_on_second_run(tmp_path, capsys):
    book = _workbook(tmp_path)
    out = tmp_path / "docs"
    code = main(["docs", str(book), "--out", str(out), "--case", "PT-001"])
    captured = capsys.readouterr()
    assert code in (0, 1), captured.err  # 1 only if the fixture has entry errors; documents are written anyway
    assert "4 documents Word écrits pour 1 dossier dans" in captured.out
    assert main(["docs", str(book), "--out", str(out), "--case", "PT-001"]) in (0, 1)
    assert "_2, _3" in capsys.readouterr().out
    doc = read_docx(out / "PT-001" / "PT-001_modele_de_cas_2023-02-28.docx")
    assert f"Famille {ARABIC}" in "\n".join(paragraphs(doc))


def test_cli_names_the_broken_tag_and_exits_2(tmp_path, capsys, monkeypatch):
    book = _workbook(tmp_path)
    templates = tmp_path / "tpl"
    shutil.copytree(pytest.importorskip("ptxl.paths").templates_dir(), templates)
    from test_docs_templates import _edited
    _edited(templates, "fiche_de_base", "{{ assessment_date }}", "{{ assesment_date }}")
    monkeypatch.setenv("PTXL_TEMPLATES", str(templates))
    code = main(["docs", str(book), "--out", str(tmp_path / "docs")])
    err = capsys.readouterr().err
    assert code == 2 and "assesment_date" in err and "Traceback" not in err


def test_cli_missing_workbook_exits_2(tmp_path, capsys):
    assert main(["docs", str(tmp_path / "missing.xlsx"), "--out", str(tmp_path / "d")]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_documents_pass_the_open_xml_validator(tmp_path):
    """Every document of a full case (PT-001) and, in French, of an empty one (PT-002), in the three languages."""
    paths = [p for lang in ("fr", "nl", "en")
             for p in generate_documents(Loaded(cohort(lang)), tmp_path / lang,
                                         cases=["PT-001", "PT-002"] if lang == "fr" else ["PT-001"])]
    failures = {str(p.relative_to(tmp_path)): errors for p in paths if (errors := run_ooxml_validator(p))}
    assert failures == {}


def test_one_libreoffice_call_converts_the_batch(tmp_path):
    if pdfmod.find_soffice() is None:
        pytest.skip("LibreOffice not installed")
    written = generate_documents(Loaded(cohort()), tmp_path, cases=["PT-001", "PT-003"], pdf=True)
    assert len(written.pdfs) == 8 and all(p.suffix == ".pdf" and p.with_suffix(".docx").exists()
                                          for p in written.pdfs)
    text = pdf_text(tmp_path / "PT-001" / "PT-001_dossier_famille_2023-02-28.pdf")
    assert "Chronologie juridique" in text and "Confidentiel" in text and "Page 1 sur" in text
    assert "Tom & Jerry <b> </w:t> {{ case_id }}" in text


def test_every_template_converts_in_libreoffice(tmp_path):
    docs = []
    for lang in ("fr", "nl", "en"):
        for p in generate_documents(Loaded(cohort(lang)), tmp_path / lang, cases=["PT-001"]):
            docs.append(p.rename(p.with_name(f"{lang}_{p.name}")))
    pdfs = libreoffice_pdf(docs, tmp_path / "pdf")
    assert len(pdfs) == 12
    assert "فاطمة" in pdf_text(pdfs[0]) or "فاطمة" in "".join(pdf_text(p) for p in pdfs)


def test_a_file_that_cannot_be_written_is_a_plain_error(tmp_path):
    (tmp_path / "PT-001").write_text("a file where the case folder should be")
    with pytest.raises(PtxlError, match="PT-001"):
        generate_documents(Loaded(cohort()), tmp_path, cases=["PT-001"])
