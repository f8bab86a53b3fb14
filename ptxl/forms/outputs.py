"""Words of the output sheets (Impact, Cohort, Follow-up, Evolution, Alerts, Checks, home status), fr / nl / en.

Question texts, group titles and answer labels are not here: they come from the
annexes and scales, so the summary sheets use the very words of the forms. What
is here is the sheets' own furniture: titles, column headings, row captions and
the bracket labels of the cohort charts. Bracket keys match ``ptxl.stats``.
"""

from __future__ import annotations

from .scales import L

TITLES = {
    "impact": L("Impact de la gestion de cas", "Impact van het casemanagement", "Impact of case management"),
    "cohort": L("Quelles sont ces familles ?", "Wie zijn deze gezinnen?", "Who are these families?"),
    "followup": L("Suivi des familles", "Opvolging van de gezinnen", "Follow-up of the families"),
    "baseline_evolution": L("Évolution de la fiche de base (annexe A)", "Evolutie van de basisfiche (bijlage A)",
                            "Evolution of the baseline sheet (annex A)"),
    "alerts": L("Alertes", "Waarschuwingen", "Alerts"),
    "checks": L("Contrôles des saisies", "Controles van de invoer", "Checks of the entries"),
}

REFERENCE_DATE = L("Date de référence", "Referentiedatum", "Reference date")
REFRESHED_AT = L("Actualisé le", "Bijgewerkt op", "Refreshed on")
N_FAMILIES = L("Familles comptées (N)", "Getelde gezinnen (N)", "Families counted (N)")
N_NOTE = L("La dernière fiche de synthèse de chaque famille admise, datée au plus tard à la date de référence.",
           "De laatste cliëntfiche van elk toegelaten gezin, gedateerd uiterlijk op de referentiedatum.",
           "The latest client summary of each admitted family, dated on or before the reference date.")
POSITIVE_PCT = L("Impact positif (%)", "Positieve impact (%)", "Positive impact (%)")
PCT = " (%)"
PROMPTS = L("questions incitatives", "doorvraagvragen", "prompt questions")
QUESTION = L("Question", "Vraag", "Question")
ERRORS_NOTE = L("{n} erreur{n:|s} dans les saisies : les valeurs concernées ne sont pas comptées. Voir « {sheet} ».",
                "{n} fout{n:|en} in de invoer: die waarden worden niet meegeteld. Zie « {sheet} ».",
                "{n} error{n:|s} in the entries: those values are not counted. See '{sheet}'.")

# Cohort sheet
COUNT = L("Nombre", "Aantal", "Count")
TOTAL = L("Total", "Totaal", "Total")
ADMITTED = L("Familles admises", "Toegelaten gezinnen", "Admitted families")
REVIEWED = L("Familles examinées (comptées dans l'impact)", "Onderzochte gezinnen (geteld in de impact)",
             "Families reviewed (counted in the impact)")
COHORT_ROWS = {
    "families_referred": L("Familles orientées vers le projet", "Naar het project verwezen gezinnen",
                           "Families referred to the project"),
    "families_admitted": L("Familles admises dans le projet", "In het project toegelaten gezinnen",
                           "Families admitted to the project"),
    "families": L("Familles", "Gezinnen", "Families"),
    "adults": L("Adultes", "Volwassenen", "Adults"),
    "children": L("Enfants", "Kinderen", "Children"),
    "children_18_plus": L("dont enfants de 18 ans et plus", "waarvan kinderen van 18 jaar en ouder",
                          "of whom children aged 18 or more"),
    "stateless": L("Familles apatrides", "Staatloze gezinnen", "Stateless families"),
    "asylum_on_arrival": L("Ont demandé l'asile à l'arrivée", "Vroegen asiel aan bij aankomst",
                           "Applied for asylum on arrival"),
    "over_5_years_in_country": L("En Belgique depuis plus de 5 ans", "Meer dan 5 jaar in België",
                                 "In Belgium for more than 5 years"),
}
ADULT_AGES = L("Âge des adultes", "Leeftijd van de volwassenen", "Age of the adults")
CHILD_AGES = L("Âge des enfants", "Leeftijd van de kinderen", "Age of the children")
YEARS_IN_BE = L("Séjour en Belgique (familles examinées)", "Verblijf in België (onderzochte gezinnen)",
                "Time in Belgium (families reviewed)")
