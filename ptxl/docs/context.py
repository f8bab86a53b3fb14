"""Context builders: (case files, case) → the plain dict a Word template is filled with.

Pure formatting: nothing here reads a file, renders or computes. The figures (ages, durations, the
latest row of each annex, document states, contacts by type) come computed in ``model.CaseFile``
records (``stats.casefiles``, reachable as ``Results.case_files``); here they become text. Every
value is already a string in the dataset's language (dates dd/mm/yyyy, answers as the scale's
labels, derived answers written out), so templates need no filters and a staff
member restyling one only ever meets ``{{ name }}`` tags. Every key is always
present (blank as ''), so the strict renderer can tell a typo from a blank.
The annexes sent to the evaluation (A, B, C) carry the case id and member ids,
never names; only the internal family case file names people.
"""

from __future__ import annotations



from ..fields import Choice, Numeric
from ..i18n import fmt_date as _date
from ..model.casefile import CaseFile, CaseFiles
from ..schema import get_schema
from .markup import text
from .texts import DOC_TYPES, t

CHECKED, UNCHECKED = "☒", "☐"


def fmt_date(d, year_only: bool = False) -> str:
    if d is None:
        return ""
    return str(d.year) if year_only else _date(d)


def _label(scale_key: str, code, lang: str) -> str:
    if code is None:
        return ""
    try:
        return get_schema().scales[scale_key].label(code, lang)
    except KeyError:
        return str(code)


def _number(v, lang: str) -> str:
    if v is None:
        return ""
    s = f"{v:.1f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v)
    return s.replace(".", ",") if lang in ("fr", "nl") else s


def fmt_cell(sheet_key: str, key: str, row: dict, lang: str):
    """One entry formatted as its column's type says (the schema decides, never the caller)."""
    field = get_schema().sheet(sheet_key).column(key).field
    v = row.get(key)
    if isinstance(field, Choice):
        return _label(field.scale.key, v, lang)
    if field.is_date:
        return fmt_date(v, field.or_year and bool(row.get(f"{key}_year_only")))
    if isinstance(field, Numeric):  # scores, counts, numbers
        return _number(v, lang)
    return text(v)


def _status(ix: CaseFiles, case: CaseFile) -> str:
    """The status at the reference date, as the statistics count it (closed later: still active then)."""
    return _label("status", case.status, ix.lang)


def _plural(n: int, one: str, many: str, lang: str) -> str:
    return t(one, lang) if n == 1 else t(many, lang).format(n)


