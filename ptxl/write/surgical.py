"""Headless write-back: replace the XML of the output sheets inside the xlsx zip, nothing else.

Why: the workbook holds months of case notes, macros, comments and charts that
no Python library can load and save without loss. So the statistics are written
by rewriting only the ``sheetData`` (and the few elements that belong to it:
dimension, columns, merges, hyperlinks, autofilter range) of the output sheets,
with inline strings (``sharedStrings.xml`` stays as it is) and the style indices
the builder registered (read from the swatch, see ``build.outputs``). Every
other part is copied as its raw compressed bytes. If a replaced cell held a
formula, ``calcChain.xml`` is dropped (Excel rebuilds it) with its references.
"""

from __future__ import annotations

from ..model.problems import PROBLEMS, Problem
import datetime as dt
import math
import numbers
import posixpath
import re
from functools import lru_cache
from typing import Mapping, NamedTuple

from lxml import etree

from ..model.styles import FORMATS, SWATCH_ROW
from ..read.limits import Refused
from ..read.messages import UNNAMED
from ..schema import column_letter, get_schema
from . import zipcopy
from ..model.grid import SheetGrid

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
CALC_CHAIN = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain"
OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
M = "{%s}" % MAIN
MAX_TEXT = get_schema().fields["longtext"].max_length  # Excel's cell limit: the forms' text limit
# Child order of CT_Worksheet (ECMA-376 part 1, 18.3.1.99): new elements go in their place.
ORDER = ("sheetPr dimension sheetViews sheetFormatPr cols sheetData sheetCalcPr sheetProtection protectedRanges "
         "scenarios autoFilter sortState dataConsolidate customSheetViews mergeCells phoneticPr "
         "conditionalFormatting dataValidations hyperlinks printOptions pageMargins pageSetup headerFooter "
         "rowBreaks colBreaks customProperties cellWatches ignoredErrors smartTags drawing legacyDrawing "
         "legacyDrawingHF drawingHF picture oleObjects controls webPublishItems tableParts extLst").split()
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ESCAPE_LIKE = re.compile("_(x[0-9A-Fa-f]{4}_)")
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def escape(text: str) -> str:
    """``xml.sax.saxutils.escape`` without its import of urllib (~14 ms on every refresh)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def ooxml_text(text: str) -> str:
    """Text as a cell may hold it: characters XML cannot carry become ``_xHHHH_`` (and a literal one is kept)."""
    if "_x" in text or not text.isprintable():  # printable text holds no control character: no regex needed
        text = _ESCAPE_LIKE.sub(r"_x005F_\1", text)
        text = _ILLEGAL.sub(lambda m: "_x%04X_" % ord(m.group()), text)
    return text[:MAX_TEXT]


def excel_serial(value: dt.date, date1904: bool = False) -> float:
    if isinstance(value, dt.datetime):
        base = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)
        delta = value.replace(tzinfo=None) - base
        return delta.days + delta.seconds / 86400 + delta.microseconds / 86400e6
    return (value - (dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30))).days


def cell_xml(ref: str, value, style: int, date1904: bool) -> str | None:
    """One ``<c>`` element as text; None for a blank cell without a style (nothing to write)."""
    tail = cell_tail(value, style, date1904)
    return None if tail is None else f'<c r="{ref}"{tail}'


def cell_tail(value, style: int, date1904: bool) -> str | None:
    """What follows ``<c r="A1"`` in the cell's element: it depends on the value and style only, so a
    sheet's many repeated values (labels, case ids, messages) are serialised once (``sheet_rows``)."""
    s = f' s="{style}"' if style else ""
    kind = type(value)  # exact types first: an alerts sheet has ~10 cells per family
    if kind is str:
        return _text_tail(s, value)
    if kind is int:
        return f'{s}><v>{value}</v></c>'
    if kind is float and math.isfinite(value):
        return f'{s}><v>{value!r}</v></c>'
    if kind is dt.date:
        return f'{s}><v>{excel_serial(value, date1904)!r}</v></c>'
    if isinstance(value, bool):
        return f'{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, numbers.Integral):
        return f'{s}><v>{int(value)}</v></c>'
    if isinstance(value, numbers.Real) and math.isfinite(value):
        return f'{s}><v>{float(value)!r}</v></c>'
    if isinstance(value, (dt.date, dt.datetime)):
        return f'{s}><v>{excel_serial(value, date1904)!r}</v></c>'
    if value is None or isinstance(value, numbers.Real):
        return f'{s}/>' if style else None
    return _text_tail(s, str(value))


