"""The workbook's sheets, as data: which sheets, in which order, with which columns.

Column types: ``text`` (short), ``longtext`` (wrapped notes), ``date``,
``date_or_year`` (a date, or a year alone), ``integer``, ``number``, ``score``
(0–10), ``choice`` (one label of ``scale``), ``case_ref`` (a case id that must
exist in the families sheet). Entry sheets are typed by staff; output sheets are
written by ptxl; the lists sheet holds the dropdown values and is hidden.
"""

from __future__ import annotations

import datetime as dt

from .annexes import ANNEX_A, ANNEX_B, ANNEX_C, CRITERIA, VULNERABILITIES
from .scales import DOCUMENT_TYPE, L


def col(key, type_, label, help=None, required=False, scale=None, width=None, personal=None):
    """``personal``: "name" or "birth" for the columns that identify a person; their typed values
    are never repeated in a finding, and an anonymised export removes or coarsens them."""
    return {"key": key, "type": type_, "label": label, "help": help, "required": required,
            "scale": scale, "width": width, "personal": personal}


CASE = col("case_id", "case_ref", L("N° de dossier", "Dossiernr.", "Case no."),
           L("Le numéro du dossier de la famille, tel qu'il figure dans la feuille Familles (ex. PT-001).",
             "Het dossiernummer van het gezin, zoals in het blad Gezinnen (bv. PT-001).",
             "The family's case number, as in the Families sheet (e.g. PT-001)."), required=True, width=12)
CASE_MANAGER = col("case_manager", "text", L("Gestionnaire de cas", "Casemanager", "Case manager"), width=18,
                   personal="name")


def yes_no(key, label, help=None, required=False):
    return col(key, "choice", label, help, required, scale="yes_no", width=14)


