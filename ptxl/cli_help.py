"""``ptxl --help`` and ``ptxl <command> --help`` in the run's language, from the catalogue.

Why not typer's help: typer (through click, or rich) words its headings ("Usage", "Options",
"Arguments", "Commands") and ``--help``'s own line in English, and takes the texts from the
functions' docstrings and ``help=``, in one language. Here every text of the help is a code
of the catalogue (``help.…``), and the page is laid out in plain text (no rich boxes: the same
page with typer 0.13 or 0.28, click installed or not, on a terminal or a pipe). ``ptxl.cli``
calls ``format_help`` from its own Command and Group classes; only the parameters' names, the
options as typed and the example command lines are taken as they are (CLI.md: names are not
translated).

The texts of a parameter: ``help.param.<command>.<name>`` when the command has its own, else
``help.param.<group>.<name>`` (the ``excel`` commands), else ``help.param.<name>`` (shared:
``--as-of``, ``--lang``, ``--quiet``…). A command: ``help.cmd.<command>.summary`` (the line
of the commands' list) and, if it says more, ``help.cmd.<command>.text``.
"""

from __future__ import annotations

import textwrap

from .cli_usage import LANGS, argument_placeholder, usage_line
from .i18n import codes, register, render

HELP = register("help", {
    "heading": {
        "arguments": ("Arguments :", "Argumenten:", "Arguments:"),
        "options": ("Options :", "Opties:", "Options:"),
        "commands": ("Commandes :", "Opdrachten:", "Commands:"),
        "example": ("Exemple{n:|s} :", "Voorbeeld{n:|en}:", "Example{n:|s}:"),
        "required": ("[obligatoire]", "[verplicht]", "[required]"),
    },
    "metavar": {  # what to type after an option that takes a value
        "value": ("VALEUR", "WAARDE", "VALUE"),
        "date": ("AAAA-MM-JJ", "JJJJ-MM-DD", "YYYY-MM-DD"),
        "folder": ("DOSSIER", "MAP", "FOLDER"),
        "file": ("FICHIER", "BESTAND", "FILE"),
    },
    "cmd": {
        "root": {"summary": ("Plan Together XL : le classeur des accompagnateurs, ses contrôles, ses statistiques "
                             "et ses documents.",
                             "Plan Together XL: de werkmap van de begeleiders, de controles, statistieken en "
                             "documenten.",
                             "Plan Together XL: the case managers' workbook, its checks, statistics and documents."),
                 "text": ("Les messages sur un classeur sont dans sa langue. Cette aide et ce qui est dit avant de "
                          "lire un classeur suivent --lang, avant la commande (ptxl --lang nl stats plan.xlsx) ou après elle, "
                          "sinon la variable PTXL_LANG (fr, nl ou en), sinon la langue du système.",
                          "Berichten over een werkmap zijn in haar taal. Deze hulp en wat gezegd wordt voordat een "
                          "werkmap gelezen is, volgen --lang, voor de opdracht (ptxl --lang nl stats plan.xlsx) of erna, "
                          "anders de variabele PTXL_LANG (fr, nl of en), anders de taal van het systeem.",
                          "Messages about a workbook are in its language. This help and what is said before a "
                          "workbook is read follow --lang, before the command (ptxl --lang nl stats plan.xlsx) or after it, "
                          "else the PTXL_LANG variable (fr, nl or en), else the system's language.")},
        "new": {"summary": ("Écrit un classeur vierge. N'écrase jamais un fichier existant.",
                            "Schrijft een lege werkmap. Overschrijft nooit een bestaand bestand.",
                            "Write a blank workbook. Refuses to overwrite an existing file.")},
        "schema": {"summary": ("Affiche les feuilles, tableaux et colonnes du classeur, avec les choix de leurs "
                               "listes.",
                               "Toont de bladen, tabellen en kolommen van de werkmap, met de keuzes van hun lijsten.",
                               "Print the sheets, tables and columns of the workbook, with their dropdown labels.")},
        "demo": {"summary": ("Construit le classeur de la cohorte fictive de démonstration, l'actualise, écrit ses "
                             "documents et son rapport.",
                             "Bouwt de werkmap van het fictieve democohort, werkt ze bij, schrijft de documenten en "
                             "het rapport.",
                             "Build the fictional demo cohort workbook, refresh it, write its documents and report.")},
        "validate": {"summary": ("Contrôle chaque saisie du classeur ; n'écrit jamais dans le fichier.",
                                 "Controleert elke invoer van de werkmap; schrijft nooit in het bestand.",
                                 "Check every entry of the workbook; never writes the file."),
                     "text": ("Code de sortie 0 : aucune erreur (avertissements permis) ; 1 : le classeur a des "
                              "erreurs ; 2 : le fichier ne peut pas être lu.",
                              "Afsluitcode 0: geen fouten (waarschuwingen toegestaan); 1: de werkmap heeft fouten; "
                              "2: het bestand kan niet gelezen worden.",
                              "Exit code 0: no errors (warnings allowed); 1: the workbook has errors; 2: the file "
                              "cannot be read.")},
        "refresh": {"summary": ("Contrôle, puis écrit les statistiques, alertes et contrôles dans les feuilles de "
                                "résultats (saisies intactes).",
                                "Controleert en schrijft dan de statistieken, waarschuwingen en controles in de "
                                "resultaatbladen (invoer onaangeroerd).",
                                "Validate, then write statistics, alerts and checks into the output sheets (entries "
                                "untouched).")},
        "stats": {"summary": ("Affiche les statistiques d'impact, de cohorte, d'engagement et de départ ; n'écrit "
                              "jamais dans le fichier.",
                              "Toont de statistieken over impact, cohort, betrokkenheid en beginsituatie; schrijft "
                              "nooit in het bestand.",
                              "Print the impact, cohort, engagement and baseline statistics; never writes the file.")},
        "docs": {"summary": ("Écrit les documents Word de chaque dossier admis (annexes A, B, C et le dossier "
                             "complet).",
                             "Schrijft de Word-documenten van elk toegelaten dossier (bijlagen A, B, C en het "
                             "volledige dossier).",
                             "Write the Word documents of each admitted case (annex A, B, C and the full case file)."),
                 "text": ("Depuis un classeur chiffré, les documents (et les PDF) sont chiffrés aussi.",
                          "Uit een versleutelde werkmap worden de documenten (en pdf's) ook versleuteld.",
                          "From an encrypted workbook the documents (and PDFs) are encrypted too.")},
        "report": {"summary": ("Écrit le rapport d'impact, mis en page comme la note d'évaluation.",
                               "Schrijft het impactrapport, opgemaakt zoals de evaluatienota.",
                               "Write the impact report, laid out like the evaluation note."),
                   "text": ("Les études de cas ne portent aucun nom (les noms de la cohorte sont effacés). Depuis un "
                            "classeur chiffré, le rapport est chiffré aussi. Code de sortie 1 quand le classeur a "
                            "des erreurs (le rapport est quand même écrit).",
                            "De casestudies dragen geen naam (de namen van het cohort zijn gewist). Uit een "
                            "versleutelde werkmap wordt het rapport ook versleuteld. Afsluitcode 1 als de werkmap "
                            "fouten heeft (het rapport wordt toch geschreven).",
                            "Case studies carry no name (the cohort's names are blanked). From an encrypted workbook "
                            "the report is encrypted too. Exit code 1 when the workbook has errors (the report is "
                            "still written).")},
        "export": {"summary": ("Écrit les tableaux de saisie pour un évaluateur externe, sans dire qui sont les "
                               "personnes.",
                               "Schrijft de invoertabellen voor een externe evaluator, zonder te zeggen wie de "
                               "personen zijn.",
                               "Write the entry tables for an external evaluator, without who the people are."),
                   "text": ("Les dates deviennent des jours depuis l'orientation du dossier, la nationalité un pays "
                            "de la liste ou « autre » ; le README.txt du dossier dit ce qui a été retiré. La clé des "
                            "pseudonymes (.ptxl-key) et la table qui les relie restent à côté du classeur. Depuis un "
                            "classeur chiffré, le classeur exporté est chiffré et aucun CSV/JSON n'est écrit.",
                            "Datums worden dagen sinds de doorverwijzing van het dossier, de nationaliteit een land "
                            "uit de lijst of « ander »; de README.txt van de map zegt wat verwijderd is. De sleutel "
                            "van de pseudoniemen (.ptxl-key) en de tabel om ze terug te koppelen blijven naast de "
                            "werkmap. Uit een versleutelde werkmap wordt de exportwerkmap versleuteld en wordt geen "
                            "CSV/JSON geschreven.",
                            "Dates become days from the case's referral, nationality a listed country or 'other'; "
                            "the folder's README.txt says what was removed. The pseudonyms' key (.ptxl-key) and the "
                            "table to map them back stay beside the workbook. From an encrypted workbook the export "
                            "workbook is encrypted and no CSV/JSON is written.")},
        "log": {"summary": ("Affiche le registre des traitements : chaque exécution de docs, report, export et "
                            "stats --json faite depuis le classeur.",
                            "Toont het verwerkingsregister: elke uitvoering van docs, report, export en stats --json "
                            "vanuit de werkmap.",
                            "Print the processing record: every docs, report, export and stats --json run made from "
                            "the workbook."),
                "text": ("Le registre est le fichier <classeur>.ptxl-log.jsonl à côté du classeur ; il ne contient "
                         "aucun nom.",
                         "Het register is het bestand <werkmap>.ptxl-log.jsonl naast de werkmap; het bevat geen "
                         "naam.",
                         "The record is the file <workbook>.ptxl-log.jsonl beside the workbook; it holds no name.")},
        "network": {"summary": ("Une évaluation de réseau à partir de plusieurs classeurs pilotes : network.xlsx et "
                                "network_report.docx.",
                                "Eén netwerkevaluatie uit meerdere pilootwerkmappen: network.xlsx en "
                                "network_report.docx.",
                                "One network evaluation from several pilot workbooks: network.xlsx and "
                                "network_report.docx.")},
        "excel": {"summary": ("Installe l'onglet « Plan Together » dans Excel (une fois par ordinateur).",
                              "Installeert het tabblad « Plan Together » in Excel (eenmaal per computer).",
                              "Install the 'Plan Together' tab in Excel (once per computer).")},
        "excel_install": {"summary": ("Copie le complément dans le dossier de démarrage d'Excel et écrit ses "
                                      "réglages (ce Python).",
                                      "Kopieert de invoegtoepassing naar de opstartmap van Excel en schrijft de "
                                      "instellingen ervan (deze Python).",
                                      "Copy the add-in into Excel's start-up folder and write its settings (this "
                                      "Python)."),
                          "text": ("À lancer une fois par ordinateur et par utilisateur, avec le Python où ptxl est "
                                   "installé. Code de sortie 2 quand Excel n'est pas installé.",
                                   "Eenmaal per computer en per gebruiker uit te voeren, met de Python waarin ptxl "
                                   "geïnstalleerd is. Afsluitcode 2 als Excel niet geïnstalleerd is.",
                                   "Run it once per computer and user, with the Python that has ptxl installed. "
                                   "Exit code 2 when Excel is not installed.")},
        "excel_uninstall": {"summary": ("Retire le complément du dossier de démarrage d'Excel, et ses réglages.",
                                        "Verwijdert de invoegtoepassing uit de opstartmap van Excel, en de "
                                        "instellingen ervan.",
                                        "Remove the add-in from Excel's start-up folder, and its settings.")},
        "excel_status": {"summary": ("Dit si le complément est installé, s'il est à jour et quel Python il lance.",
                                     "Zegt of de invoegtoepassing geïnstalleerd is, of ze actueel is en welke Python "
                                     "ze gebruikt.",
                                     "Say whether the add-in is installed, whether it is current, and which Python "
                                     "it runs.")},
    },
    "param": {
        "help": ("Affiche cette aide et s'arrête.", "Toont deze hulp en stopt.", "Show this message and exit."),
        "version": ("Affiche la version de ptxl et s'arrête.", "Toont de versie van ptxl en stopt.",
                    "Print the version of ptxl and stop."),
        "path": ("Le classeur.", "De werkmap.", "The workbook."),
        "lang": ("Langue des messages : fr, nl ou en (par défaut : celle du classeur).",
                 "Taal van de berichten: fr, nl of en (standaard: die van de werkmap).",
                 "Language of the messages: fr, nl or en (default: the workbook's)."),
        "as_of": ("Date de référence pour cette exécution (remplace celle du classeur).",
                  "Referentiedatum voor deze uitvoering (vervangt die van de werkmap).",
                  "Reference date for this run (overrides the workbook's)."),
        "quiet": ("Pas de barre de progression (il n'y en a pas non plus quand la sortie est redirigée).",
                  "Geen voortgangsbalk (die is er ook niet als de uitvoer omgeleid wordt).",
                  "No progress bar (there is none on a pipe either)."),
        "unencrypted": ("Écrit les fichiers en clair bien que le classeur soit chiffré (sinon ils sont chiffrés "
                        "avec son mot de passe).",
                        "Schrijft de bestanden onversleuteld hoewel de werkmap versleuteld is (anders worden ze "
                        "versleuteld met haar wachtwoord).",
                        "Write the files in clear although the workbook is encrypted (they are encrypted with its "
                        "password otherwise)."),
        "prompt_output": ("Chiffre les fichiers avec un autre mot de passe, tapé à une invite masquée (ou dans "
                          "PTXL_OUTPUT_PASSWORD), au lieu de celui du classeur.",
                          "Versleutelt de bestanden met een ander wachtwoord, getypt bij een verborgen prompt (of in "
                          "PTXL_OUTPUT_PASSWORD), in plaats van dat van de werkmap.",
                          "Encrypt the files with another password, typed at a hidden prompt (or set "
                          "PTXL_OUTPUT_PASSWORD), instead of the workbook's."),
        "new": {"path": ("Où écrire le classeur vierge (.xlsx).", "Waar de lege werkmap geschreven wordt (.xlsx).",
                         "Where to write the blank workbook (.xlsx)."),
                "lang": ("Langue du classeur : fr (par défaut), nl ou en.",
                         "Taal van de werkmap: fr (standaard), nl of en.",
                         "Language of the workbook: fr (default), nl or en."),
                "with_buttons": ("Écrit un classeur à macros (.xlsm) avec les boutons sur sa feuille d'accueil, "
                                 "pour les ordinateurs où le complément ne peut pas être installé.",
                                 "Schrijft een werkmap met macro's (.xlsm) met de knoppen op het startblad, voor "
                                 "computers waarop de invoegtoepassing niet geïnstalleerd kan worden.",
                                 "Write a macro workbook (.xlsm) with the buttons on its home sheet, for computers "
                                 "where the add-in cannot be installed.")},
        "schema": {"as_json": ("Affiche du JSON (le seul format).", "Toont JSON (het enige formaat).",
                               "Print JSON (the only format)."),
                   "lang": ("Langue du classeur : fr, nl ou en.", "Taal van de werkmap: fr, nl of en.",
                            "Language of the workbook: fr, nl or en.")},
        "demo": {"out": ("Dossier où écrire la démonstration.", "Map waarin de demo geschreven wordt.",
                         "Folder to write the demo into."),
                 "everyone": ("Des documents pour chaque dossier, aussi ceux jamais admis.",
                              "Documenten voor elk dossier, ook de nooit toegelaten.",
                              "Documents for every case, also those never admitted.")},
        "validate": {"as_json": ("Affiche les constats en JSON.", "Toont de meldingen als JSON.",
                                 "Print findings as JSON.")},
        "stats": {"as_json": ("Affiche du JSON.", "Toont JSON.", "Print JSON."),
                  "suppress": ("Pour publication : les effectifs sous le seuil des petits nombres des réglages "
                               "({threshold} par défaut) affichés «\u00a0<{threshold}\u00a0», et les cellules qui "
                               "permettraient de les retrouver "
                               "masquées aussi («\u00a0*\u00a0»).",
                               "Voor publicatie: aantallen onder de drempel voor kleine aantallen van de "
                               "instellingen (standaard {threshold}) getoond als «\u00a0<{threshold}\u00a0», en de cellen "
                               "die ze zouden "
                               "teruggeven ook verborgen («\u00a0*\u00a0»).",
                               "For publication: counts below the settings' small-cell threshold "
                               "(default {threshold}) shown "
                               "as '<{threshold}', with the cells that would give them back hidden too ('*').")},
        "docs": {"out": ("Dossier des documents.", "Map voor de documenten.", "Folder for the documents."),
                 "case": ("Seulement ce numéro de dossier (répétable).", "Alleen dit dossiernummer (herhaalbaar).",
                          "Only this case id (repeatable)."),
                 "force": ("Remplace les fichiers existants au lieu d'en numéroter de nouveaux.",
                           "Vervangt bestaande bestanden in plaats van nieuwe te nummeren.",
                           "Replace existing files instead of numbering new ones."),
                 "pdf": ("Écrit aussi les PDF (demande LibreOffice).", "Schrijft ook pdf's (vereist LibreOffice).",
                         "Also write PDFs (needs LibreOffice)."),
                 "everyone": ("Chaque dossier, aussi ceux jamais admis (par défaut, leurs formulaires presque vides "
                              "ne sont pas écrits).",
                              "Elk dossier, ook de nooit toegelaten (standaard worden hun bijna lege formulieren "
                              "niet geschreven).",
                              "Every case, also those never admitted (by default their nearly empty forms are not "
                              "written).")},
        "report": {"out": ("Le chemin .docx du rapport.", "Het .docx-pad van het rapport.", "The report's .docx path."),
                   "lang": ("fr, nl ou en (par défaut : celle du classeur).", "fr, nl of en (standaard: die van de "
                            "werkmap).", "fr, nl or en (default: the workbook's)."),
                   "force": ("Remplace un rapport existant.", "Vervangt een bestaand rapport.",
                             "Replace an existing report file."),
                   "suppress": ("Pour publication : les effectifs sous le seuil des petits nombres des réglages "
                                "({threshold} par défaut) masqués, et les cellules qui permettraient de les "
                                "retrouver.",
                                "Voor publicatie: aantallen onder de drempel voor kleine aantallen van de "
                                "instellingen (standaard {threshold}) verborgen, en de cellen die ze zouden "
                                "teruggeven.",
                                "For publication: counts below the settings' small-cell threshold "
                                "(default {threshold}) "
                                "hidden, and the cells that would give them back.")},
        "export": {"anonymised": ("Obligatoire : noms retirés, dates de naissance en tranches d'âge, numéros de "
                                  "dossier en pseudonymes à clé.",
                                  "Verplicht: namen verwijderd, geboortedatums als leeftijdsgroepen, dossiernummers "
                                  "als pseudoniemen met sleutel.",
                                  "Required: names removed, birth dates as age brackets, case ids as keyed "
                                  "pseudonyms."),
                   "out": ("Dossier de l'export (pas celui du classeur).", "Map voor de export (niet die van de "
                           "werkmap).", "Folder for the export (not the workbook's folder)."),
                   "with_text": ("Exporte aussi le texte libre (notes, raisons, descriptions), avec les noms de la "
                                 "cohorte effacés.",
                                 "Exporteert ook vrije tekst (notities, redenen, beschrijvingen), met de namen van "
                                 "het cohort gewist.",
                                 "Also export free text (notes, whys, descriptions), with the cohort's names blanked "
                                 "out."),
                   "suppress": ("Pour publication : les nationalités de moins de dossiers que le seuil deviennent "
                                "« autre » dans chaque fichier, et les statistiques sont masquées pour les petits "
                                "nombres.",
                                "Voor publicatie: nationaliteiten van minder dossiers dan de drempel worden « ander » "
                                "in elk bestand, en kleine aantallen in de statistieken worden verborgen.",
                                "For publication: nationalities of fewer cases than the threshold become 'other' in "
                                "every file, and the statistics are small-cell suppressed."),
                   "exact_dates": ("Garde les dates du calendrier (par défaut, ce sont des jours depuis "
                                   "l'orientation de chaque dossier).",
                                   "Behoudt de kalenderdatums (standaard zijn het dagen sinds de doorverwijzing van "
                                   "elk dossier).",
                                   "Keep calendar dates (by default they are days from each case's referral).")},
        "log": {"as_json": ("Affiche le registre en JSON.", "Toont het register als JSON.",
                            "Print the record as JSON."),
                "case": ("Seulement les exécutions qui ont couvert ce numéro de dossier.",
                         "Alleen de uitvoeringen die dit dossiernummer dekten.",
                         "Only the runs that covered this case id.")},
        "network": {"workbooks": ("Les classeurs des pilotes (toute langue, en clair ou chiffrés), chacun une "
                                  "seule fois.",
                                  "De werkmappen van de pilots (elke taal, onversleuteld of versleuteld), elk één "
                                  "keer.",
                                  "The pilots' workbooks (any language, plain or encrypted), each given once."),
                    "out": ("Dossier pour network.xlsx et network_report.docx.",
                            "Map voor network.xlsx en network_report.docx.",
                            "Folder for network.xlsx and network_report.docx."),
                    "as_json": ("Affiche plutôt les statistiques du réseau en JSON.",
                                "Toont in plaats daarvan de netwerkstatistieken als JSON.",
                                "Print the network statistics as JSON instead."),
                    "suppress": ("Pour publication : petits effectifs masqués dans chaque pilote et dans les totaux "
                                 "du réseau ensemble.",
                                 "Voor publicatie: kleine aantallen verborgen in elke pilot en in de netwerktotalen "
                                 "samen.",
                                 "For publication: small counts hidden in each pilot and in the network totals "
                                 "together."),
                    "lang": ("fr, nl ou en (par défaut : la langue commune des pilotes, sinon en).",
                             "fr, nl of en (standaard: de gemeenschappelijke taal van de pilots, anders en).",
                             "fr, nl or en (default: the pilots' common language, else en)."),
                    "force": ("Remplace network.xlsx / network_report.docx déjà dans le dossier.",
                              "Vervangt network.xlsx / network_report.docx die al in de map staan.",
                              "Replace network.xlsx / network_report.docx already in the folder.")},
        "excel": {"lang": ("Langue des messages : fr, nl ou en (par défaut : la règle de langue de ptxl).",
                           "Taal van de berichten: fr, nl of en (standaard: de taalregel van ptxl).",
                           "Language of the messages: fr, nl or en (default: ptxl's language rule).")},
        "excel_install": {"settings_only": ("Écrit seulement les réglages (le chemin de Python), pour les classeurs "
                                            ".xlsm faits avec new --with-buttons ; n'installe pas le complément.",
                                            "Schrijft alleen de instellingen (het pad van Python), voor de "
                                            ".xlsm-werkmappen gemaakt met new --with-buttons; installeert de "
                                            "invoegtoepassing niet.",
                                            "Only write the settings (Python's path), for the .xlsm workbooks made "
                                            "with new --with-buttons; do not install the add-in.")},
    },
})