def _text_tail(s: str, value: str) -> str:
    """An inline string, written exactly as lxml would serialise it (so parsing it back is never needed).

    ``s``: what comes before its ``t`` attribute (the style attribute, and for ``sheet_rows`` the closing
    quote of the cell's reference before it)."""
    text = ooxml_text(value)
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    body = escape(text)
    if "\r" in body:  # an XML parser reads CR LF and a lone CR as LF: write what it would read
        body = body.replace("\r\n", "\n").replace("\r", "\n")
    t = f"<t{space}>{body}</t>" if body else f"<t{space}/>"
    return f'{s} t="inlineStr"><is>{t}</is></c>'


class Package:
    """The zip's parts, with the few lookups the writer needs (sheet name → part, style swatch)."""

    def __init__(self, data: bytes, name: str = UNNAMED):
        self.name = name  # the file's, for the message of a damaged part
        self.entries, self.comment = zipcopy.read_entries(data)
        self.index = {e.name: i for i, e in enumerate(self.entries)}
        rels = self._xml("_rels/.rels")
        target = next(r.get("Target") for r in rels if r.get("Type") == OFFICE_DOC)
        self.workbook = target.lstrip("/")
        self.wb_dir = posixpath.dirname(self.workbook)
        self.wb_rels = posixpath.join(self.wb_dir, "_rels", posixpath.basename(self.workbook) + ".rels")
        wb = self._xml(self.workbook)
        pr = wb.find(f"{M}workbookPr")
        self.date1904 = pr is not None and pr.get("date1904") in ("1", "true")
        targets = {r.get("Id"): r.get("Target") for r in self._xml(self.wb_rels)}
        self.sheets = {}
        for sh in wb.iter(f"{M}sheet"):
            t = targets.get(sh.get(f"{{{REL}}}id"), "")
            self.sheets[sh.get("name")] = t.lstrip("/") if t.startswith("/") else posixpath.normpath(
                posixpath.join(self.wb_dir, t))

    def read(self, name: str) -> bytes:
        try:
            return self.entries[self.index[name]].read()
        except Refused as exc:
            raise exc.as_problem(self.name) from None

    def _xml(self, name: str):
        return etree.fromstring(self.read(name))

    def put(self, name: str, content: bytes):
        i = self.index[name]
        self.entries[i] = zipcopy.new_entry(name, content, like=self.entries[i])

    def drop(self, name: str):
        i = self.index.pop(name)
        del self.entries[i]
        self.index = {e.name: i for i, e in enumerate(self.entries)}

    def style_ids(self, lists_sheet: str) -> dict[str, int]:
        """Format name → cellXfs index, from the builder's swatch row on the lists sheet (0 if missing)."""
        part = self.sheets.get(lists_sheet)
        found = {}
        if part in self.index:
            row = self._xml(part).find(f"{M}sheetData/{M}row[@r='{SWATCH_ROW + 1}']")
            for c in row if row is not None else ():
                m = _CELL_REF.fullmatch(c.get("r", ""))
                if m:
                    found[m.group(1)] = int(c.get("s", "0"))
        return {name: found.get(column_letter(i), 0) for i, name in enumerate(FORMATS)}

    def to_bytes(self) -> bytes:
        return zipcopy.write_entries(self.entries, self.comment)


def _place(root, tag: str):
    """The child ``tag`` of the worksheet, created in its schema position if missing."""
    el = root.find(M + tag)
    if el is not None:
        return el
    el = etree.Element(M + tag)
    rank = ORDER.index(tag)
    for i, child in enumerate(root):
        if not isinstance(child.tag, str):  # a comment (our sheetData placeholder) or a processing instruction
            continue
        name = etree.QName(child).localname
        if name in ORDER and ORDER.index(name) > rank:
            root.insert(i, el)
            return el
    root.append(el)
    return el


def _drop(root, tag: str):
    el = root.find(M + tag)
    if el is not None:
        root.remove(el)


