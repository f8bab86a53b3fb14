"""The impact report: the evaluation note's figures, tables and case studies, generated from the workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path


def write_report(path: str | Path, out: str | Path, as_of: dt.date | None = None, lang: str | None = None,
                 suppress: bool = False, loaded=None, protect=None) -> Path:
    """Load and check the workbook, compute the statistics, fill the report template.

    ``suppress``: for publication, counts below the workbook's small-cell threshold are hidden.
    ``loaded``: the workbook already loaded (``ptxl.validate.Loaded``) by the caller.
    ``protect``: finished .docx bytes → bytes to write (``ptxl.protect.Protection.office``).
    """
    from ..stats import compute_stats
    from ..validate import load_workbook
    from .render import render_report

    loaded = loaded or load_workbook(path, as_of=as_of)
    stats = compute_stats(loaded.dataset, as_of)
    threshold = loaded.dataset.settings.small_cell_threshold if suppress else None
    return render_report(stats, out, loaded.dataset, lang or loaded.lang, suppress=threshold, protect=protect)
