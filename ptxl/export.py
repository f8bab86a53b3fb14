"""``ptxl export --anonymised``: the entry tables for an external evaluator, without who the families are.

What leaves, and why:
- Names never (family, first and last names, and the staff names in
  ``case_manager`` / ``owner``): an evaluator counts, they do not need to know whom.
- Birth dates become age brackets at the reference date (the brackets of the
  statistics); the exact date is a strong identifier, the bracket is what the
  evaluation uses.
- Free text (every ``longtext`` column, document descriptions…) only with
  ``--with-text``: notes are where names, addresses and health details end up.
  Even then, the cohort's own names are blanked out of it. A text column is left
  out unless this module lists it as safe, so a column added to the forms later
  is not exported by accident.
- Case ids become keyed pseudonyms (HMAC-SHA256). The key stays with the
  organisation (``.ptxl-key`` beside the workbook, created on first use, or the
  environment variable ``PTXL_EXPORT_KEY``): the same case gets the same
  pseudonym in every export, the evaluator cannot reverse it, and the
  organisation maps it back with the mapping file written beside the workbook,
  never into the export folder.
- ``--suppress`` (publication): nationalities shared by fewer than the
  threshold's families become ``other``, and ``stats.json`` holds the
  suppressed statistics (``ptxl.suppress``).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
import io
import json
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .dataset import Dataset
from .errors import PtxlError
from .forms.scales import L
from .schema import get_schema
from .write.atomic import make_folder, save
from .write.failure import read_error, write_error

KEY_FILE = ".ptxl-key"
ENV_KEY = "PTXL_EXPORT_KEY"
MAP_SUFFIX = ".export-map.csv"
XLSX_NAME = "anonymised.xlsx"
MANIFEST = "manifest.json"
STATS_NAME = "stats.json"

PSEUDONYMISED = {"case_id": "case", "member_id": "member"}
TEXT_SAFE = frozenset({"nationality"})  # text columns that are categories, not free text
BIRTH = "birth_date"
AGE_BRACKET = "age_bracket"
OTHER = "other"
NAME_BLANK = "[…]"
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class ExportResult:
    out: Path
    files: list = field(default_factory=list)
    mapping: Path | None = None
    key_file: Path | None = None
    rows: dict = field(default_factory=dict)


# ------------------------------------------------------------------ key and pseudonyms

def load_key(workbook: Path) -> tuple[bytes, Path | None]:
    """The organisation's export key: ``PTXL_EXPORT_KEY``, else ``.ptxl-key`` beside the workbook (created once)."""
    env = os.environ.get(ENV_KEY)
    if env:
        return (bytes.fromhex(env) if re.fullmatch(r"[0-9a-fA-F]{64}", env) else env.encode("utf-8")), None
    path = workbook.resolve().parent / KEY_FILE
    while True:
        text = _read_key(path)
        if text:
            if not re.fullmatch(r"[0-9a-f]{64}", text):
                raise PtxlError(f"Le fichier de clé « {path} » est abîmé ; ne le remplacez pas sans garder "
                                f"l'ancien : les pseudonymes déjà transmis en dépendent. (The key file {path} is "
                                f"damaged.)")
            return bytes.fromhex(text), path
        if text == "":  # an empty key, left by an older ptxl on a full disk: it never made a pseudonym
            _remove(path)
        try:  # created whole or not at all, and never over a key another export just made
            save(path, (secrets.token_hex(32) + "\n").encode("ascii"), overwrite=False, note=KEY_NOTE)
        except FileExistsError:
            pass  # made meanwhile by another export: read that one


KEY_NOTE = L("Rien n'a été exporté.", "Er werd niets geëxporteerd.", "Nothing was exported.")


def _read_key(path: Path) -> str | None:
    """The key file's text (stripped), None when there is none; unreadable is a plain error."""
    try:
        return path.read_bytes().decode("ascii", errors="replace").strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise read_error(path, exc) from None


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise write_error(path, exc, note=KEY_NOTE) from None


def pseudonym(key: bytes, kind: str, value: str) -> str:
    """Stable, keyed, not reversible without the key: ``X-`` + 12 hex digits of HMAC-SHA256."""
    digest = hmac.new(key, f"{kind}:{value.strip()}".encode("utf-8"), hashlib.sha256).hexdigest()
    return f"X-{digest[:12]}"


# ------------------------------------------------------------------ age brackets

def _bounds(label: str) -> tuple[float, float] | None:
    """A bracket label of the statistics → [low, high) in years; None for ``unclear``."""
    if label.startswith("<"):
        return float("-inf"), float(label[1:])
    if label.endswith("+"):
        return float(label[:-1]), float("inf")
    if "-" in label:
        lo, hi = label.split("-")
        return float(lo), float(hi) + 1
    return None


