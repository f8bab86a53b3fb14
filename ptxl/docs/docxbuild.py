"""Small python-docx helpers that write docxtpl templates a staff member can still restyle in Word.

Only ordinary Word things are used: built-in styles, a table style of ptxl's own
("ptxl"), a header, a footer with PAGE / NUMPAGES fields. Loops are docxtpl's row
(``{%tr %}``), column (``{%tc %}``) and paragraph (``{%p %}``) tags, each in its own
row, cell or paragraph, as docxtpl's documentation shows them.

One document style for the case files and the report (``apply_style``): Arial for
body and headings (on Windows and Mac; LibreOffice substitutes its metric twin
Liberation Sans), the workbook's blue for headings and table headers, the theme's
fonts and first accent set to the same so nothing falls back to python-docx's
Cambria, table rows that never split across pages and header rows repeated on
each page. ``save_docx`` drops python-docx's thumbnail and 2013 properties.
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
from lxml import etree

from ..model.styles import ENTRY_FILL, ENTRY_TAB
from ..write.atomic import make_folder, save
from .render import CORE, W_NS, XML_DECL, _clean_package, _xml_text, _zip_base

WORD_LANG = {"fr": "fr-BE", "nl": "nl-BE", "en": "en-GB"}
# python-docx's own template carries a thumbnail, a bibliography store and a 400 kB styles copy.
TEMPLATE_DROP = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "customXml/", "docProps/custom.xml")
FONT = "Arial"
ACCENT = ENTRY_TAB.lstrip("#")  # the workbook's blue (entry sheet tabs and headers, charts)
HEADING_COLOUR = "1F4E79"  # the same blue, darker, for text on white
HEAD_FILL = ENTRY_FILL.lstrip("#")  # the workbook's light blue
TABLE_STYLE = "ptxl"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_TABLE_STYLE_XML = (
    f'<w:style xmlns:w="{W_NS}" w:type="table" w:customStyle="1" w:styleId="ptxl">'
    '<w:name w:val="ptxl"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>'
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    '<w:tblPr><w:tblBorders>'
    + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
              for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    + '</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
    '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    f'<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr>'
    f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEAD_FILL}"/></w:tcPr></w:tblStylePr>'
    '</w:style>')


def apply_style(doc, lang: str, width_cm: float) -> None:
    """ptxl's document style on a python-docx document (case files and report alike)."""
    styles = doc.styles
    root = styles.element
    for st in root.findall(qn("w:style")):  # python-docx's hundred table styles: keep the two Word needs
        if st.get(qn("w:type")) == "table" and st.get(qn("w:styleId")) not in ("TableNormal", "TableGrid"):
            root.remove(st)
    root.append(etree.fromstring(_TABLE_STYLE_XML))
    for fonts in root.iter(qn("w:rFonts")):  # explicit fonts, not the theme's (Cambria / Calibri)
        for attr in list(fonts.attrib):
            if attr.endswith("Theme") or attr.endswith("theme"):
                del fonts.attrib[attr]
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
    _theme(doc)
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.0
    for name, size in (("Title", 18), ("Subtitle", 12), ("Heading 1", 13), ("Heading 2", 11), ("Heading 3", 10)):
        st = styles[name]
        st.font.name = FONT
        st.font.size = Pt(size)
        st.font.color.rgb = RGBColor.from_string(HEADING_COLOUR)
        st.font.italic = False
        st.paragraph_format.keep_with_next = True
        if name.startswith("Heading"):
            st.paragraph_format.space_before = Pt(12 if name == "Heading 1" else 8)
            st.paragraph_format.space_after = Pt(4)
    for name in ("Header", "Footer"):  # one right-aligned tab at the margin instead of Word's centre + right
        styles[name].font.size = Pt(8)
        tabs = styles[name].paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(Cm(width_cm), WD_TAB_ALIGNMENT.RIGHT)
    rpr = root.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        rpr.append(lang_el)
    lang_el.set(qn("w:val"), WORD_LANG[lang])
    lang_el.set(qn("w:eastAsia"), WORD_LANG[lang])
    lang_el.set(qn("w:bidi"), "ar-SA")


def _theme(doc) -> None:
    """The theme's heading and body fonts and first accent: the same as the styles, for Word's Design tab."""
    part = next((p for p in doc.part.package.iter_parts() if str(p.partname).startswith("/word/theme/")), None)
    if part is None:
        return
    root = etree.fromstring(part.blob)
    a = f"{{{A_NS}}}"
    for kind in ("majorFont", "minorFont"):
        for latin in root.iter(f"{a}{kind}"):
            latin.find(f"{a}latin").set("typeface", FONT)
    for accent in root.iter(f"{a}accent1"):
        for child in list(accent):
            accent.remove(child)
        etree.SubElement(accent, f"{a}srgbClr", val=ACCENT)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def grid_table(container, widths_cm: list[float], header: list[str] | None = None, rows: list[list] = (),
               font_pt: float = 9, numbers_from: int | None = None, total_row: bool = False,
               header_pt: float | None = None):
    """A table in ptxl's style in a document or docxtpl sub-document: fixed widths (Word reads the cells',
    LibreOffice the grid's), a repeated header row, rows that do not split, centred numbers from column
    ``numbers_from``, a bold last row when ``total_row``, a smaller header (``header_pt``) over narrow columns."""
    t = container.add_table(rows=0, cols=len(widths_cm))
    try:
        t.style = TABLE_STYLE
    except KeyError:  # a restyled template without ptxl's table style: Word's plain grid
        t.style = "Table Grid" if "Table Grid" in [s.name for s in container.styles] else None
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    widths, font = [Cm(w) for w in widths_cm], Pt(font_pt)
    for col, w in zip(t.columns, widths):
        col.width = w
    if not header:  # the style's header look is for a header row only, not a label–value table's first row
        look = t._tbl.tblPr.find(qn("w:tblLook"))
        if look is not None:
            look.set(qn("w:val"), "0480")
            look.set(qn("w:firstRow"), "0")
    if header:
        head_pt = header_pt or font_pt
        header = [hyphenate(str(h), fits(w, head_pt)) if isinstance(h, str) else h for h, w in zip(header, widths_cm)]
        add_row(t, header, widths, Pt(head_pt), bold=True, fill=HEAD_FILL, repeat=True, numbers_from=numbers_from)
    for i, r in enumerate(rows):
        add_row(t, r, widths, font, bold=total_row and i == len(rows) - 1, numbers_from=numbers_from)
    return t


