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
- Calendar dates become days from the case's referral, and nationality only a
  listed country or ``other`` (``ptxl.export_linkage``); exact dates only with
  ``exact_dates``.
- ``--suppress`` (publication): nationalities shared by fewer than the
  threshold's families become ``other`` in every file, and ``stats.json`` holds
  the suppressed statistics (``ptxl.suppress``) of those same categories.
- From an encrypted workbook (``ptxl.protect``) the export workbook is encrypted
  and CSV/JSON are not written: the tables, manifest and statistics are sheets of
  the encrypted workbook. ``README.txt`` (no data of the workbook) says what the
  export is, in every case.
"""

from __future__ import annotations

from .model.problems import PROBLEMS, Problem
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

from . import export_linkage as linkage
from .model.dataset import Dataset
from .i18n import register, render
from .pilot import evaluation_unit
from .schema import L
from .schema import get_schema
from .suppress import small_cell_threshold
from .write.atomic import make_folder, save
from .write.failure import read_error, write_error

KEY_FILE = ".ptxl-key"
ENV_KEY = "PTXL_EXPORT_KEY"
MAP_SUFFIX = ".export-map.csv"
XLSX_NAME = "anonymised.xlsx"
MANIFEST = "manifest.json"
STATS_NAME = "stats.json"
README_NAME = "README.txt"

PSEUDONYMISED = {"case_id": "case", "member_id": "member"}
TEXT_SAFE = frozenset({"nationality"})  # text columns that are categories, not free text
BIRTH = "birth_date"
AGE_BRACKET = "age_bracket"
OTHER = linkage.OTHER
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class ExportResult:
    out: Path
    files: list = field(default_factory=list)
    mapping: Path | None = None
    key_file: Path | None = None
    rows: dict = field(default_factory=dict)
    families: int = 0
    encrypted: bool = False
    not_written: list = field(default_factory=list)  # CSV / JSON refused because the outputs are encrypted


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
                raise Problem(PROBLEMS.key_damaged, path=path)
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

def age_brackets(members: pd.DataFrame, ref: dt.date) -> pd.Series:
    """Each member's age bracket at ``ref`` (adult or child brackets by role), as in the statistics."""
    from .domain import age_brackets as brackets
    return brackets(members, BIRTH, ref)


# ------------------------------------------------------------------ the tables

def _columns(sheet, with_text: bool) -> list:
    keep = []
    for c in sheet.columns:
        if c.personal:  # names are removed; the birth date comes back as an age bracket
            continue
        if c.key in PSEUDONYMISED or not c.field.free_text or c.key in TEXT_SAFE or with_text:
            keep.append(c)
    return keep


def anonymise(ds: Dataset, key: bytes, with_text: bool = False, suppress: bool = False,
              threshold: int | None = None, exact_dates: bool = False) -> tuple[dict, dict]:
    """Dataset → ({sheet key: DataFrame for export}, {pseudonym: case or member id}). Pure."""
    from .names import blanker_for
    sch = get_schema()
    ref = ds.reference_date
    threshold = small_cell_threshold(ds.settings) if threshold is None else threshold
    blanker = blanker_for(ds) if with_text else None
    nationality = linkage.export_nationality(ds, threshold if suppress else None)
    anchors = None if exact_dates else linkage.case_anchors(ds)
    mapping: dict = {}
    out = {}
    for sheet in sch.entry_sheets:
        df = ds.tables[sheet.key]
        cols = _columns(sheet, with_text)
        table = pd.DataFrame(index=df.index)
        for c in cols:
            s = df[c.key]
            name = c.key
            if c.key in PSEUDONYMISED:
                s = s.map(lambda v, kind=PSEUDONYMISED[c.key]: _pseudo(key, kind, v, mapping))
            elif c.key == "nationality":
                s = s.map(nationality)
            elif c.field.is_date and anchors is not None:
                s = linkage.days_since_anchor(s, df.get("case_id"), anchors)
                name = c.key + linkage.DAYS_SUFFIX
            elif c.field.free_text and blanker is not None:
                s = s.map(blanker.blank)
            table[name] = s if name != c.key else c.field.plain(s)  # ISO dates, ints, codes, text
        if sheet.key == "members" and BIRTH in df:
            at = list(table.columns).index("role") + 1 if "role" in table else len(table.columns)
            table.insert(at, AGE_BRACKET, age_brackets(df, ref))
        if sheet.key == "families" and anchors is not None:
            table[linkage.REFERENCE_DAYS] = linkage.reference_days(df, anchors, ref)
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


