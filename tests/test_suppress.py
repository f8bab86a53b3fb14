"""Small-cell suppression: no hidden count can be worked back from what is published.

The checks below play the reader: they see only the published row (numbers,
"<5", "*") and its total, and enumerate every assignment of the hidden cells
that fits ("<5" = 0..4, "*" = anything). A hidden cell is safe when at least
two values remain possible. The enumeration is explicit (sets of sums), not
the interval arithmetic the module uses, so it checks it independently.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ptxl.suppress import HIDDEN, hide_row, suppress_stats

T = 5
SMALL = "<5"


def domain(mark, total: int, floor: int = 0) -> range:
    if mark == SMALL:
        return range(floor, T)
    assert mark == HIDDEN  # hidden, no bound given
    return range(floor, total + 1)


def possible_values(published: dict, total: int, floors: dict | None = None) -> dict[str, set]:
    """Reader's view: for each hidden cell, every value consistent with the total and the markers."""
    floors = floors or {}
    hidden = [k for k, v in published.items() if isinstance(v, str)]
    rest = total - sum(v for v in published.values() if not isinstance(v, str))
    doms = {k: domain(published[k], total, floors.get(k, 0)) for k in hidden}
    out = {}
    for k in hidden:
        sums = {0}
        for other in hidden:
            if other != k:
                sums = {s + v for s in sums for v in doms[other] if s + v <= rest}
        out[k] = {v for v in doms[k] if rest - v in sums}
    return out


def assert_row_safe(original: dict, published: dict, floors: dict | None = None):
    total = sum(original.values())
    for k, v in published.items():
        if isinstance(v, str):
            assert v == HIDDEN or (v == SMALL and original[k] < T), (k, v, original)
        else:
            assert v == original[k]
            assert not 0 < v < T, f"small count {k}={v} published"
    for k, values in possible_values(published, total, floors).items():
        assert original[k] in values, (k, original)
        assert len(values) >= 2, f"{k} is derivable ({values}) from {published}, total {total}"


def publish(counts: dict) -> dict:
    marks = hide_row(counts, T)
    return {k: marks.get(k, v) for k, v in counts.items()}


def test_primary_cells_show_below_threshold_and_zeros_stay():
    counts = {"negative": 0, "none": 1, "limited": 2, "some": 6, "considerable": 3, "dont_know": 0}
    assert publish(counts) == {"negative": 0, "none": SMALL, "limited": SMALL, "some": 6,
                               "considerable": SMALL, "dont_know": 0}


def test_nothing_hidden_when_no_small_cell():
    assert publish({"yes": 12, "no": 0, "dont_know": 0}) == {"yes": 12, "no": 0, "dont_know": 0}
    assert publish({"yes": 7, "no": 5}) == {"yes": 7, "no": 5}


def test_single_small_cell_gets_a_secondary():
    # 11 yes, 1 no: hiding "no" alone gives it back as 12 - 11; the next smallest (a zero) goes too
    published = publish({"yes": 11, "no": 1, "dont_know": 0, "no_answer": 0})
    assert published == {"yes": 11, "no": SMALL, "dont_know": SMALL, "no_answer": 0}
    assert_row_safe({"yes": 11, "no": 1, "dont_know": 0, "no_answer": 0}, published)


def test_secondary_without_zero_uses_star():
    counts = {"a": 1, "b": 9, "c": 6}
    published = publish(counts)
    assert published == {"a": SMALL, "b": 9, "c": HIDDEN}
    assert_row_safe(counts, published)


def test_tiny_total_hides_everything_needed():
    counts = {"yes": 3, "no": 0}
    published = publish(counts)
    assert published == {"yes": SMALL, "no": SMALL}
    assert_row_safe(counts, published)


def test_all_small_cells_pinned_by_markers_become_stars():
    # N = 8 in two cells "<5" each: both must be 4, so the markers say nothing but "hidden"
    counts = {"yes": 4, "no": 4}
    published = publish(counts)
    assert published == {"yes": HIDDEN, "no": HIDDEN}
    assert_row_safe(counts, published)


def test_the_checker_catches_a_lone_hidden_cell():
    with pytest.raises(AssertionError):
        assert_row_safe({"yes": 11, "no": 1}, {"yes": 11, "no": SMALL, })


