"""Words of the impact report that are not in the forms: headings, sentences, readings (fr / nl / en).

Question texts, answer labels and group titles come from the schema; only the
report's own prose lives here. Sentences are ``str.format`` patterns.
"""

from __future__ import annotations

from ..pilot import for_current_unit
from ptxl.i18n import register as _register

T = {
    "title": {"fr": "Gestion de cas comme alternative à la détention des migrants",
              "nl": "Casemanagement als alternatief voor de detentie van migranten",
              "en": "Case management as an alternative to immigration detention"},
    "subtitle": {"fr": "Rapport d'impact", "nl": "Impactrapport", "en": "Impact report"},
    "period": {"fr": "Période : {start} – {end}", "nl": "Periode: {start} – {end}", "en": "Period: {start} – {end}"},
    "reference": {"fr": "Données arrêtées au {date}", "nl": "Gegevens op {date}", "en": "Data as of {date}"},
    "generated": {"fr": "Chiffres calculés par ptxl à partir du classeur de suivi le {date}.",
                  "nl": "Cijfers berekend door ptxl uit de opvolgingswerkmap op {date}.",
                  "en": "Figures computed by ptxl from the follow-up workbook on {date}."},
    "to_write": {"fr": "[À rédiger par l'évaluateur]", "nl": "[Te schrijven door de evaluator]",
                 "en": "[To be written by the evaluator]"},
    "about": {"fr": "À propos de ce rapport", "nl": "Over dit rapport", "en": "About this report"},
    "who": {"fr": "Quelles sont ces familles ?", "nl": "Wie zijn deze gezinnen?", "en": "Who are these families?"},
    "who_referred": {
        "fr": "Au total, {referred} familles ont demandé ou ont été orientées vers le projet, et {admitted} familles "
              "y ont été admises : {adults} adultes et {children} enfants (dont {children_18} de plus de 18 ans).",
        "nl": "In totaal meldden {referred} gezinnen zich aan of werden ze doorverwezen, en werden {admitted} gezinnen "
              "toegelaten: {adults} volwassenen en {children} kinderen (van wie {children_18} ouder dan 18).",
        "en": "In all, {referred} families asked for or were referred to the project, and {admitted} were admitted: "
              "{adults} adults and {children} children ({children_18} of them over 18)."},
    "who_reviewed": {
        "fr": "Les {n} familles dont les données de gestion de cas ont été examinées sont composées de {adults} "
              "adultes et de {children} enfants. Elles sont originaires de : {nationalities}.",
        "nl": "De {n} gezinnen van wie de casemanagementgegevens werden onderzocht, bestaan uit {adults} volwassenen "
              "en {children} kinderen. Ze komen uit: {nationalities}.",
        "en": "The {n} families whose case management data were examined comprise {adults} adults and {children} "
              "children. They come from: {nationalities}."},
    "who_stay": {
        "fr": "{over5} familles sur {n} résident en Belgique depuis plus de cinq ans ; {asylum} sur {n} ont demandé "
              "l'asile à leur arrivée.",
        "nl": "{over5} van de {n} gezinnen verblijven al meer dan vijf jaar in België; {asylum} van de {n} vroegen "
              "asiel aan bij aankomst.",
        "en": "{over5} of the {n} families have lived in Belgium for more than five years; {asylum} of {n} applied "
              "for asylum on arrival."},
    "who_support": {
        "fr": "En moyenne, les familles ont été soutenues pendant {mean} mois, et {over15} familles pendant plus de "
              "15 mois. Au total, {visits} visites à domicile ont été effectuées pour les {n} familles.",
        "nl": "Gemiddeld werden de gezinnen {mean} maanden begeleid, en {over15} gezinnen langer dan 15 maanden. "
              "In totaal werden {visits} huisbezoeken afgelegd bij de {n} gezinnen.",
        "en": "On average, families were supported for {mean} months, and {over15} families for more than 15 "
              "months. In all, {visits} home visits were made to the {n} families."},
    "chart_adults": {"fr": "Âge des adultes", "nl": "Leeftijd van de volwassenen", "en": "Age of adults"},
    "chart_children": {"fr": "Âge des enfants", "nl": "Leeftijd van de kinderen", "en": "Age of children"},
    "chart_stay": {"fr": "Années en Belgique", "nl": "Jaren in België", "en": "Years in Belgium"},
    "chart_nationalities": {"fr": "Nationalités", "nl": "Nationaliteiten", "en": "Nationalities"},
    "of_admitted": {"fr": "{n} familles admises", "nl": "{n} toegelaten gezinnen", "en": "{n} admitted families"},
    "of_examined": {"fr": "{n} familles examinées", "nl": "{n} onderzochte gezinnen", "en": "{n} examined families"},
    "chart_caption": {
        "fr": "{what} ({who}). Les valeurs du graphique sont dans le tableau qui le suit ; dans Word, clic droit "
              "sur le graphique, « Modifier les données », pour les voir ou le retoucher.",
        "nl": "{what} ({who}). De waarden van de grafiek staan in de tabel eronder; in Word: rechtsklik op de "
              "grafiek, « Gegevens bewerken », om ze te zien of de grafiek aan te passen.",
        "en": "{what} ({who}). The chart's values are in the table below it; in Word, right-click the chart, "
              "'Edit Data', to see them or restyle it."},
    "data_sheet": {"fr": "Données", "nl": "Gegevens", "en": "Data"},
    "total": {"fr": "Total", "nl": "Totaal", "en": "Total"},
    "bracket": {"fr": "Tranche d'âge", "nl": "Leeftijdsgroep", "en": "Age bracket"},
    "adults": {"fr": "Adultes", "nl": "Volwassenen", "en": "Adults"},
    "children": {"fr": "Enfants", "nl": "Kinderen", "en": "Children"},
    "families": {"fr": "Familles", "nl": "Gezinnen", "en": "Families"},
    "family": {"fr": "Famille", "nl": "Gezin", "en": "Family"},
    "years_be": {"fr": "Années en Belgique", "nl": "Jaren in België", "en": "Years in Belgium"},
    "legal_be": {"fr": "Dont années de séjour légal", "nl": "Waarvan jaren wettig verblijf",
                 "en": "Of which years of legal stay"},
    "situation": {"fr": "Situation au {date}", "nl": "Situatie op {date}", "en": "Situation on {date}"},
    "impact": {"fr": "Impact de la gestion de cas", "nl": "Impact van het casemanagement",
               "en": "Impact of case management"},
    "outcomes": {
        "fr": "Au moment de la collecte des données, la situation des {n} familles examinées était la suivante :",
        "nl": "Op het moment van de gegevensverzameling was de situatie van de {n} onderzochte gezinnen als volgt:",
        "en": "At the time of data collection, the {n} examined families were in this situation:"},
    "sample_note": {
        "fr": "N = {n} familles examinées. Avec moins de 30 familles, les pourcentages ne se lisent qu'avec les "
              "effectifs : une famille représente {one} % du total.",
        "nl": "N = {n} onderzochte gezinnen. Met minder dan 30 gezinnen lees je percentages alleen samen met de "
              "aantallen: één gezin is {one} % van het totaal.",
        "en": "N = {n} examined families. With fewer than 30 families, percentages are only read with the counts: "
              "one family is {one}% of the total."},
    "sample_n": {"fr": "N = {n} familles examinées.", "nl": "N = {n} onderzochte gezinnen.",
                 "en": "N = {n} examined families."},
    "prompts": {"fr": "questions incitatives", "nl": "aanvullende vragen", "en": "prompt questions"},
    "question": {"fr": "Question", "nl": "Vraag", "en": "Question"},
    "positive": {"fr": "Impact positif (%)", "nl": "Positieve impact (%)", "en": "Positive impact (%)"},
    "pct_of": {"fr": "{label} (%)", "nl": "{label} (%)", "en": "{label} (%)"},
    "reading_impact": {
        "fr": "Lecture : {pos} % des familles ({k} sur {n}) montrent un certain impact ou un impact considérable ; "
              "la réponse la plus fréquente est « {top} » ({top_n}).",
        "nl": "Lezing: bij {pos} % van de gezinnen ({k} van {n}) is er enige of aanzienlijke impact; het meest "
              "gegeven antwoord is « {top} » ({top_n}).",
        "en": "Reading: {pos}% of families ({k} of {n}) show some or considerable impact; the most frequent answer "
              "is '{top}' ({top_n})."},
    "reading_yes_no": {
        "fr": "Lecture : « oui » le plus fréquent pour « {best} » ({best_n} sur {n}), le moins fréquent pour "
              "« {worst} » ({worst_n} sur {n}).",
        "nl": "Lezing: « ja » het vaakst bij « {best} » ({best_n} van {n}), het minst bij « {worst} » "
              "({worst_n} van {n}).",
        "en": "Reading: 'yes' is most frequent for '{best}' ({best_n} of {n}) and least frequent for "
              "'{worst}' ({worst_n} of {n})."},
    "baseline": {"fr": "Évolution de la fiche de base (annexe A)", "nl": "Evolutie van de basisfiche (bijlage A)",
                 "en": "Baseline evolution (annex A)"},
    "baseline_intro": {
        "fr": "Scores de 0 à 10 à l'admission et à la dernière évaluation, pour les familles qui ont au moins un "
              "suivi. « Amélioré » tient compte du sens de chaque question (pour le risque et la vulnérabilité, "
              "un score plus bas est meilleur).",
        "nl": "Scores van 0 tot 10 bij toelating en bij de laatste beoordeling, voor gezinnen met minstens één "
              "opvolging. « Verbeterd » houdt rekening met de richting van elke vraag (bij risico en kwetsbaarheid "
              "is een lagere score beter).",
        "en": "Scores from 0 to 10 at admission and at the latest assessment, for families with at least one "
              "follow-up. 'Improved' respects each item's direction (for risk and vulnerability a lower score is "
              "better)."},
    "item": {"fr": "Question", "nl": "Vraag", "en": "Item"},
    "first_mean": {"fr": "Moyenne au départ", "nl": "Gemiddelde bij start", "en": "First mean"},
    "latest_mean": {"fr": "Moyenne récente", "nl": "Recent gemiddelde", "en": "Latest mean"},
    "improved": {"fr": "Amélioré", "nl": "Verbeterd", "en": "Improved"},
    "unchanged": {"fr": "Inchangé", "nl": "Onveranderd", "en": "Unchanged"},
    "worsened": {"fr": "Détérioré", "nl": "Verslechterd", "en": "Worsened"},
    "n": {"fr": "N", "nl": "N", "en": "N"},
    "case_studies": {"fr": "Études de cas", "nl": "Casestudies", "en": "Case studies"},
    "no_case_study": {
        "fr": "Aucune famille n'est marquée « Étude de cas » dans la feuille Familles.",
        "nl": "Geen enkel gezin is gemarkeerd als « Casestudy » in het blad Gezinnen.",
        "en": "No family is marked 'Case study' in the Families sheet."},
    "case_title": {"fr": "Dossier {case_id}", "nl": "Dossier {case_id}", "en": "Case {case_id}"},
    "discussion": {"fr": "Discussions", "nl": "Discussie", "en": "Discussion"},
    "recommendations": {"fr": "Recommandations", "nl": "Aanbevelingen", "en": "Recommendations"},
    "material": {
        "fr": "Pour commencer, ce que le classeur contient (à vérifier, compléter ou supprimer) :",
        "nl": "Om te beginnen, wat de werkmap bevat (na te kijken, aan te vullen of te schrappen):",
        "en": "To start from, what the workbook holds (to check, complete or delete):"},
    "about_cohort": {
        "fr": "{referred} familles orientées vers le projet, {admitted} admises ; {n} familles examinées, celles "
              "qui ont une fiche de synthèse à la date de référence. Chaque graphique et tableau dit lesquelles il "
              "compte.",
        "nl": "{referred} gezinnen doorverwezen naar het project, {admitted} toegelaten; {n} onderzochte gezinnen, "
              "die met een samenvattingsfiche op de referentiedatum. Elke grafiek en tabel zegt welke hij telt.",
        "en": "{referred} families referred to the project, {admitted} admitted; {n} examined families, those with a "
              "client summary at the reference date. Every chart and table says which families it counts."},
    "text_answered": {
        "fr": "« {label} » : noté pour {k} des {n} familles examinées (feuille « {sheet} »).",
        "nl": "« {label} »: ingevuld voor {k} van de {n} onderzochte gezinnen (blad « {sheet} »).",
        "en": "'{label}': written for {k} of the {n} examined families ('{sheet}' sheet)."},
    "studies_marked": {
        "fr": "Études de cas marquées pour le rapport : {ids} (section « Études de cas »).",
        "nl": "Casestudies gemarkeerd voor het rapport: {ids} (sectie « Casestudies »).",
        "en": "Case studies marked for the report: {ids} ('Case studies' section)."},
    "studies_missing": {
        "fr": "Marquées « Étude de cas » mais sans récit daté au plus tard du {date} dans la feuille « {sheet} » : "
              "{ids}.",
        "nl": "Gemarkeerd als « Casestudy » maar zonder verhaal gedateerd op of voor {date} in het blad "
              "« {sheet} »: {ids}.",
        "en": "Marked 'Case study' but with no narrative dated on or before {date} in the '{sheet}' sheet: {ids}."},
    "and": {"fr": "et", "nl": "en", "en": "and"},
}


def t(key: str, lang: str, **kw) -> str:
    text = for_current_unit(T[key][lang], lang)  # families or persons (``ptxl.pilot.unit_scope``)
    return text.format(**kw) if kw else text

# Into the one catalogue (ptxl.i18n): codes "report.…".
TEXTS = _register("report", {"t": T})
