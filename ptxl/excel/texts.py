"""What the Excel buttons say, in French, Dutch and English.

Two audiences read from here. ``ptxl.excel`` (Python, in the workbook's language)
shows progress and outcomes; the add-in's VBA (in the Office interface language,
because the ribbon exists before any workbook is open) gets its labels through
``vba_texts()``, which the add-in build turns into a generated VBA module. The
button names and their descriptions are taken from the home sheet's text
(``ptxl.forms.home.BUTTONS``) so that the ribbon, the fallback buttons and the
home sheet can never disagree.
"""

from __future__ import annotations

from ..schema import HOME as H
from ptxl.i18n import register as _register, render

LANGS = ("fr", "nl", "en")
# Ribbon control id of each home-sheet button (the button's key is the Python entry point's name).
CONTROL_IDS = {"validate": "ptValidate", "refresh": "ptRefresh", "generate_documents": "ptDocuments",
               "help": "ptHelp"}


def _l(fr: str, nl: str, en: str) -> dict:
    return {"fr": fr, "nl": nl, "en": en}


def _button(key: str) -> dict:
    return next(b for b in H.BUTTONS if b["key"] == key)


def button_label(key: str, lang: str) -> str:
    """The caption of one button (key 'validate', 'refresh', 'generate_documents' or 'help') in ``lang``."""
    return _button(key)["label"][lang]


def button_tip(key: str, lang: str) -> str:
    return _button(key)["text"][lang]


# Shown by the VBA side (Office interface language).
VBA_ONLY = {
    "ptTab": _l("Plan Together", "Plan Together", "Plan Together"),
    "ptGroup": _l("Classeur de suivi", "Opvolgingswerkmap", "Follow-up workbook"),
    # The home sheet's own wording ("back to this page") does not fit a ribbon tip.
    "ptHelp.tip": _l("Ouvre la page d'accueil du classeur et rappelle ce que font les boutons.",
                     "Opent de startpagina van de werkmap en legt uit wat de knoppen doen.",
                     "Opens the workbook's home page and recalls what the buttons do."),
    "help.title": _l("Plan Together – aide", "Plan Together – help", "Plan Together – help"),
    "help.home": _l("La page d'accueil du classeur explique ce que fait chaque bouton et dans quel ordre remplir "
                    "les feuilles.",
                    "De startpagina van de werkmap legt uit wat elke knop doet en in welke volgorde u de bladen "
                    "invult.",
                    "The workbook's home page explains what each button does and in which order to fill in the "
                    "sheets."),
    "help.footer": _l("Les feuilles grises sont remplies par Plan Together ; ce que vous avez tapé n'est jamais "
                      "modifié. Enregistrez le classeur après chaque clic.",
                      "De grijze bladen worden door Plan Together ingevuld; wat u typte wordt nooit gewijzigd. "
                      "Sla de werkmap op na elke klik.",
                      "The grey sheets are filled by Plan Together; what you typed is never changed. "
                      "Save the workbook after each click."),
    "help.python": _l("Python utilisé sur cet ordinateur :", "Python op deze computer:",
                      "Python used on this computer:"),
    "help.no_python": _l("(pas encore configuré : voir « ptxl excel install »)",
                         "(nog niet ingesteld: zie « ptxl excel install »)",
                         "(not configured yet: see 'ptxl excel install')"),
    "msg.not_installed": _l(
        "Plan Together n'est pas encore installé sur cet ordinateur (Python est introuvable).\n\n"
        "Demandez à la personne qui s'occupe de l'informatique de lancer une fois, dans un terminal :\n"
        "    ptxl excel install\npuis de redémarrer Excel.",
        "Plan Together is nog niet geïnstalleerd op deze computer (Python niet gevonden).\n\n"
        "Vraag de persoon die de informatica beheert om één keer in een terminal uit te voeren:\n"
        "    ptxl excel install\nen daarna Excel opnieuw te starten.",
        "Plan Together is not installed on this computer yet (Python was not found).\n\n"
        "Ask whoever looks after the computers to run once, in a terminal:\n"
        "    ptxl excel install\nthen to restart Excel."),
    "msg.no_workbook": _l("Ouvrez d'abord le classeur Plan Together, puis cliquez à nouveau.",
                          "Open eerst de Plan Together-werkmap en klik dan opnieuw.",
                          "Open the Plan Together workbook first, then click again."),
    "status.starting": _l("Plan Together : démarrage…", "Plan Together: starten…", "Plan Together: starting…"),
}


def vba_texts() -> dict[str, dict[str, str]]:
    """Every text the VBA side shows: key (a ribbon control id, or a message key) → {lang: text}."""
    out: dict[str, dict[str, str]] = {}
    for key, cid in CONTROL_IDS.items():
        out[cid] = {lang: button_label(key, lang) for lang in LANGS}
        out[cid + ".tip"] = {lang: button_tip(key, lang) for lang in LANGS}
    out.update(VBA_ONLY)
    # The message box shows at most 1,024 characters: the buttons' names here, their descriptions on the home page.
    out["help.body"] = {lang: "\n".join("• " + b["label"][lang] for b in H.BUTTONS if b["key"] != "help")
                        + "\n\n" + VBA_ONLY["help.home"][lang] for lang in LANGS}
    return out