SOFT_HYPHEN = "\u00ad"  # Word and LibreOffice break a word there, and only there, showing a hyphen
_VOWELS = set("aeiouyàâäéèêëïîôöùûüÿœæAEIOUYÀÂÄÉÈÊËÏÎÔÖÙÛÜ")
_CELL_MARGINS_CM = 0.38  # the table style's left and right cell margins together
_BOLD_EM = 0.6  # a bold Arial character's mean width, in ems (generous: headers are short words)


def fits(width_cm: float, font_pt: float) -> int:
    """How many bold characters of ``font_pt`` fit on one line of a cell ``width_cm`` wide."""
    return max(3, int((width_cm - _CELL_MARGINS_CM) / (_BOLD_EM * font_pt * 2.54 / 72)))


def hyphenate(text: str, room: int) -> str:
    """A header whose words are wider than their narrow column: soft hyphens where each may break.

    Without them Word and LibreOffice cut a long word anywhere ("Impact consid / érable", "d'impac / t").
    The breaks follow the syllable rule French, Dutch and English share: one consonant between vowels
    goes with the next syllable (consi-dérable), a cluster is split before its last consonant (im-pact,
    verslech-terd), a digraph stays whole (ch, ph, th, gn, qu...). The latest break whose piece fits is
    taken, then the rest of the word is treated alike; a word with no such break stays as it is.
    """
    return " ".join(_word(w, room) for w in text.split(" "))


_DIGRAPHS = {"ch", "ph", "th", "sh", "gn", "qu", "gu", "ck", "ij"}


def _breaks(word: str) -> list[int]:
    low, cuts, i = word.lower(), [], 1
    while i < len(low):
        if low[i].isalpha() and low[i] not in _VOWELS and low[i - 1] in _VOWELS:
            end = i
            while end < len(low) and low[end].isalpha() and low[end] not in _VOWELS:
                end += 1
            if end < len(low) and low[end] in _VOWELS:  # a consonant run between two vowels
                cut = i if end - i == 1 else end - 1
                if end - i > 1 and low[end - 2:end] in _DIGRAPHS:
                    cut = end - 2
                if 2 <= cut <= len(low) - 2:
                    cuts.append(cut)
            i = end
        else:
            i += 1
    return cuts


def _word(word: str, room: int) -> str:
    if len(word) <= room:
        return word
    fitting = [c for c in _breaks(word) if c + 1 <= room]  # the piece and its hyphen fit on the line
    if not fitting:
        return word
    cut = fitting[-1]
    return word[:cut] + SOFT_HYPHEN + _word(word[cut:], room)


def add_row(t, cells: list, widths, font, bold: bool = False, fill: str | None = None, repeat: bool = False,
            numbers_from: int | None = None):
    """One row; a cell is a string (one paragraph per line) or ('b', text) for bold."""
    r = t.add_row()
    trpr = r._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    if repeat:
        trpr.append(OxmlElement("w:tblHeader"))
    for j, (cell, value, w) in enumerate(zip(r.cells, cells, widths)):
        cell.width = w
        cell_bold = bold
        if isinstance(value, tuple):
            cell_bold, value = True, value[1]
        lines = str(value).split("\n")
        cell.paragraphs[0].text = ""
        for i, line in enumerate(lines):
            p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            if numbers_from is not None and j >= numbers_from:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(line)
            run.bold, run.font.size = cell_bold, font
        if fill:
            _shade(cell, fill)
    return r


def save_docx(doc, path: Path, title: str) -> Path:
    """Save a generated template: no thumbnail, no python-docx 2013 properties, ptxl as the application."""
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(buf) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    parts = _clean_package(parts, TEMPLATE_DROP)
    parts["docProps/core.xml"] = (XML_DECL + CORE.format(title=_xml_text(title))).encode()
    make_folder(path.parent)
    return save(path, _zip_base(parts), mode=0o644)


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
        apply_style(doc, lang, self.width_cm)
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
        self._widths, self._font = [Cm(w) for w in widths_cm], Pt(font_pt)
        t = grid_table(self.doc, widths_cm, header, rows, font_pt)
        self.doc.add_paragraph().paragraph_format.space_after = Pt(2)
        return t

    def row(self, t, cells: list, bold: bool = False, fill: str | None = None, repeat: bool = False):
        return add_row(t, cells, self._widths, self._font, bold, fill, repeat)

    def loop_rows(self, t, loop: str, cells: list):
        """``{%tr for … %}`` / the repeated row / ``{%tr endfor %}``."""
        blank = [""] * (len(cells) - 1)
        self.row(t, [f"{{%tr for {loop} %}}"] + blank)
        self.row(t, cells)
        self.row(t, ["{%tr endfor %}"] + blank)

    def save(self, path: Path, title: str):
        save_docx(self.doc, path, title)


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
