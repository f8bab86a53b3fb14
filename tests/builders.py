"""Shared builders for the tests: a small clean cohort typed as staff would type it, the cells
and sheet names it lands in, the expected-finding tuples the rule tests compare, and
``raw_workbook`` (the raw tables reading that cohort's .xlsx gives, made in memory).

Why a module of its own: the rule, read, validate and structure tests all build on the same
cohort; it lived in ``test_rules_base.py`` beside a test, so importing it collected that test
again. External checkers (validator, LibreOffice, poppler) live in ``tools.py``.
Labels come from the schema (what the dropdowns offer); cell addresses from the
schema's column order, as the blank workbook has them.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from pathlib import Path

from ptxl.build.workbook import build_workbook
from ptxl.schema import column_letter, get_schema

D = dt.date
REF = D(2023, 2, 28)
SETTINGS = {"reference_date": REF, "organisation": "Test (fictif)"}


def lab(scale: str, code: str, lang: str = "fr") -> str:
    return get_schema().scales[scale].label(code, lang)


def header(sheet: str, key: str, lang: str = "fr") -> str:
    return get_schema().sheet(sheet).column(key).header(lang)


def col(sheet: str, key: str) -> int:
    return get_schema().sheet(sheet).keys.index(key)


def cell(sheet: str, key: str, row: int) -> str:
    return f"{column_letter(col(sheet, key))}{row}"


def sheet_name(sheet: str, lang: str = "fr") -> str:
    return get_schema().sheet(sheet).name(lang)


def _family(cid, name, referral, admission, status, closure=None, crit="yes", lang="fr"):
    sch = get_schema()
    row = {"case_id": cid, "family_name": name, "referral_date": referral,
           "referral_route": lab("referral_route", "community", lang), "known_before": lab("yes_no", "no", lang),
           "intake_risk": lab("risk", "medium", lang), "admission_date": admission,
           "status": lab("status", status, lang), "closure_date": closure, "case_manager": "Anne",
           "nationality": "Irak", "arrival_date": 2015, "legal_stay_years": 0,
           "asylum_on_arrival": lab("yes_no", "yes", lang), "stateless": lab("yes_no", "no", lang),
           "family_ties": "Une tante à Liège.", "case_study": lab("yes_no", "no", lang)}
    for c in sch.criteria:
        row[c] = lab("yes_no", crit, lang)
    return row


def _assessment(cid, date, kind, lang="fr"):
    row = {"case_id": cid, "assessment_date": date, "assessment_type": lab("assessment_type", kind, lang),
           "case_manager": "Anne"}
    for i, item in enumerate(get_schema().annex_a):
        row[f"{item.key}_score"] = (i + 3) % 11
        row[f"{item.key}_why"] = "Situation décrite lors de l'entretien."
    return row


def _summary(cid, date, lang="fr"):
    row = {"case_id": cid, "review_date": date, "case_manager": "Anne"}
    for q in get_schema().annex_b:
        if q.scale == "impact":
            row[q.key] = lab("impact", "some", lang)
        elif q.scale == "yes_no":
            row[q.key] = lab("yes_no", "yes", lang)
        else:
            row[q.key] = "Rien à signaler."
    return row


def base_rows(lang: str = "fr") -> dict:
    """Three families: PT-001 admitted and active, PT-002 admitted then resolved, PT-003 not admitted."""
    L = lambda scale, code: lab(scale, code, lang)  # noqa: E731
    return copy.deepcopy({
        "families": [
            _family("PT-001", "Famille A (fictive)", D(2022, 1, 10), D(2022, 2, 1), "active", lang=lang),
            _family("PT-002", "Famille B (fictive)", D(2022, 2, 15), D(2022, 3, 1), "resolved_residence_be",
                    D(2022, 12, 15), lang=lang),
            _family("PT-003", "Famille C (fictive)", D(2022, 5, 1), None, "not_admitted", crit="no", lang=lang),
        ],
        "members": [
            {"case_id": "PT-001", "member_id": "PT-001-1", "first_name": "Awa", "last_name": "A",
             "role": L("role", "parent"), "gender": L("gender", "female"), "birth_date": D(1985, 4, 2),
             "nationality": "Irak", "born_in_country": L("yes_no", "no")},
            {"case_id": "PT-001", "member_id": "PT-001-2", "first_name": "Ali", "last_name": "A",
             "role": L("role", "child"), "gender": L("gender", "male"), "birth_date": D(2015, 6, 1),
             "born_in_country": L("yes_no", "yes")},
            {"case_id": "PT-002", "member_id": "PT-002-1", "first_name": "Bea", "role": L("role", "parent"),
             "birth_date": 1980},
            {"case_id": "PT-002", "member_id": "PT-002-2", "first_name": "Bob", "role": L("role", "child"),
             "birth_date": D(2012, 9, 9)},
        ],
        "vulnerabilities": [
            {"case_id": "PT-001", "assessed_date": D(2022, 2, 5), "v01_child": L("yes_no", "yes"),
             "v03_sole_carer": L("yes_no", "no")},
        ],
        "baseline": [_assessment("PT-001", D(2022, 2, 3), "baseline", lang),
                     _assessment("PT-001", D(2022, 8, 1), "follow_up", lang),
                     _assessment("PT-002", D(2022, 3, 5), "baseline", lang)],
        "summary": [_summary("PT-001", D(2022, 11, 1), lang), _summary("PT-002", D(2022, 12, 1), lang)],
        "case_study": [{"case_id": "PT-001", "written_date": D(2023, 1, 10), "profile": "Famille de quatre."}],
        "contacts": [
            {"case_id": "PT-001", "contact_date": D(2022, 2, 10), "contact_type": L("contact_type", "home_visit"),
             "minutes": 60, "case_manager": "Anne", "note": "Première visite."},
            {"case_id": "PT-001", "contact_date": D(2022, 3, 10), "contact_type": L("contact_type", "phone"),
             "minutes": 15},
            {"case_id": "PT-002", "contact_date": D(2022, 4, 1), "contact_type": L("contact_type", "phone"),
             "minutes": 20},
        ],
        "chronology": [
            {"case_id": "PT-001", "event_date": D(2022, 3, 1), "event_code": L("chronology_event", "CALL_APPEAL"),
             "description": "Recours.", "deadline": D(2022, 3, 31)},
        ],
        "actions": [
            {"case_id": "PT-001", "action": "Rendez-vous chez l'avocat", "owner": "Anne", "due_date": D(2022, 3, 15),
             "action_status": L("action_status", "done"), "done_date": D(2022, 3, 10)},
            {"case_id": "PT-001", "action": "Demander une lettre de soutien", "due_date": D(2023, 3, 15),
             "action_status": L("action_status", "planned")},
        ],
        "documents": [
            {"case_id": "PT-001", "document_type": L("document_type", "passport"), "issue_date": D(2020, 1, 1),
             "valid_until": D(2030, 1, 1)},
            {"case_id": "PT-001", "document_type": L("document_type", "support_letter"),
             "issue_date": D(2022, 6, 1)},
        ],
    })


def build(path: Path, rows: dict | None = None, settings: dict | None = None, lang: str = "fr",
          extra=None) -> Path:
    """A workbook with ``rows`` written as typed (``coded=False``)."""
    return build_workbook(path, lang, base_rows(lang) if rows is None else rows,
                          SETTINGS if settings is None else settings, coded=False, extra=extra)


def plain_serial_workbook(path: Path, date1904: bool) -> Path:
    """base_rows with every date typed as a plain number (General format), counted in the chosen date
    system (a Mac user's old workbook); the settings' reference date too."""
    from ptxl.read import read_workbook
    epoch = dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30)
    rows = base_rows()
    ref_row, ref_col = read_workbook(build(path.with_name("ref_" + path.name))).settings["reference_date"][1:]

    def extra(wb, sheets, fmts):
        wb.date_1904 = date1904  # read by XlsxWriter when it closes: <workbookPr date1904="1"/>
        general = wb.add_format()
        for key, table in rows.items():
            for i, r in enumerate(table, start=1):
                for k, v in r.items():
                    if isinstance(v, dt.date):
                        sheets[key].write_number(i, col(key, k), (v - epoch).days, general)
        sheets["settings"].write_number(ref_row - 1, ref_col, (SETTINGS["reference_date"] - epoch).days, general)
    return build(path, rows, extra=extra)


def rewrite_parts(path: Path, edit) -> Path:
    """Rewrite a test workbook's zip parts: ``edit(name, bytes) -> bytes`` (for what XlsxWriter cannot make)."""
    src = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, edit(info.filename, zin.read(info.filename)))
    path.write_bytes(out.getvalue())
    return path


