"""The report's charts as native Word charts: DrawingML chart parts with their data embedded.

Why native: staff restyle and edit them in Word ("Edit data" opens the embedded
workbook), they print crisp at any size, and the report needs no plotting
library. Why XlsxWriter: it already writes the workbook's Excel charts
(``ptxl.build.outputs``), so the chart XML here is the same XML, in the same
blue (``model.styles``; importing ``build.outputs`` would load the sheet layout,
~0.1 s, for one constant), made by a dependency ptxl has anyway. A small workbook with the data and
the chart is written in memory; its ``xl/charts/chart1.xml`` becomes
``word/charts/chartN.xml`` (its references ``'Sheet'!$B$2:$B$6`` point into the
embedded copy, which holds the data only), with the report's language and a
link to that copy.

Counts are whole numbers: axes and labels use the format ``0`` with a major unit
of 1 on short axes, so no decimal separator (``2.5 5.0``) ever shows, whatever
the reader's locale. Every value is also printed as a table beside the chart.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

import xlsxwriter
from lxml import etree

from ..model.styles import ENTRY_TAB as CHART_COLOUR  # the blue of the workbook's charts and entry headers

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RT_CHART = f"{R_NS}/chart"
RT_PACKAGE = f"{R_NS}/package"
SECOND_COLOUR = "#A5A5A5"  # a second series: light grey beside the workbook's blue, distinct in black and white
EMU_PER_CM = 360000
XLSX_LANG = {"fr": "fr-BE", "nl": "nl-BE", "en": "en-GB"}


@dataclass
class ChartSpec:
    """One chart: ``kind`` is XlsxWriter's ``column`` (vertical bars) or ``bar`` (horizontal)."""

    kind: str
    title: str
    category_header: str
    categories: list[str]
    series: list[tuple[str, list]]  # (name, values); None is a hidden (suppressed) value
    sheet: str = "Data"
    width_cm: float = 15.0
    height_cm: float = 7.5
    alt: str = ""
    colours: list[str] = field(default_factory=lambda: [CHART_COLOUR, SECOND_COLOUR])


def _workbook(spec: ChartSpec, with_chart: bool) -> bytes:
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    wb.set_properties({"title": spec.title, "author": "", "comments": ""})
    ws = wb.add_worksheet(spec.sheet[:31])
    bold = wb.add_format({"bold": True})
    ws.write_row(0, 0, [spec.category_header] + [name for name, _v in spec.series], bold)
    for i, cat in enumerate(spec.categories, 1):
        ws.write_string(i, 0, str(cat))
        for j, (_name, values) in enumerate(spec.series, 1):
            if values[i - 1] is not None:
                ws.write_number(i, j, values[i - 1])
    ws.set_column(0, 0, max([len(spec.category_header)] + [len(str(c)) for c in spec.categories]) + 2)
    ws.set_column(1, len(spec.series), 14)
    if with_chart:
        ws.insert_chart(1, len(spec.series) + 2, _chart(wb, spec))
    wb.close()
    return buf.getvalue()


