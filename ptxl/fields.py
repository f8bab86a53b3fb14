"""Column and setting types as objects: each owns its parsing, dtype, Excel rule, display and limits.

Why objects: the type of a column used to be a string that some twenty modules compared,
each with its own copy of the type's limits (a date range in the Excel validation, another
in the reader; 0–10 in three places). A ``Field`` is asked instead: ``parse`` turns a cell
into its typed value or a finding code (the codes of ``ptxl.rules.messages``),
``validation`` gives XlsxWriter's ``data_validation`` options, ``array`` / ``series`` the pandas
column, ``plain`` the export's plain values, and ``minimum`` / ``maximum`` / ``max_length``
are the one copy of its limits, read by the Excel validation, the reader and the rules alike.
The model is frictionless-py's ``Field`` (one class per type, the constraints as attributes).

This module sits in the schema layer and knows neither the forms nor any stage: the schema
builds one field per column from the forms' types and limits (``ptxl.schema``), so the forms
stay the only place a limit is written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

from .i18n import LANGS, fmt_date, fmt_datetime, register
from .i18n import render as _render

# Messages of the Excel data validation (input hints, error boxes) and of the settings' expected
# values: the field's words, with its limits as fields so a limit is written once.
TEXTS = register("fields", {
    "score": {"fr": "Un nombre entier de {min} à {max}.", "nl": "Een geheel getal van {min} tot {max}.",
              "en": "A whole number from {min} to {max}."},
    "date": {"fr": "Une date, écrite jj/mm/aaaa.", "nl": "Een datum, geschreven als dd/mm/jjjj.",
             "en": "A date, written dd/mm/yyyy."},
    "date_or_year": {"fr": "Une date jj/mm/aaaa, ou l'année seule (ex. 1985).",
                     "nl": "Een datum dd/mm/jjjj, of alleen het jaar (bv. 1985).",
                     "en": "A date dd/mm/yyyy, or the year alone (e.g. 1985)."},
    "list": {"fr": "Choisissez une réponse dans la liste déroulante.", "nl": "Kies een antwoord uit de keuzelijst.",
             "en": "Pick an answer from the dropdown list."},
    "integer": {"fr": "Un nombre entier ({min} ou plus).", "nl": "Een geheel getal ({min} of meer).",
                "en": "A whole number ({min} or more)."},
    "integer_between": {"fr": "Un nombre entier de {min} à {max:n}.", "nl": "Een geheel getal van {min} tot {max:n}.",
                        "en": "A whole number from {min} to {max:n}."},
    "number": {"fr": "Un nombre ({min} ou plus).", "nl": "Een getal ({min} of meer).",
               "en": "A number ({min} or more)."},
    "case": {"fr": "Ce numéro de dossier n'existe pas (encore) dans la feuille des familles. Continuer quand même ?",
             "nl": "Dit dossiernummer bestaat (nog) niet in het blad met de gezinnen. Toch doorgaan?",
             "en": "This case number is not (yet) in the families sheet. Continue anyway?"},
    "language": {"fr": "Langue du classeur, fixée à sa création (fr, nl ou en).",
                 "nl": "Taal van de werkmap, vastgelegd bij het aanmaken (fr, nl of en).",
                 "en": "The workbook's language, set when it was created (fr, nl or en)."},
    # the ``{expected}`` of the settings.invalid finding, and the hints of the reading findings
    "expected_date": {"fr": "une date jj/mm/aaaa du {min} au {max}", "nl": "een datum dd/mm/jjjj van {min} tot {max}",
                      "en": "a date dd/mm/yyyy from {min} to {max}"},
    "expected_integer": {"fr": "un nombre entier de {min} ou plus", "nl": "een geheel getal van {min} of meer",
                         "en": "a whole number of {min} or more"},
    "expected_integer_between": {"fr": "un nombre entier de {min} à {max:n}",
                                 "nl": "een geheel getal van {min} tot {max:n}",
                                 "en": "a whole number from {min} to {max:n}"},
    "expected_questions": {"fr": "des clés ou titres de la fiche de synthèse séparés par ;",
                           "nl": "sleutels of titels van de cliëntfiche gescheiden door ;",
                           "en": "client summary keys or headings separated by ;"},
    "or_year": {"fr": " ou une année (aaaa)", "nl": " of een jaar (jjjj)", "en": " or a year (yyyy)"},
    "whole": {"fr": " entier", "nl": " (geheel)", "en": " (whole)"},
})

OK = None
_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2,4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_YEAR = re.compile(r"^(\d{4})$")
_NUM = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
EPOCH_1900, EPOCH_1904 = dt.date(1899, 12, 30), dt.date(1904, 1, 1)  # day 0 of Excel's two date systems
_SERIAL_END = (dt.date.max - EPOCH_1900).days - (EPOCH_1904 - EPOCH_1900).days  # beyond: no Python date
_DATE, _DATETIME = dt.date, dt.datetime  # exact types: a subclass (a pandas Timestamp) takes parse
INT_LIMIT = 2 ** 53  # the largest whole number a spreadsheet cell holds exactly
DATE_FORMAT = "dd/mm/yyyy"


def say(code: str, lang: str, **params) -> str:
    return _render(f"fields.{code}", lang, **params)


def fold(text: object) -> str:
    """Compare labels forgivingly: case, accents, spaces, curly quotes and dashes do not matter."""
    s = unicodedata.normalize("NFKD", str(text))
    if not s.isascii():  # drop the accents: each distinct character is looked up once, not each one
        marks = [ch for ch in set(s) if unicodedata.combining(ch)]
        if marks:
            s = s.translate(dict.fromkeys(map(ord, marks)))
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    return " ".join(s.casefold().split())


def blank(v) -> bool:
    return v is None or (isinstance(v, str) and not v.strip()) or (isinstance(v, float) and v != v)


def filled_texts(values) -> bool:
    """Whether every value is a string with a visible character (none is blank), by two C-level passes
    instead of a Python test per cell: the usual filled text column (``str.isspace`` refuses any other
    type, and so does this: such a column takes the caller's per-cell way). The reader asks it of a
    table's first column (which rows hold an entry), normalise of each text column."""
    try:
        return all(values) and not any(map(str.isspace, values))
    except TypeError:
        return False


def number_text(v) -> str:
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


# ------------------------------------------------------------------ parsers (a field calls them with its limits)

def parse_text(v):
    if isinstance(v, str):
        return v if v.strip() else None
    if isinstance(v, bool):
        return str(v).upper()
    if isinstance(v, float):
        return number_text(v)
    if isinstance(v, dt.datetime):
        return fmt_date(v) if v.time() == dt.time() else fmt_datetime(v)
    if isinstance(v, dt.date):
        return fmt_date(v)
    return str(v)


def parse_number(v, integer: bool, minimum: float | None = 0, maximum: float | None = None):
    """→ (number or None, finding code or None). Text numbers (also with a decimal comma) are warned.

    A bounded number (a ``maximum``: the scores) says ``score.range`` for every value outside its range."""
    code = OK
    bounded = maximum is not None
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
            return None, "score.range" if bounded else "number.not_integer"
        if abs(v) > INT_LIMIT:  # no count is that large, and the integer column could not hold it
            return None, "score.range" if bounded else "number.invalid"
        v = int(v)
    if minimum is not None and v < minimum:
        return None, "score.range" if bounded else "number.negative"
    if bounded and v > maximum:
        return None, "score.range"
    return v, code


_INF = float("inf")


def serial_date(v: float, date1904: bool = False, minimum: dt.date | None = None,
                maximum: dt.date | None = None) -> dt.date | None:
    """An Excel serial number → its date in the workbook's date system, or None when negative (no date in
    either system), before ``minimum`` or after ``maximum``: a date field passes its own limits, so a
    serial number and a typed date have the same range (the forms' ``DATE_LIMITS``, 1900–2100)."""
    if not 0 <= v < _SERIAL_END:
        return None
    n = int(v) + (EPOCH_1904 - EPOCH_1900).days if date1904 else int(v)  # the same day as a 1900-system serial
    got = EPOCH_1900 + dt.timedelta(days=n)
    return None if (minimum is not None and got < minimum) or (maximum is not None and got > maximum) else got


def _ymd(y: int, m: int, d: int):
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _parse_date(v, or_year: bool, date1904: bool, minimum: dt.date, maximum: dt.date):
    year_min, year_max = minimum.year, maximum.year
    if isinstance(v, dt.datetime):
        return v.date(), False, OK
    if isinstance(v, dt.date):
        return v, False, OK
    if isinstance(v, bool) or isinstance(v, (dt.time, dt.timedelta)):
        return None, False, "date.invalid"
    if isinstance(v, (int, float)):
        if v != v:  # NaN
            return None, False, OK
        if v in (_INF, -_INF):  # no day: a number too large for Excel's date system, not a crash
            return None, False, "date.invalid"
        if year_min <= v <= year_max:
            if or_year and float(v).is_integer():
                return dt.date(int(v), 7, 1), True, OK
            return None, False, "date.invalid"
        got = serial_date(v, date1904, minimum, maximum)
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
    if m and or_year and year_min <= int(s) <= year_max:
        return dt.date(int(s), 7, 1), True, OK
    return None, False, "date.invalid"


# ------------------------------------------------------------------ the fields

class Field:
    """A column's (or a setting's) type. Subclasses set the class attributes and override what differs.

    ``parse(v, lang, date1904)`` → (typed value, year only, finding code or None): a blank cell is
    (None, False, None), anything else goes to the type's ``read``; ``params(code, value, lang)`` the
    finding's extra fields.
    """

    name = "text"
    dtype = "object"
    width = 16  # a column's width when the form gives none
    entry_format = "entry_general"  # the name of the whole entry column's format (ptxl.model.styles.FORMATS)
    setting_format = "setting_value"  # the settings value cell's format
    free_text = False  # typed words: left out of an export unless asked, names blanked
    is_date = False
    or_year = False  # a year alone is an answer (then ``<key>_year_only``)
    wraps = False  # its cells wrap (long notes, dropdown labels): written rows get the height they need
    has_findings = True  # False: reading never finds anything to say (one fast path, no cache)

    def __init__(self, minimum=None, maximum=None, max_length=None):
        self.minimum = minimum
        self.maximum = maximum
        self.max_length = max_length

    def __repr__(self) -> str:
        limits = ", ".join(f"{k}={v!r}" for k, v in vars(self).items() if v is not None and not k.startswith("_"))
        return f"{type(self).__name__}({limits})"

    def __eq__(self, other) -> bool:
        return type(self) is type(other) and vars(self) == vars(other)

    def __hash__(self) -> int:
        return hash((type(self), self.name))

    # reading
    def parse(self, v, lang: str, date1904: bool = False):
        if blank(v):
            return None, False, OK
        return self.read(v, lang, date1904)

    def read(self, v, lang: str, date1904: bool = False):
        """A cell that is not blank → (typed value, year only, finding code or None)."""
        return parse_text(v), False, OK

    def parse_distinct(self, values, lang: str, date1904: bool = False) -> dict:
        """value → ``parse(value)`` for each of ``values`` (a column's distinct cells): what the reader
        calls once per column; a type may give the same results by a cheaper way."""
        parse = self.parse
        return {v: parse(v, lang, date1904) for v in values}

    def params(self, code: str, value, lang: str) -> dict:
        return {}

    def expected(self, lang: str) -> str | None:
        """What a setting of this type takes, said in a ``settings.invalid`` finding."""
        return None

    # Excel
    def as_typed(self, value, lang: str):
        """A coded value as staff would have typed it in ``lang`` (a choice's code becomes its label)."""
        return value

    def hint(self, lang: str) -> str | None:
        """How to answer, shown under the question in the input message (None: the question says it)."""
        return None

    def validation(self, lang: str, cell: str, sources: dict) -> dict | None:
        """XlsxWriter ``data_validation`` options of the rule (without the input message), or None."""
        return None

    # pandas and the export
    def array(self, values: list):
        """Typed values (``parse``'s, or coded ones) → the column as a 1-D array of ``dtype``: a numpy array,
        or a pandas extension array (``Int64``). ``ptxl.model.dataset.frame`` puts a sheet's arrays together."""
        import numpy as np
        return np.fromiter(values, dtype=object, count=len(values))  # kept as they are, no type guessed

    def series(self, values: list):
        import pandas as pd
        return pd.Series(self.array(values), dtype=self.dtype, copy=False)

    def plain(self, s):
        """Typed column → plain values for CSV/xlsx."""
        return s.astype("object").where(s.notna(), None)


class Text(Field):
    """Short text: kept as typed (an export leaves it out unless asked, it may hold a name)."""

    name = "text"
    entry_format = "entry_text"
    free_text = True
    has_findings = False


class LongText(Text):
    name = "longtext"
    width = 40
    entry_format = "longtext"
    wraps = True


class CaseRef(Field):
    """A case number that must exist in the families sheet (a dropdown of them, warning only)."""

    name = "case_ref"
    width = 12
    entry_format = "entry_text"
    has_findings = False

    def validation(self, lang, cell, sources):
        return {"validate": "list", "source": sources["case_ids"], "error_type": "warning",
                "error_message": say("case", lang)}


class Choice(Field):
    """One label of ``scale``; read as its code, forgiving case, accents, synonyms and the other languages."""

    name = "choice"
    entry_format = "entry_choice"
    wraps = True

    def __init__(self, scale=None, no_answer: dict | None = None):
        super().__init__()
        self.scale = scale
        self._no_answer = tuple(sorted((no_answer or {}).items()))  # hashable: the lookup is cached on it
        self._lookups: dict = {}  # lang → ``lookup(lang)``: hashing the scale for the cache costs more than a read

    def __eq__(self, other) -> bool:
        return type(self) is type(other) and getattr(self.scale, "key", None) == getattr(other.scale, "key", None)

    __hash__ = Field.__hash__

    def __repr__(self) -> str:
        return f"Choice({getattr(self.scale, 'key', None)!r})"

    def lookup(self, lang: str) -> tuple[dict, dict]:
        """(exact label → code, folded text → (code, warning code)) for the scale read in ``lang``."""
        got = self._lookups.get(lang)
        if got is None:
            got = self._lookups[lang] = _choice_lookup(self.scale, self._no_answer, lang)
        return got

    def read(self, v, lang, date1904=False):
        if isinstance(v, bool):
            if self.scale.key == "yes_no":
                return ("yes" if v else "no"), False, "choice.bool"
            return None, False, "choice.unknown"
        if not isinstance(v, str):
            v = number_text(v) if isinstance(v, (int, float)) else str(v)
        exact, folded = self.lookup(lang)
        if v in exact:
            return exact[v], False, OK
        hit = folded.get(fold(v))
        if hit is None:
            return None, False, "choice.unknown"
        return hit[0], False, hit[1]

    def as_typed(self, value, lang):
        if isinstance(value, str):
            try:
                return self.scale.label(value, lang)
            except KeyError:
                return value
        return value

    def params(self, code, value, lang):
        if code == "choice.unknown":
            labels = self.scale.labels(lang)
            return {"choices": " / ".join(labels) if len(labels) <= 8 else "…"}
        if code.startswith("choice.") and value is not None:
            return {"expected": self.scale.label(value, lang)}
        return {}

    def validation(self, lang, cell, sources):
        return {"validate": "list", "source": sources[self.scale.key], "error_message": say("list", lang)}


@lru_cache(maxsize=None)
def _choice_lookup(scale, no_answer: tuple, lang: str) -> tuple[dict, dict]:
    no_answer = dict(no_answer)
    exact = {o.label(lang): o.code for o in scale.options}
    folded: dict = {}
    if scale.blank_is_answer:
        exact[no_answer[lang]] = None
        folded[fold(no_answer[lang])] = (None, "choice.normalised")
    for o in scale.options:
        folded.setdefault(fold(o.label(lang)), (o.code, "choice.normalised"))
    for o in scale.options:
        for syn in o.synonyms:
            folded.setdefault(fold(syn), (o.code, "choice.synonym"))
    for other in LANGS:
        for o in scale.options:
            folded.setdefault(fold(o.label(other)), (o.code, "choice.other_language"))
        if scale.blank_is_answer:
            folded.setdefault(fold(no_answer[other]), (None, "choice.other_language"))
    return exact, folded


class Date(Field):
    """A date in [minimum, maximum]; text is read day first (Belgian), a serial number with a warning.

    Dates outside the limits are refused (``date.invalid``): no entry can be there, and pandas cannot
    hold them all. A plain number from ``minimum.year`` to ``maximum.year`` is a year (never a serial:
    those would be dates in 1905). ``date1904``: the workbook counts serial numbers from 1904
    (``RawWorkbook.date1904``); cells formatted as dates are already dates (the reader applies it).
    """

    name = "date"
    dtype = "datetime64[ns]"
    width = 12
    entry_format = "entry_date"
    setting_format = "setting_value_date"
    is_date = True

    def read(self, v, lang, date1904=False):
        got = _parse_date(v, self.or_year, date1904, self.minimum, self.maximum)
        if got[0] is not None and not self.minimum <= got[0] <= self.maximum:
            return None, False, "date.invalid"
        return got

    def parse_distinct(self, values, lang, date1904=False):
        """As ``parse``, a cell formatted as a date (calamine gives a ``date``, or a ``datetime`` when it has a
        time) without a call per value: its day, when within the limits (a column of dates has thousands
        of distinct ones)."""
        lo, hi, parse, out = self.minimum, self.maximum, self.parse, {}
        for v in values:
            kind = type(v)
            if kind is _DATE:
                out[v] = (v, False, OK) if lo <= v <= hi else (None, False, "date.invalid")
            elif kind is _DATETIME:
                d = v.date()
                out[v] = (d, False, OK) if lo <= d <= hi else (None, False, "date.invalid")
            else:
                out[v] = parse(v, lang, date1904)
        return out

    def hint(self, lang):
        return say(self.name, lang)

    def expected(self, lang):
        return say("expected_date", lang, min=fmt_date(self.minimum, lang), max=fmt_date(self.maximum, lang))

    def validation(self, lang, cell, sources):
        return {"validate": "date", "criteria": "between", "minimum": self.minimum, "maximum": self.maximum,
                "error_type": "warning", "error_message": say(self.name, lang)}

    def array(self, values):
        """Straight into a nanosecond index (~3× cheaper than an object column converted after)."""
        import pandas as pd
        return pd.DatetimeIndex(list(values), dtype="datetime64[ns]").to_numpy()

    def plain(self, s):
        import pandas as pd
        return s.map(lambda v: v.date().isoformat() if isinstance(v, pd.Timestamp) and not pd.isna(v) else None)


class DateOrYear(Date):
    """A date, or a year alone (then 1 July of that year, and ``<key>_year_only`` says so).

    Its entry column stays General: a date format would show a year typed alone (1985) as a date in 1905."""

    name = "date_or_year"
    entry_format = "entry_general"
    or_year = True

    def params(self, code, value, lang):
        return {"or_year": say("or_year", lang)} if code == "date.invalid" else {}

    def validation(self, lang, cell, sources):
        lo, hi = self.minimum, self.maximum
        formula = (f"=AND(ISNUMBER({cell}),OR(AND({cell}={_int(cell)},{cell}>={lo.year},{cell}<={hi.year}),"
                   f"AND({cell}>={_excel_date(lo)},{cell}<={_excel_date(hi)})))")
        return {"validate": "custom", "value": formula, "error_type": "warning",
                "error_message": say(self.name, lang)}


def _int(cell: str) -> str:
    return f"INT({cell})"


def _excel_date(d: dt.date) -> str:
    return f"DATE({d.year},{d.month},{d.day})"


class Numeric(Field):
    """A number ≥ ``minimum`` (and ≤ ``maximum`` when bounded); ``integer``: whole numbers only.

    A number typed as text is read with a warning, a decimal comma too."""

    name = "number"
    dtype = "float64"
    width = 10
    integer = False

    def read(self, v, lang, date1904=False):
        n, code = parse_number(v, self.integer, self.minimum, self.maximum)
        return n, False, code

    def validation(self, lang, cell, sources):
        kind = "integer" if self.integer else "decimal"
        if self.maximum is not None and self.integer:  # a setting's whole number: both ends (issue 14: no overflow)
            return {"validate": kind, "criteria": "between", "minimum": self.minimum, "maximum": self.maximum,
                    "error_message": say("integer_between", lang, min=self.minimum, max=self.maximum)}
        return {"validate": kind, "criteria": ">=", "value": self.minimum,
                "error_message": say(self.name, lang, min=self.minimum)}

    def array(self, values):
        import numpy as np
        return np.array(values, dtype="float64")  # None becomes NaN


class Number(Numeric):
    """A number ≥ ``minimum``, decimals allowed (years of legal stay)."""


class Integer(Numeric):
    """A whole number ≥ ``minimum`` (counts: minutes of a contact, months, days)."""

    name = "integer"
    dtype = "Int64"
    setting_format = "setting_value_int"
    integer = True

    def params(self, code, value, lang):
        if code == "number.invalid":
            return {"hint": say("whole", lang)}
        return {"hint": ""} if code == "number.not_integer" else {}

    def expected(self, lang):
        if self.maximum is not None:
            return say("expected_integer_between", lang, min=self.minimum, max=self.maximum)
        return say("expected_integer", lang, min=self.minimum)

    def array(self, values):
        import pandas as pd
        return pd.array(values, dtype="Int64")

    def plain(self, s):
        import pandas as pd
        return s.astype("object").map(lambda v: None if pd.isna(v) else int(v))


class Score(Integer):
    """A whole number in [minimum, maximum] (annex A: 0–10); any other value is ``score.range``."""

    name = "score"
    width = 12

    def params(self, code, value, lang):
        return {"min": self.minimum, "max": self.maximum} if code == "score.range" else {}

    def hint(self, lang):
        return say(self.name, lang, min=self.minimum, max=self.maximum)

    def validation(self, lang, cell, sources):
        return {"validate": "integer", "criteria": "between", "minimum": self.minimum, "maximum": self.maximum,
                "error_message": self.hint(lang)}


class Language(Field):
    """The workbook's language setting: one of ``LANGS``, fixed when the workbook is made."""

    name = "language"
    setting_format = "setting_fixed"

    def read(self, v, lang, date1904=False):
        text = parse_text(v)
        val = text.strip().lower() if text else None
        return (val, False, OK) if val in LANGS else (None, False, "settings.invalid")

    def hint(self, lang):
        return say("language", lang)

    def expected(self, lang):
        return " / ".join(LANGS)

    def validation(self, lang, cell, sources):
        return {"validate": "list", "source": list(LANGS)}


class Unit(Choice):
    """The ``evaluation_unit`` setting: its code (``family`` / ``person``) or a label, in any language."""

    name = "unit"
    setting_format = "setting_value"

    def read(self, v, lang, date1904=False):
        text = parse_text(v)
        if not text:
            return None, False, OK
        codes = {o.code for o in self.scale.options}
        if fold(text) in codes:
            return fold(text), False, OK
        code, _yo, _f = Choice.read(self, text, lang)
        return code, False, OK if code is not None else "settings.invalid"

    def expected(self, lang):
        return " / ".join(self.scale.labels(lang))

    def validation(self, lang, cell, sources):
        labels = self.scale.labels(lang)
        return {"validate": "list", "source": labels}

    def hint(self, lang):
        return self.expected(lang)


class Questions(Field):
    """The ``questions_not_asked`` setting → (annex B keys in form order, items not recognised).

    Each item, separated by ``;`` or a line break, is a question key or its column heading in any
    of the three languages (case, accents and spaces forgiven)."""

    name = "questions"

    def __init__(self, questions: tuple = ()):
        super().__init__()
        self.questions = questions

    def __eq__(self, other) -> bool:
        return type(self) is type(other) and self.questions == other.questions

    __hash__ = Field.__hash__

    def __repr__(self) -> str:
        return f"Questions({len(self.questions)} questions)"

    def items(self, v) -> tuple[tuple, list]:
        text = parse_text(v) or ""
        by_name = {}
        for q in self.questions:
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
        return tuple(q.key for q in self.questions if q.key in found), bad

    def read(self, v, lang, date1904=False):
        keys, bad = self.items(v)
        return keys or None, False, "settings.invalid" if bad else OK

    def expected(self, lang):
        return say("expected_questions", lang)


FIELD_TYPES = {cls.name: cls for cls in (Text, LongText, CaseRef, Choice, Date, DateOrYear, Integer, Score, Number,
                                         Language, Unit, Questions)}
