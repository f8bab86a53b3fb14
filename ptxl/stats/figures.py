"""Figures derived from a statistics dict, computed once for every view: the layout and the report
used to derive them each on their own (years-in-country bins twice, the baseline change and share
improved in the layout, each family's legal stay in the report).

Pure, and it works on a published (suppressed) dict as well: a hidden value (``"<5"``, ``"*"``)
gives no derived figure (None), never a figure that would give it back.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Mapping

from ..domain import years_bin_counts
from ..suppress import POSITIVE


@dataclass(frozen=True)
class Figures:
    years_bins: tuple = ()  # reviewed families per years-in-country bin of the forms, the unknown ones last
    baseline_change: dict = field(default_factory=dict)  # annex A item → latest mean − first mean (1 decimal)
    baseline_improved: dict = field(default_factory=dict)  # annex A item → share of families improved (0–1)
    legal_stay: dict = field(default_factory=dict)  # reviewed case id → whole years of legal stay (0 when blank)
    positive: dict = field(default_factory=dict)  # impact question → families answering some or considerable
    one_case_pct: float | None = None  # what one reviewed family weighs in a percentage (100 / n)


def _number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def derive(stats: Mapping, families=None) -> Figures:
    """``stats``: a ``compute_stats`` dict, published or not; ``families``: the dataset's families table."""
    years = ((stats.get("cohort") or {}).get("reviewed") or {}).get("years_in_country") or {}
    change, improved = {}, {}
    for key, item in (stats.get("baseline") or {}).items():
        first, latest, n, up = (item.get(k) for k in ("first_mean", "latest_mean", "n", "improved"))
        change[key] = round(latest - first, 1) if _number(first) and _number(latest) else None
        improved[key] = (up or 0) / n if _number(n) and n and (up is None or _number(up)) else None
    impact = stats.get("impact") or {}
    positive = {}
    for key, q in (impact.get("questions") or {}).items():
        if "positive_pct" in q:
            cells = [(q.get("counts") or {}).get(c, 0) for c in sorted(POSITIVE)]
            positive[key] = sum(cells) if all(_number(c) for c in cells) else None
    n = impact.get("n")
    return Figures(tuple(years_bin_counts(years.values())), change, improved, _legal_stay(years, families), positive,
                   100 / n if _number(n) and n else None)


def _legal_stay(years: Mapping, families) -> dict:
    legal = {}
    if families is None or not years or "legal_stay_years" not in getattr(families, "columns", ()):
        return legal
    for cid, ly in zip(families["case_id"], families["legal_stay_years"]):
        if cid in years:
            legal[cid] = 0.0 if ly is None or (isinstance(ly, float) and math.isnan(ly)) else float(ly)
    return legal
