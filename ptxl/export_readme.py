"""The README written into every export folder: what the evaluator receives, and what it still is.

Why: an export leaves the organisation and is read by people who did not make
it. The README says what was removed, what remains, that it is pseudonymised
personal data (GDPR art. 4(5): the organisation can link it back with its key)
and who holds that key. It holds no data of the workbook: no date, no count, no
category, so it can be in clear next to encrypted files. It is written in the
workbook's language and for its unit (families or persons), from the one catalogue
(codes "export_readme.…").
"""

from __future__ import annotations

from .export_linkage import DAYS_SUFFIX, OTHER, REFERENCE_DAYS
from .i18n import register, render
from .pilot import DEFAULT_UNIT, unit_text

README = register("export_readme", {
    "title": ("Plan Together - export pseudonymisé pour une évaluation",
              "Plan Together - gepseudonimiseerde export voor een evaluatie",
              "Plan Together - anonymised export for an evaluation"),
    "what_head": ("CE QUE C'EST", "WAT DIT IS", "WHAT THIS IS"),
    "what": ("Des données personnelles pseudonymisées (RGPD art. 4(5)), pas des données anonymes : l'organisation "
             "qui a fait cet export peut relier chaque ligne à une famille. La loi sur les données personnelles "
             "s'y applique : utilisez-les seulement pour l'évaluation convenue, gardez-les en sécurité, ne cherchez "
             "pas à savoir qui sont les familles, et supprimez-les quand l'évaluation est finie.",
             "Gepseudonimiseerde persoonsgegevens (AVG art. 4(5)), geen anonieme gegevens: de organisatie die deze "
             "export maakte, kan elke rij terugkoppelen aan een gezin. De wet op de persoonsgegevens is erop van "
             "toepassing: gebruik ze alleen voor de afgesproken evaluatie, bewaar ze veilig, probeer niet te "
             "achterhalen wie de gezinnen zijn, en verwijder ze wanneer de evaluatie klaar is.",
             "Pseudonymised personal data (GDPR art. 4(5)), not anonymous data: the organisation that made this "
             "export can link every row back to a family. The law on personal data applies to it: use it only for "
             "the evaluation agreed, keep it safe, do not try to find out who the families are, and delete it when "
             "the evaluation is done."),
    "key_head": ("QUI DÉTIENT LA CLÉ", "WIE DE SLEUTEL HEEFT", "WHO HOLDS THE KEY"),
    "key": ("Les numéros de dossier et de personne sont remplacés par des pseudonymes à clé (X-... , HMAC-SHA256). "
            "La clé et la table qui relie les pseudonymes aux numéros de dossier restent chez l'organisation qui "
            "mène le projet, à côté de son classeur ; elles ne sont pas dans ce dossier et ne sont jamais envoyées "
            "avec lui.",
            "De dossier- en persoonsnummers zijn vervangen door pseudoniemen met een sleutel (X-... , HMAC-SHA256). "
            "De sleutel en de tabel die de pseudoniemen terugkoppelt aan de dossiernummers blijven bij de "
            "organisatie die het project uitvoert, naast haar werkmap; ze zitten niet in deze map en worden er "
            "nooit mee verstuurd.",
            "The case and person ids are replaced by keyed pseudonyms (X-... , HMAC-SHA256). The key and the table "
            "that maps pseudonyms back to case ids stay with the organisation that runs the project, beside its "
            "workbook; they are not in this folder and are never sent with it."),
    "removed_head": ("CE QUI A ÉTÉ RETIRÉ", "WAT WERD VERWIJDERD", "WHAT WAS REMOVED"),
    "removed_names": ("- les noms (familles, membres, personnel) et toute autre colonne marquée personnelle ;",
                      "- de namen (gezinnen, leden, personeel) en elke andere kolom die als persoonlijk gemarkeerd "
                      "is;",
                      "- names (families, members, staff) and every other column marked personal;"),
    "removed_births": ("- les dates de naissance (une tranche d'âge à la date de référence à la place) ;",
                       "- de geboortedata (in de plaats een leeftijdsgroep op de referentiedatum);",
                       "- birth dates (an age bracket at the reference date instead);"),
    "removed_exact": ("- dates exactes gardées (voir plus bas) ;", "- exacte data bewaard (zie verder);",
                      "- exact dates kept (see below);"),
    "removed_dates": ("- les dates du calendrier (des jours depuis l'orientation à la place, voir plus bas) ;",
                      "- de kalenderdata (in de plaats dagen sinds de doorverwijzing, zie verder);",
                      "- calendar dates (days from the referral instead, see below);"),
    "removed_nationality": ("- le texte tapé des nationalités (seulement un pays de la liste du projet, ou "
                            "'{other}') ;",
                            "- de getypte tekst van de nationaliteiten (alleen een land van de lijst van het "
                            "project, of '{other}');",
                            "- typed nationality text (only a country of the project's list, or '{other}');"),
    "removed_names_only": ("- rien d'autre du texte libre que les noms ;", "- niets anders van de vrije tekst dan "
                           "de namen;", "- nothing else of the free text but the names;"),
    "removed_text": ("- le texte libre.", "- de vrije tekst.", "- free text."),
    "manifest": ("Le manifeste liste chaque colonne laissée de côté.", "Het manifest somt elke weggelaten kolom "
                 "op.", "The manifest lists every column left out."),
    "remains_head": ("CE QUI RESTE", "WAT OVERBLIJFT", "WHAT REMAINS"),
    "remains": ("Les saisies dont une évaluation statistique a besoin : réponses aux questions des fiches, scores, "
                "statuts, types et durées des contacts, rôles, genres et tranches d'âge des membres de la famille "
                "(la composition du dossier), nationalités comme ci-dessus. Ensemble, elles peuvent encore "
                "désigner une famille pour quelqu'un qui la connaît.",
                "De invoer die een statistische evaluatie nodig heeft: antwoorden op de vragen van de fiches, "
                "scores, statussen, soorten en duur van de contacten, rollen, genders en leeftijdsgroepen van de "
                "gezinsleden (de samenstelling van het dossier), nationaliteiten zoals hierboven. Samen kunnen ze "
                "een gezin nog aanwijzen voor iemand die dat gezin kent.",
                "The entries a statistical evaluation needs: answers to the forms' questions, scores, statuses, "
                "contact types and durations, roles, genders and age brackets of the family members (the "
                "composition of the case), nationalities as above. Combined, these can still single out a family "
                "for someone who knows the family."),
    "dates_head": ("DATES", "DATA", "DATES"),
    "dates_exact": ("Les dates sont les dates exactes du calendrier (l'export a été fait avec --exact-dates) : elles "
                    "rendent les familles plus faciles à reconnaître ; ne les publiez pas.",
                    "De data zijn exacte kalenderdata (de export werd gemaakt met --exact-dates): ze maken gezinnen "
                    "makkelijker herkenbaar; publiceer ze niet.",
                    "Dates are exact calendar dates (the export was made with --exact-dates): they make families "
                    "easier to recognise; do not publish them."),
    "dates_days": ("Aucune date du calendrier : chaque colonne de date <nom> est donnée en <nom>{suffix}, le nombre "
                   "de jours depuis l'orientation du dossier (jour 0 ; négatif = avant elle, par ex. l'arrivée dans "
                   "le pays ; un dossier sans date d'orientation compte depuis sa date la plus ancienne ; une année "
                   "tapée seule compte depuis son 1er juillet). {reference} est la date de référence de "
                   "l'évaluation, comptée de même.",
                   "Geen kalenderdatum: elke datumkolom <naam> wordt gegeven als <naam>{suffix}, het aantal dagen "
                   "sinds de doorverwijzing van het dossier (dag 0; negatief = ervoor, bv. de aankomst in het land; "
                   "een dossier zonder datum van doorverwijzing telt vanaf zijn vroegste datum; een jaar dat alleen "
                   "getypt is, telt vanaf 1 juli van dat jaar). {reference} is de referentiedatum van de "
                   "evaluatie, op dezelfde manier geteld.",
                   "No calendar date: every date column <name> is given as <name>{suffix}, the number of days from "
                   "the case's referral (day 0; negative = before it, e.g. the arrival in the country; a case "
                   "without a referral date counts from its earliest date; a year typed alone counts from its "
                   "1 July). {reference} is the evaluation's reference date in the same count."),
    "text_head": ("TEXTE LIBRE", "VRIJE TEKST", "FREE TEXT"),
    "text_in": ("Le texte libre (notes, descriptions, récits des études de cas) est inclus, avec les noms de la "
                "cohorte masqués en [...]. Il peut encore citer des lieux, des dates ou des événements qui "
                "désignent une famille : lisez-le avant de le transmettre.",
                "De vrije tekst (notities, beschrijvingen, verhalen van de casestudy's) is opgenomen, met de namen "
                "van het cohort weggelaten als [...]. Hij kan nog plaatsen, data of gebeurtenissen noemen die een "
                "gezin aanwijzen: lees hem voor u hem doorgeeft.",
                "Free text (notes, descriptions, case-study narratives) is included, with the names of the cohort "
                "blanked out as [...]. It may still mention places, dates or events that identify a family: read "
                "it before passing it on."),
    "text_out": ("Aucun texte libre (notes, descriptions, récits).", "Geen vrije tekst (notities, beschrijvingen, "
                 "verhalen).", "No free text (notes, descriptions, narratives)."),
    "suppression_head": ("MASQUAGE DES PETITS EFFECTIFS", "AFSCHERMING VAN KLEINE AANTALLEN", "SUPPRESSION"),
    "suppressed": ("Masquage des petits effectifs (seuil {threshold}) : une nationalité partagée par moins de "
                   "{threshold} familles est '{other}' dans chaque fichier, et les statistiques montrent les "
                   "effectifs sous {threshold} comme '<{threshold}' (avec les cellules qui permettraient de les "
                   "retrouver masquées en '*').",
                   "Afscherming van kleine aantallen (drempel {threshold}): een nationaliteit die minder dan "
                   "{threshold} gezinnen delen, is '{other}' in elk bestand, en de statistieken tonen aantallen "
                   "onder {threshold} als '<{threshold}' (met de cellen die ze zouden teruggeven verborgen als '*').",
                   "Small-cell suppression (threshold {threshold}): a nationality shared by fewer than {threshold} "
                   "families is '{other}' in every file, and the statistics show counts below {threshold} as "
                   "'<{threshold}' (with the cells that would give them back hidden as '*')."),
    "not_suppressed": ("Pas de masquage des petits effectifs (ajoutez --suppress avant de publier quoi que ce soit "
                       "de cet export).",
                       "Geen afscherming van kleine aantallen (voeg --suppress toe voor u iets uit deze export "
                       "publiceert).",
                       "No small-cell suppression (add --suppress before publishing anything from this export)."),
    "encryption_head": ("CHIFFREMENT", "VERSLEUTELING", "ENCRYPTION"),
    "encrypted": ("Le classeur de l'export est chiffré avec un mot de passe que l'organisation vous donne à part ; "
                  "aucun fichier CSV ni JSON n'a été écrit, car ils ne peuvent pas être chiffrés : chaque table, le "
                  "manifeste et les statistiques sont des feuilles du classeur.",
                  "De werkmap van de export is versleuteld met een wachtwoord dat de organisatie u apart geeft; er "
                  "werden geen CSV- of JSON-bestanden geschreven, want die kunnen niet versleuteld worden: elke "
                  "tabel, het manifest en de statistieken zijn bladen van de werkmap.",
                  "The export workbook is encrypted with a password the organisation gives you separately; CSV and "
                  "JSON files were not written, because they cannot be encrypted: every table, the manifest and "
                  "the statistics are sheets of the workbook."),
    "clear": ("Les fichiers ne sont pas chiffrés : rangez-les sur un disque chiffré, et supprimez-les quand "
              "l'évaluation n'en a plus besoin.",
              "De bestanden zijn niet versleuteld: bewaar ze op een versleutelde schijf, en verwijder ze wanneer de "
              "evaluatie ze niet meer nodig heeft.",
              "The files are not encrypted: store them on an encrypted disk, and delete them when the evaluation "
              "no longer needs them."),
    "files_head": ("FICHIERS", "BESTANDEN", "FILES"),
})


