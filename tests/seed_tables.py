"""The seed note's published tables (section "Impact de la gestion de cas"), transcribed as data: the one
transcription of the seed in the tests (the golden test reads the demo workbook against it, the layout,
report and chart tests lay out ``seed_stats()``).

Impact questions: counts (negative, none, limited, some, considerable, dont_know), positive %.
Yes/no questions: counts (yes, no, dont_know, no_answer), percentages (yes, no, dont_know) as printed.
The one inconsistent printed value is kept as printed here and corrected in ``CORRECTED``.
"""

IMPACT_CODES = ("negative", "none", "limited", "some", "considerable", "dont_know")
YES_NO_CODES = ("yes", "no", "dont_know", "no_answer")

N = 12

IMPACT = {
    "engagement_capacity": ((0, 1, 2, 6, 3, 0), 75),
    "risk_level": ((0, 1, 0, 6, 3, 2), 75),
    "trust_in_system": ((0, 2, 4, 3, 2, 1), 42),
    "g1_informed_decisions": ((0, 0, 1, 7, 3, 1), 83),
    "g2_timely_fair_resolution": ((0, 6, 1, 1, 3, 1), 33),
    "g3_coping_wellbeing": ((0, 1, 1, 7, 3, 0), 83),
}

YES_NO = {
    "g1_more_information": ((12, 0, 0, 0), (100, 0, 0)),
    "g1_constructive_choices": ((7, 3, 2, 0), (58, 25, 17)),
    "g1_confidence_procedures": ((8, 1, 3, 0), (67, 8, 25)),
    "g1_engaged_with_cm": ((9, 2, 1, 0), (75, 17, 8)),
    "g1_consequences": ((11, 1, 0, 0), (92, 8, 0)),
    "g2_initiative": ((9, 2, 0, 1), (75, 17, 0)),
    "g2_exercise_rights": ((8, 2, 1, 1), (67, 17, 8)),
    "g2_explore_options": ((9, 1, 0, 2), (75, 8, 0)),
    "g2_cooperate_conditions": ((1, 3, 7, 1), (8, 25, 58)),
    "g2_authorities_informed": ((6, 4, 1, 1), (50, 33, 8)),
    "g3_less_vulnerable": ((6, 5, 1, 0), (50, 42, 8)),
    "g3_more_hope": ((7, 2, 3, 0), (58, 17, 25)),
    "g3_trust_system": ((6, 3, 3, 0), (50, 25, 25)),
    "g3_psychosocial": ((9, 2, 1, 0), (75, 17, 8)),
    "g3_livelihood": ((3, 8, 1, 0), (25, 67, 8)),
    "g3_housing": ((1, 11, 0, 0), (8, 92, 0)),
    # Printed 25 % / 75 % / 8 % for 3 / 9 / 0: the 8 % is the seed's error (0 of 12 is 0 %).
    "g3_stabilised": ((3, 9, 0, 0), (25, 75, 8)),
}

CORRECTED = {"g3_stabilised": (25, 75, 0)}

COHORT = {
    "families_referred": 24, "families_admitted": 14,
    "admitted": {"families": 14, "adults": 23, "children": 42, "children_18_plus": 4},
    "reviewed": {"families": 12, "adults": 20, "children": 32, "asylum_on_arrival": 9,
                 "over_5_years_in_country": 8},
}

ENGAGEMENT = {
    "families": 12, "status_counts": {"active": 8, "resolved_residence_be": 1, "disengaged": 3},
    "mean_months_supported": 6.5, "over_15_months": 2, "home_visits": 74,
}

# As the demo cohort spells them (the seed writes "République démocratique du Congo" in full).
NATIONALITIES = ("Irak", "Népal", "Maroc", "Somalie", "Rwanda", "RD Congo", "Pakistan", "Liberia", "Kosovo",
                 "Albanie")


def yes_no_pct(key):
    """The correct percentages of a yes/no row (the printed ones but for the known error)."""
    return CORRECTED.get(key, YES_NO[key][1])


def seed_stats() -> dict:
    """A stats document (CLI.md shape) holding the seed's impact figures: for renderer tests."""
    questions = {}
    for key, (counts, pos) in IMPACT.items():
        c = dict(zip(IMPACT_CODES, counts), no_answer=0)
        questions[key] = {"scale": "impact", "counts": c,
                          "pct": {k: (200 * v + N) // (2 * N) for k, v in c.items()}, "positive_pct": pos}
    for key, (counts, _pct) in YES_NO.items():
        c = dict(zip(YES_NO_CODES, counts))
        questions[key] = {"scale": "yes_no", "counts": c,
                          "pct": {k: (200 * v + N) // (2 * N) for k, v in c.items()}}
    return {
        "reference_date": "2023-02-28",
        "impact": {"n": N, "questions": questions},
        "cohort": {
            **COHORT,
            # The seed charts the ages without printing them: brackets summing to its 23 adults and 42 children.
            "admitted": {**COHORT["admitted"],
                         "adult_age_brackets": {"20-29": 4, "30-39": 10, "40-49": 6, "50-59": 2, "unclear": 1},
                         "child_age_brackets": {"0-5": 10, "6-11": 17, "12-17": 11, "18+": 4},
                         "nationalities": {n: 1 for n in NATIONALITIES}},
            # One family for a year, eight of twelve over five years, three over ten (12, 14 and 18).
            "reviewed": {**COHORT["reviewed"],
                         "years_in_country": {f"PT-{i:03d}": y for i, y in
                                              enumerate([1, 3, 4, 4, 6, 7, 8, 9, 10, 12, 14, 18], 1)}},
        },
        "engagement": {**ENGAGEMENT, "contacts_by_type": {"home_visit": ENGAGEMENT["home_visits"]}},
        "baseline": {"a01_dropout_risk": {"n": 10, "first_mean": 5.2, "latest_mean": 3.9,
                                          "improved": 6, "unchanged": 3, "worsened": 1}},
    }
