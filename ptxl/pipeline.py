"""The one pipeline every entry point runs: ``load(source) → Loaded``, ``compute(Loaded) → Results``,
``publish(Results) → Results``, then a view (layout, report, documents, export, network).

Why one entry: the command line, the Excel buttons and the network each used to load, compute and
suppress on their own, and the report re-derived percentages and suppression the layout derived
otherwise. Here each step happens once and ``Results`` carries everything a view shows, so a view
only formats and two views of the same Results cannot disagree.

``Results`` is frozen: ``publish`` returns a new one. The alerts, the case studies and the case files
(the Word documents' figures) are computed on first use, once (``ptxl stats`` never pays for what it
does not show); the statistics and the figures derived from them are computed in ``compute``.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from .gcpause import gc_paused
from .stats.figures import Figures, derive
from .validate import Loaded, WithFindings


@dataclass(frozen=True)
class Results(WithFindings):
    """Everything the views show of one workbook at one reference date."""

    stats: dict  # what ``ptxl stats --json`` prints (CLI.md); suppressed once published
    figures: Figures  # bins, baseline change, share improved, legal stay: derived from ``stats``
    findings: list
    lang: str
    reference_date: dt.date | None
    settings: dict
    dataset: object = None  # ``model.Dataset``: documents are rendered from a case's rows
    source: str | None = None  # the workbook's file name (the network names its pilots by it)
    threshold: int | None = None  # the small-cell threshold once published, else None
    computed_at: dt.datetime | None = None
    _lazy: dict = field(default_factory=dict, compare=False, repr=False)  # alerts, case studies, files: once

    @property
    def published(self) -> bool:
        return self.threshold is not None

    @property
    def unit(self) -> str:
        return (self.stats.get("impact") or {}).get("unit", "family")

    @property
    def alerts(self) -> list:
        """``compute_alerts`` at the reference date, most urgent first."""
        if "alerts" not in self._lazy:
            from .alerts import compute_alerts
            self._lazy["alerts"] = compute_alerts(self.dataset, self.reference_date) if self.dataset is not None else []
        return self._lazy["alerts"]

    @property
    def case_files(self):
        """``stats.casefiles.case_files`` at the reference date: each case's figures the Word documents show
        (``model.CaseFiles``), each case computed on first use (``ptxl stats`` never pays for them)."""
        if "case_files" not in self._lazy:
            from .model.casefile import CaseFiles
            from .stats.casefiles import case_files
            self._lazy["case_files"] = (case_files(self.dataset, self.reference_date) if self.dataset is not None
                                        else CaseFiles(self.lang, self.reference_date, self.settings))
        return self._lazy["case_files"]

    @property
    def case_studies_missing(self) -> list:
        """The families marked "Case study" whose narrative is not in ``case_studies``: none written, or
        only undated or later ones (the report says so, rather than "no family is marked")."""
        if "case_studies_missing" not in self._lazy:
            from .stats.studies import marked_families
            shown = {s["case_id"] for s in self.case_studies}
            self._lazy["case_studies_missing"] = [c for c in marked_families(self.dataset) if c not in shown]
        return self._lazy["case_studies_missing"]

    @property
    def case_studies(self) -> list:
        """The report's case studies (``stats.studies``): marked families' narratives, names blanked."""
        if "case_studies" not in self._lazy:
            from .stats.studies import chosen_case_studies
            self._lazy["case_studies"] = chosen_case_studies(self.dataset, self.reference_date)
        return self._lazy["case_studies"]


def load(source, as_of: dt.date | None = None, password: str | None = None):
    """A path, bytes, ``read.named_source``, an encrypted file (``password`` or the key as ever) or a live
    Excel book's raw tables (``read.RawWorkbook``, from ``excel.read``) → ``validate.Loaded``.

    File problems raise the reader's ``PtxlError``s unchanged.
    """
    from .read import RawWorkbook
    from .validate import load_raw, load_workbook
    if isinstance(source, RawWorkbook):
        return load_raw(source, as_of)
    return load_workbook(source, as_of, password)


@gc_paused
def compute(loaded, as_of: dt.date | None = None, now: dt.datetime | None = None) -> Results:
    """``Loaded`` → ``Results`` at ``as_of`` (default: the workbook's reference date)."""
    from .stats import compute_stats
    ds = loaded.dataset
    stats = compute_stats(ds, as_of)
    path = getattr(loaded, "path", None)
    return Results(stats, derive(stats, ds.tables.get("families")), list(loaded.findings), loaded.lang,
                   dt.date.fromisoformat(stats["reference_date"]), ds.settings, ds,
                   path.name if path is not None else None, None,
                   (now or dt.datetime.now()).replace(microsecond=0))


def publish(results: Results, threshold: int | None = None, *, fold_nationalities: bool = False) -> Results:
    """Small-cell suppression (``ptxl.suppress``), applied once: every view then shows the figures as they are.

    ``threshold`` default: the workbook's settings. ``fold_nationalities``: rare nationalities joined
    into "other" first (``export_linkage``: the anonymised export's rule). Publishing twice is refused:
    the second pass would hide cells on figures already hidden.
    """
    from .suppress import small_cell_threshold, suppress_stats
    if results.published:
        raise ValueError("these results are already published")
    t = small_cell_threshold(results.settings) if threshold is None else threshold
    stats = copy.deepcopy(results.stats)
    if fold_nationalities:
        from .export_linkage import fold_profile_nationalities
        stats = fold_profile_nationalities(stats, t)
    stats = suppress_stats(stats, t)
    families = results.dataset.tables.get("families") if results.dataset is not None else None
    return dataclasses.replace(results, stats=stats, figures=derive(stats, families), threshold=t,
                               _lazy=results._lazy)


def export_results(loaded, as_of: dt.date | None = None, threshold: int | None = None,
                   now: dt.datetime | None = None) -> Results:
    """``Loaded`` → the published Results of an anonymised export, computed once: the statistics over the
    export's own nationality categories (a listed country or "other", rare ones folded), so ``stats.json``
    and the exported tables agree. The dataset stays the workbook's: the export anonymises its rows itself."""
    from . import export_linkage as linkage
    from .suppress import small_cell_threshold
    ds = loaded.dataset
    t = small_cell_threshold(ds.settings) if threshold is None else threshold
    exported = linkage.with_nationalities(ds, linkage.export_nationality(ds, t))
    path = getattr(loaded, "path", None)
    again = compute(Loaded(exported, loaded.findings, loaded.lang), as_of, now)
    again = dataclasses.replace(again, dataset=ds, source=path.name if path is not None else None)
    return publish(again, t, fold_nationalities=True)


def publish_for_export(results: Results, threshold: int | None = None) -> Results:
    """``export_results`` of Results already computed (the tests' and the library's way in)."""
    loaded = Loaded(results.dataset, results.findings, results.lang)
    published = export_results(loaded, results.reference_date, threshold, results.computed_at)
    return dataclasses.replace(published, source=results.source)


def from_stats(stats: dict, dataset=None, lang: str | None = None, findings=(), alerts=None,
               settings: dict | None = None, now: dt.datetime | None = None) -> Results:
    """Results around a statistics dict computed elsewhere: the builder's empty tables (``{}``), a test's
    golden figures. ``alerts`` given are kept as they are (else computed from ``dataset`` on first use)."""
    ref = stats.get("reference_date")
    settings = settings if settings is not None else (dataset.settings if dataset is not None else {})
    lazy = {} if alerts is None else {"alerts": list(alerts)}
    families = dataset.tables.get("families") if dataset is not None else None
    return Results(stats, derive(stats, families), list(findings),
                   lang or (dataset.lang if dataset is not None else "fr"),
                   dt.date.fromisoformat(ref) if isinstance(ref, str) else ref, settings, dataset,
                   None, None, now, lazy)
