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

import pandas as pd

from ..schema import get_schema
from ..validity import add_months, setting_int
from .alert import URGENCY, Alert
from . import messages as M

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
    families: dict = field(default_factory=dict)
    _ids: dict = field(default_factory=dict)  # sheet key → its case ids, trimmed

    @classmethod
    def build(cls, ds, ref: dt.date) -> "Context":
        ctx = cls(ds, ref, ds.lang)
        wanted = ("_row", "case_id", "status", "case_manager", "admission_date", "referral_date",
                  *get_schema().criteria)  # what the rules read of a family: boxing long notes is slow
        for rec in ctx._records("families", wanted, active_only=True):
            cid = text(rec.get("case_id"))
            if not cid or rec.get("status") != "active" or cid in ctx.families:
                continue
            admission = as_date(rec.get("admission_date"))
            ctx.families[cid] = Family(cid, _row(rec), text(rec.get("case_manager")), admission,
                                       admission or as_date(rec.get("referral_date")), rec)
        return ctx

    def _records(self, sheet_key: str, columns=None, active_only: bool = False) -> list[dict]:
        df = self.ds.tables.get(sheet_key)
        if df is None or df.empty:
            return []
        if active_only and "status" in df.columns:
            df = df[(df["status"] == "active").to_numpy(dtype=bool)]
        if columns is not None:
            df = df[[c for c in columns if c in df.columns]]
        return df.to_dict("records")

    def frame(self, sheet_key: str, *columns: str) -> pd.DataFrame:
        """Only the active families' entries and the columns a rule needs (whole sheets are slow to box)."""
        df = self.ds.tables.get(sheet_key)
        cols = ["_row", "case_id", *columns]
        if df is None or df.empty or not self.families:
            return pd.DataFrame(columns=cols)
        ids = self._ids.get(sheet_key)
        if ids is None:
            ids = self._ids[sheet_key] = df["case_id"].astype("string").str.strip().astype(object)
        sub = df.loc[ids.isin(self.families.keys()), [c for c in cols if c in df.columns]].copy()
        sub["case_id"] = ids[sub.index]
        return sub

    def rows(self, sheet_key: str, *columns: str) -> list[tuple[Family, dict]]:
        """The sheet's entries that belong to an active family, with that family."""
        return [(self.families[rec["case_id"]], rec)
                for rec in self.frame(sheet_key, *columns).to_dict("records")]

    def setting(self, key: str) -> int | None:
        """A whole number ≥ 0 from the settings sheet, else the schema's default."""
        return setting_int(self.ds.settings, key)

    def _setting_cached(self, key: str) -> int | None:
        """``setting`` once per key: the settings do not change while alerts are computed."""
        cache = self.__dict__.setdefault("_setting_cache", {})
        if key not in cache:
            cache[key] = self.setting(key)
        return cache[key]

    def validity_months(self, document_type: str | None) -> int | None:
        """Default validity of a document type (``<type>_months`` setting); 0 or blank = none."""
        return (self._setting_cached(f"{document_type}_months") or None) if document_type else None

    def alert(self, kind: str, fam: Family, sheet_key: str, row, date: dt.date | None, message: str,
              level: str | None = None, days: int | None | str = "auto") -> Alert:
        if days == "auto":
            days = (date - self.ref).days if date else None
        if level is None:
            level = "overdue" if days is not None and days < 0 else "due_soon"
        return Alert(URGENCY[kind], level, kind, fam.case_id, fam.case_manager, sheet_key, row, date,
                     days, message)

    def label(self, scale: str, code) -> str | None:
        try:
            return get_schema().scales[scale].label(code, self.lang) if code else None
        except KeyError:
            return None


def _row(rec: dict) -> int | None:
    row = rec.get("_row")
    if type(row) is int:  # as a records dict gives it
        return row
    try:
        return None if row is None or pd.isna(row) else int(row)
    except (TypeError, ValueError):
        return None


