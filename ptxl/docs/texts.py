"""Wording of the Word documents that the forms (``ptxl.forms``) do not already hold.

Question texts, answer labels, sheet and column names come from the schema; only
the paper forms' titles and captions, the profile questions of annex B that have
no column of their own (they are derived: age, time in the country, time in the
project, contacts), and the phrases used to write derived answers live here.
French follows the seed note; Dutch and English are the project's translations.
"""

from __future__ import annotations

import re

from ..schema import L
from ..i18n import COLON, register as _register
from ..pilot import for_current_unit

DOC_TYPES = ("fiche_de_base", "fiche_de_synthese", "modele_de_cas", "dossier_famille")

# Stable document keys → words used in file names (no spaces, no accents).
FILE_SLUG = {
    "fiche_de_base": L("fiche_de_base", "basisfiche", "baseline_sheet"),
    "fiche_de_synthese": L("fiche_de_synthese", "clientfiche", "client_summary"),
    "modele_de_cas": L("modele_de_cas", "casusmodel", "case_template"),
    "dossier_famille": L("dossier_famille", "gezinsdossier", "family_case_file"),
}

TITLE = {
    "fiche_de_base": L("FICHE DE SYNTHÈSE DE BASE POUR LE BÉNÉFICIAIRE – PLAN TOGETHER",
                       "BASISFICHE VAN DE CLIËNT – PLAN TOGETHER",
                       "BASELINE SUMMARY SHEET FOR THE CLIENT – PLAN TOGETHER"),
    "fiche_de_synthese": L("FICHE DE SYNTHÈSE POUR LE BÉNÉFICIAIRE", "CLIËNTFICHE", "CLIENT SUMMARY SHEET"),
    "modele_de_cas": L("MODÈLE DE CAS", "CASUSMODEL", "CASE TEMPLATE"),
    "dossier_famille": L("DOSSIER DE LA FAMILLE", "GEZINSDOSSIER", "FAMILY CASE FILE"),
}

ANNEX = {
    "fiche_de_base": L("Annexe A", "Bijlage A", "Annex A"),
    "fiche_de_synthese": L("Annexe B", "Bijlage B", "Annex B"),
    "modele_de_cas": L("Annexe C", "Bijlage C", "Annex C"),
    "dossier_famille": L("Dossier complet", "Volledig dossier", "Full case file"),
}

