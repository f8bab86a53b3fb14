"""Figures derived from a statistics dict, computed once for every view: the layout and the report
used to derive them each on their own (years-in-country bins twice, the baseline change and share
improved in the layout, each family's legal stay in the report, the tables' totals in the layout,
the most frequent answers the report's readings name).

Pure, and it works on a published (suppressed) dict as well: a hidden value (``"<5"``, ``"*"``)
gives no derived figure (None), never a figure that would give it back.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Mapping

from ..domain import admitted_statuses, years_bin_counts
from ..schema import get_schema
from ..suppress import POSITIVE


@dataclass(frozen=True)
class Figures:
    years_bins: tuple = ()  # reviewed families per years-in-country bin of the forms, the unknown ones last
    baseline_change: dict = field(default_factory=dict)  # annex A item → latest mean − first mean (1 decimal)
    baseline_improved: dict = field(default_factory=dict)  # annex A item → share of families improved (0–1)
    legal_stay: dict = field(default_factory=dict)  # reviewed case id → whole years of legal stay (0 when blank)
    positive: dict = field(default_factory=dict)  # impact question → families answering some or considerable
    one_case_pct: float | None = None  # what one reviewed family weighs in a percentage (100 / n)
    # count table → the total of its shown counts (a hidden one, "<5", adds nothing): adult_ages, child_ages,
    # years, statuses, nationalities, contacts_by_type
    totals: dict = field(default_factory=dict)
    top_answer: dict = field(default_factory=dict)  # impact question → its most frequent answer (None if hidden)
    yes_extremes: dict = field(default_factory=dict)  # annex B group → (most, least "yes" question) or None
    # (annex B group, "impact" | "yes_no") → its answer table shows a "no answer" column (one of its questions
    # has a no-answer count, shown or hidden)
    no_answer_column: dict = field(default_factory=dict)
    # whose nationalities the nationality chart counts: "reviewed" (the seed's chart: the examined families)
    # when the statistics count them, else "admitted"
    nationalities_of: str = "admitted"


def _number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def derive(stats: Mapping, families=None) -> Figures:
    """``stats``: a ``compute_stats`` dict, published or not; ``families``: the dataset's families table."""
    reviewed = (stats.get("cohort") or {}).get("reviewed") or {}
    years = reviewed.get("years_in_country") or {}
    change, improved = {}, {}
    for key, item in (stats.get("baseline") or {}).items():
        first, latest, n, up = (item.get(k) for k in ("first_mean", "latest_mean", "n", "improved"))
        change[key] = round(latest - first, 1) if _number(first) and _number(latest) else None
        improved[key] = (up or 0) / n if _number(n) and n and (up is None or _number(up)) else None
    impact = stats.get("impact") or {}
    positive = {}
    for key, q in (impact.get("questions") or {}).items():
        if "positive_pct" in q:
            cells = [(q.get("counts") or {}).get(c, 0) for c in sorted(POSITIVE)]
            positive[key] = sum(cells) if all(_number(c) for c in cells) else None
    n = impact.get("n")
    bins = tuple(years_bin_counts(years.values()))
    top, extremes = _readings(impact.get("questions") or {})
    return Figures(bins, change, improved, _legal_stay(years, families), positive,
                   100 / n if _number(n) and n else None, _totals(stats, bins), top, extremes,
                   _no_answer_columns(impact.get("questions") or {}),
                   "reviewed" if "nationalities" in reviewed else "admitted")


def _no_answer_columns(questions: Mapping) -> dict:
    """Each answer table of the impact sheet and the report (a group's impact or yes/no questions) shows a
    "no answer" column when one of its questions has one: zero columns are left out, a hidden count
    ("<5") is kept (leaving its column out would tell it is 0)."""
    out: dict = {}
    for q in get_schema().annex_b:
        if q.scale in ("impact", "yes_no"):
            counts = (questions.get(q.key) or {}).get("counts") or {}
            out[q.group, q.scale] = out.get((q.group, q.scale), False) or bool(counts.get("no_answer", 0))
    return out


def _total(values) -> int:
    return sum(v for v in values if _number(v))


def _totals(stats: Mapping, bins: tuple) -> dict:
    """Each count table's total, over the categories the forms list (the rows the tables show)."""
    sch = get_schema()
    adm = (stats.get("cohort") or {}).get("admitted") or {}
    eng = stats.get("engagement") or {}
    status, by_type = eng.get("status_counts") or {}, eng.get("contacts_by_type") or {}
    return {
        "adult_ages": _total((adm.get("adult_age_brackets") or {}).get(b.key, 0) for b in sch.age_brackets["adult"]),
        "child_ages": _total((adm.get("child_age_brackets") or {}).get(b.key, 0) for b in sch.age_brackets["child"]),
        "years": _total(bins),
        "statuses": _total(status.get(c, 0) for c in admitted_statuses()),
        "nationalities": _total((adm.get("nationalities") or {}).values()),
        "contacts_by_type": _total(by_type.get(c, 0) for c in sch.scales["contact_type"].codes),
    }


def _readings(questions: Mapping) -> tuple[dict, dict]:
    """The report's readings: each impact question's most frequent answer (the scale's first on a tie), and
    per annex B group the prompt question most and least often answered "yes" (the forms' first on a tie).
    None where a count is hidden: naming the larger of two hidden counts would tell them apart."""
    sch = get_schema()
    codes = [c for c in sch.scales["impact"].codes if c != "no_answer"]
    top = {}
    for q in sch.annex_b:
        counts = (questions.get(q.key) or {}).get("counts")
        if q.scale == "impact" and counts is not None:
            cells = [counts.get(c, 0) for c in codes]
            top[q.key] = None if not all(_number(c) for c in cells) else codes[cells.index(max(cells))]
    extremes = {}
    for group in sch.groups:
        keys = [q.key for q in sch.annex_b if q.group == group and q.scale == "yes_no" and q.key in questions]
        if keys:
            yes = [(questions[k].get("counts") or {}).get("yes", 0) for k in keys]
            extremes[group] = ((keys[yes.index(max(yes))], keys[yes.index(min(yes))])
                               if all(_number(y) for y in yes) else None)
    return top, extremes


def _legal_stay(years: Mapping, families) -> dict:
    legal = {}
    if families is None or not years or "legal_stay_years" not in getattr(families, "columns", ()):
        return legal
    for cid, ly in zip(families["case_id"], families["legal_stay_years"]):
        if cid in years:
            legal[cid] = 0.0 if ly is None or (isinstance(ly, float) and math.isnan(ly)) else float(ly)
    return legal
