"""Raw tables → the typed ``Dataset`` of ``ptxl.model.dataset``, plus a finding for every value it had to interpret.

Why forgiving but never silent: staff type by hand and paste from e-mails, so a
label with another case, a missing accent, a synonym, another language's label,
or a date typed as text is understood, and each such reading is reported as a
warning (FORMS.md). A value that cannot be understood becomes blank (None/NaT)
in the dataset, so no statistic counts garbage, and is reported as an error.
Parsing is cached per distinct raw value of a column: most cells repeat.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import lru_cache
from operator import itemgetter

import numpy as np

from .fields import parse_text
from .fields import Choice
from .fields import blank as _blank
from .fields import filled_texts
from .model.dataset import Dataset, frame
from .read import RawWorkbook
from .rules import Context
from .schema import DEFAULT_LANG, NO_ANSWER, Settings, column_letter, get_schema

# normalise parses nothing itself: each column's (and setting's) field of ``ptxl.fields`` does, with
# the forms' limits; the functions below keep the names tests and tools call.


@lru_cache(maxsize=None)
def _choice_field(scale_key: str) -> Choice:
    return Choice(get_schema().scales[scale_key], NO_ANSWER)


def parse_choice(v, scale_key: str, lang: str):
    """→ (code or None, finding code or None)."""
    code, _yo, f = _choice_field(scale_key).parse(v, lang)
    return code, f


def parse_date(v, or_year: bool = False, date1904: bool = False):
    """→ (date or None, year_only, finding code or None), by the date (or date-or-year) field's rules."""
    return get_schema().fields["date_or_year" if or_year else "date"].parse(v, DEFAULT_LANG, date1904)


def parse_cell(col, v, lang: str, date1904: bool = False):
    """One raw value of a column → (typed value, year_only, finding code or None): its field parses it."""
    return col.field.parse(v, lang, date1904)


def context_for(raw: RawWorkbook) -> Context:
    """Where each column of each sheet sits in this workbook, for findings' cell addresses."""
    ctx = Context.for_schema(raw.lang)
    for key, t in raw.tables.items():
        ctx.names[key] = t.name
        ctx.letters[key] = {k: column_letter(j) for k, j in t.columns.items()}
    ctx.missing = set(raw.missing_sheets)
    return ctx


def normalise(raw: RawWorkbook, ctx: Context | None = None) -> tuple[Dataset, list]:
    """RawWorkbook → (Dataset, findings of reading values). Pure: the raw tables are not modified."""
    sch = get_schema()
    ctx = ctx or context_for(raw)
    lang = raw.lang
    findings: list = []
    tables = {}
    family_ids: dict = {}
    for sheet in sch.entry_sheets:
        t = raw.tables.get(sheet.key)
        rows = t.rows if t else []
        data = {"_row": np.array(rows, dtype="int64")}
        ids = None
        first = len(findings)
        for col in sheet.columns:
            raw_vals = t.values.get(col.key) if t else None
            if raw_vals is None:
                raw_vals = [None] * len(rows)
            out, year_only = _column(sheet.key, col, raw_vals, rows, lang, ctx, findings, raw.date1904)
            if col.key == "case_id":
                out = _case_ids(sheet, col, out, rows, ctx, findings, family_ids)
                ids = out
            if col.field.or_year:
                data[f"{col.key}_year_only"] = np.array(year_only, dtype="bool")
            data[col.key] = col.field.array(out)
        if ids is not None and len(findings) > first:  # the row → id map only for a sheet with findings
            _attach_case_ids(findings, first, dict(zip(rows, ids)))
        if sheet.key == "families" and ids is not None:
            for v in ids:
                if isinstance(v, str):
                    family_ids.setdefault(_id_fold(v), v)
        tables[sheet.key] = frame(data)
    settings = _settings(raw, ctx, findings)
    return Dataset(lang=lang, tables=tables, settings=settings), findings


_NUMBER_TYPES = frozenset((int, float, bool))
# the parts of a ``parse_cell`` result, picked in C (a finding code is a non-empty text, or None)
_VALUE, _YEAR_ONLY, _CODE = itemgetter(0), itemgetter(1), itemgetter(2)


