"""The rules of the domain, each defined once; every stage (rules, statistics, documents, alerts,
layout, report, export) calls them instead of re-deriving them.

- **Admitted** (FORMS.md): an admission date and a status other than ``screening`` /
  ``not_admitted``; *at a date*, also the admission date on or before it (a family admitted
  after an earlier ``--as-of`` date is not yet admitted). The status *at a date*: a case closed
  after it was still active then; its support ends at its closure date, or at the date when it is
  still open then (``support_end``: months supported, time in the project). ``cases``.
- **Counted in the impact tables**: admitted at the reference date and with a client summary
  dated on or before it; its latest such summary is the one counted. ``cases.counted_summaries``.
- **Latest row at a date**: the last row dated on or before the date; the same date: the row
  typed later wins. ``latest``.
- **Undated rows** (one rule, said here once): a row of a dated log (client summaries,
  assessments, vulnerability checks, case studies, contacts) without its date cannot be placed
  before or after the reference date, and FORMS.md counts the latest summary *dated* on or
  before it; so an undated row is left out everywhere — statistics, Word documents and alerts
  alike — and validation reports it as the warning ``date.undated``. ``latest.UNDATED_LEFT_OUT``.
- **Age at a date**: completed years; a birth year alone stands for 1 July (the reader's rule),
  never below 0. **Months between dates**: calendar months, then the remaining days; as a
  number, the remaining days are a fraction of the month they fall in. ``dates``.
- **Document validity**: typed "valid until", else issue date + the type's default months;
  a later document of the same case and type (and the same description, when both have one)
  supersedes it; documents issued after the reference date do not exist yet. ``documents``.
- **Brackets**: age brackets and years-in-country bins are the forms' (through the schema),
  counted by their bounds, never parsed back from labels. ``brackets``.
- **Positive impact**: an impact answer of ``some`` or ``considerable``. ``cases.POSITIVE_ANSWERS``.
- **A case's contacts at a date**: per type, the weeks of support they spread over (from the
  admission, else the first contact, to where support ends), the rate a week. ``contacts``.
"""

from .brackets import ADULT_ROLES, adult_age, age_bracket_keys, age_brackets, bracket_counts, years_bin_counts
from .cases import (NOT_ADMITTED, POSITIVE_ANSWERS, admitted_families, admitted_mask, admitted_statuses,
                    counted_summaries, is_admitted, referred_families, status_at, status_on, support_end,
                    support_ends)
from .dates import DAYS_PER_YEAR, add_months, after, age_on, age_years, months_between, months_float, years_between
from .documents import DocumentState, document_states, expiry, validity_months
from .latest import UNDATED_LEFT_OUT, dated_on_or_before, latest_positions, latest_row, latest_rows, undated_mask

__all__ = ["ADULT_ROLES", "DAYS_PER_YEAR", "NOT_ADMITTED", "POSITIVE_ANSWERS", "UNDATED_LEFT_OUT", "DocumentState",
           "add_months", "after",
           "admitted_families", "admitted_mask", "admitted_statuses", "adult_age", "age_bracket_keys",
           "age_brackets", "age_on", "age_years", "bracket_counts", "counted_summaries", "dated_on_or_before",
           "document_states", "expiry", "is_admitted", "latest_positions", "latest_row", "latest_rows",
           "months_between", "months_float", "referred_families", "status_at", "status_on", "support_end",
           "support_ends", "undated_mask", "validity_months",
           "years_between", "years_bin_counts"]
