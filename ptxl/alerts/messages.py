"""The words of the alerts sheet in fr / nl / en: column headers, levels, kinds and messages.

Messages tell the case manager what to do next. They never quote free text typed by
staff (an action's wording, a document's description, a contact note may hold a
person's name): only dates, counts, and labels that come from the forms.
"""

from __future__ import annotations

import datetime as dt
import string
from functools import lru_cache

from ..i18n import fmt_date as i18n_date, register, render, texts
from ..pilot import DEFAULT_UNIT, unit_text
from ..schema import DEFAULT_LANG, get_schema

HEADERS = {
    "level": {"fr": "Niveau", "nl": "Niveau", "en": "Level"},
    "kind": {"fr": "Type d'alerte", "nl": "Soort waarschuwing", "en": "Alert type"},
    "message": {"fr": "À faire", "nl": "Te doen", "en": "To do"},
    "date": {"fr": "Date", "nl": "Datum", "en": "Date"},
    "days": {"fr": "Jours", "nl": "Dagen", "en": "Days"},
    "link": {"fr": "Aller à", "nl": "Ga naar", "en": "Go to"},
}

LEVELS = {
    "overdue": {"fr": "En retard", "nl": "Te laat", "en": "Overdue"},
    "due_soon": {"fr": "Bientôt", "nl": "Binnenkort", "en": "Due soon"},
    "missing": {"fr": "Manquant", "nl": "Ontbreekt", "en": "Missing"},
}

KINDS = {
    "deadline_passed": {"fr": "Échéance dépassée", "nl": "Termijn verstreken", "en": "Deadline passed"},
    "deadline_soon": {"fr": "Échéance proche", "nl": "Termijn nadert", "en": "Deadline soon"},
    "document_expired": {"fr": "Document expiré", "nl": "Document verlopen", "en": "Document expired"},
    "document_expiring": {"fr": "Document bientôt expiré", "nl": "Document verloopt binnenkort",
                          "en": "Document expiring"},
    "action_overdue": {"fr": "Action en retard", "nl": "Actie te laat", "en": "Action overdue"},
    "action_due": {"fr": "Action à faire", "nl": "Actie te doen", "en": "Action due"},
    "action_no_owner": {"fr": "Action sans responsable", "nl": "Actie zonder verantwoordelijke",
                        "en": "Action without owner"},
    "no_contact": {"fr": "Sans contact", "nl": "Geen contact", "en": "No contact"},
    "no_home_visit": {"fr": "Sans visite à domicile", "nl": "Geen huisbezoek", "en": "No home visit"},
    "review_due": {"fr": "Fiche de synthèse due", "nl": "Cliëntfiche te maken", "en": "Review due"},
    "assessment_due": {"fr": "Évaluation de suivi due", "nl": "Opvolgbeoordeling te maken",
                       "en": "Follow-up assessment due"},
    "baseline_missing": {"fr": "Situation de base manquante", "nl": "Beginsituatie ontbreekt",
                         "en": "Baseline missing"},
    "screening_incomplete": {"fr": "Évaluation d'admission incomplète", "nl": "Toelatingsscreening onvolledig",
                             "en": "Admission screening incomplete"},
}