def age_brackets(members: pd.DataFrame, ref: dt.date) -> pd.Series:
    """Each member's age bracket at ``ref`` (adult or child brackets by role), as in the statistics."""
    from .stats.cohort import ADULT_BRACKETS, ADULT_ROLES, CHILD_BRACKETS, UNCLEAR
    from .stats.common import age_years
    age = age_years(members[BIRTH], ref)
    out = pd.Series(UNCLEAR, index=members.index, dtype="object")
    for roles, labels in ((ADULT_ROLES, ADULT_BRACKETS), (("child",), CHILD_BRACKETS)):
        who = members["role"].isin(roles) & age.notna() & (age >= 0)
        for label in labels:
            b = _bounds(label)
            if b is not None:
                out[who & (age >= b[0]) & (age < b[1])] = label
    return out


# ------------------------------------------------------------------ the tables

def _columns(sheet, with_text: bool) -> list:
    keep = []
    for c in sheet.columns:
        if c.personal:  # names are removed; the birth date comes back as an age bracket
            continue
        if c.key in PSEUDONYMISED or c.type not in ("text", "longtext") or c.key in TEXT_SAFE or with_text:
            keep.append(c)
    return keep


def _name_pattern(ds: Dataset) -> re.Pattern | None:
    """Every name typed in the cohort, as whole words, to blank them out of exported free text."""
    names = set()
    for table, keys in (("families", ("family_name",)), ("members", ("first_name", "last_name"))):
        df = ds.tables.get(table)
        if df is None:
            continue
        for k in keys:
            if k in df:
                for v in df[k].dropna():
                    names.update(part for part in re.split(r"[\s,;/]+", str(v)) if len(part) >= 2)
    if not names:
        return None
    words = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def _common_nationalities(ds: Dataset, threshold: int) -> set:
    """Nationalities (folded) shared by at least ``threshold`` families, in the registry or among members."""
    pairs = pd.concat([ds.tables[k][["case_id", "nationality"]] for k in ("families", "members")])
    pairs = pairs.dropna()
    folded = pairs["nationality"].astype(str).str.strip().str.casefold()
    counts = pairs.assign(_n=folded).groupby("_n")["case_id"].nunique()
    return set(counts[counts >= threshold].index)


def anonymise(ds: Dataset, key: bytes, with_text: bool = False, suppress: bool = False,
              threshold: int | None = None) -> tuple[dict, dict]:
    """Dataset → ({sheet key: DataFrame for export}, {pseudonym: case or member id}). Pure."""
    sch = get_schema()
    ref = ds.reference_date
    threshold = threshold or int(ds.settings.get("small_cell_threshold") or 5)
    names = _name_pattern(ds) if with_text else None
    common = _common_nationalities(ds, threshold) if suppress else None
    mapping: dict = {}
    out = {}
    for sheet in sch.entry_sheets:
        df = ds.tables[sheet.key]
        cols = _columns(sheet, with_text)
        table = pd.DataFrame(index=df.index)
        for c in cols:
            s = df[c.key]
            if c.key in PSEUDONYMISED:
                s = s.map(lambda v, kind=PSEUDONYMISED[c.key]: _pseudo(key, kind, v, mapping))
            elif c.key == "nationality" and common is not None:
                s = s.map(lambda v: v if not isinstance(v, str) or v.strip().casefold() in common else OTHER)
            elif c.type in ("text", "longtext") and names is not None:
                s = s.map(lambda v: names.sub(NAME_BLANK, v) if isinstance(v, str) else v)
            table[c.key] = _plain(s, c.type)
        if sheet.key == "members" and BIRTH in df:
            at = list(table.columns).index("role") + 1 if "role" in table else len(table.columns)
            table.insert(at, AGE_BRACKET, age_brackets(df, ref))
        if "case_id" in table:
            table = table.sort_values("case_id", kind="stable")
        table = table.astype("object")
        out[sheet.key] = table.where(table.notna(), None).reset_index(drop=True)
    return out, mapping


def _pseudo(key: bytes, kind: str, value, mapping: dict):
    if value is None or (isinstance(value, float) and pd.isna(value)) or str(value).strip() == "":
        return None
    p = pseudonym(key, kind, str(value))
    mapping[p] = str(value).strip()
    return p


def _plain(s: pd.Series, col_type: str) -> pd.Series:
    """Typed column → plain values for CSV/xlsx: ISO dates, ints, codes, text."""
    if col_type in ("date", "date_or_year"):
        return s.map(lambda v: v.date().isoformat() if isinstance(v, pd.Timestamp) and not pd.isna(v) else None)
    if col_type in ("score", "integer"):
        return s.astype("object").map(lambda v: None if pd.isna(v) else int(v))
    return s.astype("object").where(s.notna(), None)


# ------------------------------------------------------------------ writing

def _check_out(out: Path, workbook: Path) -> None:
    """The export folder must not hold (or sit above) the workbook, its key or the mapping."""
    o, home = out.resolve(), workbook.resolve().parent
    if o == home or o in home.parents:
        raise PtxlError("Choisissez un dossier d'export distinct du dossier du classeur (et qui ne le contient "
                        "pas) : la clé et la table de correspondance y restent et ne doivent pas partir avec "
                        "l'export. Rien n'a été écrit. (Choose an export folder outside the workbook's folder: "
                        "its key and mapping stay there and must not leave with the export. Nothing was written.)")