T = {
    "colon": dict(COLON),  # French typography puts a space before the colon and the question mark
    "qmark": L(" ?", "?", "?"),
    "confidential": L("Confidentiel", "Vertrouwelijk", "Confidential"),
    "page": L("Page", "Pagina", "Page"),
    "of": L("sur", "van", "of"),
    "why": L("Pourquoi ?", "Waarom?", "Why?"),
    "scale": L("Échelle (0-10)", "Schaal (0-10)", "Scale (0-10)"),
    "item": L("Question", "Vraag", "Question"),
    "methodology": L(
        "Méthodologie : elle est établie dès que l'admission de la famille dans le projet est décidée. Donnez un "
        "score sur une échelle de 0 à 10 et décrivez par question de manière concise et claire la situation et la "
        "motivation pour laquelle vous donnez ce score.",
        "Methode: de fiche wordt opgesteld zodra tot de toelating van het gezin tot het project is beslist. Geef "
        "een score op een schaal van 0 tot 10 en beschrijf per vraag kort en duidelijk de situatie en waarom u "
        "deze score geeft.",
        "Method: the sheet is drawn up as soon as the family's admission to the project is decided. Give a score "
        "on a scale from 0 to 10 and describe, for each question, concisely and clearly the situation and the "
        "reason for the score."),
    "scores_over_time": L("Scores au fil des évaluations", "Scores per beoordeling", "Scores over the assessments"),
    "no_assessment": L("Aucune évaluation enregistrée.", "Geen beoordeling ingevoerd.", "No assessment recorded."),
    "no_summary": L("Aucune fiche de synthèse enregistrée à la date de référence.",
                    "Geen cliëntfiche ingevoerd op de referentiedatum.",
                    "No client summary recorded at the reference date."),
    "no_entries": L("Rien d'enregistré.", "Niets ingevoerd.", "Nothing recorded."),
    "no_vulnerabilities": L("Aucune évaluation des vulnérabilités enregistrée.", "Geen beoordeling van de "
                            "kwetsbaarheden ingevoerd.", "No vulnerability assessment recorded."),
    "no_case_study": L("Aucun modèle de cas rédigé.", "Geen casusmodel geschreven.", "No case template written."),
    "reference_date": L("Situation au", "Toestand op", "Situation at"),
    "project_location": L("Lieu du projet (alternative à la détention)",
                          "Locatie van het project (alternatief voor detentie)",
                          "Project location (alternative to detention)"),
    "client_ref": L("Numéro de référence du bénéficiaire", "Referentienummer van de cliënt",
                    "Client reference number"),
    "profile_info": L("INFORMATIONS SUR LE PROFIL", "PROFIELINFORMATIE", "PROFILE INFORMATION"),
    "case_info": L("INFORMATIONS SUR LA GESTION DES CAS", "INFORMATIE OVER HET CASEMANAGEMENT",
                   "CASE MANAGEMENT INFORMATION"),
    "question": L("QUESTION", "VRAAG", "QUESTION"),
    "answer": L("RÉPONSE", "ANTWOORD", "ANSWER"),
    "prompt_questions": L("QUESTIONS INCITATIVES", "AANVULLENDE VRAGEN", "PROMPT QUESTIONS"),
    "stages": L("LES ÉTAPES DE LA GESTION DES CAS", "DE STAPPEN VAN HET CASEMANAGEMENT", "CASE MANAGEMENT STAGES"),
    "description": L("DESCRIPTION", "BESCHRIJVING", "DESCRIPTION"),
    "profile": L("Profil", "Profiel", "Profile"),
    "members": L("Membres de la famille", "Gezinsleden", "Family members"),
    "age": L("Âge", "Leeftijd", "Age"),
    "chronology": L("Chronologie juridique", "Juridische chronologie", "Legal chronology"),
    "contacts_by_type": L("Contacts par type", "Contacten per soort", "Contacts by type"),
    "count": L("Nombre", "Aantal", "Number"),
    "validity": L("Validité", "Geldigheid", "Validity"),
    "annex_a_section": L("Évolution des scores (annexe A)", "Evolutie van de scores (bijlage A)",
                         "Scores over time (annex A)"),
    "annex_b_section": L("Dernière fiche de synthèse (annexe B)", "Laatste cliëntfiche (bijlage B)",
                         "Latest client summary (annex B)"),
    "annex_c_section": L("Modèle de cas (annexe C)", "Casusmodel (bijlage C)", "Case template (annex C)"),
    "criteria": L("Critères d'admission", "Toelatingscriteria", "Admission criteria"),
    # Annex B profile questions that have no column of their own (their answer is derived).
    "q_age": L("Âge", "Leeftijd", "Age"),
    "q_time_in_country": L("La durée du séjour de la personne dans le pays (années, mois, semaines)",
                           "Hoe lang de persoon al in het land verblijft (jaren, maanden, weken)",
                           "How long the person has been in the country (years, months, weeks)"),
    "q_time_in_project": L("La durée de présence dans le projet (mois et semaines)",
                           "Hoe lang de persoon al in het project is (maanden en weken)",
                           "How long the person has been in the project (months and weeks)"),
    "q_contacts": L("La fréquence et la durée de votre interaction avec la personne",
                    "De frequentie en de duur van uw contact met de persoon",
                    "The frequency and length of your interaction with the person"),
    # Phrases of derived answers ({} placeholders filled by ptxl.docs.context).
    "years": L("{} ans", "{} jaar", "{} years"),
    "one_year": L("1 an", "1 jaar", "1 year"),
    "months": L("{} mois", "{} maanden", "{} months"),
    "one_month": L("1 mois", "1 maand", "1 month"),
    "weeks": L("{} semaines", "{} weken", "{} weeks"),
    "one_week": L("1 semaine", "1 week", "1 week"),
    "and": L("et", "en", "and"),
    "about": L("environ", "ongeveer", "about"),
    "since": L("depuis le", "sinds", "since"),
    "since_year": L("depuis", "sinds", "since"),
    "from_to": L("du {} au {}", "van {} tot {}", "from {} to {}"),
    "until": L("jusqu'au", "tot", "until"),
    "not_admitted": L("Pas (encore) admise dans le projet", "Niet (nog) toegelaten tot het project",
                      "Not (yet) admitted to the project"),
    "contacts_total": L("{n} contacts en {weeks} semaines (≈ {rate} par semaine)",
                        "{n} contacten in {weeks} weken (≈ {rate} per week)",
                        "{n} contacts in {weeks} weeks (≈ {rate} a week)"),
    "contacts_minutes": L("durée totale enregistrée : {h} h {m:02d}", "totale geregistreerde duur: {h} u {m:02d}",
                          "total recorded time: {h} h {m:02d}"),
    "valid": L("Valide", "Geldig", "Valid"),
    "expires_soon": L("Expire dans {} jours", "Verloopt binnen {} dagen", "Expires in {} days"),
    "expired": L("Expiré", "Verlopen", "Expired"),
    "validity_unknown": L("Validité inconnue", "Geldigheid onbekend", "Validity unknown"),
    "replaced": L("Remplacé par un plus récent", "Vervangen door een recenter", "Replaced by a newer one"),
    "default_validity": L("(validité par défaut : {} mois)", "(standaardgeldigheid: {} maanden)",
                          "(default validity: {} months)"),
}