FAMILIES = [
    col("case_id", "text", L("N° de dossier", "Dossiernr.", "Case no."),
        L("Un numéro unique par famille, ex. PT-001. Ne le changez plus ensuite : les autres feuilles s'y réfèrent.",
          "Een uniek nummer per gezin, bv. PT-001. Wijzig het daarna niet meer: de andere bladen verwijzen ernaar.",
          "One unique number per family, e.g. PT-001. Do not change it later: the other sheets refer to it."),
        required=True, width=12),
    col("family_name", "text", L("Nom de la famille", "Familienaam", "Family name"), required=True, width=20,
        personal="name"),
    col("referral_date", "date", L("Date de demande / orientation", "Datum aanmelding", "Referral date"),
        L("Date à laquelle la famille a demandé ou a été orientée vers le projet.",
          "Datum waarop het gezin zich aanmeldde of werd doorverwezen.",
          "Date the family asked for or was referred to the project."), required=True),
    col("referral_route", "choice", L("Entrée dans le projet", "Instroom", "Referral route"),
        L("Comment la personne est entrée dans le projet (annexe B, question 11).",
          "Hoe de persoon in het project kwam (bijlage B, vraag 11).",
          "How the person entered the project (annex B, question 11)."), scale="referral_route", width=22),
    yes_no("known_before", L("Connue avant", "Vooraf gekend", "Known before"),
           L("Cette personne était-elle connue de l'organisation avant d'être introduite au projet ?",
             "Was deze persoon al gekend bij de organisatie vóór de aanmelding?",
             "Was this person known to the organisation before referral?")),
    yes_no("released_after_contact", L("Libérée après contact en détention", "Vrijgelaten na contact in detentie",
                                       "Released after contact in detention"),
           L("Si vous avez pris contact avec la personne pendant qu'elle était en détention, a-t-elle été libérée "
             "dans la communauté par la suite ?",
             "Als u de persoon in detentie contacteerde, werd zij daarna vrijgelaten?",
             "If you contacted the person in detention, were they released into the community afterwards?")),
    col("intake_risk", "choice", L("Risque à l'introduction", "Risico bij aanmelding", "Risk at intake"),
        L("Votre évaluation du risque (de désengagement et/ou de fuite) au moment de l'introduction.",
          "Uw inschatting van het risico (op afhaken en/of onderduiken) bij de aanmelding.",
          "Your assessment of the risk (of disengagement and/or absconding) at referral."), scale="risk", width=16),
    *[yes_no(key, label, help) for key, label, help in CRITERIA],
    col("admission_date", "date", L("Date d'admission", "Datum toelating", "Admission date"),
        L("Date de la décision d'admettre la famille ; vide si elle n'est pas (encore) admise.",
          "Datum van de toelating; leeg als het gezin (nog) niet is toegelaten.",
          "Date the family was admitted; empty if not (yet) admitted.")),
    col("status", "choice", L("Statut", "Status", "Status"),
        L("Où en est la famille aujourd'hui (annexe B, question 15).",
          "Waar staat het gezin vandaag (bijlage B, vraag 15).",
          "Where the family stands today (annex B, question 15)."), required=True, scale="status", width=28),
    col("closure_date", "date", L("Date de clôture", "Datum afsluiting", "Closure date"),
        L("À remplir quand le dossier est clos (résolu, désengagé, fuite, éloigné…).",
          "In te vullen wanneer het dossier wordt afgesloten.",
          "Fill in when the case is closed (resolved, disengaged, absconded, removed…).")),
    CASE_MANAGER,
    col("nationality", "text", L("Nationalité", "Nationaliteit", "Nationality"), width=16),
    col("arrival_date", "date_or_year", L("Arrivée en Belgique", "Aankomst in België", "Arrival in Belgium"),
        L("Date d'arrivée en Belgique, ou l'année seule si la date exacte n'est pas connue.",
          "Datum van aankomst in België, of alleen het jaar.",
          "Date of arrival in Belgium, or the year alone.")),
    col("legal_stay_years", "number", L("Années de séjour légal", "Jaren wettig verblijf", "Years of legal stay"),
        L("Nombre d'années de séjour légal en Belgique (0 si jamais).",
          "Aantal jaren wettig verblijf in België (0 indien nooit).",
          "Years of legal stay in Belgium (0 if never).")),
    yes_no("asylum_on_arrival", L("Asile à l'arrivée", "Asiel bij aankomst", "Asylum on arrival"),
           L("La famille a-t-elle demandé l'asile à son arrivée en Belgique ?",
             "Heeft het gezin bij aankomst in België asiel aangevraagd?",
             "Did the family apply for asylum on arrival in Belgium?")),
    yes_no("stateless", L("Apatride", "Staatloos", "Stateless")),
    col("family_ties", "longtext", L("Liens familiaux et communautaires", "Familie- en gemeenschapsbanden",
                                     "Family and community ties"),
        L("Lien familial et communautaire dans le pays (annexe B, question 5).",
          "Familie- en gemeenschapsbanden in het land (bijlage B, vraag 5).",
          "Family and community ties in the country (annex B, question 5).")),
    col("conditions_imposed", "longtext", L("Conditions imposées", "Opgelegde voorwaarden", "Conditions imposed"),
        L("Condition à laquelle la personne a été soumise par l'autorité (annexe B, question 6).",
          "Voorwaarde die de overheid oplegde (bijlage B, vraag 6).",
          "Condition imposed on the person by the authority (annex B, question 6).")),
    col("detention_experience", "longtext", L("Expérience de détention", "Detentie-ervaring",
                                              "Detention experience"),
        L("Expérience de détention (durée, nombre de cas de re-détention) (annexe B, question 8).",
          "Detentie-ervaring (duur, aantal keer opnieuw vastgehouden) (bijlage B, vraag 8).",
          "Detention experience (length, number of re-detentions) (annex B, question 8).")),
    col("profile_notes", "longtext", L("Ressources, vulnérabilité, facteurs", "Hulpbronnen, kwetsbaarheid, factoren",
                                       "Resources, vulnerability, factors"),
        L("Autre chose à ajouter sur les ressources personnelles, la vulnérabilité, les facteurs de protection ou "
          "les facteurs de risque de cette personne ? (annexe B, question 16)",
          "Nog iets over de persoonlijke hulpbronnen, kwetsbaarheid, beschermende of risicofactoren? "
          "(bijlage B, vraag 16)",
          "Anything to add on this person's resources, vulnerability, protective or risk factors? "
          "(annex B, question 16)")),
    yes_no("case_study", L("Étude de cas (rapport)", "Casestudy (rapport)", "Case study (report)"),
           L("« Oui » pour reprendre le modèle de cas de cette famille comme étude de cas dans le rapport.",
             "‘Ja’ om het casusmodel van dit gezin als casestudy in het rapport op te nemen.",
             "'Yes' to use this family's case template as a case study in the report.")),
]

