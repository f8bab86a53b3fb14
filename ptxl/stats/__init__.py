"""Statistics of a validated dataset, as one JSON-able dict (``ptxl stats --json`` of CLI.md).

Pure: data in, dict out; never reads a file. Who counts is decided once
(``common``): the admitted families at the reference date, and among them the
"reviewed" ones, each counted by its latest client summary dated on or before
the reference date. Engagement figures are over the reviewed families, as in
the seed note; the baseline evolution over all admitted families.
"""

from __future__ import annotations

import datetime as dt

from ..model.dataset import Dataset
from ..pilot import evaluation_unit, not_asked
from .baseline import baseline_stats
from .cohort import cohort_stats
from ..domain import admitted_families, counted_summaries, referred_families
from .engagement import engagement_stats
from .impact import impact_stats
from .summary import summary_lines

__all__ = ["compute_stats", "summary_lines"]


def compute_stats(ds: Dataset, as_of: dt.date | None = None) -> dict:
    """The statistics at ``as_of`` (default: the workbook's reference date, else today)."""
    ref = as_of or ds.reference_date
    if isinstance(ref, dt.datetime):
        ref = ref.date()
    t = ds.tables
    referred = referred_families(t["families"], ref)
    admitted = admitted_families(t["families"], ref)
    latest = counted_summaries(admitted, t["summary"], ref)
    reviewed_ids = list(latest["case_id"])
    reviewed = admitted[admitted["case_id"].isin(reviewed_ids)]
    return {
        "reference_date": ref.isoformat(),
        "impact": {**impact_stats(latest, not_asked(ds.settings)), "unit": evaluation_unit(ds.settings)},
        "cohort": cohort_stats(referred, admitted, reviewed_ids, t["members"], ref),
        "engagement": engagement_stats(reviewed, t["contacts"], ref, admitted),
        "baseline": baseline_stats(t["baseline"], admitted["case_id"], ref),
    }
