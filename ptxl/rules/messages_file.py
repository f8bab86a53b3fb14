"""Messages for file problems (the command cannot run, exit 2) and the words of the validate report.

Split from ``messages.py`` only to keep modules short; one message per problem,
each saying what to do, in French, Dutch and English.
"""

from __future__ import annotations

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
    "encrypted": ("« {name} » est protégé par un mot de passe (chiffré) et ne peut pas encore être lu. Dans "
                  "Excel : Fichier > Informations > Protéger le classeur > Chiffrer avec mot de passe, videz le "
                  "mot de passe sur une copie, puis réessayez.",
                  "« {name} » is beveiligd met een wachtwoord (versleuteld) en kan nog niet gelezen worden. In "
                  "Excel: Bestand > Info > Werkmap beveiligen > Versleutelen met wachtwoord, wis het "
                  "wachtwoord op een kopie en probeer opnieuw.",
                  "'{name}' is password-protected (encrypted) and cannot be read yet. In Excel: File > Info > "
                  "Protect Workbook > Encrypt with Password, clear the password on a copy, then try again."),
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
