"""Small-cell suppression of the statistics, for publication (``stats``/``report``/``export --suppress``).

Why: the cohort is a dozen families. "1 family from Liberia" or "2 families
said their housing got worse" identifies people to anyone who knows the
project. So a count of people or families from 1 to ``threshold - 1`` is shown
as ``"<5"``; a zero stays 0 (it describes nobody).

Hiding one cell is not enough when the row total N is published: N minus the
visible cells gives it back. Secondary suppression therefore hides more cells
of the same row, smallest first (a zero is hidden as ``"<5"``, truthfully; a
larger count as ``"*"``) until no hidden cell can be worked out. "Worked out"
is judged as a reader would: knowing N, the visible cells and that ``"<5"``
means 0–4 (``"*"`` gives no bound), each hidden cell must still have at least
two possible values. Percentages of hidden cells are hidden too (``"*"``).
The positive-impact percentage (some + considerable) is kept when hiding both
of its cells still protects each of them; otherwise it is hidden.

The cohort profile is published twice (admitted and reviewed families); their
difference describes the few admitted families not reviewed, so a category is
hidden in both profiles or in neither, and a small difference is hidden.

Not suppressed, on purpose: totals of families, adults and children (the N of
every table; they say who was counted, not what they are like), counts of
contacts (events, not people) and means (except of fewer than ``threshold``
families). Per-family values (``years_in_country`` by case id) are removed.
"""

from __future__ import annotations

import copy
from typing import Iterable, Mapping

from .domain import POSITIVE_ANSWERS
from .schema import Settings, get_schema

# The setting's default and its smallest value that hides anything (1 to threshold - 1): the forms'.
_THRESHOLD = get_schema().setting("small_cell_threshold")
DEFAULT_THRESHOLD, MIN_THRESHOLD = _THRESHOLD.default, _THRESHOLD.field.minimum
HIDDEN = "*"
PROFILE_ROWS = ("adult_age_brackets", "child_age_brackets", "nationalities")
PROFILE_BINARY = {"stateless": "families", "asylum_on_arrival": "families",
                  "over_5_years_in_country": "families"}
PER_FAMILY = ("years_in_country",)
POSITIVE = POSITIVE_ANSWERS  # the cells behind an impact question's positive_pct (the domain's)


def small_cell_threshold(settings) -> int:
    """The workbook settings' small-cell threshold: the one place a view asks for it.

    ``settings`` is the typed ``schema.Settings`` (blank or out of its limits: the forms' default, a
    finding already said so); a plain mapping (``pipeline.from_stats`` without a dataset) gives the default.
    """
    return Settings.of(settings).small_cell_threshold


def small(threshold: int) -> str:
    return f"<{threshold}"


def marker(value: int, threshold: int) -> str:
    """What a hidden count shows: ``"<5"`` when true of it, else ``"*"``."""
    return small(threshold) if value < threshold else HIDDEN


# ------------------------------------------------------------------ one row

def feasible(counts: Mapping[str, int], marks: Mapping[str, str], threshold: int,
             floor: Mapping[str, int] | None = None) -> dict[str, tuple[int, int]]:
    """For each hidden cell (``marks``: cell → shown marker), the (low, high) values a reader can deduce.

    The reader knows the row total, the visible cells, that ``"<5"`` is 0–4 and
    ``floor`` (cells known to be at least 1: a nationality is listed only when present).
    """
    floor = floor or {}
    s = sum(counts[k] for k in marks)
    dom = {k: (floor.get(k, 0), threshold - 1 if m != HIDDEN else s) for k, m in marks.items()}
    lo_sum = sum(lo for lo, _ in dom.values())
    hi_sum = sum(hi for _, hi in dom.values())
    return {k: (max(lo, s - (hi_sum - hi)), min(hi, s - (lo_sum - lo))) for k, (lo, hi) in dom.items()}


def is_protected(counts: Mapping[str, int], marks: Mapping[str, str], threshold: int,
                 floor: Mapping[str, int] | None = None) -> bool:
    if not marks:
        return True
    if len(marks) < 2:
        return False
    return all(hi > lo for lo, hi in feasible(counts, marks, threshold, floor).values())