def keys(findings) -> list:
    return sorted((f.severity, f.sheet, f.cell, f.key, f.code) for f in findings)


def exp(severity: str, sheet: str, key: str | None, row: int | None, code: str, lang: str = "fr",
        at: str | None = None) -> tuple:
    """An expected finding as (severity, sheet name, cell, key, code); ``at`` overrides the cell."""
    c = at if at is not None else (cell(sheet, key, row) if key and row else None)
    return (severity, sheet_name(sheet, lang), c, key, code)


# ---------------------------------------------------------------- raw tables in memory
# The seam the rules run on is ``ptxl.read.RawWorkbook`` (values as calamine reads them, each with its
# Excel row and column): ``raw_workbook`` makes one straight from rows, without writing and reading an
# .xlsx, so a rule case costs milliseconds instead of a build and a read. The entry sheets are laid out
# as ``build_workbook`` lays them (schema column order, header in row 1, one row per entry) and go
# through the reader's own ``read.assemble`` / ``read_table``; the sheet names and the settings sheet
# come from a real blank workbook (read once per language and settings). ``test_rules_catalogue``
# checks, on one real workbook holding every row its cases type, that both give the same raw tables.

def as_read(column, value):
    """A Python value typed in ``column`` of a built workbook → the value calamine reads back.

    Dates come back as dates; a number in a date column (formatted as a date, so Excel shows it as
    one) as the date of that serial number; any other number as a float; a blank as "".
    """
    from ptxl.build.workbook import to_cell
    from ptxl.fields import EPOCH_1900
    value = to_cell(column, value, "fr", coded=False)
    if value is None:
        return ""
    if isinstance(value, (bool, str, dt.date)):
        return value
    if isinstance(value, (int, float)):
        if column.type != "date":
            return float(value)
        moment = dt.datetime.combine(EPOCH_1900, dt.time()) + dt.timedelta(days=value)
        return moment if moment.time() != dt.time() else moment.date()
    return str(value)


