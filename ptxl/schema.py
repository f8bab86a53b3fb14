"""The forms compiled into frozen objects: the only module that knows ``ptxl.forms``.

Everything else (the workbook builder, the reader, validation, statistics
labels, Word templates) asks this module for sheets, columns, scales and labels,
so a question's wording or a column's position is written exactly once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from . import fields as _fields
from .fields import FIELD_TYPES, Field
from .forms import annexes, scales, sheets
# What other modules need of the forms beyond the compiled ``Schema``: the fixed texts of the home
# and output sheets, the nationality list and the per-language text helper. They take them from
# here (tests/test_import_graph.py: no other module imports ptxl.forms), so the forms can change
# shape behind this one module.
from .forms import home as HOME  # noqa: F401 - the home sheet's texts
from .forms import outputs as OUTPUTS  # noqa: F401 - the output sheets' texts and brackets
from .forms.nationalities import nationality_code, nationality_label  # noqa: F401
from .forms.scales import UNIT_WORDS, L  # noqa: F401
from .i18n import register as _register

# The forms' fixed texts into the one catalogue (ptxl.i18n); the forms themselves stay plain data.
HOME_TEXTS = _register("home", HOME.CATALOGUE)
OUTPUT_TEXTS = _register("outputs", OUTPUTS.CATALOGUE)

LANGS = ("fr", "nl", "en")
DEFAULT_LANG = "fr"


@dataclass(frozen=True)
class Option:
    code: str
    labels: dict = field(hash=False, compare=False)
    synonyms: tuple = ()

    def label(self, lang: str = DEFAULT_LANG) -> str:
        return self.labels[lang]


@dataclass(frozen=True)
class Scale:
    key: str
    options: tuple
    blank_is_answer: bool = False

    @property
    def codes(self) -> list[str]:
        """Codes counted in statistics, in order; ``no_answer`` last where blanks count."""
        codes = [o.code for o in self.options]
        return codes + ["no_answer"] if self.blank_is_answer else codes

    def labels(self, lang: str = DEFAULT_LANG) -> list[str]:
        return [o.label(lang) for o in self.options]

    def label(self, code: str, lang: str = DEFAULT_LANG) -> str:
        for o in self.options:
            if o.code == code:
                return o.label(lang)
        if code == "no_answer":
            return NO_ANSWER[lang]
        raise KeyError(code)

    def option(self, code: str) -> Option:
        return next(o for o in self.options if o.code == code)


NO_ANSWER = {"fr": "Pas de réponse", "nl": "Geen antwoord", "en": "No answer"}


def make_field(type_name: str, scale: Scale | None = None, limits: Mapping | None = None) -> Field:
    """The ``Field`` of a type named in the forms, with its limits (the forms' ``TYPE_LIMITS`` unless given)."""
    cls = FIELD_TYPES[type_name]
    if cls is _fields.Questions:
        return cls(tuple(Question(k, sc, g, lab, q) for k, sc, g, lab, q in annexes.ANNEX_B))
    if issubclass(cls, _fields.Choice):  # a choice column's scale; the unit setting's is evaluation_unit
        return cls(scale if scale is not None else _scale("evaluation_unit"), NO_ANSWER)
    return cls(**dict(sheets.TYPE_LIMITS.get(type_name, {}) if limits is None else limits))


@dataclass(frozen=True)
class Column:
    key: str
    type: str  # the field's name, for ``ptxl schema --json`` (CLI.md); code asks ``field``
    labels: dict = field(hash=False, compare=False)
    help: dict | None = field(default=None, hash=False, compare=False)
    required: bool = False
    scale: Scale | None = None
    width: float | None = None
    personal: str | None = None  # "name" | "birth": identifies a person (never echoed, not exported)
    field: Field | None = field(default=None, hash=False, compare=False, repr=False)

    def __post_init__(self):
        if self.field is None:
            object.__setattr__(self, "field", make_field(self.type, self.scale))

    def header(self, lang: str = DEFAULT_LANG) -> str:
        return self.labels[lang]

    def help_text(self, lang: str = DEFAULT_LANG) -> str | None:
        return self.help[lang] if self.help else None


@dataclass(frozen=True)
class Sheet:
    key: str
    kind: str  # entry | settings | output | lists
    names: dict = field(hash=False, compare=False)
    table: str | None = None
    columns: tuple = ()
    annex: str | None = None

    def name(self, lang: str = DEFAULT_LANG) -> str:
        return self.names[lang]

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]


@dataclass(frozen=True)
class Setting:
    key: str
    type: str
    labels: dict = field(hash=False, compare=False)
    default: object = None
    field: Field | None = field(default=None, hash=False, compare=False, repr=False)

    def __post_init__(self):
        if self.field is None:
            object.__setattr__(self, "field", setting_field(self.type))


