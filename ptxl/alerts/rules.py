"""One function per alert rule; each takes the Context and yields Alerts.

Shared conventions, so that every rule reads the same way in the sheet:
- a date "valid until" / "due" / "deadline" D is still fine on D itself: on D the alert is
  ``due_soon`` with ``days`` 0, from D + 1 it is ``overdue``;
- "every N days / K months" rules fall due on last + N (the day itself counts as due);
- entries dated after the reference date are ignored (they had not happened yet), so an
  ``as_of`` in the past shows the alerts as they stood that day.
"""

from __future__ import annotations


import datetime as dt
from dataclasses import dataclass, field
from itertools import repeat

import numpy as np
import pandas as pd

from ..pilot import DEFAULT_UNIT
from ..schema import get_schema
from ..domain import add_months, document_states, is_admitted, latest_positions
from .alert import URGENCY, Alert
from .messages import TEMPLATES

CLOSED_ACTIONS = {"done", "cancelled"}


def as_date(value) -> dt.date | None:
    kind = type(value)  # the usual cases first: boxing a Timestamp is what a column of dates gives
    if kind is pd.Timestamp:
        return value.date()
    if kind is dt.date:
        return value
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def text(value) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    s = str(value).strip()
    return s or None


@dataclass
class Family:
    case_id: str
    row: int | None
    case_manager: str | None
    admission: dt.date | None
    start: dt.date | None  # admission, else referral: when follow-up started counting
    record: dict


@dataclass
class Context:
    ds: object
    ref: dt.date
    lang: str
    unit: str = DEFAULT_UNIT  # what the messages call a case: a family or a person
    families: dict = field(default_factory=dict)
    _kept: dict = field(default_factory=dict)  # sheet key → (its active families' case ids, their positions)
    _dated: dict = field(default_factory=dict)  # (sheet key, date column) → ``dated``'s answer

    @classmethod
    def build(cls, ds, ref: dt.date, unit: str = DEFAULT_UNIT) -> "Context":
        ctx = cls(ds, ref, ds.lang, unit)
        wanted = ("_row", "case_id", "status", "case_manager", "admission_date", "referral_date",
                  *get_schema().criteria)  # what the rules read of a family: boxing long notes is slow
        for rec in ctx._active_families(wanted):
            cid = text(rec.get("case_id"))
            if not cid or cid in ctx.families:
                continue
            admission = as_date(rec.get("admission_date"))
            ctx.families[cid] = Family(cid, _row(rec.get("_row")), text(rec.get("case_manager")), admission,
                                       admission or as_date(rec.get("referral_date")), rec)
        return ctx

    def _active_families(self, columns) -> list[dict]:
        """The families sheet's rows whose status is ``active``, as plain dicts of ``columns`` (see ``columns``)."""
        df = self.ds.tables.get("families")
        if df is None or df.empty or "status" not in df.columns:
            return []
        active = np.flatnonzero((df["status"] == "active").to_numpy(dtype=bool)).tolist()
        names = [c for c in columns if c in df.columns]
        return [dict(zip(names, vals)) for vals in zip(*(_plain(df[c], active) for c in names))]

    def rows(self, sheet_key: str, *columns: str) -> list[tuple]:
        """``(family, *values of columns)`` of each of the sheet's entries that belong to an active family, in
        the sheet's order; None throughout for a column the sheet lacks (plain values: see ``columns``).

        Tuples unpacked by the rules, not a dict per entry: building those was a tenth of the stage."""
        ids, values = self.columns(sheet_key, *columns)
        found = dict(values)
        return list(zip(map(self.families.__getitem__, ids), *(found.get(c, repeat(None)) for c in columns)))

    def columns(self, sheet_key: str, *columns: str) -> tuple[list, list[tuple[str, list]]]:
        """(case ids, [(column, values)]) of the sheet's entries that belong to an active family.

        Plain values (dates as ``dt.date``, blanks as None), taken column by column in C rather
        than boxed cell by cell (``to_dict("records")``, then a ``Timestamp.date()`` per date):
        the rules read plain Python; that was a third of the alerts stage on realistic M.
        """
        df = self.ds.tables.get(sheet_key)
        if df is None or df.empty or not self.families:
            return [], []
        ids, keep = self._active_entries(sheet_key, df)
        return ids, [(c, _plain(df[c], keep)) for c in columns if c in df.columns]

    def dated(self, sheet_key: str, date_key: str) -> tuple[list, list, list] | None:
        """(case ids, ``_row``s, dates as ``dt.date`` or None) of the sheet's active entries, once a sheet and
        date column (two rules ask it of the contacts and of the assessments); None without those columns."""
        key = (sheet_key, date_key)
        if key not in self._dated:
            ids, values = self.columns(sheet_key, "_row", date_key)
            self._dated[key] = (ids, values[0][1], list(map(as_date, values[1][1]))) if len(values) == 2 else None
        return self._dated[key]

    def _active_entries(self, sheet_key: str, df) -> tuple[list, list[int]]:
        """(case ids, positions) of the sheet's entries whose trimmed case id is an active family's, once a sheet."""
        kept = self._kept.get(sheet_key)
        if kept is None:
            families = self.families
            ids = [v.strip() if type(v) is str else _id_text(v) for v in df["case_id"].tolist()]
            keep = [i for i, c in enumerate(ids) if c in families]
            kept = self._kept[sheet_key] = ([ids[i] for i in keep], keep)
        return kept

    def setting(self, key: str) -> int | None:
        """A setting's typed value (``schema.Settings``: blank or refused when read, the forms' default)."""
        return self.ds.settings[key]

    def alert(self, kind: str, fam: Family, sheet_key: str, row, date: dt.date | None, code: str, /,
              level: str | None = None, days: int | None | str = "auto", **params) -> Alert:
        """An alert whose message is template ``code`` with ``params`` (see ``messages.FIELDS``), worded late."""
        if code not in TEMPLATES:  # a typo fails the first time the rule fires (every kind is tested)
            raise KeyError(f"no alert template {code!r}")
        if days == "auto":
            days = (date - self.ref).days if date else None
        if level is None:
            level = "overdue" if days is not None and days < 0 else "due_soon"
        return Alert(URGENCY[kind], level, kind, fam.case_id, fam.case_manager, sheet_key, row, date,
                     days, code, tuple(params.items()), self.lang, self.unit)


