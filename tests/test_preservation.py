"""A refresh loses nothing: every part but the output sheets stays byte for byte, every entry reads back equal.

The workbook of ``test_preservation_kit`` carries what an openpyxl load + save
would drop or alter (threaded comments, form buttons, slicers, sparklines,
extension-list validations, custom XML, VBA, cached formula results, 0.1 + 0.2).
"""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from ptxl.refresh import refresh_workbook
from ptxl.schema import get_schema
from ptxl.write import zipcopy
from ptxl.write.surgical import M, Package
from test_preservation_kit import FEATURES, POINT3, USER_SHEET, build_rich_workbook


def parts(data: bytes) -> dict:
    return {e.name: e for e in zipcopy.read_entries(data)[0]}


def output_parts(data: bytes) -> set:
    pkg = Package(data)
    return {pkg.sheets[s.name("fr")] for s in get_schema().output_sheets}


def all_values(data: bytes, skip: set) -> dict:
    import python_calamine
    wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    return {name: wb.get_sheet_by_name(name).to_python() for name in wb.sheet_names if name not in skip}


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory):
    path = build_rich_workbook(tmp_path_factory.mktemp("preserve") / "riche")
    before = path.read_bytes()
    result = refresh_workbook(path)
    return before, path.read_bytes(), result, path


def preservation_table(before: bytes, after: bytes) -> list[tuple[str, str, str]]:
    """(part, what it is, result) for every part of the workbook: the table of the refresh report."""
    b, a = parts(before), parts(after)
    outputs = output_parts(before)
    table = []
    for name, e in b.items():
        what = next((v for k, v in FEATURES.items() if k in name), "")
        if name in outputs:
            result = "rewritten (output sheet)"
        elif name not in a:
            result = "MISSING"
        elif (a[name].raw, a[name].crc) == (e.raw, e.crc):
            result = "identical (raw bytes copied)"
        elif a[name].read() == e.read():
            result = "identical content, recompressed"
        else:
            result = "CHANGED"
        table.append((name, what, result))
    return table


def test_every_part_but_the_output_sheets_is_byte_identical(refreshed):
    before, after, _result, _path = refreshed
    table = preservation_table(before, after)
    assert list(parts(before)) == list(parts(after))
    bad = [row for row in table if not row[2].startswith(("identical", "rewritten"))]
    assert bad == []
    assert sum(r[2] == "rewritten (output sheet)" for r in table) == len(get_schema().output_sheets)
    assert all(r[2] == "identical (raw bytes copied)" for r in table if not r[2].startswith("rewritten"))


def test_the_kit_really_carries_the_features(refreshed):
    before, _after, _r, path = refreshed
    names = set(parts(before))
    expected = ["xl/threadedComments/threadedComment1.xml", "xl/persons/person.xml", "xl/slicers/slicer1.xml",
                "xl/slicerCaches/slicerCache1.xml", "customXml/item1.xml", "xl/media/image1.png",
                "xl/comments1.xml"]
    assert set(expected) <= names
    assert any(n.startswith("xl/drawings/vmlDrawing") for n in names)
    if path.suffix == ".xlsm":
        assert "xl/vbaProject.bin" in names
    pkg = Package(before)
    fam = pkg.read(pkg.sheets["Familles"])
    assert b"x14:dataValidation" in fam and b"x14:slicerList" in fam
    mine = pkg.read(pkg.sheets[USER_SHEET])
    assert b"x14:sparklineGroups" in mine and b"<f>A1*2</f>" in mine
    assert b"MaPlage" in pkg.read(pkg.workbook)


def test_every_entry_cell_reads_back_equal_including_floats(refreshed):
    before, after, _r, _path = refreshed
    skip = {s.name("fr") for s in get_schema().output_sheets}
    old, new = all_values(before, skip), all_values(after, skip)
    assert old == new
    assert new[USER_SHEET][0][0] == POINT3 and repr(new[USER_SHEET][0][0]) == "0.30000000000000004"
    fam = Package(after).read(Package(after).sheets["Familles"])
    assert b"<v>0.30000000000000004</v>" in fam
    formula_cell = etree.fromstring(Package(after).read(Package(after).sheets[USER_SHEET])).find(
        f".//{M}c[@r='A2']")
    assert formula_cell.find(f"{M}v").text == repr(2 * POINT3)  # the cached result is still there


def test_refreshed_workbook_still_opens_as_a_macro_workbook(refreshed):
    _before, after, result, path = refreshed
    z = zipfile.ZipFile(io.BytesIO(after))
    assert z.testzip() is None
    if path.suffix == ".xlsm":
        assert b"macroEnabled" in z.read("[Content_Types].xml")
    assert result.stats["impact"]["n"] >= 0


def test_refreshed_kit_passes_the_open_xml_validator(refreshed):
    from tools import run_ooxml_validator
    _before, _after, _r, path = refreshed
    assert run_ooxml_validator(path) == []
