"""Age brackets and years-in-country bins, as the forms define them (through the schema).

Counted by the brackets' bounds; nothing here reads a label, so a relabelled bracket
cannot change who is in it, and the export's brackets are the charts' brackets.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import numpy as np
import pandas as pd

from ..schema import get_schema
from .dates import age_years

ADULT_ROLES = ("parent", "other_adult")  # the ``role`` codes of the adult brackets; ``child``: the child ones
GROUP_ROLES = {"adult": ADULT_ROLES, "child": ("child",)}


def adult_age() -> float:
    """The age of majority: where the forms' open last child bracket (``18+``) starts."""
    return next(b.low for b in get_schema().age_brackets["child"] if b.high is None and b.low is not None)


def age_bracket_keys(group: str) -> list[str]:
    """The bracket keys of ``adult`` or ``child``, in the forms' order (``unclear`` included)."""
    return [b.key for b in get_schema().age_brackets[group]]


def unknown_key(group: str = "adult") -> str:
    """The key of the bracket without bounds: an unknown birth date."""
    return next(b.key for b in get_schema().age_brackets[group] if b.unknown)


def _keys(age: np.ndarray, group: str) -> np.ndarray:
    """Each age's bracket key in ``group`` (the unknown bracket where the age is NaN), as an array.

    A few numpy masks over the plain ages: a pandas mask and assignment per bracket cost ~1 ms each.
    """
    out = np.full(len(age), unknown_key(group), dtype=object)
    known = ~np.isnan(age)
    for b in get_schema().age_brackets[group]:
        if b.unknown:
            continue
        inside = known & (age >= (b.low if b.low is not None else float("-inf")))
        inside &= age < (b.high if b.high is not None else float("inf"))
        out[inside] = b.key
    return out


def bracket_of(age: pd.Series, group: str) -> pd.Series:
    """Each age's bracket key in ``group`` (the unknown bracket where the age is NaN)."""
    return pd.Series(_keys(age.to_numpy(dtype="float64", na_value=np.nan), group), index=age.index, dtype="object")


def bracket_counts(age, group: str) -> dict:
    """Count per bracket key of ``group``, every bracket present (0 when empty); ``age``: a Series or an array."""
    found = Counter(_keys(np.asarray(age, dtype="float64"), group).tolist())
    return {k: found.get(k, 0) for k in age_bracket_keys(group)}


def age_brackets(members: pd.DataFrame, birth_key: str, ref: dt.date) -> pd.Series:
    """Each member's bracket key at ``ref`` by role; the unknown bracket for a role of neither group."""
    age = age_years(members[birth_key], ref)
    out = pd.Series(unknown_key(), index=members.index, dtype="object")
    for group, roles in GROUP_ROLES.items():
        who = members["role"].isin(roles)
        out[who] = bracket_of(age[who], group)
    return out


def years_bin_index(years) -> int:
    """Index of the years-in-country bin (the last index, after the bins: unknown)."""
    bins = get_schema().years_bins
    if years is None or years != years:
        return len(bins)
    return next(i for i, b in enumerate(bins) if b.top is None or years <= b.top)


def years_bin_counts(years) -> list[int]:
    """Families per years-in-country bin, then the unknown ones (always last)."""
    counts = [0] * (len(get_schema().years_bins) + 1)
    for y in years:
        counts[years_bin_index(y)] += 1
    return counts
