"""Each case's figures at the reference date for the Word documents (``model.casefile``), computed here.

Why: the documents view used to derive them itself from the domain (ages, months supported and
time in the country, document states, contacts by type and weeks of support, the latest row of
each annex, who is admitted); a view only formats (DESIGN layer 7). Here they are derived once,
with the rules of ``ptxl.domain``, and the view turns them into labels, dates and numbers.

The dataset is grouped by case once (filtering ten DataFrames per case is O(cases × rows); grouping
once keeps a 1,000-family batch linear), and each case's figures are computed on first use: a
document for one case does not pay for the others. Values become plain Python (``datetime.date``,
``int``, ``str``, ``None``) so no figure ever meets NaT, NA or NaN.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping

import pandas as pd

from ..domain import (admitted_families, age_on, dated_on_or_before, document_states, is_admitted, latest_row,
                      months_between, status_on, support_end)
from ..domain.contacts import contact_summary
from ..model.casefile import CaseFile, CaseFiles, Member

LOG_TABLES = ("members", "vulnerabilities", "baseline", "summary", "case_study", "contacts", "chronology",
              "actions", "documents")

# Characters XML 1.0 forbids (staff paste them from other programs); \t and \n are kept.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _is_blank(v) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    return False


def _plain(v):
    if _is_blank(v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date()
    if isinstance(v, dt.datetime):
        return v.date()
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):  # numpy scalars
        return v.item()
    if isinstance(v, str):
        v = _CONTROL.sub("", v.replace("\r\n", "\n").replace("\r", "\n"))
        return v if v.strip() else None
    return v


def records(df: pd.DataFrame) -> list[dict]:
    """A DataFrame → list of dicts of plain values, column by column (faster than row by row)."""
    if df is None or len(df) == 0:
        return []
    cols = {c: [_plain(v) for v in df[c].tolist()] for c in df.columns}
    keys = list(cols)
    return [dict(zip(keys, vals)) for vals in zip(*(cols[k] for k in keys))]


def case_key(v) -> str | None:
    v = _plain(v)
    return str(v).strip() if v is not None and str(v).strip() else None


def by_date(rows: list[dict], date_key: str) -> list[dict]:
    """Date order, undated rows last, entry order within a date (the sort is stable)."""
    return sorted(rows, key=lambda r: (r.get(date_key) is None, r.get(date_key) or dt.date.min))


def _span(start: dt.date | None, end: dt.date | None) -> tuple | None:
    """(months, days) from ``start`` to ``end`` (domain ``months_between``); None when either is blank or
    ``end`` comes first."""
    if start is None or end is None or end < start:
        return None
    return months_between(start, end)


def case_file(case_id: str, family: dict, tables: Mapping, ref: dt.date, settings) -> CaseFile:
    """One case's figures at ``ref``. ``tables``: log table key → the case's plain rows, in entry order."""
    rows = lambda key: tables.get(key) or []  # noqa: E731
    assessments = by_date(dated_on_or_before(rows("baseline"), "assessment_date", ref), "assessment_date")
    contacts = by_date(dated_on_or_before(rows("contacts"), "contact_date", ref), "contact_date")
    admission, closure = family.get("admission_date"), family.get("closure_date")
    admitted = is_admitted(family.get("status"), admission, ref)
    end = support_end(closure, ref) if admitted else None
    return CaseFile(
        case_id=case_id, family=family,
        members=tuple(Member(m, age_on(m.get("birth_date"), ref)) for m in rows("members")),
        assessments=tuple(assessments),
        latest_assessment=latest_row(assessments, "assessment_date", ref),
        summary=latest_row(rows("summary"), "review_date", ref),
        vulnerabilities=latest_row(rows("vulnerabilities"), "assessed_date", ref),
        case_study=latest_row(rows("case_study"), "written_date", ref),
        contacts=tuple(contacts),
        contact_summary=contact_summary(contacts, admission, closure, ref),
        status=status_on(family.get("status"), closure, ref),
        admitted=admitted, closed=closure is not None and closure <= ref, support_end=end,
        in_project=_span(admission, end) if admitted else None,
        in_country=_span(family.get("arrival_date"), ref),
        documents=tuple(d for d in document_states(rows("documents"), ref, settings)
                        if d.state is not None),  # None: issued after the reference date
        chronology=tuple(by_date(rows("chronology"), "event_date")),
        actions=tuple(by_date(rows("actions"), "due_date")),
    )


class _Lazy(Mapping):
    """case id → CaseFile, each computed on first use and kept."""

    def __init__(self, grouped: dict, ref: dt.date, settings):
        self._grouped, self._ref, self._settings, self._done = grouped, ref, settings, {}

    def __getitem__(self, cid: str) -> CaseFile:
        if cid not in self._done:
            family, tables = self._grouped[cid]
            self._done[cid] = case_file(cid, family, tables, self._ref, self._settings)
        return self._done[cid]

    def __iter__(self):
        return iter(self._grouped)

    def __len__(self) -> int:
        return len(self._grouped)

    def __contains__(self, cid) -> bool:
        return cid in self._grouped


def admitted_case_ids(ds, ref: dt.date) -> frozenset:
    """The case ids of the families admitted by ``ref``, as the statistics count them."""
    families = ds.tables.get("families")
    if families is None or families.empty:
        return frozenset()
    return frozenset(cid for cid in map(case_key, admitted_families(families, ref)["case_id"]) if cid)


def case_files(ds, as_of: dt.date | None = None) -> CaseFiles:
    """Every case of ``ds`` (a ``model.Dataset``) at ``as_of`` (default: its reference date).

    Families without a case id cannot have documents and are left out; of a duplicate id (a
    validation error) the first row wins.
    """
    ref = as_of or ds.reference_date
    grouped: dict[str, tuple] = {}
    for fam in records(ds.tables.get("families")):
        cid = case_key(fam.get("case_id"))
        if cid is not None and cid not in grouped:
            fam["case_id"] = cid
            grouped[cid] = (fam, {k: [] for k in LOG_TABLES})
    for key in LOG_TABLES:
        for row in records(ds.tables.get(key)):
            cid = case_key(row.get("case_id"))
            if cid in grouped:
                grouped[cid][1][key].append(row)
    return CaseFiles(ds.lang, ref, ds.settings, _Lazy(grouped, ref, ds.settings), admitted_case_ids(ds, ref))
