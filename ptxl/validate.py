"""The public reading pipeline: file → raw tables → Dataset + sorted findings.

``load_workbook`` is what every command calls (validate, stats, docs, refresh);
``validate_dataset`` is the pure part, usable on ``Dataset.from_rows`` in tests.
Reading never writes: the file is read once into memory and never reopened.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

from .model.dataset import Dataset, Finding
from .gcpause import gc_paused
from .schema import get_schema

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


class WithFindings:
    """The errors, warnings and notes among ``self.findings``: of a loaded workbook and of its results alike."""

    findings: list

    @property
    def errors(self) -> list:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def infos(self) -> list:
        """The findings that are neither: notes (``info``)."""
        return [f for f in self.findings if f.severity not in ("error", "warning")]


@dataclass
class Loaded(WithFindings):
    dataset: Dataset
    findings: list = field(default_factory=list)
    lang: str = "fr"
    path: Path | None = None

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0

    @functools.cached_property
    def case_files(self):
        """``stats.casefiles.case_files`` of the dataset at its reference date, computed once: what ``ptxl docs``
        formats when it runs without the statistics."""
        from .stats.casefiles import case_files
        return case_files(self.dataset)


def validate_dataset(ds: Dataset, as_of: dt.date | None = None, ctx=None) -> list:
    """All rules over a typed dataset → sorted findings. Pure; ``ctx`` carries this workbook's layout."""
    from .pilot import evaluation_unit, unit_scope
    from .rules import Context, all_rules
    ctx = ctx or Context.for_schema(ds.lang)
    ctx.as_of = as_of or ctx.as_of or ds.reference_date
    out = []
    with unit_scope(evaluation_unit(ds.settings)):  # messages say families or persons, as the settings do
        for rule in all_rules():
            out.extend(rule(ds, ctx))
    return sort_findings(out, ctx)


def sort_findings(findings: list, ctx=None, sheet_order: list | None = None) -> list:
    """Sheet order of the workbook, then row, then column (letters compared by length then text)."""
    sch = get_schema()
    if sheet_order is None:
        names = ctx.names if ctx is not None else {}
        sheet_order = [names.get(s.key, s.key) for s in sch.sheets]
    rank = {name: i for i, name in enumerate(sheet_order)}

    def key(f: Finding):
        col = f.column or ""
        return (rank.get(f.sheet, len(rank)), f.row or 0, len(col), col, SEVERITY_ORDER.get(f.severity, 3),
                f.code)
    return sorted(findings, key=key)


@gc_paused
def load_workbook(path, as_of: dt.date | None = None, password: str | None = None) -> Loaded:
    """Read, normalise and validate a workbook. File problems raise ``ptxl.model.errors.PtxlError``.

    ``path`` may also be bytes or a binary file-like (e.g. a decrypted copy in memory).
    ``as_of`` overrides the workbook's reference date for the statistics (it is stored in the dataset's
    settings); entries are still checked against the later of the two dates.
    """
    from .read import read_workbook
    raw = read_workbook(path, password=password)
    return load_raw(raw, as_of, Path(path) if isinstance(path, (str, Path)) else None)


@gc_paused
def load_raw(raw, as_of: dt.date | None = None, path: Path | None = None) -> Loaded:
    """``read.RawWorkbook`` → ``Loaded``: normalise and validate (shared with the live Excel reader)."""
    from .normalise import context_for, normalise
    from .rules import structure
    ctx = context_for(raw)
    found = structure.check(raw, ctx)
    ds, read_findings = normalise(raw, ctx)
    # Entries are checked at the workbook's own reference date (or a later --as-of): with an earlier
    # as_of, later entries are not mistakes, they did not exist yet on that day; the statistics,
    # which read ``ds.reference_date``, leave them out.
    checked_at = ds.reference_date
    if as_of is not None:
        ds.settings = ds.settings.replace(reference_date=as_of)
        checked_at = max(checked_at, as_of)
    ctx.as_of = checked_at
    found += read_findings
    found += validate_dataset(ds, ctx.as_of, ctx)
    return Loaded(ds, sort_findings(found, ctx, list(raw.sheet_names)), raw.lang, path)


def print_findings(findings: list, lang: str, name: str, console=None, rerender: bool = True,
                   unit: str | None = None) -> None:
    """The readable ``ptxl validate`` report: one table per sheet, then a one-line summary.

    ``rerender`` False: the findings' texts are already in ``lang`` (the workbook's), kept as they are;
    otherwise they are said again in ``lang`` for the workbook's ``unit`` (families or persons).
    """
    from itertools import groupby

    from rich.console import Console
    from rich.table import Table

    from .rules.messages import ui
    console = console or Console(soft_wrap=False)
    if not findings:
        console.print(ui("clean", lang, name=name))
        return
    from .pilot import said_for
    adapt = said_for(unit)
    style = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    for sheet, group in groupby(findings, key=lambda f: f.sheet):
        table = Table(title=sheet, title_justify="left", title_style="bold", show_lines=False, expand=False)
        table.add_column(ui("cell", lang), no_wrap=True)
        table.add_column(ui("case", lang), no_wrap=True)
        table.add_column(ui("severity", lang), no_wrap=True)
        table.add_column(ui("message", lang), overflow="fold")
        for f in group:
            table.add_row(f.cell or "", f.case_id or "", f"[{style.get(f.severity, '')}]{ui(f.severity, lang)}[/]",
                          f.render(lang, adapt) if rerender else f.message)
        console.print(table)
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    console.print(ui("summary", lang, name=name, errors=counts["error"], warnings=counts["warning"],
                     infos=counts["info"]))
