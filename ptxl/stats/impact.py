"""Annex B impact tables: the seed note's section "Impact de la gestion de cas".

One pass counts every question at once (25 crosstabs would cost ten times
more on a large cohort). A blank choice is a category of its own,
``no_answer``, because the seed prints it ("Pas de réponse", group 2).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema import get_schema
from .common import answered, pct

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
            yes = int(answered(latest[q.key]).sum())
            c = {"answered": yes, "no_answer": n - yes}
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
    """question key → {code: count}; a blank (or unreadable) answer counts as ``no_answer``.

    All questions in one pass: the answers are factorised once and counted with one bincount
    over (question, answer) pairs, the array form of a melt + groupby.
    """
    n = len(latest)
    if not n:
        return {}
    flat = latest[keys].to_numpy(dtype=object).ravel(order="F")  # question by question
    codes, uniques = pd.factorize(flat, use_na_sentinel=True)
    width = len(uniques) + 1  # the last slot is "blank"
    codes = np.where(codes < 0, len(uniques), codes)
    pair = np.repeat(np.arange(len(keys)), n) * width + codes
    table = np.bincount(pair, minlength=len(keys) * width).reshape(len(keys), width)
    labels = [*map(str, uniques), "no_answer"]
    out = {}
    for key, row in zip(keys, table.tolist()):
        found: dict = {}
        for label, size in zip(labels, row):
            if size:
                found[label] = found.get(label, 0) + size
        out[key] = found
    return out