def _plain(series: pd.Series, keep: list[int]) -> list:
    """The values of ``series`` at positions ``keep`` as plain Python (``dt.date`` or None for a date column)."""
    arr = series.to_numpy()
    if arr.dtype.kind == "M":  # datetime64: whole days, NaT → None, in one C conversion
        return arr[keep].astype("datetime64[D]").tolist()
    if arr.dtype.kind in "biuf" or arr.dtype == object:
        return arr[keep].tolist()
    return series.iloc[keep].tolist()  # an extension dtype (Int64, string): pandas' own boxing


def _id_text(value) -> str | None:
    """A case id typed as something else than text (a number) as its text, trimmed; None for a blank."""
    return None if pd.isna(value) else str(value).strip()


def _row(row) -> int | None:
    """An entry's ``_row`` value as its sheet row number (None when missing)."""
    if type(row) is int:  # as a column of int64 gives it
        return row
    try:
        return None if row is None or pd.isna(row) else int(row)
    except (TypeError, ValueError):
        return None


def documents(ctx: Context):
    """Expired, or expiring within ``alert_document_days``; a renewed document silences the old one.

    The validity of each document is ``domain.document_states``, the one the case files print.
    """
    by_case: dict = {}
    for fam, row, doc_type, description, issued, until in ctx.rows(
            "documents", "_row", "document_type", "description", "issue_date", "valid_until"):
        plain = {"case_id": fam.case_id, "_row": row, "document_type": doc_type, "description": text(description),
                 "issue_date": as_date(issued), "valid_until": as_date(until)}
        by_case.setdefault(fam.case_id, (fam, []))[1].append(plain)
    for fam, rows in by_case.values():
        for doc in document_states(rows, ctx.ref, ctx.ds.settings):
            if doc.state not in ("expired", "expiring"):
                continue
            rec, days = doc.row, doc.days
            key = "document_expired" if days < 0 else "document_expiring"
            note = {"months": doc.months, "issued": rec["issue_date"]} if doc.months else {}
            yield ctx.alert(key, fam, "documents", _row(rec["_row"]), doc.until, key, doc=rec.get("document_type"),
                            date=doc.until, when=max(days, 0), ago=-days, **note)


def actions(ctx: Context):
    """Open action-plan items: overdue, due within ``alert_action_days``, or with nobody in charge."""
    window = ctx.setting("alert_action_days")
    for fam, row, status, done, due, owner in ctx.rows("actions", "_row", "action_status", "done_date", "due_date",
                                                      "owner"):
        if status in CLOSED_ACTIONS or as_date(done):
            continue
        due, row = as_date(due), _row(row)
        if due is not None:
            days = (due - ctx.ref).days
            if days < 0:
                yield ctx.alert("action_overdue", fam, "actions", row, due, "action_overdue", date=due, n=-days)
            elif days <= window:
                yield ctx.alert("action_due", fam, "actions", row, due, "action_due", date=due, when=days)
        if not text(owner):
            yield ctx.alert("action_no_owner", fam, "actions", row, due, "action_no_owner", level="missing")


