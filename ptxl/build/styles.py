"""Cell formats of the generated workbook, made once per workbook.

Every format the output sheets need is registered here at creation, so the
headless writer can reuse the style indices instead of editing styles.xml.
"""

from __future__ import annotations

ENTRY_TAB = "#2F75B5"     # blue: typed by staff
SETTINGS_TAB = "#7030A0"
OUTPUT_TAB = "#808080"    # grey: written by ptxl
HOME_TAB = "#00B050"

DEFAULT_WIDTHS = {"text": 16, "longtext": 40, "date": 12, "date_or_year": 12, "integer": 10,
                  "number": 10, "score": 12, "choice": 16, "case_ref": 12}

MSG_SCORE = {"fr": "Un nombre entier de 0 à 10.", "nl": "Een geheel getal van 0 tot 10.",
             "en": "A whole number from 0 to 10."}
MSG_DATE = {"fr": "Une date, écrite jj/mm/aaaa.", "nl": "Een datum, geschreven als dd/mm/jjjj.",
            "en": "A date, written dd/mm/yyyy."}

DATE = "dd/mm/yyyy"

# name → XlsxWriter format properties. Order matters: the layout refers to them by name.
FORMATS = {
    "header": {"bold": True, "text_wrap": True, "valign": "top", "font_color": "#FFFFFF", "bg_color": "#2F75B5"},
    "date": {"num_format": DATE},
    "wrap": {"text_wrap": True, "valign": "top"},
    "text": {"num_format": "@"},
    "muted": {"font_color": "#808080"},
    "title": {"bold": True, "font_size": 16},
    "subtitle": {"bold": True, "font_size": 12},
    "link": {"font_color": "#0563C1", "underline": 1},
    # output sheets
    "out_header": {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#D9D9D9", "border": 1},
    "out_question": {"text_wrap": True, "valign": "top", "border": 1},
    "out_count": {"num_format": "0", "align": "center", "border": 1},
    "out_pct": {"num_format": "0%", "align": "center", "border": 1},
    "out_pct_bold": {"num_format": "0%", "align": "center", "border": 1, "bold": True},
    "out_label": {"bold": True},
    "out_date": {"num_format": DATE, "align": "left"},
    "out_datetime": {"num_format": "dd/mm/yyyy hh:mm", "align": "left"},
    "out_number": {"num_format": "0.0", "align": "center", "border": 1},
    "out_error": {"font_color": "#C00000", "bold": True},
    "out_warning": {"font_color": "#9C5700"},
    "out_ok": {"font_color": "#006100"},
    "out_note": {"italic": True, "font_color": "#595959", "text_wrap": True},
}


def formats(wb) -> dict:
    return {name: wb.add_format(props) for name, props in FORMATS.items()}


def column_format(fmts: dict, column) -> object | None:
    if column.type in ("date",):
        return fmts["date"]
    if column.type == "longtext":
        return fmts["wrap"]
    if column.type in ("text", "case_ref", "date_or_year") or column.scale is not None:
        return None
    return None
