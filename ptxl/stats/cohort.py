"""Who the families are: the seed note's "Quelles sont ces familles ?" and its charts.

The same profile is computed for the admitted families (the charts "Âge des
adultes / des enfants", 23 adults and 42 children) and for the reviewed ones
(the text: 12 families, 20 adults, 32 children, 9 asked asylum, 8 in Belgium for
more than 5 years).

Age brackets, decided where the seed is silent: adults younger than 20 go to
``<20`` and adults of 60 or more to ``60+`` (both always present, usually 0, so
no adult is silently put in a wrong bracket); an unknown birth date is
``unclear`` for adults and children alike. Ages are completed years at the
reference date; a birth year alone counts as born on 1 July.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import numpy as np
import pandas as pd

from ..domain import ADULT_ROLES, adult_age, after, age_years, bracket_counts, years_between
from .common import round1_all

UNCLEAR = "unclear"


def cohort_stats(referred: pd.DataFrame, admitted: pd.DataFrame, reviewed_ids: list,
                 members: pd.DataFrame, ref: dt.date) -> dict:
    """The reviewed families are among the admitted ones: their members, ages and years in the country
    are picked from the admitted families' (computed once)."""
    mem = members[members["case_id"].isin(admitted["case_id"])]
    # a child born after the reference date was not there yet (a year alone: only a later year)
    mem = mem[~after(mem["birth_date"], ref, mem.get("birth_date_year_only"))]
    age = age_years(mem["birth_date"], ref).to_numpy()
    years = years_between(admitted["arrival_date"], ref).to_numpy()
    counted = admitted["case_id"].isin(reviewed_ids).to_numpy()
    reviewed = admitted[counted]
    theirs = mem["case_id"].isin(reviewed["case_id"]).to_numpy()
    return {
        "families_referred": int(referred["case_id"].nunique()),
        "families_admitted": int(len(admitted)),
        "admitted": profile(admitted, years, mem, age),
        "reviewed": profile(reviewed, years[counted], mem[theirs], age[theirs]),
    }


def profile(fam: pd.DataFrame, years: np.ndarray, mem: pd.DataFrame, age: np.ndarray) -> dict:
    """``years``: each family's years in the country at the reference date (``years_between``); ``mem``:
    the members of ``fam`` there then; ``age``: their ages then (``age_years``), in order."""
    ids = fam["case_id"]
    adult = mem["role"].isin(ADULT_ROLES).to_numpy()
    child = (mem["role"] == "child").to_numpy()
    return {
        "families": int(len(fam)),
        "adults": int(adult.sum()),
        "children": int(child.sum()),
        "children_18_plus": int((child & (age >= adult_age())).sum()),
        "adult_age_brackets": bracket_counts(age[adult], "adult"),
        "child_age_brackets": bracket_counts(age[child], "child"),
        "nationalities": _nationalities(fam["nationality"]),
        "stateless": int((fam["stateless"] == "yes").sum()),
        "asylum_on_arrival": int((fam["asylum_on_arrival"] == "yes").sum()),
        "over_5_years_in_country": int((years > 5).sum()),
        "years_in_country": dict(zip(ids.tolist(), round1_all(years))),
    }


def _nationalities(nat: pd.Series) -> dict:
    """Families per nationality as typed; spellings differing only by case or spaces are one.

    The most common spelling names the group; most frequent first, then alphabetical.
    (A Counter over the few distinct spellings beats pandas string methods here.)
    """
    spelled = Counter(" ".join(v.split()) if isinstance(v, str) and v.strip() else UNCLEAR for v in nat.to_numpy(dtype=object))
    groups: dict = {}
    for label, k in spelled.most_common():
        total, name = groups.get(label.casefold(), (0, label))
        groups[label.casefold()] = (total + k, name)
    ordered = sorted(groups.values(), key=lambda t: (-t[0], t[1]))
    return {name: total for total, name in ordered}