STATUSES = L("Statut des familles examinées", "Status van de onderzochte gezinnen", "Status of the families reviewed")
NATIONALITIES = L("Nationalités (familles admises)", "Nationaliteiten (toegelaten gezinnen)",
                  "Nationalities (admitted families)")
UNCLEAR = L("Pas clair", "Onduidelijk", "Unclear")
YEARS = L("{a}-{b} ans", "{a}-{b} jaar", "{a}-{b} years")

ADULT_BRACKETS = {
    "<20": L("moins de 20 ans", "jonger dan 20", "under 20"),
    "20-29": L("20-29", "20-29", "20-29"), "30-39": L("30-39", "30-39", "30-39"),
    "40-49": L("40-49", "40-49", "40-49"), "50-59": L("50-59", "50-59", "50-59"),
    "60+": L("60 ans et plus", "60 en ouder", "60 and over"),
    "unclear": UNCLEAR,
}
CHILD_BRACKETS = {
    "0-5": L("0-5 ans", "0-5 jaar", "0-5 years"), "6-11": L("6-11 ans", "6-11 jaar", "6-11 years"),
    "12-17": L("12-17 ans", "12-17 jaar", "12-17 years"),
    "18+": L("18 ans et plus", "18 jaar en ouder", "18 and over"),
    "unclear": UNCLEAR,
}
# Age brackets in completed years at the reference date: key → [low, high) (None: open end).
# ``unclear`` (an unknown birth date) has no bounds. The statistics count by these bounds.
AGE_BRACKET_BOUNDS = {
    "<20": (None, 20), "20-29": (20, 30), "30-39": (30, 40), "40-49": (40, 50), "50-59": (50, 60), "60+": (60, None),
    "0-5": (None, 6), "6-11": (6, 12), "12-17": (12, 18), "18+": (18, None),
}
# Years since arrival: (upper bound included, label); the last bracket is open.
YEARS_BRACKETS = (
    (2, L("2 ans ou moins", "2 jaar of minder", "2 years or less")),
    (5, L("plus de 2 à 5 ans", "meer dan 2 tot 5 jaar", "over 2 to 5 years")),
    (10, L("plus de 5 à 10 ans", "meer dan 5 tot 10 jaar", "over 5 to 10 years")),
    (15, L("plus de 10 à 15 ans", "meer dan 10 tot 15 jaar", "over 10 to 15 years")),
    (None, L("plus de 15 ans", "meer dan 15 jaar", "over 15 years")),
)

# Follow-up sheet
SUPPORT = L("Accompagnement des familles examinées", "Begeleiding van de onderzochte gezinnen",
            "Support of the families reviewed")
FOLLOWUP_ROWS = {
    "families": L("Familles examinées", "Onderzochte gezinnen", "Families reviewed"),
    "mean_months_supported": L("Durée moyenne d'accompagnement (mois)", "Gemiddelde begeleidingsduur (maanden)",
                               "Mean time supported (months)"),
    "over_15_months": L("Familles accompagnées plus de 15 mois", "Gezinnen langer dan 15 maanden begeleid",
                        "Families supported for more than 15 months"),
    "home_visits": L("Visites à domicile", "Huisbezoeken", "Home visits"),
}
CONTACTS_BY_TYPE = L("Contacts par type", "Contacten per soort", "Contacts by type")

# Follow-up sheet: the EPIM network's engagement and resolution figures (over every admitted family)
EPIM = L("Engagement des familles admises (catégories du réseau EPIM)",
         "Betrokkenheid van de toegelaten gezinnen (categorieën van het EPIM-netwerk)",
         "Engagement of the admitted families (EPIM network categories)")
EPIM_ROWS = {
    "remained_engaged": L("Restées engagées (suivies ou résolues)", "Betrokken gebleven (begeleid of opgelost)",
                          "Remained engaged (active or resolved)"),
    "disengaged_or_absconded": L("Désengagées ou en fuite", "Afgehaakt of ondergedoken", "Disengaged or absconded"),
    "removed": L("Éloignées (retour forcé)", "Verwijderd (gedwongen terugkeer)", "Removed (forced return)"),
    "redetained": L("Re-détenues", "Opnieuw vastgehouden", "Re-detained"),
    "other": L("Autre", "Andere", "Other"),
}
RESOLVED = L("Dossiers résolus", "Opgeloste dossiers", "Cases resolved")
PCT_HEAD = L("%", "%", "%")
NOT_ASKED = L("Question non posée par le projet (hors N)", "Vraag niet gesteld door het project (buiten N)",
              "Question not asked by the project (outside N)")

