"""Words of the network workbook and report, fr / nl / en.

Question texts, group titles, answer and status labels come from the forms
(``ptxl.schema``); the unit of each pilot from the ``evaluation_unit`` scale.
A network counts cases: a family in one pilot, a person in another.
"""

from __future__ import annotations

from ..schema import L
from ptxl.i18n import register as _register

T = {
    "title": L("Évaluation du réseau", "Evaluatie van het netwerk", "Network evaluation"),
    "subtitle": L("Réseau européen d'alternatives à la détention : {k} projets pilotes, {n} dossiers admis",
                  "Europees netwerk voor alternatieven voor detentie: {k} pilootprojecten, {n} toegelaten dossiers",
                  "European Alternatives to Detention Network: {k} pilots, {n} admitted cases"),
    "as_of": L("Date de référence : {d}", "Referentiedatum: {d}", "Reference date: {d}"),
    "as_of_each": L("chaque projet à sa propre date de référence", "elk project op zijn eigen referentiedatum",
                    "each pilot at its own reference date"),
    "network": L("Réseau", "Netwerk", "Network"),
    "pilot": L("Projet pilote", "Pilootproject", "Pilot"),
    "file": L("Fichier", "Bestand", "File"),
    "language": L("Langue", "Taal", "Language"),
    "unit": L("Unité d'un dossier", "Eenheid van een dossier", "Unit of a case"),
    "reference_date": L("Date de référence", "Referentiedatum", "Reference date"),
    "errors": L("Erreurs dans les saisies", "Fouten in de invoer", "Errors in the entries"),
    "outputs": L("Réalisations : dossiers", "Output: dossiers", "Outputs: caseload"),
    "referred": L("Dossiers orientés", "Verwezen dossiers", "Cases referred"),
    "admitted": L("Dossiers admis", "Toegelaten dossiers", "Cases admitted"),
    "reviewed": L("Dossiers examinés (fiche de synthèse)", "Onderzochte dossiers (cliëntfiche)",
                  "Cases reviewed (client summary)"),
    "profiles": L("Profils", "Profielen", "Profiles"),
    "adults": L("Adultes", "Volwassenen", "Adults"),
    "children": L("Enfants", "Kinderen", "Children"),
    "stateless": L("Apatrides (dossiers admis)", "Staatloos (toegelaten dossiers)", "Stateless (admitted cases)"),
    "asylum_on_arrival": L("Asile demandé à l'arrivée (dossiers admis)", "Asiel gevraagd bij aankomst (toegelaten dossiers)",
                           "Asylum sought on arrival (admitted cases)"),
    "engagement": L("Engagement", "Betrokkenheid", "Engagement"),
    "engagement_note": L("Dossiers admis à la date de référence, selon leur statut ; pourcentages des dossiers admis.",
                         "Toegelaten dossiers op de referentiedatum, volgens hun status; percentages van de "
                         "toegelaten dossiers.",
                         "Admitted cases at the reference date, by status; percentages of the admitted cases."),
    "resolution": L("Résolution des dossiers", "Afhandeling van de dossiers", "Case resolution"),
    "resolved": L("Dossiers résolus", "Opgeloste dossiers", "Cases resolved"),
    "impact": L("Impact de la gestion de cas, question par question", "Impact van het casemanagement, per vraag",
                "Impact of case management, question by question"),
    "impact_note": L("Dernière fiche de synthèse de chaque dossier admis. N par question : les projets qui ne "
                     "posent pas une question n'entrent pas dans son N.",
                     "Laatste cliëntfiche van elk toegelaten dossier. N per vraag: projecten die een vraag niet "
                     "stellen, tellen niet mee in haar N.",
                     "Latest client summary of each admitted case. N per question: pilots that do not ask a "
                     "question are left out of its N."),
    "question": L("Question", "Vraag", "Question"),
    "positive": L("Impact positif (%)", "Positieve impact (%)", "Positive impact (%)"),
    "not_asked": L("non posée", "niet gesteld", "not asked"),
    "count": L("Nombre", "Aantal", "Count"),
    "pct": L("%", "%", "%"),
    "total": L("Total", "Totaal", "Total"),
    "cases": L("Dossiers", "Dossiers", "Cases"),
    "by_type": L("dont", "waarvan", "of which"),
    "epim": {
        "remained_engaged": L("Restés engagés (suivis ou résolus)", "Betrokken gebleven (begeleid of opgelost)",
                              "Remained engaged (active or resolved)"),
        "disengaged_or_absconded": L("Désengagés ou en fuite", "Afgehaakt of ondergedoken", "Disengaged or absconded"),
        "removed": L("Éloignés (retour forcé)", "Verwijderd (gedwongen terugkeer)", "Removed (forced return)"),
        "redetained": L("Re-détenus", "Opnieuw vastgehouden", "Re-detained"),
        "other": L("Autre", "Andere", "Other"),
    },
    "headline": L("Sur {n} dossiers admis dans {k} projets pilotes, {engaged} % sont restés engagés, {dis} % se sont "
                  "désengagés ou ont fui, {removed} % ont été éloignés ; {resolved} % ont atteint une résolution.",
                  "Van de {n} toegelaten dossiers in {k} pilootprojecten bleef {engaged} % betrokken, haakte {dis} % "
                  "af of dook onder en werd {removed} % verwijderd; {resolved} % bereikte een afhandeling.",
                  "Of {n} admitted cases in {k} pilots, {engaged}% remained engaged, {dis}% disengaged or absconded "
                  "and {removed}% were removed; {resolved}% reached case resolution."),
    "impact_headline": L("Des {n} fiches de synthèse examinées, {a} % montrent un impact positif sur la capacité à "
                         "s'engager dans les procédures et {b} % sur la capacité à participer à une décision éclairée.",
                         "Van de {n} onderzochte cliëntfiches toont {a} % een positieve impact op het vermogen om "
                         "zich in te zetten in de procedures en {b} % op geïnformeerde besluitvorming.",
                         "Of the {n} client summary sheets examined, {a}% show a positive impact on the ability to "
                         "engage with immigration procedures and {b}% on the ability to take part in informed "
                         "decisions."),
    "suppressed": L("Petits effectifs masqués (moins de {t}) : « <{t} » ou « * », y compris là où le total du "
                    "réseau les rendrait.",
                    "Kleine aantallen verborgen (minder dan {t}): « <{t} » of « * », ook waar het netwerktotaal ze "
                    "zou teruggeven.",
                    "Small counts hidden (below {t}): '<{t}' or '*', also where the network total would give them "
                    "back."),
    "pilots_section": L("Les projets pilotes", "De pilootprojecten", "The pilots"),
    "with_errors": L("{file} : {n} erreur(s) dans les saisies ; seules les entrées valables sont comptées.",
                     "{file}: {n} fout(en) in de invoer; alleen geldige invoer wordt meegeteld.",
                     "{file}: {n} error(s) in the entries; only valid entries are counted."),
    "sheet_pilots": L("Projets", "Projecten", "Pilots"),
    "sheet_engagement": L("Engagement", "Betrokkenheid", "Engagement"),
    "sheet_impact": L("Impact", "Impact", "Impact"),
}


def t(key: str, lang: str, **kw) -> str:
    text = T[key][lang]
    return text.format(**kw) if kw else text


def epim_label(key: str, lang: str) -> str:
    return T["epim"][key][lang]

# Into the one catalogue (ptxl.i18n): codes "network.…".
TEXTS = _register("network", {"t": T})
