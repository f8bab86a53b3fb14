"""Small python-docx helpers that write docxtpl templates a staff member can still restyle in Word.

Only ordinary Word things are used: built-in styles, tables with the "Table Grid"
style, a header, a footer with PAGE / NUMPAGES fields. Loops are docxtpl's row
(``{%tr %}``), column (``{%tc %}``) and paragraph (``{%p %}``) tags, each in its own
row, cell or paragraph, as docxtpl's documentation shows them.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..write.atomic import make_folder, save
from .render import CORE, XML_DECL, _clean_package, _xml_text, _zip_base

WORD_LANG = {"fr": "fr-BE", "nl": "nl-BE", "en": "en-GB"}
# python-docx's own template carries a thumbnail, a bibliography store and a 400 kB styles copy.
TEMPLATE_DROP = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "customXml/", "docProps/custom.xml")
HEAD_FILL = "D9E2F3"


class Builder:
    def __init__(self, lang: str, header_left: str, header_right: str, footer: str, page_word: str,
                 of_word: str, colon: str = " : ", landscape: bool = False):
        self.lang, self.colon = lang, colon
        self.doc = doc = Document()
        sec = doc.sections[0]
        sec.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = (Cm(29.7), Cm(21.0)) if landscape else (Cm(21.0), Cm(29.7))
        for side in ("left_margin", "right_margin"):
            setattr(sec, side, Cm(2.0))
        sec.top_margin, sec.bottom_margin = Cm(1.8), Cm(1.8)
        self.width_cm = (29.7 if landscape else 21.0) - 4.0
        self._styles()
        hp = sec.header.paragraphs[0]
        hp.add_run(header_left)
        hp.add_run("\t")
        hp.add_run(header_right).bold = True
        fp = sec.footer.paragraphs[0]
        fp.add_run(footer).bold = True
        fp.add_run(f"\t{page_word} ")
        _field(fp, "PAGE")
        fp.add_run(f" {of_word} ")
        _field(fp, "NUMPAGES")

    def _styles(self):
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.size = Pt(10)
        normal.paragraph_format.space_after = Pt(4)
        normal.paragraph_format.line_spacing = 1.0
        for name, size in (("Heading 1", 13), ("Heading 2", 11)):
            styles[name].font.size = Pt(size)
            styles[name].font.color.rgb = RGBColor(0x1F, 0x3A, 0x68)
            styles[name].paragraph_format.space_before = Pt(12 if name == "Heading 1" else 8)
            styles[name].paragraph_format.space_after = Pt(4)
        for name in ("Header", "Footer"):  # one right-aligned tab at the margin instead of Word's centre + right
            styles[name].font.size = Pt(8)
            tabs = styles[name].paragraph_format.tab_stops
            tabs.clear_all()
            tabs.add_tab_stop(Cm(self.width_cm), WD_TAB_ALIGNMENT.RIGHT)
        rpr = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), WORD_LANG[self.lang])
        lang.set(qn("w:bidi"), "ar-SA")

    # --- paragraphs ---------------------------------------------------------------------------------
    def title(self, text: str, sub: str | None = None):
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(text)
        r.bold, r.font.size = True, Pt(14)
        if sub:
            s = self.doc.add_paragraph(sub)
            s.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def heading(self, text: str, level: int = 1):
        self.doc.add_heading(text, level)

    def para(self, *runs, italic: bool = False, size: float | None = None):
        """Runs are plain strings, or (text, 'b') for bold labels."""
        p = self.doc.add_paragraph()
        for run in runs:
            text, fmt = (run, "") if isinstance(run, str) else run
            r = p.add_run(text)
            r.bold = "b" in fmt
            r.italic = italic or "i" in fmt
            if size:
                r.font.size = Pt(size)
        return p

    def field_line(self, *pairs):
        """"Label : {{ tag }}" pairs on one line, separated by wide spaces."""
        runs = []
        for i, (label, tag) in enumerate(pairs):
            if i:
                runs.append("     ")
            runs += [(f"{label}{self.colon}", "b"), tag]
        return self.para(*runs)

    def control(self, tag: str):
        """A paragraph holding only a ``{%p … %}`` tag (docxtpl removes the paragraph itself)."""
        self.doc.add_paragraph(tag)

    # --- tables -------------------------------------------------------------------------------------
    def table(self, widths_cm: list[float], header: list[str] | None = None, rows: list[list] = (),
              font_pt: float = 9):
        """A grid table. A row is a list of cells; a cell is a string (one paragraph per line) or ('b', text)."""
        t = self.doc.add_table(rows=0, cols=len(widths_cm))
        t.style = "Table Grid"
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        self._widths, self._font = [Cm(w) for w in widths_cm], Pt(font_pt)
        for col, w in zip(t.columns, self._widths):
            col.width = w
        if header:
            self.row(t, header, bold=True, fill=HEAD_FILL, repeat=True)
        for r in rows:
            self.row(t, r)
        self.doc.add_paragraph().paragraph_format.space_after = Pt(2)
        return t

    def row(self, t, cells: list, bold: bool = False, fill: str | None = None, repeat: bool = False):
        r = t.add_row()
        if repeat:
            trpr = r._tr.get_or_add_trPr()
            trpr.append(OxmlElement("w:tblHeader"))
        for cell, value, w in zip(r.cells, cells, self._widths):
            cell.width = w
            cell_bold = bold
            if isinstance(value, tuple):
                cell_bold, value = True, value[1]
            lines = str(value).split("\n")
            cell.paragraphs[0].text = ""
            for i, line in enumerate(lines):
                p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                p.paragraph_format.space_after = Pt(0)
                run = p.add_run(line)
                run.bold, run.font.size = cell_bold, self._font
            if fill:
                _shade(cell, fill)
        return r

    def loop_rows(self, t, loop: str, cells: list):
        """``{%tr for … %}`` / the repeated row / ``{%tr endfor %}``."""
        blank = [""] * (len(cells) - 1)
        self.row(t, [f"{{%tr for {loop} %}}"] + blank)
        self.row(t, cells)
        self.row(t, ["{%tr endfor %}"] + blank)

    def save(self, path: Path, title: str):
        buf = io.BytesIO()
        self.doc.save(buf)
        with zipfile.ZipFile(buf) as z:
            parts = {i.filename: z.read(i.filename) for i in z.infolist()}
        parts = _clean_package(parts, TEMPLATE_DROP)
        parts["docProps/core.xml"] = (XML_DECL + CORE.format(title=_xml_text(title))).encode()
        make_folder(path.parent)
        save(path, _zip_base(parts), mode=0o644)


def loop_columns(fixed: list, loop: str, content: str) -> list:
    """Cells of a row whose last column repeats: fixed cells, then ``{%tc for %}`` / content / ``{%tc endfor %}``."""
    return list(fixed) + [f"{{%tc for {loop} %}}", content, "{%tc endfor %}"]


def _field(paragraph, instr: str):
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {instr} ")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def _shade(cell, fill: str):
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)