@settings(max_examples=400, deadline=None)
@given(st.lists(st.integers(0, 9), min_size=2, max_size=6))
def test_no_hidden_value_derivable_from_row_total(values):
    counts = {f"c{i}": v for i, v in enumerate(values)}
    assert_row_safe(counts, publish(counts))


# ---------------------------------------------------------------- the stats dict

SEED_LIKE = {
    "reference_date": "2023-02-28",
    "impact": {"n": 12, "questions": {
        "engagement_capacity": {"scale": "impact",
                                "counts": {"negative": 0, "none": 1, "limited": 2, "some": 6, "considerable": 3,
                                           "dont_know": 0, "no_answer": 0},
                                "pct": {"negative": 0, "none": 8, "limited": 17, "some": 50, "considerable": 25,
                                        "dont_know": 0, "no_answer": 0},
                                "positive_pct": 75},
        "g1_consequences": {"scale": "yes_no", "counts": {"yes": 11, "no": 1, "dont_know": 0, "no_answer": 0},
                            "pct": {"yes": 92, "no": 8, "dont_know": 0, "no_answer": 0}},
        "g1_more_information": {"scale": "yes_no", "counts": {"yes": 12, "no": 0, "dont_know": 0, "no_answer": 0},
                                "pct": {"yes": 100, "no": 0, "dont_know": 0, "no_answer": 0}},
        "g3_housing": {"scale": "yes_no", "counts": {"yes": 1, "no": 11, "dont_know": 0, "no_answer": 0},
                       "pct": {"yes": 8, "no": 92, "dont_know": 0, "no_answer": 0}},
    }},
    "cohort": {
        "families_referred": 24, "families_admitted": 14,
        "admitted": {"families": 14, "adults": 23, "children": 42, "children_18_plus": 4,
                     "adult_age_brackets": {"<20": 0, "20-29": 3, "30-39": 10, "40-49": 8, "50-59": 2, "60+": 0,
                                            "unclear": 0},
                     "child_age_brackets": {"0-5": 10, "6-11": 18, "12-17": 10, "18+": 4, "unclear": 0},
                     "nationalities": {"Irak": 3, "Népal": 2, "Maroc": 2, "Somalie": 1, "Rwanda": 1, "RD Congo": 1,
                                       "Pakistan": 1, "Libéria": 1, "Kosovo": 1, "Albanie": 1},
                     "stateless": 1, "asylum_on_arrival": 11, "over_5_years_in_country": 9,
                     "years_in_country": {"PT-001": 12.0, "PT-002": 1.0}},
        "reviewed": {"families": 12, "adults": 20, "children": 32, "children_18_plus": 4,
                     "adult_age_brackets": {"<20": 0, "20-29": 3, "30-39": 8, "40-49": 7, "50-59": 2, "60+": 0,
                                            "unclear": 0},
                     "child_age_brackets": {"0-5": 6, "6-11": 14, "12-17": 8, "18+": 4, "unclear": 0},
                     "nationalities": {"Irak": 3, "Népal": 2, "Maroc": 1, "Somalie": 1, "Rwanda": 1, "RD Congo": 1,
                                       "Pakistan": 1, "Libéria": 1, "Kosovo": 1},
                     "stateless": 1, "asylum_on_arrival": 9, "over_5_years_in_country": 8,
                     "years_in_country": {"PT-001": 12.0, "PT-002": 1.0}},
    },
    "engagement": {"families": 12, "status_counts": {"active": 8, "resolved_residence_be": 1, "disengaged": 3,
                                                     "absconded": 0},
                   "mean_months_supported": 6.5, "over_15_months": 2, "home_visits": 74,
                   "contacts_by_type": {"home_visit": 74, "phone": 3}},
    "baseline": {"a01_dropout_risk": {"n": 12, "better": "low", "first_mean": 5.2, "latest_mean": 3.9,
                                      "improved": 8, "unchanged": 3, "worsened": 1},
                 "a02_autonomy": {"n": 3, "better": "high", "first_mean": 4.0, "latest_mean": 6.0,
                                  "improved": 2, "unchanged": 1, "worsened": 0}},
}


def test_input_is_not_changed():
    import copy
    before = copy.deepcopy(SEED_LIKE)
    suppress_stats(SEED_LIKE)
    assert SEED_LIKE == before