def _duration(span: tuple | None, lang: str, with_years: bool, approx: bool = False) -> str:
    """``span``: (months, days) as computed (``CaseFile.in_project``, ``in_country``); None says nothing."""
    if span is None:
        return ""
    months, days = span
    parts = []
    if with_years and months >= 12:
        parts.append(_plural(months // 12, "one_year", "years", lang))
        months %= 12
    if approx:
        return f"{t('about', lang)} {parts[0] if parts else _plural(months, 'one_month', 'months', lang)}"
    if months:
        parts.append(_plural(months, "one_month", "months", lang))
    if days >= 7 or not parts:
        parts.append(_plural(days // 7, "one_week", "weeks", lang))
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" {t('and', lang)} {parts[-1]}"


# --- shared pieces ----------------------------------------------------------------------------------

def _common(ix: CaseFiles, case: CaseFile) -> dict:
    fam = case.family
    return {"case_id": case.case_id, "organisation": text(ix.settings.get("organisation")),
            "project_location": text(ix.settings.get("project_location")),
            "reference_date": fmt_date(ix.reference_date),
            "case_manager": text(fam.get("case_manager"))}


def _assessments(ix: CaseFiles, case: CaseFile) -> dict:
    """Annex A: the assessments up to the reference date, oldest first, and each item's scores across them."""
    lang, sch = ix.lang, get_schema()
    rows = case.assessments
    heads = [{"date": fmt_date(r.get("assessment_date")),
              "type": fmt_cell("baseline", "assessment_type", r, lang),
              "case_manager": text(r.get("case_manager"))} for r in rows]
    items = {}
    for item in sch.annex_a:
        scores = [_number(r.get(f"{item.key}_score"), lang) for r in rows]
        items[item.key] = {
            "scores": scores,
            "rows": [dict(h, score=s, why=text(r.get(f"{item.key}_why"))) for h, s, r in zip(heads, scores, rows)],
        }
    latest = case.latest_assessment or {}
    return {"assessments": heads, "has_assessments": bool(rows), "A": items,
            "assessment_date": fmt_date(latest.get("assessment_date"))}


def _choice_boxes(scale_key: str, code, lang: str) -> dict:
    sc = get_schema().scales[scale_key]
    boxes = {o.code: CHECKED if o.code == code else UNCHECKED for o in sc.options}
    boxes["answer"] = _label(scale_key, code, lang)
    return boxes


def _summary(ix: CaseFiles, case: CaseFile) -> dict:
    """Annex B impact part: the latest review on or before the reference date, every answer of every scale."""
    lang = ix.lang
    row = case.summary or {}
    answers = {}
    for q in get_schema().annex_b:
        answers[q.key] = text(row.get(q.key)) if q.scale == "text" else _choice_boxes(q.scale, row.get(q.key), lang)
    return {"B": answers, "has_summary": bool(row), "review_date": fmt_date(row.get("review_date")),
            "reviewer": text(row.get("case_manager"))}


def _member_lines(members: list[dict], value, lang: str) -> str:
    return "\n".join(f"{m.get('member_id') or '?'} ({m['role_label']}){t('colon', lang)}{value(m)}"
                     for m in members)


def _members(ix: CaseFiles, case: CaseFile) -> list[dict]:
    lang = ix.lang
    out = []
    for member in case.members:
        m, age = member.row, member.age
        age_txt = "" if age is None or age < 0 else t("years", lang).format(age)
        if age_txt and m.get("birth_date_year_only"):
            age_txt = f"{t('about', lang)} {age_txt}"
        out.append({"member_id": text(m.get("member_id")), "first_name": text(m.get("first_name")),
                    "last_name": text(m.get("last_name")), "role": fmt_cell("members", "role", m, lang),
                    "role_label": fmt_cell("members", "role", m, lang),
                    "gender": fmt_cell("members", "gender", m, lang),
                    "birth_date": fmt_cell("members", "birth_date", m, lang), "age": age_txt,
                    "nationality": text(m.get("nationality")),
                    "born_in_country": fmt_cell("members", "born_in_country", m, lang)})
    return out


def _contacts(ix: CaseFiles, case: CaseFile) -> tuple[list[dict], list[dict], str]:
    """The contact log up to the reference date, its count by type, and the annex B question 10 sentence."""
    lang, rows = ix.lang, case.contacts
    log = [{"date": fmt_date(c.get("contact_date")), "type": fmt_cell("contacts", "contact_type", c, lang),
            "minutes": _number(c.get("minutes"), lang), "case_manager": text(c.get("case_manager")),
            "note": text(c.get("note"))} for c in rows]
    summary = case.contact_summary
    if summary is None:
        return log, [], ""
    scale = get_schema().scales["contact_type"]
    by_type = [{"type": scale.label(code, lang), "count": str(n), "minutes": _number(mins, lang) if mins else ""}
               for code, n, mins in summary.by_type]
    lines = [f"{b['type']}{t('colon', lang)}{b['count']}" for b in by_type]
    lines.append(t("contacts_total", lang).format(n=summary.count, weeks=summary.weeks,
                                                  rate=_number(summary.rate, lang)))
    if summary.minutes:
        lines.append(t("contacts_minutes", lang).format(h=summary.minutes // 60, m=summary.minutes % 60))
    return log, by_type, "\n".join(lines)


def _profile(ix: CaseFiles, case: CaseFile, members: list[dict], contacts_text: str) -> dict:
    """Annex B questions 1–16, each said from the registry, the members, the checklist and the logs."""
    lang, fam = ix.lang, case.family
    vul = case.vulnerabilities or {}
    in_country = _duration(case.in_country, lang, True, approx=bool(fam.get("arrival_date_year_only")))
    if in_country:
        since = t("since_year" if fam.get("arrival_date_year_only") else "since", lang)
        in_country += f" ({since} {fmt_cell('families', 'arrival_date', fam, lang)})"
    admitted = fam.get("admission_date")
    if case.admitted:
        in_project = _duration(case.in_project, lang, False)
        if in_project:
            span = (t("from_to", lang).format(fmt_date(admitted), fmt_date(case.support_end)) if case.closed
                    else f"{t('since', lang)} {fmt_date(admitted)}")
            in_project += f" ({span})"
    else:
        in_project = t("not_admitted", lang)
    vboxes = {k: CHECKED if vul.get(k) == "yes" else UNCHECKED for k, _lab in get_schema().vulnerabilities}
    vboxes["dont_know"] = ", ".join(lab[lang] for k, lab in get_schema().vulnerabilities if vul.get(k) == "dont_know")
    return {
        "gender": text(_member_lines(members, lambda m: m["gender"], lang)),
        "age": text(_member_lines(members, lambda m: m["age"], lang)),
        "nationality": text(_member_lines(members, lambda m: m["nationality"] or fam.get("nationality") or "",
                                          lang)),
        "vulnerabilities": vboxes, "has_vulnerabilities": bool(vul),
        "vulnerability_notes": text(vul.get("vulnerability_notes")),
        "vulnerability_date": fmt_date(vul.get("assessed_date")),
        "family_ties": fmt_cell("families", "family_ties", fam, lang),
        "conditions_imposed": fmt_cell("families", "conditions_imposed", fam, lang),
        "time_in_country": in_country,
        "detention_experience": fmt_cell("families", "detention_experience", fam, lang),
        "time_in_project": in_project,
        "contacts": text(contacts_text),
        "referral_route": fmt_cell("families", "referral_route", fam, lang),
        "released_after_contact": fmt_cell("families", "released_after_contact", fam, lang),
        "known_before": fmt_cell("families", "known_before", fam, lang),
        "intake_risk": fmt_cell("families", "intake_risk", fam, lang),
        "status": _status(ix, case),
        "profile_notes": fmt_cell("families", "profile_notes", fam, lang),
    }


def _case_study(ix: CaseFiles, case: CaseFile) -> dict:
    row = case.case_study or {}
    answers = {k: text(row.get(k)) for k, _lab in get_schema().annex_c}
    return {"C": answers, "has_case_study": any(answers.values()),
            "case_study_date": fmt_date(row.get("written_date"))}


def _documents(ix: CaseFiles, case: CaseFile) -> list[dict]:
    """The documents that existed at the reference date, each with the validity the alerts use."""
    lang = ix.lang
    out = []
    for doc in case.documents:
        d = doc.row
        note = " " + t("default_validity", lang).format(doc.months) if doc.months else ""
        state = t(DOC_STATES[doc.state], lang)
        out.append({"type": fmt_cell("documents", "document_type", d, lang),
                    "description": text(d.get("description")), "issue_date": fmt_date(d.get("issue_date")),
                    "valid_until": fmt_date(doc.until) + note,
                    "validity": state.format(doc.days) if doc.state == "expiring" else state})
    return out


DOC_STATES = {"unknown": "validity_unknown", "replaced": "replaced", "expired": "expired",
              "expiring": "expires_soon", "valid": "valid"}



# --- the four documents ----------------------------------------------------------------------------

def fiche_de_base(ix: CaseFiles, case: CaseFile) -> dict:
    ctx = {**_common(ix, case), **_assessments(ix, case)}
    latest = ctx["assessments"][-1]["case_manager"] if ctx["assessments"] else ""
    ctx["case_manager"] = latest or ctx["case_manager"]  # who wrote the latest assessment signs the sheet
    return ctx


def fiche_de_synthese(ix: CaseFiles, case: CaseFile) -> dict:
    members = _members(ix, case)
    _log, _by_type, contacts_text = _contacts(ix, case)
    return {**_common(ix, case), **_summary(ix, case), "P": _profile(ix, case, members, contacts_text)}


def modele_de_cas(ix: CaseFiles, case: CaseFile) -> dict:
    return {**_common(ix, case), **_case_study(ix, case)}


def dossier_famille(ix: CaseFiles, case: CaseFile) -> dict:
    lang, fam = ix.lang, case.family
    members = _members(ix, case)
    log, by_type, contacts_text = _contacts(ix, case)
    fam_sheet = get_schema().sheet("families")
    chronology = [{"date": fmt_date(e.get("event_date")),
                   "event": fmt_cell("chronology", "event_code", e, lang),
                   "description": text(e.get("description")), "deadline": fmt_date(e.get("deadline"))}
                  for e in case.chronology]
    actions = [{"action": text(a.get("action")), "owner": text(a.get("owner")),
                "due_date": fmt_date(a.get("due_date")), "status": fmt_cell("actions", "action_status", a, lang),
                "done_date": fmt_date(a.get("done_date"))} for a in case.actions]
    return {**_common(ix, case), **_assessments(ix, case), **_summary(ix, case), **_case_study(ix, case),
            "P": _profile(ix, case, members, contacts_text),
            "F": {**{c.key: fmt_cell("families", c.key, fam, lang) for c in fam_sheet.columns},
                  "status": _status(ix, case)},
            "family_name": text(fam.get("family_name")),
            "members": members, "chronology": chronology, "contacts": log, "contacts_by_type": by_type,
            "actions": actions, "documents": _documents(ix, case)}


BUILDERS = {"fiche_de_base": fiche_de_base, "fiche_de_synthese": fiche_de_synthese,
            "modele_de_cas": modele_de_cas, "dossier_famille": dossier_famille}
assert tuple(BUILDERS) == DOC_TYPES


def build_context(doc: str, files: CaseFiles, case_id: str) -> dict:
    """The context of one document: ``files`` as computed (``Results.case_files``, ``stats.casefiles``)."""
    return BUILDERS[doc](files, files.cases[case_id])