def hide_row(counts: Mapping[str, int], threshold: int, force: Iterable[str] = (),
             floor: Mapping[str, int] | None = None) -> dict[str, str]:
    """The cells of one row (categories summing to a published total) to hide → their markers.

    Smallest visible cell next, until protected. When every cell is hidden and
    the "<5" markers alone still pin a value (two cells of 4 in a total of 8),
    the row's markers all become ``"*"``: hidden, no bound given.
    """
    if not any(counts.values()):
        return {}  # nobody in the row: the total already says every cell is 0
    hidden = {k for k, v in counts.items() if 0 < v < threshold} | set(force)
    order = list(counts)
    marks = {k: marker(counts[k], threshold) for k in hidden}
    while not is_protected(counts, marks, threshold, floor):
        rest = [k for k in order if k not in marks]
        if not rest:
            marks = {k: HIDDEN for k in marks}
            break
        k = min(rest, key=lambda k: (counts[k], order.index(k)))
        marks[k] = marker(counts[k], threshold)
    return marks


def _apply(counts: dict, marks: Mapping[str, str]) -> dict:
    return {k: marks.get(k, v) for k, v in counts.items()}


# ------------------------------------------------------------------ the stats dict

def suppress_stats(stats: Mapping, threshold: int = DEFAULT_THRESHOLD) -> dict:
    """A copy of a ``compute_stats`` dict safe to publish; the input is not changed."""
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"threshold must be at least {MIN_THRESHOLD}")
    out = copy.deepcopy(dict(stats))
    removed: list[str] = []
    if isinstance(out.get("impact"), dict):
        _impact(out["impact"], threshold)
    if isinstance(out.get("cohort"), dict):
        _cohort(out["cohort"], threshold, removed)
    if isinstance(out.get("engagement"), dict):
        _engagement(out["engagement"], threshold)
    if isinstance(out.get("baseline"), dict):
        for item in out["baseline"].values():
            _baseline_item(item, threshold)
    out["suppression"] = {"threshold": threshold, "small": small(threshold), "hidden": HIDDEN,
                          "removed": removed}
    return out


def _impact(impact: dict, t: int) -> None:
    for q in (impact.get("questions") or {}).values():
        counts = q.get("counts") or {}
        hidden = hide_row(counts, t)
        keep_positive = True
        if "positive_pct" in q and set(hidden) & POSITIVE:
            hidden, keep_positive = _with_positive(counts, hidden, t)
        q["counts"] = _apply(counts, hidden)
        if "pct" in q:
            q["pct"] = {k: HIDDEN if k in hidden else v for k, v in q["pct"].items()}
        if "positive_pct" in q and not keep_positive:
            q["positive_pct"] = HIDDEN


def _with_positive(counts: dict, marks: dict, t: int) -> tuple[dict, bool]:
    """Keep the headline "positive impact %" by hiding both of its cells, if that protects.

    The percentage publishes some + considerable, so the row splits into two
    groups with known sums; each group's hidden cells must be protected alone.
    Otherwise the percentage is hidden and the row stays as it was.
    """
    groups = [POSITIVE & set(counts), set(counts) - POSITIVE]
    force = set(marks) | groups[0]
    while True:
        m = hide_row(counts, t, force=force)
        bad = [g for g in groups if not is_protected(counts, {k: m[k] for k in g if k in m}, t)]
        if not bad:
            return m, True
        rest = [k for k in counts if k in bad[0] and k not in m]
        if not rest:
            return marks, False
        force = set(m) | {min(rest, key=lambda k: counts[k])}


def _binary(value: int, total: int, t: int) -> bool:
    """A count "x of total" is hidden when x or its complement is a small cell."""
    return 0 < value < t or 0 < total - value < t


