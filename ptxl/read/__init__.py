"""Read a staff workbook into raw tables: values as typed, each with its Excel position.

Why this shape: the file is read once into memory (bytes), sniffed by its first
bytes, then parsed by python-calamine (fast, never writes, no lock, no temp
file). Calamine gives values but not formulas nor error cells, so the entry
sheets' XML is scanned for ``<f>`` and ``t="e"`` cells, which is cheap.
Nothing here judges an entry: structure facts (missing sheet, missing column,
merged cells, formulas) are collected for ``ptxl.rules.structure`` to turn into
findings in the workbook's language. File-level problems raise ``PtxlError``.
Before anything is parsed, ``ptxl.read.limits`` checks the zip's directory: a zip
bomb or a forged directory is refused without inflating one part.

Accepts a path, ``bytes`` or a binary file-like, so a decrypted in-memory copy
can be fed in later (``password`` is the hook for that).
"""

from __future__ import annotations

import difflib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..model.errors import PtxlError
from .limits import check_package, read_part, read_part_pieces
from .messages import UNNAMED, FileProblem
from .sheetxml import date1904, formula_and_error_cells, sheet_parts
from ..fields import filled_texts, fold  # noqa: F401 - fold: the one forgiving comparison of labels (ptxl.read.fold for callers)
from ..schema import DEFAULT_LANG, LANGS, get_schema

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
STRICT_NS = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
HEADER_SCAN_ROWS = 10  # the header row is looked for in the first rows, in case one was inserted above
ZERO_HEAD = 512  # a file whose first bytes are all zeros lost its content (a sector or more)


@dataclass
class RawTable:
    """One entry sheet as typed: column key → list of raw values, aligned with ``rows``."""

    key: str
    name: str  # the sheet's name in this workbook
    header_row: int  # Excel row number of the header
    columns: dict  # column key → 0-based column index in the sheet
    rows: list  # Excel row numbers of the non-empty data rows
    values: dict  # column key → list of raw calamine values (same length as rows)
    missing: list = field(default_factory=list)  # column keys whose header was not found
    unknown_headers: dict = field(default_factory=dict)  # col index → header text not matched
    duplicates: list = field(default_factory=list)  # (column key, col index) of a second same header
    merged: list = field(default_factory=list)  # ((r0, c0), (r1, c1)) 0-based, crossing the table
    formulas: list = field(default_factory=list)  # (excel row, col index) of formula cells in the table
    errors: list = field(default_factory=list)  # (excel row, col index) of error cells (#N/A…)
    found_by: str = "name"  # name | other_language | table


@dataclass
class RawWorkbook:
    path: str | None
    lang: str
    sheet_names: list
    tables: dict  # sheet key → RawTable
    missing_sheets: list  # sheet keys not found
    settings: dict  # setting key → (raw value, excel row, col index)
    settings_sheet: str | None
    date1904: bool = False  # the workbook counts date serial numbers from 1904 (Excel for Mac's old default)


# ---------------------------------------------------------------- sniffing

def named_source(data: bytes, name: str) -> io.BytesIO:
    """Bytes already read (or decrypted) from the file ``name``, for ``read_workbook``: its messages then name
    the file. No copy is made."""
    source = io.BytesIO(data)
    source.name = name
    return source


