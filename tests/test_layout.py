"""The output sheets' grids: laid out like the seed note, words from the forms, fixed ranges kept fixed."""

from __future__ import annotations

import datetime as dt

import pytest

import seed_tables as S
from ptxl import layout
from ptxl.alerts import Alert
from ptxl.layout.home import home_positions
from ptxl.model.dataset import Finding
from ptxl.forms import outputs as O
from ptxl.schema import LANGS, get_schema
from ptxl.pipeline import from_stats

NOW = dt.datetime(2023, 3, 1, 9, 30)


def seed_stats() -> dict:
    """The seed note's figures (``seed_tables.seed_stats``), one reviewed family's time in Belgium unclear."""
    stats = S.seed_stats()
    stats["cohort"]["reviewed"]["years_in_country"]["PT-006"] = None  # the seed's 7 years: arrival unknown
    return stats


def texts(grid, row) -> list:
    return [grid.cells[(r, c)].value for r, c in sorted(grid.cells) if r == row]


def find_row(grid, value) -> int:
    return next(r for (r, c), cell in sorted(grid.cells.items()) if cell.value == value)


@pytest.fixture(scope="module")
def grids():
    return layout.build_grids(from_stats(seed_stats(), lang="fr"), NOW)


def test_impact_tables_have_the_seed_columns_and_question_texts(grids):
    g = grids["impact"]
    sch = get_schema()
    q = next(q for q in sch.annex_b if q.key == "engagement_capacity")
    r = find_row(g, q.question["fr"])
    assert texts(g, r - 1) == ["Question", "Impact négatif", "Pas d'impact", "Impact limité", "Un certain impact",
                               "Impact considérable", "Ne sait pas / ne peut pas dire", "Impact positif (%)"]
    assert texts(g, r) == [q.question["fr"], 0, 1, 2, 6, 3, 0, 0.75]
    assert g.cells[(r, 7)].style == "out_pct_bold"
    # group 1 prompts: no blanks, so no "Pas de réponse" column
    q1 = next(q for q in sch.annex_b if q.key == "g1_constructive_choices")
    r1 = find_row(g, q1.question["fr"])
    head1 = texts(g, find_row(g, q1.question["fr"]) - 2)
    assert head1 == ["Question", "Oui", "Non", "Ne sait pas", "Oui (%)", "Non (%)", "Ne sait pas (%)"]
    assert texts(g, r1) == [q1.question["fr"], 7, 3, 2, 0.58, 0.25, 0.17]
    # group 2 prompts have blanks: the seed's "Pas de réponse" column appears there only
    q2 = next(q for q in sch.annex_b if q.key == "g2_initiative")
    r2 = find_row(g, q2.question["fr"])
    assert texts(g, r2 - 1) == ["Question", "Oui", "Non", "Ne sait pas", "Pas de réponse", "Oui (%)", "Non (%)",
                                "Ne sait pas (%)"]
    assert texts(g, r2)[1:5] == [9, 2, 0, 1]
    # the seed's misprinted 8 % is corrected to 0 %
    q3 = next(q for q in sch.annex_b if q.key == "g3_stabilised")
    assert texts(g, find_row(g, q3.question["fr"]))[-1] == 0


def test_impact_header_shows_n_reference_date_and_group_titles(grids):
    g = grids["impact"]
    assert g.cells[(4, 1)].value == 12
    assert g.cells[(1, 1)].value == dt.date(2023, 2, 28)
    shown = {c.value for c in g.cells.values()}
    for key, title in get_schema().groups.items():
        if key != "final":
            assert title["fr"] in shown
    assert "Groupe 2 – questions incitatives" in shown


def test_cohort_blocks_match_the_charts_made_at_creation(grids):
    g = grids["cohort"]
    charts = [c for c in layout.charts() if c.sheet_key == "cohort"]
    assert len(charts) == 4
    adult = charts[0]
    labels = [g.cells[(adult.first_row + i, 0)].value for i in range(adult.n_rows)]
    values = [g.cells[(adult.first_row + i, 1)].value for i in range(adult.n_rows)]
    assert labels == [v["fr"] for v in O.ADULT_BRACKETS.values()]
    assert values == [0, 4, 10, 6, 2, 0, 1]  # <20, 20-29 … 60+, unclear
    assert g.cells[(adult.first_row + adult.n_rows, 1)].value == 23  # the seed's "Total : 23 adultes"
    years = charts[2]
    # 1 | 3, 4, 4 | 6, 8, 9, 10 | 12, 14 | 18 | unclear
    assert [g.cells[(years.first_row + i, 1)].value for i in range(years.n_rows)] == [1, 3, 4, 2, 1, 1]
    status = charts[3]
    assert g.cells[(status.first_row, 0)].value == "Suivie (en cours)"
    assert sum(g.cells[(status.first_row + i, 1)].value for i in range(status.n_rows)) == 12


