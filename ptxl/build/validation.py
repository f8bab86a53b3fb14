"""Excel data validation for each entry column: the dropdown, the input message, the error box.

Pure functions returning XlsxWriter ``data_validation`` options, so a test can
check every column's rule without writing a file. Excel checks only what is
typed (not what is pasted): the reader still validates everything.
"""

from __future__ import annotations

import datetime as dt

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
    """The question's full wording, then how to answer it, within Excel's 255 characters."""
    hint = {"date": styles.MSG_DATE, "date_or_year": styles.MSG_DATE_OR_YEAR,
            "score": styles.MSG_SCORE}.get(column.type, {}).get(lang)
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


def _date_or_year(cell: str) -> str:
    """A year alone (1900–2100) or a date from 1901 to 2100: both are numbers to Excel."""
    return (f"=AND(ISNUMBER({cell}),OR(AND({cell}=INT({cell}),{cell}>=1900,{cell}<=2100),"
            f"AND({cell}>=DATE(1901,1,1),{cell}<=DATE(2100,12,31))))")


def column_validation(column: Column, lang: str, ranges: dict, cell: str) -> dict | None:
    """XlsxWriter options for ``column``; ``cell`` is the first validated cell (relative formulas)."""
    opts: dict = {"ignore_blank": True}
    message = input_message(column, lang)
    if message:
        opts["input_title"] = _title(column.header(lang))
        opts["input_message"] = message
    error = {"error_title": _title(styles.MSG_WRONG[lang])}
    if column.scale is not None:
        opts.update(validate="list", source=ranges[column.scale.key], error_message=styles.MSG_LIST[lang],
                    **error)
    elif column.type == "case_ref":
        opts.update(validate="list", source=f"={CASE_IDS_NAME}", error_type="warning",
                    error_message=styles.MSG_CASE[lang], **error)
    elif column.type == "score":
        opts.update(validate="integer", criteria="between", minimum=0, maximum=10,
                    error_message=styles.MSG_SCORE[lang], **error)
    elif column.type == "date":
        opts.update(validate="date", criteria="between", minimum=dt.date(1900, 1, 1),
                    maximum=dt.date(2100, 12, 31), error_type="warning",
                    error_message=styles.MSG_DATE[lang], **error)
    elif column.type == "date_or_year":
        opts.update(validate="custom", value=_date_or_year(cell), error_type="warning",
                    error_message=styles.MSG_DATE_OR_YEAR[lang], **error)
    elif column.type == "integer":
        opts.update(validate="integer", criteria=">=", value=0, error_message=styles.MSG_INTEGER[lang],
                    **error)
    elif column.type == "number":
        opts.update(validate="decimal", criteria=">=", value=0, error_message=styles.MSG_NUMBER[lang],
                    **error)
    elif message:
        opts["validate"] = "any"
    else:
        return None
    return opts


def setting_validation(setting, lang: str) -> dict | None:
    """The settings' value cells: dates are dates, thresholds whole numbers, the language one of three."""
    error = {"error_title": _title(styles.MSG_WRONG[lang])}
    if setting.key == "language":
        return {"validate": "list", "source": ["fr", "nl", "en"], "input_title": _title(setting.labels[lang]),
                "input_message": styles.MSG_LANGUAGE[lang], **error}
    if setting.type == "unit":
        labels = get_schema().scales["evaluation_unit"].labels(lang)
        return {"validate": "list", "source": labels, "input_title": _title(setting.labels[lang]),
                "input_message": " / ".join(labels), **error}
    if setting.type == "date":
        return {"validate": "date", "criteria": "between", "minimum": dt.date(2000, 1, 1),
                "maximum": dt.date(2100, 12, 31), "error_message": styles.MSG_DATE[lang], "ignore_blank": True,
                "input_title": _title(setting.labels[lang]), "input_message": styles.MSG_DATE[lang], **error}
    if setting.type == "integer":
        return {"validate": "integer", "criteria": ">=", "value": 0, "error_message": styles.MSG_INTEGER[lang],
                "ignore_blank": True, **error}
    return None
