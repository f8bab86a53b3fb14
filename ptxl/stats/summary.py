"""A few plain lines for ``ptxl stats`` without ``--json``: the headline figures in the workbook's language.

The full tables are the workbook's output sheets and the report; this is a quick check.
"""

from __future__ import annotations

import datetime as dt

from ..i18n import COLON, fmt_date, fmt_number, register as _register
from ..pilot import unit_text
from ..schema import get_schema

TEXT = {
    "fr": {"head": "Date de référence {ref} : {referred} familles orientées, {admitted} admises, {n} avec une "
                   "fiche de synthèse.",
           "people": "Familles admises : {adults} adultes, {children} enfants (dont {c18} de 18 ans ou plus).",
           "support": "Suivi moyen {months} mois ; {over15} familles suivies plus de 15 mois ; "
                      "{visits} visites à domicile.",
           "impact": "Impact positif (un certain impact ou considérable), sur {n} familles :"},
    "nl": {"head": "Referentiedatum {ref}: {referred} gezinnen aangemeld, {admitted} toegelaten, {n} met een "
                   "cliëntfiche.",
           "people": "Toegelaten gezinnen: {adults} volwassenen, {children} kinderen (waarvan {c18} van 18 of ouder).",
           "support": "Gemiddelde begeleiding {months} maanden; {over15} gezinnen langer dan 15 maanden; "
                      "{visits} huisbezoeken.",
           "impact": "Positieve impact (enige of aanzienlijke), op {n} gezinnen:"},
    "en": {"head": "Reference date {ref}: {referred} families referred, {admitted} admitted, {n} with a "
                   "client summary.",
           "people": "Admitted families: {adults} adults, {children} children ({c18} of them 18 or older).",
           "support": "Mean support {months} months; {over15} families supported over 15 months; "
                      "{visits} home visits.",
           "impact": "Positive impact (some or considerable), of {n} families:"},
}


def summary_lines(stats: dict, lang: str = "fr") -> list[str]:
    """The headline figures as sentences; dates, numbers and the colon written the way ``lang`` writes them."""
    lang = lang if lang in TEXT else "fr"
    t = TEXT[lang]
    adm, eng, imp = stats["cohort"]["admitted"], stats["engagement"], stats["impact"]
    months = eng["mean_months_supported"]
    ref = stats["reference_date"]
    adm = {k: fmt_number(v, lang) if isinstance(v, int) else v for k, v in adm.items()}
    lines = [
        t["head"].format(ref=fmt_date(dt.date.fromisoformat(ref), lang) if ref else "",
                         referred=fmt_number(stats["cohort"]["families_referred"], lang),
                         admitted=fmt_number(stats["cohort"]["families_admitted"], lang),
                         n=fmt_number(imp["n"], lang)),
        t["people"].format(adults=adm["adults"], children=adm["children"], c18=adm["children_18_plus"]),
        t["support"].format(months="–" if months is None else fmt_number(months, lang),
                            over15=fmt_number(eng["over_15_months"], lang),
                            visits=fmt_number(eng["home_visits"], lang)),
        t["impact"].format(n=fmt_number(imp["n"], lang)),
    ]
    colon = COLON[lang]
    for q in get_schema().annex_b:
        if q.scale == "impact":
            pos = imp["questions"][q.key]["positive_pct"]
            lines.append(f"  {q.labels[lang]}{colon}{'–' if pos is None else f'{fmt_number(pos, lang)} %'}")
    unit = imp.get("unit", "family")
    return [unit_text(line, unit, lang) for line in lines]


# Into the one catalogue (ptxl.i18n): codes "stats.…".
TEXTS = _register("stats", {"text": TEXT})
