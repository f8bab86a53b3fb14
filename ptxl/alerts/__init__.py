"""Case follow-up alerts: what a case manager should do next, most urgent first.

``compute_alerts(ds, as_of)`` is a pure stage (dataset in, list out). It reads the
thresholds from ``ds.settings`` (the workbook's settings sheet), falling back to the
schema's defaults when a value is blank or unreadable, so a half-filled settings sheet
never silences an alert. Only families whose status is ``active`` get alerts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..pilot import evaluation_unit, unit_scope
from .messages import alert_columns, kind_label, level_label, link_text

__all__ = ["Alert", "compute_alerts", "alert_columns", "kind_label", "level_label", "link_text",
           "URGENCY", "LEVELS", "KINDS"]

LEVELS = ("overdue", "due_soon", "missing")

# 0 = most urgent. Legal deadlines first (missing one cannot be undone), then what is already
# late, then what falls due, then the evaluation paperwork.
URGENCY = {
    "deadline_passed": 0,
    "deadline_soon": 0,
    "document_expired": 1,
    "action_overdue": 1,
    "no_contact": 1,
    "document_expiring": 2,
    "action_due": 2,
    "no_home_visit": 2,
    "review_due": 3,
    "assessment_due": 3,
    "baseline_missing": 3,
    "screening_incomplete": 3,
    "action_no_owner": 4,
}
KINDS = tuple(URGENCY)


@dataclass(frozen=True)
class Alert:
    """One thing to do for one case.

    ``date`` is when it falls / fell due (expiry, due date, deadline, date contact became
    due…); ``days`` = ``date`` − reference date, negative when overdue, ``None`` when the
    alert has no date. ``sheet_key`` + ``row`` point at the entry to open (``row`` None:
    the sheet where a new row is needed).
    """

    urgency: int
    level: str
    kind: str
    case_id: str
    case_manager: str | None
    sheet_key: str
    row: int | None
    date: dt.date | None
    days: int | None
    message: str

    def sort_key(self) -> tuple:
        return (self.urgency, self.date is None, self.date or dt.date.min, self.case_id, self.kind,
                self.row or 0)

    def to_json(self) -> dict:
        return {"urgency": self.urgency, "level": self.level, "kind": self.kind, "case_id": self.case_id,
                "case_manager": self.case_manager, "sheet_key": self.sheet_key, "row": self.row,
                "date": self.date.isoformat() if self.date else None, "days": self.days,
                "message": self.message}


def compute_alerts(ds, as_of: dt.date | None = None) -> list[Alert]:
    """Every alert for the active families at ``as_of`` (default: the dataset's reference date)."""
    from .rules import RULES, Context

    ctx = Context.build(ds, as_of or ds.reference_date)
    with unit_scope(evaluation_unit(ds.settings)):  # messages say families or persons
        alerts = [a for rule in RULES for a in rule(ctx)]
    return sorted(alerts, key=Alert.sort_key)
