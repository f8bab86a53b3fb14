"""The demo's legal chronology, action plans and documents, as one line per entry.

Chosen so every kind of alert has something to show at the reference date
2023-02-28: actions overdue, a legal deadline within two weeks, an appeal deadline
passed with nothing recorded after it (PT-015: was the appeal lodged?), support
letters older than six months (the seed's "Famille 3" worries about exactly that),
a passport expiring soon, an action nobody has taken on (PT-017).
"""

from __future__ import annotations

# (case id, date, event code of forms/chronology_events.csv, description, deadline)
CHRONOLOGY = [
    ("PT-001", "2008-11-05", "ARRIVAL", "Arrivée avec les deux parents et l'aînée.", None),
    ("PT-001", "2008-11-14", "IP_APPLY", "Demande d'asile à l'arrivée.", None),
    ("PT-001", "2010-11-30", "CGRS_DECISION", "Refus du statut de réfugié.", None),
    ("PT-001", "2021-03-15", "R9BIS_APPLY", "Nouvelle demande 9bis préparée avec l'avocat.", None),
    ("PT-001", "2022-01-20", "R9BIS_DEC", "Régularisation accordée.", None),
    ("PT-001", "2022-02-18", "CARD_EVENT", "Carte de séjour délivrée par la commune.", None),
    ("PT-006", "2004-11-10", "ARRIVAL", "Arrivée avec un visa touristique.", None),
    ("PT-006", "2009-12-10", "R9BIS_APPLY", "Demande lors de la campagne de 2009.", None),
    ("PT-006", "2020-11-25", "CALL_JUDGMENT", "Recours rejeté après onze ans d'attente.", None),
    ("PT-006", "2022-03-01", "LAWYER", "Le cabinet d'origine accepte de reprendre le dossier.", None),
    ("PT-006", "2022-09-12", "OTHER", "Avis du Commissaire aux droits de l'enfant joint au dossier.", None),
    ("PT-006", "2023-02-01", "R9BIS_APPLY", "Nouvelle demande de régularisation introduite.", None),
    ("PT-007", "2019-06-18", "ARRIVAL", "Arrivée sans visa (exemption).", None),
    ("PT-007", "2021-11-05", "OQT", "Ordre de quitter le territoire.", "2021-12-05"),
    ("PT-009", "2017-01-22", "ARRIVAL", None, None),
    ("PT-009", "2017-02-01", "IP_APPLY", None, None),
    ("PT-009", "2019-05-14", "CALL_JUDGMENT", "Recours rejeté.", None),
    ("PT-011", "2010-10-05", "ARRIVAL", None, None),
    ("PT-011", "2019-04-02", "RETURN_HOUSE", "Mère et enfants en maison de retour ; ils en sont partis.", None),
    ("PT-011", "2022-03-20", "DETENTION_DEC", "Le mari est détenu en centre fermé.", None),
    ("PT-011", "2022-06-30", "REMOVAL_ATTEMPT", "Le mari est éloigné vers son pays.", None),
    ("PT-011", "2022-09-14", "STATELESS_COURT", "Demande de reconnaissance d'apatridie.", None),
    ("PT-011", "2022-11-10", "OTHER", "Laissez-passer obtenu auprès de l'Office des étrangers.", None),
    ("PT-012", "2021-12-17", "ARRIVAL", None, None),
    ("PT-012", "2021-12-20", "IP_APPLY", None, None),
    ("PT-012", "2022-02-11", "DUBLIN_DEC", "Annexe 26quater.", "2022-03-13"),
    ("PT-013", "2013-07-24", "ARRIVAL", None, None),
    ("PT-013", "2022-10-03", "R9TER_APPLY", "Demande 9ter pour la mère.", None),
    ("PT-014", "2014-07-01", "ARRIVAL", "Année seule connue.", None),
    ("PT-014", "2023-02-20", "OQT", "Nouvel ordre de quitter le territoire.", "2023-03-09"),
    ("PT-014", "2023-02-24", "OQT_APPEAL", "Recours introduit par l'avocat.", None),
    ("PT-015", "2018-10-05", "ARRIVAL", None, None),
    ("PT-015", "2022-10-20", "IP_SUBSEQUENT", "Demande ultérieure avec de nouveaux éléments.", None),
    ("PT-015", "2022-12-06", "CGRS_INTERVIEW", "Entretien pour la demande ultérieure.", None),
    # Inadmissible subsequent application: 10 days to appeal to the CCE. No appeal recorded since.
    ("PT-015", "2023-02-03", "CGRS_DECISION", "Demande ultérieure déclarée irrecevable.", "2023-02-13"),
    ("PT-017", "2015-05-12", "ARRIVAL", None, None),
    ("PT-017", "2023-01-18", "FAMREU_APPLY", "Demande de regroupement familial avec le fils majeur.", None),
    ("PT-018", "2014-02-28", "ARRIVAL", None, None),
    ("PT-018", "2023-01-25", "STATELESS_COURT", "Requête au tribunal de la famille.", None),
    ("PT-019", "2020-08-29", "ARRIVAL", None, None),
    ("PT-019", "2022-11-28", "RETURN_HOUSE", "Mère et enfants en maison de retour.", None),
    ("PT-019", "2022-12-07", "RELEASE", "Libérées après contact du projet.", None),
    ("PT-020", "2016-03-01", "ARRIVAL", None, None),
    ("PT-021", "2017-07-01", "ARRIVAL", "Année seule connue.", None),
]