def _csv_cell(v):
    if v is None:
        return ""
    if isinstance(v, str) and v.startswith(CSV_FORMULA_START):
        return "'" + v  # a spreadsheet must not run an exported text as a formula
    return v


def _write_csv(path: Path, table: pd.DataFrame) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(list(table.columns))
    for row in table.itertuples(index=False, name=None):
        w.writerow([_csv_cell(v) for v in row])
    save(path, buf.getvalue().encode("utf-8-sig"), note=INCOMPLETE)  # the BOM lets Excel read the accents


def _write_xlsx(path: Path, tables: dict) -> None:
    import xlsxwriter
    from .build.workbook import write_value
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"strings_to_numbers": False, "strings_to_formulas": False,
                                   "strings_to_urls": False, "in_memory": True})
    wb.set_properties({"title": "Plan Together – export anonymisé", "author": "", "company": ""})
    bold = wb.add_format({"bold": True})
    for key, table in tables.items():
        ws = wb.add_worksheet(key[:31])
        for j, col in enumerate(table.columns):
            ws.write_string(0, j, col, bold)
        for i, row in enumerate(table.itertuples(index=False, name=None), start=1):
            for j, v in enumerate(row):
                write_value(ws, i, j, v)
        ws.freeze_panes(1, 0)
    wb.close()
    save(path, buf.getvalue(), note=INCOMPLETE)


def _write_mapping(path: Path, mapping: dict) -> None:
    """Merge into the organisation's mapping file (pseudonym → id), written atomically, owner-only."""
    known = {}
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            known = {r["pseudonym"]: r["id"] for r in csv.DictReader(fh)}
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise read_error(path, exc) from None
    known.update(mapping)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["pseudonym", "id"])
    for p, v in sorted(known.items(), key=lambda kv: kv[1]):
        w.writerow([p, v])
    save(path, buf.getvalue().encode("utf-8"), note=MAPPING_NOTE)


INCOMPLETE = L("L'export est incomplet : ne l'envoyez pas, relancez-le une fois le problème réglé.",
               "De export is onvolledig: verstuur hem niet, start hem opnieuw zodra het probleem verholpen is.",
               "The export is incomplete: do not send it; run it again once this is fixed.")
MAPPING_NOTE = L("Les fichiers exportés sont complets, mais la table de correspondance n'a pas été mise à jour : "
                 "relancez l'export une fois le problème réglé.",
                 "De geëxporteerde bestanden zijn volledig, maar de koppeltabel werd niet bijgewerkt: start de "
                 "export opnieuw zodra het probleem verholpen is.",
                 "The exported files are complete, but the pseudonym table was not updated: run the export again "
                 "once this is fixed.")


def export_anonymised(workbook: str | Path, out: str | Path, *, with_text: bool = False, suppress: bool = False,
                      dataset: Dataset | None = None, as_of: dt.date | None = None) -> ExportResult:
    """Write the anonymised tables of ``workbook`` into ``out`` (CSV per sheet + one .xlsx + manifest)."""
    workbook, out = Path(workbook), Path(out)
    _check_out(out, workbook)
    if dataset is None:
        from .validate import load_workbook
        dataset = load_workbook(workbook, as_of).dataset
    key, key_file = load_key(workbook)
    threshold = int(dataset.settings.get("small_cell_threshold") or 5)
    tables, mapping = anonymise(dataset, key, with_text, suppress, threshold)
    make_folder(out)
    result = ExportResult(out, key_file=key_file, rows={k: len(t) for k, t in tables.items()})
    sch = get_schema()
    for k, table in tables.items():
        p = out / f"{k}.csv"
        _write_csv(p, table)
        result.files.append(p)
    _write_xlsx(out / XLSX_NAME, tables)
    result.files.append(out / XLSX_NAME)
    if suppress:
        from .stats import compute_stats
        from .suppress import suppress_stats
        stats = suppress_stats(compute_stats(dataset, as_of), threshold)
        save(out / STATS_NAME, json.dumps(stats, ensure_ascii=False, indent=2).encode("utf-8"), note=INCOMPLETE)
        result.files.append(out / STATS_NAME)
    removed = sorted({c.key for s in sch.entry_sheets for c in s.columns} - {c for t in tables.values() for c in t})
    manifest = {
        "reference_date": (as_of or dataset.reference_date).isoformat(),
        "pseudonyms": "case_id and member_id are HMAC-SHA256 pseudonyms; the key stays with the organisation",
        "birth_date": f"replaced by {AGE_BRACKET} at the reference date",
        "free_text": "included, cohort names blanked" if with_text else "left out",
        "suppression": {"threshold": threshold, "rare_nationalities": OTHER} if suppress else None,
        "columns_left_out": removed,
        "rows": result.rows,
    }
    save(out / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"), note=INCOMPLETE)
    result.files.append(out / MANIFEST)
    result.mapping = workbook.resolve().parent / f"{workbook.stem}{MAP_SUFFIX}"
    _write_mapping(result.mapping, mapping)
    return result
