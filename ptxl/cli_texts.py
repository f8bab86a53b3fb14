"""What the command line says once a workbook is known, in that workbook's language (CLI.md "Messages").

Counts go through ``ptxl.plural.counted`` ("{n} erreur{n:|s}"). A message printed
before any workbook is read and without ``--lang`` (an --as-of that is not a date) is in
the environment's language (``PTXL_LANG``, the locale), else "French (English)", like the
file problems (the rule: ``ptxl.cli``'s docstring); a usage mistake is worded by
``ptxl.cli_usage``, ``--help`` by ``ptxl.cli_help``.
"""

from __future__ import annotations

from .schema import L
from ptxl.i18n import register as _register, render

T = {
    "demo_written": L("{path} écrit (cohorte de démonstration fictive : {referred} familles orientées, {admitted} "
                      "admises ; date de référence {date}).",
                      "{path} geschreven (fictief democohort: {referred} gezinnen doorverwezen, {admitted} "
                      "toegelaten; referentiedatum {date}).",
                      "Wrote {path} (fictional demo cohort: {referred} families referred, {admitted} admitted; "
                      "reference date {date})."),
    "demo_refreshed": L("Statistiques actualisées : {a} alerte{a:|s}, {c} constat{c:|s} dans les contrôles.",
                        "Statistieken bijgewerkt: {a} waarschuwing{a:|en}, {c} melding{c:|en} bij de controles.",
                        "Statistics refreshed: {a} alert{a:|s}, {c} finding{c:|s} on the checks sheet."),
    "no_charts": L("Le rapport d'impact a besoin des graphiques : pip install \"ptxl[report]\", puis "
                   "ptxl report {path} --out {out}",
                   "Het impactrapport heeft de grafieken nodig: pip install \"ptxl[report]\", daarna "
                   "ptxl report {path} --out {out}",
                   "The impact report needs the charts extra: pip install \"ptxl[report]\", then run "
                   "ptxl report {path} --out {out}"),
    "refreshed": L("{name} actualisé : {e} erreur{e:|s}, {w} avertissement{w:|s}",
                   "{name} bijgewerkt: {e} fout{e:|en}, {w} waarschuwing{w:|en}",
                   "Refreshed {name}: {e} error{e:|s}, {w} warning{w:|s}"),
    "listed": L(" (listés dans la feuille des contrôles ; les statistiques ne comptent que les saisies valables)",
                " (vermeld in het blad met de controles; de statistieken tellen alleen geldige invoer)",
                " (listed on the checks sheet; statistics count only valid entries)"),
    "backup": L(". Version précédente gardée dans {path}", ". Vorige versie bewaard in {path}",
                ". Previous version kept in {path}"),
    "stats_errors": L("Le classeur contient {n} erreur{n:|s} : les statistiques ci-dessus laissent de côté ce qui "
                      "n'a pas pu être lu. Lancez « ptxl validate {path} » pour voir où.",
                      "De werkmap bevat {n} fout{n:|en}: de statistieken hierboven laten weg wat niet gelezen kon "
                      "worden. Voer « ptxl validate {path} » uit om te zien waar.",
                      "The workbook has {n} error{n:|s}: the statistics above leave out what could not be read. "
                      "Run 'ptxl validate {path}' to see where."),
    "written": L("{path} écrit.", "{path} geschreven.", "Wrote {path}"),
    "export_written": L("{n} fichier{n:|s} écrit{n:|s} dans {out} ({rows} ligne{rows:|s} ; noms, dates de "
                        "naissance{dates}{text} et nationalités tapées laissés de côté ; voir {readme}).",
                        "{n} bestand{n:|en} geschreven in {out} ({rows} rij{rows:|en}; namen, geboortedata"
                        "{dates}{text} en getypte nationaliteiten weggelaten; zie {readme}).",
                        "Wrote {n} file{n:|s} into {out} ({rows} row{rows:|s}; names, birth dates{dates}{text} and "
                        "typed nationalities left out; see {readme})."),
    "and_calendar_dates": L(", dates du calendrier", ", kalenderdata", ", calendar dates"),
    "and_free_text": L(", texte libre", ", vrije tekst", ", free text"),
    "not_written_encrypted": L("Fichiers CSV et JSON non écrits, car le classeur est chiffré et ils ne peuvent pas "
                               "l'être : chaque table est une feuille du fichier chiffré {name} (--unencrypted "
                               "les écrit en clair).",
                               "CSV- en JSON-bestanden niet geschreven, want de werkmap is versleuteld en zij kunnen "
                               "dat niet zijn: elke tabel is een blad van het versleutelde {name} (--unencrypted "
                               "schrijft ze onversleuteld).",
                               "CSV and JSON files not written, because the workbook is encrypted and they cannot be: "
                               "every table is a sheet of the encrypted {name} (--unencrypted writes them in clear)."),
    "pseudonyms": L("Table des pseudonymes gardée à côté du classeur : {name} (ne l'envoyez pas).",
                    "Tabel met de pseudoniemen bewaard naast de werkmap: {name} (niet versturen).",
                    "Pseudonym table kept beside the workbook: {name} (do not send it)."),
    "export_errors": L("Le classeur contient {n} erreur{n:|s} : les cellules illisibles sont exportées vides. "
                       "Lancez « ptxl validate {path} » pour voir où.",
                       "De werkmap bevat {n} fout{n:|en}: onleesbare cellen worden leeg geëxporteerd. "
                       "Voer « ptxl validate {path} » uit om te zien waar.",
                       "The workbook has {n} error{n:|s}: cells that could not be read are exported empty. "
                       "Run 'ptxl validate {path}' to see where."),
    "report_errors": L("Le classeur contient {n} erreur{n:|s} : le rapport laisse de côté ce qui n'a pas pu être "
                       "lu. Lancez « ptxl validate {path} » pour voir où.",
                       "De werkmap bevat {n} fout{n:|en}: het rapport laat weg wat niet gelezen kon worden. "
                       "Voer « ptxl validate {path} » uit om te zien waar.",
                       "The workbook has {n} error{n:|s}: the report leaves out what could not be read. "
                       "Run 'ptxl validate {path}' to see where."),
    "record_failed": L("Le registre des traitements à côté de {name} n'a pas pu être écrit ({kind}) : notez cette "
                       "exécution à la main.",
                       "Het verwerkingsregister naast {name} kon niet geschreven worden ({kind}): noteer deze "
                       "uitvoering met de hand.",
                       "The processing record beside {name} could not be written ({kind}): note this run by hand."),
    "bad_as_of": L("--as-of {value} n'est pas une date : écrivez-la AAAA-MM-JJ, par ex. 2023-02-28.",
                   "--as-of {value} is geen datum: schrijf ze JJJJ-MM-DD, bv. 2023-02-28.",
                   "--as-of {value} is not a date: write it YYYY-MM-DD, e.g. 2023-02-28."),
    "bad_lang": L("Langue inconnue « {code} » : choisissez fr, nl ou en.",
                  "Onbekende taal « {code} »: kies fr, nl of en.",
                  "Unknown language '{code}': choose fr, nl or en."),
    "exists_never": L("{path} existe déjà : ptxl n'écrase jamais un classeur. Choisissez un autre nom.",
                      "{path} bestaat al: ptxl overschrijft nooit een werkmap. Kies een andere naam.",
                      "{path} already exists: ptxl never overwrites a workbook. Choose another name."),
    "exists_demo": L("{path} existe déjà : ptxl n'écrase jamais un classeur (quelqu'un y a peut-être tapé). "
                     "Supprimez-le ou choisissez un autre dossier.",
                     "{path} bestaat al: ptxl overschrijft nooit een werkmap (iemand kan erin getypt hebben). "
                     "Verwijder het of kies een andere map.",
                     "{path} already exists: ptxl never overwrites a workbook (someone may have typed in it). "
                     "Delete it or choose another folder."),
    "exists_force": L("{path} existe déjà : ajoutez --force pour le remplacer, ou choisissez un autre nom.",
                      "{path} bestaat al: voeg --force toe om het te vervangen, of kies een andere naam.",
                      "{path} already exists: add --force to replace it, or choose another name."),
    "exists_force_folder": L("{path} existe déjà : ajoutez --force pour le remplacer, ou choisissez un autre "
                             "dossier.",
                             "{path} bestaat al: voeg --force toe om het te vervangen, of kies een andere map.",
                             "{path} already exists: add --force to replace it, or choose another folder."),
    "needs_xlsm": L("{path} : un classeur avec boutons contient des macros, son nom doit donc finir par .xlsm.",
                    "{path}: een werkmap met knoppen bevat macro's, dus de naam moet eindigen op .xlsm.",
                    "{path}: a workbook with buttons holds macros, so its name must end in .xlsm."),
    "needs_xlsx": L("{path} : le nom du classeur doit finir par .xlsx (ou .xlsm avec --with-buttons).",
                    "{path}: de naam van de werkmap moet eindigen op .xlsx (of .xlsm met --with-buttons).",
                    "{path}: the workbook's name must end in .xlsx (or .xlsm with --with-buttons)."),
    "no_folder": L("Le dossier {path} n'existe pas : créez-le d'abord ou choisissez un autre endroit.",
                   "De map {path} bestaat niet: maak ze eerst aan of kies een andere plaats.",
                   "The folder {path} does not exist: create it first or choose another place."),
    "needs_docx": L("{path} : le nom du rapport doit finir par .docx.",
                    "{path}: de naam van het rapport moet eindigen op .docx.",
                    "{path}: the report's name must end in .docx."),
    "needs_anonymised": L("ptxl export n'écrit que des données anonymisées : ajoutez --anonymised.",
                          "ptxl export schrijft alleen geanonimiseerde gegevens: voeg --anonymised toe.",
                          "ptxl export only writes anonymised data: add --anonymised."),
    "no_run": L("Aucune exécution enregistrée pour {name}{case} ({record}).",
                "Geen uitvoering geregistreerd voor {name}{case} ({record}).",
                "No run recorded for {name}{case} ({record})."),
    "and_case": L(" et {case}", " en {case}", " and {case}"),
    # the record counts cases ("dossiers"): a family or a person, as the pilot's unit, which the record does not hold
    "log_line": L("{time}  {command} {families} dossier{families:|s}{scope}, {documents} document{documents:|s}, "
                  "{encrypted}, utilisateur {user} -> {out}",
                  "{time}  {command} {families} dossier{families:|s}{scope}, {documents} document{documents:|en}, "
                  "{encrypted}, gebruiker {user} -> {out}",
                  "{time}  {command} {families} case{families:|s}{scope}, {documents} document{documents:|s}, "
                  "{encrypted}, user {user} -> {out}"),
    "log_not_listed": L(" (dossiers non listés)", " (dossiers niet vermeld)", " (cases not listed)"),
    "log_encrypted": L("chiffré", "versleuteld", "encrypted"),
    "log_clear": L("NON chiffré", "NIET versleuteld", "NOT encrypted"),
    "log_screen": L("l'écran", "het scherm", "the screen"),
    "network_needs_out": L("ptxl network a besoin de --out DOSSIER (pour écrire network.xlsx et "
                           "network_report.docx) ou de --json.",
                           "ptxl network heeft --out MAP nodig (om network.xlsx en network_report.docx te "
                           "schrijven) of --json.",
                           "ptxl network needs --out FOLDER (to write network.xlsx and network_report.docx) or "
                           "--json."),
    "network_errors": L("Des classeurs pilotes ont des erreurs ({listed}) : ils sont comptés à partir de leurs "
                        "saisies valables seulement. Lancez « ptxl validate » sur chacun pour voir où.",
                        "Sommige pilootwerkmappen hebben fouten ({listed}): ze worden alleen op hun geldige invoer "
                        "geteld. Voer « ptxl validate » op elk uit om te zien waar.",
                        "Some pilot workbooks have errors ({listed}): they are counted from their valid entries "
                        "only. Run 'ptxl validate' on each to see where."),
    "network_error_count": L("{name} : {n} erreur{n:|s}", "{name}: {n} fout{n:|en}", "{name}: {n} error{n:|s}"),
}


