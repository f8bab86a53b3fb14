"""The demo cohort's registry and members: 24 referred families, 14 admitted.

Every name is invented (families carry plant names, a pseudonym convention no
real file would use). The figures are tuned to the seed note: the 12 reviewed
families have 20 adults and 32 children, 9 asked asylum on arrival, 8 have been
in Belgium for more than 5 years (one for 1 year; three for 12, 14 and 18),
1 is resolved, 8 active, 3 disengaged; their support lasted 6.5 months on
average, two of them over 15 months. Dates are ISO strings, parsed by the
package by column type; an int in a date-or-year column is a year alone.
"""

from __future__ import annotations

CM_A, CM_B = "Claire (démo)", "Tom (démo)"

FAMILY_FIELDS = ("case_id", "family_name", "nationality", "referral_date", "referral_route", "intake_risk",
                 "admission_date", "status", "closure_date", "arrival_date", "asylum_on_arrival", "stateless",
                 "legal_stay_years", "case_study", "case_manager")

# The 14 admitted families (the 12 reviewed, then the 2 admitted in February 2023).
ADMITTED = [
    ("PT-001", "Acacia", "Irak", "2020-09-21", "organisation", "medium", "2020-10-12", "resolved_residence_be",
     "2022-02-23", "2008-11-05", "yes", "no", 2, "yes", CM_A),
    ("PT-006", "Figuier", "Népal", "2021-10-18", "organisation", "high", "2021-11-10", "active", None,
     "2004-11-10", "no", "no", 0, "yes", CM_A),
    ("PT-007", "Genêt", "Albanie", "2021-12-20", "community", "high", "2022-01-17", "disengaged", "2022-06-12",
     "2019-06-18", "no", "no", 0, "no", CM_B),
    ("PT-009", "Iris", "Maroc", "2022-02-21", "organisation", "medium", "2022-03-14", "disengaged", "2022-06-19",
     "2017-01-22", "yes", "no", 1, "no", CM_B),
    ("PT-011", "Kapokier", "Kosovo", "2022-04-11", "detention", "high", "2022-05-06", "active", None,
     "2010-10-05", "no", "yes", 0, "yes", CM_A),
    ("PT-012", "Lilas", "Somalie", "2022-04-25", "self", "high", "2022-05-09", "disengaged", "2022-06-05",
     "2021-12-17", "yes", "no", 0, "no", CM_B),
    ("PT-013", "Mimosa", "Rwanda", "2022-06-27", "organisation", "medium", "2022-07-15", "active", None,
     "2013-07-24", "yes", "no", 3, "no", CM_A),
    ("PT-014", "Noisetier", "RD Congo", "2022-07-25", "community", "medium", "2022-08-17", "active", None,
     2014, "yes", "no", 2, "no", CM_B),
    ("PT-015", "Olivier", "Pakistan", "2022-09-05", "organisation", "low", "2022-09-26", "active", None,
     "2018-10-05", "yes", "no", 1, "no", CM_A),
    ("PT-017", "Quinquina", "Liberia", "2022-10-10", "self", "medium", "2022-11-01", "active", None,
     "2015-05-12", "yes", "no", 2, "no", CM_B),
    ("PT-018", "Romarin", "Kosovo", "2022-11-14", "organisation", "medium", "2022-12-08", "active", None,
     "2014-02-28", "yes", "yes", 0, "no", CM_A),
    ("PT-019", "Saule", "Albanie", "2022-12-12", "detention", "high", "2023-01-07", "active", None,
     "2020-08-29", "yes", "no", 0, "no", CM_B),
    ("PT-020", "Tilleul", "Guinée", "2023-01-16", "organisation", "medium", "2023-02-06", "active", None,
     "2016-03-01", "yes", "no", 1, "no", CM_A),
    ("PT-021", "Ulmaire", "Irak", "2023-01-30", "community", "medium", "2023-02-20", "active", None,
     2017, "yes", "no", 0, "no", CM_B),
]

