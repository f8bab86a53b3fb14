"""Annex A evolution: first and latest score of each item, and who improved.

Paired comparison, decided where the seed is silent: an item counts a family
(``n``) when the family has at least two scored assessments of it dated on or
before the reference date; ``first_mean`` and ``latest_mean`` are over those same
families, so the two means and improved + unchanged + worsened all describe the
same ``n`` families. "Improved" follows the item's ``better`` end: for a risk
(``better = low``) a lower latest score is an improvement.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..schema import get_schema
from .common import round1, ts


def baseline_stats(baseline: pd.DataFrame, case_ids, ref: dt.date) -> dict:
    items = get_schema().annex_a
    b = baseline[baseline["case_id"].isin(case_ids) & baseline["assessment_date"].notna()
                 & (baseline["assessment_date"] <= ts(ref))]
    # in date order, then row order (a stable sort; only the columns read are reordered, not the frame)
    order = np.lexsort((b["_row"].to_numpy(), b["assessment_date"].to_numpy()))
    family, _ = pd.factorize(b["case_id"].to_numpy()[order])
    scores = b[[f"{i.key}_score" for i in items]].to_numpy(dtype="float64", na_value=np.nan)[order]
    return {item.key: _item(item.better, family, scores[:, j]) for j, item in enumerate(items)}


def _item(better: str, family: np.ndarray, score: np.ndarray) -> dict:
    """First and latest scored assessment of each family (rows already in date order), paired."""
    scored = ~np.isnan(score)
    fam, val = family[scored], score[scored]
    ids, first_at, size = np.unique(fam, return_index=True, return_counts=True)
    last_at = len(fam) - 1 - np.unique(fam[::-1], return_index=True)[1]
    paired = size >= 2
    first, last = val[first_at[paired]], val[last_at[paired]]
    gain = np.sign(last - first) * (-1.0 if better == "low" else 1.0)
    n = int(paired.sum())
    return {"n": n, "better": better,
            "first_mean": round1(first.mean()) if n else None, "latest_mean": round1(last.mean()) if n else None,
            "improved": int((gain > 0).sum()), "unchanged": int((gain == 0).sum()),
            "worsened": int((gain < 0).sum())}