def _load_bytes(source) -> tuple[bytes, str, str | None]:
    """(data, display name, suffix) from a path, bytes or binary file-like. Only ever opens for reading."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), UNNAMED, None
    if hasattr(source, "read"):
        pos = source.tell() if hasattr(source, "seek") else None
        data = source.read()
        if pos is not None:
            source.seek(pos)
        named = getattr(source, "name", None)
        name = Path(named).name if isinstance(named, (str, Path)) and str(named) else UNNAMED
        return data, name, Path(name).suffix.lower() or None
    path = Path(source)
    name = path.name
    if not path.exists():
        raise FileProblem("not_found", str(path))
    if path.is_dir():
        raise FileProblem("is_directory", str(path))
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except PermissionError:
        raise FileProblem("locked", name) from None
    except OSError:
        raise FileProblem("unreadable", name) from None
    return data, name, path.suffix.lower()


def sniff(data: bytes, name: str, suffix: str | None, password: str | None = None) -> bytes:
    """Check the first bytes before parsing; return the xlsx bytes (decrypted if need be) or raise FileProblem."""
    if not data:
        raise FileProblem("empty", name)
    if not data[:ZERO_HEAD].strip(b"\x00"):
        raise FileProblem("zeroed", name)
    if data.startswith(OLE_MAGIC):
        return _ole(data, name, suffix, password)
    if data.startswith(EMPTY_ZIP_MAGIC):
        raise FileProblem("not_workbook", name)
    if data.startswith(ZIP_MAGIC):
        return data
    if (data.rfind(EMPTY_ZIP_MAGIC, max(0, len(data) - 65557)) > 0 and b"PK\x01\x02" in data
            and b"xl/workbook.xml" in data):
        raise FileProblem("corrupt_zip", name)  # a workbook's zip directory without its beginning: damaged
    head = data[:4096]
    if b"\x00" not in head:
        text = head.decode("utf-8", errors="replace")
        lowered = text.lstrip("\ufeff \r\n\t").lower()
        if lowered.startswith(("<html", "<!doctype", "<?xml", "<table")):
            raise FileProblem("html_or_xml", name)
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if lines and any(sep in lines[0] for sep in (",", ";", "\t")):
            raise FileProblem("csv", name)
        raise FileProblem("text", name)
    raise FileProblem("not_workbook", name)


def _ole(data: bytes, name: str, suffix: str | None, password: str | None) -> bytes:
    """A compound file: an encrypted workbook (decrypted in memory only, by ``ptxl.crypto``, never to a temporary
    file), an old .xls, something else, or one too damaged to list its streams."""
    from .. import crypto
    streams = crypto.ole_streams(data)
    if streams is None:  # a damaged encrypted workbook still names its streams in its directory sectors
        if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
            raise crypto.EncryptedWorkbookError("damaged", name)
        raise FileProblem("damaged", name)
    if crypto.ENCRYPTION_STREAMS <= streams:
        return crypto.decrypt(data, name, password)
    if "Workbook" in streams or "Book" in streams:
        raise FileProblem("xls_renamed" if suffix in (".xlsx", ".xlsm") else "xls", name)
    raise FileProblem("not_workbook", name)


def _open_zip(data: bytes, name: str) -> tuple[zipfile.ZipFile, bytes]:
    """The checked zip (``ptxl.read.limits``: nothing inflated before it) and its ``xl/workbook.xml``."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise FileProblem("corrupt_zip", name) from None
    check_package(zf, data, name)
    names = set(zf.namelist())
    if "xl/workbook.bin" in names:
        raise FileProblem("xlsb", name)
    if "xl/workbook.xml" not in names:
        raise FileProblem("not_workbook", name)
    try:
        workbook = read_part(zf, "xl/workbook.xml", name)
    except PtxlError:
        raise
    except Exception:  # BadZipFile (CRC, sizes), zlib.error and friends: a damaged member
        raise FileProblem("corrupt_zip", name) from None
    if STRICT_NS in workbook[:2000]:
        raise FileProblem("strict", name)
    return zf, workbook


# ---------------------------------------------------------------- headers and tables

def header_maps(sheet) -> dict[str, str]:
    """Folded header text (any language) → column key, for one sheet of the schema.

    Kept per compiled sheet (the schema never changes once compiled): every read asked for the same
    ~450 folds again. Callers must not modify the dict."""
    out = _HEADER_MAPS.get(id(sheet))
    if out is not None and out[0] is sheet:
        return out[1]
    out = {}
    for c in sheet.columns:
        for lang in LANGS:
            out.setdefault(fold(c.header(lang)), c.key)
    _HEADER_MAPS[id(sheet)] = (sheet, out)
    return out


_HEADER_MAPS: dict[int, tuple] = {}  # id(sheet) → (sheet, its header map); the sheet kept so the id stays its own


def _find_header(grid: list, hmap: dict) -> int:
    """0-based index of the row that matches the most known headers (row 0 unless one was inserted)."""
    longest = max(map(len, hmap), default=0)
    cut = 2 * longest + 16
    seen: dict[str, bool] = {}  # one fold per distinct text of the scanned rows (a blank template repeats its cells)

    def known(v: str) -> bool:
        hit = seen.get(v)
        if hit is None:
            # fold() maps character by character, so fold(v[:cut]) begins fold(v): a long note whose
            # beginning already folds longer than any header is no header (and is not folded whole)
            hit = seen[v] = not (len(v) > cut and len(fold(v[:cut])) > longest) and fold(v) in hmap
        return hit

    rows = grid[:HEADER_SCAN_ROWS]
    room = [len(row) for row in rows]  # the most known headers a row can hold
    best, best_n = 0, -1
    for i, row in enumerate(rows):
        if best_n >= max(room[i:]):  # no row left can match more, and a tie keeps the earlier row:
            break  # a full header row spares folding the data rows under it (long notes among them)
        n = sum(1 for v in row if isinstance(v, str) and v and known(v))
        if n > best_n:
            best, best_n = i, n
    return best


