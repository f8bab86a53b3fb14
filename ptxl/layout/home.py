"""The home sheet: what to fill in, in which order, what each button does.

The sheet is first laid out as a list of lines (pure data, one per row), then
written. Other writers find things on it without knowing the layout:
``home_positions()`` gives the row of each button's description (where the
``.xlsm`` fallback puts its buttons) and the cell of the last-refresh time,
which the workbook also names ``ptxlLastRefresh``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..schema import DEFAULT_LANG, get_schema, column_letter
from ..schema import HOME as H
from ..model import styles
from ..pilot import unit_text

# Columns: A margin, B item / link / button caption, C explanation.
WIDTHS = (2, 30, 84)
LAST_REFRESH_NAME = "ptxlLastRefresh"


@dataclass(frozen=True)
class Line:
    kind: str  # title | para | heading | link | legend | button | note | refresh | blank
    left: str = ""
    right: str = ""
    key: str | None = None  # sheet key (link), sheet kind (legend), button key (button)


def home_lines(lang: str, names: Mapping[str, str]) -> list[Line]:
    """The home sheet, row by row (row i of the sheet is ``lines[i]``)."""
    lines = [Line("title", H.TITLE[lang]), Line("blank"), Line("para", H.INTRO[lang]), Line("blank"),
             Line("heading", H.ORDER_TITLE[lang])]
    for n, (key, text) in enumerate(H.ORDER, start=1):
        lines.append(Line("link", f"{n}. {names[key]}", text[lang], key))
    lines += [Line("blank"), Line("heading", H.LEGEND_TITLE[lang])]
    lines += [Line("legend", short[lang], text[lang], kind) for kind, short, text in H.LEGEND]
    lines += [Line("blank"), Line("heading", H.BUTTONS_TITLE[lang])]
    lines += [Line("button", b["label"][lang], b["text"][lang], b["key"]) for b in H.BUTTONS]
    lines += [Line("note", H.NO_RIBBON[lang]), Line("blank"), Line("heading", H.TIPS_TITLE[lang])]
    lines += [Line("para", t[lang]) for t in H.TIPS]
    lines += [Line("blank"), Line("refresh", H.LAST_REFRESH[lang], H.NOT_YET[lang])]
    return lines


def home_positions(lang: str = DEFAULT_LANG) -> dict:
    """0-based cells of the home sheet other writers need: ``button:<key>`` → (row, col), ``last_refresh``."""
    names = {s.key: s.name(lang) for s in get_schema().sheets}
    out = {}
    for row, line in enumerate(home_lines(lang, names)):
        if line.kind == "button":
            out[f"button:{line.key}"] = (row, 1)
        elif line.kind == "refresh":
            out["last_refresh"] = (row, 2)
    return out


def _quote(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


# Where each kind of line writes its texts, in which style: (column, field of ``Line``, format name).
# The builder writes them so, and so does a refresh re-saying them for the pilot's unit of a case.
TEXTS = {"title": ((1, "left", "title"),), "para": ((1, "left", "wrap"),), "note": ((1, "left", "out_note"),),
         "heading": ((1, "left", "subtitle"),), "link": ((2, "right", "wrap"),), "legend": ((2, "right", "wrap"),),
         "button": ((1, "left", "home_item"), (2, "right", "wrap"))}


def row_height(line: Line) -> float | None:
    """The height of a line's row: its text wrapped in the width it is written over."""
    if line.kind == "title":
        return 24
    if line.kind in ("para", "note"):
        return styles.row_height(line.left, WIDTHS[1] + WIDTHS[2])
    if line.kind == "heading":
        return 20
    if line.kind in ("link", "legend"):
        return styles.row_height(line.right, WIDTHS[2])
    if line.kind == "button":
        return max(30, styles.row_height(line.right, WIDTHS[2]))
    return None


def unit_texts(lang: str, names: Mapping[str, str], unit: str) -> list[tuple[int, int, str, str, float | None]]:
    """(row, col, text, format, row height) of every text that names the unit of a case, said for ``unit``.

    The builder writes the sheet before the pilot chooses ``evaluation_unit``; a refresh rewrites
    these cells (and only these), so the sheet says families or persons as the settings do. A sheet's
    name (a link's caption) is never re-said: the entry sheets keep their names.
    """
    out = []
    for row, line in enumerate(home_lines(lang, names)):
        for col, field, fmt in TEXTS.get(line.kind, ()):
            text = getattr(line, field)
            if field == "left" and line.kind == "link":
                continue
            if unit_text(text, "person", lang) != text:  # a text that says "family" somewhere
                said = Line(line.kind, **{"left": line.left, "right": line.right, field: unit_text(text, unit, lang)})
                out.append((row, col, getattr(said, field), fmt, row_height(said)))
    return out


def write_home(wb, ws, lang: str, fmts, names: Mapping[str, str]) -> None:
    for j, w in enumerate(WIDTHS):
        ws.set_column(j, j, w)
    legend_fmt = {"entry": fmts["home_entry"], "settings": fmts["home_settings"], "output": fmts["home_output"]}
    for r, line in enumerate(home_lines(lang, names)):
        cells = {col: (getattr(line, field), fmts[fmt]) for col, field, fmt in TEXTS.get(line.kind, ())}
        if line.kind in ("title", "para", "note"):
            ws.merge_range(r, 1, r, 2, *cells[1])
        elif line.kind == "heading":
            ws.write_string(r, 1, *cells[1])
        elif line.kind == "link":
            ws.write_url(r, 1, f"internal:{_quote(names[line.key])}!A1", fmts["home_link"], string=line.left)
        elif line.kind == "legend":
            ws.write_string(r, 1, line.left, legend_fmt[line.key])
        elif line.kind == "button":
            ws.write_string(r, 1, *cells[1])
        elif line.kind == "refresh":
            ws.write_string(r, 1, line.left, fmts["subtitle"])
            ws.write_string(r, 2, line.right, fmts["muted"])
            ref = f"={_quote(names['home'])}!${column_letter(2)}${r + 1}"
            wb.define_name(LAST_REFRESH_NAME, ref)
        if 2 in cells:
            ws.write_string(r, 2, *cells[2])
        if row_height(line) is not None:
            ws.set_row(r, row_height(line))
    ws.hide_gridlines(2)
    styles.page_setup(ws, sum(WIDTHS), H.PRINT_HEADER[lang], landscape=False, repeat_header=False)
    ws.protect()
    ws.activate()
    ws.set_tab_color(styles.HOME_TAB)