# Templates: {date} the due / expiry date, {last} the date counted from, {n} a number of days
# written with its unit, {ago} "3 days ago", {when} "today" / "in 3 days", {doc} {event} {sheet}
# labels from the forms, {months} a number of months, {criteria} criteria headers.
TEMPLATES = {
    "document_expired": {
        "fr": "{doc} : validité terminée le {date} ({ago}). En obtenir une version à jour.",
        "nl": "{doc}: geldigheid verlopen op {date} ({ago}). Vraag een nieuwe versie aan.",
        "en": "{doc}: validity ended on {date} ({ago}). Obtain an up-to-date one."},
    "document_expiring": {
        "fr": "{doc} : valable jusqu'au {date} ({when}). Prévoir son renouvellement.",
        "nl": "{doc}: geldig tot {date} ({when}). Zorg tijdig voor een nieuwe versie.",
        "en": "{doc}: valid until {date} ({when}). Arrange its renewal."},
    "validity_note": {
        "fr": " Validité de {months} mois à partir de l'émission le {last}.",
        "nl": " Geldigheid van {months} maanden vanaf afgifte op {last}.",
        "en": " Valid {months} months from issue on {last}."},
    "action_overdue": {
        "fr": "Action prévue pour le {date}, en retard de {n} : la réaliser ou mettre à jour son état.",
        "nl": "Actie gepland tegen {date}, {n} te laat: voer ze uit of werk de stand bij.",
        "en": "Action due on {date} is {n} overdue: do it or update its status."},
    "action_due": {
        "fr": "Action à réaliser pour le {date} ({when}).",
        "nl": "Actie uit te voeren tegen {date} ({when}).",
        "en": "Action due on {date} ({when})."},
    "action_no_owner": {
        "fr": "Action sans responsable : indiquer qui s'en charge.",
        "nl": "Actie zonder verantwoordelijke: vul in wie ze opneemt.",
        "en": "Action without an owner: fill in who takes it on."},
    "no_contact": {
        "fr": "Aucun contact depuis le {last} ({n}) : prendre contact avec la famille.",
        "nl": "Geen contact sinds {last} ({n}): neem contact op met het gezin.",
        "en": "No contact since {last} ({n}): get in touch with the family."},
    "no_contact_since_admission": {
        "fr": "Aucun contact noté depuis l'admission le {last} ({n}) : prendre contact avec la famille.",
        "nl": "Geen contact genoteerd sinds de toelating op {last} ({n}): neem contact op met het gezin.",
        "en": "No contact recorded since admission on {last} ({n}): get in touch with the family."},
    "no_home_visit": {
        "fr": "Pas de visite à domicile depuis le {last} ({n}) : planifier une visite.",
        "nl": "Geen huisbezoek sinds {last} ({n}): plan een bezoek.",
        "en": "No home visit since {last} ({n}): plan a visit."},
    "no_home_visit_since_admission": {
        "fr": "Aucune visite à domicile notée depuis l'admission le {last} ({n}) : planifier une visite.",
        "nl": "Geen huisbezoek genoteerd sinds de toelating op {last} ({n}): plan een bezoek.",
        "en": "No home visit recorded since admission on {last} ({n}): plan a visit."},
    "review_due": {
        "fr": "Nouvelle fiche de synthèse (annexe B, feuille « {sheet} ») due le {date} : la dernière date du {last}.",
        "nl": "Nieuwe cliëntfiche (bijlage B, blad '{sheet}') te maken tegen {date}: de laatste is van {last}.",
        "en": "New client summary (annex B, sheet '{sheet}') due on {date}: the last one is from {last}."},
    "review_due_first": {
        "fr": "Aucune fiche de synthèse (annexe B, feuille « {sheet} ») depuis l'admission le {last} : due le {date}.",
        "nl": "Nog geen cliëntfiche (bijlage B, blad '{sheet}') sinds de toelating op {last}: te maken tegen {date}.",
        "en": "No client summary (annex B, sheet '{sheet}') since admission on {last}: due on {date}."},
    "assessment_due": {
        "fr": "Évaluation de suivi (annexe A, feuille « {sheet} ») due le {date} : la dernière date du {last}.",
        "nl": "Opvolgbeoordeling (bijlage A, blad '{sheet}') te maken tegen {date}: de laatste is van {last}.",
        "en": "Follow-up assessment (annex A, sheet '{sheet}') due on {date}: the last one is from {last}."},
    "baseline_missing": {
        "fr": "Pas de situation de base (annexe A, feuille « {sheet} ») alors que la famille est admise depuis "
              "le {date} : la remplir.",
        "nl": "Geen beginsituatie (bijlage A, blad '{sheet}') terwijl het gezin sinds {date} is toegelaten: "
              "vul ze in.",
        "en": "No baseline (annex A, sheet '{sheet}') although the family was admitted on {date}: fill it in."},
    "screening_incomplete": {
        "fr": "Famille suivie mais critères d'admission pas tous à « {yes} » : {criteria}. Compléter ou vérifier.",
        "nl": "Gezin wordt gevolgd maar niet alle toelatingscriteria staan op '{yes}': {criteria}. "
              "Vul aan of controleer.",
        "en": "Family followed but not all admission criteria are '{yes}': {criteria}. Complete or check."},
    "deadline_soon": {
        "fr": "Échéance « {event} » le {date} ({when}) : agir avant cette date.",
        "nl": "Termijn '{event}' op {date} ({when}): onderneem actie vóór die datum.",
        "en": "Deadline '{event}' on {date} ({when}): act before that date."},
    "deadline_passed": {
        "fr": "Échéance « {event} » dépassée le {date} ({ago}) et rien de noté depuis : vérifier la situation et "
              "l'inscrire dans la chronologie.",
        "nl": "Termijn '{event}' verstreken op {date} ({ago}) en sindsdien niets genoteerd: controleer de situatie "
              "en noteer ze in de chronologie.",
        "en": "Deadline '{event}' passed on {date} ({ago}) with nothing recorded since: check the situation "
              "and record it in the chronology."},
}

