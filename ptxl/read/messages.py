"""Messages for file problems (the command cannot run, exit 2) and the words of the validate report.

Split from ``messages.py`` only to keep modules short; one message per problem,
each saying what to do, in French, Dutch and English.
"""

from __future__ import annotations

from ..i18n import register, render
from ..model.errors import PtxlError
from ..schema import LANGS

UNNAMED = "(workbook)"  # the name of bytes handed in without one (``read.named_source`` gives one)


class FileProblem(PtxlError):
    """A file-level problem; ``kind`` tells which (for tests and the JSON of the CLI), ``params`` fill its message.

    Messages name the file (its name, never its folder's contents) and never quote what is inside it.
    """

    def __init__(self, kind: str, name: str, lang: str = "fr", **params):
        self.kind, self.name, self.params = kind, name, params
        super().__init__(file_message(kind, name, lang, **params))

    def render(self, lang: str | None) -> str:
        """The message in ``lang``; None (the command line before any workbook is read): "French (English)"."""
        if lang is None:
            return f"{file_message(self.kind, self.name, 'fr', **self.params)} " \
                   f"({file_message(self.kind, self.name, 'en', **self.params)})"
        return file_message(self.kind, self.name, lang, **self.params)


FILE = {
    "not_found": ("Le fichier « {name} » est introuvable. Vérifiez le nom et le dossier.",
                  "Het bestand « {name} » werd niet gevonden. Controleer de naam en de map.",
                  "The file '{name}' was not found. Check the name and the folder."),
    "is_directory": ("« {name} » est un dossier, pas un classeur. Indiquez le fichier .xlsx.",
                     "« {name} » is een map, geen werkmap. Geef het .xlsx-bestand op.",
                     "'{name}' is a folder, not a workbook. Give the .xlsx file."),
    "locked": ("Le fichier « {name} » ne peut pas être lu (accès refusé ou verrouillé). Fermez-le dans "
               "Excel ou vérifiez vos droits, puis réessayez.",
               "Het bestand « {name} » kan niet gelezen worden (geen toegang of vergrendeld). Sluit het in "
               "Excel of controleer uw rechten en probeer opnieuw.",
               "The file '{name}' cannot be read (access denied or locked). Close it in Excel or check your "
               "rights, then try again."),
    "unreadable": ("Le fichier « {name} » n'a pas pu être lu (erreur du disque ou du réseau). Réessayez ou "
                   "copiez-le sur votre ordinateur.",
                   "Het bestand « {name} » kon niet gelezen worden (schijf- of netwerkfout). Probeer opnieuw "
                   "of kopieer het naar uw computer.",
                   "The file '{name}' could not be read (disk or network error). Try again or copy it to "
                   "your computer."),
    "empty": ("Le fichier « {name} » est vide (0 octet). Reprenez votre dernière copie de sauvegarde.",
              "Het bestand « {name} » is leeg (0 bytes). Neem uw laatste reservekopie.",
              "The file '{name}' is empty (0 bytes). Use your latest backup copy."),
    "zeroed": ("« {name} » est endommagé : son contenu a été remplacé par des zéros (enregistrement ou copie "
               "interrompu, coupure de courant, synchronisation). Il ne peut pas être réparé : reprenez votre "
               "dernière copie de sauvegarde (par exemple dans le dossier .ptxl-backups à côté du classeur).",
               "« {name} » is beschadigd: de inhoud werd vervangen door nullen (onderbroken opslaan of kopiëren, "
               "stroomonderbreking, synchronisatie). Het kan niet hersteld worden: neem uw laatste reservekopie "
               "(bijvoorbeeld in de map .ptxl-backups naast de werkmap).",
               "'{name}' is damaged: its content was replaced by zeros (interrupted save or copy, power cut, "
               "sync). It cannot be repaired: use your latest backup (for instance in the .ptxl-backups folder "
               "beside the workbook)."),
    "damaged": ("« {name} » est endommagé ou incomplet (copie interrompue ?) et ne peut pas être ouvert. "
                "Reprenez votre dernière copie de sauvegarde (par exemple dans le dossier .ptxl-backups à côté "
                "du classeur).",
                "« {name} » is beschadigd of onvolledig (onderbroken kopie?) en kan niet geopend worden. Neem uw "
                "laatste reservekopie (bijvoorbeeld in de map .ptxl-backups naast de werkmap).",
                "'{name}' is damaged or incomplete (interrupted copy?) and cannot be opened. Use your latest "
                "backup (for instance in the .ptxl-backups folder beside the workbook)."),
    "too_large": ("« {name} » occuperait {size} Mo une fois décompressé, au-delà de la limite de {limit} Mo "
                  "(bien plus qu'un classeur de 10 000 familles) : ptxl ne l'a pas ouvert, pour ne pas saturer "
                  "la mémoire. Le fichier est sans doute endommagé ou piégé (« bombe zip ») : ne l'ouvrez pas et "
                  "reprenez votre dernière copie de sauvegarde. S'il s'agit vraiment d'un classeur aussi grand, "
                  "relancez avec la variable d'environnement {env}={suggest}.",
                  "« {name} » zou uitgepakt {size} MB innemen, boven de limiet van {limit} MB (veel meer dan een "
                  "werkmap van 10.000 gezinnen): ptxl heeft het niet geopend, om het geheugen niet te verzadigen. "
                  "Het bestand is wellicht beschadigd of vervalst (« zipbom »): open het niet en neem uw laatste "
                  "reservekopie. Is het echt een zo grote werkmap, start dan opnieuw met de omgevingsvariabele "
                  "{env}={suggest}.",
                  "'{name}' would take {size} MB once unzipped, over the limit of {limit} MB (far more than a "
                  "workbook of 10,000 families): ptxl did not open it, so as not to exhaust the memory. The file "
                  "is probably damaged or forged (a 'zip bomb'): do not open it, use your latest backup. If it "
                  "really is a workbook that large, run again with the environment variable {env}={suggest}."),
    "part_too_large": ("« {name} » contient une partie ({part}) qui occuperait {size} Mo une fois décompressée, "
                       "au-delà de la limite de {limit} Mo par partie (bien plus qu'un classeur de 10 000 "
                       "familles) : ptxl ne l'a pas ouvert, pour ne pas saturer la mémoire. Le fichier est sans "
                       "doute endommagé ou piégé (« bombe zip ») : ne l'ouvrez pas et reprenez votre dernière "
                       "copie de sauvegarde. S'il s'agit vraiment d'un classeur aussi grand, relancez avec la "
                       "variable d'environnement {env}={suggest}.",
                       "« {name} » bevat een deel ({part}) dat uitgepakt {size} MB zou innemen, boven de limiet "
                       "van {limit} MB per deel (veel meer dan een werkmap van 10.000 gezinnen): ptxl heeft het "
                       "niet geopend, om het geheugen niet te verzadigen. Het bestand is wellicht beschadigd of "
                       "vervalst (« zipbom »): open het niet en neem uw laatste reservekopie. Is het echt een zo "
                       "grote werkmap, start dan opnieuw met de omgevingsvariabele {env}={suggest}.",
                       "'{name}' holds a part ({part}) that would take {size} MB once unzipped, over the limit of "
                       "{limit} MB a part (far more than a workbook of 10,000 families): ptxl did not open it, so "
                       "as not to exhaust the memory. The file is probably damaged or forged (a 'zip bomb'): do "
                       "not open it, use your latest backup. If it really is a workbook that large, run again "
                       "with the environment variable {env}={suggest}."),
    "too_compressed": ("« {name} » contient une partie ({part}) comprimée {ratio} fois ({size} Mo une fois "
                       "décompressée), au-delà de la limite de {limit} fois : un classeur ordinaire l'est moins de "
                       "20 fois. ptxl ne l'a pas ouvert : le fichier est sans doute piégé (« bombe zip »). Ne "
                       "l'ouvrez pas et reprenez votre dernière copie de sauvegarde. Si vous êtes sûr de ce "
                       "fichier, relancez avec la variable d'environnement {env}={ratio_suggest}.",
                       "« {name} » bevat een deel ({part}) dat {ratio} keer gecomprimeerd is (uitgepakt {size} "
                       "MB), boven de limiet van {limit} keer: een gewone werkmap haalt minder dan 20 keer. ptxl "
                       "heeft het niet geopend: het bestand is wellicht vervalst (« zipbom »). Open het niet en "
                       "neem uw laatste reservekopie. Bent u zeker van dit bestand, start dan opnieuw met de "
                       "omgevingsvariabele {env}={ratio_suggest}.",
                       "'{name}' holds a part ({part}) compressed {ratio} to 1 ({size} MB once unzipped), over "
                       "the limit of {limit} to 1: an ordinary workbook is compressed less than 20 to 1. ptxl "
                       "did not open it: the file is probably forged (a 'zip bomb'). Do not open it, use your "
                       "latest backup. If you trust this file, run again with the environment variable "
                       "{env}={ratio_suggest}."),
    "xls": ("« {name} » est un ancien classeur Excel 97-2003 (.xls). Ouvrez-le dans Excel et enregistrez-le "
            "sous « Classeur Excel (.xlsx) ».",
            "« {name} » is een oude Excel 97-2003-werkmap (.xls). Open ze in Excel en sla ze op als "
            "« Excel-werkmap (.xlsx) ».",
            "'{name}' is an old Excel 97-2003 workbook (.xls). Open it in Excel and save it as 'Excel "
            "Workbook (.xlsx)'."),
    "xls_renamed": ("« {name} » porte l'extension .xlsx mais c'est un ancien classeur .xls renommé. Ouvrez-le "
                    "dans Excel et enregistrez-le sous « Classeur Excel (.xlsx) » (renommer ne suffit pas).",
                    "« {name} » heeft de extensie .xlsx maar is een hernoemde oude .xls-werkmap. Open ze in "
                    "Excel en sla ze op als « Excel-werkmap (.xlsx) » (hernoemen volstaat niet).",
                    "'{name}' has the .xlsx extension but is an old .xls workbook that was renamed. Open it in "
                    "Excel and save it as 'Excel Workbook (.xlsx)' (renaming is not enough)."),
    "corrupt_zip": ("« {name} » est incomplet ou endommagé (copie interrompue ?). Reprenez votre dernière "
                    "copie de sauvegarde, ou ouvrez-le dans Excel qui proposera de le réparer.",
                    "« {name} » is onvolledig of beschadigd (onderbroken kopie?). Neem uw laatste "
                    "reservekopie, of open het in Excel, dat zal voorstellen het te herstellen.",
                    "'{name}' is incomplete or damaged (interrupted copy?). Use your latest backup, or open "
                    "it in Excel, which will offer to repair it."),
    "corrupt": ("« {name} » ressemble à un classeur Excel mais son contenu est illisible. Ouvrez-le dans "
                "Excel et réenregistrez-le, ou reprenez votre dernière copie de sauvegarde.",
                "« {name} » lijkt een Excel-werkmap maar de inhoud is onleesbaar. Open ze in Excel en sla ze "
                "opnieuw op, of neem uw laatste reservekopie.",
                "'{name}' looks like an Excel workbook but its content cannot be read. Open it in Excel and "
                "save it again, or use your latest backup."),
    "strict": ("« {name} » est enregistré au format « Feuille de calcul Open XML Strict », qui n'est pas pris "
               "en charge. Dans Excel : Fichier > Enregistrer sous > « Classeur Excel (.xlsx) ».",
               "« {name} » is opgeslagen als « Strict Open XML-spreadsheet », dat niet ondersteund wordt. In "
               "Excel: Bestand > Opslaan als > « Excel-werkmap (.xlsx) ».",
               "'{name}' is saved as 'Strict Open XML Spreadsheet', which is not supported. In Excel: File > "
               "Save As > 'Excel Workbook (.xlsx)'."),
    "xlsb": ("« {name} » est un classeur binaire (.xlsb). Dans Excel : Fichier > Enregistrer sous > "
             "« Classeur Excel (.xlsx) ».",
             "« {name} » is een binaire werkmap (.xlsb). In Excel: Bestand > Opslaan als > « Excel-werkmap "
             "(.xlsx) ».",
             "'{name}' is a binary workbook (.xlsb). In Excel: File > Save As > 'Excel Workbook (.xlsx)'."),
    "not_workbook": ("« {name} » n'est pas un classeur Excel (peut-être un document Word ou une archive). "
                     "Indiquez le classeur Plan Together (.xlsx).",
                     "« {name} » is geen Excel-werkmap (misschien een Word-document of archief). Geef de Plan "
                     "Together-werkmap (.xlsx) op.",
                     "'{name}' is not an Excel workbook (perhaps a Word document or an archive). Give the Plan "
                     "Together workbook (.xlsx)."),
    "csv": ("« {name} » est un fichier texte CSV, pas un classeur : il n'a ni feuilles ni listes. Recopiez "
            "les données dans le classeur Plan Together (.xlsx).",
            "« {name} » is een CSV-tekstbestand, geen werkmap: het heeft geen bladen of lijsten. Kopieer de "
            "gegevens naar de Plan Together-werkmap (.xlsx).",
            "'{name}' is a CSV text file, not a workbook: it has no sheets or lists. Copy the data into the "
            "Plan Together workbook (.xlsx)."),
    "text": ("« {name} » est un fichier texte, pas un classeur Excel. Indiquez le classeur Plan Together "
             "(.xlsx).",
             "« {name} » is een tekstbestand, geen Excel-werkmap. Geef de Plan Together-werkmap (.xlsx) op.",
             "'{name}' is a text file, not an Excel workbook. Give the Plan Together workbook (.xlsx)."),
    "html_or_xml": ("« {name} » est une page web ou un fichier XML enregistré avec une extension Excel. "
                    "Ouvrez-le dans Excel et enregistrez-le sous « Classeur Excel (.xlsx) ».",
                    "« {name} » is een webpagina of XML-bestand met een Excel-extensie. Open het in Excel en "
                    "sla het op als « Excel-werkmap (.xlsx) ».",
                    "'{name}' is a web page or XML file saved with an Excel extension. Open it in Excel and "
                    "save it as 'Excel Workbook (.xlsx)'."),
}

