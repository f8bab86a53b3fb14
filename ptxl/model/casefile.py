"""One case's figures at the reference date, as the four Word documents show them: plain typed records.

Why here, in the bottom layer: ``stats.casefiles`` computes them (the compute side of the pipeline)
and the documents view formats them; both meet on these records instead of the view deriving ages,
durations, latest rows or document states itself. Values are plain Python (``datetime.date``,
``int``, ``str``, ``None``); the rows are the dataset's, never formatted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping


@dataclass(frozen=True)
class Member:
    row: dict  # the members sheet's row
    age: int | None  # completed years at the reference date (domain ``age_on``), None if the birth date is blank


@dataclass(frozen=True)
class CaseFile:
    """Every figure and row the annexes A, B, C and the family case file show of one case."""

    case_id: str
    family: dict  # the families sheet's row
    members: tuple = ()  # Member, in entry order
    assessments: tuple = ()  # annex A rows dated on or before the reference date, oldest first
    latest_assessment: dict | None = None
    summary: dict | None = None  # the latest client summary dated on or before the reference date
    vulnerabilities: dict | None = None  # the latest vulnerability check, likewise
    case_study: dict | None = None  # the latest case study narrative, likewise
    contacts: tuple = ()  # contact rows dated on or before the reference date, oldest first
    contact_summary: object = None  # ``domain.contacts.ContactSummary`` or None (no contact, no support)
    status: str | None = None  # the status at the reference date (closed later: still active then)
    admitted: bool = False  # admitted by the reference date
    closed: bool = False  # closed on or before the reference date
    support_end: dt.date | None = None  # where the time in the project ends (closure or reference date)
    in_project: tuple | None = None  # (months, days) from admission to support end; None if not admitted
    in_country: tuple | None = None  # (months, days) from arrival to the reference date; None if unknown
    documents: tuple = ()  # ``domain.DocumentState`` of each document existing at the reference date
    chronology: tuple = ()  # chronology rows by event date (undated last)
    actions: tuple = ()  # action rows by due date (undated last)


@dataclass(frozen=True)
class CaseFiles:
    """All cases of a dataset (case id → CaseFile, in the families sheet's order) and what every document
    needs to know of the dataset. ``cases`` may compute each case on first use (``stats.casefiles``)."""

    lang: str
    reference_date: dt.date
    settings: object  # the dataset's typed ``schema.Settings``
    cases: Mapping = field(default_factory=dict)
    admitted: frozenset = frozenset()  # case ids admitted by the reference date, as the statistics count them