def _cohort(cohort: dict, t: int, removed: list) -> None:
    adm, rev = cohort.get("admitted"), cohort.get("reviewed")
    profiles = {k: p for k, p in (("admitted", adm), ("reviewed", rev)) if isinstance(p, dict)}
    hidden: dict[tuple, dict] = {}
    floors = {}
    for name, p in profiles.items():
        for key in PROFILE_ROWS:
            if isinstance(p.get(key), dict):
                floors[(name, key)] = _floor(key, p[key])
                hidden[(name, key)] = hide_row(p[key], t, floor=floors[(name, key)])
    if adm is not None and rev is not None:
        _difference(adm, rev, t, hidden, floors)
    for (name, key), h in hidden.items():
        profiles[name][key] = _apply(profiles[name][key], h)
    for name, p in profiles.items():
        brackets = p.get("child_age_brackets")
        if "children_18_plus" in p and isinstance(brackets, dict) and "18+" in brackets:
            p["children_18_plus"] = brackets["18+"]  # the same figure twice: shown the same way
        for key, total_key in PROFILE_BINARY.items():
            if isinstance(p.get(key), int) and isinstance(p.get(total_key), int):
                if _binary(p[key], p[total_key], t) or _diff_hides(name, key, total_key, adm, rev, t):
                    p[key] = marker(p[key], t)
        for key in PER_FAMILY:
            if key in p:
                p[key] = {}
                removed.append(f"cohort.{name}.{key}")


def _diff_hides(name: str, key: str, total_key: str, adm, rev, t: int) -> bool:
    """Admitted minus reviewed describes the families not reviewed: hide its small cells (in reviewed)."""
    if name != "reviewed" or adm is None or not isinstance(adm.get(key), int):
        return False
    return _binary(adm[key] - rev[key], adm[total_key] - rev[total_key], t)


def _floor(key: str, counts: Mapping) -> dict:
    """Nationalities are listed only when present: a listed one is at least 1 to a reader."""
    return {k: 1 for k, v in counts.items() if v} if key == "nationalities" else {}


def _difference(adm: dict, rev: dict, t: int, hidden: dict, floors: dict) -> None:
    """Admitted minus reviewed describes the few families not reviewed: keep its small cells hidden.

    A category is hidden in both profiles or in neither, and a small difference
    is hidden in both; each row is then completed again, until nothing changes.
    """
    for key in PROFILE_ROWS:
        a, r = adm.get(key), rev.get(key)
        if not (isinstance(a, dict) and isinstance(r, dict)):
            continue
        for k in a:  # listed for the admitted but absent from reviewed: a published 0, make it a cell
            r.setdefault(k, 0)
        fa, fr = floors[("admitted", key)], floors[("reviewed", key)]
        ha, hr = hidden[("admitted", key)], hidden[("reviewed", key)]
        both = set(ha) | set(hr)
        while True:
            both |= {k for k in r if 0 < a.get(k, 0) - r[k] < t}
            ha = hide_row(a, t, force=both & set(a), floor=fa)
            hr = hide_row(r, t, force=both, floor=fr)
            if set(ha) | set(hr) == both:
                break
            both = set(ha) | set(hr)
        hidden[("admitted", key)], hidden[("reviewed", key)] = ha, hr


def _engagement(eng: dict, t: int) -> None:
    counts = eng.get("status_counts")
    if isinstance(counts, dict):
        eng["status_counts"] = _apply(counts, hide_row(counts, t))
    fam = eng.get("families")
    over = eng.get("over_15_months")
    if isinstance(over, int) and isinstance(fam, int) and _binary(over, fam, t):
        eng["over_15_months"] = marker(over, t)
    if isinstance(fam, int) and 0 < fam < t and eng.get("mean_months_supported") is not None:
        eng["mean_months_supported"] = HIDDEN
    if isinstance(eng.get("epim"), dict):
        _epim(eng["epim"], t)


