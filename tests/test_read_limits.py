"""Reading limits and file messages: zip bombs, lying zip directories, damaged files, the 1904 date system.

Each refusal is met as a user meets it, through the command line: exit 2, one plain
paragraph that names the file (never "(workbook)"), no traceback, and the file
byte-identical afterwards (``refused`` checks all of it).
"""

from __future__ import annotations

import datetime as dt
import io
import random
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from msoffcrypto.format.ooxml import OOXMLFile

from bench.zipbomb import write_bomb
from crypto_fixtures import no_password_around  # noqa: F401  (autouse fixture)
from ptxl import crypto
from ptxl.read import limits
from ptxl.cli import main
from ptxl.read import FileProblem, named_source, read_workbook
from ptxl.schema import get_schema
from ptxl.read.sheetxml import sheet_parts
from ptxl.validate import load_workbook
from builders import SETTINGS, build, plain_serial_workbook, sheet_name

PASSWORD = "secret"


@pytest.fixture(autouse=True)
def default_limits(monkeypatch):
    for key in (limits.ENV_TOTAL, limits.ENV_PART, limits.ENV_RATIO):
        monkeypatch.delenv(key, raising=False)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("limits")


@pytest.fixture(scope="module")
def good(folder) -> Path:
    return build(folder / "good.xlsx")


@pytest.fixture(scope="module")
def bomb(folder, good) -> Path:
    """The families sheet inflating to 2 GiB, in a ~9 MB file (written streaming: ~4 s, ~15 MB of memory)."""
    return write_bomb(good, folder / "bombe.xlsx", 2048)


def with_parts(source: Path, target: Path, extra: dict[str, bytes], level: int = 6) -> Path:
    """``source`` plus (or with replaced) parts ``extra``, deflated at ``level``."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for info in zin.infolist():
            if info.filename not in extra:
                z.writestr(info, zin.read(info))
        for name, data in extra.items():
            z.writestr(name, data)
    return target


def padded(source: Path, target: Path, mb: int, level: int = 1) -> Path:
    """``source`` plus a part nobody reads (custom XML) of ``mb`` MiB of repeated bytes, written streaming."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for info in zin.infolist():
            z.writestr(info, zin.read(info))
        with z.open("customXml/item1.xml", "w", force_zip64=mb >= 2048) as out:
            chunk = b"<a/>" * (1 << 18)
            for _ in range(mb):
                out.write(chunk)
    return target


def noise(n: int) -> bytes:
    """``n`` bytes that hardly compress (a ratio of about 2): seeded, the same every run."""
    return random.Random(n).randbytes(n // 2).hex().encode()


def refused(path: Path, capsys, command: str = "validate") -> str:
    """Run ``ptxl <command> path``: exit 2, a plain message naming the file, the file unchanged. → the message."""
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    capsys.readouterr()
    assert main([command, str(path)]) == 2
    out = capsys.readouterr()
    assert out.out == "" and "Traceback" not in out.err
    assert path.name in out.err and "(workbook)" not in out.err
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert not list(path.parent.glob(f".ptxl-backups/{path.stem}*"))  # nothing written, not even a backup
    return out.err


def accepted(path: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["validate", str(path)]) == 0, capsys.readouterr().err


def kind_of(source) -> str:
    with pytest.raises(FileProblem) as info:
        read_workbook(source)
    return info.value.kind


# ---------------------------------------------------------------- zip bombs and limits


def test_zip_bomb_is_refused_from_the_directory_before_anything_is_inflated(bomb, capsys, monkeypatch):
    opened = []
    real_open = zipfile.ZipFile.open
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, name, *a, **k: opened.append(name) or real_open(
        self, name, *a, **k))
    import python_calamine

    def never(*_a, **_k):
        raise AssertionError("the parser saw the bomb")
    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", never)
    tracemalloc.start()
    try:
        message = refused(bomb, capsys)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert opened == []  # not one part inflated, not even workbook.xml
    assert peak < 3 * bomb.stat().st_size + (16 << 20)  # the file read once, never its 2 GiB
    assert "2\u202f048 Mo" in message and "bombe zip" in message and "PTXL_MAX_PART_MB=4100" in message
    assert kind_of(bomb) == "part_too_large"