# Words of the ``ptxl validate`` report.
UI = {
    "cell": ("Cellule", "Cel", "Cell"),
    "case": ("Dossier", "Dossier", "Case"),
    "severity": ("Gravité", "Ernst", "Severity"),
    "message": ("Que faire", "Wat te doen", "What to do"),
    "error": ("erreur", "fout", "error"),
    "warning": ("avertissement", "waarschuwing", "warning"),
    "info": ("info", "info", "info"),
    "clean": ("Aucun problème trouvé dans « {name} ».", "Geen problemen gevonden in « {name} ».",
              "No problems found in '{name}'."),
    "summary": ("« {name} » : {errors} erreur{errors:|s}, {warnings} avertissement{warnings:|s}, "
                "{infos} information{infos:|s}.",
                "« {name} »: {errors} fout{errors:|en}, {warnings} waarschuwing{warnings:|en}, "
                "{infos} melding{infos:|en} ter informatie.",
                "'{name}': {errors} error{errors:|s}, {warnings} warning{warnings:|s}, "
                "{infos} note{infos:|s} for information."),
    "workbook": ("Classeur", "Werkmap", "Workbook"),
}




FILE_TEXTS = register("file", FILE)  # in the one catalogue (ptxl.i18n): file.not_found, file.damaged, ...


def file_message(kind: str, name: str, lang: str = "fr", **params) -> str:
    """A file problem in ``lang``; a whole number given as such is written the language's way (2 048 Mo)."""
    return render(f"file.{kind}", lang if lang in LANGS else "fr", numbers=True, name=name, **params)
