"""Answer scales: every dropdown of the workbook, as data.

Each option is (code, {fr, nl, en}, synonyms). Codes are the stable keys of
FORMS.md; labels are what staff see and pick; synonyms are extra spellings
accepted (with a warning) when reading, such as the annex form's own wording.
The blank answer of the impact and yes/no scales has no option: an empty cell
is read as ``no_answer``.
"""

from __future__ import annotations

import csv
from pathlib import Path


def L(fr: str, nl: str, en: str) -> dict[str, str]:
    return {"fr": fr, "nl": nl, "en": en}


IMPACT = [
    ("negative", L("Impact négatif", "Negatieve impact", "Negative impact"), ()),
    ("none", L("Pas d'impact", "Geen impact", "No impact"), ()),
    ("limited", L("Impact limité", "Beperkte impact", "Limited impact"), ()),
    ("some", L("Un certain impact", "Enige impact", "Some impact"), ()),
    ("considerable", L("Impact considérable", "Aanzienlijke impact", "Considerable impact"),
     ("Impact important",)),
    ("dont_know", L("Ne sait pas / ne peut pas dire", "Weet niet / kan niet zeggen",
                    "Don't know / can't say"), ("Ne sait pas", "Ne sait pas/ ne peut pas dire")),
]

YES_NO = [
    ("yes", L("Oui", "Ja", "Yes"), ()),
    ("no", L("Non", "Nee", "No"), ()),
    ("dont_know", L("Ne sait pas", "Weet niet", "Don't know"), ()),
]

STATUS = [
    ("screening", L("En évaluation", "In screening", "Screening"), ()),
    ("not_admitted", L("Non admise", "Niet toegelaten", "Not admitted"), ()),
    ("active", L("Suivie (en cours)", "Begeleid (lopend)", "Active (ongoing)"), ("Suivie", "En cours")),
    ("resolved_residence_be", L("Résolu – titre de séjour en Belgique",
                                "Opgelost – verblijfsvergunning in België",
                                "Resolved – residence permit in Belgium"), ()),
    ("resolved_residence_eu", L("Résolu – séjour légal dans un autre État membre",
                                "Opgelost – wettig verblijf in een andere lidstaat",
                                "Resolved – legal stay in another member state"), ()),
    ("resolved_voluntary_return", L("Résolu – retour volontaire",
                                    "Opgelost – vrijwillige terugkeer",
                                    "Resolved – voluntary return"), ()),
    ("disengaged", L("Désengagée", "Afgehaakt", "Disengaged"), ()),
    ("absconded", L("Fuite", "Ondergedoken", "Absconded"), ()),
    ("redetained", L("Re-détenue", "Opnieuw vastgehouden", "Re-detained"), ()),
    ("removed", L("Éloignée (retour forcé)", "Verwijderd (gedwongen terugkeer)", "Removed (forced return)"), ()),
    ("other", L("Autre", "Andere", "Other"), ()),
]

ASSESSMENT_TYPE = [
    ("baseline", L("Situation de base", "Beginsituatie", "Baseline"), ()),
    ("follow_up", L("Suivi", "Opvolging", "Follow-up"), ()),
]

REFERRAL_ROUTE = [
    ("detention", L("De la détention", "Vanuit detentie", "From detention"), ()),
    ("community", L("De la communauté", "Vanuit de gemeenschap", "From the community"), ()),
    ("organisation", L("Référée par une autre organisation", "Doorverwezen door een andere organisatie",
                       "Referred by another organisation"), ()),
    ("self", L("Auto-référencement", "Zelf aangemeld", "Self-referral"), ()),
    ("other", L("Autre", "Andere", "Other"), ()),
]

RISK = [
    ("high", L("Risque élevé", "Hoog risico", "High risk"), ()),
    ("medium", L("Risque moyen", "Gemiddeld risico", "Medium risk"), ()),
    ("low", L("Risque faible", "Laag risico", "Low risk"), ()),
    ("dont_know", L("Ne sait pas", "Weet niet", "Don't know"), ()),
]

ROLE = [
    ("parent", L("Parent", "Ouder", "Parent"), ()),
    ("child", L("Enfant", "Kind", "Child"), ()),
    ("other_adult", L("Autre adulte", "Andere volwassene", "Other adult"), ()),
]

GENDER = [
    ("female", L("Femme", "Vrouw", "Female"), ("F",)),
    ("male", L("Homme", "Man", "Male"), ("M", "H")),
    ("other", L("Autre", "Andere", "Other"), ()),
]

CONTACT_TYPE = [
    ("home_visit", L("Visite à domicile", "Huisbezoek", "Home visit"), ()),
    ("phone", L("Appel téléphonique", "Telefoongesprek", "Phone call"), ("Téléphone",)),
    ("email", L("E-mail", "E-mail", "E-mail"), ("Email", "Courriel")),
    ("message", L("Message (SMS, WhatsApp…)", "Bericht (sms, WhatsApp…)", "Message (SMS, WhatsApp…)"),
     ("SMS", "WhatsApp")),
    ("accompaniment_lawyer", L("Accompagnement chez l'avocat", "Begeleiding naar advocaat",
                               "Accompaniment to lawyer"), ()),
    ("accompaniment_embassy", L("Accompagnement à l'ambassade", "Begeleiding naar ambassade",
                                "Accompaniment to embassy"), ()),
    ("accompaniment_admin", L("Accompagnement administratif", "Administratieve begeleiding",
                              "Administrative accompaniment"), ()),
    ("office_meeting", L("Rendez-vous au bureau", "Afspraak op kantoor", "Office meeting"), ()),
    ("other", L("Autre", "Andere", "Other"), ()),
]