def test_zip_bomb_is_refused_by_refresh_and_stats_too(bomb, capsys):
    assert "bombe zip" in refused(bomb, capsys, "refresh")
    assert "bombe zip" in refused(bomb, capsys, "stats")


def test_environment_variables_raise_the_limits(folder, good, capsys, monkeypatch):
    path = padded(good, folder / "grand.xlsx", 600)  # 600 MiB that nobody reads, compressed ~230 times
    assert "PTXL_MAX_PART_MB=1200" in refused(path, capsys)  # over 512 MiB a part
    monkeypatch.setenv(limits.ENV_PART, "700")
    message = refused(path, capsys)  # now over the ratio
    assert kind_of(path) == "too_compressed" and "PTXL_MAX_RATIO=" in message
    monkeypatch.setenv(limits.ENV_RATIO, "1000")
    accepted(path, capsys)
    monkeypatch.setenv(limits.ENV_TOTAL, "500")  # and a lower total refuses it again
    assert kind_of(path) == "too_large" and "PTXL_MAX_UNZIPPED_MB=1300" in refused(path, capsys)


def test_a_bad_limit_in_the_environment_is_a_plain_message(good, capsys, monkeypatch):
    monkeypatch.setenv(limits.ENV_PART, "beaucoup")
    capsys.readouterr()
    assert main(["validate", str(good)]) == 2
    err = capsys.readouterr().err
    assert "PTXL_MAX_PART_MB" in err and "Traceback" not in err


def test_total_part_and_ratio_limits(folder, good, capsys, monkeypatch):
    two_parts = with_parts(good, folder / "deux.xlsx", {"customXml/item1.xml": noise(700_000),
                                                         "customXml/item2.xml": noise(700_000)})
    accepted(two_parts, capsys)
    monkeypatch.setenv(limits.ENV_TOTAL, "1")  # 1.6 MB in all, each part under 1 MB
    assert kind_of(two_parts) == "too_large" and "Mo une fois décompressé" in refused(two_parts, capsys)
    monkeypatch.delenv(limits.ENV_TOTAL)

    one_part = with_parts(good, folder / "une.xlsx", {"customXml/item1.xml": noise(1_500_000)})
    accepted(one_part, capsys)
    monkeypatch.setenv(limits.ENV_PART, "1")
    assert kind_of(one_part) == "part_too_large" and "customXml/item1.xml" in refused(one_part, capsys)
    monkeypatch.delenv(limits.ENV_PART)

    dense = with_parts(good, folder / "dense.xlsx", {"customXml/item1.xml": b"<a/>" * (1 << 19)}, level=9)
    assert "comprimée" in refused(dense, capsys) and kind_of(dense) == "too_compressed"  # 2 MiB, ~1000 times
    small = with_parts(good, folder / "petit.xlsx", {"customXml/item1.xml": b"<a/>" * (1 << 17)}, level=9)
    accepted(small, capsys)  # as compressed, but half a MiB cannot hurt: not judged by its ratio


def test_a_real_workbook_is_far_within_the_ratio_limit(good):
    """The defaults leave room (the sizes for 10,000 families are measured in bench/RESULTS.md); a workbook
    ptxl built is compressed far less than the ratio that refuses a bomb."""
    with zipfile.ZipFile(good) as zf:
        limits.check_package(zf, good.read_bytes(), good.name)
        worst = max(i.file_size / i.compress_size for i in zf.infolist() if i.compress_size)
    assert limits.DEFAULT_RATIO > 5 * worst


# ---------------------------------------------------------------- a zip directory that lies