def _epim(epim: dict, t: int) -> None:
    """EPIM engagement categories (a row summing to the cases) and the resolved cases by type."""
    counts = epim.get("counts")
    if isinstance(counts, dict):
        marks = hide_row(counts, t)
        epim["counts"] = _apply(counts, marks)
        epim["pct"] = {k: HIDDEN if k in marks else v for k, v in (epim.get("pct") or {}).items()}
    res = epim.get("resolved")
    if isinstance(res, dict) and isinstance(epim.get("cases"), int):
        n = epim["cases"]
        count_marks = hide_row(resolved_count_row(res, n), t)
        type_marks = hide_row(resolved_row(res, n), t, force={UNRESOLVED} if count_marks else ())
        if UNRESOLVED in type_marks and not count_marks:
            count_marks = hide_row(resolved_count_row(res, n), t, force={"resolved"})
        apply_resolved(res, count_marks, type_marks)


UNRESOLVED = "unresolved"


def resolved_count_row(resolved: Mapping, cases: int) -> dict:
    """The resolved count as a row summing to the cases: resolved or not."""
    return {"resolved": resolved["count"], UNRESOLVED: cases - resolved["count"]}


def resolved_row(resolved: Mapping, cases: int) -> dict:
    """The resolved cases by type plus the rest, a row summing to the cases (the published N)."""
    row = dict(resolved.get("by_type") or {})
    row[UNRESOLVED] = cases - sum(row.values())
    return row


def apply_resolved(resolved: dict, count_marks: Mapping[str, str], type_marks: Mapping[str, str]) -> None:
    """Hide the resolved types marked, and the count (with its percentage) when it is hidden or would give
    the hidden rest of the types back."""
    resolved["by_type"] = _apply(resolved.get("by_type") or {}, type_marks)
    if "resolved" in count_marks or UNRESOLVED in type_marks:
        resolved["count"] = count_marks.get("resolved", HIDDEN)
        resolved["pct"] = HIDDEN


def hide_table(rows: Mapping[str, Mapping[str, int]], threshold: int,
               force: Mapping[str, Iterable[str]] | None = None) -> tuple[dict, dict]:
    """Suppression of a table of pilots (rows) whose column sums, the network's counts, are published too.

    Each pilot's row sums to its N and each column to the network's count, so a pilot's hidden cell
    must stay protected within its row *and* within its column (the network total minus the other
    pilots' visible cells would give it back), and the network's own row is a row like the others.
    Hiding spreads across rows, columns and the network row until every line is protected.
    Returns (pilot → {cell: marker}, network {cell: marker}).
    """
    keys = list(dict.fromkeys(k for r in rows.values() for k in r))
    rows = {p: {k: int(r.get(k, 0)) for k in keys} for p, r in rows.items()}
    total = {k: sum(r[k] for r in rows.values()) for k in keys}
    hidden = {p: set((force or {}).get(p, ())) for p in rows}
    net: set = set()
    while True:
        before = (sum(map(len, hidden.values())), len(net))
        for p, r in rows.items():
            hidden[p] = set(hide_row(r, threshold, force=hidden[p] & set(r)))
        net = set(hide_row(total, threshold, force=net))
        for k in keys:
            if k in net:
                continue  # the network's cell is hidden: no column total to subtract from
            column = {p: r[k] for p, r in rows.items()}
            marks = hide_row(column, threshold, force={p for p in rows if k in hidden[p]}) \
                if any(k in hidden[p] for p in rows) else {}
            for p in marks:
                hidden[p].add(k)
        if (sum(map(len, hidden.values())), len(net)) == before:
            break
    out = {p: hide_row(r, threshold, force=hidden[p]) if hidden[p] else {} for p, r in rows.items()}
    return out, (hide_row(total, threshold, force=net) if net else {})


def _baseline_item(item: dict, t: int) -> None:
    keys = [k for k in ("improved", "unchanged", "worsened") if isinstance(item.get(k), int)]
    counts = {k: item[k] for k in keys}
    for k, v in _apply(counts, hide_row(counts, t)).items():
        item[k] = v
    n = item.get("n")
    if isinstance(n, int) and 0 < n < t:
        for k in ("first_mean", "latest_mean"):
            if item.get(k) is not None:
                item[k] = HIDDEN