def _parsed_cells(col, raw_vals: list, lang: str, date1904: bool) -> tuple[list, list, list | None]:
    """(typed values, year-only flags, each cell's ``parse_cell`` result or None when no cell has a finding).

    One parse per distinct value; the results are then picked by C-level dict lookups, not a Python
    expression per cell (a realistic workbook has ~125,000 such cells). A column holding numbers of two
    types is keyed by (type, value) instead: 1, 1.0 and True are equal keys, yet parse differently. Only a
    column with a number among its distinct values needs its cells' types scanned: a cell equals its
    distinct value, and only a number equals a number (calamine gives no other numeric type)."""
    n = len(raw_vals)
    parse = col.field.parse  # one bound method: this runs once per distinct value of ~1,000 columns
    try:
        distinct_values = dict.fromkeys(raw_vals)
        if (_NUMBER_TYPES.isdisjoint(map(type, distinct_values))
                or len(_NUMBER_TYPES.intersection(map(type, raw_vals))) <= 1):
            by_value = col.field.parse_distinct(distinct_values, lang, date1904)
            distinct = by_value.values()
            out = list(map(dict(zip(by_value, map(_VALUE, distinct))).__getitem__, raw_vals))
            year_only = (list(map(dict(zip(by_value, map(_YEAR_ONLY, distinct))).__getitem__, raw_vals))
                         if any(map(_YEAR_ONLY, distinct)) else [False] * n)
            if not any(map(_CODE, distinct)):
                return out, year_only, None
            return out, year_only, list(map(by_value.__getitem__, raw_vals))
        cache: dict = {}

        def parsed(key, v):
            res = cache[key] = parse(v, lang, date1904)
            return res

        get = cache.get  # a result is a 3-tuple, never falsy
        results = [get((type(v), v)) or parsed((type(v), v), v) for v in raw_vals]
        distinct = cache.values()
    except TypeError:  # unhashable: never from calamine, but be safe
        results = distinct = [parse(v, lang, date1904) for v in raw_vals]
    return ([res[0] for res in results], [res[1] for res in results],
            None if not any(map(_CODE, distinct)) else results)


def _column(sheet_key, col, raw_vals, rows, lang, ctx, findings, date1904=False):
    if not col.field.has_findings:  # text and case numbers: one comprehension, no cache
        if filled_texts(raw_vals):  # kept as they are
            return list(raw_vals), [False] * len(raw_vals)
        out = [(v if v and not v.isspace() else None) if type(v) is str else
               (None if _blank(v) else parse_text(v)) for v in raw_vals]
        return out, [False] * len(out)
    out, year_only, results = _parsed_cells(col, raw_vals, lang, date1904)
    if results is None:
        return out, year_only  # nothing to report: the usual column, no per-row loop
    for v, row, (value, _yo, code) in zip(raw_vals, rows, results):
        if code is not None:
            params = col.field.params(code, value, lang)
            shown = None if col.field.free_text else _jsonable(v)
            f = ctx.finding(code, sheet_key, col.key, row, None, shown, **params)
            findings.append(f)
            if f.severity == "error":
                ctx.unreadable.add((sheet_key, row, col.key))
    return out, year_only


def _attach_case_ids(findings: list, start: int, by_row: dict) -> None:
    """Give each finding of the sheet just read the case id of its row (the only identifier shown)."""
    for i in range(start, len(findings)):
        f = findings[i]
        if f.case_id is None and by_row.get(f.row) is not None:
            findings[i] = replace(f, case_id=str(by_row[f.row]))


def _jsonable(v):
    if isinstance(v, (dt.time, dt.timedelta)):
        return str(v)
    return v


def _id_fold(v: str) -> str:
    return "".join(v.split()).casefold()


def _case_ids(sheet, col, out, rows, ctx, findings, family_ids):
    """Trim case ids (with a warning) and, in child sheets, match a family's id spelled differently."""
    fam_name = ctx.names.get("families")
    exact = set(family_ids.values())
    if exact.issuperset(out) or {v for v in out if isinstance(v, str)} <= exact:  # first test in C, no set built
        return list(out)  # every id is a family's exact id (or blank): the usual child sheet
    result = []
    for v, row in zip(out, rows):
        if not isinstance(v, str) or v in exact:
            result.append(v)
            continue
        s = v.strip()
        if sheet.key != "families":
            canon = family_ids.get(_id_fold(s))
            if canon is not None and canon != v:
                findings.append(ctx.finding("case_ref.spelling", sheet.key, col.key, row, canon, v,
                                            other_sheet=fam_name))
                result.append(canon)
                continue
        if s != v:
            findings.append(ctx.finding("text.spaces", sheet.key, col.key, row, s, v))
        result.append(s)
    return result


def unit_code(v, lang: str) -> str | None:
    """The ``evaluation_unit`` setting: its code (``family`` / ``person``) or a label, in any language."""
    return get_schema().setting("evaluation_unit").field.parse(v, lang)[0]


def questions_not_asked(v) -> tuple[tuple, list]:
    """The ``questions_not_asked`` setting → (annex B keys in form order, items not recognised)."""
    return get_schema().setting("questions_not_asked").field.items(v)


def _settings(raw: RawWorkbook, ctx: Context, findings: list) -> Settings:
    """The settings sheet → ``Settings``: each value parsed by its setting's field; a blank takes the
    forms' default, and so does a value the field refuses (out of its limits too), with a finding."""
    sch = get_schema()
    out = {}
    for s in sch.settings:
        if s.key not in raw.settings:
            continue
        v, row, vcol = raw.settings[s.key]
        if _blank(v):
            continue
        val, _yo, code = s.field.parse(v, ctx.lang, raw.date1904)
        if val is None and code is None:
            continue
        if val is None or code == "settings.invalid":  # refused (a warning alone keeps the value)
            expected = s.field.expected(ctx.lang)
            findings.append(ctx.finding("settings.invalid", "settings", "value", row, None, _jsonable(v),
                                        header=s.labels[ctx.lang], expected=expected,
                                        cell_letter=column_letter(vcol) if vcol is not None else None))
        else:
            out[s.key] = val
    out["language"] = raw.lang
    return Settings(out)