# The example command lines of each command: typed as they are in every language (CLI.md's names).
EXAMPLES = {
    "new": ["ptxl new plan_together.xlsx --lang nl", "ptxl new plan_together.xlsm --with-buttons"],
    "schema": ["ptxl schema --json --lang en"],
    "demo": ["ptxl demo ./demo"],
    "validate": ["ptxl validate plan_together.xlsx --json"],
    "refresh": ["ptxl refresh plan_together.xlsx"],
    "stats": ["ptxl stats plan_together.xlsx --json --as-of 2023-02-28"],
    "docs": ["ptxl docs plan_together.xlsx --out dossiers", "ptxl docs plan_together.xlsx --out dossiers --case "
             "PT-003 --pdf", "ptxl docs plan_together.xlsx --out dossiers --all"],
    "report": ["ptxl report plan_together.xlsx --out rapport.docx", "ptxl report plan_together.xlsx --out "
               "rapport.docx --as-of 2023-02-28 --suppress"],
    "export": ["ptxl export plan_together.xlsx --anonymised --out export_evaluation"],
    "log": ["ptxl log plan_together.xlsx", "ptxl log plan_together.xlsx --case PT-003 --json"],
    "network": ["ptxl network be.xlsx bg.xlsx pl.xlsx --out network --as-of 2020-06-30",
                "ptxl network be.xlsx bg.xlsx --json --suppress"],
    "excel_install": ["ptxl excel install", "ptxl excel install --settings-only"],
}
# The placeholder after an option that takes a value (``help.metavar.…``); others: VALUE; --lang: its choices.
_METAVARS = {"as_of": "date", "out": "folder", "report.out": "file"}
_KNOWN = None


