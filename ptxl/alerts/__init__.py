"""Case follow-up alerts: what a case manager should do next, most urgent first.

``compute_alerts(ds, as_of)`` is a pure stage (dataset in, list out). It reads the
thresholds from ``ds.settings`` (the workbook's settings sheet), falling back to the
schema's defaults when a value is blank or unreadable, so a half-filled settings sheet
never silences an alert. Only families whose status is ``active`` get alerts.
"""

from __future__ import annotations

import datetime as dt

from ..pilot import evaluation_unit
from .alert import KINDS, LEVELS, URGENCY, Alert
from .messages import alert_columns, kind_label, level_label, link_text, render_alert

__all__ = ["Alert", "compute_alerts", "alert_columns", "kind_label", "level_label", "link_text", "render_alert",
           "URGENCY", "LEVELS", "KINDS"]


def compute_alerts(ds, as_of: dt.date | None = None) -> list[Alert]:
    """Every alert for the active families at ``as_of`` (default: the dataset's reference date)."""
    from .rules import RULES, Context

    ctx = Context.build(ds, as_of or ds.reference_date, evaluation_unit(ds.settings))  # families or persons
    alerts = [a for rule in RULES for a in rule(ctx)]
    return sorted(alerts, key=Alert.sort_key)
