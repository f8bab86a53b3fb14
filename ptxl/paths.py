"""Where ptxl's Word templates are (the Excel add-in is package data: ``ptxl/excel/addin/``).

In a clone (editable install) they are the repository's ``templates/`` folder, so
staff's restyled templates are used at once; an installed wheel carries copies under
``<prefix>/share/ptxl/templates/``. The environment
variable PTXL_TEMPLATES points at an office's own template folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARE = Path(sys.prefix) / "share" / "ptxl"


def _first(*candidates: Path) -> Path:
    for c in candidates:
        if c.exists():
            return c
    return candidates[0]


def templates_dir() -> Path:
    env = os.environ.get("PTXL_TEMPLATES")
    if env:
        return Path(env)
    return _first(REPO / "templates", SHARE / "templates")
