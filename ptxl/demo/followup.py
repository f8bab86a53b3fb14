"""The demo's follow-up: annex A baselines and reviews, vulnerabilities, contacts.

Generated from a few numbers per family so the data stay readable: the home
visits per reviewed family add up to the seed's 74 (17 for PT-006, the seed's
"Famille 3"). Dates are spread evenly between admission and closure (or the
reference date), so every entry falls inside the time the family was followed.

A few active families slipped, so the alerts sheet has something to say: their
contacts stop early or their reviews fell behind. Only dates move, never how many
contacts or which answers, so every statistic stays the seed's.
"""

from __future__ import annotations

import datetime as dt

REF = dt.date(2023, 2, 28)

# case id → (home visits, the annex A baseline scores of items 1–14 as digits, "X" = 10,
#            trend per quarterly review: +1 better, -1 worse, 0 flat)
PLAN = {
    "PT-001": (12, "63445536574336", +1), "PT-006": (17, "52334525736537", +1),
    "PT-007": (2, "74336434752548", -1), "PT-009": (1, "64435435652447", -1),
    "PT-011": (10, "52213424922428", +1), "PT-012": (1, "83225324842339", 0),
    "PT-013": (8, "43556546545546", +1), "PT-014": (7, "44445535664446", +1),
    "PT-015": (6, "35656657446625", +1), "PT-017": (5, "45445535655446", +1),
    "PT-018": (3, "53334444733436", +1), "PT-019": (2, "63324434833329", 0),
    "PT-020": (1, "54446545645446", 0), "PT-021": (1, "54335434743436", 0),
}
# How much a trend moves each item per review: housing and stability of living barely move (seed, group 3).
ITEM_STEP = (1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 0, 1, 0, 1)

# Why-texts per annex A item: (when the score is on the worrying side, when it is on the good side).
WHY = (
    ("A déjà évoqué la clandestinité comme solution.", "Vient à chaque rendez-vous, prévient en cas d'empêchement."),
    ("Dépend d'un tiers pour chaque démarche.", "Fait seule la plupart des démarches courantes."),
    ("Expériences négatives avec l'administration ; n'ouvre plus les courriers.", "Accepte de répondre aux convocations."),
    ("Plusieurs avocats successifs, peu de retours.", "Avocat joignable qui explique les options."),
    ("Ne connaît pas l'état de sa procédure.", "Sait où en est le dossier et quelles sont les échéances."),
    ("Attend que d'autres décident à sa place.", "Prend des initiatives et des décisions réfléchies."),
    ("Réservée, ne voit pas l'intérêt de l'accompagnement.", "Demandeuse de rendez-vous, partage ses documents."),
    ("Stress, troubles du sommeil, fatigue.", "Enfants scolarisés, rythme de vie apaisé."),
    ("Plusieurs vulnérabilités cumulées (santé, indigence).", "Peu de vulnérabilités au-delà de la situation de séjour."),
    ("Ne voit pas d'issue.", "Parle de projets d'avenir pour les enfants."),
    ("Logement surpeuplé ou menacé.", "Logement stable, bail en cours."),
    ("Isolée, peu de contacts en dehors de la famille.", "Réseau d'école, de voisinage et d'associations."),
    ("Déménagements fréquents, revenus irréguliers.", "Situation de vie stable depuis plusieurs mois."),
    ("Ordre de quitter le territoire exécutoire, contrôle possible.", "Aucune mesure d'éloignement en cours."),
)

# Vulnerabilities at admission (annex B, q. 4): item numbers answered "yes"; every other item "no".
VULNERABLE = {
    "PT-001": (1, 12), "PT-006": (1, 6, 11), "PT-007": (1, 11), "PT-009": (1, 12), "PT-011": (1, 3, 6, 16),
    "PT-012": (1, 3, 12, 13), "PT-013": (1, 3, 12, 13), "PT-014": (1, 9, 12), "PT-015": (1, 12),
    "PT-017": (1, 3, 4, 12), "PT-018": (1, 12, 16, 17), "PT-019": (1, 2, 3, 12), "PT-020": (1, 11, 12),
    "PT-021": (1, 3, 12),
}

