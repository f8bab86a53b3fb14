"""Cell formats, messages and page set-up of the generated workbook, made once per workbook.

Every format the output sheets need is registered here at creation, so the
headless writer can reuse the style indices instead of editing styles.xml.
The names of ``FORMATS`` are a contract with the other writers: add, never rename.
"""

from __future__ import annotations

import math

from ptxl.i18n import register as _register

ENTRY_TAB = "#2F75B5"     # blue: typed by staff
SETTINGS_TAB = "#7030A0"  # purple: typed once
OUTPUT_TAB = "#808080"    # grey: written by ptxl
HOME_TAB = "#00B050"

ENTRY_FILL = "#DDEBF7"     # light versions of the tab colours, for the home sheet's legend
SETTINGS_FILL = "#E4DFEC"
OUTPUT_FILL = "#EDEDED"
VALUE_FILL = "#FFF2CC"     # the settings' value column: "type here"

CHARS_PER_UNIT = 1.2  # average characters of text per unit of column width (Calibri 11, proportional)
BOLD = 0.9            # bold text is ~10 % wider
FIT = 0.9             # the share of a column's width that estimates count on (the rest is margin)

# Validation messages of each type are its field's (ptxl.fields); the error box's title is the workbook's.
MSG_WRONG = {"fr": "Valeur non valable", "nl": "Ongeldige waarde", "en": "Invalid value"}
DATE = "dd/mm/yyyy"

# The builder writes one blank cell per format below on this row of the lists sheet; the headless
# writer reads their style indices back (a contract between build and write, so it lives here).
SWATCH_ROW = 999  # 0-based (row 1000 in Excel)

# name → XlsxWriter format properties. Order matters (the lists sheet's style swatch follows it):
# add new formats at the end, never rename or reorder.
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
    "out_count": {"num_format": "0", "align": "center", "valign": "vcenter", "border": 1},
    "out_pct": {"num_format": "0%", "align": "center", "valign": "vcenter", "border": 1},
    "out_pct_bold": {"num_format": "0%", "align": "center", "valign": "vcenter", "border": 1, "bold": True},
    "out_label": {"bold": True},
    "out_date": {"num_format": DATE, "align": "left"},
    "out_datetime": {"num_format": "dd/mm/yyyy hh:mm", "align": "left"},
    "out_number": {"num_format": "0.0", "align": "center", "valign": "vcenter", "border": 1},
    "out_error": {"font_color": "#C00000", "bold": True},
    "out_warning": {"font_color": "#9C5700"},
    "out_ok": {"font_color": "#006100"},
    "out_note": {"italic": True, "font_color": "#595959", "text_wrap": True},
    # entry columns: long text kept as text (a note starting with "=" stays a note)
    "longtext": {"num_format": "@", "text_wrap": True, "valign": "top"},
    # home sheet
    "home_item": {"bold": True, "valign": "top"},
    "home_link": {"font_color": "#0563C1", "underline": 1, "valign": "top"},
    "home_entry": {"bg_color": ENTRY_FILL, "border": 1, "border_color": ENTRY_TAB, "valign": "top"},
    "home_settings": {"bg_color": SETTINGS_FILL, "border": 1, "border_color": SETTINGS_TAB, "valign": "top"},
    "home_output": {"bg_color": OUTPUT_FILL, "border": 1, "border_color": OUTPUT_TAB, "valign": "top"},
    # settings sheet: the key is ptxl's, the value is the user's
    "setting_key": {"font_color": "#808080", "bg_color": "#F2F2F2", "valign": "top"},
    "setting_label": {"text_wrap": True, "valign": "top"},
    "setting_value": {"num_format": "@", "bg_color": VALUE_FILL, "border": 1, "border_color": "#BF8F00",
                      "align": "left"},
    "setting_value_date": {"num_format": DATE, "bg_color": VALUE_FILL, "border": 1, "border_color": "#BF8F00",
                           "align": "left"},
    "setting_value_int": {"bg_color": VALUE_FILL, "border": 1, "border_color": "#BF8F00",
                          "align": "left"},
    "setting_fixed": {"font_color": "#808080", "bg_color": "#F2F2F2", "border": 1, "border_color": "#BFBFBF",
                      "align": "left"},
    # one-line-per-item output lists (alerts, checks): every cell top-aligned beside a wrapped message
    "list_date": {"num_format": DATE, "valign": "top", "align": "left"},
    "list_number": {"valign": "top"},
    "list_error": {"font_color": "#C00000", "bold": True, "valign": "top"},
    "list_warning": {"font_color": "#9C5700", "valign": "top"},
    "list_note": {"italic": True, "font_color": "#595959", "valign": "top"},
    # entry columns (added later: formats are appended, never reordered)
    "entry_text": {"num_format": "@", "valign": "top"},
    "entry_date": {"num_format": DATE, "valign": "top"},
    "entry_general": {"valign": "top"},
    "entry_choice": {"text_wrap": True, "valign": "top"},  # a dropdown label longer than its column wraps
}