UNKNOWN_EVENT = {"fr": "événement", "nl": "gebeurtenis", "en": "event"}
DAY = {"fr": ("jour", "jours"), "nl": ("dag", "dagen"), "en": ("day", "days")}
TODAY = {"fr": "aujourd'hui", "nl": "vandaag", "en": "today"}
TOMORROW = {"fr": "demain", "nl": "morgen", "en": "tomorrow"}
IN_DAYS = {"fr": "dans {n}", "nl": "over {n}", "en": "in {n}"}
AGO = {"fr": "il y a {n}", "nl": "{n} geleden", "en": "{n} ago"}
ROW = {"fr": "{sheet}, ligne {row}", "nl": "{sheet}, rij {row}", "en": "{sheet}, row {row}"}

ALERTS = register("alerts", {"headers": HEADERS, "levels": LEVELS, "kinds": KINDS, "templates": TEMPLATES,
                             "unknown_event": UNKNOWN_EVENT, "day": DAY, "today": TODAY, "tomorrow": TOMORROW,
                             "in_days": IN_DAYS, "ago": AGO, "row": ROW})


def _lang(lang: str) -> str:
    return lang if lang in DAY else DEFAULT_LANG


def days_text(n: int, lang: str) -> str:
    one, many = DAY[_lang(lang)]
    return f"{n} {one if abs(n) == 1 else many}"


def when_text(days: int, lang: str) -> str:
    """A future (or today's) date said the way people say it: today, tomorrow, in 5 days."""
    lang = _lang(lang)
    if days == 0:
        return TODAY[lang]
    if days == 1:
        return TOMORROW[lang]
    return IN_DAYS[lang].format(n=days_text(days, lang))


def ago_text(days: int, lang: str) -> str:
    lang = _lang(lang)
    return AGO[lang].format(n=days_text(days, lang))


@lru_cache(maxsize=4096)
def fmt_date(d: dt.date | None) -> str:
    """Belgian day-first dates in every language (26/02/2023), never ISO in a sentence (``ptxl.i18n.formats``).

    Cached: the alerts of a refresh say the same few hundred dates thousands of times (``strftime`` ~1 µs)."""
    return i18n_date(d)


def message(key: str, lang: str, unit: str = DEFAULT_UNIT, **values) -> str:
    """Template ``key`` in ``lang``, said for ``unit`` (families or persons), filled with words already made."""
    lang = _lang(lang)
    template = _plain_template(key, lang, unit)
    if template is not None:
        return template.format(**values)
    return render(ALERTS[f"templates_{key}"], lang, adapt=lambda text, lg: unit_text(text, unit, lg), **values)


@lru_cache(maxsize=None)
def _plain_template(key: str, lang: str, unit: str) -> str | None:
    """The template said for ``unit``, when it has no plural endings (``{n:one|many}``); else None.

    Why: ``render`` fills a template through ``string.Formatter`` in Python (for the plural
    endings), ~20 µs a sentence; ``str.format`` gives the same text in C for a template without
    them, and a refresh words thousands of alerts. The template is the catalogue's, adapted once.
    """
    text = unit_text(texts(ALERTS[f"templates_{key}"])[lang], unit, lang)
    plural = any(spec and "|" in spec for _lit, _name, spec, _conv in string.Formatter().parse(text))
    return None if plural else text