def _central_and_local(data: bytes, part: str) -> tuple[int, int]:
    """Offsets of ``part``'s central directory record and local header."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    local = zf.getinfo(part).header_offset
    p = data.find(b"PK\x01\x02")
    while p >= 0:
        nlen = struct.unpack_from("<H", data, p + 28)[0]
        if data[p + 46:p + 46 + nlen] == part.encode():
            return p, local
        p = data.find(b"PK\x01\x02", p + 4)
    raise KeyError(part)


def forged(source: Path, target: Path, part: str, *, central: int | None = None, local: int | None = None,
           method: int | None = None) -> Path:
    """``source`` with ``part``'s declared inflated size changed in its central record and/or its local header."""
    data = bytearray(source.read_bytes())
    c, lo = _central_and_local(bytes(data), part)
    if central is not None:
        struct.pack_into("<I", data, c + 24, central)
    if local is not None:
        struct.pack_into("<I", data, lo + 22, local)
    if method is not None:
        struct.pack_into("<H", data, c + 10, method)
        struct.pack_into("<H", data, lo + 8, method)
    target.write_bytes(bytes(data))
    return target


def part_of(path: Path, key: str) -> str:
    with zipfile.ZipFile(path) as zf:
        return sheet_parts(zf, path.name)[sheet_name(key)]


def test_a_directory_that_understates_an_entry_sheet_is_damaged_not_read(folder, good, capsys):
    part = part_of(good, "families")
    path = forged(good, folder / "ment.xlsx", part, central=100, local=100)
    assert kind_of(path) == "corrupt_zip" and "endommagé" in refused(path, capsys)


def test_a_directory_that_understates_an_output_sheet_stops_refresh_before_writing(folder, good, capsys):
    """The reader never inflates the output sheets: the surgical writer does, bounded, and refuses the lie."""
    path = forged(good, folder / "sortie.xlsx", part_of(good, "checks"), central=100, local=100)
    accepted(path, capsys)  # validate never inflates an output sheet
    assert "endommagé" in refused(path, capsys, "refresh")


def test_local_headers_must_agree_with_the_directory(folder, good, capsys):
    part = part_of(good, "families")
    with zipfile.ZipFile(good) as zf:
        size = zf.getinfo(part).file_size
    disagree = forged(good, folder / "desaccord.xlsx", part, local=size + 1)
    assert kind_of(disagree) == "corrupt_zip" and "endommagé" in refused(disagree, capsys)
    bzip = forged(good, folder / "bzip.xlsx", part, method=zipfile.ZIP_BZIP2)  # no Excel writes it
    assert kind_of(bzip) == "corrupt_zip"


def test_a_part_twice_in_the_directory_is_damaged(folder, good, capsys):
    data = good.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            z.writestr(info, zin.read(info))
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Duplicate name": the point
            z.writestr(part_of(good, "families"), b"<worksheet/>")
    path = folder / "double.xlsx"
    path.write_bytes(out.getvalue())
    assert kind_of(path) == "corrupt_zip" and "endommagé" in refused(path, capsys)


def test_an_entry_sheet_whose_crc_is_wrong_is_damaged(folder, good, capsys):
    """The entry sheets are inflated piece by piece (``limits.read_part_pieces``): the CRC is still checked."""
    data = bytearray(good.read_bytes())
    c, lo = _central_and_local(bytes(data), part_of(good, "contacts"))
    crc = struct.unpack_from("<I", data, c + 16)[0] ^ 0x5A5A
    struct.pack_into("<I", data, c + 16, crc)
    struct.pack_into("<I", data, lo + 14, crc)
    path = folder / "crc.xlsx"
    path.write_bytes(bytes(data))
    assert kind_of(path) == "corrupt_zip" and "endommagé" in refused(path, capsys)


def test_a_part_read_in_pieces_is_the_part_and_its_limits_hold_before_inflating(good):
    with zipfile.ZipFile(good) as zf:
        part = part_of(good, "families")
        assert b"".join(limits.read_part_pieces(zf, part, good.name, size=4096)) == zf.read(part)
        small = limits.Limits(total=10 * limits.MB, part=16, ratio=100)
        with pytest.raises(FileProblem) as info:
            next(limits.read_part_pieces(zf, part, good.name, small))
        assert info.value.kind == "part_too_large"


