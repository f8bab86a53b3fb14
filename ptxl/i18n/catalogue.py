"""The registry of every text of ptxl: code → {fr, nl, en}, declared by the module that owns the words.

Codes are ``namespace.key`` (``rules.sheet.missing``, ``cli.written``); a nested
table adds its keys (``alerts.kinds.no_contact``), a pair of words its index
(``alerts.day.0``). A table keeps its own shape and its module keeps using it if it
likes: registering only copies the words into the one registry and returns the
namespace's Enum, whose members are the codes (``RULES.sheet_missing.value ==
"rules.sheet.missing"``), so code written against the Enum fails at import time
on a typo, and ``render`` refuses an unknown string code instead of printing a blank.
"""

from __future__ import annotations

import enum
import string

from ..plural import counted
from .formats import fmt_number

LANGS = ("fr", "nl", "en")
_TEXTS: dict[str, dict[str, str]] = {}
_ENUMS: dict[str, type] = {}


class Code(str, enum.Enum):
    """Base of every namespace's Enum: a member is its code string (``str`` compares and hashes as one)."""

    def __str__(self) -> str:
        return self.value


def _is_texts(value) -> bool:
    if isinstance(value, dict):
        return set(value) == set(LANGS) and all(isinstance(value[k], str) for k in LANGS)
    return isinstance(value, (tuple, list)) and len(value) in (3, 4) and all(isinstance(v, str) for v in value) \
        and (len(value) == 3 or value[0] in ("error", "warning", "info"))


def _as_texts(value) -> dict[str, str]:
    if isinstance(value, dict):
        return {k: value[k] for k in LANGS}
    return dict(zip(LANGS, value[-3:]))  # (severity,) fr, nl, en: the severity is the rule's, not a text


def _flatten(prefix: str, table, out: dict) -> None:
    if _is_texts(table):
        out[prefix] = _as_texts(table)
    elif isinstance(table, dict) and set(table) == set(LANGS) and all(isinstance(v, dict) for v in table.values()):
        for key in table["fr"]:  # {fr: {key: text}, nl: {...}, en: {...}}: one code per key
            _flatten(f"{prefix}.{key}", {lang: table[lang].get(key) for lang in LANGS}, out)
    elif isinstance(table, dict) and set(table) == set(LANGS) and not all(
            isinstance(v, (tuple, list)) and len(v) == len(table["fr"]) for v in table.values()):
        raise ValueError(f"{prefix}: a text is missing in one of {', '.join(LANGS)}")
    elif isinstance(table, dict) and set(table) == set(LANGS):  # {fr: (one, many), ...}: one code per position
        for i, words in enumerate(zip(*(table[k] for k in LANGS))):
            if all(isinstance(w, str) for w in words):
                out[f"{prefix}.{i}"] = dict(zip(LANGS, words))
    elif isinstance(table, dict):
        for key, value in table.items():
            _flatten(f"{prefix}.{key}", value, out)
    elif isinstance(table, (tuple, list)):
        for i, value in enumerate(table):
            _flatten(f"{prefix}.{i}", value, out)
    # anything else (a colour, a number, one string in every language) is not a translated text


def _member(name: str) -> str:
    name = "".join(ch if ch.isalnum() else "_" for ch in name)
    return name if name[:1].isalpha() else f"k_{name}"


def register(namespace: str, table) -> type:
    """Copy ``table``'s texts into the registry under ``namespace``; returns the namespace's Enum of codes.

    Registering the same namespace again (a module reloaded) must give the same texts: two
    modules claiming one namespace with different words is a bug, said at import.
    """
    flat: dict[str, dict[str, str]] = {}
    _flatten(namespace, table, flat)
    if not flat:
        raise ValueError(f"{namespace}: no text in three languages to register")
    for code, words in flat.items():
        if _TEXTS.get(code, words) != words:
            raise ValueError(f"{code} is registered twice with different texts")
    _TEXTS.update(flat)
    members = {_member(code[len(namespace) + 1:] or "self"): code for code in flat}
    if len(members) != len(flat):
        raise ValueError(f"{namespace}: two keys give the same Enum name")
    _ENUMS[namespace] = Code(namespace.replace(".", "_").upper(), members)
    return _ENUMS[namespace]


def code_of(code) -> str:
    """The registered code string of an Enum member or string; an unknown code is a KeyError."""
    value = code.value if isinstance(code, enum.Enum) else str(code)
    if value not in _TEXTS:
        raise KeyError(f"unknown message code {value!r}")
    return value


def texts(code) -> dict[str, str]:
    """{fr, nl, en} of ``code`` (a copy)."""
    return dict(_TEXTS[code_of(code)])


class _Blank(dict):
    def __missing__(self, key):
        return ""


def render(code, lang: str, /, *args, default: str = "fr", blank: bool = False, adapt=None, numbers: bool = False,
           **params) -> str:
    """``code``'s text in ``lang`` (``default`` for a language ptxl has not), its fields filled from ``params``.

    Counts choose their endings with the language's plural rule (``{n:|s}``), ``{x:n}`` writes a number
    with the language's separators (``numbers`` does it for every whole-number field); ``args`` fill
    the few positional ``{}`` fields (document phrases such as "{} mois"). With
    ``blank``, a field not given (or None) is left empty, as the rule messages want for
    optional hints; otherwise a missing field is a KeyError (a bug, not a message). ``adapt(template,
    lang)`` rewrites the text before it is filled (``ptxl.pilot.for_current_unit``: families or persons).
    """
    words = _TEXTS[code_of(code)]
    template = words.get(lang) or words[default]
    lang = lang if lang in words else default
    if adapt is not None:
        template = adapt(template, lang)
    values = _Blank({k: v for k, v in params.items() if v is not None}) if blank else params
    number = lambda n: fmt_number(n, lang)  # noqa: E731 - the language's separators, for "{x:n}" fields
    return counted(template, lang, values, *args, format_int=number if numbers else None, format_number=number)


def codes(namespace: str | None = None) -> list[str]:
    """Every registered code (of ``namespace`` only when given), sorted."""
    return sorted(c for c in _TEXTS if namespace is None or c.startswith(namespace + "."))


def fields(code) -> dict[str, set]:
    """The field names each language's text of ``code`` uses (for the catalogue's own checks)."""
    out = {}
    for lang, template in _TEXTS[code_of(code)].items():
        out[lang] = {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template)
                     if name}
    return out


def load_all() -> list[str]:
    """Import every module of ptxl, so every table has registered (a test renders them all); returns codes.

    Found by walking the package rather than listed, so moving a module never leaves its texts out.
    """
    import importlib
    import pkgutil

    import ptxl
    for info in pkgutil.walk_packages(ptxl.__path__, "ptxl."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    return codes()