_LETTERS: list[str] = []


def _letter(c: int) -> str:
    while len(_LETTERS) <= c:
        _LETTERS.append(column_letter(len(_LETTERS)))
    return _LETTERS[c]


def _ref(r: int, c: int) -> str:
    return f"{_letter(c)}{r + 1}"


_MISSING = object()


class SheetRows(NamedTuple):
    """A grid's rows as the sheet's XML needs them, from one pass over its cells (``sheet_rows``)."""

    xml: str  # the ``sheetData`` element
    linked: list  # (row, col) of the cells with a link, in order
    dimension: str  # the ``dimension`` reference of the cells written (a style or a value), "A1" if none


def sheet_rows(cells: dict, heights: dict, styles: Mapping[str, int], date1904: bool,
               xmlns: bool = True) -> SheetRows:
    """The ``sheetData`` element as text, the linked cells and the dimension; ``xmlns=False`` for splicing
    under a root whose default namespace is already SpreadsheetML (then the text is what lxml would have
    serialised).

    One pass over the cells in (row, column) order: the order the layout puts them in, so usually the
    grid's own (sorted only when it is not). A row with a height and no cell is written empty in its
    place. A cell's element around its row number is serialised once per (column, value, style): most
    values of a long sheet repeat (labels, levels, kinds, case managers; issue 14).
    """
    linked: list = []
    if not cells and not heights:
        return SheetRows(f'<sheetData xmlns="{MAIN}"/>' if xmlns else "<sheetData/>", linked, "A1")
    order = sorted(cells)
    items = cells.items() if order == list(cells) else [(rc, cells[rc]) for rc in order]
    out = [f'<sheetData xmlns="{MAIN}">' if xmlns else "<sheetData>"]
    append = out.append
    bare = sorted(heights, reverse=True)  # the rows with a height, taken as their place is reached
    texts: dict = {}  # (col, text, style) → ('<c r="B', '" s="3" t="inlineStr">…</c>')
    tails: dict = {}  # (col, type, value, style) → the same, for the other values equal ones write alike
    attrs_of = _StyleAttrs(styles)
    row, opened, rn = None, 0, ""
    first = last = None  # the rows and columns of the cells written, for the dimension
    left, right = math.inf, -1
    for (r, c), cell in items:
        if r != row:
            if row is not None:
                _close_row(out, opened)
            while bare and bare[-1] < r:
                append(_row_tag(bare.pop(), heights) + "/>")
            if bare and bare[-1] == r:
                bare.pop()
            row, rn = r, str(r + 1)
            append(f"{_row_tag(r, heights)}>")
            opened = len(out)
        value, style = cell.value, cell.style
        kind = type(value)
        if style or kind is str or not _blank(value):
            if first is None:
                first = r
            last = r
            if c < left:
                left = c
            if c > right:
                right = c
        if cell.link:
            linked.append((r, c))
        if kind is str:  # most cells: one look-up, no type in the key
            key = (c, value, style)
            parts = texts.get(key)
            if parts is None:  # ``attrs_of`` gives the attribute after the closing quote of the reference
                parts = texts[key] = (f'<c r="{_letter(c)}', _text_tail(attrs_of[style], value))
        elif kind in _CACHED:
            key = (c, kind, value, style)
            parts = tails.get(key, _MISSING)
            if parts is _MISSING:
                parts = tails[key] = _cell_parts(c, value, attrs_of.index(style), date1904)
        else:  # floats (0.0 == -0.0, NaN), datetimes (equal across zones): equal is not the same text
            parts = _cell_parts(c, value, attrs_of.index(style), date1904)
        if parts is not None:
            append(parts[0])
            append(rn)
            append(parts[1])
    if row is not None:
        _close_row(out, opened)
    while bare:
        append(_row_tag(bare.pop(), heights) + "/>")
    append("</sheetData>")
    dimension = "A1" if first is None else f"{column_letter(left)}{first + 1}:{column_letter(right)}{last + 1}"
    return SheetRows("".join(out), linked, dimension)