# Referred but not admitted: (case id, name, nationality, referral date, route, status, failed criterion).
NOT_ADMITTED = [
    ("PT-002", "Bouleau", "Arménie", "2020-10-26", "organisation", "not_admitted", "crit_children_under_18"),
    ("PT-003", "Cèdre", "Irak", "2021-01-18", "community", "not_admitted", "crit_no_major_medical_issues"),
    ("PT-004", "Dattier", "Maroc", "2021-03-22", "self", "not_admitted", "crit_stable_housing"),
    ("PT-005", "Érable", "Kosovo", "2021-06-07", "organisation", "not_admitted", "crit_willing_to_engage"),
    ("PT-008", "Hêtre", "Brésil", "2022-01-24", "self", "not_admitted", "crit_no_residence_permit"),
    ("PT-010", "Jasmin", "Algérie", "2022-03-07", "organisation", "not_admitted", "crit_no_public_order_record"),
    ("PT-016", "Peuplier", "Équateur", "2022-09-19", "community", "not_admitted", "crit_detention_risk"),
    ("PT-022", "Verveine", "Afghanistan", "2023-02-01", "organisation", "not_admitted", "crit_stable_housing"),
    ("PT-023", "Glycine", "Somalie", "2023-02-13", "organisation", "screening", None),
    ("PT-024", "Yucca", "Géorgie", "2023-02-22", "self", "screening", None),
]

# Admission criteria left blank at admission, as happens: PT-020 was admitted while the
# lawyer was still checking for a public-order record (the alerts sheet reminds it).
CRITERIA_LEFT_BLANK = {"PT-020": ("crit_no_public_order_record",)}

# Free-text registry notes, only where there is something to say.
NOTES = {
    "PT-006": {"family_ties": "Large réseau d'amis, d'école et de paroisse construit en 18 ans.",
               "profile_notes": "Mère : crises de panique et insomnie ; père démoralisé par l'attente."},
    "PT-011": {"family_ties": "Mari éloigné vers son pays ; belle-famille très présente.",
               "detention_experience": "Mère et enfants placés en maison de retour il y a quelques années ; "
                                       "ils en sont partis. Mari détenu puis éloigné.",
               "profile_notes": "Première orientation non retenue (communication impossible) ; "
                                "réorientée par le mari depuis le centre fermé."},
    "PT-019": {"detention_experience": "Mère et enfants détenus 9 jours en maison de retour (2022), "
                                       "libérés après contact du projet."},
}