def formats(wb) -> dict:
    return {name: wb.add_format(props) for name, props in FORMATS.items()}


def column_format(fmts: dict, column):
    """The format of a whole entry column: what a typed cell looks like before anyone formats it.

    Its field names it (``ptxl.fields``): ``date_or_year`` stays General on purpose (a date format
    would show a year typed alone, 1985, as a date in 1905); numbers stay General too (a "0"
    format would show a pasted 7.5 as 8).
    """
    return fmts[column.field.entry_format]


CHOICE_LINES = 2     # a dropdown label takes at most two lines in its column…
CHOICE_MAX_WIDTH = 40  # …unless that would make the column wider than this (it then takes three or more)
HEADER_LINES = 3     # a header takes at most three lines: no header row taller than its text needs


def column_width(column, lang: str | None = None) -> float:
    """An entry column's width: the form's, widened so that its labels and header print whole.

    Without ``lang``, the form's width alone. With it, wide enough for every dropdown label in
    ``CHOICE_LINES`` lines (the cells wrap) and for the header in ``HEADER_LINES`` lines with each
    word whole. A header with a hyphenated word ("Logement (0-10)") gets one line: Excel and
    LibreOffice may break after the hyphen ("(0-" / "10)"). Estimates, with the margin of ``FIT``:
    tests/test_print_whole.py measures the real result.
    """
    width = column.width or column.field.width
    if lang is None:
        return width
    if column.scale is not None:
        longest = max(column.scale.labels(lang), key=len)
        while wrapped_lines(longest, width * FIT) > CHOICE_LINES and width < CHOICE_MAX_WIDTH:
            width += 1
    header = column.header(lang)
    lines = 1 if "-" in header else HEADER_LINES
    longest_word = max(len(w) for w in header.split())
    while (wrapped_lines(header, width * FIT * BOLD) > lines
           or longest_word > width * FIT * BOLD * CHARS_PER_UNIT):
        width += 1
    return width


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a wrapped cell ``width`` characters wide (greedy word wrap).

    An estimate (proportional font, so ~1.2 average characters per width unit),
    good enough to size rows that neither Excel nor LibreOffice resize by themselves
    (merged cells, rows written with an explicit height).
    """
    per_line = max(1, int(width * CHARS_PER_UNIT))
    lines = 0
    for paragraph in str(text).split("\n"):
        if len(paragraph) <= per_line:  # its words, single-spaced, cannot be longer: one line
            lines += 1
            continue
        words = paragraph.split()
        if any(len(w) > per_line for w in words):  # a word longer than a line: cut in pieces of a line,
            words = [w[i:i + per_line] for w in words for i in range(0, len(w), per_line)]  # placed like words
        lines += _broken_lines(" ".join(words), per_line)
    return max(1, lines)


def _broken_lines(words: str, per_line: int) -> int:
    """The lines of single-spaced ``words``, none longer than a line, wrapped greedily: each line broken
    at its last space within ``per_line`` characters.

    The same lines as placing the words one by one, found with one ``rfind`` a line instead of a step a
    word: the alerts sheet sizes ~1,600 distinct messages of two or three lines (issue 14)."""
    count, start = 1, 0
    while len(words) - start > per_line:
        start = words.rfind(" ", start, start + per_line + 1) + 1  # found: no word is longer than a line
        count += 1
    return count


def row_height(text: str, width: float, line: float = 15.0, bold: bool = False) -> float:
    """Row height in points for ``text`` wrapped in ``width`` (bold text is ~10 % wider)."""
    return line * wrapped_lines(text, width * (BOLD if bold else 1.0)) + 3


# Page set-up: A4, readable scale. Sheets wider than one page are split in columns of
# pages rather than shrunk below ~75 % (an entry sheet is 5–30 columns wide).
A4 = 9
CHARS_PER_LANDSCAPE_PAGE = 170


def page_setup(ws, width_chars: float, title: str, landscape: bool = True, repeat_header: bool = True,
               repeat_first_column: bool = False):
    """Print like a form: header row on every page, sheet name and page n/N in the margins."""
    ws.set_paper(A4)
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
    pages_wide = max(1, math.ceil(width_chars / CHARS_PER_LANDSCAPE_PAGE)) if landscape else 1
    ws.fit_to_pages(pages_wide, 0)
    if repeat_header:
        ws.repeat_rows(0)
    if repeat_first_column and pages_wide > 1:
        ws.repeat_columns(0)
    ws.set_header(f"&L&\"-,Bold\"{_escape_hf(title)}&R&A", {"margin": 0.3})
    ws.set_footer("&R&P / &N", {"margin": 0.3})


def _escape_hf(text: str) -> str:
    """Header/footer text is a mini-language where ``&`` starts a code."""
    return text.replace("&", "&&")

# Into the one catalogue (ptxl.i18n): codes "styles.…".
TEXTS = _register("styles", {"msg_wrong": MSG_WRONG})