class RawCell(float):
    """A number exactly as the cell holds it (e.g. typed in a date column reformatted as General)."""


def _blank_book(lang: str, settings_items: tuple) -> tuple[list, dict]:
    """(sheet names, settings sheet grid) of a real blank workbook: built and read once per arguments."""
    import python_calamine as pc
    if (lang, settings_items) not in _BLANK:
        _BLANK[lang, settings_items] = _read_blank(lang, dict(settings_items), pc)
    return _BLANK[lang, settings_items]


def _read_blank(lang, settings, pc):
    buf = io.BytesIO()
    build_workbook(buf, lang, {}, settings)
    wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(buf.getvalue()))
    name = get_schema().sheet("settings").name(lang)
    return list(wb.sheet_names), wb.get_sheet_by_name(name).to_python(skip_empty_area=False)


_BLANK: dict = {}


def raw_workbook(rows: dict | None = None, settings: dict | None = None, lang: str = "fr"):
    """``read.RawWorkbook`` of the workbook ``build(path, rows, settings, lang)`` would write, in memory."""
    from ptxl import read
    sch = get_schema()
    rows = base_rows(lang) if rows is None else rows
    settings = SETTINGS if settings is None else settings
    sch.check_keys(rows, settings)
    names, settings_grid = _blank_book(lang, tuple(sorted(settings.items(), key=lambda kv: kv[0])))
    grids = {sch.sheet("settings").name(lang): settings_grid}
    for s in sch.entry_sheets:
        body = [[float(r[c.key]) if isinstance(r.get(c.key), RawCell) else as_read(c, r.get(c.key))
                 for c in s.columns] for r in rows.get(s.key, [])]
        grids[s.name(lang)] = [[c.header(lang) for c in s.columns]] + body
    found = read._match_sheets(names, read.detect_lang(names), {})
    return read.assemble(names, read.detect_lang(names), found, lambda n: (grids[n], [], [], []), None)