def test_impact_rows_percentages_and_positive_share():
    out = suppress_stats(SEED_LIKE)
    n = out["impact"]["n"]
    assert n == 12
    for key, q in out["impact"]["questions"].items():
        original = SEED_LIKE["impact"]["questions"][key]
        assert_row_safe(original["counts"], q["counts"])
        for cat, count in q["counts"].items():
            assert q["pct"][cat] == (HIDDEN if isinstance(count, str) else original["pct"][cat])
    eng = out["impact"]["questions"]["engagement_capacity"]
    # the headline is kept: "some" is hidden with "considerable", so 75 % of 12 = 9 gives neither
    assert eng["positive_pct"] == 75 and eng["counts"]["some"] == HIDDEN
    assert out["impact"]["questions"]["g1_more_information"] == SEED_LIKE["impact"]["questions"]["g1_more_information"]


def test_every_published_row_is_safe():
    out = suppress_stats(SEED_LIKE)
    for name in ("admitted", "reviewed"):
        p, orig = out["cohort"][name], SEED_LIKE["cohort"][name]
        for key in ("adult_age_brackets", "child_age_brackets"):
            assert_row_safe(orig[key], p[key])
        nat_orig = {k: orig["nationalities"].get(k, 0) for k in p["nationalities"]}
        assert_row_safe(nat_orig, p["nationalities"], floors={k: 1 for k, v in orig["nationalities"].items()})
        assert p["children_18_plus"] == p["child_age_brackets"]["18+"]
        assert p["years_in_country"] == {}
        for key in ("stateless", "asylum_on_arrival", "over_5_years_in_country"):
            x, total = orig[key], orig["families"]
            if 0 < x < T or 0 < total - x < T:
                assert isinstance(p[key], str), key
    eng = out["engagement"]
    assert_row_safe(SEED_LIKE["engagement"]["status_counts"], eng["status_counts"])
    assert eng["over_15_months"] == SMALL
    assert eng["home_visits"] == 74  # contacts are events, not people
    base = out["baseline"]
    assert base["a02_autonomy"]["first_mean"] == HIDDEN and base["a02_autonomy"]["latest_mean"] == HIDDEN
    assert base["a01_dropout_risk"]["first_mean"] == 5.2
    for item, b in base.items():
        orig = SEED_LIKE["baseline"][item]
        row = {k: orig[k] for k in ("improved", "unchanged", "worsened")}
        assert_row_safe(row, {k: b[k] for k in row})
    assert out["suppression"]["removed"] == ["cohort.admitted.years_in_country", "cohort.reviewed.years_in_country"]


def joint_options(pa: dict, pr: dict, ta: int, tr: int, floors_a: dict, floors_r: dict) -> dict[str, set]:
    """For each category, every (admitted, reviewed) pair of values that fits both publications,
    their totals and reviewed <= admitted, found exactly by dynamic programming over partial sums."""
    def dom(published, k, total, floors):
        v = published.get(k, 0)
        return [v] if not isinstance(v, str) else list(domain(v, total, floors.get(k, 0)))
    cats = list(pa)
    opts = [{(a, r) for a in dom(pa, k, ta, floors_a) for r in dom(pr, k, tr, floors_r) if r <= a} for k in cats]
    fwd = [{(0, 0)}]
    for o in opts:
        fwd.append({(x + a, y + r) for x, y in fwd[-1] for a, r in o if x + a <= ta and y + r <= tr})
    back = [set() for _ in cats] + [{(ta, tr)}]
    for i in range(len(cats) - 1, -1, -1):
        back[i] = {(x, y) for x, y in fwd[i] if any((x + a, y + r) in back[i + 1] for a, r in opts[i])}
    return {k: {(a, r) for a, r in opts[i] if any((x + a, y + r) in back[i + 1] for x, y in back[i])}
            for i, k in enumerate(cats)}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 8), st.integers(0, 4)), min_size=2, max_size=4))
def test_admitted_minus_reviewed_gives_nothing_away(cells):
    """The not-reviewed families are admitted - reviewed: none of their small counts can be pinned down."""
    adm = {f"b{i}": r + d for i, (r, d) in enumerate(cells)}
    rev = {f"b{i}": r for i, (r, _d) in enumerate(cells)}
    stats = {"cohort": {"admitted": {"adult_age_brackets": adm}, "reviewed": {"adult_age_brackets": rev}}}
    out = suppress_stats(stats)
    pa = out["cohort"]["admitted"]["adult_age_brackets"]
    pr = out["cohort"]["reviewed"]["adult_age_brackets"]
    assert_row_safe(adm, pa)
    assert_row_safe(rev, pr)
    options = joint_options(pa, pr, sum(adm.values()), sum(rev.values()), {}, {})
    for k in adm:
        assert (adm[k], rev[k]) in options[k]
        diffs = {a - r for a, r in options[k]}
        if 0 < adm[k] - rev[k] < T:
            assert len(diffs) >= 2, f"{k}: not-reviewed count pinned to {diffs} in {pa} / {pr}"
        if isinstance(pr[k], str):
            assert len({r for _a, r in options[k]}) >= 2, f"reviewed {k} derivable via admitted"