class _StyleAttrs(dict):
    """Style name → what follows a text cell's reference up to its type: the reference's closing quote and
    the ``s`` attribute ('"' alone for index 0), each made once."""

    def __init__(self, styles: Mapping[str, int]):
        super().__init__()
        self.styles = styles

    def index(self, name: str | None) -> int:
        return self.styles.get(name, 0) if name else 0

    def __missing__(self, name):
        style = self.index(name)
        attr = self[name] = f'" s="{style}"' if style else '"'
        return attr


@lru_cache(maxsize=1024)
def _height_attrs(ht) -> str:
    """A row's height attributes (rows of a long sheet share a few heights)."""
    return f' ht="{ht:g}" customHeight="1"' if ht else ""


def _row_tag(r: int, heights: dict) -> str:
    """A ``<row`` start tag without its closing bracket."""
    return f'<row r="{r + 1}"{_height_attrs(heights.get(r))}'


def _close_row(out: list, opened: int):
    """End the row opened at ``out[opened - 1]``; a row no cell was written in becomes ``<row …/>``."""
    if len(out) == opened:
        out[-1] = out[-1][:-1] + "/>"
    else:
        out.append("</row>")


_CACHED = {int, bool, dt.date, type(None)}  # exact types whose equal values always serialise alike (and str)


def _cell_parts(c: int, value, style: int, date1904: bool) -> tuple[str, str] | None:
    """A cell's element around its row number: ('<c r="B', '" s="3"><v>1</v></c>'); None when blank."""
    tail = cell_tail(value, style, date1904)
    return None if tail is None else (f'<c r="{_letter(c)}', f'"{tail}')


def _cut_sheet_data(xml: bytes) -> bytes | None:
    """The sheet's XML with an empty ``sheetData``, when the old rows can be dropped unparsed.

    Why: after a refresh the alerts sheet holds thousands of rows; parsing them only to throw
    them away costs as much as writing the new ones. Only the plain case is cut (one unprefixed
    ``sheetData`` and no formula-like element in it); anything else is parsed as before.
    """
    start = xml.find(b"<sheetData")
    if start < 0 or xml.find(b"<sheetData", start + 1) >= 0:
        return None
    close = xml.find(b">", start)
    if close < 0:
        return None
    if xml[close - 1:close] == b"/":
        end = close + 1
    else:
        end = xml.find(b"</sheetData>", close)
        if end < 0:
            return None
        end += len(b"</sheetData>")
        if _formula_like(xml, close, end):  # a formula (calcChain), a comment or CDATA
            return None
    return xml[:start] + b"<sheetData/>" + xml[end:]


def _formula_like(xml: bytes, start: int, end: int) -> bool:
    """Whether ``xml[start:end]`` holds ``<f``, ``:f`` or ``<!``.

    Found from the rare bytes ``f`` and ``!`` (a one-byte ``find`` runs at memory speed), each checked
    for what precedes it: three two-byte ``in`` scans of a refreshed alerts sheet took ≈ 3.5 ms."""
    for byte, before in ((b"f", b"<:"), (b"!", b"<")):
        i = xml.find(byte, start + 1, end)
        while i >= 0:
            if xml[i - 1:i] in before:
                return True
            i = xml.find(byte, i + 1, end)
    return False


def _cut_hyperlinks(xml: bytes) -> bytes | None:
    """The sheet's XML with an empty ``hyperlinks``, when its links can be dropped unparsed (a sheet
    rewritten whole loses every old link; a legacy import's checks sheet has ~13,000)."""
    start = xml.find(b"<hyperlinks")
    if start < 0 or xml.find(b"<hyperlinks", start + 1) >= 0:
        return None
    close = xml.find(b">", start)
    end = xml.find(b"</hyperlinks>", close)
    if close < 0 or xml[close - 1:close] == b"/" or end < 0 or b"<!" in xml[close:end]:
        return None
    return xml[:start] + b"<hyperlinks/>" + xml[end + len(b"</hyperlinks>"):]


def _attr(text: str) -> str:
    """An attribute value escaped exactly as lxml serialises it."""
    text = escape(text)
    if '"' in text:
        text = text.replace('"', "&quot;")
    if not text.isprintable():
        text = text.replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;")
    return text