@dataclass(frozen=True)
class AnnexAItem:
    key: str
    labels: dict = field(hash=False, compare=False)
    question: dict = field(hash=False, compare=False)
    better: str = "high"  # which end of the 0–10 scale is good


@dataclass(frozen=True)
class Question:
    key: str
    scale: str  # impact | yes_no | text
    group: str
    labels: dict = field(hash=False, compare=False)
    question: dict = field(hash=False, compare=False)


@dataclass(frozen=True)
class Bracket:
    """A bracket of the cohort charts: completed years in [low, high) (None: open); no bounds = unknown."""

    key: str
    low: float | None
    high: float | None
    labels: dict = field(hash=False, compare=False)

    @property
    def unknown(self) -> bool:
        return self.low is None and self.high is None


@dataclass(frozen=True)
class YearsBin:
    """Years since arrival: up to ``top`` included (None: the open last bin)."""

    top: float | None
    labels: dict = field(hash=False, compare=False)


@dataclass(frozen=True)
class Schema:
    sheets: tuple
    scales: dict = field(hash=False, compare=False)
    settings: tuple = ()
    annex_a: tuple = ()
    annex_b: tuple = ()
    annex_c: tuple = ()
    vulnerabilities: tuple = ()
    criteria: tuple = ()
    groups: dict = field(default_factory=dict, hash=False, compare=False)
    age_brackets: dict = field(default_factory=dict, hash=False, compare=False)  # "adult"/"child" → Brackets
    years_bins: tuple = ()
    unclear: dict = field(default_factory=dict, hash=False, compare=False)
    project_start: dt.date | None = None  # project dates before it are typos (the rules; the settings' dates)
    fields: dict = field(default_factory=dict, hash=False, compare=False)  # type name → its Field (forms' limits)

    def sheet(self, key: str) -> Sheet:
        for s in self.sheets:
            if s.key == key:
                return s
        raise KeyError(key)

    def by_kind(self, kind: str) -> list[Sheet]:
        return [s for s in self.sheets if s.kind == kind]

    @property
    def entry_sheets(self) -> list[Sheet]:
        return self.by_kind("entry")

    @property
    def output_sheets(self) -> list[Sheet]:
        return self.by_kind("output")

    def setting(self, key: str) -> Setting:
        return next(s for s in self.settings if s.key == key)

    def check_keys(self, rows: Mapping | None = None, settings: Mapping | None = None) -> None:
        """Refuse entries given under a key the forms do not have (``ValueError`` naming the keys).

        Why: the builders (``build_workbook``, ``Dataset.from_rows``) used to skip an unknown key
        silently, so a misspelt column in a fixture wrote nothing and the test checking it passed
        on a blank cell. Keys are column and setting names, never the values typed under them.
        """
        entry = {s.key: set(s.keys) for s in self.entry_sheets}
        wrong = [f"sheet {k!r}" for k in (rows or {}) if k not in entry]
        for k, records in (rows or {}).items():
            for i, record in enumerate(records if k in entry else ()):
                wrong += [f"{k}[{i}].{c}" for c in record if c not in entry[k]]
        known = {s.key for s in self.settings}
        wrong += [f"setting {k!r}" for k in (settings or {}) if k not in known]
        if wrong:
            raise ValueError(f"unknown keys (not in the forms): {', '.join(wrong[:10])}"
                             + (f" and {len(wrong) - 10} more" if len(wrong) > 10 else ""))


# The settings sheet is a three-column table: a stable key, the label, the value.
SETTINGS_COLUMNS = (
    Column("key", "text", {"fr": "Clé", "nl": "Sleutel", "en": "Key"}, width=22),
    Column("setting", "text", {"fr": "Paramètre", "nl": "Instelling", "en": "Setting"}, width=48),
    Column("value", "text", {"fr": "Valeur", "nl": "Waarde", "en": "Value"}, width=18),
)


def _scale(key: str) -> Scale:
    raw = scales.SCALES[key]
    opts = raw() if callable(raw) else raw
    return Scale(key, tuple(Option(c, labels, tuple(syn)) for c, labels, syn in opts),
                 blank_is_answer=key in scales.BLANK_IS_ANSWER)