def test_nationality_only_among_not_reviewed_is_not_revealed():
    stats = {"cohort": {
        "admitted": {"families": 14, "nationalities": {"Irak": 6, "Maroc": 6, "Albanie": 2}},
        "reviewed": {"families": 12, "nationalities": {"Irak": 6, "Maroc": 6}}}}
    out = suppress_stats(stats)
    rev = out["cohort"]["reviewed"]["nationalities"]
    assert rev.get("Albanie") != 0  # a visible 0 beside a listed admitted "<5" says: not reviewed
    options = joint_options(out["cohort"]["admitted"]["nationalities"], rev, 14, 12,
                            {"Irak": 1, "Maroc": 1, "Albanie": 1}, {"Irak": 1, "Maroc": 1})
    assert len({a - r for a, r in options["Albanie"]}) >= 2


def test_threshold_is_a_parameter():
    out = suppress_stats({"engagement": {"families": 30, "status_counts": {"active": 8, "disengaged": 12,
                                                                           "absconded": 10}}}, threshold=10)
    assert out["engagement"]["status_counts"]["active"] == "<10"
    assert out["suppression"]["small"] == "<10"
    with pytest.raises(ValueError):
        suppress_stats({}, threshold=1)


def impact_possibilities(published: dict, n: int, positive_pct) -> list[dict]:
    """Reader's view of an impact row when its positive percentage is shown too."""
    hidden = [k for k, v in published.items() if isinstance(v, str)]
    rest = n - sum(v for v in published.values() if not isinstance(v, str))
    doms = [domain(published[k], n) for k in hidden]
    out = []

    def fill(i, left, acc):
        if i == len(hidden):
            if left == 0:
                row = dict(published)
                row.update(zip(hidden, acc))
                if positive_pct == HIDDEN or (200 * (row["some"] + row["considerable"]) + n) // (2 * n) == positive_pct:
                    out.append(row)
            return
        for v in doms[i]:
            if v > left:
                break
            fill(i + 1, left - v, acc + [v])
    fill(0, rest, [])
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 8), min_size=7, max_size=7))
def test_positive_share_never_gives_a_hidden_cell_back(values):
    codes = ("negative", "none", "limited", "some", "considerable", "dont_know", "no_answer")
    counts = dict(zip(codes, values))
    n = sum(values)
    if n == 0:
        return
    stats = {"impact": {"n": n, "questions": {"q": {
        "scale": "impact", "counts": counts, "pct": {k: (200 * v + n) // (2 * n) for k, v in counts.items()},
        "positive_pct": (200 * (counts["some"] + counts["considerable"]) + n) // (2 * n)}}}}
    q = suppress_stats(stats)["impact"]["questions"]["q"]
    rows = impact_possibilities(q["counts"], n, q["positive_pct"])
    assert counts in rows
    for k, v in q["counts"].items():
        if isinstance(v, str):
            assert len({r[k] for r in rows}) >= 2, (k, q)


def test_stats_command_suppresses_on_request(tmp_path, capsys):
    import json

    from ptxl.cli import main
    from ptxl.demo import write_demo_workbook
    path = tmp_path / "demo.xlsx"
    write_demo_workbook(path)
    assert main(["stats", str(path), "--json"]) in (0, 1)
    plain = json.loads(capsys.readouterr().out)
    assert main(["stats", str(path), "--json", "--suppress"]) in (0, 1)
    published = json.loads(capsys.readouterr().out)
    assert "suppression" not in plain and published["suppression"]["threshold"] == 5
    assert published["cohort"]["reviewed"]["years_in_country"] == {}
    for key, q in published["impact"]["questions"].items():
        original = plain["impact"]["questions"][key]["counts"]
        assert_row_safe(original, q["counts"])
    assert published["impact"]["n"] == plain["impact"]["n"] == 12