def _links_xml(grid: SheetGrid, linked: list) -> str | None:
    """The ``hyperlinks`` element as text (what lxml would write), or None when a text needs lxml's checks.

    The texts are tested and escaped all at once (both are character by character), joined by NUL: a
    character no text that passed the test holds (an alerts sheet has 2,180 links, ~1.7 ms escaped one by one)."""
    cells = [grid.cells[rc] for rc in linked]
    texts = [cell.link for cell in cells] + [str(cell.value or "") for cell in cells]
    plain = "".join(texts)
    if not plain.isprintable() and _ILLEGAL.search(plain):
        return None  # (printable text holds none of the characters XML cannot carry)
    escaped = _attr("\x00".join(texts)).split("\x00")
    out = ["<hyperlinks>"]
    for (r, c), location, display in zip(linked, escaped, escaped[len(linked):]):
        out.append(f'<hyperlink ref="{_ref(r, c)}" location="{location}" display="{display}"/>')
    out.append("</hyperlinks>")
    return "".join(out)


def rewrite_sheet(xml: bytes, grid: SheetGrid, styles: Mapping[str, int], date1904: bool = False):
    """The sheet's XML with the grid written in; also whether a formula cell was replaced."""
    cut = _cut_sheet_data(xml) if grid.mode == "replace" else None
    if cut is not None:
        cut = _cut_hyperlinks(cut) or cut
    root = etree.fromstring(cut or xml, etree.XMLParser(huge_tree=True, remove_blank_text=False))
    old = _place(root, "sheetData")
    links = _place(root, "hyperlinks")
    splice = None
    if grid.mode == "replace":
        had_formula = cut is None and old.find(f".//{M}f") is not None
        old.clear()  # free the old rows in place: replace() would first move them into a document of their
        # own, which takes lxml ~35 s for the 22,000 rows of a 10,000-family alerts sheet
        if root.nsmap.get(None) == MAIN:  # the rows are spliced in as text after serialising the rest
            splice = f"ptxl-sheetdata-{id(grid)}"
            root.replace(old, etree.Comment(splice))
        rows = sheet_rows(grid.cells, grid.row_heights, styles, date1904, xmlns=splice is None)
        if splice is None:
            root.replace(old, etree.fromstring(rows.xml))
        del links[:]  # every old link, freed in place (removing 20,000 one by one copies each first)
        _drop(root, "mergeCells")
        if grid.col_widths:
            cols = _place(root, "cols")
            cols.clear()
            for c, w in sorted(grid.col_widths.items()):
                etree.SubElement(cols, M + "col", min=str(c + 1), max=str(c + 1), width=f"{w:g}", customWidth="1")
    else:
        rows = sheet_rows(grid.cells, grid.row_heights, styles, date1904)
        had_formula = _patch(old, etree.fromstring(rows.xml))
        refs = {_ref(r, c) for r, c in grid.cells}
        for h in list(links):
            if h.get("ref") in refs:
                links.remove(h)
    linked = rows.linked
    links_text = None
    if splice is not None and linked and not len(links) and not links.text and not links.attrib:
        links_text = _links_xml(grid, linked)  # spliced in as text like the rows (lxml: ~10 µs a link)
    if links_text is None:
        for r, c in linked:
            etree.SubElement(links, M + "hyperlink", ref=_ref(r, c), location=grid.cells[(r, c)].link,
                             display=str(grid.cells[(r, c)].value or ""))
        if not len(links):
            root.remove(links)
    if grid.merged:
        merges = _place(root, "mergeCells")
        for r1, c1, r2, c2 in grid.merged:
            etree.SubElement(merges, M + "mergeCell", ref=f"{_ref(r1, c1)}:{_ref(r2, c2)}")
        merges.set("count", str(len(merges)))
    if grid.autofilter:
        r1, c1, r2, c2 = grid.autofilter
        af = _place(root, "autoFilter")
        af.set("ref", f"{_ref(r1, c1)}:{_ref(r2, c2)}")
        for child in list(af):  # a filter saved by staff would hide rows that no longer exist
            af.remove(child)
        _drop(root, "sortState")
        pr = root.find(M + "sheetPr")
        if pr is not None and "filterMode" in pr.attrib:
            del pr.attrib["filterMode"]
    dim = _dimension(root.find(M + "sheetData")) if grid.mode == "patch" else rows.dimension
    _place(root, "dimension").set("ref", dim)
    if links_text is not None:  # last: ``_place`` skips comments when it looks for an element's position
        marker = etree.Comment(f"ptxl-hyperlinks-{id(grid)}")
        marker.tail = links.tail
        root.replace(links, marker)
    out = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if splice is not None:
        if links_text is not None:  # first, while the text is short: the rows are most of it
            head, marker, tail = out.partition(f"<!--ptxl-hyperlinks-{id(grid)}-->".encode())
            if not marker:
                raise AssertionError("hyperlinks placeholder lost")
            out = b"".join((head, links_text.encode("utf-8"), tail))
        head, marker, tail = out.partition(f"<!--{splice}-->".encode())
        if not marker:
            raise AssertionError("sheetData placeholder lost")  # never: the comment was just put there
        out = b"".join((head, rows.xml.encode("utf-8"), tail))
    return out, had_formula


