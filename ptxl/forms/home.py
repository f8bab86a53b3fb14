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
          "bladen worden ingevuld door de knop ‘Statistieken bijwerken’ en past u niet met de hand aan.",
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
                  "nl": "Bij toelating en bij elke opvolging: de 14 scores van 0 tot 10 en het ‘Waarom?’ (bijlage A).",
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

BUTTONS_TITLE = {"fr": "Les boutons (onglet « Plan Together » du ruban)",
                 "nl": "De knoppen (tabblad ‘Plan Together’ van het lint)",
                 "en": "The buttons ('Plan Together' tab of the ribbon)"}

# key = the Excel entry point's name; label = the button's caption (ribbon and home sheet).
BUTTONS = [
    {"key": "validate",
     "label": {"fr": "Vérifier les saisies", "nl": "Invoer controleren", "en": "Check entries"},
     "text": {"fr": "Relit toutes les feuilles et liste dans « Contrôles » ce qui est à corriger, avec un lien "
                    "vers la cellule. Rien n'est modifié dans vos saisies.",
              "nl": "Leest alle bladen en zet in ‘Controles’ wat te verbeteren is, met een link naar de cel. "
                    "Uw invoer wordt niet gewijzigd.",
              "en": "Reads every sheet and lists in 'Checks' what needs correcting, with a link to the cell. "
                    "Nothing you typed is changed."}},
    {"key": "refresh",
     "label": {"fr": "Actualiser les statistiques", "nl": "Statistieken bijwerken", "en": "Refresh statistics"},
     "text": {"fr": "Vérifie les saisies, puis recalcule les feuilles grises : Impact, Cohorte, Suivi, Évolution, "
                    "Alertes et Contrôles. Les feuilles bleues ne sont pas touchées.",
              "nl": "Controleert de invoer en berekent dan de grijze bladen opnieuw: Impact, Cohort, Opvolging, "
                    "Evolutie, Waarschuwingen en Controles. De blauwe bladen blijven ongewijzigd.",
              "en": "Checks the entries, then recomputes the grey sheets: Impact, Cohort, Follow-up, Baseline "
                    "evolution, Alerts and Checks. The blue sheets are not touched."}},
    {"key": "generate_documents",
     "label": {"fr": "Générer les documents", "nl": "Documenten maken", "en": "Generate documents"},
     "text": {"fr": "Crée les fiches Word (annexes A, B, C et dossier complet) dans un dossier à côté du "
                    "classeur ; si une ligne d'une famille est sélectionnée, pour cette famille seulement.",
              "nl": "Maakt de Word-fiches (bijlagen A, B, C en volledig dossier) in een map naast de werkmap; "
                    "als een rij van een gezin geselecteerd is, alleen voor dat gezin.",
              "en": "Creates the Word forms (annexes A, B, C and the full case file) in a folder next to the "
                    "workbook; if a family's row is selected, for that family only."}},
    {"key": "help",
     "label": {"fr": "Aide", "nl": "Help", "en": "Help"},
     "text": {"fr": "Ramène à cette page d'accueil.",
              "nl": "Brengt u terug naar deze startpagina.",
              "en": "Brings you back to this home page."}},
]

NO_RIBBON = {
    "fr": "Pas d'onglet « Plan Together » dans Excel ? Demandez à la personne qui s'occupe de l'informatique de "
          "l'installer une fois sur cet ordinateur (commande « ptxl excel install »).",
    "nl": "Geen tabblad ‘Plan Together’ in Excel? Vraag de persoon die de informatica beheert om het één keer op "
          "deze computer te installeren (opdracht ‘ptxl excel install’).",
    "en": "No 'Plan Together' tab in Excel? Ask the person who looks after IT to install it once on this "
          "computer (command 'ptxl excel install').",
}

LEGEND_TITLE = {"fr": "Les couleurs des onglets", "nl": "De kleuren van de tabbladen", "en": "The tab colours"}
# (sheet kind, short name, what it means)
LEGEND = [
    ("entry", {"fr": "À remplir", "nl": "In te vullen", "en": "To fill in"},
     {"fr": "Bleu : vous tapez les informations ici.", "nl": "Blauw: hier typt u de gegevens.",
               "en": "Blue: you type the information here."}),
    ("settings", {"fr": "À régler une fois", "nl": "Eén keer in te stellen", "en": "Set once"},
     {"fr": "Violet : les paramètres, remplis une fois.", "nl": "Paars: de instellingen, één keer "
                  "ingevuld.", "en": "Purple: the settings, filled in once."}),
    ("output", {"fr": "Calculé", "nl": "Berekend", "en": "Computed"},
     {"fr": "Gris : rempli par Plan Together ; protégé contre la frappe accidentelle (Révision > Ôter "
                      "la protection, sans mot de passe).",
                "nl": "Grijs: ingevuld door Plan Together; beveiligd tegen per ongeluk typen (Controleren > "
                      "Beveiliging blad opheffen, zonder wachtwoord).",
                "en": "Grey: filled by Plan Together; protected against accidental typing (Review > Unprotect "
                      "Sheet, no password)."}),
]