def _code(*keys: str) -> str | None:
    global _KNOWN
    if _KNOWN is None:
        _KNOWN = set(codes("help"))
    for key in keys:
        if f"help.{key}" in _KNOWN:
            return f"help.{key}"
    return None


def command_key(ctx) -> str:
    """``excel_install`` for ``ptxl excel install``, ``root`` for ``ptxl`` itself."""
    names = []
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name)
        ctx = ctx.parent
    return "_".join(reversed(names)) or "root"


def summary(key: str, lang: str) -> str:
    """The one line of a command in its group's list (also its help's first paragraph)."""
    return render(f"help.cmd.{key}.summary", lang)


def _param_help(key: str, name: str, lang: str, fields: dict | None = None) -> str:
    group = key.split("_")[0]
    code = _code(f"param.{key}.{name}", f"param.{group}.{name}", f"param.{name}")
    return render(code, lang, **(fields or {})) if code else ""


def _option(param, key: str, lang: str) -> str:
    """An option as typed, with what to type after it when it takes a value."""
    names = ", ".join(list(param.opts) + list(getattr(param, "secondary_opts", None) or ()))
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return names
    if param.name == "lang":
        return f"{names} {'|'.join(LANGS)}"
    if param.name == "case":
        return f"{names} ID"
    kind = _METAVARS.get(f"{key}.{param.name}") or _METAVARS.get(param.name) or "value"
    return f"{names} {render(f'help.metavar.{kind}', lang)}"