# Members: case id → [(role, gender, birth date or year or None, first name, born in Belgium)].
MEMBERS = {
    "PT-001": [("parent", "male", "1979-03-14", "Karim", "no"), ("parent", "female", "1984-09-02", "Layla", "no"),
               ("child", "female", "2009-05-20", "Noor", "no"), ("child", "male", "2012-11-08", "Sami", "yes"),
               ("child", "female", "2016-02-11", "Yara", "yes")],
    "PT-006": [("parent", "male", 1978, "Bikash", "no"), ("parent", "female", "1982-06-30", "Sita", "no"),
               ("child", "female", "2010-09-15", "Anjali", "yes"), ("child", "male", "2012-04-03", "Rohan", "yes"),
               ("child", "female", "2013-11-21", "Maya", "yes"), ("child", "male", "2015-08-09", "Arjun", "yes")],
    "PT-007": [("parent", "male", "1986-01-25", "Arben", "no"), ("parent", "female", "1990-07-12", "Elira", "no"),
               ("child", "female", "2011-03-30", "Dea", "no"), ("child", "male", "2014-10-02", "Luan", "no"),
               ("child", "female", "2019-12-19", "Ema", "yes")],
    "PT-009": [("parent", "male", "1983-04-17", "Youssef", "no"), ("parent", "female", "1988-12-01", "Samira", "no"),
               ("child", "male", "2013-06-23", "Adam", "no"), ("child", "female", "2017-01-05", "Lina", "yes")],
    "PT-011": [("parent", "female", "1987-05-10", "Mirela", "no"), ("child", "male", "2003-08-14", "Ardit", "no"),
               ("child", "female", "2013-07-07", "Selma", "yes"), ("child", "female", "2016-05-29", "Drita", "yes")],
    "PT-012": [("parent", "female", "1996-02-18", "Hodan", "no"), ("child", "male", "2017-09-09", "Abdi", "no"),
               ("child", "female", "2020-04-22", "Ayaan", "no")],
    "PT-013": [("parent", "female", "1980-10-30", "Claudine", "no"), ("child", "male", "2004-06-15", "Eric", "no"),
               ("child", "female", "2011-01-19", "Grace", "no")],
    "PT-014": [("parent", "male", "1975-12-05", "Jean-Pierre", "no"), ("parent", "female", "1981-03-22", "Esther", "no"),
               ("other_adult", "female", None, "Régine", "no"), ("child", "female", "2006-07-01", "Divine", "no"),
               ("child", "male", "2009-02-14", "Christian", "no"), ("child", "female", "2014-09-30", "Merveille", "yes"),
               ("child", "male", "2021-06-11", "Joël", "yes")],
    "PT-015": [("parent", "male", "1987-08-08", "Imran", "no"), ("parent", "female", "1993-01-15", "Ayesha", "no"),
               ("child", "male", "2016-03-03", "Hamza", "no"), ("child", "female", "2019-11-27", "Zara", "yes")],
    "PT-017": [("parent", "female", "1982-05-05", "Comfort", "no"), ("child", "male", "2002-12-24", "Joseph", "no"),
               ("child", "female", "2010-08-18", "Patience", "no")],
    "PT-018": [("parent", "male", "1984-09-09", "Besnik", "no"), ("parent", "female", "1989-02-02", "Vjosa", "no"),
               ("child", "male", "2008-10-10", "Alban", "no"), ("child", "female", "2012-05-15", "Rina", "no"),
               ("child", "male", "2018-01-20", "Ilir", "yes")],
    "PT-019": [("parent", "female", "1998-06-10", "Klea", "no"), ("child", "female", "2020-03-03", "Noa", "no"),
               ("child", "male", "2022-01-14", "Eri", "yes")],
    "PT-020": [("parent", "male", "1976-04-04", "Mamadou", "no"), ("parent", "female", "1985-11-11", "Aïssatou", "no"),
               ("child", "male", "2004-01-30", "Ibrahima", "no"), ("child", "female", "2007-03-12", "Fatoumata", "no"),
               ("child", "male", "2010-06-06", "Ousmane", "no"), ("child", "female", "2012-12-12", "Mariama", "no"),
               ("child", "male", "2016-07-07", "Alpha", "yes"), ("child", "female", "2020-10-10", "Kadiatou", "yes")],
    "PT-021": [("parent", "female", "1990-03-03", "Zainab", "no"), ("child", "male", "2011-04-04", "Ali", "no"),
               ("child", "female", "2013-05-05", "Maryam", "no"), ("child", "male", "2015-06-06", "Hussein", "no"),
               ("child", "female", "2018-07-07", "Fatima", "yes")],
}


def family_rows(criteria: tuple) -> list[dict]:
    """Registry rows in case-id order, as staff would have filled them in."""
    rows = []
    for values in ADMITTED:
        row = dict(zip(FAMILY_FIELDS, values))
        row.update({c: "yes" for c in criteria}, known_before="no", conditions_imposed="Aucune",
                   released_after_contact="yes" if row["referral_route"] == "detention" else None)
        row.update(dict.fromkeys(CRITERIA_LEFT_BLANK.get(row["case_id"], ()), None))
        row.update(NOTES.get(row["case_id"], {}))
        rows.append(row)
    for cid, name, nat, referred, route, status, failed in NOT_ADMITTED:
        row = {"case_id": cid, "family_name": name, "nationality": nat, "referral_date": referred,
               "referral_route": route, "status": status, "case_manager": CM_A if int(cid[3:]) % 2 else CM_B,
               "known_before": "no", "case_study": "no"}
        if failed:
            row.update({c: "no" if c == failed else "yes" for c in criteria})
        rows.append(row)
    return sorted(rows, key=lambda r: r["case_id"])


def member_rows() -> list[dict]:
    fam = {values[0]: values for values in ADMITTED}
    rows = []
    for cid, people in MEMBERS.items():
        for i, (role, gender, birth, first, born_here) in enumerate(people, start=1):
            rows.append({"case_id": cid, "member_id": f"{cid}-{i}", "first_name": first,
                         "last_name": fam[cid][1], "role": role, "gender": gender, "birth_date": birth,
                         "nationality": fam[cid][2], "born_in_country": born_here})
    return rows