TIPS_TITLE = {"fr": "Bon à savoir", "nl": "Goed om te weten", "en": "Good to know"}
TIPS = [
    {"fr": "Choisissez les réponses dans les listes déroulantes ; les dates s'écrivent jj/mm/aaaa. Date de "
           "naissance ou d'arrivée inconnue : tapez l'année seule (ex. 1985).",
     "nl": "Kies de antwoorden in de keuzelijsten; datums schrijft u als dd/mm/jjjj. Geboorte- of aankomstdatum "
           "onbekend: typ alleen het jaar (bv. 1985).",
     "en": "Pick answers from the dropdown lists; dates are written dd/mm/yyyy. Birth or arrival date unknown: "
           "type the year alone (e.g. 1985)."},
    {"fr": "Une famille reçoit d'abord son n° de dossier dans la feuille des familles ; les autres feuilles le "
           "proposent ensuite dans une liste.",
     "nl": "Een gezin krijgt eerst zijn dossiernummer in het blad met de gezinnen; de andere bladen bieden het "
           "daarna aan in een lijst.",
     "en": "A family first gets its case number in the families sheet; the other sheets then offer it in a list."},
    {"fr": "Pour ajouter une ligne, tapez sous la dernière ligne du tableau : il s'agrandit tout seul. Ne laissez "
           "pas de ligne vide au milieu.",
     "nl": "Om een rij toe te voegen, typt u onder de laatste rij van de tabel: ze wordt vanzelf groter. Laat geen "
           "lege rij in het midden.",
     "en": "To add a row, type below the table's last row: it grows by itself. Do not leave empty rows in "
           "between."},
    {"fr": "Ce fichier contient des données personnelles sensibles : gardez-le chiffré (Fichier > Informations > "
           "Protéger le classeur > Chiffrer avec mot de passe) et ne l'envoyez pas par e-mail.",
     "nl": "Dit bestand bevat gevoelige persoonsgegevens: versleutel het (Bestand > Info > Werkmap beveiligen > "
           "Versleutelen met wachtwoord) en mail het niet.",
     "en": "This file holds sensitive personal data: keep it encrypted (File > Info > Protect Workbook > "
           "Encrypt with Password) and do not e-mail it."},
]

LAST_REFRESH = {"fr": "Dernière actualisation", "nl": "Laatst bijgewerkt", "en": "Last refresh"}
NOT_YET = {"fr": "pas encore actualisé", "nl": "nog niet bijgewerkt", "en": "not refreshed yet"}
BACK_HOME = {"fr": "← Accueil", "nl": "← Start", "en": "← Home"}
PRINT_HEADER = {"fr": "Plan Together – confidentiel", "nl": "Plan Together – vertrouwelijk",
                "en": "Plan Together – confidential"}

OUTPUT_PLACEHOLDER = {
    "fr": "Cette feuille est remplie par le bouton « Actualiser les statistiques » (ou « ptxl refresh »).",
    "nl": "Dit blad wordt ingevuld door de knop ‘Statistieken bijwerken’ (of ‘ptxl refresh’).",
    "en": "This sheet is filled by the 'Refresh statistics' button (or 'ptxl refresh').",
}

# Its words, as registered into the one catalogue by the schema (ptxl.i18n): codes "home.…".
CATALOGUE = ({"title": TITLE,
                  "intro": INTRO,
                  "order_title": ORDER_TITLE,
                  "order": ORDER,
                  "buttons_title": BUTTONS_TITLE,
                  "buttons": BUTTONS,
                  "no_ribbon": NO_RIBBON,
                  "legend_title": LEGEND_TITLE,
                  "legend": LEGEND,
                  "tips_title": TIPS_TITLE,
                  "tips": TIPS,
                  "last_refresh": LAST_REFRESH,
                  "not_yet": NOT_YET,
                  "back_home": BACK_HOME,
                  "print_header": PRINT_HEADER,
                  "output_placeholder": OUTPUT_PLACEHOLDER})
