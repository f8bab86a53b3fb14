"""The network evaluation as ``network_report.docx``, in the order of the network's 2020 evaluation.

Outputs (caseload), profiles, engagement, resolution, then impact question by
question; pilots are named by their ``project_location``. Built with
python-docx from the same tables as ``network.xlsx`` (``tables``), so the two
files never disagree; written whole or not at all through ``write_atomic``.
A separate document from the single-pilot report (``ptxl.report``): its
template and its layout belong to one workbook.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt, RGBColor

from ..docs.docxbuild import _shade  # the case files' cell shading, reused
from ..write.atomic import write_atomic
from .tables import Pct, question_tables, side_by_side
from .texts import t

HEADER_FILL = "DDEBF7"
NETWORK_FILL = "F2F2F2"


def _text(v) -> str:
    if isinstance(v, Pct):
        return f"{int(v)} %"
    return "" if v is None else str(v)


def _num(v) -> str:
    """A percentage inside a sentence (the sentence has its own % sign): a number, a marker or a dash."""
    return "–" if v is None else str(v)


def _table(doc, table, network_col: bool = True, network_row: bool = False, heading: bool = True) -> None:
    if heading:
        doc.add_heading(table.title, level=2)
    if table.note:
        p = doc.add_paragraph(table.note)
        p.runs[0].italic = True
    grid = doc.add_table(rows=1, cols=len(table.header))
    grid.style = "Table Grid"
    head = grid.rows[0]
    head._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, h in zip(head.cells, table.header):
        cell.text = ""
        run = cell.paragraphs[0].add_run(str(h))
        run.bold = True
        run.font.size = Pt(8)
        _shade(cell, HEADER_FILL)
    last = len(table.rows) - 1
    for i, row in enumerate(table.rows):
        cells = grid.add_row().cells
        for j, (cell, v) in enumerate(zip(cells, row)):
            cell.text = ""
            para = cell.paragraphs[0]
            run = para.add_run(_text(v))
            run.font.size = Pt(8)
            if j:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            net = (network_col and j == len(row) - 1) or (network_row and i == last)
            if net:
                run.bold = True
                _shade(cell, NETWORK_FILL)
    grid.autofit = False
    first = Cm(7.0)
    rest = (Cm(26.1) - first) // max(1, len(table.header) - 1)
    for row in grid.rows:
        for j, cell in enumerate(row.cells):
            cell.width = first if j == 0 else rest


def build(net) -> bytes:
    lang, nw = net.lang, net.network
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10)
    title = doc.add_heading(t("title", lang), level=0)
    title.runs[0].font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
    doc.add_paragraph(t("subtitle", lang, k=len(net.pilots), n=nw["cases"]))
    doc.add_paragraph(t("as_of", lang, d=net.as_of.strftime("%d/%m/%Y")) if net.as_of is not None
                      else t("as_of", lang, d=t("as_of_each", lang)))
    if net.suppressed:
        doc.add_paragraph(t("suppressed", lang, t=nw["suppression"]["threshold"])).runs[0].italic = True
    e, q = nw["engagement"]["pct"], nw["impact"]["questions"]
    doc.add_paragraph(t("headline", lang, n=nw["cases"], k=len(net.pilots), engaged=_num(e["remained_engaged"]),
                        dis=_num(e["disengaged_or_absconded"]), removed=_num(e["removed"]),
                        resolved=_num(nw["resolved"]["pct"])))
    doc.add_paragraph(t("impact_headline", lang, n=nw["impact"]["n"], a=_num(q["engagement_capacity"]["positive_pct"]),
                        b=_num(q["g1_informed_decisions"]["positive_pct"])))
    for f, n in net.errors:
        doc.add_paragraph(t("with_errors", lang, file=f, n=n))
    tables = {tb.key: tb for tb in side_by_side(net, lang)}
    sections = (("pilots_section", ("pilots",)), ("outputs", ("caseload",)), ("profiles", ("profile",)),
                ("engagement", ("engagement",)), ("resolution", ("resolution",)))
    for heading, keys in sections:
        doc.add_heading(t(heading, lang), level=1)
        for key in keys:
            tb = tables[key]
            if key == "pilots":  # who the pilots are: nothing to add up, no network column
                tb.header, tb.rows = tb.header[:-1], [row[:-1] for row in tb.rows]
            _table(doc, tb, network_col=key != "pilots", heading=False)
    doc.add_heading(t("impact", lang), level=1)
    doc.add_paragraph(t("impact_note", lang))
    for tb in question_tables(net, lang):
        _table(doc, tb, network_col=False, network_row=True)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def write(net, out_dir: Path, protect=None) -> Path:
    """``protect``: finished bytes → what goes on disk (``ptxl.protect.Protection.office``: encrypted when a
    pilot's workbook is)."""
    data = build(net)
    return write_atomic(Path(out_dir) / "network_report.docx", protect(data, "network_report.docx") if protect else data)
