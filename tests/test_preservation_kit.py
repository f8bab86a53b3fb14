"""A workbook carrying everything a staff workbook may hold that no Python library round-trips.

Made with XlsxWriter through ``build_workbook(extra=...)`` (images, charts on an
entry sheet, notes, a VBA project with a form button, sparklines, conditional
formats, a defined name, a second user sheet, a formula with its cached value,
0.1 + 0.2) and then given hand-made parts XlsxWriter cannot write (threaded
comments, a table slicer, extension-list validations, custom XML). Used by
``test_preservation.py``; no tests here.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from ptxl.build.workbook import build_workbook
from ptxl.write import zipcopy
from ptxl.write.surgical import Package

POINT3 = 0.1 + 0.2  # 0.30000000000000004: a float openpyxl's round trip is known to disturb
USER_SHEET = "Mes notes"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
TC = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"
PERSON_ID = "{5B1C0D21-6A11-4C53-9E4C-0A1B2C3D4E5F}"


def png(width: int = 8, height: int = 8, rgb=(47, 117, 181)) -> bytes:
    """A tiny valid PNG, made here so the test needs no image file."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def vba_project() -> bytes | None:
    """A real vbaProject.bin with one macro, made by pyOpenVBA (None when it is not installed)."""
    try:
        from pyopenvba import ExcelFile
    except ImportError:
        return None
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "vba.xlsm"
        with ExcelFile.create_new(str(path)) as wb:
            wb.set_module("Module1", 'Sub Actualiser()\r\n    MsgBox "ptxl"\r\nEnd Sub\r\n')
            wb.save()
        return zipfile.ZipFile(path).read("xl/vbaProject.bin")


def rows() -> dict:
    fam = {"case_id": "PT-001", "family_name": "Démo", "status": "active", "case_manager": "Tom",
           "referral_date": dt.date(2022, 4, 1), "admission_date": dt.date(2022, 5, 1), "nationality": "Irak",
           "legal_stay_years": POINT3, "arrival_date": 2009}
    contacts = [{"case_id": "PT-001", "contact_date": dt.date(2023, 1, d), "contact_type": "home_visit",
                 "minutes": 30 + d, "note": '=HYPERLINK("http://example.org","note")'} for d in range(1, 6)]
    return {"families": [fam], "contacts": contacts}


def extra(vba: bytes | None):
    def add(wb, sheets, fmts):
        fam, contacts = sheets["families"], sheets["contacts"]
        fam.insert_image("AF2", "logo.png", {"image_data": io.BytesIO(png())})
        fam.write_comment("A2", "Note : rappeler la famille lundi")
        chart = wb.add_chart({"type": "line"})
        chart.add_series({"values": [contacts.name, 1, 3, 5, 3], "name": "Minutes"})
        fam.insert_chart("AF8", chart)
        fam.conditional_format("A2:A200", {"type": "duplicate", "format": fmts["out_error"]})
        mine = wb.add_worksheet(USER_SHEET)
        for j, v in enumerate([POINT3, 1 / 3, 5e-324, -0.0, 2.0 ** 53 + 2]):
            mine.write_number(0, j, v)
        mine.write_formula(1, 0, "=A1*2", None, 2 * POINT3)  # cached result kept as written
        mine.write_string(2, 0, "=SUM(A1:E1)")  # text that looks like a formula
        mine.write_datetime(3, 0, dt.datetime(2023, 2, 28, 13, 45), fmts["out_datetime"])
        mine.add_sparkline("G1", {"range": f"'{USER_SHEET}'!A1:E1"})
        mine.data_validation("A6", {"validate": "list", "source": ["un", "deux"]})
        mine.insert_button("C8", {"macro": "Actualiser", "caption": "Actualiser (macro)"})
        wb.define_name("MaPlage", f"='{USER_SHEET}'!$A$1:$E$1")
        if vba is not None:
            wb.add_vba_project(io.BytesIO(vba), is_stream=True)
            wb.set_vba_name("ThisWorkbook")
    return add