# ------------------------------------------------------------------ writing

def _check_out(out: Path, workbook: Path) -> None:
    """The export folder must not hold (or sit above) the workbook, its key or the mapping."""
    o, home = out.resolve(), workbook.resolve().parent
    if o == home or o in home.parents:
        raise Problem(PROBLEMS.export_beside_workbook)


def _csv_cell(v):
    if v is None:
        return ""
    if isinstance(v, str) and v.startswith(CSV_FORMULA_START):
        return "'" + v  # a spreadsheet must not run an exported text as a formula
    return v


def _csv_bytes(table: pd.DataFrame) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(list(table.columns))
    for row in table.itertuples(index=False, name=None):
        w.writerow([_csv_cell(v) for v in row])
    return buf.getvalue().encode("utf-8-sig")  # the BOM lets Excel read the accents


def flatten(tree, prefix: str = "") -> list[tuple[str, object]]:
    """Nested statistics → (dotted path, value) rows, for a sheet of the export workbook."""
    if isinstance(tree, dict):
        rows = []
        for k, v in tree.items():
            rows.extend(flatten(v, f"{prefix}.{k}" if prefix else str(k)))
        return rows
    if isinstance(tree, list):
        return [(prefix, json.dumps(tree, ensure_ascii=False))]
    return [(prefix, tree)]


def _xlsx_bytes(tables: dict, manifest: dict, stats: dict | None, title: str) -> bytes:
    import xlsxwriter
    from .build.workbook import write_value
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                   "strings_to_urls": False})
    wb.set_properties({"title": title, "author": "", "company": "",
                       "created": dt.datetime(2000, 1, 1)})  # no date of the run inside the file
    bold = wb.add_format({"bold": True})
    sheets = dict(tables)
    sheets["manifest"] = pd.DataFrame(flatten(manifest), columns=["item", "value"])
    if stats is not None:
        sheets["stats"] = pd.DataFrame(flatten(stats), columns=["statistic", "value"])
    for key, table in sheets.items():
        ws = wb.add_worksheet(key[:31])
        for j, col in enumerate(table.columns):
            ws.write_string(0, j, col, bold)
            ws.set_column(j, j, max(10, min(len(col) + 2, 40)))  # the header readable
        for i, row in enumerate(table.itertuples(index=False, name=None), start=1):
            for j, v in enumerate(row):
                write_value(ws, i, j, None if v is None or (isinstance(v, float) and pd.isna(v)) else v)
        ws.freeze_panes(1, 0)
    wb.close()
    return buf.getvalue()


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


# What each line of the manifest (manifest.json and its sheet) says, in the workbook's language; keys stay English.
MANIFEST_TEXTS = register("export_manifest", {
    "pseudonyms": ("case_id et member_id sont des pseudonymes HMAC-SHA256 ; la clé reste chez l'organisation",
                   "case_id en member_id zijn HMAC-SHA256-pseudoniemen; de sleutel blijft bij de organisatie",
                   "case_id and member_id are HMAC-SHA256 pseudonyms; the key stays with the organisation"),
    "birth_date": ("remplacée par {column} à la date de référence", "vervangen door {column} op de referentiedatum",
                   "replaced by {column} at the reference date"),
    "exact_dates": ("dates exactes du calendrier", "exacte kalenderdata", "exact calendar dates"),
    "days": ("jours depuis l'orientation du dossier (<colonne>{suffix} ; {reference} est la date de référence)",
             "dagen sinds de doorverwijzing van het dossier (<kolom>{suffix}; {reference} is de referentiedatum)",
             "days from the case's referral (<column>{suffix}; {reference} is the reference date)"),
    "nationality": ("un pays de la liste du projet ou '{other}'", "een land van de lijst van het project of "
                    "'{other}'", "a country of the project's list or '{other}'"),
    "text_in": ("inclus, noms de la cohorte masqués", "opgenomen, namen van het cohort weggelaten",
                "included, cohort names blanked"),
    "text_out": ("laissé de côté", "weggelaten", "left out"),
})


