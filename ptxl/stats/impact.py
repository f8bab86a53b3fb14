"""Annex B impact tables: the seed note's section "Impact de la gestion de cas".

One pass counts every question at once (25 crosstabs would cost ten times
more on a large cohort). A blank choice is a category of its own,
``no_answer``, because the seed prints it ("Pas de réponse", group 2).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..domain import POSITIVE_ANSWERS
from ..schema import get_schema
from .common import answered, pct

TEXT_CODES = ("answered", "no_answer")


def impact_stats(latest: pd.DataFrame, not_asked=frozenset()) -> dict:
    """``latest``: one client summary per counted family (see ``common.latest_rows``).

    A question in ``not_asked`` (``ptxl.pilot.not_asked``) is neither answered nor blank: it has
    ``asked`` false, an ``n`` of 0 and no percentages, whatever its column holds. Every question
    carries its own ``n`` so that a network adds up only the pilots that asked it.
    """
    sch = get_schema()
    n = int(len(latest))
    choice_q = [q for q in sch.annex_b if q.scale != "text" and q.key not in not_asked]
    counts = _choice_counts(latest, [q.key for q in choice_q])
    questions = {}
    for q in sch.annex_b:
        if q.key in not_asked:
            questions[q.key] = not_asked_question(q.scale)
            continue
        if q.scale == "text":
            yes = int(answered(latest[q.key]).sum())
            c = {"answered": yes, "no_answer": n - yes}
        else:
            found = counts.get(q.key, {})
            codes = sch.scales[q.scale].codes
            c = {code: int(found.get(code, 0)) for code in codes}
            # a value outside the scale (not normalised) is no answer, so counts always sum to N
            c["no_answer"] += sum(v for k, v in found.items() if k not in c)
        out = {"scale": q.scale, "asked": True, "n": n, "counts": c, "pct": {k: pct(v, n) for k, v in c.items()}}
        if q.scale == "impact":
            out["positive_pct"] = pct(sum(c[k] for k in sorted(POSITIVE_ANSWERS)), n)
        questions[q.key] = out
    return {"n": n, "questions": questions}


def scale_codes(scale: str) -> list[str]:
    """The count categories of a question of ``scale`` (text questions: answered or not)."""
    return list(TEXT_CODES) if scale == "text" else get_schema().scales[scale].codes


def not_asked_question(scale: str) -> dict:
    """The entry of a question the pilot does not ask: zero counts of nobody, no percentages."""
    codes = scale_codes(scale)
    out = {"scale": scale, "asked": False, "n": 0, "counts": {k: 0 for k in codes}, "pct": {k: None for k in codes}}
    if scale == "impact":
        out["positive_pct"] = None
    return out


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
