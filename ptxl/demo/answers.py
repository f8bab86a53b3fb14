"""The demo's client summaries (annex B): the seed note's impact tables, family by family.

``LATEST`` holds, per question, one letter per reviewed family in the order of
``REVIEWED``. Counting the letters of a row gives exactly the seed's row (the
golden test checks it through a real workbook). Letters: impact ``n`` negative,
``0`` none, ``l`` limited, ``s`` some, ``c`` considerable, ``?`` don't know;
yes/no ``y``, ``n``, ``?``; ``.`` a blank cell ("Pas de réponse").
The answers follow each family's story: the three disengaged families
(PT-007, PT-009, PT-012) answer least, material questions stay negative.
"""

from __future__ import annotations

REVIEWED = ("PT-001", "PT-006", "PT-007", "PT-009", "PT-011", "PT-012",
            "PT-013", "PT-014", "PT-015", "PT-017", "PT-018", "PT-019")

# PT-015's only review is of 18/11/2022 (a new one was due by 18/02: the alerts sheet says so);
# PT-017's was written after the last visit, on 20/01/2023. Each is still its family's latest.
LATEST_DATES = ("2022-02-14", "2023-02-15", "2022-06-08", "2022-06-15", "2023-02-10", "2022-06-03",
                "2023-01-27", "2023-02-03", "2022-11-18", "2023-01-20", "2023-02-22", "2023-02-24")

# Earlier reviews of the longest-followed families: superseded by the latest (the statistics ignore them).
EARLIER_DATES = {"PT-001": "2021-06-14", "PT-006": "2022-05-16", "PT-011": "2022-11-04",
                 "PT-013": "2022-10-21", "PT-014": "2022-11-25"}

IMPACT_LETTERS = {"n": "negative", "0": "none", "l": "limited", "s": "some", "c": "considerable",
                  "?": "dont_know", ".": None}
YES_NO_LETTERS = {"y": "yes", "n": "no", "?": "dont_know", ".": None}

LATEST = {
    "engagement_capacity": "cclls0csssss",
    "risk_level": "cc?0s?csssss",
    "trust_in_system": "cl?0s0cslsll",
    "g1_informed_decisions": "ccsls?csssss",
    "g1_more_information": "yyyyyyyyyyyy",
    "g1_constructive_choices": "yy?nynyy?yny",
    "g1_confidence_procedures": "y???ynyyyyyy",
    "g1_engaged_with_cm": "yy?nynyyyyyy",
    "g1_consequences": "yyyyynyyyyyy",
    "g2_timely_fair_resolution": "cs?000c0lc00",
    "g2_initiative": "yynny.yyyyyy",
    "g2_exercise_rights": "yy?ny.yyyyny",
    "g2_explore_options": "yy.ny.yyyyyy",
    "g2_cooperate_conditions": "y?nnn.??????",
    "g2_authorities_informed": "yynny.yn?yny",
    "g3_coping_wellbeing": "ccslc0ssssss",
    "g3_less_vulnerable": "yy?nynynyynn",
    "g3_more_hope": "yy?ny?yy?yny",
    "g3_trust_system": "yn?ny?yy?yny",
    "g3_psychosocial": "yy?nynyyyyyy",
    "g3_livelihood": "yn?nnnynnynn",
    "g3_housing": "ynnnnnnnnnnn",
    "g3_stabilised": "yynnnnynnnnn",
}

# An earlier review was less advanced: each answer one step back.
STEP_BACK = {"considerable": "some", "some": "limited", "limited": "limited", "yes": "dont_know"}

# Free-text answers: question → (families answering, in REVIEWED order as "x"/"." , texts used in turn).
TEXTS = {
    "g1_obstacles": ("xx.xx.x.x.x.", (
        "La barrière de la langue ralentit la compréhension des courriers officiels.",
        "Méfiance née de longues années d'attente sans décision.",
        "Changements d'avocat : il faut chaque fois reconstituer l'historique du dossier.")),
    "g2_obstacles": ("xxxxx.xxxxxx", (
        "Lenteur de la décision des autorités ; l'avocat tarde à répondre.",
        "Logement précaire et revenus instables : l'urgence du quotidien passe avant le dossier.",
        "Aucune voie de séjour claire pour une famille inéloignable.")),
    "g3_obstacles": ("xx..x.xx..x.", (
        "Pas de droit au travail : la subsistance dépend des bénévoles.",
        "Menace d'expulsion du logement pendant plusieurs mois.",
        "Tensions familiales liées à l'incertitude prolongée.")),
    "other_observations": ("x.x.x..x....", (
        "La famille a besoin de temps entre deux étapes ; le rythme a été respecté.",
        "Les enfants servent souvent d'interprètes, ce qui pèse sur eux.")),
    "key_factors": ("xxxxxxxxxxxx", (
        "Relation de confiance avec la gestionnaire de cas, construite pas à pas.",
        "Conseil juridique de qualité obtenu après analyse du dossier.",
        "Conditions de vie instables qui détournent l'énergie de la procédure.",
        "Le désengagement est survenu avant qu'une relation de confiance puisse s'installer.")),
}


def summary_rows() -> list[dict]:
    """One latest review per reviewed family, plus the earlier reviews it supersedes."""
    from ..schema import get_schema
    scales = {q.key: q.scale for q in get_schema().annex_b}
    rows = []
    for i, cid in enumerate(REVIEWED):
        latest = {"case_id": cid, "review_date": LATEST_DATES[i]}
        for key, letters in LATEST.items():
            table = IMPACT_LETTERS if scales[key] == "impact" else YES_NO_LETTERS
            latest[key] = table[letters[i]]
        for key, (mask, texts) in TEXTS.items():
            if mask[i] == "x":
                latest[key] = texts[mask[:i].count("x") % len(texts)]
        if cid in EARLIER_DATES:
            earlier = {k: STEP_BACK.get(v, v) if isinstance(v, str) and k in LATEST else v
                       for k, v in latest.items()}
            earlier.update(review_date=EARLIER_DATES[cid], key_factors=None, other_observations=None)
            rows.append(earlier)
        rows.append(latest)
    return rows
