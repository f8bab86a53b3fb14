"""The grid model of an output sheet: what the layout decides and every writer renders.

Kept apart from ``ptxl.layout`` so that the writers (zip, xlwings, XlsxWriter at
creation) depend on this small model only, not on how each sheet is laid out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from .styles import row_height

# The checks sheet of a legacy import repeats a few thousand texts over ~13,000 rows: each is
# measured once (a greedy word wrap in Python), not once per row (issue 14).
_row_height = lru_cache(maxsize=16384)(row_height)


class Cell(NamedTuple):
    """One cell (immutable). A named tuple, not a frozen dataclass: a legacy import's checks sheet makes
    ~100,000 of them per refresh, and a frozen dataclass costs three ``object.__setattr__`` calls each."""

    value: object = None  # str | int | float | bool | date | datetime | None
    style: str | None = None  # a name of model.styles.FORMATS
    link: str | None = None  # internal target, e.g. "'Familles'!D7"


@dataclass
class SheetGrid:
    """One output sheet. ``mode`` "replace" rewrites every cell; "patch" only the cells given."""

    sheet_key: str
    mode: str = "replace"
    cells: dict = field(default_factory=dict)  # (row, col), 0-based → Cell
    col_widths: dict = field(default_factory=dict)  # col → width in characters
    row_heights: dict = field(default_factory=dict)  # row → points
    merged: list = field(default_factory=list)  # (first_row, first_col, last_row, last_col)
    autofilter: tuple | None = None  # (first_row, first_col, last_row, last_col)

    def put(self, row: int, col: int, value, style: str | None = None, link: str | None = None):
        self.cells[(row, col)] = Cell(value, style, link)

    def put_row(self, row: int, values, style: str | None = None, col: int = 0):
        for j, v in enumerate(values, start=col):
            self.put(row, j, v, style)

    def tall(self, row: int, text: str, width: float, at_least: float = 15.0, bold: bool = False):
        """Make ``row`` tall enough for ``text`` wrapped in ``width`` (with room for wider fonts than Calibri)."""
        need = _row_height(text, width * 0.88, bold=bold)
        self.row_heights[row] = max(self.row_heights.get(row, 0), at_least, need)


@dataclass(frozen=True)
class ChartSpec:
    """A native chart made at creation, pointing at a fixed block of an output sheet."""

    sheet_key: str
    title: dict
    kind: str  # column | bar
    first_row: int  # 0-based row of the first category
    n_rows: int
    label_col: int = 0
    value_col: int = 1
    anchor: tuple = (0, 3)  # (row, col) of the chart's top-left corner


def quote(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"
