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
import re
from dataclasses import replace
from functools import lru_cache

import pandas as pd

from .model.dataset import Dataset, typed_series
from .read import RawWorkbook, fold
from .rules import Context
from .schema import LANGS, column_letter, get_schema

OK = None
_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2,4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_YEAR = re.compile(r"^(\d{4})$")
_NUM = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
YEAR_MIN, YEAR_MAX = 1900, 2100
SERIAL_MIN, SERIAL_MAX = 2, 73051  # 02/01/1900 … 31/12/2099
EPOCH_1900, EPOCH_1904 = dt.date(1899, 12, 30), dt.date(1904, 1, 1)  # day 0 of Excel's two date systems


@lru_cache(maxsize=None)
def choice_lookup(scale_key: str, lang: str) -> tuple[dict, dict]:
    """(exact label → code, folded text → (code, warning code)) for one scale read in ``lang``."""
    from .schema import NO_ANSWER
    scale = get_schema().scales[scale_key]
    exact = {o.label(lang): o.code for o in scale.options}
    folded: dict = {}
    if scale.blank_is_answer:
        exact[NO_ANSWER[lang]] = None
        folded[fold(NO_ANSWER[lang])] = (None, "choice.normalised")
    for o in scale.options:
        folded.setdefault(fold(o.label(lang)), (o.code, "choice.normalised"))
    for o in scale.options:
        for syn in o.synonyms:
            folded.setdefault(fold(syn), (o.code, "choice.synonym"))
    for other in LANGS:
        for o in scale.options:
            folded.setdefault(fold(o.label(other)), (o.code, "choice.other_language"))
        if scale.blank_is_answer:
            folded.setdefault(fold(NO_ANSWER[other]), (None, "choice.other_language"))
    return exact, folded


def parse_choice(v, scale_key: str, lang: str):
    """→ (code or None, finding code or None)."""
    if isinstance(v, bool):
        if scale_key == "yes_no":
            return ("yes" if v else "no"), "choice.bool"
        return None, "choice.unknown"
    if not isinstance(v, str):
        v = _number_text(v) if isinstance(v, (int, float)) else str(v)
    exact, folded = choice_lookup(scale_key, lang)
    if v in exact:
        return exact[v], OK
    hit = folded.get(fold(v))
    if hit is None:
        return None, "choice.unknown"
    return hit


def _number_text(v) -> str:
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def _ymd(y: int, m: int, d: int):
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_date(v, or_year: bool = False, date1904: bool = False):
    """→ (date or None, year_only, finding code or None). Belgian day-first for text.

    Dates outside 1900–2100 are refused: no entry can be there, and pandas cannot hold them.
    ``date1904``: the workbook counts serial numbers from 1904 (``RawWorkbook.date1904``); cells formatted as
    dates are already dates (the reader applies it), so only a plain number typed in a date column needs it.
    """
    got = _parse_date(v, or_year, date1904)
    if got[0] is not None and not YEAR_MIN <= got[0].year <= YEAR_MAX:
        return None, False, "date.invalid"
    return got


def serial_date(v: float, date1904: bool = False) -> dt.date | None:
    """An Excel serial number → its date in the workbook's date system, or None outside 1900–2099."""
    if date1904:
        n = int(v) + (EPOCH_1904 - EPOCH_1900).days if v >= 0 else -1  # the same day as a 1900-system serial
    else:
        n = int(v)
    return EPOCH_1900 + dt.timedelta(days=n) if SERIAL_MIN <= n <= SERIAL_MAX else None


def _parse_date(v, or_year: bool, date1904: bool = False):
    if isinstance(v, dt.datetime):
        return v.date(), False, OK
    if isinstance(v, dt.date):
        return v, False, OK
    if isinstance(v, bool) or isinstance(v, (dt.time, dt.timedelta)):
        return None, False, "date.invalid"
    if isinstance(v, (int, float)):
        if v != v:  # NaN
            return None, False, OK
        if YEAR_MIN <= v <= YEAR_MAX:  # a year (never a serial: those would be dates in 1905)
            if or_year and float(v).is_integer():
                return dt.date(int(v), 7, 1), True, OK
            return None, False, "date.invalid"
        got = serial_date(v, date1904)
        return (got, False, "date.serial") if got else (None, False, "date.invalid")
    s = str(v).strip()
    m = _DMY.match(s)
    if m:
        d, mo, y = (int(x) for x in m.groups())
        if len(m.group(3)) != 4:
            return None, False, "date.two_digit_year"
        got = _ymd(y, mo, d)
        return (got, False, "date.text_dmy") if got else (None, False, "date.invalid")
    m = _ISO.match(s)
    if m:
        got = _ymd(*(int(x) for x in m.groups()))
        return (got, False, "date.text_iso") if got else (None, False, "date.invalid")
    m = _YEAR.match(s)
    if m and or_year and YEAR_MIN <= int(s) <= YEAR_MAX:
        return dt.date(int(s), 7, 1), True, OK
    return None, False, "date.invalid"