# Shown by the Python side (the workbook's language).
PY = {
    "status.reading": _l("Plan Together : lecture du classeur…", "Plan Together: werkmap lezen…",
                         "Plan Together: reading the workbook…"),
    "status.checking": _l("Plan Together : vérification des saisies…", "Plan Together: invoer controleren…",
                          "Plan Together: checking entries…"),
    "status.computing": _l("Plan Together : calcul des statistiques…", "Plan Together: statistieken berekenen…",
                           "Plan Together: computing statistics…"),
    "status.writing": _l("Plan Together : écriture des feuilles de résultats…",
                         "Plan Together: resultaatbladen schrijven…",
                         "Plan Together: writing the result sheets…"),
    "status.documents": _l("Plan Together : création des documents…", "Plan Together: documenten maken…",
                           "Plan Together: creating documents…"),
    "counts": _l("{errors} erreur{errors:|s}, {warnings} avertissement{warnings:|s}",
                 "{errors} fout{errors:|en}, {warnings} waarschuwing{warnings:|en}",
                 "{errors} error{errors:|s}, {warnings} warning{warnings:|s}"),
    "validate.clean": _l("Aucune erreur : toutes les saisies sont valables.",
                         "Geen fouten: alle invoer is in orde.", "No errors: every entry is valid."),
    "validate.found": _l("{counts}. La liste est dans la feuille « {checks} », avec un lien vers chaque cellule.",
                         "{counts}. De lijst staat in het blad « {checks} », met een link naar elke cel.",
                         "{counts}. The list is in the '{checks}' sheet, with a link to each cell."),
    "refresh.done": _l("Statistiques actualisées.", "Statistieken bijgewerkt.", "Statistics refreshed."),
    "refresh.errors": _l("Les lignes en erreur ont été laissées de côté ({counts}) : voir la feuille « {checks} ».",
                         "Rijen met fouten zijn weggelaten ({counts}): zie het blad « {checks} ».",
                         "Rows with errors were left out ({counts}): see the '{checks}' sheet."),
    "save.hint": _l("Enregistrez le classeur pour garder le résultat.", "Sla de werkmap op om het resultaat te "
                    "bewaren.", "Save the workbook to keep the result."),
    "docs.done": _l("{n} document{n:|s} écrit{n:|s} dans le dossier :\n{folder}",
                    "{n} document{n:|en} geschreven in de map:\n{folder}",
                    "{n} document{n:|s} written to the folder:\n{folder}"),
    "docs.left_out": _l("{n} famille{n:|s} jamais admise{n:|s} : pas de documents.",
                        "{n} nooit toegelaten gezin{n:|nen}: geen documenten.",
                        "{n} famil{n:y|ies} never admitted: no documents."),
    "docs.case": _l("Dossier {case} : {body}", "Dossier {case}: {body}", "Case {case}: {body}"),
    "docs.folder": _l("Documents Plan Together", "Plan Together-documenten", "Plan Together documents"),
    "docs.errors": _l("Attention : le classeur contient {counts} ; les documents montrent les saisies telles "
                      "quelles. Cliquez sur « {button} » pour les voir.",
                      "Let op: de werkmap bevat {counts}; de documenten tonen de invoer zoals die is. Klik op "
                      "« {button} » om ze te zien.",
                      "Note: the workbook has {counts}; the documents show the entries as they are. Click "
                      "'{button}' to see them."),
    "status.done": _l("Plan Together ({time}) : {summary}", "Plan Together ({time}): {summary}",
                      "Plan Together ({time}): {summary}"),
    "docs.no_folder": _l("Enregistrez d'abord le classeur dans un dossier de cet ordinateur : les documents sont "
                         "écrits à côté de lui.",
                         "Sla de werkmap eerst op in een map op deze computer: de documenten komen ernaast.",
                         "Save the workbook in a folder on this computer first: the documents are written next to "
                         "it."),
    "err.not_ptxl": _l("Ce classeur n'est pas un classeur Plan Together : la feuille « {sheet} » est introuvable. "
                       "Cliquez dans le classeur Plan Together, puis recommencez.",
                       "Deze werkmap is geen Plan Together-werkmap: het blad « {sheet} » ontbreekt. Klik in de "
                       "Plan Together-werkmap en probeer opnieuw.",
                       "This is not a Plan Together workbook: the '{sheet}' sheet is missing. Click in the Plan "
                       "Together workbook and try again."),
    "err.unexpected": _l("Plan Together s'est arrêté sur un problème imprévu ({kind}). Vos saisies n'ont pas été "
                         "modifiées. Signalez-le avec le bouton utilisé et l'heure ({time}).",
                         "Plan Together stopte door een onverwacht probleem ({kind}). Uw invoer is niet gewijzigd. "
                         "Meld het met de gebruikte knop en het uur ({time}).",
                         "Plan Together stopped on an unexpected problem ({kind}). Your entries were not changed. "
                         "Please report it with the button used and the time ({time})."),
    "title": _l("Plan Together", "Plan Together", "Plan Together"),
}
# Before the workbook (and so its language) is known: French, then English, whatever the language.
_NO_EXCEL = ("Plan Together : Excel n'a pas pu être joint depuis Python. Fermez les boîtes de dialogue ouvertes "
             "dans Excel et recliquez. (Excel could not be reached from Python: close any open dialog in Excel "
             "and click again.)")
PY["err.no_excel"] = _l(_NO_EXCEL, _NO_EXCEL, _NO_EXCEL)


def text(key: str, lang: str = "fr", **values) -> str:
    """One Python-side message in ``lang`` (French when the language is unknown)."""
    return render(f"excel.py.{key}", lang, **values)

# Into the one catalogue (ptxl.i18n): codes "excel.…".
TEXTS = _register("excel", {"vba_only": VBA_ONLY, "py": PY})
