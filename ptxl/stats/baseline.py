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
    score_cols = [f"{i.key}_score" for i in items]
    b = baseline[baseline["case_id"].isin(case_ids) & baseline["assessment_date"].notna()
                 & (baseline["assessment_date"] <= ts(ref))]
    long = (b[["case_id", "assessment_date", "_row", *score_cols]]
            .melt(id_vars=["case_id", "assessment_date", "_row"], var_name="col", value_name="score")
            .dropna(subset=["score"])
            .sort_values(["assessment_date", "_row"], kind="stable"))
    long["score"] = long["score"].astype("float64")
    per_family = long.groupby(["col", "case_id"], sort=False)["score"].agg(["first", "last", "size"])
    paired = per_family[per_family["size"] >= 2].reset_index()
    sign = {f"{i.key}_score": (-1.0 if i.better == "low" else 1.0) for i in items}
    gain = np.sign(paired["last"] - paired["first"]) * paired["col"].map(sign)
    paired["improved"], paired["unchanged"], paired["worsened"] = gain > 0, gain == 0, gain < 0
    agg = paired.groupby("col").agg(
        n=("case_id", "size"), first_mean=("first", "mean"), latest_mean=("last", "mean"),
        improved=("improved", "sum"), unchanged=("unchanged", "sum"), worsened=("worsened", "sum"))
    out = {}
    for item, col in zip(items, score_cols):
        if col in agg.index:
            r = agg.loc[col]
            out[item.key] = {"n": int(r["n"]), "better": item.better, "first_mean": round1(r["first_mean"]),
                             "latest_mean": round1(r["latest_mean"]), "improved": int(r["improved"]),
                             "unchanged": int(r["unchanged"]), "worsened": int(r["worsened"])}
        else:
            out[item.key] = {"n": 0, "better": item.better, "first_mean": None, "latest_mean": None,
                             "improved": 0, "unchanged": 0, "worsened": 0}
    return out