@lru_cache(maxsize=1)
def get_schema() -> Schema:
    all_scales = {k: _scale(k) for k in scales.SCALES}
    built = []
    for s in sheets.SHEETS:
        if s["key"] == "settings":
            cols = SETTINGS_COLUMNS
        else:
            cols = tuple(Column(c["key"], c["type"], c["label"], c["help"], c["required"],
                                all_scales[c["scale"]] if c["scale"] else None, c["width"],
                                c.get("personal"))
                         for c in s.get("columns", ()))
        built.append(Sheet(s["key"], s["kind"], s["name"], s["table"], cols, s.get("annex")))
    return Schema(
        sheets=tuple(built),
        scales=all_scales,
        settings=tuple(_setting(*row) for row in sheets.SETTINGS),
        annex_a=tuple(AnnexAItem(k, lab, q, b) for k, lab, q, b in annexes.ANNEX_A),
        annex_b=tuple(Question(k, sc, g, lab, q) for k, sc, g, lab, q in annexes.ANNEX_B),
        annex_c=tuple((k, lab) for k, lab in annexes.ANNEX_C),
        vulnerabilities=tuple((k, lab) for k, lab in annexes.VULNERABILITIES),
        criteria=tuple(k for k, _l, _h in annexes.CRITERIA),
        groups=dict(annexes.GROUPS),
        age_brackets={"adult": _brackets(OUTPUTS.ADULT_BRACKETS), "child": _brackets(OUTPUTS.CHILD_BRACKETS)},
        years_bins=tuple(YearsBin(top, labels) for top, labels in OUTPUTS.YEARS_BRACKETS),
        unclear=dict(OUTPUTS.UNCLEAR),
        project_start=sheets.PROJECT_START,
        fields={name: make_field(name) for name in sheets.TYPE_LIMITS},
    )


def setting_field(type_name: str, limits: Mapping | None = None) -> Field:
    """A setting's field: its type's setting limits (the forms' SETTING_LIMITS), then its own."""
    return make_field(type_name, None, {**sheets.SETTING_LIMITS.get(type_name, {}), **(limits or {})})


def _setting(key: str, type_name: str, labels: dict, default, limits: Mapping | None = None) -> Setting:
    """A row of the forms' SETTINGS (its fifth item: limits of its own)."""
    return Setting(key, type_name, labels, default, setting_field(type_name, limits))


class Settings(Mapping):
    """The settings of a workbook, typed: read as a mapping (``settings["x"]``, ``.get``) or as attributes.

    Compiled from the forms' SETTINGS: every setting is present, a blank one (None) holds the forms'
    default, and a typed 0 stays 0. Frozen: ``replace(**changes)`` gives a changed copy (``--as-of``),
    so no stage alters another's settings behind its back. Values are already typed (the reader's
    ``normalise`` parses them with each setting's field and reports what it had to refuse).
    """

    __slots__ = ("_values",)

    def __init__(self, values: Mapping | None = None):
        sch = get_schema()
        sch.check_keys(settings=values)
        typed = {s.key: s.default for s in sch.settings}
        typed.update({k: v for k, v in (values or {}).items() if v is not None})
        object.__setattr__(self, "_values", MappingProxyType(typed))

    def __getitem__(self, key: str):
        return self._values[key]

    def __iter__(self):
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __getattr__(self, name: str):
        try:
            return object.__getattribute__(self, "_values")[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        raise AttributeError("Settings are frozen: use settings.replace(key=value)")

    def __setitem__(self, key, value):
        raise TypeError("Settings are frozen: use settings.replace(key=value)")

    def __reduce__(self):
        return (Settings, (dict(self._values),))

    def __repr__(self) -> str:
        return f"Settings({dict(self._values)!r})"

    def replace(self, **changes) -> "Settings":
        return Settings({**self._values, **changes})

    @classmethod
    def of(cls, settings: Mapping | None) -> "Settings":
        """``settings`` itself when typed, else typed from a plain mapping (``pipeline.from_stats``'s ``{}``,
        a test's dict): the one way a stage asks a setting, so no caller writes a default of its own."""
        return settings if isinstance(settings, cls) else cls(settings)


def _brackets(labelled: dict) -> tuple:
    """The forms' bracket labels joined to their bounds by key (a key without bounds is ``unclear``)."""
    return tuple(Bracket(k, *OUTPUTS.AGE_BRACKET_BOUNDS.get(k, (None, None)), labels)
                 for k, labels in labelled.items())


def column_letter(index: int) -> str:
    """0-based column index → Excel letters (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def schema_json(lang: str = DEFAULT_LANG) -> dict:
    """The ``ptxl schema --json`` document of CLI.md."""
    sch = get_schema()
    out = []
    for s in sch.sheets:
        if s.kind not in ("entry", "settings", "output"):
            continue
        out.append({
            "name": s.name(lang), "key": s.key, "table": s.table,
            "kind": "output" if s.kind == "output" else "entry",
            "columns": [{"key": c.key, "header": c.header(lang), "type": c.type, "required": c.required,
                         "choices": c.scale.labels(lang) if c.scale else None} for c in s.columns],
        })
    return {"language": lang, "sheets": out}