# Other contacts: type → contacts per month of support (rounded, at least one where > 0).
PER_MONTH = {"phone": 2.0, "message": 1.5, "email": 0.5, "office_meeting": 0.3}
ACCOMPANIMENTS = {
    "PT-001": ("accompaniment_lawyer", "accompaniment_lawyer", "accompaniment_admin"),
    "PT-006": ("accompaniment_lawyer", "accompaniment_admin", "other"),
    "PT-011": ("accompaniment_lawyer", "accompaniment_embassy", "accompaniment_admin"),
    "PT-013": ("accompaniment_lawyer",), "PT-014": ("accompaniment_admin",), "PT-015": ("accompaniment_embassy",),
    "PT-017": ("accompaniment_lawyer",),
}
# Contacts stop at this date (the counts stay those of the whole follow-up, squeezed before it).
# PT-017: no news since the annex A follow-up visit of 20/01, just after the reunification request.
CONTACTS_UNTIL = {"PT-017": "2023-01-20"}
# Home visits only stop: PT-015 (low risk) still phones but has not been visited since before Christmas.
HOME_VISITS_UNTIL = {"PT-015": "2022-12-22"}
# Annex A follow-ups on these dates instead of every 91 days from admission (same scores, k-th follow-up).
FOLLOW_UP_DATES = {"PT-015": ("2022-11-25",), "PT-017": ("2023-01-20",)}
# Admitted without a baseline yet: PT-021 came in on 20/02; the action plan has it for 06/03.
NO_BASELINE = {"PT-021"}

NOTES = {"home_visit": "Point sur le plan d'action.", "phone": "Suivi des démarches.",
         "other": "Accompagnement de la mère à l'audience du juge de paix (logement)."}


def _spread(start: dt.date, end: dt.date, k: int, last: bool = False) -> list[dt.date]:
    """``k`` dates evenly inside (start, end]; with ``last`` the k-th falls on ``end`` itself."""
    span, parts = (end - start).days, k if last else k + 1
    return [start + dt.timedelta(days=max(1, round(span * (i + 1) / parts))) for i in range(k)]


def _end(fam: dict) -> dt.date:
    closure = fam.get("closure_date")
    return dt.date.fromisoformat(closure) if closure else REF


def _admitted(fam: dict) -> dt.date:
    return dt.date.fromisoformat(fam["admission_date"])


def contact_rows(families: dict) -> list[dict]:
    rows = []
    for cid, (visits, _scores, _trend) in PLAN.items():
        fam = families[cid]
        start, end = _admitted(fam), _end(fam)
        months = (end - start).days / 30.4375
        until = dt.date.fromisoformat(CONTACTS_UNTIL.get(cid, end.isoformat()))
        visits_until = dt.date.fromisoformat(HOME_VISITS_UNTIL.get(cid, until.isoformat()))
        dated = [(day, "home_visit", 75) for day in _spread(start, visits_until, visits, visits_until < end)]
        for ctype, rate in PER_MONTH.items():
            dated += [(day, ctype, 15) for day in _spread(start, until, max(1, round(months * rate)))]
        acc = ACCOMPANIMENTS.get(cid, ())
        dated += [(day, ctype, 120) for day, ctype in zip(_spread(start, until, len(acc)), acc)]
        rows += [{"case_id": cid, "contact_date": day, "contact_type": ctype, "minutes": minutes,
                  "case_manager": fam["case_manager"], "note": NOTES.get(ctype)} for day, ctype, minutes in dated]
    return sorted(rows, key=lambda r: (r["contact_date"], r["case_id"]))


def baseline_rows(families: dict, items: tuple) -> list[dict]:
    """A baseline at admission, then a follow-up every three months while the family is followed.

    ``FOLLOW_UP_DATES`` only re-dates a family's follow-ups; the k-th still carries the k-th scores.
    """
    rows = []
    for cid, (_visits, digits, trend) in PLAN.items():
        fam = families[cid]
        start, end = _admitted(fam), _end(fam)
        base = [10 if d == "X" else int(d) for d in digits]
        if cid in FOLLOW_UP_DATES:
            dates = [start, *map(dt.date.fromisoformat, FOLLOW_UP_DATES[cid])]
        else:
            dates = [start + dt.timedelta(days=91 * k) for k in range((end - start).days // 91 + 1)]
        for k, day in enumerate(dates):
            if k == 0 and cid in NO_BASELINE:
                continue
            row = {"case_id": cid, "assessment_date": day, "case_manager": fam["case_manager"],
                   "assessment_type": "baseline" if k == 0 else "follow_up"}
            for i, (item, score0, step, why) in enumerate(zip(items, base, ITEM_STEP, WHY)):
                sign = -1 if item.better == "low" else 1
                step = 0 if (i + int(cid[3:])) % 5 == 0 else step  # not every item moves for every family
                score = min(10, max(0, score0 + sign * trend * step * k))
                good = score <= 4 if item.better == "low" else score >= 6
                row[f"{item.key}_score"], row[f"{item.key}_why"] = score, why[good]
            rows.append(row)
    return rows


def vulnerability_rows(families: dict, keys: list) -> list[dict]:
    rows = []
    for cid, yes in VULNERABLE.items():
        row = {"case_id": cid, "assessed_date": _admitted(families[cid])}
        row.update({key: "yes" if i in yes else "no" for i, key in enumerate(keys, start=1)})
        rows.append(row)
    return rows