def _blank(v) -> bool:
    return v is None or v == "" or (isinstance(v, str) and not v.strip())


def read_table(sheet, name: str, grid: list, merged, formulas, errors) -> RawTable:
    hmap = header_maps(sheet)
    h = _find_header(grid, hmap) if grid else 0
    header = grid[h] if grid else []
    columns, unknown, duplicates = {}, {}, []
    for j, v in enumerate(header):
        if _blank(v):
            continue
        key = hmap.get(fold(v))
        if key is None:
            unknown[j] = str(v)
        elif key in columns:
            duplicates.append((key, j))
        else:
            columns[key] = j
    missing = [c.key for c in sheet.columns if c.key not in columns]
    body = grid[h + 1:]
    idx = sorted(columns.values())
    if body and idx and len(set(map(len, body))) == 1 and len(body[0]) > idx[-1]:
        rows, values = _rectangular_rows(body, h, idx, columns)
    else:
        rows, values = _ragged_rows(body, h, idx, columns)
    first = h + 1  # Excel row of the header
    lo, hi = (min(idx), max(idx)) if idx else (0, 0)
    cross = [m for m in (merged or ()) if m[1][0] + 1 >= first and m[1][1] >= lo and m[0][1] <= hi]
    colset = set(idx)
    return RawTable(sheet.key, name, first, columns, rows, values, missing, unknown, duplicates, cross,
                    [p for p in formulas if p[0] > first and p[1] in colset],
                    [p for p in errors if p[0] > first and p[1] in colset])


def _rectangular_rows(body: list, h: int, idx: list, columns: dict) -> tuple[list, dict]:
    """Calamine's grid is rectangular: transpose it once (in C), then keep the rows where a known
    column is filled, judged column-wise: the first known column (the case id) decides for nearly every
    row, and when it is text on every row, as usual, it keeps them all by two C-level passes."""
    cols = list(zip(*body))
    keep = (() if filled_texts(cols[idx[0]]) else  # () keeps every row
            [(v != "" and not v.isspace()) if type(v) is str else not _blank(v) for v in cols[idx[0]]])
    if not all(keep):
        for i, k in enumerate(keep):
            if not k:
                keep[i] = any(not _blank(cols[j][i]) for j in idx[1:])
    if all(keep):
        return list(range(h + 2, h + 2 + len(body))), {key: list(cols[j]) for key, j in columns.items()}
    sel = [i for i, k in enumerate(keep) if k]
    return [h + 2 + i for i in sel], {key: [cols[j][i] for i in sel] for key, j in columns.items()}


def _ragged_rows(body: list, h: int, idx: list, columns: dict) -> tuple[list, dict]:
    """Rows of unequal length (the openpyxl fallback pads them, but be safe): row by row."""
    rows, kept = [], []
    for i, r in enumerate(body):
        if any(not _blank(r[j]) for j in idx if j < len(r)):
            rows.append(h + 2 + i)
            kept.append(r)
    return rows, {key: [r[j] if j < len(r) else "" for r in kept] for key, j in columns.items()}


def suggest_header(table: RawTable, wanted: str) -> tuple[int, str] | None:
    """An unmatched header close to the wanted one (a renamed column), as (col index, text)."""
    if not table.unknown_headers:
        return None
    folded = {fold(t): (j, t) for j, t in table.unknown_headers.items()}
    hit = difflib.get_close_matches(fold(wanted), list(folded), n=1, cutoff=0.6)
    return folded[hit[0]] if hit else None


def detect_lang(sheet_names: list) -> str:
    sch = get_schema()
    present = {fold(n) for n in sheet_names}
    score = {lang: sum(fold(s.name(lang)) in present for s in sch.sheets) for lang in LANGS}
    best = max(LANGS, key=lambda lang: (score[lang], lang == DEFAULT_LANG))
    return best


def _match_sheets(sheet_names: list, lang: str, table_sheets: dict) -> dict[str, tuple[str, str]]:
    """Schema sheet key → (workbook sheet name, how found)."""
    sch = get_schema()
    by_fold = {}
    for n in sheet_names:
        by_fold.setdefault(fold(n), n)
    out = {}
    for s in sch.sheets:
        if s.kind not in ("entry", "settings"):
            continue
        hit = by_fold.get(fold(s.name(lang)))
        how = "name"
        if hit is None:
            for other in LANGS:
                hit = by_fold.get(fold(s.name(other)))
                if hit:
                    how = "other_language"
                    break
        if hit is None and s.table in table_sheets:
            hit, how = table_sheets[s.table], "table"
        if hit is not None:
            out[s.key] = (hit, how)
    return out


