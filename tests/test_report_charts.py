"""The report's charts are native Word charts: parts under word/charts/, their data embedded, values = the stats."""

from __future__ import annotations

import ast
import io
import posixpath
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from python_calamine import CalamineWorkbook

from ptxl.report.render import render_report
from ptxl.schema import get_schema
from ptxl.pipeline import from_stats, publish

from seed_tables import seed_stats

ROOT = Path(__file__).resolve().parents[1]
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def charts_of(path) -> dict[str, dict]:
    """Chart title → {categories, series: {name: [values or None]}, xml, workbook bytes}, following the
    relationships from document.xml as Word does."""
    z = zipfile.ZipFile(path)
    doc = etree.fromstring(z.read("word/document.xml"))
    rels = {r.get("Id"): r for r in etree.fromstring(z.read("word/_rels/document.xml.rels"))}
    out = {}
    for ref in doc.iter(f"{C}chart"):
        rel = rels[ref.get(R_ID)]
        assert rel.get("Type").endswith("/relationships/chart")
        name = "word/" + rel.get("Target")
        root = etree.fromstring(z.read(name))
        rels_name = name.replace("charts/", "charts/_rels/") + ".rels"
        chart_rels = {r.get("Id"): r for r in etree.fromstring(z.read(rels_name))}
        ext = root.find(f"{C}externalData")
        emb = chart_rels[ext.get(R_ID)]
        assert emb.get("Type").endswith("/relationships/package")
        title = "".join(root.find(f"{C}chart/{C}title").itertext())
        series = {}
        categories = None
        for ser in root.iter(f"{C}ser"):
            sname = ser.find(f"{C}tx").find(f".//{C}v").text
            cache = ser.find(f"{C}val/{C}numRef/{C}numCache")
            count = int(cache.find(f"{C}ptCount").get("val"))
            values = [None] * count
            for pt in cache.findall(f"{C}pt"):
                values[int(pt.get("idx"))] = float(pt.find(f"{C}v").text)
            series[sname] = values
            categories = [pt.find(f"{C}v").text for pt in ser.find(f"{C}cat").iter(f"{C}pt")]
        out[title] = {"name": name, "categories": categories, "series": series, "xml": root,
                      "workbook": z.read(posixpath.normpath(posixpath.join("word/charts", emb.get("Target"))))}
    return out


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    return render_report(from_stats(seed_stats()), tmp_path_factory.mktemp("r") / "rapport.docx", lang="fr")


def test_the_report_has_four_native_chart_parts_with_their_data_embedded(seed_report):
    z = zipfile.ZipFile(seed_report)
    names = z.namelist()
    assert sorted(n for n in names if re.fullmatch(r"word/charts/chart\d+\.xml", n)) == \
        [f"word/charts/chart{i}.xml" for i in range(1, 5)]
    assert len([n for n in names if n.startswith("word/embeddings/") and n.endswith(".xlsx")]) == 4
    assert not [n for n in names if n.startswith("word/media/")]  # no picture of a chart anywhere
    types = etree.fromstring(z.read("[Content_Types].xml"))
    declared = {o.get("PartName"): o.get("ContentType") for o in types.iter(f"{CT}Override")}
    defaults = {d.get("Extension"): d.get("ContentType") for d in types.iter(f"{CT}Default")}
    for i in range(1, 5):
        assert declared[f"/word/charts/chart{i}.xml"].endswith("drawingml.chart+xml")
    assert "spreadsheetml.sheet" in (defaults.get("xlsx") or
                                     declared.get("/word/embeddings/Microsoft_Excel_Worksheet1.xlsx", ""))
    assert len(charts_of(seed_report)) == 4


