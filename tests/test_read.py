"""Reading: file sniffing and file problems (exit 2, each its own message), never writing, raw tables."""

from __future__ import annotations

import io
import os
import struct
import zipfile

import pytest

from ptxl.cli import main
from ptxl.model.errors import PtxlError
from ptxl.read import FileProblem, detect_lang, fold, read_table, read_workbook
from ptxl.schema import get_schema
from ptxl.validate import load_workbook
from builders import build

# ---------------------------------------------------------------- fixtures for file problems


def make_ole(streams: dict[str, bytes]) -> bytes:
    """A minimal compound file (the container of .xls and of encrypted .xlsx), streams ≥ 4096 bytes each."""
    sec = 512
    free, end, fatsect, nostream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    data_sectors, fat, start = [], [fatsect, end], 2
    entries = []
    for name, blob in streams.items():
        blob = blob.ljust(max(4096, -(-len(blob) // sec) * sec), b"\0")
        n = len(blob) // sec
        fat += [start + k + 1 for k in range(n - 1)] + [end]
        entries.append((name, start, len(blob)))
        data_sectors.append(blob)
        start += n
    assert len(fat) <= 128
    fat += [free] * (128 - len(fat))

    def entry(name, typ, child, right, start_sec, size):
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB3I", len(raw), typ, 1, nostream, right, child)
                + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 + struct.pack("<IQ", start_sec, size))
    dirs = [entry("Root Entry", 5, 1, nostream, end, 0)]
    for k, (name, s, size) in enumerate(entries):
        dirs.append(entry(name, 2, nostream, k + 2 if k + 1 < len(entries) else nostream, s, size))
    dirs += [b"\0" * 64 + struct.pack("<HBB3I", 0, 0, 0, nostream, nostream, nostream) + b"\0" * 48] \
        * (4 - len(dirs) % 4 if len(dirs) % 4 else 0)
    assert len(dirs) == 4
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    assert len(header) == sec
    return header + struct.pack("<128I", *fat) + b"".join(dirs) + b"".join(data_sectors)


def test_hand_made_ole_is_a_real_compound_file():
    olefile = pytest.importorskip("olefile")
    blob = make_ole({"Workbook": b"\x09\x08\x10\x00\x00\x06\x05\x00"})
    ole = olefile.OleFileIO(io.BytesIO(blob))
    assert ole.exists("Workbook") and ole.openstream("Workbook").read(2) == b"\x09\x08"


STRICT_WORKBOOK = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   b'<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" '
                   b'xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships">'
                   b'<sheets><sheet name="Familles" sheetId="1" r:id="rId1"/></sheets></workbook>')


def make_strict() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
                   'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/'
                   'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", STRICT_WORKBOOK)
        z.writestr("xl/worksheets/sheet1.xml", '<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/'
                   'main"><sheetData/></worksheet>')
    return out.getvalue()


def make_encrypted(tmp_path, plain_path) -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile
    out = io.BytesIO()
    with open(plain_path, "rb") as fh:
        OOXMLFile(fh).encrypt("secret", out)
    return out.getvalue()


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    return build(tmp_path_factory.mktemp("good") / "good.xlsx")


def _problem_files(tmp_path, good) -> dict:
    files = {
        "xls": ("ancien.xls", make_ole({"Workbook": b"\x09\x08\x10\x00" * 8})),
        "xls_renamed": ("renomme.xlsx", make_ole({"Workbook": b"\x09\x08\x10\x00" * 8})),
        "encrypted": ("protege.xlsx", make_encrypted(tmp_path, good)),
        "csv": ("export.xlsx", "N° de dossier;Nom\nPT-001;Famille A\n".encode("utf-8")),
        "corrupt_zip": ("coupe.xlsx", good.read_bytes()[: len(good.read_bytes()) // 2]),
        "strict": ("strict.xlsx", make_strict()),
        "empty": ("vide.xlsx", b""),
    }
    paths = {"not_found": tmp_path / "absent.xlsx"}
    for kind, (name, data) in files.items():
        p = tmp_path / name
        p.write_bytes(data)
        paths[kind] = p
    return paths


def test_each_file_problem_exits_2_with_its_own_message(tmp_path, good, capsys, monkeypatch):
    monkeypatch.delenv("PTXL_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not interactive: nobody to type a password
    messages = {}
    for kind, path in _problem_files(tmp_path, good).items():
        with pytest.raises(PtxlError) as info:
            read_workbook(path)
        # an encrypted workbook is ptxl.crypto's: without a password it asks for one, and says so
        assert info.value.kind == ("password_needed" if kind == "encrypted" else kind)
        capsys.readouterr()
        assert main(["validate", str(path)]) == 2, kind
        out = capsys.readouterr()
        assert "Traceback" not in out.err and out.out == ""
        messages[kind] = out.err.strip()
        assert path.name in messages[kind]
    assert len(set(messages.values())) == len(messages)  # every problem says something different
    assert "mot de passe" in messages["encrypted"]
    assert "Strict" in messages["strict"]
    assert "renommé" in messages["xls_renamed"] and "97-2003" in messages["xls"]
    assert "CSV" in messages["csv"] and "vide" in messages["empty"] and "introuvable" in messages["not_found"]


def test_encrypted_workbook_opens_in_memory_with_its_password(tmp_path, good):
    enc = tmp_path / "protege.xlsx"
    enc.write_bytes(make_encrypted(tmp_path, good))
    before = sorted(os.listdir(tmp_path))
    loaded = load_workbook(enc, password="secret")
    assert loaded.findings == [] and len(loaded.dataset.tables["families"]) == 3
    assert sorted(os.listdir(tmp_path)) == before


@pytest.mark.parametrize("kind,data", [
    ("not_workbook", b"\0\1\2 binary junk"),
    ("text", b"Bonjour ceci est une note\n"),
    ("html_or_xml", b"<html><body><table><tr><td>1</td></tr></table></body></html>"),
    ("not_workbook", b"PK\x05\x06" + b"\0" * 18),
    ("not_workbook", b"\x89PNG\r\n\x1a\n\0\0\0"),
])
def test_other_non_workbooks(kind, data):
    with pytest.raises(FileProblem) as info:
        read_workbook(data)
    assert info.value.kind == kind


def test_docx_is_not_a_workbook():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(FileProblem) as info:
        read_workbook(out.getvalue())
    assert info.value.kind == "not_workbook"


def test_directory_is_a_file_problem(tmp_path):
    with pytest.raises(FileProblem) as info:
        read_workbook(tmp_path)
    assert info.value.kind == "is_directory"


# ---------------------------------------------------------------- reading never writes


def test_reading_never_writes_nor_leaves_files(tmp_path, capsys):
    path = build(tmp_path / "w.xlsx")
    os.utime(path, (1_600_000_000, 1_600_000_000))
    before = (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(tmp_path)))
    load_workbook(path)
    assert main(["validate", str(path)]) == 0
    assert main(["validate", str(path), "--json"]) == 0
    assert (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(tmp_path))) == before


def test_bytes_and_file_like_give_the_same_result(tmp_path, good):
    data = good.read_bytes()
    a = read_workbook(good)
    b = read_workbook(data)
    c = read_workbook(io.BytesIO(data))
    assert a.tables["contacts"].values == b.tables["contacts"].values == c.tables["contacts"].values
    assert a.path == str(good) and b.path is None


# ---------------------------------------------------------------- raw tables


def test_raw_table_positions_and_header_search():
    sheet = get_schema().sheet("contacts")
    heads = [c.header("fr") for c in sheet.columns]
    grid = [["Mes contacts", "", "", "", "", "", ""],
            ["", "", "", "", "", "", ""],
            ["Remarque"] + heads,
            ["x", "PT-001", 44600.0, "Visite à domicile", 30.0, "", ""],
            ["", "", "", "", "", "", ""],
            ["", "PT-002", "", "", "", "", ""],
            ["", "", "", "", "", "", ""]]
    t = read_table(sheet, "Contacts", grid, [], [], [])
    assert t.header_row == 3
    assert t.columns["case_id"] == 1 and t.columns["contact_date"] == 2
    assert t.rows == [4, 6]  # blank rows skipped, Excel numbering kept
    assert t.values["case_id"] == ["PT-001", "PT-002"]
    assert t.unknown_headers == {0: "Remarque"} and t.missing == []


def test_header_search_keeps_the_first_of_equal_rows_and_finds_a_fuller_one_below():
    sheet = get_schema().sheet("contacts")
    heads = [c.header("fr") for c in sheet.columns]
    repeated = [heads, ["PT-001", 44600.0, "Visite", 30.0, "", ""], list(heads)]
    assert read_table(sheet, "Contacts", repeated, [], [], []).header_row == 1
    partial = [heads[:2] + ["", "", "", ""], ["", "", "", "", "", ""], heads]
    assert read_table(sheet, "Contacts", partial, [], [], []).header_row == 3


def test_formula_and_error_cells_found_behind_many_inline_texts():
    from ptxl.read.sheetxml import formula_and_error_cells
    text = "".join(f'<c r="A{r}" t="inlineStr"><is><t>fff of a fluffy file</t></is></c>' for r in range(2, 400))
    head, tail = '<worksheet><sheetData><row r="1">', "</row></sheetData></worksheet>"
    plain = (head + text + tail).encode()
    assert formula_and_error_cells([plain]) == ([], [])
    with_f = (head + text + '<c r="C400"><f>1+1</f><v>2</v></c>' + tail).encode()
    assert formula_and_error_cells([with_f]) == ([(400, 2)], [])
    with_both = (head + '<c r="C4"><f>1+1</f></c>' + text + '<c r="D401" t="e"><v>#N/A</v></c>' + tail).encode()
    assert formula_and_error_cells([with_both]) == ([(4, 2)], [(401, 3)])
    prefixed = (head + text + '<x:c r="B9"><x:f>1+1</x:f></x:c>' + tail).encode()
    assert formula_and_error_cells([prefixed]) == ([(9, 1)], [])


@pytest.mark.parametrize("cell, found", [('<c r="B3"><f>A1</f></c>', ([(3, 1)], [])),
                                         ('<x:c r="B3"><x:f/></x:c>', ([(3, 1)], [])),
                                         ('<c r="B3" t="e"><v>#N/A</v></c>', ([], [(3, 1)])),
                                         ('<c r="B3"><v>1</v></c><formula1>1</formula1>', ([], []))])
def test_formula_and_error_cells_found_across_the_pieces_of_a_sheet(cell, found):
    from ptxl.read.sheetxml import formula_and_error_cells
    xml = f'<worksheet><sheetData><row r="3">{cell}</row></sheetData></worksheet>'.encode()
    for size in (1, 2, 3, 5, 7):
        for start in range(len(xml)):  # the marker cut at every place, into pieces of every small size
            pieces = [xml[:start]] + [xml[i:i + size] for i in range(start, len(xml), size)]
            assert formula_and_error_cells(pieces) == found, (size, start)


def test_fold_forgives_case_accents_spaces_and_typography():
    assert fold("  Impact  CONSIDÉRABLE ") == fold("impact considerable")
    assert fold("Plan d’action") == fold("Plan d'action")
    assert fold("Résolu – retour") == fold("resolu - retour")


def test_language_detected_from_sheet_names():
    sch = get_schema()
    for lang in ("fr", "nl", "en"):
        assert detect_lang([s.name(lang) for s in sch.sheets]) == lang
    assert detect_lang(["Sheet1"]) == "fr"


def test_workbook_language_comes_from_settings(tmp_path):
    from builders import base_rows
    path = build(tmp_path / "en.xlsx", base_rows("en"), lang="en")
    assert read_workbook(path).lang == "en"


def test_value_that_crashes_calamine_is_read_another_way(tmp_path):
    from builders import cell, col
    # a huge negative number in a date cell makes python-calamine panic: the sheet is read by openpyxl instead
    path = build(tmp_path / "w.xlsx", extra=lambda wb, sheets, fmts: sheets["contacts"].write_number(
        1, col("contacts", "contact_date"), -1e12, fmts["date"]))
    loaded = load_workbook(path)
    assert [(f.cell, f.code) for f in loaded.findings] == [(cell("contacts", "contact_date", 2), "date.invalid")]
    assert len(loaded.dataset.tables["contacts"]) == 3
