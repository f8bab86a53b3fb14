"""The report's case studies, chosen once in the pipeline: the annex C narratives of the families marked
``case_study = yes``, in case-id order, each its latest narrative written on or before the reference
date (``domain.latest_rows``: an undated one is left out, as the family's annex C document leaves it out),
names blanked.

Why here and not in the report: choosing which rows a publication shows, and blanking the cohort's
names out of them, is a decision about the data; the report only lays the result out.
"""

from __future__ import annotations

import datetime as dt

from ..domain import latest_rows
from ..names import blanker_for
from ..schema import get_schema


def marked_families(dataset) -> list[str]:
    """The case ids marked ``case_study = yes`` in the families sheet, in order."""
    if dataset is None or "families" not in dataset.tables:
        return []
    fam = dataset.tables["families"]
    return sorted(c for c, flag in zip(fam["case_id"], fam["case_study"]) if flag == "yes" and c)


def chosen_case_studies(dataset, ref: dt.date | None = None) -> list[dict]:
    """[{"case_id", "stages": [(annex C key, blanked text), …]}] of the marked families with a narrative
    at ``ref`` (default: the dataset's reference date)."""
    marked = marked_families(dataset)
    if not marked:
        return []
    latest = latest_rows(dataset.tables["case_study"], "written_date", marked, ref or dataset.reference_date)
    rows = {cid: row for cid, (_i, row) in zip(latest["case_id"], latest.iterrows())}
    blanker = blanker_for(dataset)  # the report carries case ids, never names
    out = []
    for cid in marked:
        row = rows.get(cid)
        if row is None:
            continue
        stages = [(key, blanker.blank(row[key])) for key, _label in get_schema().annex_c
                  if isinstance(row[key], str) and row[key].strip()]
        out.append({"case_id": cid, "stages": stages})
    return out