def test_chart_values_are_the_statistics(seed_report):
    stats = seed_stats()
    adm = stats["cohort"]["admitted"]
    charts = charts_of(seed_report)
    adults = charts["Âge des adultes (14 familles admises)"]
    assert adults["categories"] == [b.labels["fr"] for b in get_schema().age_brackets["adult"]
                                    if b.key in adm["adult_age_brackets"]]
    assert adults["series"]["Adultes"] == [float(v) for v in adm["adult_age_brackets"].values()]
    children = charts["Âge des enfants (14 familles admises)"]
    assert children["series"]["Enfants"] == [float(v) for v in adm["child_age_brackets"].values()]
    years = stats["cohort"]["reviewed"]["years_in_country"]
    stay = charts["Années en Belgique (12 familles examinées)"]
    assert stay["categories"] == sorted(years, key=years.get)
    assert stay["series"]["Années en Belgique"] == [float(int(years[c])) for c in stay["categories"]]
    nat = charts["Nationalités (14 familles admises)"]  # the seed stats have no examined nationalities
    assert dict(zip(nat["categories"], nat["series"]["Familles"])) == {k: float(v) for k, v in
                                                                       adm["nationalities"].items()}


def test_the_embedded_workbook_holds_what_the_chart_shows(seed_report):
    """Word's "Edit data" opens the embedded workbook: its cells are the chart's references and values."""
    for title, chart in charts_of(seed_report).items():
        book = CalamineWorkbook.from_filelike(io.BytesIO(chart["workbook"]))
        assert book.sheet_names == ["Données"], title
        rows = book.get_sheet_by_index(0).to_python()
        header, body = rows[0], rows[1:]
        assert [str(r[0]) for r in body] == chart["categories"], title
        for j, name in enumerate(header[1:], 1):
            cells = [r[j] if r[j] != "" else None for r in body]
            assert cells == chart["series"][name], (title, name)
        refs = [f.text for f in chart["xml"].iter(f"{C}f")]
        assert refs and all(r.startswith("Données!$") for r in refs), refs


def test_charts_speak_the_report_language_and_show_whole_numbers(seed_report):
    for title, chart in charts_of(seed_report).items():
        root = chart["xml"]
        assert root.find(f"{C}lang").get("val") == "fr-BE"
        assert {el.get("lang") for el in root.iter(f"{A}rPr") if el.get("lang")} == {"fr-BE"}
        assert [f.get("formatCode") for f in root.iter(f"{C}numFmt")] and \
            all(f.get("formatCode") == "0" for f in root.iter(f"{C}numFmt")), title
        for labels in root.iter(f"{C}dLbls"):  # LibreOffice reads a missing flag as "on"
            flags = {el.tag[len(C):]: el.get("val") for el in labels if el.tag[len(C):].startswith("show")}
            assert flags == {"showLegendKey": "0", "showVal": "1", "showCatName": "0", "showSerName": "0",
                             "showPercent": "0", "showBubbleSize": "0"}, title


def test_chart_drawings_have_alt_text_saying_whom_they_count(seed_report):
    doc = etree.fromstring(zipfile.ZipFile(seed_report).read("word/document.xml"))
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    descr = [d.get("descr") for d in doc.iter(f"{wp}docPr")]
    assert len(descr) == 4 and all("familles admises" in d or "familles examinées" in d for d in descr)
    ids = [d.get("id") for d in doc.iter(f"{wp}docPr")]
    assert len(set(ids)) == 4


def test_a_hidden_count_draws_no_bar_and_keeps_its_marker_in_the_table(tmp_path):
    from docx import Document

    out = render_report(publish(from_stats(seed_stats()), 5), tmp_path / "r.docx", lang="fr")
    adults = charts_of(out)["Âge des adultes (14 familles admises)"]
    visible = seed_stats()["cohort"]["admitted"]["adult_age_brackets"]
    for value, shown in zip(visible.values(), adults["series"]["Adultes"]):
        assert shown == (float(value) if value >= 5 else None)
    rows = CalamineWorkbook.from_filelike(io.BytesIO(adults["workbook"])).get_sheet_by_index(0).to_python()
    assert [r[1] if r[1] != "" else None for r in rows[1:]] == adults["series"]["Adultes"]  # no hidden count inside
    table = next(t for t in Document(str(out)).tables if t.rows[0].cells[1].text == "Adultes")
    cells = {r.cells[0].text: r.cells[1].text for r in table.rows[1:]}
    assert cells["20-29"] == "<5" and cells["30-39"] == "10"


