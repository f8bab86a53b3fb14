"""``stats.figures``: what the layout and the report used to work out themselves (the count tables' totals,
the readings' most frequent answers), now computed once with the Results and only shown by the views."""

from __future__ import annotations

from ptxl.layout import build_grids, cohort_blocks
from ptxl.pipeline import from_stats
from ptxl.report.context import impact_sections
from ptxl.schema import get_schema
from ptxl.stats.figures import derive


def _stats(**over) -> dict:
    stats = {
        "reference_date": "2024-06-30",
        "cohort": {"families_referred": 9, "families_admitted": 7,
                   "admitted": {"families": 7, "adults": 9, "children": 4, "children_18_plus": 0, "stateless": 0,
                                "adult_age_brackets": {"20-29": 3, "30-39": 4, "60+": 2, "not-a-bracket": 50},
                                "child_age_brackets": {"0-5": 1, "12-17": 3},
                                "nationalities": {"Guinée": 4, "Syrie": 2, "unclear": 1}},
                   "reviewed": {"families": 3, "adults": 4, "children": 2, "asylum_on_arrival": 1,
                                "over_5_years_in_country": 1,
                                "years_in_country": {"F1": 0.5, "F2": 7.0, "F3": None}}},
        "engagement": {"status_counts": {"active": 5, "disengaged": 2, "screening": 40},
                       "contacts_by_type": {"home_visit": 6, "phone": 10, "not-a-type": 99}},
        "impact": {"n": 4, "questions": {
            "engagement_capacity": {"counts": {"none": 1, "some": 2, "considerable": 2}, "positive_pct": 100},
            "risk_level": {"counts": {"limited": 1, "some": 1, "no_answer": 3}, "positive_pct": 25},
            "g1_more_information": {"counts": {"yes": 2}, "pct": {}},
            "g1_constructive_choices": {"counts": {"yes": 4}, "pct": {}},
            "g1_confidence_procedures": {"counts": {"yes": 1}, "pct": {}},
            "g1_engaged_with_cm": {"counts": {"yes": 4}, "pct": {}},
            "g1_consequences": {"counts": {"yes": 1}, "pct": {}}}},
    }
    stats.update(over)
    return stats


def test_each_count_table_total_adds_the_categories_the_forms_list():
    totals = derive(_stats()).totals
    assert totals["adult_ages"] == 3 + 4 + 2  # a key that is no bracket of the forms is not a row: not added
    assert totals["child_ages"] == 1 + 3
    assert totals["years"] == 3  # three reviewed families, the one with no years in the unknown bin
    assert totals["statuses"] == 5 + 2  # screening is not an admitted status: no row, no total
    assert totals["nationalities"] == 4 + 2 + 1
    assert totals["contacts_by_type"] == 6 + 10


def test_a_hidden_count_adds_nothing_to_its_total():
    stats = _stats()
    stats["cohort"]["admitted"]["child_age_brackets"] = {"0-5": "<5", "12-17": 6}
    assert derive(stats).totals["child_ages"] == 6


def test_the_readings_name_the_most_frequent_answers_first_of_the_forms_on_a_tie():
    fig = derive(_stats())
    assert fig.top_answer["engagement_capacity"] == "some"  # some and considerable tie: the scale's first
    assert fig.top_answer["risk_level"] == "limited"  # no_answer (3) is never the answer named; a tie: the first
    assert fig.yes_extremes["g1"] == ("g1_constructive_choices", "g1_confidence_procedures")


def test_a_hidden_count_names_no_answer():
    stats = _stats()
    stats["impact"]["questions"]["engagement_capacity"]["counts"]["none"] = "<5"
    stats["impact"]["questions"]["g1_consequences"]["counts"]["yes"] = "*"
    fig = derive(stats)
    assert fig.top_answer["engagement_capacity"] is None and fig.yes_extremes["g1"] is None


def test_the_output_sheets_show_the_computed_totals():
    results = from_stats(_stats())
    cohort = build_grids(results, None)["cohort"]
    for key, _title, first, n in cohort_blocks():
        shown = [cohort.cells[(first + i, 1)].value for i in range(n)]
        total = cohort.cells[(first + n, 1)].value
        assert total == results.figures.totals[key] == sum(v for v in shown if isinstance(v, int)), key
    followup = build_grids(results, None)["followup"]
    assert 16 in [c.value for c in followup.cells.values()]  # contacts by type: 6 + 10


def _table_of(key: str) -> tuple:
    q = next(q for q in get_schema().annex_b if q.key == key)
    return q.group, q.scale


def test_a_table_shows_a_no_answer_column_when_one_of_its_questions_has_one():
    """The decision is computed once (``Figures.no_answer_column``) and both views follow it."""
    stats = _stats()
    fig = derive(stats)
    assert fig.no_answer_column[_table_of("risk_level")] is True  # risk_level has 3 no-answers
    assert fig.no_answer_column[_table_of("g1_consequences")] is False  # no g1 prompt has one
    stats["impact"]["questions"]["risk_level"]["counts"]["no_answer"] = "<5"  # hidden: the column stays
    assert derive(stats).no_answer_column[_table_of("risk_level")] is True
    stats["impact"]["questions"]["risk_level"]["counts"]["no_answer"] = 0
    assert derive(stats).no_answer_column[_table_of("risk_level")] is False
    every = {q.key: {"counts": {}, "pct": {}, "positive_pct": None} for q in get_schema().annex_b if q.scale != "text"}
    stats = _stats()
    stats["impact"]["questions"] = {**every, **stats["impact"]["questions"]}  # the report shows every question
    results = from_stats(stats)
    label = get_schema().scales["impact"].label("no_answer", "fr")
    with_column = {(s["key"], tab["kind"]) for s in impact_sections(results, "fr") for tab in s["tables"]
                   if label in tab["header"]}
    assert with_column == {k for k, shown in results.figures.no_answer_column.items() if shown} != set()
    impact = build_grids(results, None)["impact"]
    assert sum(c.value == label for c in impact.cells.values()) == len(with_column)


def test_the_nationality_chart_counts_the_reviewed_families_when_the_statistics_do():
    assert derive(_stats()).nationalities_of == "admitted"
    stats = _stats()
    stats["cohort"]["reviewed"]["nationalities"] = {"Guinée": 2}
    assert derive(stats).nationalities_of == "reviewed"