def manifest_words(lang: str):
    return lambda code, **fields: render(code, lang, default="en", **fields)


def export_anonymised(workbook: str | Path, out: str | Path, results, *, with_text: bool = False,
                      exact_dates: bool = False, protection=None) -> ExportResult:
    """Write the anonymised tables of ``workbook`` into ``out``: README, one .xlsx, and CSV per sheet + JSON.

    ``results``: the workbook's ``pipeline.Results``. Published (``pipeline.publish_for_export``: the
    ``--suppress`` of the command line), rare nationalities are "other" in every file and ``stats.json``
    holds its suppressed statistics, as they are.

    ``protection`` (``ptxl.protect.Protection``): when it encrypts, the .xlsx is encrypted and no
    CSV or JSON is written (their names are in ``result.not_written``).
    """
    from .export_readme import README, readme_text
    from .protect import CLEAR
    protection = protection or CLEAR
    workbook, out = Path(workbook), Path(out)
    _check_out(out, workbook)
    dataset, suppress = results.dataset, results.published
    key, key_file = load_key(workbook)
    threshold = results.threshold if suppress else small_cell_threshold(dataset.settings)
    tables, mapping = anonymise(dataset, key, with_text, suppress, threshold, exact_dates)
    make_folder(out)
    result = ExportResult(out, key_file=key_file, rows={k: len(t) for k, t in tables.items()},
                          families=int(tables["families"]["case_id"].notna().sum()) if "case_id" in tables[
                              "families"] else 0, encrypted=protection.encrypted)
    sch = get_schema()
    stats = None
    if suppress:
        stats = dict(results.stats)
        if not exact_dates:
            stats.pop("reference_date", None)
    removed = sorted({c.key for s in sch.entry_sheets for c in s.columns} - {c for t in tables.values() for c in t})
    said = manifest_words(dataset.lang)
    manifest = {
        "pseudonyms": said(MANIFEST_TEXTS.pseudonyms),
        "birth_date": said(MANIFEST_TEXTS.birth_date, column=AGE_BRACKET),
        "dates": said(MANIFEST_TEXTS.exact_dates) if exact_dates else
        said(MANIFEST_TEXTS.days, suffix=linkage.DAYS_SUFFIX, reference=f"families.{linkage.REFERENCE_DAYS}"),
        "nationality": said(MANIFEST_TEXTS.nationality, other=OTHER),
        "free_text": said(MANIFEST_TEXTS.text_in if with_text else MANIFEST_TEXTS.text_out),
        "suppression": {"threshold": threshold, "rare_nationalities": OTHER} if suppress else None,
        "columns_left_out": removed,
        "rows": result.rows,
    }
    if exact_dates:
        manifest = {"reference_date": results.reference_date.isoformat(), **manifest}
    files = {}
    if protection.encrypted:
        result.not_written = [f"{k}.csv" for k in tables] + [MANIFEST] + ([STATS_NAME] if suppress else [])
    else:
        files.update({f"{k}.csv": _csv_bytes(t) for k, t in tables.items()})
        if stats is not None:
            files[STATS_NAME] = json.dumps(stats, ensure_ascii=False, indent=2).encode("utf-8")
        files[MANIFEST] = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
    title = render(README.title, dataset.lang, default="en")  # the file's properties, as its README's title
    files[XLSX_NAME] = protection.office(_xlsx_bytes(tables, manifest, stats, title), XLSX_NAME)
    files[README_NAME] = readme_text(with_text=with_text, suppress=suppress, exact_dates=exact_dates,
                                     encrypted=protection.encrypted, threshold=threshold,
                                     files=sorted(files), lang=dataset.lang,
                                     unit=evaluation_unit(dataset.settings)).encode("utf-8-sig")
    for name, data in files.items():
        result.files.append(save(out / name, data, note=INCOMPLETE))
    result.mapping = workbook.resolve().parent / f"{workbook.stem}{MAP_SUFFIX}"
    _write_mapping(result.mapping, mapping)
    return result