def test_bounded_inflation_refuses_what_the_entry_does_not_say():
    import zlib
    body = b"<row/>" * 10_000
    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    raw = comp.compress(body) + comp.flush()
    assert limits.inflate(raw, len(body), zlib.crc32(body)) == body
    for declared, crc in ((len(body) - 1, zlib.crc32(body)), (len(body) + 1, zlib.crc32(body)),
                          (len(body), zlib.crc32(body) ^ 1)):
        with pytest.raises(limits.Refused) as info:
            limits.inflate(raw, declared, crc)
        assert info.value.kind == "corrupt_zip"


# ---------------------------------------------------------------- damaged files say "damaged"


@pytest.fixture(scope="module")
def encrypted(good) -> bytes:
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(good.read_bytes())).encrypt(PASSWORD, out)
    return out.getvalue()


@pytest.mark.parametrize("damage", ["truncated", "byte_flipped", "tail_zeroed", "first_sectors_only"])
def test_a_damaged_encrypted_workbook_is_damaged_not_a_wrong_password(folder, encrypted, damage, capsys,
                                                                      monkeypatch):
    n = len(encrypted)
    data = {"truncated": encrypted[:n // 2],
            "byte_flipped": encrypted[:n // 2] + bytes([encrypted[n // 2] ^ 0xFF]) + encrypted[n // 2 + 1:],
            "tail_zeroed": encrypted[:n - 20_000] + bytes(20_000),
            "first_sectors_only": encrypted[:4096]}[damage]
    path = folder / f"protege_{damage}.xlsx"
    path.write_bytes(data)
    monkeypatch.setenv(crypto.ENV_PASSWORD, PASSWORD)
    message = refused(path, capsys)
    assert "endommagé" in message and "ne l'ouvre pas" not in message
    with pytest.raises(crypto.EncryptedWorkbookError) as info:
        read_workbook(path)
    assert info.value.kind == "damaged"


def test_an_intact_encrypted_workbook_with_a_wrong_password_is_still_a_wrong_password(folder, encrypted, capsys,
                                                                                     monkeypatch):
    path = folder / "protege.xlsx"
    path.write_bytes(encrypted)
    monkeypatch.setenv(crypto.ENV_PASSWORD, "pas le bon")
    assert "ne l'ouvre pas" in refused(path, capsys)
    monkeypatch.setenv(crypto.ENV_PASSWORD, PASSWORD)
    accepted(path, capsys)


def test_the_limits_apply_to_the_decrypted_package(folder, good, capsys, monkeypatch):
    plain = padded(good, folder / "grand_clair.xlsx", 600)
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(plain.read_bytes())).encrypt(PASSWORD, out)
    path = folder / "grand_protege.xlsx"
    path.write_bytes(out.getvalue())
    monkeypatch.setenv(crypto.ENV_PASSWORD, PASSWORD)
    assert "bombe zip" in refused(path, capsys) and kind_of(path) == "part_too_large"
    assert "bombe zip" in refused(path, capsys, "refresh")


def test_a_file_of_nul_bytes_is_damaged_not_empty(folder, good, capsys):
    zeros = folder / "zeros.xlsx"
    zeros.write_bytes(bytes(65_536))
    message = refused(zeros, capsys)
    assert "zéros" in message and "vide" not in message and "0 octet" not in message
    assert kind_of(zeros) == "zeroed"
    head_lost = folder / "debut_perdu.xlsx"  # the first sectors of a real workbook overwritten with zeros
    data = good.read_bytes()
    head_lost.write_bytes(bytes(4096) + data[4096:])
    assert kind_of(head_lost) == "zeroed" and "zéros" in refused(head_lost, capsys)
    empty = folder / "vide.xlsx"
    empty.write_bytes(b"")
    assert "vide" in refused(empty, capsys)


def test_a_workbook_whose_beginning_is_lost_is_damaged_not_a_foreign_file(folder, good, capsys):
    path = folder / "abime.xlsx"
    data = good.read_bytes()
    path.write_bytes(b"\x17garbage" + data[12:])
    assert kind_of(path) == "corrupt_zip" and "endommagé" in refused(path, capsys)


def test_an_ole_file_too_damaged_to_list_its_streams_is_damaged(folder, encrypted, capsys):
    path = folder / "ole_coupe.xlsx"
    path.write_bytes(encrypted[:512])  # the compound file's header alone
    assert kind_of(path) == "damaged" and "endommagé" in refused(path, capsys)


# ---------------------------------------------------------------- messages name the file


def test_refresh_of_a_damaged_workbook_names_the_file(folder, good, capsys):
    path = folder / "coupe_en_deux.xlsx"
    data = good.read_bytes()
    path.write_bytes(data[:len(data) // 2])
    refused(path, capsys, "refresh")  # the reader is handed bytes there: it still names the file


def test_bytes_and_file_likes_name_the_file(folder, good):
    data = good.read_bytes()[:1000]
    with pytest.raises(FileProblem) as info:
        load_workbook(named_source(data, "dossiers.xlsx"))
    assert "dossiers.xlsx" in str(info.value)
    path = folder / "ouvert.xlsx"
    path.write_bytes(data)
    with open(path, "rb") as fh, pytest.raises(FileProblem) as info:
        read_workbook(fh)
    assert "« ouvert.xlsx »" in str(info.value) and str(folder) not in str(info.value)  # the name, not the folder


# ---------------------------------------------------------------- the 1904 date system


def test_plain_serial_numbers_in_a_1904_workbook_are_dates_from_1904(folder, capsys):
    expected = load_workbook(build(folder / "dates.xlsx")).dataset
    path = plain_serial_workbook(folder / "mac1904.xlsx", date1904=True)
    with zipfile.ZipFile(path) as zf:
        assert b'date1904="1"' in zf.read("xl/workbook.xml")
    raw = read_workbook(path)
    assert raw.date1904 and isinstance(raw.tables["families"].values["referral_date"][0], float)
    loaded = load_workbook(path)
    for key in ("families", "members", "contacts"):
        for c in (c for c in get_schema().sheet(key).columns if c.type in ("date", "date_or_year")):
            assert list(loaded.dataset.tables[key][c.key]) == list(expected.tables[key][c.key]), (key, c.key)
    assert loaded.dataset.reference_date == SETTINGS["reference_date"]
    assert {f.code for f in loaded.findings} == {"date.serial"}  # read, and said: "format the cell as a date"
    before = path.read_bytes()
    capsys.readouterr()
    assert main(["validate", str(path)]) == 0 and path.read_bytes() == before


def test_the_same_numbers_in_a_1900_workbook_are_1462_days_earlier(folder):
    in_1904 = load_workbook(plain_serial_workbook(folder / "mac.xlsx", date1904=True)).dataset
    in_1900 = load_workbook(plain_serial_workbook(folder / "pc.xlsx", date1904=False)).dataset
    assert list(in_1900.tables["families"]["referral_date"]) == list(in_1904.tables["families"]["referral_date"])
    same_numbers = read_workbook(plain_serial_workbook(folder / "mac_b.xlsx", True)).tables["families"]
    raw_1900 = read_workbook(plain_serial_workbook(folder / "pc_b.xlsx", False)).tables["families"]
    assert all(a - b == 1462 for a, b in zip(raw_1900.values["referral_date"], same_numbers.values["referral_date"]))


def test_serial_dates_in_both_systems():
    from ptxl.fields import serial_date
    from ptxl.normalise import parse_date
    assert serial_date(44985) == dt.date(2023, 2, 28)
    assert serial_date(44985 - 1462, date1904=True) == dt.date(2023, 2, 28)
    assert serial_date(0, date1904=True) == dt.date(1904, 1, 1) and serial_date(-5, date1904=True) is None
    assert parse_date(43523.0, date1904=True) == (dt.date(2023, 2, 28), False, "date.serial")
    assert parse_date(1985.0, True, date1904=True) == (dt.date(1985, 7, 1), True, None)  # a year stays a year
