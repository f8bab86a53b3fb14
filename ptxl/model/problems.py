"""File and command problems that are raised where no workbook language is known, worded from the catalogue.

``Problem(code, **fields)`` is a ``PtxlError`` that keeps its code and fields: its
text is "French (English)" (what the command line says before a workbook is read),
and ``render(lang)`` words it in one language once the caller knows which
(``ptxl.guard.explain`` does, with the run's language). Fields never hold what is
inside a file, only file names, paths and counts.
"""

from __future__ import annotations

from .errors import PtxlError
from ..i18n import register, render

PROBLEMS = register("problems", {
    "not_found": ("« {name} » est introuvable.", "« {name} » werd niet gevonden.",
                  "'{name}' was not found."),
    "read_only": ("« {name} » est en lecture seule : ptxl ne peut pas l'actualiser. Retirez la protection en "
                  "écriture, ou copiez-le ailleurs.",
                  "« {name} » is alleen-lezen: ptxl kan het niet bijwerken. Verwijder de schrijfbeveiliging, of "
                  "kopieer het naar een andere plaats.",
                  "'{name}' is read-only: ptxl cannot refresh it. Remove the read-only flag, or copy it "
                  "elsewhere."),
    "changed_meanwhile": ("« {name} » a été modifié pendant l'actualisation (enregistré depuis Excel ?). Rien n'a "
                          "été écrit : relancez l'actualisation.",
                          "« {name} » werd gewijzigd tijdens het bijwerken (opgeslagen vanuit Excel?). Er werd "
                          "niets geschreven: start het bijwerken opnieuw.",
                          "'{name}' changed while it was being refreshed (saved from Excel?). Nothing was written: "
                          "refresh again."),
    "sheet_missing": ("La feuille « {name} » est introuvable (renommée ou supprimée ?) : rendez-lui son nom, puis "
                      "actualisez.",
                      "Het blad « {name} » ontbreekt (hernoemd of verwijderd?): geef het zijn naam terug en werk "
                      "opnieuw bij.",
                      "The sheet '{name}' is missing or was renamed: give it back its name and refresh again."),
    "report_template_missing": ("Le modèle du rapport {path} est introuvable. Réinstallez ptxl ou restaurez le "
                                "fichier.",
                                "Het sjabloon van het rapport {path} ontbreekt. Installeer ptxl opnieuw of zet het "
                                "bestand terug.",
                                "The report template {path} is missing. Reinstall ptxl or restore the file."),
    "key_damaged": ("Le fichier de clé « {path} » est abîmé ; ne le remplacez pas sans garder l'ancien : les "
                    "pseudonymes déjà transmis en dépendent.",
                    "Het sleutelbestand « {path} » is beschadigd; vervang het niet zonder het oude te bewaren: de "
                    "al verstuurde pseudoniemen hangen ervan af.",
                    "The key file {path} is damaged; do not replace it without keeping the old one: the "
                    "pseudonyms already sent depend on it."),
    "no_such_file": ("{path} : fichier introuvable. Vérifiez le nom et le dossier.",
                     "{path}: bestand niet gevonden. Controleer de naam en de map.",
                     "{path}: no such file. Check the name and the folder."),
    "export_beside_workbook": ("Choisissez un dossier d'export distinct du dossier du classeur (et qui ne le "
                               "contient pas) : la clé et la table de correspondance y restent et ne doivent pas "
                               "partir avec l'export. Rien n'a été écrit.",
                               "Kies een exportmap buiten de map van de werkmap (en die haar niet bevat): de sleutel "
                               "en de koppeltabel blijven daar en mogen niet met de export mee. Er werd niets "
                               "geschreven.",
                               "Choose an export folder outside the workbook's folder: its key and mapping stay "
                               "there and must not leave with the export. Nothing was written."),
    "no_pilot": ("ptxl network a besoin d'au moins un classeur pilote.",
                 "ptxl network heeft minstens één pilootwerkmap nodig.",
                 "ptxl network needs at least one pilot workbook."),
    "same_workbook": ("{path} et {other} sont le même classeur : chaque projet pilote est donné une seule fois, "
                      "sinon ses dossiers seraient comptés deux fois. Rien n'a été écrit.",
                      "{path} en {other} zijn dezelfde werkmap: elk pilootproject wordt één keer opgegeven, anders "
                      "worden de dossiers twee keer geteld. Er werd niets geschreven.",
                      "{path} and {other} are the same workbook: each pilot is given once, or its cases would be "
                      "counted twice. Nothing was written."),
})


class Problem(PtxlError):
    """A ``PtxlError`` worded from the catalogue: "French (English)" until ``render(lang)`` picks one language."""

    def __init__(self, code, **fields):
        self.code, self.fields = code, fields
        super().__init__(self.render(None))

    def render(self, lang: str | None) -> str:
        if lang is None:
            return f"{render(self.code, 'fr', **self.fields)} ({render(self.code, 'en', **self.fields)})"
        return render(self.code, lang, **self.fields)