def documents(ctx: Context):
    """Expired, or expiring within ``alert_document_days``; a renewed document silences the old one."""
    window = ctx.setting("alert_document_days")
    docs, groups = [], {}
    for fam, rec in ctx.rows("documents", "document_type", "description", "issue_date", "valid_until"):
        issued = as_date(rec.get("issue_date"))
        if issued and issued > ctx.ref:
            continue
        kind = rec.get("document_type")
        expiry, months = as_date(rec.get("valid_until")), None
        if expiry is None and issued:
            months = ctx.validity_months(kind)
            expiry = add_months(issued, months) if months else None
        docs.append((fam, rec, kind, issued, expiry, months))
        groups.setdefault((fam.case_id, kind), []).append((rec, issued, expiry))
    for fam, rec, kind, issued, expiry, months in docs:
        if expiry is None or _superseded(rec, issued, expiry, groups[(fam.case_id, kind)]):
            continue
        days = (expiry - ctx.ref).days
        if days > window:
            continue
        doc = ctx.label("document_type", kind) or M.kind_label("document_expired", ctx.lang)
        values = {"doc": doc, "date": M.fmt_date(expiry), "when": M.when_text(max(days, 0), ctx.lang),
                  "ago": M.ago_text(-days, ctx.lang)}
        key = "document_expired" if days < 0 else "document_expiring"
        msg = M.message(key, ctx.lang, **values)
        if months:
            msg += M.message("validity_note", ctx.lang, months=months, last=M.fmt_date(issued))
        yield ctx.alert(key, fam, "documents", _row(rec), expiry, msg)


def _superseded(rec, issued, expiry, same_type) -> bool:
    """Another document of the same case and type, issued or valid later, replaces this one.

    Two documents whose descriptions are both filled in and differ (two passports of two
    family members) are different papers and never replace each other.
    """
    mine = (text(rec.get("description")) or "").casefold()
    for other, oissued, oexpiry in same_type:
        if other is rec:
            continue
        theirs = (text(other.get("description")) or "").casefold()
        if mine and theirs and mine != theirs:
            continue
        if (issued and oissued and oissued > issued) or (oexpiry and oexpiry > expiry):
            return True
    return False


def actions(ctx: Context):
    """Open action-plan items: overdue, due within ``alert_action_days``, or with nobody in charge."""
    window = ctx.setting("alert_action_days")
    for fam, rec in ctx.rows("actions", "action_status", "done_date", "due_date", "owner"):
        if rec.get("action_status") in CLOSED_ACTIONS or as_date(rec.get("done_date")):
            continue
        due, row = as_date(rec.get("due_date")), _row(rec)
        if due is not None:
            days = (due - ctx.ref).days
            if days < 0:
                yield ctx.alert("action_overdue", fam, "actions", row, due,
                                M.message("action_overdue", ctx.lang, date=M.fmt_date(due),
                                          n=M.days_text(-days, ctx.lang)))
            elif days <= window:
                yield ctx.alert("action_due", fam, "actions", row, due,
                                M.message("action_due", ctx.lang, date=M.fmt_date(due),
                                          when=M.when_text(days, ctx.lang)))
        if not text(rec.get("owner")):
            yield ctx.alert("action_no_owner", fam, "actions", row, due,
                            M.message("action_no_owner", ctx.lang), level="missing")


def contacts(ctx: Context):
    """No contact for ``alert_no_contact_days``, no home visit for ``alert_no_visit_days``."""
    last_any = _latest(ctx, "contacts", "contact_date")
    last_visit = _latest(ctx, "contacts", "contact_date", ("contact_type", "home_visit"))
    for kind, setting, last in (("no_contact", "alert_no_contact_days", last_any),
                                ("no_home_visit", "alert_no_visit_days", last_visit)):
        limit = ctx.setting(setting)
        for fam in ctx.families.values():
            seen = last.get(fam.case_id)
            if seen and (fam.start is None or seen[0] >= fam.start):
                base, row, template = seen[0], seen[1] or None, kind
            elif fam.start and fam.start <= ctx.ref:
                base, row, template = fam.start, None, f"{kind}_since_admission"
            else:
                continue
            due = base + dt.timedelta(days=limit)
            if due <= ctx.ref:
                yield ctx.alert(kind, fam, "contacts", row, due,
                                M.message(template, ctx.lang, last=M.fmt_date(base),
                                          n=M.days_text((ctx.ref - base).days, ctx.lang)))


