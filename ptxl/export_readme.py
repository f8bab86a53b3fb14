"""The README written into every export folder: what the evaluator receives, and what it still is.

Why: an export leaves the organisation and is read by people who did not make
it. The README says what was removed, what remains, that it is pseudonymised
personal data (GDPR art. 4(5): the organisation can link it back with its key)
and who holds that key. It holds no data of the workbook: no date, no count, no
category, so it can be in clear next to encrypted files.
"""

from __future__ import annotations

from .export_linkage import DAYS_SUFFIX, OTHER, REFERENCE_DAYS


def readme_text(*, with_text: bool, suppress: bool, exact_dates: bool, encrypted: bool, threshold: int,
                files: list[str]) -> str:
    dates = ("Dates are exact calendar dates (the export was made with --exact-dates): they make families "
             "easier to recognise; do not publish them." if exact_dates else
             f"No calendar date: every date column <name> is given as <name>{DAYS_SUFFIX}, the number of days "
             f"from the case's referral (day 0; negative = before it, e.g. the arrival in the country; a case "
             f"without a referral date counts from its earliest date; a year typed alone counts from its 1 July). "
             f"families.{REFERENCE_DAYS} is the evaluation's reference date in the same count.")
    text = ("Free text (notes, descriptions, case-study narratives) is included, with the names of the cohort "
            "blanked out as [...]. It may still mention places, dates or events that identify a family: read it "
            "before passing it on." if with_text else "No free text (notes, descriptions, narratives).")
    supp = (f"Small-cell suppression (threshold {threshold}): a nationality shared by fewer than {threshold} "
            f"families is '{OTHER}' in every file, and the statistics show counts below {threshold} as "
            f"'<{threshold}' (with the cells that would give them back hidden as '*')." if suppress else
            "No small-cell suppression (add --suppress before publishing anything from this export).")
    enc = ("The export workbook is encrypted with a password the organisation gives you separately; CSV and "
           "JSON files were not written, because they cannot be encrypted: every table, the manifest and the "
           "statistics are sheets of the workbook." if encrypted else
           "The files are not encrypted: store them on an encrypted disk, and delete them when the evaluation "
           "no longer needs them.")
    lines = [
        "Plan Together - anonymised export for an evaluation",
        "=" * 52,
        "",
        "WHAT THIS IS",
        "Pseudonymised personal data (GDPR art. 4(5)), not anonymous data: the organisation that made this "
        "export can link every row back to a family. The law on personal data applies to it: use it only for "
        "the evaluation agreed, keep it safe, do not try to find out who the families are, and delete it when "
        "the evaluation is done.",
        "",
        "WHO HOLDS THE KEY",
        "The case and person ids are replaced by keyed pseudonyms (X-... , HMAC-SHA256). The key and the table "
        "that maps pseudonyms back to case ids stay with the organisation that runs the project, beside its "
        "workbook; they are not in this folder and are never sent with it.",
        "",
        "WHAT WAS REMOVED",
        "- names (families, members, staff) and every other column marked personal;",
        "- birth dates (an age bracket at the reference date instead);",
        "- " + ("exact dates kept (see below);" if exact_dates else "calendar dates (days from the referral "
                                                                    "instead, see below);"),
        "- typed nationality text (only a country of the project's list, or 'other');",
        "- " + ("nothing else of the free text but the names;" if with_text else "free text."),
        "The manifest lists every column left out.",
        "",
        "WHAT REMAINS",
        "The entries a statistical evaluation needs: answers to the forms' questions, scores, statuses, contact "
        "types and durations, roles, genders and age brackets of the family members (the family composition), "
        "nationalities as above. Combined, these can still single out a family for someone who knows it.",
        "",
        "DATES", dates, "",
        "FREE TEXT", text, "",
        "SUPPRESSION", supp, "",
        "ENCRYPTION", enc, "",
        "FILES", *[f"- {name}" for name in files], "",
    ]
    return "\r\n".join(lines)
