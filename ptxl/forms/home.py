"""The home sheet's text, in plain words for the case managers (fr / nl / en)."""

from __future__ import annotations

TITLE = {"fr": "Plan Together – classeur de suivi des familles",
         "nl": "Plan Together – opvolgingswerkmap van de gezinnen",
         "en": "Plan Together – family follow-up workbook"}

INTRO = {
    "fr": "Ce classeur remplace les fiches papier (annexes A, B et C). Vous tapez les informations dans les "
          "feuilles bleues ; les feuilles grises sont remplies par le bouton « Actualiser les statistiques » "
          "et ne se modifient pas à la main.",
    "nl": "Deze werkmap vervangt de papieren fiches (bijlagen A, B en C). U vult de blauwe bladen in; de grijze "
          "bladen worden ingevuld door de knop « Statistieken bijwerken » en past u niet met de hand aan.",
    "en": "This workbook replaces the paper forms (annexes A, B and C). You type in the blue sheets; the grey "
          "sheets are filled by the 'Refresh statistics' button and are not edited by hand.",
}

ORDER_TITLE = {"fr": "Dans quel ordre remplir", "nl": "In welke volgorde invullen", "en": "In which order to fill in"}

# (sheet key, what to do) — the sheet's name is taken from the forms.
ORDER = [
    ("settings", {"fr": "Une fois : le nom de l'organisation et la date de référence de l'évaluation.",
                  "nl": "Eén keer: de naam van de organisatie en de referentiedatum van de evaluatie.",
                  "en": "Once: the organisation's name and the evaluation's reference date."}),
    ("families", {"fr": "Chaque famille orientée vers le projet : une ligne, avec les 7 critères d'admission et son statut.",
                  "nl": "Elk aangemeld gezin: één rij, met de 7 toelatingscriteria en de status.",
                  "en": "Each family referred: one row, with the 7 admission criteria and its status."}),
    ("members", {"fr": "Chaque personne de la famille : une ligne (parent, enfant, autre adulte).",
                 "nl": "Elke persoon van het gezin: één rij (ouder, kind, andere volwassene).",
                 "en": "Each person in the family: one row (parent, child, other adult)."}),
    ("vulnerabilities", {"fr": "La liste des vulnérabilités (annexe B, question 4).",
                         "nl": "De lijst van kwetsbaarheden (bijlage B, vraag 4).",
                         "en": "The vulnerability checklist (annex B, question 4)."}),
    ("baseline", {"fr": "À l'admission puis à chaque suivi : les 14 scores de 0 à 10 et leur « Pourquoi ? » (annexe A).",
                  "nl": "Bij toelating en bij elke opvolging: de 14 scores van 0 tot 10 en het « Waarom? » (bijlage A).",
                  "en": "At admission and at each follow-up: the 14 scores from 0 to 10 and their 'Why?' (annex A)."}),
    ("summary", {"fr": "À chaque révision : la fiche de synthèse du bénéficiaire (annexe B).",
                 "nl": "Bij elke herziening: de cliëntfiche (bijlage B).",
                 "en": "At each review: the client summary sheet (annex B)."}),
    ("case_study", {"fr": "Le récit du dossier en six étapes (annexe C).",
                    "nl": "Het verhaal van het dossier in zes stappen (bijlage C).",
                    "en": "The case narrative in six stages (annex C)."}),
    ("contacts", {"fr": "Chaque visite, appel ou accompagnement.",
                  "nl": "Elk bezoek, telefoontje of begeleiding.",
                  "en": "Each visit, call or accompaniment."}),
    ("chronology", {"fr": "Les étapes de la procédure migratoire, datées, avec leurs échéances.",
                    "nl": "De stappen van de migratieprocedure, gedateerd, met hun termijnen.",
                    "en": "The migration-procedure steps, dated, with their deadlines."}),
    ("actions", {"fr": "Le plan d'action convenu avec la famille.",
                 "nl": "Het actieplan afgesproken met het gezin.",
                 "en": "The action plan agreed with the family."}),
    ("documents", {"fr": "Les pièces du dossier et leur date de validité.",
                   "nl": "De documenten van het dossier en hun geldigheid.",
                   "en": "The documents of the case and their validity."}),
]