def say(key: str, lang: str | None, **values) -> str:
    """One message of ``T`` in ``lang``; without a language (nothing read yet, no --lang): the environment's
    (``PTXL_LANG``, the locale: ``ptxl.cli_usage.env_lang``), else "French (English)"."""
    if lang is None:
        from .cli_usage import env_lang
        lang = env_lang()
    if lang is None:
        return f"{say(key, 'fr', **values)} ({say(key, 'en', **values)})"
    return render(f"cli.t.{key}", lang, default="en", numbers=True, **values)  # counts: 12 345 / 12.345 / 12,345


def workbook_lang(path, default: str | None = "en") -> str | None:
    """The language of a workbook from its sheet names alone (cheap: no sheet is read); ``default`` when unsure."""
    try:
        import python_calamine as pc

        from .read import detect_lang, fold
        from .schema import get_schema
        names = {fold(n) for n in pc.CalamineWorkbook.from_path(str(path)).sheet_names}
        lang = detect_lang(list(names))
        return lang if any(fold(s.name(lang)) in names for s in get_schema().sheets) else default
    except Exception:  # encrypted, missing or not a workbook: the command itself will say so
        return default

# Into the one catalogue (ptxl.i18n): codes "cli.…".
TEXTS = _register("cli", {"t": T})