MEMBERS = [
    CASE,
    col("member_id", "text", L("N° de la personne", "Persoonsnr.", "Person no."),
        L("Un numéro par personne dans la famille, ex. PT-001-1.", "Een nummer per persoon, bv. PT-001-1.",
          "One number per person, e.g. PT-001-1."), required=True, width=13),
    col("first_name", "text", L("Prénom", "Voornaam", "First name"), width=16, personal="name"),
    col("last_name", "text", L("Nom", "Naam", "Last name"), width=16, personal="name"),
    col("role", "choice", L("Rôle", "Rol", "Role"), required=True, scale="role", width=16),
    col("gender", "choice", L("Genre", "Geslacht", "Gender"), scale="gender", width=10),
    col("birth_date", "date_or_year", L("Date de naissance", "Geboortedatum", "Birth date"),
        L("Date de naissance, ou l'année seule si la date exacte n'est pas connue.",
          "Geboortedatum, of alleen het jaar als de exacte datum niet gekend is.",
          "Date of birth, or the year alone if the exact date is not known."), personal="birth"),
    col("nationality", "text", L("Nationalité", "Nationaliteit", "Nationality"), width=16),
    yes_no("born_in_country", L("Né(e) en Belgique", "Geboren in België", "Born in Belgium")),
]

VULNERABILITY_SHEET = [
    CASE,
    col("assessed_date", "date", L("Date", "Datum", "Date"), required=True),
    *[yes_no(key, label, L(label["fr"], label["nl"], label["en"])) for key, label in VULNERABILITIES],
    col("vulnerability_notes", "longtext", L("Précisions", "Toelichting", "Details")),
]

BASELINE = [
    CASE,
    col("assessment_date", "date", L("Rédigé le", "Opgesteld op", "Assessed on"),
        L("Date de l'évaluation (la situation de base est établie dès l'admission).",
          "Datum van de beoordeling (de beginsituatie wordt bij de toelating opgesteld).",
          "Date of the assessment (the baseline is set as soon as the family is admitted)."), required=True),
    col("assessment_type", "choice", L("Type", "Type", "Type"),
        L("« Situation de base » à l'admission, « Suivi » pour les évaluations suivantes.",
          "‘Beginsituatie’ bij toelating, ‘Opvolging’ nadien.",
          "'Baseline' at admission, 'Follow-up' afterwards."), required=True, scale="assessment_type", width=16),
    CASE_MANAGER,
]
for key, label, question, _better in ANNEX_A:
    BASELINE.append(col(f"{key}_score", "score", {k: f"{v} (0-10)" for k, v in label.items()}, question,
                        required=True, width=12))
    BASELINE.append(col(f"{key}_why", "longtext",
                        {k: f"{v} – {w}" for (k, v), w in zip(label.items(), ("pourquoi ?", "waarom?", "why?"))},
                        L("Pourquoi ? Décrivez de manière concise la situation et ce qui motive ce score.",
                          "Waarom? Beschrijf kort de situatie en waarom u deze score geeft.",
                          "Why? Describe concisely the situation and the reason for this score.")))

SUMMARY = [
    CASE,
    col("review_date", "date", L("Date de la fiche", "Datum van de fiche", "Review date"), required=True),
    CASE_MANAGER,
    *[col(key, "choice" if scale != "text" else "longtext", label, question,
          scale=None if scale == "text" else scale, width=16 if scale != "text" else None)
      for key, scale, _group, label, question in ANNEX_B],
]

CASE_STUDY = [
    CASE,
    col("written_date", "date", L("Mis à jour le", "Bijgewerkt op", "Updated on")),
    *[col(key, "longtext", label, label) for key, label in ANNEX_C],
]

CONTACTS = [
    CASE,
    col("contact_date", "date", L("Date", "Datum", "Date"), required=True),
    col("contact_type", "choice", L("Type de contact", "Soort contact", "Contact type"), required=True,
        scale="contact_type", width=24),
    col("minutes", "integer", L("Durée (min)", "Duur (min)", "Length (min)"), width=10),
    CASE_MANAGER,
    col("note", "longtext", L("Note", "Notitie", "Note")),
]

CHRONOLOGY = [
    CASE,
    col("event_date", "date", L("Date", "Datum", "Date"), required=True),
    col("event_code", "choice", L("Étape de procédure", "Procedurestap", "Procedure step"), required=True,
        scale="chronology_event", width=40),
    col("description", "longtext", L("Description", "Beschrijving", "Description")),
    col("deadline", "date", L("Échéance", "Termijn", "Deadline"),
        L("Date limite liée à cet événement (délai de recours, date de l'ordre de quitter…).",
          "Uiterste datum bij deze gebeurtenis (beroepstermijn, datum van het bevel…).",
          "Deadline linked to this event (appeal deadline, date of the order to leave…).")),
]

ACTIONS = [
    CASE,
    col("action", "longtext", L("Action", "Actie", "Action"), required=True),
    col("owner", "text", L("Responsable", "Verantwoordelijke", "Owner"), width=16, personal="name"),
    col("due_date", "date", L("Échéance", "Vervaldatum", "Due date")),
    col("action_status", "choice", L("État", "Stand", "Status"), required=True, scale="action_status"),
    col("done_date", "date", L("Faite le", "Gedaan op", "Done on")),
]