BUTTONS_TITLE = {"fr": "Les boutons (onglet « Plan Together »)", "nl": "De knoppen (tabblad « Plan Together »)",
                 "en": "The buttons ('Plan Together' tab)"}

BUTTONS = [
    {"fr": "Vérifier les saisies : relit toutes les feuilles et liste dans « Contrôles » ce qui est à corriger, "
           "avec un lien vers la cellule. Rien n'est modifié dans vos saisies.",
     "nl": "Invoer controleren: leest alle bladen en zet in « Controles » wat te verbeteren is, met een link naar "
           "de cel. Uw invoer wordt niet gewijzigd.",
     "en": "Check entries: reads every sheet and lists in 'Checks' what needs correcting, with a link to the "
           "cell. Nothing you typed is changed."},
    {"fr": "Actualiser les statistiques : recalcule les feuilles Impact, Cohorte, Suivi, Évolution et Alertes.",
     "nl": "Statistieken bijwerken: berekent de bladen Impact, Cohort, Opvolging, Evolutie en Waarschuwingen opnieuw.",
     "en": "Refresh statistics: recomputes the Impact, Cohort, Follow-up, Baseline evolution and Alerts sheets."},
    {"fr": "Générer les documents : crée les fiches Word (annexes A, B, C et dossier complet) ; si une ligne "
           "d'une famille est sélectionnée, pour cette famille seulement.",
     "nl": "Documenten maken: maakt de Word-fiches (bijlagen A, B, C en volledig dossier); als een rij van een "
           "gezin geselecteerd is, alleen voor dat gezin.",
     "en": "Generate documents: creates the Word forms (annexes A, B, C and the full case file); if a family's "
           "row is selected, for that family only."},
]

TIPS_TITLE = {"fr": "Bon à savoir", "nl": "Goed om te weten", "en": "Good to know"}
TIPS = [
    {"fr": "Choisissez les réponses dans les listes déroulantes ; les dates s'écrivent jj/mm/aaaa.",
     "nl": "Kies de antwoorden in de keuzelijsten; datums schrijft u als dd/mm/jjjj.",
     "en": "Pick answers from the dropdown lists; dates are written dd/mm/yyyy."},
    {"fr": "Pour ajouter une ligne, tapez sous la dernière ligne du tableau : il s'agrandit tout seul.",
     "nl": "Om een rij toe te voegen, typt u onder de laatste rij van de tabel: ze wordt vanzelf groter.",
     "en": "To add a row, type below the table's last row: it grows by itself."},
    {"fr": "Ce fichier contient des données personnelles sensibles : gardez-le chiffré (Fichier > Informations > "
           "Protéger le classeur > Chiffrer avec mot de passe) et ne l'envoyez pas par e-mail.",
     "nl": "Dit bestand bevat gevoelige persoonsgegevens: versleutel het (Bestand > Info > Werkmap beveiligen > "
           "Versleutelen met wachtwoord) en mail het niet.",
     "en": "This file holds sensitive personal data: keep it encrypted (File > Info > Protect Workbook > "
           "Encrypt with Password) and do not e-mail it."},
]

LAST_REFRESH = {"fr": "Dernière actualisation", "nl": "Laatst bijgewerkt", "en": "Last refresh"}
NOT_YET = {"fr": "pas encore actualisé", "nl": "nog niet bijgewerkt", "en": "not refreshed yet"}
OUTPUT_PLACEHOLDER = {
    "fr": "Cette feuille est remplie par le bouton « Actualiser les statistiques » (ou « ptxl refresh »).",
    "nl": "Dit blad wordt ingevuld door de knop « Statistieken bijwerken » (of « ptxl refresh »).",
    "en": "This sheet is filled by the 'Refresh statistics' button (or 'ptxl refresh').",
}