def _latest(ctx: Context, sheet_key: str, date_key: str, where: tuple[str, str] | None = None) -> dict[str, tuple]:
    """case id → (date, row) of its latest entry dated on or before the reference date."""
    df = ctx.frame(sheet_key, date_key, *([where[0]] if where else []))
    if df.empty:
        return {}
    dates = pd.to_datetime(df[date_key], errors="coerce")
    keep = dates.notna() & (dates <= pd.Timestamp(ctx.ref))
    if where:
        keep &= df[where[0]] == where[1]
    # the latest (date, row) of each case in one pass over plain values: a sort and a groupby of a small
    # frame cost more than the loop (bench/RESULTS.md, issue 14); dates compared as nanosecond counts
    keep = keep.to_numpy(dtype=bool)
    best: dict = {}
    for c, d, r in zip(df["case_id"].to_numpy()[keep].tolist(), dates.to_numpy()[keep].tolist(),
                       df["_row"].to_numpy()[keep].tolist()):
        seen = best.get(c)
        if seen is None or (d, r) > seen:
            best[c] = (d, r)
    return {c: (pd.Timestamp(d).date(), int(r)) for c, (d, r) in best.items()}


def reviews(ctx: Context):
    """Annex B every ``review_months``; annex A: a baseline from admission, then follow-ups."""
    months = ctx.setting("review_months")
    sch = get_schema()
    summary_name, baseline_name = sch.sheet("summary").name(ctx.lang), sch.sheet("baseline").name(ctx.lang)
    last_review = _latest(ctx, "summary", "review_date")
    last_assessment = _latest(ctx, "baseline", "assessment_date")
    has_baseline = _latest(ctx, "baseline", "assessment_date", ("assessment_type", "baseline"))
    for fam in ctx.families.values():
        if fam.admission is None or fam.admission > ctx.ref:
            continue
        seen = last_review.get(fam.case_id)
        base = seen[0] if seen else fam.admission
        due = add_months(base, months)
        if due <= ctx.ref:
            template = "review_due" if seen else "review_due_first"
            yield ctx.alert("review_due", fam, "summary", seen[1] if seen else None, due,
                            M.message(template, ctx.lang, sheet=summary_name, date=M.fmt_date(due),
                                      last=M.fmt_date(base)))
        if fam.case_id not in has_baseline:
            yield ctx.alert("baseline_missing", fam, "baseline", None, fam.admission,
                            M.message("baseline_missing", ctx.lang, sheet=baseline_name,
                                      date=M.fmt_date(fam.admission)), level="missing")
            continue
        last, row = last_assessment[fam.case_id]
        due = add_months(last, months)
        if due <= ctx.ref:
            yield ctx.alert("assessment_due", fam, "baseline", row, due,
                            M.message("assessment_due", ctx.lang, sheet=baseline_name, date=M.fmt_date(due),
                                      last=M.fmt_date(last)))


def screening(ctx: Context):
    """An active family should have met every admission criterion (all seven 'yes')."""
    sch = get_schema()
    families = sch.sheet("families")
    yes = sch.scales["yes_no"].label("yes", ctx.lang)
    for fam in ctx.families.values():
        missing = [families.column(k).header(ctx.lang) for k in sch.criteria if fam.record.get(k) != "yes"]
        if missing:
            yield ctx.alert("screening_incomplete", fam, "families", fam.row, fam.admission,
                            M.message("screening_incomplete", ctx.lang, yes=yes, criteria=", ".join(missing)),
                            level="missing", days=None)


def deadlines(ctx: Context):
    """Chronology deadlines within ``alert_deadline_days``, and passed ones with nothing recorded after."""
    window = ctx.setting("alert_deadline_days")
    events: dict[str, list] = {}
    for fam, rec in ctx.rows("chronology", "event_date", "event_code", "deadline"):
        events.setdefault(fam.case_id, []).append((as_date(rec.get("event_date")), _row(rec) or 0, fam, rec))
    for items in events.values():
        recorded = [(d, r) for d, r, _f, _rec in items if d is not None and d <= ctx.ref]
        for d, r, fam, rec in items:
            deadline = as_date(rec.get("deadline"))
            if deadline is None:
                continue
            days = (deadline - ctx.ref).days
            event = ctx.label("chronology_event", rec.get("event_code")) or M.UNKNOWN_EVENT.get(ctx.lang, "?")
            if 0 <= days <= window:
                yield ctx.alert("deadline_soon", fam, "chronology", r or None, deadline,
                                M.message("deadline_soon", ctx.lang, event=event, date=M.fmt_date(deadline),
                                          when=M.when_text(days, ctx.lang)))
            elif days < 0 and not any(d is not None and (od, orow) > (d, r) for od, orow in recorded):
                yield ctx.alert("deadline_passed", fam, "chronology", r or None, deadline,
                                M.message("deadline_passed", ctx.lang, event=event, date=M.fmt_date(deadline),
                                          ago=M.ago_text(-days, ctx.lang)))


RULES = (deadlines, documents, actions, contacts, reviews, screening)