# Abbreviations of the forms' short labels (workbook headers, matched by their text, so not renamed there),
# written out wherever a document shows the label.
ABBREVIATIONS = {"fr": {"GC": "gestionnaire de cas"}, "nl": {}, "en": {}}


def spelled_out(label: str, lang: str) -> str:
    """A form label with its abbreviations written out: "Engagement avec le GC" → "… le gestionnaire de cas"."""
    for short, full in ABBREVIATIONS[lang].items():
        label = re.sub(rf"\b{short}\b", full, label)
    return label


def t(key: str, lang: str) -> str:
    return for_current_unit(T[key][lang], lang)  # families or persons (``ptxl.pilot.unit_scope``)


# Command-line summary (the CLI prints it in the workbook's language).
MSG = {
    "written": L("{n} document{n:|s} Word écrit{n:|s} pour {cases} dossier{cases:|s} dans {out}",
                 "{n} Word-document{n:|en} geschreven voor {cases} dossier{cases:|s} in {out}",
                 "{n} Word document{n:|s} written for {cases} case{cases:|s} in {out}"),
    "left_out": L("{n} famille{n:|s} jamais admise{n:|s} : pas de documents (--all pour les écrire aussi).",
                  "{n} nooit toegelaten gezin{n:|nen}: geen documenten (--all om ze toch te schrijven).",
                  "{n} famil{n:y|ies} never admitted: no documents (--all writes them too)."),
    "pdf_written": L("{n} PDF écrit{n:|s}", "{n} pdf{n:|'s} geschreven", "{n} PDF{n:|s} written"),
    "renamed": L("{n} fichier{n:|s} existai{n:t|ent} déjà : {n:le nouveau porte|les nouveaux portent} un numéro "
                 "(_2, _3…). Utilisez --force pour remplacer.",
                 "{n} bestand{n:|en} bestond{n:|en} al: {n:het nieuwe kreeg|de nieuwe kregen} een nummer (_2, _3…). "
                 "Gebruik --force om te vervangen.",
                 "{n} file{n:|s} already existed: the new {n:one|ones} got a number (_2, _3…). Use --force to "
                 "replace them."),
    "has_errors": L("Le classeur contient {n} erreur{n:|s} de saisie : les documents montrent les données telles "
                    "qu'elles sont. Voir « ptxl validate {path} ».",
                    "De werkmap bevat {n} invoerfout{n:|en}: de documenten tonen de gegevens zoals ze zijn. "
                    "Zie « ptxl validate {path} ».",
                    "The workbook has {n} entry error{n:|s}: the documents show the data as it stands. "
                    "See 'ptxl validate {path}'."),
    "bad_template": L("Le modèle Word {name} n'est pas un fichier .docx lisible. Remplacez-le par la version "
                      "d'origine (dossier templates/ du projet).",
                      "Het Word-sjabloon {name} is geen leesbaar .docx-bestand. Vervang het door de oorspronkelijke "
                      "versie (map templates/ van het project).",
                      "The Word template {name} is not a readable .docx file. Replace it with the original "
                      "(the project's templates/ folder)."),
    "missing_template": L("Le modèle Word {name} est introuvable.", "Het Word-sjabloon {name} ontbreekt.",
                          "The Word template {name} is missing."),
    "syntax": L("Le modèle Word {name} contient une balise mal formée près de « {tag} » ({detail}). Corrigez-la "
                "dans Word : chaque balise s'écrit {{{{ nom }}}} ou {{% … %}}, et chaque {{% for %}} / {{% if %}} a "
                "sa fin.",
                "Het Word-sjabloon {name} bevat een foutieve tag bij « {tag} » ({detail}). Verbeter ze in Word: "
                "elke tag is {{{{ naam }}}} of {{% … %}}, en elke {{% for %}} / {{% if %}} heeft een einde.",
                "The Word template {name} has a malformed tag near « {tag} » ({detail}). Fix it in Word: every tag "
                "reads {{{{ name }}}} or {{% … %}}, and every {{% for %}} / {{% if %}} has its end."),
    "unknown_tag": L("Le modèle Word {name} utilise « {var} » (dans la balise « {tag} »), qui n'existe pas. "
                     "Vérifiez l'orthographe de la balise dans Word, ou reprenez-la du modèle d'origine.",
                     "Het Word-sjabloon {name} gebruikt « {var} » (in de tag « {tag} »), dat niet bestaat. "
                     "Controleer de spelling van de tag in Word, of neem ze over uit het oorspronkelijke sjabloon.",
                     "The Word template {name} uses « {var} » (in the tag « {tag} »), which does not exist. Check "
                     "the tag's spelling in Word, or copy it from the original template."),
}

# Into the one catalogue (ptxl.i18n): codes "docs.…".
TEXTS = _register("docs", {"file_slug": FILE_SLUG, "title": TITLE, "annex": ANNEX, "t": T, "msg": MSG})
