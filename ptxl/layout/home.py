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


def write_home(wb, ws, lang: str, fmts, names: Mapping[str, str]) -> None:
    for j, w in enumerate(WIDTHS):
        ws.set_column(j, j, w)
    full = WIDTHS[1] + WIDTHS[2]
    legend_fmt = {"entry": fmts["home_entry"], "settings": fmts["home_settings"], "output": fmts["home_output"]}
    for r, line in enumerate(home_lines(lang, names)):
        if line.kind == "title":
            ws.merge_range(r, 1, r, 2, line.left, fmts["title"])
            ws.set_row(r, 24)
        elif line.kind in ("para", "note"):
            ws.merge_range(r, 1, r, 2, line.left, fmts["wrap"] if line.kind == "para" else fmts["out_note"])
            ws.set_row(r, styles.row_height(line.left, full))
        elif line.kind == "heading":
            ws.write_string(r, 1, line.left, fmts["subtitle"])
            ws.set_row(r, 20)
        elif line.kind == "link":
            ws.write_url(r, 1, f"internal:{_quote(names[line.key])}!A1", fmts["home_link"], string=line.left)
            ws.write_string(r, 2, line.right, fmts["wrap"])
            ws.set_row(r, styles.row_height(line.right, WIDTHS[2]))
        elif line.kind == "legend":
            ws.write_string(r, 1, line.left, legend_fmt[line.key])
            ws.write_string(r, 2, line.right, fmts["wrap"])
            ws.set_row(r, styles.row_height(line.right, WIDTHS[2]))
        elif line.kind == "button":
            ws.write_string(r, 1, line.left, fmts["home_item"])
            ws.write_string(r, 2, line.right, fmts["wrap"])
            ws.set_row(r, max(30, styles.row_height(line.right, WIDTHS[2])))
        elif line.kind == "refresh":
            ws.write_string(r, 1, line.left, fmts["subtitle"])
            ws.write_string(r, 2, line.right, fmts["muted"])
            ref = f"={_quote(names['home'])}!${column_letter(2)}${r + 1}"
            wb.define_name(LAST_REFRESH_NAME, ref)
    ws.hide_gridlines(2)
    styles.page_setup(ws, sum(WIDTHS), H.PRINT_HEADER[lang], landscape=False, repeat_header=False)
    ws.protect()
    ws.activate()
    ws.set_tab_color(styles.HOME_TAB)
