"""Annex B impact tables: the seed note's section "Impact de la gestion de cas".

One melt + groupby counts every question at once (25 crosstabs would cost ten
times more on a large cohort). A blank choice is a category of its own,
``no_answer``, because the seed prints it ("Pas de réponse", group 2).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema import get_schema
from .common import pct

TEXT_CODES = ("answered", "no_answer")


def impact_stats(latest: pd.DataFrame) -> dict:
    """``latest``: one client summary per counted family (see ``common.latest_rows``)."""
    sch = get_schema()
    n = int(len(latest))
    choice_q = [q for q in sch.annex_b if q.scale != "text"]
    counts = _choice_counts(latest, [q.key for q in choice_q])
    questions = {}
    for q in sch.annex_b:
        if q.scale == "text":
            text = latest[q.key].astype("object").where(latest[q.key].notna(), "")
            answered = int((text.astype(str).str.strip() != "").sum())
            c = {"answered": answered, "no_answer": n - answered}
        else:
            found = counts.get(q.key, {})
            codes = sch.scales[q.scale].codes
            c = {code: int(found.get(code, 0)) for code in codes}
            # a value outside the scale (not normalised) is no answer, so counts always sum to N
            c["no_answer"] += sum(v for k, v in found.items() if k not in c)
        out = {"scale": q.scale, "counts": c, "pct": {k: pct(v, n) for k, v in c.items()}}
        if q.scale == "impact":
            out["positive_pct"] = pct(c["some"] + c["considerable"], n)
        questions[q.key] = out
    return {"n": n, "questions": questions}


def _choice_counts(latest: pd.DataFrame, keys: list[str]) -> dict:
    """question key → {code: count}; a blank (or unreadable) answer counts as ``no_answer``."""
    if latest.empty:
        return {}
    long = latest[keys].astype("object").melt(var_name="q", value_name="v")
    long["v"] = long["v"].where(long["v"].notna(), "no_answer")
    sizes = long.groupby(["q", "v"], sort=False).size()
    out: dict = {}
    for (q, v), size in zip(sizes.index, sizes.to_numpy(dtype=np.int64)):
        out.setdefault(q, {})[v] = int(size)
    return out