def test_every_figure_table_ends_with_its_total_inside_the_table(seed_report):
    from docx import Document

    stats = seed_stats()
    doc = Document(str(seed_report))
    by_header = {tuple(c.text for c in t.rows[0].cells): t for t in doc.tables}
    adults = by_header[("Tranche d'âge", "Adultes")]
    assert [c.text for c in adults.rows[-1].cells] == ["Total", str(stats["cohort"]["admitted"]["adults"])]
    runs = [r for c in adults.rows[-1].cells for r in c.paragraphs[0].runs if r.text]
    assert runs and all(r.bold for r in runs)  # the total row is bold
    assert not any(r.bold for c in adults.rows[-2].cells for r in c.paragraphs[0].runs)
    situation = next(t for h, t in by_header.items() if h[0].startswith("Situation au 28/02/2023"))
    rows = [[c.text for c in r.cells] for r in situation.rows[1:]]
    assert rows[-1] == ["Total", str(stats["impact"]["n"])]
    assert sum(int(r[1]) for r in rows[:-1]) == stats["impact"]["n"]
    assert ["Suivie (en cours)", "8"] in rows
    text = "\n".join(p.text for p in doc.paragraphs)
    assert " × " not in text and "Total :" not in text


def test_libreoffice_draws_the_charts(seed_report, tmp_path):
    """In the PDF, the page of the adults' chart is covered in the chart's blue where the bars are."""
    from tools import libreoffice_pdf, pdf_pages, pdf_text

    pdf = libreoffice_pdf([seed_report], tmp_path)[0]
    pages = [p for p in range(1, pdf_pages(pdf) + 1) if "Âge des adultes" in pdf_text(pdf, p, p)]
    assert pages
    for page, expect in ((pages[0], 1500), (1, 0)):  # the title page has no chart: no bar blue at all
        blue = _blue_pixels(pdf, page, tmp_path)
        assert (blue > expect) if expect else (blue < 50), (page, blue)


def _blue_pixels(pdf, page: int, tmp_path) -> int:
    """Pixels of the workbook's chart blue (#2F75B5) on one page rendered at 50 dpi."""
    import shutil

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed (apt-get install poppler-utils)")
    stem = tmp_path / f"p{page}"
    subprocess.run(["pdftoppm", "-r", "50", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
                   check=True)
    data = Path(f"{stem}.ppm").read_bytes()
    magic, width, height, maxval, pixels = data.split(maxsplit=4)
    assert magic == b"P6" and maxval == b"255"
    count = 0
    for i in range(0, len(pixels) - 2, 3):
        r, g, b = pixels[i], pixels[i + 1], pixels[i + 2]
        if abs(r - 0x2F) < 14 and abs(g - 0x75) < 14 and abs(b - 0xB5) < 14:
            count += 1
    return count


def test_no_matplotlib_anywhere(tmp_path):
    """No module of ptxl imports matplotlib, no extra declares it, and a report is written without it."""
    for path in (ROOT / "ptxl").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not [n for n in names if n.split(".")[0] == "matplotlib"], path
    assert "matplotlib" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    code = (
        "import sys, importlib.abc\n"
        "class Block(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'matplotlib': raise ImportError('no matplotlib here')\n"
        "sys.meta_path.insert(0, Block())\n"
        "sys.path[:0] = [sys.argv[1], sys.argv[1] + '/tests']\n"
        "from seed_tables import seed_stats\n"
        "import ptxl.cli\n"
        "from ptxl.report.render import render_report\n"
        "from ptxl.pipeline import from_stats\n"
        "render_report(from_stats(seed_stats()), sys.argv[2], lang='fr')\n"
        "print(sorted(m for m in sys.modules if m.startswith('matplotlib')))\n")
    out = subprocess.run([sys.executable, "-c", code, str(ROOT), str(tmp_path / "r.docx")],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
    assert len(charts_of(tmp_path / "r.docx")) == 4


def test_report_charts_wear_the_workbook_charts_blue(seed_report):
    from ptxl.build.outputs import CHART_COLOUR

    for title, chart in charts_of(seed_report).items():
        first = chart["xml"].find(f".//{C}ser/{C}spPr/{A}solidFill/{A}srgbClr")
        assert first.get("val") == CHART_COLOUR.lstrip("#"), title