# Evolution sheet
EVOLUTION_NOTE = L("Familles ayant au moins deux évaluations (annexe A) : première et dernière note sur 10.",
                   "Gezinnen met minstens twee beoordelingen (bijlage A): eerste en laatste score op 10.",
                   "Families with at least two assessments (annex A): first and latest score out of 10.")
EVOLUTION_HEADERS = (
    L("Élément", "Item", "Item"), L("Question", "Vraag", "Question"), L("Le mieux", "Best", "Better"),
    L("Familles", "Gezinnen", "Families"), L("Première moyenne", "Eerste gemiddelde", "First mean"),
    L("Dernière moyenne", "Laatste gemiddelde", "Latest mean"), L("Écart", "Verschil", "Change"),
    L("Améliorée", "Verbeterd", "Improved"), L("Inchangée", "Onveranderd", "Unchanged"),
    L("Dégradée", "Verslechterd", "Worsened"), L("Améliorée (%)", "Verbeterd (%)", "Improved (%)"),
)
BETTER = {"low": L("score bas", "lage score", "low score"), "high": L("score élevé", "hoge score", "high score")}

# Alerts sheet
ALERT_COUNT = L("{n} alerte{n:|s} à la date de référence. Filtrez la colonne « {column} » pour voir les vôtres.",
                "{n} waarschuwing{n:|en} op de referentiedatum. Filter de kolom « {column} » voor de uwe.",
                "{n} alert{n:|s} at the reference date. Filter the '{column}' column to see yours.")
NO_ALERTS = L("Aucune alerte.", "Geen waarschuwingen.", "No alerts.")

# Checks sheet
CHECK_HEADERS = (
    L("Gravité", "Ernst", "Severity"), L("Feuille", "Blad", "Sheet"), L("Cellule", "Cel", "Cell"),
    L("Dossier", "Dossier", "Case"), L("Colonne", "Kolom", "Column"), L("Valeur saisie", "Ingevoerde waarde",
                                                                          "Value typed"),
    L("À corriger", "Te verbeteren", "To correct"),
)
SEVERITY = {"error": L("Erreur", "Fout", "Error"), "warning": L("Avertissement", "Waarschuwing", "Warning"),
            "info": L("Information", "Informatie", "Information")}
CHECK_SUMMARY = L("{e} erreur{e:|s}, {w} avertissement{w:|s}.", "{e} fout{e:|en}, {w} waarschuwing{w:|en}.",
                  "{e} error{e:|s}, {w} warning{w:|s}.")
CHECK_INFOS = L(" {i} information{i:|s}, rien à corriger.", " {i} melding{i:|en} ter informatie, niets te verbeteren.",
                " {i} note{i:|s} for information, nothing to correct.")
CHECK_NOTE = L("Les valeurs en erreur ne sont pas comptées dans les statistiques. Cliquez sur la cellule pour "
               "aller la corriger, puis actualisez.",
               "Foutieve waarden worden niet meegeteld in de statistieken. Klik op de cel om ze te verbeteren en "
               "werk daarna bij.",
               "Values in error are not counted in the statistics. Click the cell to go and correct it, then "
               "refresh.")
NO_FINDINGS = L("Aucun problème trouvé dans les saisies.", "Geen problemen gevonden in de invoer.",
                "No problem found in the entries.")

# Home sheet status (next to the last-refresh time)
HOME_STATUS = L("État des saisies", "Stand van de invoer", "State of the entries")
HOME_OK = L("Sans erreur", "Zonder fouten", "No errors")
HOME_PROBLEMS = L("{e} erreur{e:|s}, {w} avertissement{w:|s} : voir « {sheet} »",
                  "{e} fout{e:|en}, {w} waarschuwing{w:|en}: zie « {sheet} »",
                  "{e} error{e:|s}, {w} warning{w:|s}: see '{sheet}'")

# Every upper-case table of this module holds words: the schema registers them into the one catalogue
# (ptxl.i18n), codes "outputs.…". Forms are data: they import nothing of ptxl.
CATALOGUE = {k: v for k, v in dict(globals()).items() if k.isupper()}