def test_nationalities_typed_by_staff_stay_text():
    stats = seed_stats()
    stats["cohort"]["admitted"]["nationalities"] = {"=HYPERLINK(\"http://x\")": 1, "Irak": 2}
    g = layout.build_grids(from_stats(stats, lang="fr"), NOW)["cohort"]
    assert "=HYPERLINK(\"http://x\")" in {c.value for c in g.cells.values() if isinstance(c.value, str)}


def test_checks_list_every_finding_with_a_link_to_its_cell():
    findings = [
        Finding("warning", "Membres", "G9", 9, "G", "birth_date", "PT-002", "1/1/1880", "Date improbable", "d"),
        Finding("error", "Familles", "D7", 7, "D", "status", "PT-003", '=HYPERLINK("http://evil")', "Inconnu", "c"),
        Finding("error", "Familles", None, None, None, None, None, None, "Colonne manquante", "s"),
    ]
    g = layout.build_grids(from_stats({}, lang="fr", findings=findings), NOW)["checks"]
    first = layout.CHECKS_HEADER + 1
    rows = [texts(g, r) for r in range(first, first + 3)]
    assert rows[0][:2] == ["Erreur", "Familles"] and (first, 2) not in g.cells  # sheet-wide: nothing to link
    assert rows[1][:5] == ["Erreur", "Familles", "D7", "PT-003", "Statut"]
    assert rows[1][5] == '=HYPERLINK("http://evil")'
    assert g.cells[(first + 1, 2)].link == "'Familles'!D7"
    assert rows[2][0] == "Avertissement" and g.cells[(first + 2, 2)].link == "'Membres'!G9"
    assert g.autofilter == (layout.CHECKS_HEADER, 0, first + 2, len(O.CHECK_HEADERS) - 1)
    assert g.cells[(2, 0)].value == "2 erreurs, 1 avertissement."
    impact = layout.build_grids(from_stats({}, lang="fr", findings=findings), NOW)["impact"]
    assert impact.cells[(2, 0)].style == "out_error" and impact.cells[(2, 0)].link == "'Contrôles'!A1"


def _alert(urgency, level, case, manager, row, days):
    return Alert(urgency, level, "action_overdue", case, manager, "actions", row, dt.date(2023, 2, 1), days,
                 "action_overdue", (("date", dt.date(2023, 2, 1)), ("n", 5)))


def test_alerts_one_line_each_most_urgent_first_filterable():
    alerts = [_alert(2, "due_soon", "PT-2", "Tom", 4, 3), _alert(0, "overdue", "PT-1", "Claire", 9, -5),
              _alert(1, "overdue", "PT-3", None, None, None)]
    g = layout.build_grids(from_stats({}, lang="fr", alerts=alerts), NOW)["alerts"]
    first = layout.ALERTS_HEADER + 1
    ids = [g.cells[(r, 1)].value for r in range(first, first + 3)]
    assert ids == ["PT-1", "PT-3", "PT-2"]
    link = next(c for (r, _c), c in g.cells.items() if r == first and c.link)
    assert link.link == "'Plan d''action'!A9"
    assert g.autofilter == (layout.ALERTS_HEADER, 0, first + 2, 7)
    assert layout.autofilter_headers()["alerts"] == (layout.ALERTS_HEADER, 8)


def test_home_patch_writes_the_refresh_time_under_the_builders_label():
    g = layout.build_grids(from_stats({}, lang="fr"), NOW)["home"]
    row, col = home_positions("fr")["last_refresh"]
    assert g.mode == "patch"
    assert g.cells[(row, col)].value == NOW and g.cells[(row, col)].style == "out_datetime"
    assert g.cells[(row + 1, col)].value == "Sans erreur"


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_lays_out_empty_and_full_results(lang):
    for stats in ({}, seed_stats()):
        grids = layout.build_grids(from_stats(stats, lang=lang), None)
        assert set(grids) == {s.key for s in get_schema().output_sheets} - {"home"}
        for g in grids.values():
            for cell in g.cells.values():
                assert cell.style is None or cell.style in __import__("ptxl.model.styles").model.styles.FORMATS
