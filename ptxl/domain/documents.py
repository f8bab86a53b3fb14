"""A document's validity at a date: one place for the alerts and the Word case files.

So a case file never calls "valid" a document that the alerts call expired, nor shows
as expired a passport that a renewed one has replaced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..schema import Settings
from .dates import add_months


def validity_months(settings: dict, document_type: str | None) -> int | None:
    """Default validity of a document type (``<type>_months`` setting); 0 or blank = none."""
    return (Settings.of(settings).get(f"{document_type}_months") or None) if document_type else None


def expiry(document_type: str | None, issue_date: dt.date | None, valid_until: dt.date | None,
           settings: dict) -> tuple[dt.date | None, int | None]:
    """(the date a document stops being valid, the default months applied or None when typed)."""
    if valid_until is not None:
        return valid_until, None
    months = validity_months(settings, document_type)
    if months and issue_date is not None:
        return add_months(issue_date, months), months
    return None, None


@dataclass(frozen=True, init=False)
class DocumentState:
    """One document at the reference date.

    ``state``: ``unknown`` (no expiry), ``replaced`` (superseded), ``expired``, ``expiring``
    (within the alert window, ``days`` left) or ``valid``; ``None`` for a document issued
    after the reference date (it did not exist yet: shown nowhere).

    Frozen, with an ``__init__`` of its own (as ``alerts.Alert``): the generated one calls
    ``object.__setattr__`` once per field, and the alerts state every document of realistic M.
    """

    row: dict
    until: dt.date | None
    months: int | None
    state: str | None
    days: int | None

    def __init__(self, row: dict, until: dt.date | None, months: int | None, state: str | None,
                 days: int | None):
        vars(self).update(row=row, until=until, months=months, state=state, days=days)


def _text(v) -> str:
    return v.strip().casefold() if isinstance(v, str) else ""


def _superseded(rec: dict, issued, until, same_type: list) -> bool:
    """Another document of the same case and type, issued or valid later, replaces this one.

    Two documents whose descriptions are both filled in and differ (two passports of two
    family members) are different papers and never replace each other.
    """
    mine = _text(rec.get("description"))
    for other, oissued, ountil in same_type:
        if other is rec:
            continue
        theirs = _text(other.get("description"))
        if mine and theirs and mine != theirs:
            continue
        if (issued and oissued and oissued > issued) or (ountil and until and ountil > until):
            return True
    return False


def document_states(rows: list[dict], ref: dt.date, settings: dict) -> list[DocumentState]:
    """Each document of one case (plain rows: ``datetime.date`` or None) at ``ref``, in entry order."""
    window = Settings.of(settings).alert_document_days
    existing = [r for r in rows if r.get("issue_date") is None or r["issue_date"] <= ref]
    known = {id(r): expiry(r.get("document_type"), r.get("issue_date"), r.get("valid_until"), settings)
             for r in existing}
    groups: dict = {}
    for r in existing:
        groups.setdefault(r.get("document_type"), []).append((r, r.get("issue_date"), known[id(r)][0]))
    out = []
    for rec in rows:
        if id(rec) not in known:  # issued after the reference date: it did not exist yet
            out.append(DocumentState(rec, None, None, None, None))
            continue
        until, months = known[id(rec)]
        days = (until - ref).days if until else None
        if until is None:
            state = "unknown"
        elif _superseded(rec, rec.get("issue_date"), until, groups[rec.get("document_type")]):
            state = "replaced"
        elif days < 0:
            state = "expired"
        elif days <= window:
            state = "expiring"
        else:
            state = "valid"
        out.append(DocumentState(rec, until, months, state, days))
    return out