def read_workbook(source, password: str | None = None) -> RawWorkbook:
    """Path, bytes or file-like → RawWorkbook. Raises FileProblem for anything that is not a readable .xlsx."""
    import python_calamine as pc

    data, name, suffix = _load_bytes(source)
    data = sniff(data, name, suffix, password)
    zf, workbook_xml = _open_zip(data, name)
    try:
        wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data), load_tables=True)
    except Exception:
        raise FileProblem("corrupt", name) from None
    sheet_names = list(wb.sheet_names)
    lang = detect_lang(sheet_names)
    found = _match_sheets(sheet_names, lang, {})
    if len(found) < sum(1 for s in get_schema().sheets if s.kind in ("entry", "settings")):
        found = _match_sheets(sheet_names, lang, _table_sheets(wb))  # a renamed sheet, found by its table
    try:
        parts = sheet_parts(zf, name)
    except PtxlError:
        raise
    except Exception:
        raise FileProblem("corrupt_zip", name) from None

    def grid_of(sname: str):
        try:
            pieces = read_part_pieces(zf, parts[sname], name) if parts.get(sname) in zf.namelist() else ()
            formulas, errors = formula_and_error_cells(pieces)
            ws = wb.get_sheet_by_name(sname)
            merged = ws.merged_cell_ranges
        except PtxlError:
            raise
        except zipfile.BadZipFile:  # a part that is not what its entry says (size, CRC)
            raise FileProblem("corrupt_zip", name) from None
        except Exception:
            raise FileProblem("corrupt", name) from None
        return _grid(ws, data, sname, name), merged, formulas, errors

    raw = assemble(sheet_names, lang, found, grid_of,
                   None if isinstance(source, (bytes, bytearray, memoryview)) or hasattr(source, "read")
                   else str(source))
    raw.date1904 = date1904(workbook_xml)
    wb.close()
    return raw


def assemble(sheet_names: list, lang: str, found: dict, grid_of, path: str | None) -> RawWorkbook:
    """Matched sheets + ``grid_of(name) → (grid, merged, formulas, errors)`` → RawWorkbook.

    Shared by the file reader and the live Excel reader, so both read tables, settings and the
    language the same way.
    """
    tables, missing, settings, settings_name = {}, [], {}, None
    for s in get_schema().sheets:
        if s.kind not in ("entry", "settings"):
            continue
        if s.key not in found:
            missing.append(s.key)
            continue
        sname, how = found[s.key]
        grid, merged, formulas, errors = grid_of(sname)
        table = read_table(s, sname, grid, merged, formulas, errors)
        table.found_by = how
        if s.kind == "settings":
            settings_name = sname
            settings = _settings(table, grid)
        tables[s.key] = table
    setting_lang = settings.get("language", (None,))[0]
    if isinstance(setting_lang, str) and setting_lang.strip().lower() in LANGS:
        lang = setting_lang.strip().lower()
    return RawWorkbook(path, lang, list(sheet_names), tables, missing, settings, settings_name)


def _grid(ws, data: bytes, sheet_name: str, name: str) -> list:
    """The sheet's cells from A1 as lists. Calamine panics (a BaseException) on some values, such as a
    huge negative number in a date cell; that sheet is then read by openpyxl, slower but tolerant."""
    try:
        return ws.to_python(skip_empty_area=False)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        pass
    import warnings

    import openpyxl
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            rows = [["" if v is None else v for v in r] for r in book[sheet_name].iter_rows(values_only=True)]
            book.close()
    except Exception:
        raise FileProblem("corrupt", name) from None
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def _table_sheets(wb) -> dict:
    """Table name → sheet name (costly in calamine: only asked when a sheet was not found by name)."""
    out = {}
    try:
        for t in wb.table_names or ():
            out[t] = wb.get_table_by_name(t).sheet
    except Exception:
        return {}
    return out


def _settings(table: RawTable, grid: list) -> dict:
    """Setting key → (raw value, excel row, value col index); rows are found by key, else by label."""
    sch = get_schema()
    by_label = {fold(s.labels[lang]): s.key for s in sch.settings for lang in LANGS}
    known = {s.key for s in sch.settings}
    keys = table.values.get("key", [""] * len(table.rows))
    labels = table.values.get("setting", [""] * len(table.rows))
    vals = table.values.get("value", [""] * len(table.rows))
    vcol = table.columns.get("value")
    out = {}
    for row, k, lab, v in zip(table.rows, keys, labels, vals):
        key = k.strip() if isinstance(k, str) and k.strip() in known else by_label.get(fold(lab)) if lab else None
        if key and key not in out:
            out[key] = (v, row, vcol)
    return out