def _patch(old, new) -> bool:
    """Merge the rows and cells of ``new`` into ``old``, keeping both in order."""
    had_formula = False
    rows = {int(r.get("r")): r for r in old.iterfind(M + "row")}
    for nrow in list(new):
        r = int(nrow.get("r"))
        row = rows.get(r)
        if row is None:
            row = nrow
            after = [k for k in rows if k < r]
            if after:
                rows[max(after)].addnext(row)
            else:
                old.insert(0, row)
            rows[r] = row
            continue
        for k in ("ht", "customHeight"):
            if nrow.get(k):
                row.set(k, nrow.get(k))
        cells = {c.get("r"): c for c in row.iterfind(M + "c")}
        for cell in list(nrow):
            ref = cell.get("r")
            if ref in cells:
                had_formula |= cells[ref].find(M + "f") is not None
                cells[ref].getparent().replace(cells[ref], cell)
            else:
                col = _col_index(ref)
                before = [c for c in row.iterfind(M + "c") if _col_index(c.get("r")) > col]
                if before:
                    before[0].addprevious(cell)
                else:
                    row.append(cell)
        row.attrib.pop("spans", None)
    return had_formula


def _col_index(ref: str) -> int:
    letters = _CELL_REF.fullmatch(ref).group(1)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and not math.isfinite(value))


def _dimension(sheet_data) -> str:
    rows = [int(r.get("r")) for r in sheet_data.iterfind(M + "row") if len(r)]
    cols = [_col_index(c.get("r")) for c in sheet_data.iter(M + "c")]
    if not rows or not cols:
        return "A1"
    return f"{column_letter(min(cols))}{min(rows)}:{column_letter(max(cols))}{max(rows)}"


def _drop_calc_chain(pkg: Package):
    rels = etree.fromstring(pkg.read(pkg.wb_rels))
    for r in list(rels):
        if r.get("Type") == CALC_CHAIN:
            target = posixpath.normpath(posixpath.join(pkg.wb_dir, r.get("Target")))
            rels.remove(r)
            if target in pkg.index:
                pkg.drop(target)
            types = etree.fromstring(pkg.read("[Content_Types].xml"))
            for o in list(types):
                if o.get("PartName") == "/" + target:
                    types.remove(o)
            pkg.put("[Content_Types].xml", etree.tostring(types, xml_declaration=True, encoding="UTF-8",
                                                          standalone=True))
    pkg.put(pkg.wb_rels, etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True))


def rewrite(data: bytes, grids: Mapping[str, SheetGrid], lang: str, name: str = UNNAMED) -> bytes:
    """The workbook ``data`` with each grid written into its output sheet; every other part unchanged.

    ``name``: the file's, for messages."""
    pkg = Package(data, name)
    sch = get_schema()
    styles = pkg.style_ids(sch.sheet("lists").name(lang))
    formula_replaced = False
    for key, grid in grids.items():
        name = sch.sheet(key).name(lang)
        part = pkg.sheets.get(name)
        if part not in pkg.index:
            raise Problem(PROBLEMS.sheet_missing, name=name)
        xml, had_formula = rewrite_sheet(pkg.read(part), grid, styles, pkg.date1904)
        pkg.put(part, xml)
        formula_replaced |= had_formula
    if formula_replaced and any(r.get("Type") == CALC_CHAIN for r in pkg._xml(pkg.wb_rels)):
        _drop_calc_chain(pkg)
    return pkg.to_bytes()