INT_LIMIT = 2 ** 53  # the largest whole number a spreadsheet cell holds exactly


def parse_number(v, integer: bool, minimum: float | None = 0, maximum: float | None = None):
    """→ (number or None, finding code or None). Text numbers (also with a decimal comma) are warned."""
    code = OK
    if isinstance(v, bool) or not isinstance(v, (int, float, str)):
        return None, "number.invalid"
    if isinstance(v, str):
        s = v.strip().replace("\u00a0", "").replace(" ", "")
        if not _NUM.match(s):
            return None, "number.invalid"
        v, code = float(s.replace(",", ".")), "number.text"
    if v != v or v in (float("inf"), float("-inf")):
        return None, "number.invalid"
    if integer:
        if not float(v).is_integer():
            return None, "score.range" if maximum == 10 else "number.not_integer"
        if abs(v) > INT_LIMIT:  # no count is that large, and the integer column could not hold it
            return None, "score.range" if maximum == 10 else "number.invalid"
        v = int(v)
    if minimum is not None and v < minimum:
        return None, "score.range" if maximum == 10 else "number.negative"
    if maximum is not None and v > maximum:
        return None, "score.range"
    return v, code


def parse_text(v):
    if isinstance(v, str):
        return v if v.strip() else None
    if isinstance(v, bool):
        return str(v).upper()
    if isinstance(v, float):
        return _number_text(v)
    if isinstance(v, dt.datetime):
        return v.strftime("%d/%m/%Y") if v.time() == dt.time() else v.strftime("%d/%m/%Y %H:%M")
    if isinstance(v, dt.date):
        return v.strftime("%d/%m/%Y")
    return str(v)


def _blank(v) -> bool:
    return v is None or (isinstance(v, str) and not v.strip()) or (isinstance(v, float) and v != v)


def parse_cell(col, v, lang: str, date1904: bool = False):
    """One raw value of a column → (typed value, year_only, finding code or None)."""
    if _blank(v):
        return None, False, OK
    t = col.type
    if col.scale is not None:
        code, f = parse_choice(v, col.scale.key, lang)
        return code, False, f
    if t in ("date", "date_or_year"):
        return parse_date(v, t == "date_or_year", date1904)
    if t == "score":
        n, f = parse_number(v, True, 0, 10)
        return n, False, f
    if t == "integer":
        n, f = parse_number(v, True, 0)
        return n, False, f
    if t == "number":
        n, f = parse_number(v, False, 0)
        return n, False, f
    return parse_text(v), False, OK


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
        data = {"_row": pd.Series(rows, dtype="int64")}
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
            if col.type == "date_or_year":
                data[f"{col.key}_year_only"] = pd.Series(year_only, dtype="bool")
            data[col.key] = typed_series(col.type, out)
        if ids is not None:
            _attach_case_ids(findings, first, dict(zip(rows, ids)))
        if sheet.key == "families" and ids is not None:
            for v in ids:
                if isinstance(v, str):
                    family_ids.setdefault(_id_fold(v), v)
        tables[sheet.key] = pd.DataFrame(data)
    settings = _settings(raw, ctx, findings)
    return Dataset(lang=lang, tables=tables, settings=settings), findings


_NUMBER_TYPES = frozenset((int, float, bool))


def _parsed_cells(col, raw_vals: list, lang: str, date1904: bool) -> tuple[list, list, list | None]:
    """(typed values, year-only flags, each cell's ``parse_cell`` result or None when no cell has a finding).

    One parse per distinct value; the results are then picked by C-level dict lookups, not a Python
    expression per cell (a realistic workbook has ~125,000 such cells). A column holding numbers of two
    types is keyed by (type, value) instead: 1, 1.0 and True are equal keys, yet parse differently."""
    n = len(raw_vals)
    try:
        if len(_NUMBER_TYPES.intersection(map(type, raw_vals))) <= 1:
            by_value = {v: parse_cell(col, v, lang, date1904) for v in dict.fromkeys(raw_vals)}
            distinct = by_value.values()
            out = list(map({v: res[0] for v, res in by_value.items()}.__getitem__, raw_vals))
            year_only = (list(map({v: res[1] for v, res in by_value.items()}.__getitem__, raw_vals))
                         if any(res[1] for res in distinct) else [False] * n)
            if all(res[2] is None for res in distinct):
                return out, year_only, None
            return out, year_only, list(map(by_value.__getitem__, raw_vals))
        cache: dict = {}

        def parsed(key, v):
            res = cache[key] = parse_cell(col, v, lang, date1904)
            return res

        get = cache.get  # a result is a 3-tuple, never falsy
        results = [get((type(v), v)) or parsed((type(v), v), v) for v in raw_vals]
        distinct = cache.values()
    except TypeError:  # unhashable: never from calamine, but be safe
        results = distinct = [parse_cell(col, v, lang, date1904) for v in raw_vals]
    return ([res[0] for res in results], [res[1] for res in results],
            None if all(res[2] is None for res in distinct) else results)


