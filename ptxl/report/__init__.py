"""The impact report: the evaluation note's figures, tables and case studies, from a ``pipeline.Results``."""

from __future__ import annotations

from pathlib import Path


def write_report(results, out: str | Path, lang: str | None = None, protect=None) -> Path:
    """Fill the report template with ``results`` (``pipeline.compute``, then ``pipeline.publish`` for a
    report to publish: counts below the workbook's small-cell threshold hidden).

    ``lang``: the report's language (default: the workbook's).
    ``protect``: finished .docx bytes → bytes to write (``ptxl.protect.Protection.office``).
    """
    from .render import render_report
    return render_report(results, out, lang or results.lang, protect=protect)
