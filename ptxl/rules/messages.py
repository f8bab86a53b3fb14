"""The message catalogue: every finding and file problem, in French, Dutch and English.

Why one catalogue: staff read these in the workbook's language, and each message
must say what to do. Messages never repeat what was typed (it may be a name or a
birth date): the finding's cell, case id and ``value`` field point to it.
Placeholders: {header} column header, {expected} the right label/header,
{choices} allowed labels, {ref} reference date, {other} another column's header,
{sheet}/{other_sheet} sheet names, {n} a count, {columns} column letters, {case_id}.
"""

from __future__ import annotations

from ..i18n import register, render, texts  # noqa: F401
from ..pilot import for_current_unit
from ..read.messages import FILE, UI  # noqa: F401  (file problems and report words, same three languages)

# code → (severity, fr, nl, en)
CATALOGUE = {
    # ---- structure
    "sheet.missing": ("error",
        "La feuille « {expected} » est introuvable. Ne supprimez pas et ne renommez pas les feuilles : "
        "recopiez-la depuis un classeur vierge (ptxl new).",
        "Het blad « {expected} » ontbreekt. Verwijder of hernoem geen bladen: kopieer het uit een lege "
        "werkmap (ptxl new).",
        "The sheet '{expected}' is missing. Do not delete or rename sheets: copy it from a blank workbook "
        "(ptxl new)."),
    "sheet.renamed": ("warning",
        "Cette feuille a été reconnue comme « {expected} ». Renommez-la « {expected} ».",
        "Dit blad werd herkend als « {expected} ». Hernoem het tot « {expected} ».",
        "This sheet was recognised as '{expected}'. Rename it '{expected}'."),
    "column.missing": ("error",
        "La colonne « {expected} » est introuvable. Ajoutez une colonne avec exactement cet en-tête dans la "
        "ligne des en-têtes.",
        "De kolom « {expected} » ontbreekt. Voeg een kolom toe met precies deze kop in de koprij.",
        "The column '{expected}' is missing. Add a column with exactly this header in the header row."),
    "column.renamed": ("error",
        "L'en-tête de cette colonne a été modifié : il doit être « {expected} ». Retapez l'en-tête exactement.",
        "De kop van deze kolom werd gewijzigd: hij moet « {expected} » zijn. Typ de kop opnieuw, exact.",
        "This column's header was changed: it must be '{expected}'. Retype the header exactly."),
    "column.duplicate": ("warning",
        "Deux colonnes portent l'en-tête « {expected} » : seule la colonne {other} est lue. Supprimez ou "
        "renommez celle-ci.",
        "Twee kolommen hebben de kop « {expected} »: alleen kolom {other} wordt gelezen. Verwijder of hernoem "
        "deze.",
        "Two columns have the header '{expected}': only column {other} is read. Delete or rename this one."),
    "header.moved": ("warning",
        "Les en-têtes ne sont pas sur la ligne 1 mais sur la ligne {n}. Supprimez les lignes au-dessus du "
        "tableau.",
        "De koppen staan niet op rij 1 maar op rij {n}. Verwijder de rijen boven de tabel.",
        "The headers are not on row 1 but on row {n}. Delete the rows above the table."),
    "cell.merged": ("error",
        "Des cellules fusionnées ({range}) traversent le tableau : chaque entrée doit avoir sa propre cellule. "
        "Annulez la fusion et retapez la valeur dans chaque cellule.",
        "Samengevoegde cellen ({range}) lopen door de tabel: elke invoer heeft een eigen cel nodig. Maak het "
        "samenvoegen ongedaan en typ de waarde in elke cel.",
        "Merged cells ({range}) cross the table: each entry needs its own cell. Unmerge them and type the "
        "value in each cell."),
    "cell.formula": ("error",
        "« {header} » : la cellule contient une formule, une valeur tapée est attendue. Copiez la cellule puis "
        "collez « Valeurs uniquement ».",
        "« {header} »: de cel bevat een formule, een getypte waarde wordt verwacht. Kopieer de cel en plak "
        "« Alleen waarden ».",
        "'{header}': the cell holds a formula where a typed value is expected. Copy the cell and paste "
        "'Values only'."),
    "cell.error": ("error",
        "« {header} » : la cellule affiche une erreur Excel (#N/A, #REF!…). Retapez la valeur.",
        "« {header} »: de cel toont een Excel-fout (#N/B, #VERW!…). Typ de waarde opnieuw.",
        "'{header}': the cell shows an Excel error (#N/A, #REF!…). Retype the value."),
    # ---- reading one cell
    "choice.normalised": ("warning",
        "« {header} » : lu comme « {expected} » (majuscules, espaces ou accents différents). Choisissez "
        "« {expected} » dans la liste déroulante.",
        "« {header} »: gelezen als « {expected} » (hoofdletters, spaties of accenten verschillen). Kies "
        "« {expected} » in de keuzelijst.",
        "'{header}': read as '{expected}' (different case, spaces or accents). Pick '{expected}' from the "
        "drop-down list."),
    "choice.synonym": ("warning",
        "« {header} » : mot accepté, lu comme « {expected} ». Choisissez « {expected} » dans la liste déroulante.",
        "« {header} »: aanvaard woord, gelezen als « {expected} ». Kies « {expected} » in de keuzelijst.",
        "'{header}': accepted wording, read as '{expected}'. Pick '{expected}' from the drop-down list."),
    "choice.other_language": ("warning",
        "« {header} » : réponse dans une autre langue, lue comme « {expected} ». Choisissez « {expected} » "
        "dans la liste déroulante.",
        "« {header} »: antwoord in een andere taal, gelezen als « {expected} ». Kies « {expected} » in de "
        "keuzelijst.",
        "'{header}': answer in another language, read as '{expected}'. Pick '{expected}' from the drop-down "
        "list."),
    "choice.bool": ("warning",
        "« {header} » : VRAI/FAUX lu comme « {expected} ». Choisissez « {expected} » dans la liste déroulante.",
        "« {header} »: WAAR/ONWAAR gelezen als « {expected} ». Kies « {expected} » in de keuzelijst.",
        "'{header}': TRUE/FALSE read as '{expected}'. Pick '{expected}' from the drop-down list."),
    "choice.unknown": ("error",
        "« {header} » : cette réponse n'est pas dans la liste. Choisissez une réponse de la liste déroulante "
        "({choices}).",
        "« {header} »: dit antwoord staat niet in de lijst. Kies een antwoord uit de keuzelijst ({choices}).",
        "'{header}': this answer is not in the list. Pick an answer from the drop-down list ({choices})."),
    "date.text_dmy": ("warning",
        "« {header} » : date tapée comme texte, lue jour/mois/année. Vérifiez-la et retapez-la comme une date "
        "(jj/mm/aaaa).",
        "« {header} »: datum als tekst getypt, gelezen als dag/maand/jaar. Controleer en typ ze opnieuw als "
        "datum (dd/mm/jjjj).",
        "'{header}': date typed as text, read as day/month/year. Check it and retype it as a date "
        "(dd/mm/yyyy)."),
    "date.text_iso": ("warning",
        "« {header} » : date tapée comme texte année-mois-jour. Retapez-la comme une date (jj/mm/aaaa).",
        "« {header} »: datum als tekst jaar-maand-dag getypt. Typ ze opnieuw als datum (dd/mm/jjjj).",
        "'{header}': date typed as year-month-day text. Retype it as a date (dd/mm/yyyy)."),
    "date.serial": ("warning",
        "« {header} » : un nombre a été lu comme une date. Mettez la cellule au format date et vérifiez-la.",
        "« {header} »: een getal werd als datum gelezen. Geef de cel de datumopmaak en controleer ze.",
        "'{header}': a number was read as a date. Format the cell as a date and check it."),
    "date.invalid": ("error",
        "« {header} » : ce n'est pas une date lisible. Tapez une date jj/mm/aaaa{or_year}.",
        "« {header} »: dit is geen leesbare datum. Typ een datum dd/mm/jjjj{or_year}.",
        "'{header}': this is not a readable date. Type a date dd/mm/yyyy{or_year}."),
    "date.two_digit_year": ("error",
        "« {header} » : l'année n'a que deux chiffres. Tapez l'année en entier (jj/mm/aaaa).",
        "« {header} »: het jaar heeft maar twee cijfers. Typ het volledige jaar (dd/mm/jjjj).",
        "'{header}': the year has only two digits. Type the full year (dd/mm/yyyy)."),
    "number.text": ("warning",
        "« {header} » : nombre tapé comme texte. Retapez-le comme un nombre.",
        "« {header} »: getal als tekst getypt. Typ het opnieuw als getal.",
        "'{header}': number typed as text. Retype it as a number."),
    "number.invalid": ("error",
        "« {header} » : un nombre est attendu. Tapez un nombre{hint}.",
        "« {header} »: een getal wordt verwacht. Typ een getal{hint}.",
        "'{header}': a number is expected. Type a number{hint}."),
    "number.not_integer": ("error",
        "« {header} » : un nombre entier est attendu{hint}. Arrondissez la valeur.",
        "« {header} »: een geheel getal wordt verwacht{hint}. Rond de waarde af.",
        "'{header}': a whole number is expected{hint}. Round the value."),
    "number.negative": ("error",
        "« {header} » : le nombre ne peut pas être négatif. Corrigez-le.",
        "« {header} »: het getal kan niet negatief zijn. Verbeter het.",
        "'{header}': the number cannot be negative. Correct it."),
    "score.range": ("error",
        "« {header} » : le score doit être un nombre entier de {min} à {max}. Corrigez-le.",
        "« {header} »: de score moet een geheel getal van {min} tot {max} zijn. Verbeter hem.",
        "'{header}': the score must be a whole number from {min} to {max}. Correct it."),
    "case_ref.spelling": ("warning",
        "« {header} » : lu comme le dossier {case_id} (majuscules ou espaces différents). Retapez {case_id} "
        "exactement comme dans la feuille {other_sheet}.",
        "« {header} »: gelezen als dossier {case_id} (hoofdletters of spaties verschillen). Typ {case_id} "
        "exact zoals in het blad {other_sheet}.",
        "'{header}': read as case {case_id} (different case or spaces). Type {case_id} exactly as in the "
        "{other_sheet} sheet."),
    "text.spaces": ("warning",
        "« {header} » : espaces en trop au début ou à la fin, lu comme {case_id}. Supprimez ces espaces.",
        "« {header} »: overbodige spaties vooraan of achteraan, gelezen als {case_id}. Verwijder die spaties.",
        "'{header}': extra spaces at the start or end, read as {case_id}. Remove those spaces."),
    "text.too_long": ("error",
        "« {header} » : le texte dépasse la limite d'Excel de {limit:n} caractères. Raccourcissez-le ou mettez "
        "la suite dans un document séparé.",
        "« {header} »: de tekst overschrijdt de Excel-limiet van {limit:n} tekens. Kort hem in of zet de rest in "
        "een apart document.",
        "'{header}': the text exceeds Excel's limit of {limit:n} characters. Shorten it or put the rest in a "
        "separate document."),
    "text.control": ("warning",
        "« {header} » : le texte contient des caractères invisibles (souvent venus d'un copier-coller). "
        "Retapez ou nettoyez le texte (fonction EPURAGE).",
        "« {header} »: de tekst bevat onzichtbare tekens (vaak door kopiëren-plakken). Typ of reinig de tekst "
        "(functie WISSEN.CONTROL).",
        "'{header}': the text holds invisible characters (often from copy-paste). Retype or clean the text "
        "(CLEAN function)."),
    # ---- rules on the typed data
    "required.missing": ("error",
        "« {header} » est obligatoire. Remplissez cette cellule.",
        "« {header} » is verplicht. Vul deze cel in.",
        "'{header}' is required. Fill in this cell."),
    "date.future": ("error",
        "« {header} » : la date est postérieure à la date de référence ({ref}). Corrigez la date, ou la date "
        "de référence dans la feuille {other_sheet}.",
        "« {header} »: de datum ligt na de referentiedatum ({ref}). Verbeter de datum, of de referentiedatum "
        "in het blad {other_sheet}.",
        "'{header}': the date is after the reference date ({ref}). Correct the date, or the reference date "
        "in the {other_sheet} sheet."),
    "date.too_old": ("error",
        "« {header} » : la date est invraisemblable (avant {n}). Vérifiez l'année.",
        "« {header} »: de datum is onwaarschijnlijk (vóór {n}). Controleer het jaar.",
        "'{header}': the date is implausible (before {n}). Check the year."),
    "date.undated": ("warning",
        "« {header} » est vide : la ligne ne peut pas être placée avant ou après la date de référence, elle "
        "n'est comptée ni dans les statistiques, ni dans les documents, ni dans les alertes. Tapez la date.",
        "« {header} » is leeg: de rij kan niet vóór of na de referentiedatum geplaatst worden en telt niet mee "
        "in de statistieken, de documenten of de waarschuwingen. Typ de datum.",
        "'{header}' is blank: the row cannot be placed before or after the reference date, so it is left out "
        "of the statistics, the documents and the alerts. Type the date."),
    "date.order": ("error",
        "« {header} » est avant « {other} » du même dossier. Corrigez l'une des deux dates.",
        "« {header} » ligt vóór « {other} » van hetzelfde dossier. Verbeter een van beide datums.",
        "'{header}' is before '{other}' of the same case. Correct one of the two dates."),
    "date.before_referral": ("warning",
        "« {header} » est avant la date de demande du dossier {case_id} (feuille {other_sheet}). Vérifiez la "
        "date ou le numéro de dossier.",
        "« {header} » ligt vóór de aanmeldingsdatum van dossier {case_id} (blad {other_sheet}). Controleer de "
        "datum of het dossiernummer.",
        "'{header}' is before the referral date of case {case_id} ({other_sheet} sheet). Check the date or "
        "the case number."),
    "date.before_admission": ("warning",
        "« {header} » est avant la date d'admission du dossier {case_id} (feuille {other_sheet}). Vérifiez la "
        "date ou la date d'admission.",
        "« {header} » ligt vóór de toelatingsdatum van dossier {case_id} (blad {other_sheet}). Controleer de "
        "datum of de toelatingsdatum.",
        "'{header}' is before the admission date of case {case_id} ({other_sheet} sheet). Check the date or "
        "the admission date."),
    "date.after_closure": ("warning",
        "« {header} » est après la date de clôture du dossier {case_id} (feuille {other_sheet}). Vérifiez la "
        "date, ou rouvrez le dossier.",
        "« {header} » ligt na de afsluitingsdatum van dossier {case_id} (blad {other_sheet}). Controleer de "
        "datum, of heropen het dossier.",
        "'{header}' is after the closure date of case {case_id} ({other_sheet} sheet). Check the date, or "
        "reopen the case."),
    "unique.case_id": ("error",
        "Le numéro de dossier {case_id} apparaît plusieurs fois (aussi ligne {n}). Donnez un numéro unique à "
        "chaque famille.",
        "Dossiernummer {case_id} komt meermaals voor (ook rij {n}). Geef elk gezin een uniek nummer.",
        "Case number {case_id} appears more than once (also row {n}). Give each family a unique number."),
    "unique.member_id": ("error",
        "Ce numéro de personne apparaît plusieurs fois (aussi ligne {n}). Donnez un numéro unique à chaque "
        "personne.",
        "Dit persoonsnummer komt meermaals voor (ook rij {n}). Geef elke persoon een uniek nummer.",
        "This person number appears more than once (also row {n}). Give each person a unique number."),
    "unique.dated": ("error",
        "Le dossier {case_id} a déjà une ligne à cette date (ligne {n}). Fusionnez les deux lignes ou "
        "corrigez la date.",
        "Dossier {case_id} heeft al een rij op deze datum (rij {n}). Voeg beide rijen samen of verbeter de "
        "datum.",
        "Case {case_id} already has a row on this date (row {n}). Merge the two rows or correct the date."),
    "unique.case_study": ("warning",
        "Le dossier {case_id} a déjà un modèle de cas (ligne {n}) : seul le plus récent est utilisé. "
        "Regroupez-les en une ligne.",
        "Dossier {case_id} heeft al een casusmodel (rij {n}): alleen het recentste wordt gebruikt. Voeg ze "
        "samen in één rij.",
        "Case {case_id} already has a case template (row {n}): only the latest is used. Merge them into one "
        "row."),
    "duplicate.row": ("warning",
        "Cette ligne semble être un doublon de la ligne {n} (même dossier, date et type). Supprimez-la si "
        "c'est une double saisie.",
        "Deze rij lijkt een dubbel van rij {n} (zelfde dossier, datum en soort). Verwijder ze als ze dubbel "
        "werd ingevoerd.",
        "This row looks like a duplicate of row {n} (same case, date and type). Delete it if it was entered "
        "twice."),
    "case_ref.unknown": ("error",
        "Le dossier {case_id} n'existe pas dans la feuille {other_sheet}. Corrigez le numéro ou ajoutez la "
        "famille.",
        "Dossier {case_id} bestaat niet in het blad {other_sheet}. Verbeter het nummer of voeg het gezin toe.",
        "Case {case_id} does not exist in the {other_sheet} sheet. Correct the number or add the family."),
    "admission.criterion": ("warning",
        "Famille admise mais le critère « {header} » n'est pas « {expected} ». Vérifiez le critère ou "
        "l'admission.",
        "Gezin toegelaten maar het criterium « {header} » is niet « {expected} ». Controleer het criterium of "
        "de toelating.",
        "Family admitted but the criterion '{header}' is not '{expected}'. Check the criterion or the "
        "admission."),
    "admission.no_date": ("warning",
        "Statut « {expected} » sans date d'admission : la famille n'est pas comptée comme admise. Tapez la "
        "date d'admission.",
        "Status « {expected} » zonder toelatingsdatum: het gezin telt niet als toegelaten. Typ de "
        "toelatingsdatum.",
        "Status '{expected}' without an admission date: the family is not counted as admitted. Type the "
        "admission date."),
    "admission.date_not_admitted": ("warning",
        "Date d'admission remplie mais le statut est « {expected} » : la famille n'est pas comptée comme "
        "admise. Corrigez le statut ou videz la date.",
        "Toelatingsdatum ingevuld maar de status is « {expected} »: het gezin telt niet als toegelaten. "
        "Verbeter de status of wis de datum.",
        "Admission date filled in but the status is '{expected}': the family is not counted as admitted. "
        "Correct the status or clear the date."),
    "criterion.children_none": ("warning",
        "« {header} » est « {expected} » mais aucun membre de moins de 18 ans n'est inscrit (feuille "
        "{other_sheet}). Vérifiez les dates de naissance ou le critère.",
        "« {header} » is « {expected} » maar er staat geen gezinslid jonger dan 18 in het blad {other_sheet}. "
        "Controleer de geboortedatums of het criterium.",
        "'{header}' is '{expected}' but no member under 18 is listed ({other_sheet} sheet). Check the birth "
        "dates or the criterion."),
    "criterion.children_some": ("warning",
        "« {header} » est « {expected} » mais un membre a moins de 18 ans (feuille {other_sheet}). Vérifiez "
        "le critère ou les dates de naissance.",
        "« {header} » is « {expected} » maar een gezinslid is jonger dan 18 (blad {other_sheet}). Controleer "
        "het criterium of de geboortedatums.",
        "'{header}' is '{expected}' but a member is under 18 ({other_sheet} sheet). Check the criterion or "
        "the birth dates."),
    "member.child_adult": ("info",
        "Rôle « {expected} » mais la personne a 18 ans ou plus : elle est comptée parmi les enfants de 18 ans "
        "et plus. Rien à faire si c'est correct.",
        "Rol « {expected} » maar de persoon is 18 of ouder: ze telt bij de kinderen van 18+. Niets te doen als "
        "dat klopt.",
        "Role '{expected}' but the person is 18 or older: counted among children aged 18+. Nothing to do if "
        "that is right."),
    "member.parent_young": ("warning",
        "Rôle « {expected} » mais la personne a moins de {n} ans. Vérifiez le rôle ou la date de naissance.",
        "Rol « {expected} » maar de persoon is jonger dan {n}. Controleer de rol of de geboortedatum.",
        "Role '{expected}' but the person is under {n}. Check the role or the birth date."),
    "family.no_members": ("warning",
        "La famille {case_id} est admise mais n'a aucun membre dans la feuille {other_sheet}. Ajoutez ses "
        "membres.",
        "Gezin {case_id} is toegelaten maar heeft geen leden in het blad {other_sheet}. Voeg de leden toe.",
        "Family {case_id} is admitted but has no members in the {other_sheet} sheet. Add its members."),
    "status.closed_no_date": ("error",
        "Statut « {expected} » (dossier clos) sans date de clôture. Tapez la date de clôture.",
        "Status « {expected} » (dossier afgesloten) zonder afsluitingsdatum. Typ de afsluitingsdatum.",
        "Status '{expected}' (case closed) without a closure date. Type the closure date."),
    "status.open_with_date": ("error",
        "Date de clôture remplie mais le statut « {expected} » est celui d'un dossier ouvert. Corrigez le "
        "statut ou videz la date.",
        "Afsluitingsdatum ingevuld maar status « {expected} » hoort bij een open dossier. Verbeter de status "
        "of wis de datum.",
        "Closure date filled in but the status '{expected}' is that of an open case. Correct the status or "
        "clear the date."),
    "summary.missing": ("warning",
        "La famille {case_id} est admise mais n'a pas de fiche de synthèse datée au plus tard le {ref} "
        "(feuille {other_sheet}) : elle n'est pas comptée dans les tableaux d'impact. Remplissez sa fiche.",
        "Gezin {case_id} is toegelaten maar heeft geen cliëntfiche gedateerd tot {ref} (blad {other_sheet}): "
        "het gezin telt niet mee in de impacttabellen. Vul de fiche in.",
        "Family {case_id} is admitted but has no client summary dated on or before {ref} ({other_sheet} "
        "sheet): the family is not counted in the impact tables. Fill in its summary."),
    "summary.not_admitted": ("warning",
        "Fiche de synthèse d'une famille non admise : elle n'est pas comptée dans les tableaux d'impact. "
        "Vérifiez le dossier, ou la date d'admission et le statut de la famille.",
        "Cliëntfiche van een niet-toegelaten gezin: ze telt niet mee in de impacttabellen. Controleer het "
        "dossier, of de toelatingsdatum en status van het gezin.",
        "Client summary of a family that is not admitted: it is not counted in the impact tables. Check the "
        "case, or the family's admission date and status."),
    "summary.empty": ("warning",
        "Fiche de synthèse sans aucune réponse d'impact. Remplissez les questions ou supprimez la ligne.",
        "Cliëntfiche zonder enig impactantwoord. Vul de vragen in of verwijder de rij.",
        "Client summary without any impact answer. Fill in the questions or delete the row."),
    "summary.not_asked": ("warning",
        "« {header} » est une question que le projet ne pose pas (paramètre des questions non posées) : cette "
        "réponse n'est pas comptée. Videz la cellule ou retirez la question du paramètre.",
        "« {header} » is een vraag die het project niet stelt (instelling niet gestelde vragen): dit antwoord "
        "wordt niet meegeteld. Maak de cel leeg of haal de vraag uit de instelling.",
        "'{header}' is a question the project does not ask (setting of questions not asked): this answer is "
        "not counted. Clear the cell or remove the question from the setting."),
    "baseline.why_missing": ("warning",
        "{n} score{n:|s} sans « pourquoi ? » (colonne{n:|s} {columns}). Expliquez chaque score en une phrase.",
        "{n} score{n:|s} zonder « waarom? » (kolom{n:|men} {columns}). Licht elke score toe in één zin.",
        "{n} score{n:|s} without a 'why?' (column{n:|s} {columns}). Explain each score in one sentence."),
    "baseline.followup_first": ("warning",
        "Ce suivi est daté avant la situation de base du dossier {case_id} (ligne {n}). Vérifiez la date ou "
        "le type.",
        "Deze opvolging is gedateerd vóór de beginsituatie van dossier {case_id} (rij {n}). Controleer de "
        "datum of het type.",
        "This follow-up is dated before case {case_id}'s baseline (row {n}). Check the date or the type."),
    "baseline.none": ("warning",
        "Suivi sans situation de base pour le dossier {case_id}. Indiquez « {expected} » pour la première "
        "évaluation.",
        "Opvolging zonder beginsituatie voor dossier {case_id}. Kies « {expected} » voor de eerste "
        "beoordeling.",
        "Follow-up without a baseline for case {case_id}. Choose '{expected}' for the first assessment."),
    "baseline.twice": ("warning",
        "Le dossier {case_id} a déjà une situation de base (ligne {n}). Les évaluations suivantes sont des "
        "« {expected} ».",
        "Dossier {case_id} heeft al een beginsituatie (rij {n}). Latere beoordelingen zijn « {expected} ».",
        "Case {case_id} already has a baseline (row {n}). Later assessments are '{expected}'."),
    "action.done_no_date": ("warning",
        "Action « {expected} » sans date de réalisation. Tapez la date dans « {other} ».",
        "Actie « {expected} » zonder datum. Typ de datum in « {other} ».",
        "Action '{expected}' without a date. Type the date in '{other}'."),
    "action.date_not_done": ("warning",
        "Date de réalisation remplie mais l'action n'est pas « {expected} ». Corrigez l'état ou videz la date.",
        "Datum ingevuld maar de actie is niet « {expected} ». Verbeter de stand of wis de datum.",
        "Done date filled in but the action is not '{expected}'. Correct the status or clear the date."),
    "minutes.long": ("warning",
        "« {header} » : plus de {n} minutes pour un seul contact. Vérifiez la durée (en minutes).",
        "« {header} »: meer dan {n} minuten voor één contact. Controleer de duur (in minuten).",
        "'{header}': more than {n} minutes for one contact. Check the length (in minutes)."),
    "settings.invalid": ("error",
        "Paramètre « {header} » : la valeur n'est pas valable ({expected} attendu). Corrigez-la.",
        "Instelling « {header} »: de waarde is ongeldig ({expected} verwacht). Verbeter ze.",
        "Setting '{header}': the value is not valid ({expected} expected). Correct it."),
}

RULES = register("rules", CATALOGUE)  # the finding codes: RULES.sheet_missing.value == "rules.sheet.missing"
UI_TEXTS = register("ui", UI)


def ui(word: str, lang: str = "fr", **params) -> str:
    return render(f"ui.{word}", lang, **params) if params else texts(f"ui.{word}").get(lang) or UI[word][0]


def severity(code: str) -> str:
    return CATALOGUE[code][0]


def message(code: str, lang: str = "fr", **params) -> str:
    """The finding ``code``'s text in ``lang``; fields not given (or None) are left blank (optional hints).

    Said for the unit of the workbook being checked (families or persons: ``validate_dataset``'s
    ``unit_scope``); a field (a header, a sheet's name) is filled in after, as the workbook shows it."""
    return render(f"rules.{code}", lang, blank=True, adapt=for_current_unit, **params)

