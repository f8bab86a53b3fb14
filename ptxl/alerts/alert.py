"""One alert and the fixed orders of alerts (urgency, levels, kinds): the model the rules fill in.

Apart from the package's ``__init__`` so that ``rules`` can import it without importing the
package that imports ``rules`` (no cycle, see tests/test_import_graph.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .messages import render_alert  # the words only, worded when shown: the rules never render

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


@dataclass(frozen=True, init=False)
class Alert:
    """One thing to do for one case.

    ``date`` is when it falls / fell due (expiry, due date, deadline, date contact became
    due…); ``days`` = ``date`` − reference date, negative when overdue, ``None`` when the
    alert has no date. ``sheet_key`` + ``row`` point at the entry to open (``row`` None:
    the sheet where a new row is needed).

    What it says is kept as ``code`` (a template of ``alerts.templates``) and ``params``
    (``(name, value)`` pairs: dates, day counts, the forms' codes and keys, never a word of
    one language), and worded late: ``render(lang)`` in any language, ``message`` in the
    workbook's (``lang``), for ``unit`` (the pilot's families or persons).

    Frozen, with an ``__init__`` of its own: the one a frozen dataclass generates calls
    ``object.__setattr__`` once per field, 2.5 µs an alert (5 ms of realistic M's 2,180).
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
    code: str
    params: tuple
    lang: str
    unit: str

    def __init__(self, urgency: int, level: str, kind: str, case_id: str, case_manager: str | None,
                 sheet_key: str, row: int | None, date: dt.date | None, days: int | None, code: str,
                 params: tuple = (), lang: str = "fr", unit: str = "family"):
        vars(self).update(urgency=urgency, level=level, kind=kind, case_id=case_id, case_manager=case_manager,
                          sheet_key=sheet_key, row=row, date=date, days=days, code=code, params=params,
                          lang=lang, unit=unit)

    def render(self, lang: str) -> str:
        return render_alert(self.code, self.params, lang, self.unit)

    @property
    def message(self) -> str:
        """What to do, in the workbook's language."""
        return self.render(self.lang)

    def sort_key(self) -> tuple:
        return (self.urgency, self.date is None, self.date or dt.date.min, self.case_id, self.kind,
                self.row or 0)

    def to_json(self, lang: str | None = None) -> dict:
        return {"urgency": self.urgency, "level": self.level, "kind": self.kind, "case_id": self.case_id,
                "case_manager": self.case_manager, "sheet_key": self.sheet_key, "row": self.row,
                "date": self.date.isoformat() if self.date else None, "days": self.days,
                "message": self.render(lang or self.lang)}