def _wrap(text: str, width: int, indent: int) -> list[str]:
    return textwrap.wrap(text, max(width - indent, 20), initial_indent=" " * indent,
                         subsequent_indent=" " * indent, break_on_hyphens=False, break_long_words=False) or [""]


def _rows(rows, width: int) -> list[str]:
    """Two columns: the term, then its text wrapped beside it (below it when the term is long)."""
    left = min(max((len(term) for term, _ in rows), default=0), 28)
    lines = []
    for term, text in rows:
        body = textwrap.wrap(text, max(width - left - 4, 20), break_on_hyphens=False, break_long_words=False)
        if len(term) > left:
            lines.append(f"  {term}")
            lines += [" " * (left + 4) + b for b in body]
        else:
            lines += [f"  {term.ljust(left)}  {(body or [''])[0]}".rstrip()]
            lines += [" " * (left + 4) + b for b in body[1:]]
    return lines


def format_help(ctx, lang: str, width: int = 80, fields: dict | None = None) -> str:
    """The whole help page of ``ctx``'s command (or group) in ``lang``, plain text.

    ``fields``: values the help texts name, from the forms (the small-cell threshold's default), given by
    the command line since this module sits below the schema."""
    key, command = command_key(ctx), ctx.command
    width = max(min(width or 80, 100), 40)
    lines = [usage_line(ctx, lang), ""]
    lines += _wrap(summary(key, lang), width, 2)
    text = _code(f"cmd.{key}.text")
    if text:
        lines += [""] + _wrap(render(text, lang), width, 2)
    examples = EXAMPLES.get(key, [])
    if examples:
        lines += ["", render(HELP.heading_example, lang, n=len(examples))] + [f"    {e}" for e in examples]
    arguments, options = [], []
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        if getattr(param, "param_type_name", "") == "argument":
            said = _param_help(key, param.name, lang, fields)
            if getattr(param, "required", False):
                said = f"{said} {render(HELP.heading_required, lang)}".strip()
            arguments.append((argument_placeholder(param, lang), said))
        else:
            options.append((_option(param, key, lang), _param_help(key, param.name, lang, fields)))
    for heading, rows in ((HELP.heading_arguments, arguments), (HELP.heading_options, options)):
        if rows:
            lines += ["", render(heading, lang)] + _rows(rows, width)
    if hasattr(command, "list_commands"):
        rows = [(name, summary(f"{key}_{name}" if key != "root" else name, lang))
                for name in command.list_commands(ctx)
                if command.get_command(ctx, name) is not None and not command.get_command(ctx, name).hidden]
        if rows:
            lines += ["", render(HELP.heading_commands, lang)] + _rows(rows, width)
    return "\n".join(lines) + "\n"
