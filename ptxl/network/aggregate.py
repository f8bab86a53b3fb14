"""Many pilots' statistics → the network's: sums of the pilots' counts, percentages of the sums.

Why a view and not a second statistics engine: each pilot's figures are the
dict ``ptxl.stats.compute_stats`` already returns (what ``ptxl stats --json``
prints), so a network figure is the sum of the pilots' counts, and its
percentage is recomputed from the summed counts with the one rounding rule
(``stats.common.pct``: of N, half up), never averaged from the pilots'
percentages. A question a pilot does not ask adds nothing to that question's
N. Two workbooks using the same case ids are two pilots: nothing is merged.
Pure: dicts in, dict out.
"""

from __future__ import annotations

from ..schema import get_schema
from ..stats.common import pct
from ..stats.engagement import EPIM_CATEGORIES, resolved_codes
from ..stats.impact import scale_codes

PROFILE_KEYS = ("adults", "children", "stateless", "asylum_on_arrival")


def pilot_entry(file: str, settings: dict, language: str, stats: dict, errors: int = 0) -> dict:
    """One pilot of ``ptxl network --json``: who it is and its own statistics."""
    epim = stats["engagement"]["epim"]
    location = (settings.get("project_location") or settings.get("organisation") or "").strip() or file
    return {"file": file, "location": location, "language": language, "unit": stats["impact"].get("unit", "family"),
            "cases": epim["cases"], "errors": errors, "stats": stats}


def network_stats(pilots: list[dict]) -> dict:
    """The ``network`` part of ``ptxl network --json`` from the pilots' entries."""
    sch = get_schema()
    epims = [p["stats"]["engagement"]["epim"] for p in pilots]
    cases = sum(e["cases"] for e in epims)
    counts = {k: sum(e["counts"][k] for e in epims) for k in EPIM_CATEGORIES}
    by_type = {k: sum(e["resolved"]["by_type"].get(k, 0) for e in epims) for k in resolved_codes()}
    resolved = sum(by_type.values())
    impacts = [p["stats"]["impact"] for p in pilots]
    questions = {}
    for q in sch.annex_b:
        asking = [imp["questions"][q.key] for imp in impacts if imp["questions"][q.key].get("asked", True)]
        n = sum(a["n"] for a in asking)
        c = {k: sum(a["counts"].get(k, 0) for a in asking) for k in scale_codes(q.scale)}
        out = {"scale": q.scale, "n": n, "pilots": len(asking), "counts": c, "pct": {k: pct(v, n) for k, v in c.items()}}
        if q.scale == "impact":
            out["positive_pct"] = pct(c["some"] + c["considerable"], n)
        questions[q.key] = out
    cohorts = [p["stats"]["cohort"] for p in pilots]
    return {
        "pilots": len(pilots),
        "cases": cases,
        "caseload": {"referred": sum(c["families_referred"] for c in cohorts),
                     "admitted": sum(c["families_admitted"] for c in cohorts),
                     "reviewed": sum(imp["n"] for imp in impacts)},
        "profile": {k: sum(c["admitted"][k] for c in cohorts) for k in PROFILE_KEYS},
        "engagement": {"counts": counts, "pct": {k: pct(v, cases) for k, v in counts.items()}},
        "resolved": {"count": resolved, "pct": pct(resolved, cases), "by_type": by_type},
        "impact": {"n": sum(imp["n"] for imp in impacts), "questions": questions},
    }