def _append(parent_xml: bytes, xml: str) -> bytes:
    root = etree.fromstring(parent_xml)
    root.append(etree.fromstring(xml))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _ext_list(sheet_xml: bytes, *exts: str) -> bytes:
    root = etree.fromstring(sheet_xml)
    ext_list = root.find(f"{{{MAIN}}}extLst")
    if ext_list is None:
        ext_list = etree.SubElement(root, f"{{{MAIN}}}extLst")
    for e in exts:
        ext_list.append(etree.fromstring(e))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def add_hand_made_parts(path: Path) -> None:
    """Threaded comments, a table slicer, extension-list validations and custom XML, as Excel writes them."""
    pkg = Package(path.read_bytes())
    fam = pkg.sheets["Familles"]
    fam_rels = fam.replace("worksheets/", "worksheets/_rels/") + ".rels"
    if fam_rels not in pkg.index:
        pkg.entries.append(zipcopy.new_entry(fam_rels, f'<Relationships xmlns="{REL}"/>'.encode()))
        pkg.index = {e.name: i for i, e in enumerate(pkg.entries)}
    new_parts = {
        "xl/persons/person.xml": f'<personList xmlns="{TC}" xmlns:x="{MAIN}"><person displayName="Claire" '
                                 f'id="{PERSON_ID}" userId="Claire" providerId="None"/></personList>',
        "xl/threadedComments/threadedComment1.xml":
            f'<ThreadedComments xmlns="{TC}" xmlns:x="{MAIN}"><threadedComment ref="B2" '
            f'dT="2023-01-05T10:00:00.00" personId="{PERSON_ID}" id="{{0A1B2C3D-0000-4000-8000-000000000001}}">'
            f'<text>Rappeler l\'avocat avant vendredi</text></threadedComment></ThreadedComments>',
        "xl/slicers/slicer1.xml": f'<slicers xmlns="{X14}" xmlns:x="{MAIN}"><slicer name="Statut" '
                                  f'cache="Slicer_Statut" caption="Statut" rowHeight="241300"/></slicers>',
        "xl/slicerCaches/slicerCache1.xml":
            f'<slicerCacheDefinition xmlns="{X14}" xmlns:x="{MAIN}" name="Slicer_Statut" sourceName="Statut">'
            f'<extLst><x:ext uri="{{2F2917AC-EB37-4324-AD4E-5DD8C200BD13}}" '
            f'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">'
            f'<x15:tableSlicerCache tableId="1" column="14"/></x:ext></extLst></slicerCacheDefinition>',
        "customXml/item1.xml": '<plan xmlns="urn:jrs-belgium:plan-together"><projet>Plan Together</projet></plan>',
        "customXml/itemProps1.xml": '<ds:datastoreItem ds:itemID="{6F0D1C4E-1111-4A2B-9C3D-123456789ABC}" '
                                    'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
                                    '<ds:schemaRefs/></ds:datastoreItem>',
        "customXml/_rels/item1.xml.rels":
            f'<Relationships xmlns="{REL}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            f'officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>',
    }
    for name, xml in new_parts.items():
        pkg.entries.append(zipcopy.new_entry(name, b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                             + xml.encode()))
    pkg.index = {e.name: i for i, e in enumerate(pkg.entries)}
    ms = "http://schemas.microsoft.com/office"
    pkg.put(fam_rels, _append(_append(pkg.read(fam_rels),
        f'<Relationship xmlns="{REL}" Id="rIdTc1" Type="{ms}/2017/10/relationships/threadedComment" '
        f'Target="../threadedComments/threadedComment1.xml"/>'),
        f'<Relationship xmlns="{REL}" Id="rIdSl1" Type="{ms}/2007/relationships/slicer" '
        f'Target="../slicers/slicer1.xml"/>'))
    wb_rels = pkg.read(pkg.wb_rels)
    for rid, kind, target in (("rIdP1", f"{ms}/2017/10/relationships/person", "persons/person.xml"),
                              ("rIdSc1", f"{ms}/2007/relationships/slicerCache", "slicerCaches/slicerCache1.xml"),
                              ("rIdCx1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                                         "customXml", "../customXml/item1.xml")):
        wb_rels = _append(wb_rels, f'<Relationship xmlns="{REL}" Id="{rid}" Type="{kind}" Target="{target}"/>')
    pkg.put(pkg.wb_rels, wb_rels)
    types = pkg.read("[Content_Types].xml")
    for part, kind in (("/xl/persons/person.xml", "application/vnd.ms-excel.person+xml"),
                       ("/xl/threadedComments/threadedComment1.xml", "application/vnd.ms-excel.threadedcomments+xml"),
                       ("/xl/slicers/slicer1.xml", "application/vnd.ms-excel.slicer+xml"),
                       ("/xl/slicerCaches/slicerCache1.xml", "application/vnd.ms-excel.slicerCache+xml"),
                       ("/customXml/itemProps1.xml",
                        "application/vnd.openxmlformats-officedocument.customXmlProperties+xml")):
        types = _append(types, f'<Override xmlns="{CT}" PartName="{part}" ContentType="{kind}"/>')
    pkg.put("[Content_Types].xml", types)
    r_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg.put(fam, _ext_list(
        pkg.read(fam),
        f'<ext xmlns="{MAIN}" uri="{{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}}" xmlns:x14="{X14}">'
        f'<x14:dataValidations xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" count="1">'
        f'<x14:dataValidation type="list" allowBlank="1" showErrorMessage="1"><x14:formula1>'
        f"<xm:f>'{USER_SHEET}'!$A$1:$E$1</xm:f></x14:formula1><xm:sqref>AE2:AE200</xm:sqref>"
        f'</x14:dataValidation></x14:dataValidations></ext>',
        f'<ext xmlns="{MAIN}" uri="{{3A4CF648-6AED-40f4-86FF-DC5316D8AED3}}" xmlns:x14="{X14}">'
        f'<x14:slicerList><x14:slicer xmlns:r="{r_ns}" r:id="rIdSl1"/></x14:slicerList></ext>'))
    # XlsxWriter writes numbers with 16 significant digits (0.1 + 0.2 → "0.3"); Excel writes 17, as here.
    for part in (fam, pkg.sheets[USER_SHEET]):
        xml = pkg.read(part)
        assert xml.count(b"<v>0.3</v>") == 1
        pkg.put(part, xml.replace(b"<v>0.3</v>", repr(POINT3).encode().join((b"<v>", b"</v>"))))
    wb_xml = pkg.read(pkg.workbook)
    pkg.put(pkg.workbook, _ext_list(
        wb_xml, f'<ext xmlns="{MAIN}" uri="{{46BE6895-7355-4a93-B00E-2C351335B9C9}}" '
                f'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">'
                f'<x15:slicerCaches xmlns:x14="{X14}"><x14:slicerCache xmlns:r="{r_ns}" r:id="rIdSc1"/>'
                f'</x15:slicerCaches></ext>'))
    path.write_bytes(pkg.to_bytes())


def build_rich_workbook(path: Path) -> Path:
    """The full kit: an ``.xlsm`` when a VBA project can be made, else ``.xlsx`` without it."""
    vba = vba_project()
    path = path.with_suffix(".xlsm" if vba else ".xlsx")
    build_workbook(path, "fr", rows(), {"reference_date": dt.date(2023, 2, 28)}, extra=extra(vba))
    add_hand_made_parts(path)
    return path


FEATURES = {  # part-name fragment → what a staff member would call it
    "vbaProject.bin": "VBA project (macros)",
    "vmlDrawing": "notes / form button drawings",
    "comments": "notes (legacy comments)",
    "threadedComments": "threaded comments",
    "persons": "threaded-comment authors",
    "slicers/": "slicer",
    "slicerCaches": "slicer cache",
    "customXml": "custom XML",
    "media/": "image",
    "charts/": "chart",
    "drawings/drawing": "drawing (images, charts)",
    "tables/": "Excel table",
    "sharedStrings": "shared strings",
    "styles.xml": "styles",
    "workbook.xml": "workbook (defined names, slicer caches)",
}
