"""What the command line says once a workbook is known, in that workbook's language (CLI.md "Messages").

Counts go through ``ptxl.plural.counted`` ("{n} erreur{n:|s}"). Messages printed
before any workbook is read (a usage mistake, an --as-of that is not a date)
stay in English, like the usage text itself.
"""

from __future__ import annotations

from .i18n import register as _register

from .forms.scales import L
from .plural import counted

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
                        "naissance{text} laissés de côté).",
                        "{n} bestand{n:|en} geschreven in {out} ({rows} rij{rows:|en}; namen, geboortedata"
                        "{text} weggelaten).",
                        "Wrote {n} file{n:|s} into {out} ({rows} row{rows:|s}; names, birth dates{text} left out)."),
    "and_free_text": L(" et texte libre", " en vrije tekst", " and free text"),
    "pseudonyms": L("Table des pseudonymes gardée à côté du classeur : {name} (ne l'envoyez pas).",
                    "Tabel met de pseudoniemen bewaard naast de werkmap: {name} (niet versturen).",
                    "Pseudonym table kept beside the workbook: {name} (do not send it)."),
    "export_errors": L("Le classeur contient {n} erreur{n:|s} : les cellules illisibles sont exportées vides. "
                       "Lancez « ptxl validate {path} » pour voir où.",
                       "De werkmap bevat {n} fout{n:|en}: onleesbare cellen worden leeg geëxporteerd. "
                       "Voer « ptxl validate {path} » uit om te zien waar.",
                       "The workbook has {n} error{n:|s}: cells that could not be read are exported empty. "
                       "Run 'ptxl validate {path}' to see where."),
}


def say(key: str, lang: str, **values) -> str:
    """One message of ``T`` in ``lang`` (English for an unknown language)."""
    entry = T[key]
    lang = lang if lang in entry else "en"
    return counted(entry[lang], lang, **values)


def workbook_lang(path, default: str = "en") -> str:
    """The language of a workbook from its sheet names alone (cheap: no sheet is read)."""
    try:
        import python_calamine as pc

        from .read import detect_lang
        return detect_lang(list(pc.CalamineWorkbook.from_path(str(path)).sheet_names))
    except Exception:  # encrypted, missing or not a workbook: the command itself will say so
        return default

# Into the one catalogue (ptxl.i18n): codes "cli.…".
TEXTS = _register("cli", {"t": T})
