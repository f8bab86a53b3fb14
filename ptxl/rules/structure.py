"""Structure problems of the workbook itself (not of one entry): errors, never crashes.

A missing sheet, a missing or renamed column (with the header it should have),
a duplicated header, headers moved down, merged cells across a table, formulas
or Excel error values where typed values are expected.
"""

from __future__ import annotations

from ..read import RawWorkbook, suggest_header
from ..schema import column_letter, get_schema
from . import Context


def check(raw: RawWorkbook, ctx: Context) -> list:
    sch = get_schema()
    out = []
    for key in raw.missing_sheets:
        out.append(ctx.finding("sheet.missing", key, expected=sch.sheet(key).name(ctx.lang)))
    for key, t in raw.tables.items():
        sheet = sch.sheet(key)
        expected_name = sheet.name(ctx.lang)
        if t.found_by != "name" and t.name != expected_name:
            out.append(ctx.finding("sheet.renamed", key, expected=expected_name))
        if t.header_row != 1:
            out.append(ctx.finding("header.moved", key, n=t.header_row))
        for ckey in t.missing:
            wanted = sheet.column(ckey).header(ctx.lang)
            guess = suggest_header(t, wanted)
            if guess is not None:
                j, _text = guess
                out.append(ctx.finding("column.renamed", key, ckey, t.header_row, expected=wanted,
                                       cell_letter=column_letter(j)))
            else:
                out.append(ctx.finding("column.missing", key, ckey, None, expected=wanted))
        for ckey, j in t.duplicates:
            out.append(ctx.finding("column.duplicate", key, ckey, t.header_row,
                                   expected=sheet.column(ckey).header(ctx.lang),
                                   other=column_letter(t.columns[ckey]), cell_letter=column_letter(j)))
        for (r0, c0), (r1, c1) in t.merged:
            rng = f"{column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1}"
            out.append(ctx.finding("cell.merged", key, None, r0 + 1, range=rng, cell_letter=column_letter(c0)))
        by_index = {j: k for k, j in t.columns.items()}
        for code, cells in (("cell.formula", t.formulas), ("cell.error", t.errors)):
            for row, j in cells:
                ckey = by_index[j]
                out.append(ctx.finding(code, key, ckey, row))
                ctx.unreadable.add((key, row, ckey))
    return out
