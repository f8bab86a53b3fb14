"""The report's case studies, chosen once in the pipeline: the annex C narratives of the families marked
``case_study = yes``, in case-id order, each its latest written narrative, names blanked.

Why here and not in the report: choosing which rows a publication shows, and blanking the cohort's
names out of them, is a decision about the data; the report only lays the result out.
"""

from __future__ import annotations

from ..names import blanker_for
from ..schema import get_schema


def chosen_case_studies(dataset) -> list[dict]:
    """[{"case_id", "stages": [(annex C key, blanked text), …]}] of the marked families with a narrative."""
    if dataset is None or "families" not in dataset.tables:
        return []
    fam = dataset.tables["families"]
    marked = sorted(c for c, flag in zip(fam["case_id"], fam["case_study"]) if flag == "yes" and c)
    if not marked:
        return []
    cs = dataset.tables["case_study"]
    blanker = blanker_for(dataset)  # the report carries case ids, never names
    out = []
    for cid in marked:
        rows = cs[cs["case_id"] == cid]
        if rows.empty:
            continue
        row = rows.sort_values("written_date", na_position="first").iloc[-1]
        stages = [(key, blanker.blank(row[key])) for key, _label in get_schema().annex_c
                  if isinstance(row[key], str) and row[key].strip()]
        out.append({"case_id": cid, "stages": stages})
    return out
