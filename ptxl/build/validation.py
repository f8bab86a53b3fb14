"""Excel data validation for each entry column: the dropdown, the input message, the error box.

Pure functions returning XlsxWriter ``data_validation`` options, so a test can
check every column's rule without writing a file. Excel checks only what is
typed (not what is pasted): the reader still validates everything.
"""

from __future__ import annotations

from ..schema import Column, get_schema
from ..model import styles

# Rows covered by the dropdowns and input messages beyond the typed rows.
VALIDATION_ROWS = 2000
CASE_IDS_NAME = "ptxlCaseIds"

INPUT_MAX = 255  # Excel's limits
TITLE_MAX = 32


def _quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def case_ids_formula(lang: str) -> str:
    """The families table's case-number column as a structured reference (grows with the table)."""
    fam = get_schema().sheet("families")
    header = fam.column("case_id").header(lang)
    escaped = "".join("'" + ch if ch in "[]#'" else ch for ch in header)
    return f"={fam.table}[{escaped}]"


def input_message(column: Column, lang: str) -> str | None:
    """The question's full wording, then how to answer it (the field's hint), within Excel's 255 characters."""
    hint = column.field.hint(lang)
    help_text = column.help_text(lang)
    if help_text and hint:
        room = INPUT_MAX - len(hint) - 1
        if len(help_text) > room:
            help_text = help_text[:room - 1].rstrip() + "…"
        return f"{help_text}\n{hint}"
    text = help_text or hint
    if text and len(text) > INPUT_MAX:
        text = text[:INPUT_MAX - 1].rstrip() + "…"
    return text


def _title(text: str) -> str:
    return text if len(text) <= TITLE_MAX else text[:TITLE_MAX - 1] + "…"


def column_validation(column: Column, lang: str, ranges: dict, cell: str) -> dict | None:
    """XlsxWriter options for ``column``; ``cell`` is the first validated cell (relative formulas).

    The rule and its limits are the column's field's (``ptxl.fields``): the reader refuses what it refuses."""
    opts: dict = {"ignore_blank": True}
    message = input_message(column, lang)
    if message:
        opts["input_title"] = _title(column.header(lang))
        opts["input_message"] = message
    rule = column.field.validation(lang, cell, {**ranges, "case_ids": f"={CASE_IDS_NAME}"})
    if rule is not None:
        opts.update(rule, error_title=_title(styles.MSG_WRONG[lang]))
    elif message:
        opts["validate"] = "any"
    else:
        return None
    return opts


def setting_validation(setting, lang: str) -> dict | None:
    """The settings' value cells, by the setting's field: dates are dates, thresholds whole numbers within
    their limits, the unit and the language one of their values."""
    rule = setting.field.validation(lang, None, {})
    if rule is None:
        return None
    rule.pop("error_type", None)  # a setting is typed once: Excel stops a wrong value there
    opts = {"ignore_blank": True, **rule, "error_title": _title(styles.MSG_WRONG[lang])}
    hint = setting.field.hint(lang)
    if hint:
        opts.update(input_title=_title(setting.labels[lang]), input_message=hint)
    return opts