DOCUMENTS = [
    CASE,
    col("document_type", "choice", L("Type de document", "Soort document", "Document type"), required=True,
        scale="document_type", width=24),
    col("description", "text", L("Description", "Beschrijving", "Description"), width=28),
    col("issue_date", "date", L("Date d'émission", "Datum van afgifte", "Issue date")),
    col("valid_until", "date", L("Valable jusqu'au", "Geldig tot", "Valid until"),
        L("Laissez vide si ce type de document a une validité par défaut dans les paramètres (lettres de "
          "soutien, certificats médicaux…) : elle est comptée à partir de la date d'émission.",
          "Laat leeg als dit documenttype een standaardgeldigheid heeft in de instellingen (steunbrieven, "
          "medische attesten…): die telt vanaf de datum van afgifte.",
          "Leave empty if this document type has a default validity in the settings (support letters, "
          "medical certificates…): it counts from the issue date.")),
]

# Default validity of a document counted from its issue date, used when "valid until" is empty
# (0 or empty in the workbook = no default). 9ter needs a standard medical certificate under
# 3 months old (droitsquotidiens.be, "régularisation médicale"); support letters have their own row.
DOCUMENT_VALIDITY_MONTHS = {"medical_certificate": 3}

# The limits of each column type, written once: the Excel data validation, the reader and the rules
# all read them (through the schema's fields). A score is 0–10 (FORMS.md, annex A); counts are not
# negative; dates lie in 1900–2100 (what the reader accepts: no entry is outside, and the Excel
# validation used to stop a year earlier for a date-or-year); a text cell holds Excel's 32,767 characters.
PROJECT_START = dt.date(2000, 1, 1)  # project dates (referrals, contacts, the settings' dates) are not before
DATE_LIMITS = {"minimum": dt.date(1900, 1, 1), "maximum": dt.date(2100, 12, 31)}
TEXT_LIMITS = {"max_length": 32767}
TYPE_LIMITS = {
    "score": {"minimum": 0, "maximum": 10},
    "integer": {"minimum": 0},
    "number": {"minimum": 0},
    "date": DATE_LIMITS,
    "date_or_year": DATE_LIMITS,
    "text": TEXT_LIMITS,
    "longtext": TEXT_LIMITS,
    "case_ref": TEXT_LIMITS,
}
# A setting's limits: its type's, then its own (the fifth item of its row). The settings' dates are
# project dates; the small-cell threshold hides counts of 1 to threshold - 1, so below 2 it hides nothing.
# A whole-number setting (days, months, a threshold) of ten years of days at most: beyond, it is a typo, and
# the date arithmetic of the alerts would run off the calendar (99999999 months ended in a crash).
SETTING_LIMITS = {"date": {"minimum": PROJECT_START, "maximum": DATE_LIMITS["maximum"]},
                  "integer": {"minimum": 0, "maximum": 3650}}