def _all_filled_text(raw_vals: list) -> bool:
    """Whether every value is a string with a visible character: the usual filled text column, whose
    values are then kept as they are after two C-level passes instead of a Python test per cell
    (``str.isspace`` refuses any other type: that column takes the per-cell way)."""
    try:
        return all(raw_vals) and not any(map(str.isspace, raw_vals))
    except TypeError:
        return False


def _column(sheet_key, col, raw_vals, rows, lang, ctx, findings, date1904=False):
    free_text = col.type in ("text", "longtext")
    if free_text or col.type == "case_ref":  # never a finding here: one comprehension, no cache
        if _all_filled_text(raw_vals):
            return list(raw_vals), [False] * len(raw_vals)
        out = [(v if v and not v.isspace() else None) if type(v) is str else
               (None if _blank(v) else parse_text(v)) for v in raw_vals]
        return out, [False] * len(out)
    out, year_only, results = _parsed_cells(col, raw_vals, lang, date1904)
    if results is None:
        return out, year_only  # nothing to report: the usual column, no per-row loop
    for v, row, (value, _yo, code) in zip(raw_vals, rows, results):
        if code is not None:
            params = {}
            if code.startswith("choice.") and code != "choice.unknown" and value is not None:
                params["expected"] = col.scale.label(value, lang)
            elif code == "choice.unknown":
                labels = col.scale.labels(lang)
                params["choices"] = " / ".join(labels) if len(labels) <= 8 else "…"
            elif code == "date.invalid" and col.type == "date_or_year":
                params["or_year"] = {"fr": " ou une année (aaaa)", "nl": " of een jaar (jjjj)",
                                     "en": " or a year (yyyy)"}[lang]
            elif code in ("number.invalid", "number.not_integer") and col.type == "integer":
                params["hint"] = {"fr": " entier", "nl": " (geheel)", "en": " (whole)"}[lang] \
                    if code == "number.invalid" else ""
            f = ctx.finding(code, sheet_key, col.key, row, None, None if free_text else _jsonable(v), **params)
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
    text = parse_text(v)
    if not text:
        return None
    codes = {o.code for o in get_schema().scales["evaluation_unit"].options}
    if fold(text) in codes:
        return fold(text)
    code, _f = parse_choice(text, "evaluation_unit", lang)
    return code


def questions_not_asked(v) -> tuple[tuple, list]:
    """The ``questions_not_asked`` setting → (annex B keys in form order, items not recognised).

    Each item, separated by ``;`` or a line break, is a question key or its column heading in any
    of the three languages (case, accents and spaces forgiven).
    """
    text = parse_text(v) or ""
    by_name = {}
    for q in get_schema().annex_b:
        by_name[fold(q.key)] = q.key
        for lang in LANGS:
            by_name.setdefault(fold(q.labels[lang]), q.key)
    found, bad = set(), []
    for item in text.replace("\n", ";").split(";"):
        if not item.strip():
            continue
        key = by_name.get(fold(item))
        if key is None:
            bad.append(item.strip())
        else:
            found.add(key)
    return tuple(q.key for q in get_schema().annex_b if q.key in found), bad


def _settings(raw: RawWorkbook, ctx: Context, findings: list) -> dict:
    sch = get_schema()
    out = {s.key: s.default for s in sch.settings}
    for s in sch.settings:
        if s.key not in raw.settings:
            continue
        v, row, vcol = raw.settings[s.key]
        if _blank(v):
            continue
        code = None
        if s.type == "date":
            val, _yo, code = parse_date(v, date1904=raw.date1904)
            code = "settings.invalid" if val is None else None
            expected = "jj/mm/aaaa" if ctx.lang == "fr" else "dd/mm/yyyy"
        elif s.type == "integer":
            val, code = parse_number(v, True, 0)
            code = "settings.invalid" if val is None else None
            expected = {"fr": "un nombre entier", "nl": "een geheel getal", "en": "a whole number"}[ctx.lang]
        elif s.type == "unit":
            val = unit_code(v, ctx.lang)
            code = "settings.invalid" if val is None else None
            expected = " / ".join(sch.scales["evaluation_unit"].labels(ctx.lang))
        elif s.type == "questions":
            val, bad = questions_not_asked(v)
            code = "settings.invalid" if bad else None
            expected = {"fr": "des clés ou titres de la fiche de synthèse séparés par ;",
                        "nl": "sleutels of titels van de cliëntfiche gescheiden door ;",
                        "en": "client summary keys or headings separated by ;"}[ctx.lang]
            val = val or None
        else:
            val = parse_text(v)
            if s.key == "language":
                val = val.strip().lower() if val else None
                if val not in LANGS:
                    code, expected, val = "settings.invalid", "fr / nl / en", None
        if code:
            findings.append(ctx.finding(code, "settings", "value", row, None, _jsonable(v),
                                        header=s.labels[ctx.lang], expected=expected,
                                        cell_letter=column_letter(vcol) if vcol is not None else None))
        elif val is not None:
            out[s.key] = val
    out["language"] = raw.lang
    return out