ACTION_STATUS = [
    ("planned", L("Prévue", "Gepland", "Planned"), ("À faire",)),
    ("in_progress", L("En cours", "Bezig", "In progress"), ()),
    ("done", L("Faite", "Gedaan", "Done"), ("Fait", "Terminée")),
    ("cancelled", L("Annulée", "Geannuleerd", "Cancelled"), ()),
]

DOCUMENT_TYPE = [
    ("passport", L("Passeport", "Paspoort", "Passport"), ()),
    ("identity_card", L("Carte d'identité", "Identiteitskaart", "Identity card"), ()),
    ("birth_certificate", L("Acte de naissance", "Geboorteakte", "Birth certificate"), ()),
    ("support_letter", L("Lettre de soutien", "Steunbrief", "Support letter"), ()),
    ("school_certificate", L("Attestation scolaire", "Schoolattest", "School certificate"), ()),
    ("medical_certificate", L("Certificat médical", "Medisch attest", "Medical certificate"), ()),
    ("lawyer_letter", L("Courrier d'avocat", "Brief van advocaat", "Lawyer's letter"), ()),
    ("authority_decision", L("Décision des autorités", "Beslissing van de overheid", "Authority decision"), ()),
    ("residence_document", L("Titre de séjour / attestation", "Verblijfsdocument / attest",
                             "Residence document / certificate"), ()),
    ("laissez_passer", L("Laissez-passer", "Laissez-passer", "Laissez-passer"), ()),
    ("other", L("Autre", "Andere", "Other"), ()),
]

# The unit of a case (setting ``evaluation_unit``): Plan Together follows families; the other EPIM
# pilots of the network follow one person per row of the case sheet.
EVALUATION_UNIT = [
    ("family", L("Famille", "Gezin", "Family"), ()),
    ("person", L("Personne", "Persoon", "Person"), ()),
]

# How the texts of the output sheets, documents and reports (written for families) say "person":
# word forms replaced whole-word, longest first, per language; a capital is kept. Both French
# nouns are feminine, so agreements ("admises") need no change; Dutch "gezin" is a het-word.
# A phrase mapped to itself is kept as written: the entry sheet keeps its name ("Familles") whatever
# the unit, and an English "family name" is a surname. The members are "of the case", not "of the person".
UNIT_WORDS = {
    "person": {
        "fr": (("feuille familles", "feuille familles"), ("feuille des familles", "feuille des familles"),
               ("membres de la famille", "membres du dossier"), ("personne de la famille", "personne du dossier"),
               ("familles", "personnes"), ("famille", "personne")),
        "nl": (("blad gezinnen", "blad gezinnen"), ("blad met de gezinnen", "blad met de gezinnen"),
               ("persoon van het gezin", "persoon van het dossier"), ("gezinsdossier", "persoonsdossier"),
               ("blad gezinsleden", "blad gezinsleden"), ("gezinsleden", "leden van het dossier"),
               ("elk aangemeld gezin", "elke aangemelde persoon"), ("dat gezin", "die persoon"),
               ("elk toegelaten gezin", "elke toegelaten persoon"), ("elk gezin", "elke persoon"),
               ("van elk gezin", "van elke persoon"),
               ("het gezin", "de persoon"), ("dit gezin", "deze persoon"), ("één gezin", "één persoon"),
               ("geen enkel gezin", "geen enkele persoon"), ("gezinnen", "personen"), ("gezin", "persoon")),
        "en": (("families sheet", "families sheet"), ("family name", "family name"),
               ("family and community ties", "family and community ties"), ("family members", "members of the case"),
               ("person in the family", "person in the case"), ("family first gets its", "person first gets their"),
               ("families", "persons"), ("family's", "person's"), ("family", "person")),
    },
}

CHRONOLOGY_CSV = Path(__file__).with_name("chronology_events.csv")


def chronology_events() -> list:
    """The legal-chronology dropdown, kept as a CSV that a jurist can review."""
    with CHRONOLOGY_CSV.open(encoding="utf-8", newline="") as fh:
        return [(r["code"], L(r["fr"], r["nl"], r["en"]), ()) for r in csv.DictReader(fh)]


SCALES = {
    "impact": IMPACT,
    "yes_no": YES_NO,
    "status": STATUS,
    "assessment_type": ASSESSMENT_TYPE,
    "referral_route": REFERRAL_ROUTE,
    "risk": RISK,
    "role": ROLE,
    "gender": GENDER,
    "contact_type": CONTACT_TYPE,
    "action_status": ACTION_STATUS,
    "document_type": DOCUMENT_TYPE,
    "chronology_event": chronology_events,
    "evaluation_unit": EVALUATION_UNIT,
}

# Scales whose empty cell is an answer in the statistics ("Pas de réponse").
BLANK_IS_ANSWER = {"impact", "yes_no"}