def contacts(ctx: Context):
    """No contact for ``alert_no_contact_days``, no home visit for ``alert_no_visit_days``."""
    last_any = _latest(ctx, "contacts", "contact_date")
    last_visit = _latest(ctx, "contacts", "contact_date", ("contact_type", "home_visit"))
    for kind, setting, last in (("no_contact", "alert_no_contact_days", last_any),
                                ("no_home_visit", "alert_no_visit_days", last_visit)):
        limit = dt.timedelta(days=ctx.setting(setting))
        for fam in ctx.families.values():
            seen = last.get(fam.case_id)
            if seen and (fam.start is None or seen[0] >= fam.start):
                base, row, template = seen[0], seen[1] or None, kind
            elif fam.start and fam.start <= ctx.ref:
                base, row, template = fam.start, None, f"{kind}_since_admission"
            else:
                continue
            due = base + limit
            if due <= ctx.ref:
                yield ctx.alert(kind, fam, "contacts", row, due, template, last=base, n=(ctx.ref - base).days)


def _latest(ctx: Context, sheet_key: str, date_key: str, where: tuple[str, str] | None = None) -> dict[str, tuple]:
    """case id → (date, row) of its latest entry dated on or before the reference date.

    The domain's rule (``latest_positions``: undated rows left out, a tie goes to the later entry)
    over the sheet's plain columns, in the sheet's order."""
    dated = ctx.dated(sheet_key, date_key)
    if dated is None:
        return {}
    ids, rows, dates = dated
    if where is not None:
        _ids, kinds = ctx.columns(sheet_key, where[0])
        if not kinds:
            return {}
        wanted = where[1]
        chosen = [i for i, kind in enumerate(kinds[0][1]) if (kind == wanted) is True]
        ids, rows, dates = [ids[i] for i in chosen], [rows[i] for i in chosen], [dates[i] for i in chosen]
    return {cid: (dates[i], int(rows[i])) for cid, i in latest_positions(ids, dates, ctx.ref).items()}


def reviews(ctx: Context):
    """Annex B every ``review_months``; annex A: a baseline from admission, then follow-ups."""
    months = ctx.setting("review_months")
    last_review = _latest(ctx, "summary", "review_date")
    last_assessment = _latest(ctx, "baseline", "assessment_date")
    has_baseline = _latest(ctx, "baseline", "assessment_date", ("assessment_type", "baseline"))
    for fam in ctx.families.values():
        if not is_admitted(fam.record.get("status"), fam.admission, ctx.ref):
            continue
        seen = last_review.get(fam.case_id)
        base = seen[0] if seen else fam.admission
        due = add_months(base, months)
        if due <= ctx.ref:
            template = "review_due" if seen else "review_due_first"
            yield ctx.alert("review_due", fam, "summary", seen[1] if seen else None, due, template,
                            sheet="summary", date=due, last=base)
        if fam.case_id not in has_baseline:
            yield ctx.alert("baseline_missing", fam, "baseline", None, fam.admission, "baseline_missing",
                            level="missing", sheet="baseline", date=fam.admission)
            continue
        last, row = last_assessment[fam.case_id]
        due = add_months(last, months)
        if due <= ctx.ref:
            yield ctx.alert("assessment_due", fam, "baseline", row, due, "assessment_due", sheet="baseline",
                            date=due, last=last)


def screening(ctx: Context):
    """An active family should have met every admission criterion (all seven 'yes')."""
    criteria = get_schema().criteria
    for fam in ctx.families.values():
        missing = tuple(k for k in criteria if fam.record.get(k) != "yes")
        if missing:
            yield ctx.alert("screening_incomplete", fam, "families", fam.row, fam.admission, "screening_incomplete",
                            level="missing", days=None, yes="yes", criteria=missing)


def deadlines(ctx: Context):
    """Chronology deadlines within ``alert_deadline_days``, and passed ones with nothing recorded after."""
    window = ctx.setting("alert_deadline_days")
    events: dict[str, list] = {}
    for fam, row, date, event, deadline in ctx.rows("chronology", "_row", "event_date", "event_code", "deadline"):
        events.setdefault(fam.case_id, []).append((as_date(date), _row(row) or 0, fam, event, deadline))
    for items in events.values():
        # the case's last event recorded by the reference date, in (date, row) order
        last = max(((d, r) for d, r, *_rest in items if d is not None and d <= ctx.ref), default=None)
        for d, r, fam, event, deadline in items:
            deadline = as_date(deadline)
            if deadline is None:
                continue
            days = (deadline - ctx.ref).days
            if 0 <= days <= window:
                yield ctx.alert("deadline_soon", fam, "chronology", r or None, deadline, "deadline_soon",
                                event=event, date=deadline, when=days)
            elif days < 0 and not (d is not None and last is not None and last > (d, r)):
                yield ctx.alert("deadline_passed", fam, "chronology", r or None, deadline, "deadline_passed",
                                event=event, date=deadline, ago=-days)


RULES = (deadlines, documents, actions, contacts, reviews, screening)