def readme_text(*, with_text: bool, suppress: bool, exact_dates: bool, encrypted: bool, threshold: int,
                files: list[str], lang: str = "en", unit: str = DEFAULT_UNIT) -> str:
    """The README in ``lang``, saying families or persons as the pilot's ``unit`` (file names stay as they are)."""
    def say(code, **fields):
        return render(code, lang, default="en", adapt=lambda text, lang: unit_text(text, unit, lang), **fields)
    title = say(README.title)
    lines = [
        title, "=" * len(title), "",
        say(README.what_head), say(README.what), "",
        say(README.key_head), say(README.key), "",
        say(README.removed_head), say(README.removed_names), say(README.removed_births),
        say(README.removed_exact if exact_dates else README.removed_dates),
        say(README.removed_nationality, other=OTHER),
        say(README.removed_names_only if with_text else README.removed_text),
        say(README.manifest), "",
        say(README.remains_head), say(README.remains), "",
        say(README.dates_head),
        say(README.dates_exact) if exact_dates else say(README.dates_days, suffix=DAYS_SUFFIX,
                                                                    reference=f"families.{REFERENCE_DAYS}"),
        "",
        say(README.text_head), say(README.text_in if with_text else README.text_out), "",
        say(README.suppression_head),
        say(README.suppressed, threshold=threshold, other=OTHER) if suppress else say(README.not_suppressed), "",
        say(README.encryption_head), say(README.encrypted if encrypted else README.clear), "",
        say(README.files_head), *[f"- {name}" for name in files], "",
    ]
    return "\r\n".join(lines)
