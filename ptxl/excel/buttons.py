"""The fallback for offices that cannot install the add-in: a ``.xlsm`` with the buttons on its home sheet.

Why it is only a fallback: a macro workbook that travels by e-mail is blocked by
Office (mark of the web) and trains staff to click "enable macros". The add-in
keeps the data workbook a plain ``.xlsx``. When an office cannot install add-ins,
``ptxl new --with-buttons`` writes the same workbook as ``ptxl new`` plus:

- the VBA project built by ``workbook/addin/build_addin.py`` (xlwings' RunPython,
  ``PlanTogether`` and ``PlanTogetherText``: the same macros the ribbon calls),
  shipped as ``ptxl/excel/addin/vbaProject_buttons.bin`` and added by XlsxWriter, which
  then marks the package as macro-enabled (the ``.xlsm`` content type);
- one form button per line of the home sheet's button list, over its caption,
  bound to that button's macro (positions from ``layout.home.home_positions``);
- a hidden ``ptxl.conf`` sheet holding the settings the project fixes for xlwings
  (the same as the add-in's), which carries no path of this computer, so the
  file can move between computers.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

ADDIN_DIR = Path(__file__).resolve().parent / "addin"
# Button key (home sheet, = Python entry point) → macro of PlanTogether.bas.
MACROS = {"validate": "PT_Validate", "refresh": "PT_Refresh", "generate_documents": "PT_Documents",
          "help": "PT_Help"}
CONF_SETTINGS = (("ADD_WORKBOOK_TO_PYTHONPATH", "false"),)  # as build_addin.ADDIN_SETTINGS


def manifest() -> dict:
    return json.loads((ADDIN_DIR / "manifest.json").read_text(encoding="utf-8"))


def vba_project_path() -> Path:
    return ADDIN_DIR / manifest()["fallback_bin"]


def _pixels(width_chars: float) -> int:
    """Excel's column width in characters → pixels (Calibri 11, as XlsxWriter computes it)."""
    return int(width_chars * 7 + 0.5) + 5 if width_chars >= 1 else int(width_chars * 12 + 0.5)


def add_buttons(wb, sheets, fmts, *, lang: str) -> None:
    """The ``extra`` hook of ``build_workbook``: VBA project, buttons, config sheet."""
    from ..layout.home import WIDTHS, home_positions
    from .texts import button_label

    wb.add_vba_project(str(vba_project_path()))
    home = sheets["home"]
    positions = home_positions(lang)
    width = _pixels(WIDTHS[1]) - 3  # covers the caption written in the cell below it
    for key, macro in MACROS.items():
        row, col = positions[f"button:{key}"]
        home.insert_button(row, col, {"macro": macro, "caption": button_label(key, lang),
                                      "width": width, "height": 34, "x_offset": 1, "y_offset": 3,
                                      "description": button_label(key, lang)})
    name = manifest()["project_name"] + ".conf"
    conf = wb.add_worksheet(name)
    for r, (key, value) in enumerate(CONF_SETTINGS):
        conf.write_string(r, 0, key)
        conf.write_string(r, 1, value)
    conf.set_column(0, 0, 34)
    conf.hide()


def build_with_buttons(path: str | Path, lang: str) -> Path:
    """Write the ``.xlsm`` fallback at ``path`` (which must end in ``.xlsm``), or into a binary file object."""
    from ..build.workbook import build_workbook
    path = path if hasattr(path, "write") else Path(path)
    if isinstance(path, Path) and path.suffix.lower() != ".xlsm":
        raise ValueError("a workbook with buttons must be named .xlsm")
    return build_workbook(path, lang, extra=partial(add_buttons, lang=lang))
