"""What the anonymised export keeps of dates and nationalities, so it cannot be linked back to a family.

Why: for a cohort of a dozen families, an exact calendar date (referral, arrival,
a home visit) or a typed nationality singles a family out for anyone who knows
it. An evaluation needs durations and broad origins, not days of the calendar:
- **Dates become days counted from the case's referral** (day 0; negative =
  before it, e.g. the arrival in the country). A case without a referral date
  counts from its earliest date on any sheet. A year typed alone counts from its
  1 July (as everywhere in ptxl). Each ``<key>`` date column is exported as
  ``<key>_days``, and the families table gets ``reference_days``: the reference
  date of the evaluation in the same count, for durations of open cases.
  Exact dates only with ``--exact-dates``.
- **Nationality only from the project's list** (``ptxl/forms/nationalities.csv``),
  by its label in the workbook's language; anything else is ``other``, never the
  typed text. With ``--suppress``, a nationality shared by fewer families than
  the threshold becomes ``other`` too, and while ``other`` itself holds fewer than
  the threshold, the smallest remaining nationality joins it. The same
  categories feed every file of the export, the statistics included.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from .schema import nationality_code, nationality_label

OTHER = "other"
DAYS_SUFFIX = "_days"
REFERENCE_DAYS = "reference_days"
NATIONALITY_TABLES = ("families", "members")


# ------------------------------------------------------------------ dates

def case_anchors(ds) -> dict[str, pd.Timestamp]:
    """Each case's day 0: its referral date, else its earliest date on any entry sheet."""
    from .schema import get_schema
    anchors: dict[str, pd.Timestamp] = {}
    earliest: dict[str, pd.Timestamp] = {}
    for sheet in get_schema().entry_sheets:
        df = ds.tables.get(sheet.key)
        if df is None or "case_id" not in df:
            continue
        for c in sheet.columns:
            if not c.field.is_date or c.key not in df:
                continue
            pairs = df[["case_id", c.key]].dropna()
            for cid, when in pairs.itertuples(index=False, name=None):
                cid = str(cid).strip()
                if sheet.key == "families" and c.key == "referral_date":
                    anchors[cid] = when
                if cid not in earliest or when < earliest[cid]:
                    earliest[cid] = when
    return {**earliest, **anchors}


def days_since_anchor(values: pd.Series, case_ids: pd.Series | None, anchors: dict) -> pd.Series:
    """Dates → whole days from their case's day 0 (None when the date or the case's day 0 is missing)."""
    if case_ids is None:
        return pd.Series([None] * len(values), index=values.index, dtype="object")

    anchor = pd.to_datetime(case_ids.map(lambda c: anchors.get(c.strip()) if isinstance(c, str) else None))
    days = (pd.to_datetime(values).dt.normalize() - anchor.dt.normalize()).dt.days
    return pd.Series([None if pd.isna(d) else int(d) for d in days], index=values.index, dtype="object")


def reference_days(families: pd.DataFrame, anchors: dict, ref) -> pd.Series:
    """The evaluation's reference date, in days from each family's day 0."""
    ref = pd.Timestamp(ref)
    ids = families["case_id"] if "case_id" in families else pd.Series([None] * len(families), index=families.index)
    return days_since_anchor(pd.Series([ref] * len(families), index=families.index), ids, anchors)


# ------------------------------------------------------------------ nationalities

def listed_label(value, lang: str):
    """A typed nationality → its listed label, ``other`` when not listed, None when blank."""
    if not isinstance(value, str) or not value.strip():
        return None
    code = nationality_code(value)
    return nationality_label(code, lang) if code else OTHER


def _families_per_label(ds, label_of) -> dict[str, set]:
    out: dict[str, set] = {}
    for key in NATIONALITY_TABLES:
        df = ds.tables.get(key)
        if df is None or "nationality" not in df or "case_id" not in df:
            continue
        for cid, nat in df[["case_id", "nationality"]].itertuples(index=False, name=None):
            label = label_of(nat)
            if label is not None and isinstance(cid, str) and cid.strip():
                out.setdefault(label, set()).add(cid.strip())
    return out


def fold_small(groups: dict[str, set], threshold: int) -> dict[str, str]:
    """The suppression rule, once: label → category, where a label held by fewer than ``threshold``
    families is ``other``, and while ``other`` holds fewer than ``threshold`` the smallest label joins it."""
    mapping = {label: label for label in groups}
    other = set(groups.get(OTHER, set()))
    kept = {}
    for label, cases in groups.items():
        if label == OTHER:
            continue
        if len(cases) < threshold:
            mapping[label] = OTHER
            other |= cases
        else:
            kept[label] = cases
    while other and len(other) < threshold and kept:
        label = min(kept, key=lambda k: (len(kept[k]), k))
        mapping[label] = OTHER
        other |= kept.pop(label)
    return mapping


def nationality_categories(ds, threshold: int | None) -> dict:
    """Listed label (or ``other``) → the category exported for it; ``threshold`` None: no suppression."""
    lang = ds.lang
    groups = _families_per_label(ds, lambda v: listed_label(v, lang))
    return fold_small(groups, threshold) if threshold else {label: label for label in groups}


def fold_profile_nationalities(stats: dict, threshold: int) -> dict:
    """The same rule on the statistics' own populations (admitted, reviewed families), before suppression:
    a nationality folded into ``other`` in one profile is folded in both."""
    cohort = stats.get("cohort", {})
    profiles = [cohort[k] for k in ("admitted", "reviewed") if isinstance(cohort.get(k), dict)
                and isinstance(cohort[k].get("nationalities"), dict)]
    folded = set()
    for prof in profiles:
        groups = {label: {(label, i) for i in range(int(n))} for label, n in prof["nationalities"].items()}
        folded |= {label for label, cat in fold_small(groups, threshold).items() if cat != label}
    for prof in profiles:
        merged: dict = {}
        for label, n in prof["nationalities"].items():
            cat = OTHER if label in folded else label
            merged[cat] = merged.get(cat, 0) + int(n)
        prof["nationalities"] = merged
    return stats


def export_nationality(ds, threshold: int | None):
    """The one function every file of the export uses to turn a typed nationality into what it shows."""
    categories = nationality_categories(ds, threshold)
    lang = ds.lang

    def convert(value):
        label = listed_label(value, lang)
        return None if label is None else categories.get(label, OTHER)
    return convert


def with_nationalities(ds, convert):
    """A copy of the dataset whose nationality columns hold the exported categories (for its statistics)."""
    tables = dict(ds.tables)
    for key in NATIONALITY_TABLES:
        df = tables.get(key)
        if df is not None and "nationality" in df:
            df = df.copy()
            df["nationality"] = df["nationality"].map(convert).astype("object")
            tables[key] = df
    return dataclasses.replace(ds, tables=tables)