# Settings: key, type, label, default (a blank value takes it), and limits of its own if any.
SETTINGS = [
    ("organisation", "text", L("Organisation", "Organisatie", "Organisation"), "JRS Belgium"),
    ("project_location", "text", L("Localisation du projet", "Locatie van het project", "Project location"), ""),
    ("period_start", "date", L("Début de la période", "Begin van de periode", "Period start"), None),
    ("reference_date", "date", L("Date de référence", "Referentiedatum", "Reference date"), None),
    ("language", "language", L("Langue", "Taal", "Language"), None),
    ("alert_document_days", "integer", L("Alerte : document expirant dans (jours)",
                                         "Waarschuwing: document verloopt binnen (dagen)",
                                         "Alert: document expiring within (days)"), 30),
    ("support_letter_months", "integer", L("Validité d'une lettre de soutien (mois)",
                                           "Geldigheid van een steunbrief (maanden)",
                                           "Validity of a support letter (months)"), 6),
    *[(f"{code}_months", "integer", L(f"Validité par défaut (mois) : {label['fr']}",
                                       f"Standaardgeldigheid (maanden): {label['nl']}",
                                       f"Default validity (months): {label['en']}"), DOCUMENT_VALIDITY_MONTHS.get(code))
      for code, label, _syn in DOCUMENT_TYPE if code != "support_letter"],
    ("alert_action_days", "integer", L("Alerte : action due dans (jours)", "Waarschuwing: actie binnen (dagen)",
                                       "Alert: action due within (days)"), 7),
    ("alert_no_contact_days", "integer", L("Alerte : sans contact depuis (jours)",
                                           "Waarschuwing: geen contact sinds (dagen)",
                                           "Alert: no contact for (days)"), 30),
    ("alert_no_visit_days", "integer", L("Alerte : sans visite à domicile depuis (jours)",
                                         "Waarschuwing: geen huisbezoek sinds (dagen)",
                                         "Alert: no home visit for (days)"), 60),
    ("review_months", "integer", L("Révision due tous les (mois)", "Herziening elke (maanden)",
                                   "Review due every (months)"), 3),
    ("alert_deadline_days", "integer", L("Alerte : échéance légale dans (jours)",
                                         "Waarschuwing: wettelijke termijn binnen (dagen)",
                                         "Alert: legal deadline within (days)"), 14),
    ("evaluation_unit", "unit", L("Unité d'un dossier : famille ou personne",
                                  "Eenheid van een dossier: gezin of persoon",
                                  "Unit of a case: family or person"), "family"),
    ("questions_not_asked", "questions", L("Questions de la fiche de synthèse non posées (clés ou titres, séparés par ;)",
                                           "Niet gestelde vragen van de cliëntfiche (sleutels of titels, gescheiden door ;)",
                                           "Client summary questions not asked (keys or headings, separated by ;)"),
     None),
    ("small_cell_threshold", "integer", L("Seuil de suppression des petits effectifs",
                                          "Drempel voor onderdrukking van kleine aantallen",
                                          "Small-cell suppression threshold"), 5, {"minimum": 2}),
]

# Sheets in workbook order. kind: entry | settings | output | lists
SHEETS = [
    {"key": "home", "kind": "output", "name": L("Accueil", "Start", "Home"), "table": None},
    {"key": "families", "kind": "entry", "name": L("Familles", "Gezinnen", "Families"),
     "table": "tblFamilies", "columns": FAMILIES},
    {"key": "members", "kind": "entry", "name": L("Membres", "Gezinsleden", "Members"),
     "table": "tblMembers", "columns": MEMBERS},
    {"key": "vulnerabilities", "kind": "entry", "name": L("Vulnérabilités", "Kwetsbaarheden", "Vulnerabilities"),
     "table": "tblVulnerabilities", "columns": VULNERABILITY_SHEET},
    {"key": "baseline", "kind": "entry", "name": L("Fiche de base", "Basisfiche", "Baseline"),
     "table": "tblBaseline", "columns": BASELINE, "annex": "A"},
    {"key": "summary", "kind": "entry", "name": L("Fiche de synthèse", "Cliëntfiche", "Client summary"),
     "table": "tblSummary", "columns": SUMMARY, "annex": "B"},
    {"key": "case_study", "kind": "entry", "name": L("Modèle de cas", "Casusmodel", "Case template"),
     "table": "tblCaseStudy", "columns": CASE_STUDY, "annex": "C"},
    {"key": "contacts", "kind": "entry", "name": L("Contacts", "Contacten", "Contacts"),
     "table": "tblContacts", "columns": CONTACTS},
    {"key": "chronology", "kind": "entry", "name": L("Chronologie", "Chronologie", "Chronology"),
     "table": "tblChronology", "columns": CHRONOLOGY},
    {"key": "actions", "kind": "entry", "name": L("Plan d'action", "Actieplan", "Action plan"),
     "table": "tblActions", "columns": ACTIONS},
    {"key": "documents", "kind": "entry", "name": L("Documents", "Documenten", "Documents"),
     "table": "tblDocuments", "columns": DOCUMENTS},
    {"key": "impact", "kind": "output", "name": L("Impact", "Impact", "Impact"), "table": None},
    {"key": "cohort", "kind": "output", "name": L("Cohorte", "Cohort", "Cohort"), "table": None},
    {"key": "followup", "kind": "output", "name": L("Suivi", "Opvolging", "Follow-up"), "table": None},
    {"key": "baseline_evolution", "kind": "output", "name": L("Évolution", "Evolutie", "Baseline evolution"),
     "table": None},
    {"key": "alerts", "kind": "output", "name": L("Alertes", "Waarschuwingen", "Alerts"), "table": None},
    {"key": "checks", "kind": "output", "name": L("Contrôles", "Controles", "Checks"), "table": None},
    {"key": "settings", "kind": "settings", "name": L("Paramètres", "Instellingen", "Settings"),
     "table": "tblSettings"},
    {"key": "lists", "kind": "lists", "name": L("Listes", "Lijsten", "Lists"), "table": None},
]
