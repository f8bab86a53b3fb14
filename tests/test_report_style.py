"""One document style for the case files and the report: ptxl's fonts, colours, table style and properties."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from ptxl.model.styles import ENTRY_TAB
from ptxl.report.render import render_report
from ptxl.pipeline import from_stats

from seed_tables import seed_stats

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted((ROOT / "templates").glob("*/*.docx"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_template_has_ptxl_fonts_theme_and_properties(path):
    z = zipfile.ZipFile(path)
    names = z.namelist()
    assert not [n for n in names if "thumbnail" in n], "python-docx's blank thumbnail"
    core = z.read("docProps/core.xml").decode()
    assert "2013" not in core and "created" not in core and "<dc:creator/>" in core
    styles = etree.fromstring(z.read("word/styles.xml"))
    for fonts in styles.iter(f"{W}rFonts"):
        assert not [a for a in fonts.attrib if a.lower().endswith("theme")], etree.tostring(fonts)
        assert fonts.get(f"{W}ascii") == "Arial"
    ids = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
    assert ids["ptxl"].get(f"{W}type") == "table"
    colour = ids["Heading1"].find(f"{W}rPr/{W}color").get(f"{W}val")
    assert colour == "1F4E79"
    theme = etree.fromstring(z.read("word/theme/theme1.xml"))
    assert {el.find(f"{A}latin").get("typeface") for k in ("majorFont", "minorFont")
            for el in theme.iter(f"{A}{k}")} == {"Arial"}
    assert theme.find(f".//{A}accent1/{A}srgbClr").get("val") == ENTRY_TAB.lstrip("#")
    doc = etree.fromstring(z.read("word/document.xml"))
    for row in doc.iter(f"{W}tr"):
        assert row.find(f"{W}trPr/{W}cantSplit") is not None, "a table row that may split across pages"
    for tbl in doc.iter(f"{W}tbl"):  # the style's header look only where the first row is a header
        first = tbl.find(f"{W}tr")
        if tbl.find(f"{W}tblPr/{W}tblLook").get(f"{W}firstRow") == "1":
            assert first.find(f"{W}trPr/{W}tblHeader") is not None


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_report_and_case_files_share_one_style(lang):
    def styles(name):
        return zipfile.ZipFile(ROOT / "templates" / lang / name).read("word/styles.xml")

    assert styles("rapport_impact.docx") == styles("dossier_famille.docx") == styles("fiche_de_base.docx")


def test_report_tables_repeat_their_header_and_never_split_a_row(tmp_path):
    out = render_report(from_stats(seed_stats()), tmp_path / "r.docx", lang="fr")
    doc = Document(str(out))
    assert len(doc.tables) > 10
    for table in doc.tables:
        assert table.style.name == "ptxl"
        rows = table._tbl.findall(f"{W}tr")
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
        assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
        sizes = {run.font.size.pt for row in table.rows for cell in row.cells for p in cell.paragraphs
                 for run in p.runs if run.text and run.font.size}
        assert sizes and min(sizes) >= 8, sizes
    small = next(t for t in doc.tables if t.rows[0].cells[0].text == "Tranche d'âge")
    widths = [c.width.cm for c in small.rows[0].cells]
    assert widths[1] < 3 and sum(widths) < 9  # a count column is narrow, not a share of the page


def test_abbreviations_are_written_out(tmp_path):
    """"GC", "ATD" and "BE" are not left for the reader to guess, in the report or the case-file templates."""
    out = render_report(from_stats(seed_stats()), tmp_path / "r.docx", lang="fr")
    texts = [zipfile.ZipFile(out).read("word/document.xml")] + \
        [zipfile.ZipFile(p).read("word/document.xml") for p in TEMPLATES]
    for xml in texts:
        text = "".join(etree.fromstring(xml).itertext())
        for short in (" GC", " ATD", " BE", "ATD-"):
            assert short not in text
    dossier = zipfile.ZipFile(ROOT / "templates" / "fr" / "dossier_famille.docx").read("word/document.xml")
    assert "G1 – Engagement avec le gestionnaire de cas" in "".join(etree.fromstring(dossier).itertext())


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_a_question_stays_on_the_page_of_its_answers(lang):
    """In the client summary, the paragraph before each answer table keeps with it (no orphan question)."""
    xml = zipfile.ZipFile(ROOT / "templates" / lang / "fiche_de_synthese.docx").read("word/document.xml")
    body = etree.fromstring(xml).find(f"{W}body")
    items = list(body)
    before = [items[i - 1] for i, el in enumerate(items) if el.tag == f"{W}tbl" and i
              and items[i - 1].tag == f"{W}p" and "".join(items[i - 1].itertext()).strip()]
    assert len(before) > 20
    for p in before:
        style = p.find(f"{W}pPr/{W}pStyle")
        heading = style is not None and style.get(f"{W}val").startswith("Heading")
        assert heading or p.find(f"{W}pPr/{W}keepNext") is not None, "".join(p.itertext())[:60]


@pytest.mark.parametrize("text, room, expected", [
    ("Impact considérable", 7, "Impact consi-dérable"),
    ("Pas d'impact", 7, "Pas d'im-pact"),
    ("Verslechterd", 7, "Vers-lech-terd"),
    ("Aanzienlijke impact", 7, "Aan-zien-lijke impact"),
    ("Considerable impact", 7, "Consi-derable impact"),
    ("Un certain impact", 7, "Un certain impact"),  # every word fits: nothing added
    ("(%)", 2, "(%)"),  # no syllable to break at: left whole
])
def test_long_header_words_get_soft_hyphens_at_syllables(text, room, expected):
    from ptxl.docs.docxbuild import SOFT_HYPHEN, hyphenate
    assert hyphenate(text, room).replace(SOFT_HYPHEN, "-") == expected


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_impact_table_headers_print_with_whole_words(tmp_path, lang):
    """LibreOffice breaks a narrow header at its soft hyphens (pdftotext joins them back), never inside a word."""
    import shutil
    import subprocess
    from ptxl.schema import get_schema
    from tools import libreoffice_pdf
    out = render_report(from_stats(seed_stats()), tmp_path / f"r_{lang}.docx", lang=lang)
    pdf = libreoffice_pdf([out], tmp_path)[0]
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed (apt-get install poppler-utils)")
    # reading order (not -layout): a word broken at a soft hyphen comes back whole, one cut anywhere else does not
    words = set(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    labels = [label for scale in ("impact", "yes_no") for label in
              (get_schema().scales[scale].label(c, lang) for c in get_schema().scales[scale].codes)]
    long_words = {w for label in labels for w in label.split() if len(w) > 7 and w.isalpha()}
    assert long_words and long_words <= words, sorted(long_words - words)
