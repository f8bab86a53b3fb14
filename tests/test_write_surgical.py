"""The headless writer: output sheets rewritten inside the zip, every other part left exactly as it was."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from lxml import etree

from ptxl import layout
from ptxl.layout.home import home_positions, unit_texts
from ptxl.model.styles import FORMATS
from ptxl.build.workbook import build_workbook
from ptxl.model.errors import PtxlError
from ptxl.schema import get_schema
from ptxl.write import surgical, zipcopy
from ptxl.write.surgical import M, Package
from ptxl.pipeline import from_stats

NOW = dt.datetime(2023, 3, 1, 9, 30)
TRICKY = ['=HYPERLINK("http://evil","clic")', "+33 1 23", "bell\x07here", "_x0041_ literal", "  spaced  ",
          "ligne 1\nligne 2", "é ü ç — « » 🙂", "<b>&amp;</b>"]


def raw_parts(data: bytes) -> dict:
    entries, _ = zipcopy.read_entries(data)
    return {e.name: (e.raw, e.crc, e.dostime) for e in entries}


def sheet_parts(data: bytes, lang="fr") -> dict:
    pkg = Package(data)
    return {s.key: pkg.sheets[s.name(lang)] for s in get_schema().sheets}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("surgical") / "w.xlsx"
    rows = {"families": [{"case_id": "PT-001", "status": "active", "legal_stay_years": 0.1 + 0.2}]}
    build_workbook(path, "fr", rows, {"reference_date": dt.date(2023, 2, 28)})
    return path.read_bytes()


def grids_with(findings=(), alerts=()):
    return layout.build_grids(from_stats({"reference_date": "2023-02-28"}, lang="fr", alerts=list(alerts),
                                         findings=list(findings)), NOW)


def finding(value, row=7):
    from ptxl.model.dataset import Finding
    return Finding("error", "Familles", f"D{row}", row, "D", "status", "PT-001", value, "Valeur inconnue", "c")


def test_only_output_sheets_change_and_others_keep_their_raw_bytes(built):
    out = surgical.rewrite(built, grids_with(), "fr")
    before, after = raw_parts(built), raw_parts(out)
    assert list(before) == list(after)  # same parts, same order
    outputs = {sheet_parts(built)[s.key] for s in get_schema().output_sheets}
    changed = {name for name in before if before[name] != after[name]}
    assert changed == outputs
    assert zipfile.ZipFile(io.BytesIO(out)).testzip() is None


def test_cells_are_inline_strings_with_the_styles_registered_at_creation(built):
    out = surgical.rewrite(built, grids_with(), "fr")
    pkg = Package(out)
    styles = pkg.style_ids("Listes")
    assert len(set(styles.values())) > 10 and 0 not in (styles["title"], styles["out_pct"])
    root = etree.fromstring(pkg.read(sheet_parts(out)["impact"]))
    cells = list(root.iter(f"{M}c"))
    assert cells and not [c for c in cells if c.get("t") == "s"]
    a1 = root.find(f"{M}sheetData/{M}row/{M}c")
    assert a1.get("r") == "A1" and int(a1.get("s")) == styles["title"]
    assert Package(built).read("xl/sharedStrings.xml") == pkg.read("xl/sharedStrings.xml")


@pytest.mark.parametrize("value", TRICKY)
def test_staff_text_shown_in_a_summary_stays_text(built, value):
    import python_calamine  # decodes _xHHHH_ escapes as Excel does (openpyxl does not, for inline strings)
    out = surgical.rewrite(built, grids_with([finding(value)]), "fr")
    root = etree.fromstring(Package(out).read(sheet_parts(out)["checks"]))
    assert root.find(f".//{M}f") is None
    cell = root.find(f".//{M}c[@r='F{layout.CHECKS_HEADER + 2}']")
    assert cell.get("t") == "inlineStr"
    rows = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(out)).get_sheet_by_name("Contrôles").to_python()
    assert rows[layout.CHECKS_HEADER + 1][5] == value


def test_rows_in_order_dimension_right_protection_and_links_kept(built):
    alerts = [layout_alert(i) for i in range(30)]
    out = surgical.rewrite(built, grids_with([finding("x", 9), finding("y", 8)], alerts), "fr")
    for key, last_col in (("alerts", "H"), ("checks", "G")):
        root = etree.fromstring(Package(out).read(sheet_parts(out)[key]))
        rows = [int(r.get("r")) for r in root.iter(f"{M}row")]
        assert rows == sorted(rows) and len(rows) == len(set(rows))
        for r in root.iter(f"{M}row"):
            cols = [surgical._col_index(c.get("r")) for c in r]
            assert cols == sorted(cols)
        assert root.find(f"{M}dimension").get("ref") == f"A1:{last_col}{rows[-1]}"
        prot = root.find(f"{M}sheetProtection")
        assert prot is not None and prot.get("sheet") == "1" and prot.get("autoFilter") == "0"
        assert root.find(f"{M}autoFilter").get("ref") == f"A6:{last_col}{rows[-1]}"
        names = [etree.QName(c).localname for c in root]
        assert names == sorted(names, key=surgical.ORDER.index)
    links = etree.fromstring(Package(out).read(sheet_parts(out)["checks"])).find(f"{M}hyperlinks")
    assert [h.get("location") for h in links][-2:] == ["'Familles'!D8", "'Familles'!D9"]


def layout_alert(i):
    from ptxl.alerts import Alert
    return Alert(i % 3, "overdue", "no_contact", f"PT-{i:03d}", "Tom", "contacts", i + 2, dt.date(2023, 1, 1),
                 -i, "no_contact", (("last", dt.date(2022, 12, 1)), ("n", 31 + i)))


def _values(data: bytes, sheet: str) -> dict:
    """A sheet's shown values by cell reference, read as a user's Excel would read them."""
    from openpyxl import load_workbook
    wb = load_workbook(io.BytesIO(data), read_only=True)
    try:
        return {c.coordinate: c.value for row in wb[sheet].iter_rows() for c in row
                if getattr(c, "coordinate", None) and c.value is not None}
    finally:
        wb.close()


def test_home_is_patched_not_replaced(built):
    out = surgical.rewrite(built, grids_with([finding("x")]), "fr")
    part = sheet_parts(built)["home"]
    old = etree.fromstring(Package(built).read(part))
    new = etree.fromstring(Package(out).read(part))
    row, col = home_positions("fr")["last_refresh"]
    ref = f"C{row + 1}"
    old_cells = {c.get("r"): etree.tostring(c) for c in old.iter(f"{M}c")}
    new_cells = {c.get("r"): etree.tostring(c) for c in new.iter(f"{M}c")}
    changed = {r for r in new_cells if old_cells.get(r) != new_cells[r]}
    names = {s.key: s.name("fr") for s in get_schema().sheets}
    said = {f"{'ABC'[c]}{r + 1}" for r, c, _text, _style, _height in unit_texts("fr", names, "family")}
    assert said and changed == {ref, f"B{row + 2}", f"C{row + 2}"} | said  # the texts naming the unit are re-said
    shown = [_values(data, get_schema().sheet("home").name("fr")) for data in (built, out)]
    assert {k: v for k, v in shown[1].items() if k not in changed} == {k: v for k, v in shown[0].items()
                                                                     if k not in changed}
    assert all(shown[1][k] == shown[0][k] for k in said)  # a family workbook's home reads as the builder wrote it
    assert float(new.find(f".//{M}c[@r='{ref}']/{M}v").text) == surgical.excel_serial(NOW)
    for tag in ("mergeCells", "sheetProtection", "pageSetup"):
        assert etree.tostring(old.find(M + tag)) == etree.tostring(new.find(M + tag))
    links = [h.get("location") for h in new.find(f"{M}hyperlinks")]
    assert links[:len(old.find(f"{M}hyperlinks"))] == [h.get("location") for h in old.find(f"{M}hyperlinks")]
    assert links[-1] == "'Contrôles'!A1"


def _with_formula_and_calc_chain(data: bytes) -> bytes:
    """The workbook as Excel would save it if a formula sat on the impact sheet: with a calcChain."""
    pkg = Package(data)
    part = sheet_parts(data)["impact"]
    xml = pkg.read(part).replace(b"</sheetData>", b'<row r="99"><c r="A99"><f>1+1</f><v>2</v></c></row></sheetData>')
    pkg.put(part, xml)
    sheet_id = list(pkg.sheets).index("Impact") + 1
    chain = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="{surgical.MAIN}">'
             f'<c r="A99" i="{sheet_id}"/></calcChain>').encode()
    types = pkg.read("[Content_Types].xml").replace(
        b"</Types>", b'<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-'
                     b'officedocument.spreadsheetml.calcChain+xml"/></Types>')
    pkg.put("[Content_Types].xml", types)
    rels = pkg.read(pkg.wb_rels).replace(
        b"</Relationships>", b'<Relationship Id="rId999" Type="http://schemas.openxmlformats.org/officeDocument/'
                             b'2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>')
    pkg.put(pkg.wb_rels, rels)
    pkg.entries.append(zipcopy.new_entry("xl/calcChain.xml", chain))
    return pkg.to_bytes()


def test_replacing_a_formula_drops_the_calc_chain_and_its_references(built):
    data = _with_formula_and_calc_chain(built)
    assert "xl/calcChain.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    out = surgical.rewrite(data, grids_with(), "fr")
    z = zipfile.ZipFile(io.BytesIO(out))
    assert "xl/calcChain.xml" not in z.namelist()
    assert b"calcChain" not in z.read("[Content_Types].xml")
    assert b"calcChain" not in z.read("xl/_rels/workbook.xml.rels")
    assert z.read("xl/workbook.xml") == zipfile.ZipFile(io.BytesIO(data)).read("xl/workbook.xml")
    kept = surgical.rewrite(data, {"alerts": grids_with()["alerts"]}, "fr")  # no formula replaced: chain stays
    assert "xl/calcChain.xml" in zipfile.ZipFile(io.BytesIO(kept)).namelist()


def test_a_filter_saved_by_staff_is_reset_with_the_rows(built):
    pkg = Package(built)
    part = sheet_parts(built)["alerts"]
    xml = pkg.read(part).replace(b"<sheetPr>", b'<sheetPr filterMode="1">')
    xml = xml.replace(b'<autoFilter ref="A6:H6"/>', b'<autoFilter ref="A6:H6"><filterColumn colId="2"><filters>'
                                                     b'<filter val="Tom"/></filters></filterColumn></autoFilter>')
    assert b"filterColumn" in xml
    pkg.put(part, xml)
    out = surgical.rewrite(pkg.to_bytes(), grids_with(alerts=[layout_alert(1)]), "fr")
    root = etree.fromstring(Package(out).read(part))
    assert root.find(f"{M}autoFilter").get("ref") == "A6:H7" and not len(root.find(f"{M}autoFilter"))
    assert root.find(f"{M}sheetPr").get("filterMode") is None


def test_dates_follow_the_workbooks_date_system():
    assert surgical.excel_serial(dt.date(2023, 2, 28)) == 44985
    assert surgical.excel_serial(dt.date(2023, 2, 28), date1904=True) == 44985 - 1462
    assert surgical.excel_serial(dt.datetime(2023, 2, 28, 12)) == 44985.5


def test_a_renamed_output_sheet_is_a_plain_message(built):
    pkg = Package(built)
    wb = pkg.read(pkg.workbook).replace('name="Impact"'.encode(), 'name="Mon impact"'.encode())
    pkg.put(pkg.workbook, wb)
    with pytest.raises(PtxlError, match="Impact"):
        surgical.rewrite(pkg.to_bytes(), grids_with(), "fr")


def test_raw_copy_handles_data_descriptors_and_zipfile_reads_the_result():
    class Stream(io.RawIOBase):  # unseekable: zipfile then writes data descriptors (flag bit 3)
        def __init__(self):
            self.buf = bytearray()

        def writable(self):
            return True

        def write(self, b):
            self.buf += b
            return len(b)

    s = Stream()
    with zipfile.ZipFile(s, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.xml", b"<a/>" * 100)
        z.writestr("b.bin", bytes(range(256)))
    entries, comment = zipcopy.read_entries(bytes(s.buf))
    assert all(e.flags & 8 for e in entries)
    entries[1] = zipcopy.new_entry("b.bin", b"new", like=entries[1])
    out = zipcopy.write_entries(entries, comment)
    z = zipfile.ZipFile(io.BytesIO(out))
    assert z.testzip() is None and z.read("a.xml") == b"<a/>" * 100 and z.read("b.bin") == b"new"


def test_every_format_has_a_swatch_cell(built):
    styles = Package(built).style_ids("Listes")
    assert list(styles) == list(FORMATS)
    assert len(set(styles.values())) >= len({str(sorted(p.items())) for p in FORMATS.values()}) - 1


def test_refreshed_workbook_passes_the_open_xml_validator(built, tmp_path):
    from tools import run_ooxml_validator
    alerts = [layout_alert(i) for i in range(5)]
    out = tmp_path / "refreshed.xlsx"
    out.write_bytes(surgical.rewrite(built, grids_with([finding(v) for v in TRICKY], alerts), "fr"))
    assert run_ooxml_validator(out) == []
