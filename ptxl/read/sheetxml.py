"""Facts calamine does not give, read cheaply from the sheet XML: formulas and Excel error values.

Why: calamine returns a formula's cached value and an empty string for ``#N/A``;
a typed value is expected in entry cells, so both must be reported. A plain
substring test skips sheets without any (the usual case) in a few milliseconds,
piece by piece as the sheet is inflated.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable

from .limits import read_part

_SHEET_RE = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_SHEET_RE2 = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]*)"[^>]*?\bname="([^"]*)"')
_REL_RE = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"|'
                     rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')
_CELL_RE = re.compile(rb'<(?:\w+:)?c\b([^>]*)>(\s*<(?:\w+:)?f[\s>/])?')
_REF_RE = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_F_OR_E_MARKERS = (b"<f>", b"<f ", b"<f/", b":f>", b":f ", b":f/", b't="e"')
_SEAM = max(map(len, _F_OR_E_MARKERS)) - 1  # bytes of each side of a seam between two pieces that a marker can span
_FEW_F = 1000  # lowercase f looked at one by one before the needles take over
_DATE1904_RE = re.compile(rb'<(?:\w+:)?workbookPr\b[^>]*?\bdate1904="(?:1|true)"')


def _xml_unescape(b: bytes) -> str:
    return (b.decode("utf-8", "replace").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def sheet_parts(zf: zipfile.ZipFile, name: str) -> dict[str, str]:
    """Sheet name → its XML part in the zip (read within ``ptxl.read.limits``; ``name`` is the file's, for messages)."""
    wb = read_part(zf, "xl/workbook.xml", name)
    try:
        rels = read_part(zf, "xl/_rels/workbook.xml.rels", name)
    except KeyError:
        return {}
    targets = {}
    for m in _REL_RE.finditer(rels):
        rid, target = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        t = target.decode()
        targets[rid.decode()] = t.lstrip("/") if t.startswith("/") else "xl/" + t
    out = {}
    for m in _SHEET_RE.finditer(wb):
        out[_xml_unescape(m.group(1))] = targets.get(m.group(2).decode(), "")
    if not out:
        for m in _SHEET_RE2.finditer(wb):
            out[_xml_unescape(m.group(2))] = targets.get(m.group(1).decode(), "")
    return out


def col_index(letters: bytes | str) -> int:
    n = 0
    for ch in letters if isinstance(letters, str) else letters.decode():
        n = n * 26 + ord(ch) - 64
    return n - 1


def _has_marker(xml: bytes) -> bool:
    """Whether any of ``_F_OR_E_MARKERS`` occurs. A sheet whose text is in the shared strings holds few
    lowercase ``f`` (its cells are ``<c r="F2" s="1" t="s"><v>7</v></c>``), so each ``f`` is found by
    ``memchr`` and its neighbours looked at: two fast scans of the sheet (a large entry sheet is tens of
    megabytes) instead of three slower ones. Past ``_FEW_F`` of them (text typed inline), the needles."""
    if b't="e"' in xml:
        return True
    i = xml.find(b"f", 1)
    for _ in range(_FEW_F):
        if i < 0:
            return False
        if xml[i - 1:i] in (b"<", b":") and xml[i + 1:i + 2] in (b">", b" ", b"/"):
            return True
        i = xml.find(b"f", i + 1)
    return _has_f_marker(xml)


def _has_f_marker(xml: bytes) -> bool:
    """Whether ``<f`` or ``:f`` is followed by ``>``, a space or ``/``, searched needle by needle."""
    for needle in (b"<f", b":f"):
        i = xml.find(needle)
        while i >= 0:
            if xml[i + 2:i + 3] in (b">", b" ", b"/"):
                return True
            i = xml.find(needle, i + 2)
    return False


def formula_and_error_cells(pieces: Iterable[bytes]) -> tuple[list, list]:
    """(formula cells, error cells) as (excel row, 0-based col) from one sheet's XML, given in pieces as it is
    inflated (``limits.read_part_pieces``): each piece is searched for a marker, and so is each seam between
    two (a marker is at most ``_SEAM`` + 1 bytes long); only a sheet with one is joined and its cells read."""
    formulas, errors = [], []
    kept, tail, marked = [], b"", False
    for piece in pieces:
        kept.append(piece)
        marked = marked or _has_marker(tail + piece[:_SEAM]) or _has_marker(piece)
        tail = piece[-_SEAM:] if len(piece) >= _SEAM else (tail + piece)[-_SEAM:]
    if not marked:  # data validations' <formula1> do not count
        return formulas, errors
    xml = b"".join(kept)
    for m in _CELL_RE.finditer(xml):
        attrs, has_f = m.group(1), m.group(2)
        is_err = b't="e"' in attrs
        if not (has_f or is_err):
            continue
        ref = _REF_RE.search(attrs)
        if not ref:
            continue
        pos = (int(ref.group(2)), col_index(ref.group(1)))
        (formulas if has_f else errors).append(pos)
    return formulas, errors


def date1904(workbook_xml: bytes) -> bool:
    """Whether the workbook counts dates from 1904 (``<workbookPr date1904="1">``): a plain serial number in a
    date column then means 1462 days later than in the usual 1900 system."""
    return _DATE1904_RE.search(workbook_xml) is not None