# (case id, action, owner, due date, status, done date)
ACTIONS = [
    ("PT-006", "Réunir de nouvelles lettres de soutien (école, paroisse).", "Famille", "2023-02-15", "in_progress", None),
    ("PT-006", "Renouveler la carte d'identité du père à l'ambassade.", "Famille", "2022-12-31", "planned", None),
    ("PT-006", "Rendez-vous psychologue pour la mère.", "Gestionnaire", "2022-04-30", "done", "2022-04-21"),
    ("PT-011", "Suivre la procédure d'apatridie avec l'avocate.", "Gestionnaire", "2023-03-31", "in_progress", None),
    ("PT-011", "Inscrire les enfants à l'école de devoirs.", "Famille", "2022-09-30", "done", "2022-09-20"),
    ("PT-013", "Compléter le certificat médical type pour la 9ter.", "Avocat", "2023-01-31", "planned", None),
    ("PT-014", "Préparer l'audience du recours contre l'OQT.", "Avocat", "2023-03-06", "planned", None),
    ("PT-014", "Demander l'aide médicale urgente pour la grand-mère.", "Gestionnaire", "2022-10-15", "done",
     "2022-10-12"),
    ("PT-015", "Traduire les documents d'état civil.", "Famille", "2023-02-10", "in_progress", None),
    ("PT-017", "Obtenir l'acte de naissance du fils aîné.", None, "2023-04-15", "planned", None),  # owner not agreed
    ("PT-018", "Rassembler les preuves de non-reconnaissance par le Kosovo.", "Gestionnaire", "2023-03-20",
     "planned", None),
    ("PT-019", "Trouver une place en crèche pour le plus jeune.", "Gestionnaire", "2023-02-20", "planned", None),
    ("PT-020", "Premier rendez-vous avec l'avocat.", "Gestionnaire", "2023-03-10", "planned", None),
    ("PT-021", "Établir la situation de base (annexe A).", "Gestionnaire", "2023-03-06", "planned", None),
]

# (case id, type, description, issue date, valid until; blank for a support letter: default validity)
DOCUMENTS = [
    ("PT-006", "support_letter", "Lettre de l'école des enfants", "2022-05-10", None),
    ("PT-006", "support_letter", "Lettre du club de football", "2022-06-02", None),
    ("PT-006", "support_letter", "Lettre de la paroisse", "2023-01-20", None),
    ("PT-006", "identity_card", "Carte d'identité consulaire du père", "2012-12-01", "2022-12-01"),
    ("PT-006", "medical_certificate", "Suivi psychologique de la mère", "2022-04-21", None),
    ("PT-011", "laissez_passer", "Document remis par l'Office des étrangers", "2022-11-10", "2023-05-10"),
    ("PT-011", "lawyer_letter", "Analyse de la procédure d'apatridie", "2022-08-30", None),
    ("PT-013", "passport", "Passeport de la mère", "2013-03-15", "2023-03-15"),
    ("PT-013", "support_letter", "Lettre du médecin traitant", "2022-08-02", None),
    ("PT-014", "authority_decision", "OQT notifié", "2023-02-20", None),
    ("PT-014", "school_certificate", "Attestations scolaires des enfants", "2022-09-15", "2023-06-30"),
    ("PT-015", "birth_certificate", "Acte de naissance de la cadette", "2019-12-04", None),
    ("PT-017", "passport", "Passeport de la mère", "2019-04-01", "2024-04-01"),
    ("PT-018", "support_letter", "Lettre de l'association de quartier", "2022-12-20", None),
    ("PT-019", "authority_decision", "Décision de libération", "2022-12-07", None),
    ("PT-001", "residence_document", "Carte de séjour", "2022-02-18", "2027-02-17"),
]


def chronology_rows() -> list[dict]:
    return [{"case_id": c, "event_date": d, "event_code": code, "description": text, "deadline": deadline}
            for c, d, code, text, deadline in CHRONOLOGY]


def action_rows() -> list[dict]:
    return [{"case_id": c, "action": a, "owner": o, "due_date": due, "action_status": s, "done_date": done}
            for c, a, o, due, s, done in ACTIONS]


def document_rows() -> list[dict]:
    return [{"case_id": c, "document_type": t, "description": d, "issue_date": i, "valid_until": v}
            for c, t, d, i, v in DOCUMENTS]