def _chart(wb, spec: ChartSpec):
    """The workbook's chart style (``ptxl.build.outputs``): blue bars, values shown, light grid,
    a legend only for two series."""
    chart = wb.add_chart({"type": spec.kind})
    last = len(spec.categories)
    for j, (_name, _values) in enumerate(spec.series, 1):
        chart.add_series({
            "name": [spec.sheet, 0, j],
            "categories": [spec.sheet, 1, 0, last, 0],
            "values": [spec.sheet, 1, j, last, j],
            "fill": {"color": spec.colours[(j - 1) % len(spec.colours)]},
            "border": {"none": True},
            "gap": 60,
            "data_labels": {"value": True, "num_format": "0", "font": {"size": 9}},
        })
    chart.set_title({"name": spec.title, "name_font": {"size": 11, "bold": True}})
    chart.set_legend({"none": True} if len(spec.series) == 1 else {"position": "bottom", "font": {"size": 9}})
    top = max([v for _n, vals in spec.series for v in vals if v is not None] + [1])
    values_axis = {"min": 0, "num_format": "0", "num_font": {"size": 9},
                   "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}}
    if top <= 10:
        values_axis["major_unit"] = 1
    categories_axis = {"num_font": {"size": 9}}
    if spec.kind == "bar":
        categories_axis["reverse"] = True  # first category on top, as in the table below
        chart.set_x_axis(values_axis)
        chart.set_y_axis(categories_axis)
    else:
        chart.set_x_axis(categories_axis)
        chart.set_y_axis(values_axis)
    chart.set_chartarea({"border": {"none": True}})
    return chart


def chart_parts(spec: ChartSpec, lang: str, package_rid: str) -> tuple[bytes, bytes]:
    """(chart XML for ``word/charts/``, the embedded data workbook); the XML links to it by ``package_rid``."""
    with zipfile.ZipFile(io.BytesIO(_workbook(spec, with_chart=True))) as z:
        root = etree.fromstring(z.read("xl/charts/chart1.xml"))
    c = f"{{{C_NS}}}"
    word_lang = XLSX_LANG[lang]
    root.find(f"{c}lang").set("val", word_lang)
    for el in root.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}rPr",
                        "{http://schemas.openxmlformats.org/drawingml/2006/main}defRPr"):
        if el.get("lang"):
            el.set("lang", word_lang)
    for labels in root.iter(f"{c}dLbls"):
        _explicit_labels(labels)
    rounded = etree.Element(f"{c}roundedCorners", val="0")
    root.find(f"{c}lang").addnext(rounded)
    printing = root.find(f"{c}printSettings")
    if printing is not None:
        root.remove(printing)
    external = etree.SubElement(root, f"{c}externalData", {f"{{{R_NS}}}id": package_rid})
    etree.SubElement(external, f"{c}autoUpdate", val="0")
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml, _workbook(spec, with_chart=False)


LABEL_FLAGS = ("showLegendKey", "showVal", "showCatName", "showSerName", "showPercent", "showBubbleSize")


def _explicit_labels(labels) -> None:
    """Every ``show*`` flag of the data labels written out: Excel reads a missing flag as off, LibreOffice
    as on, and would print "category; series; value" on each bar."""
    c = f"{{{C_NS}}}"
    shown = {flag for flag in LABEL_FLAGS if (el := labels.find(c + flag)) is not None and el.get("val") == "1"}
    first = next((labels.index(el) for el in labels if el.tag in {c + f for f in LABEL_FLAGS}), len(labels))
    for el in [el for el in labels if el.tag in {c + f for f in LABEL_FLAGS}]:
        labels.remove(el)
    for i, flag in enumerate(LABEL_FLAGS):
        labels.insert(first + i, etree.Element(c + flag, val="1" if flag in shown else "0"))


def inline_xml(rid: str, spec: ChartSpec, drawing_id: int) -> str:
    """The ``w:drawing`` run that shows chart ``rid`` inline, sized in cm, with its alt text."""
    cx, cy = int(spec.width_cm * EMU_PER_CM), int(spec.height_cm * EMU_PER_CM)
    descr = _attr(spec.alt or spec.title)
    return (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:drawing>'
        '<wp:inline distT="0" distB="0" distL="0" distR="0" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{drawing_id}" name="Chart {drawing_id}" descr="{descr}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        f'<a:graphicData uri="{C_NS}"><c:chart xmlns:c="{C_NS}" xmlns:r="{R_NS}" r:id="{rid}"/>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')


def _attr(s: str) -> str:
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\n", " "))


def add_chart(document_part, spec: ChartSpec, lang: str, number: int) -> str:
    """Add chart ``number`` (its part, its embedded workbook, their relationships) to a python-docx
    document part; returns the inline run XML to place in the document body."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document_part.package
    chart = Part(PackURI(f"/word/charts/chart{number}.xml"), CT_CHART, b"", package)
    data = Part(PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{number}.xlsx"), CT_XLSX, b"", package)
    package_rid = chart.relate_to(data, RT_PACKAGE)
    chart._blob, data._blob = chart_parts(spec, lang, package_rid)
    rid = document_part.relate_to(chart, RT_CHART)
    return inline_xml(rid, spec, 5000 + number)