def _label(scale: str, code, lang: str) -> str | None:
    try:
        return get_schema().scales[scale].label(code, lang) if code else None
    except KeyError:
        return None


# How each field of an alert's parameters becomes words in a language. The parameters themselves are
# language-neutral (dates, day counts, the forms' codes and keys), so one ``Alert`` renders in fr, nl, en.
FIELDS = {
    "date": lambda v, lang: fmt_date(v),
    "last": lambda v, lang: fmt_date(v),
    "n": days_text,  # a number of days, with its unit
    "when": when_text,  # days from the reference date, ≥ 0
    "ago": ago_text,  # days before the reference date
    "doc": lambda v, lang: _label("document_type", v, lang) or kind_label("document_expired", lang),
    "event": lambda v, lang: _label("chronology_event", v, lang) or UNKNOWN_EVENT.get(_lang(lang), "?"),
    "sheet": lambda v, lang: _sheet_name(v, _lang(lang)),
    "yes": lambda v, lang: get_schema().scales["yes_no"].label(v, _lang(lang)),
    "criteria": lambda v, lang: ", ".join(get_schema().sheet("families").column(k).header(_lang(lang)) for k in v),
}


def render_alert(code: str, params: tuple, lang: str, unit: str = DEFAULT_UNIT) -> str:
    """The sentence of an alert (template ``code``, ``params`` as ``(name, value)`` pairs) in ``lang``.

    Why cached: a refresh lays out thousands of alerts and many say the same thing (the same
    document type expiring the same day); each distinct sentence is worded once.
    """
    try:
        return _render_cached(code, params, _lang(lang), unit)
    except TypeError:  # a parameter that cannot be hashed: worded without the cache
        return _render(code, params, _lang(lang), unit)


def _render(code: str, params: tuple, lang: str, unit: str) -> str:
    raw = dict(params)
    months, issued = raw.pop("months", None), raw.pop("issued", None)  # a validity counted from the issue date
    text = message(code, lang, unit, **{k: FIELDS[k](v, lang) for k, v in raw.items()})
    if months:
        text += message("validity_note", lang, unit, months=months, last=fmt_date(issued))
    return text


_render_cached = lru_cache(maxsize=65536)(_render)


def level_label(level: str, lang: str = DEFAULT_LANG) -> str:
    return LEVELS[level][_lang(lang)]


def kind_label(kind: str, lang: str = DEFAULT_LANG) -> str:
    return KINDS[kind][_lang(lang)]


def link_text(sheet_key: str, row: int | None, lang: str = DEFAULT_LANG) -> str:
    """What the hyperlink cell shows: the sheet's name, and the row when there is one."""
    lang = _lang(lang)
    name = _sheet_name(sheet_key, lang)
    return ROW[lang].format(sheet=name, row=row) if row else name


@lru_cache(maxsize=None)
def _sheet_name(sheet_key: str, lang: str) -> str:
    """A sheet's name in ``lang``, once a sheet: ``Schema.sheet`` searches the sheets, and every alert links
    to one (the schema is built once a process: ``get_schema``)."""
    return get_schema().sheet(sheet_key).name(lang)


def alert_columns(lang: str = DEFAULT_LANG) -> list[tuple[str, str]]:
    """(key, header) of the alerts sheet, in order.

    Keys are ``Alert`` fields, except ``link`` (render ``sheet_key`` + ``row`` as a hyperlink
    showing ``link_text``). Case number and case manager headers are the forms' own.
    """
    lang = _lang(lang)
    fam = get_schema().sheet("families")
    return [
        ("level", HEADERS["level"][lang]),
        ("case_id", fam.column("case_id").header(lang)),
        ("case_manager", fam.column("case_manager").header(lang)),
        ("kind", HEADERS["kind"][lang]),
        ("message", HEADERS["message"][lang]),
        ("date", HEADERS["date"][lang]),
        ("days", HEADERS["days"][lang]),
        ("link", HEADERS["link"][lang]),
    ]
