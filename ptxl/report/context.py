"""``pipeline.Results`` → the report's content as plain data.

Pure: no Word, and no computing: the figures (bins, legal stay, case studies, suppression) are the
Results' own, shown as they are. Tables are lists of rows of strings so they can be checked in tests
and laid out by any renderer; every label comes from the schema or ``texts``.
"""

from __future__ import annotations

import datetime as dt

from ..docs.texts import spelled_out
from ..pilot import for_current_unit
from ..schema import NO_ANSWER, get_schema
from .texts import t

GROUP_ORDER = ("general", "g1", "g2", "g3")


def fmt_date(d) -> str:
    if isinstance(d, str):
        d = dt.date.fromisoformat(d)
    return d.strftime("%d/%m/%Y") if d else ""


def pct(p) -> str:
    """A whole percentage; a suppressed one ("<5", "*") is shown as the marker itself."""
    if p is None:
        return ""
    return p if isinstance(p, str) else f"{p}%"


def _suppressed(*mappings) -> bool:
    return any(isinstance(v, str) for m in mappings for v in m.values())


def _join(items: list[str], lang: str) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {t('and', lang)} " + items[-1]


def impact_table(keys: list[str], questions: dict, lang: str, blanks: bool) -> dict:
    """The seed's impact-scale table: counts per answer and "Impact positif (%)"; ``blanks``: with a
    "no answer" column (``Figures.no_answer_column``)."""
    sch = get_schema()
    scale = sch.scales["impact"]
    codes = [o.code for o in scale.options]
    if blanks:
        codes.append("no_answer")
    header = [t("question", lang)] + [scale.label(c, lang) for c in codes] + [t("positive", lang)]
    rows = []
    for k in keys:
        q = questions[k]
        rows.append([_question(k, lang)] + [str(q["counts"].get(c, 0)) for c in codes] + [pct(q.get("positive_pct"))])
    return {"kind": "impact", "header": header, "rows": rows, "keys": keys}


def yes_no_table(keys: list[str], questions: dict, lang: str, blanks: bool) -> dict:
    """The seed's prompt-question table: Oui / Non / Ne sait pas [/ Pas de réponse], then the three percentages;
    ``blanks``: with a "no answer" column (``Figures.no_answer_column``)."""
    sch = get_schema()
    scale = sch.scales["yes_no"]
    codes = [o.code for o in scale.options]
    count_codes = codes + (["no_answer"] if blanks else [])
    header = ([t("question", lang)] + [scale.label(c, lang) for c in count_codes]
              + [t("pct_of", lang, label=scale.label(c, lang)) for c in codes])
    rows = []
    for k in keys:
        q = questions[k]
        rows.append([_question(k, lang)] + [str(q["counts"].get(c, 0)) for c in count_codes]
                    + [pct(q["pct"].get(c)) for c in codes])
    return {"kind": "yes_no", "header": header, "rows": rows, "keys": keys}


def _question(key: str, lang: str) -> str:
    return for_current_unit(next(q for q in get_schema().annex_b if q.key == key).question[lang], lang)


def _short(key: str, lang: str) -> str:
    label = next(q for q in get_schema().annex_b if q.key == key).labels[lang]
    return spelled_out(label.split(" – ", 1)[-1], lang)


def impact_reading(keys: list[str], questions: dict, n: int, lang: str, figures) -> str:
    """The sentence under an impact table: ``Figures``' positive count and most frequent answer, worded."""
    if _suppressed(*(questions[k]["counts"] for k in keys)):
        return ""  # a reading would give back the hidden counts
    scale = get_schema().scales["impact"]
    parts = []
    for k in keys:
        q = questions[k]
        counts = q["counts"]
        top = figures.top_answer[k]
        text = t("reading_impact", lang, pos=q.get("positive_pct"), k=figures.positive[k], n=n,
                 top=scale.label(top, lang), top_n=counts.get(top, 0))
        parts.append(text if len(keys) == 1 else f"{_short(k, lang)} – {text}")
    return " ".join(parts)


def yes_no_reading(keys: list[str], questions: dict, n: int, lang: str, extremes) -> str:
    """The sentence under a prompt table: ``Figures.yes_extremes``' two questions of the group, worded."""
    if extremes is None or _suppressed(*(questions[k]["counts"] for k in keys)):
        return ""
    yes = {k: questions[k]["counts"].get("yes", 0) for k in keys}
    best, worst = extremes
    return t("reading_yes_no", lang, best=_short(best, lang), best_n=yes[best], worst=_short(worst, lang),
             worst_n=yes[worst], n=n)


def impact_sections(results, lang: str) -> list[dict]:
    """One section per group of annex B, each with its impact table and its prompt table, as the seed."""
    sch, stats = get_schema(), results.stats
    questions = stats["impact"]["questions"]
    n = stats["impact"]["n"]
    blanks = results.figures.no_answer_column
    sections = []
    for g in GROUP_ORDER:
        impact_keys = [q.key for q in sch.annex_b if q.group == g and q.scale == "impact"]
        yn_keys = [q.key for q in sch.annex_b if q.group == g and q.scale == "yes_no"]
        tables = []
        if impact_keys:
            tab = impact_table(impact_keys, questions, lang, blanks.get((g, "impact"), False))
            tab["reading"] = impact_reading(impact_keys, questions, n, lang, results.figures) if n else ""
            tables.append(tab)
        if yn_keys:
            tab = yes_no_table(yn_keys, questions, lang, blanks.get((g, "yes_no"), False))
            tab["title"] = f"{sch.groups[g][lang].split(' – ')[0]} – {t('prompts', lang)}"
            extremes = results.figures.yes_extremes.get(g)
            tab["reading"] = yes_no_reading(yn_keys, questions, n, lang, extremes) if n else ""
            tables.append(tab)
        sections.append({"key": g, "title": for_current_unit(sch.groups[g][lang], lang), "tables": tables})
    return sections


def _brackets(counts: dict, group: str, lang: str) -> list[list[str]]:
    """The chart's rows: each bracket of the forms (the workbook's labels), its count."""
    return [[b.labels[lang], str(counts[b.key])] for b in get_schema().age_brackets[group] if b.key in counts]


PER_FAMILY_MAX = 30
SMALL_SAMPLE = 30  # below it, the note says percentages are read with the counts


def _stay_brackets(counts, lang: str) -> list[list[str]]:
    """Families by years in the country, in the forms' bins (the workbook's): the stay chart of a larger cohort."""
    sch = get_schema()
    rows = [[b.labels[lang], str(n)] for b, n in zip(sch.years_bins, counts)]
    if counts[-1]:
        rows.append([sch.unclear[lang], str(counts[-1])])
    return rows


def figure(kind: str, what: str, who: str, header: list[str], rows: list[list[str]], lang: str,
           total: int | str | None = None) -> dict:
    """One chart and the table of its values: what it shows, which families it counts, its rows.

    The chart's series are the table's number columns; a hidden count ("<5") draws no bar.
    """
    table_rows = [list(r) for r in rows]
    if total is not None:
        table_rows.append([t("total", lang), str(total)] + [""] * (len(header) - 2))
    return {
        "kind": kind, "title": f"{what} ({who})", "caption": t("chart_caption", lang, what=what, who=who),
        "header": header, "rows": table_rows, "total_row": total is not None,
        "categories": [r[0] for r in rows],
        "series": [(header[j], [int(r[j]) if str(r[j]).isdigit() else None for r in rows])
                   for j in range(1, len(header))],
    }


def cohort_context(results, lang: str) -> dict:
    stats = results.stats
    cohort = stats["cohort"]
    adm, rev = cohort["admitted"], cohort["reviewed"]
    eng = stats["engagement"]
    examined = results.figures.nationalities_of == "reviewed"  # the seed's chart counts the examined families
    nat = (rev if examined else adm).get("nationalities") or {}
    years = rev.get("years_in_country") or {}
    legal = results.figures.legal_stay
    # Whole years lived (floor), as the seed says "un an", "12, 14 et 18 ans".
    stay_rows = [[cid, str(int(y)) if y is not None else "", str(int(legal.get(cid, 0)))]
                 for cid, y in sorted(years.items(), key=lambda kv: (kv[1] is None, kv[1] or 0))]
    n = rev["families"]
    admitted_who = t("of_admitted", lang, n=adm["families"])
    examined_who = t("of_examined", lang, n=n)
    if len(stay_rows) > PER_FAMILY_MAX:  # a bar per family only reads for a pilot-sized cohort
        stay = figure("column", t("chart_stay", lang), examined_who, [t("years_be", lang), t("families", lang)],
                      _stay_brackets(results.figures.years_bins, lang), lang, total=results.figures.totals["years"])
    else:
        stay = figure("bar", t("chart_stay", lang), examined_who,
                      [t("family", lang), t("years_be", lang), t("legal_be", lang)], stay_rows, lang)
    nat_rows = [[k if k != "unclear" else get_schema().unclear[lang], str(v)]
                for k, v in sorted(nat.items(), key=lambda kv: (-_num_or_0(kv[1]), kv[0]))]
    mean = eng.get("mean_months_supported")
    return {
        "referred": t("who_referred", lang, referred=cohort["families_referred"], admitted=cohort["families_admitted"],
                      adults=adm["adults"], children=adm["children"], children_18=adm["children_18_plus"]),
        "reviewed": t("who_reviewed", lang, n=n, adults=rev["adults"], children=rev["children"],
                      nationalities=_join(sorted(nat), lang)),
        "stay": t("who_stay", lang, over5=rev["over_5_years_in_country"], asylum=rev["asylum_on_arrival"], n=n),
        "support": t("who_support", lang, mean=_num(mean, lang), over15=eng["over_15_months"],
                     visits=eng["home_visits"], n=n),
        "figures": {
            "adults": figure("column", t("chart_adults", lang), admitted_who, [t("bracket", lang), t("adults", lang)],
                             _brackets(adm["adult_age_brackets"], "adult", lang), lang, total=adm["adults"]),
            "children": figure("column", t("chart_children", lang), admitted_who,
                               [t("bracket", lang), t("children", lang)],
                               _brackets(adm["child_age_brackets"], "child", lang), lang, total=adm["children"]),
            "stay": stay,
            "nationalities": figure("bar", t("chart_nationalities", lang), examined_who if examined else admitted_who,
                                    [t("chart_nationalities", lang), t("families", lang)], nat_rows, lang,
                                    total=(rev if examined else adm)["families"]),
        },
    }


def _num_or_0(x) -> float:
    return x if isinstance(x, (int, float)) else 0


def _num(x, lang: str) -> str:
    if x is None:
        return "–"
    s = f"{x:.1f}"
    return s.replace(".", ",") if lang in ("fr", "nl") else s


def outcomes(stats: dict, lang: str) -> dict:
    """The examined families' situation at the reference date: one row per status that occurs, and the total."""
    scale = get_schema().scales["status"]
    counts = stats["engagement"]["status_counts"]
    rows = [[scale.label(k, lang), str(v)] for k, v in counts.items() if v]
    n = stats["impact"]["n"]
    return {"intro": t("outcomes", lang, n=n),
            "header": [t("situation", lang, date=fmt_date(stats["reference_date"])), t("families", lang)],
            "rows": rows + [[t("total", lang), str(n)]], "total_row": True}


def baseline_rows(stats: dict, lang: str) -> list[list[str]]:
    rows = []
    for item in get_schema().annex_a:
        b = stats.get("baseline", {}).get(item.key)
        if not b:
            continue
        rows.append([item.labels[lang], str(b["n"]), _num(b["first_mean"], lang), _num(b["latest_mean"], lang),
                     str(b["improved"]), str(b["unchanged"]), str(b["worsened"])])
    return rows


def case_studies(results, lang: str) -> list[dict]:
    """The Results' case studies (annex C narratives, names blanked), titled in ``lang``."""
    labels = dict(get_schema().annex_c)
    return [{"case_id": s["case_id"], "title": t("case_title", lang, case_id=s["case_id"]),
             "stages": [{"title": labels[key][lang], "text": text} for key, text in s["stages"]]}
            for s in results.case_studies]


def studies_missing(results, lang: str) -> str | None:
    """What the report says of the marked families it shows no narrative for (None: there are none)."""
    missing = results.case_studies_missing
    if not missing:
        return None
    return t("studies_missing", lang, ids=_join(missing, lang), date=fmt_date(results.stats["reference_date"]),
             sheet=get_schema().sheet("case_study").name(lang))


def material(stats: dict, studies: list[dict], lang: str, missing: str | None = None) -> dict:
    """Starting points for the sections the evaluator writes, from what the workbook holds.

    About: who is counted. Discussion: per impact group, how many examined families have obstacles
    written in their client summary, and the case studies marked for the report. Recommendations:
    how many summaries name key factors or other observations. Counts only: the texts stay in the workbook.
    """
    sch = get_schema()
    cohort, questions, n = stats["cohort"], stats["impact"]["questions"], stats["impact"]["n"]
    sheet = sch.sheet("summary").name(lang)

    def answered(keys):
        return [t("text_answered", lang, label=spelled_out(q.labels[lang], lang), n=n, sheet=sheet,
                  k=questions[q.key]["counts"].get("answered", 0))
                for q in sch.annex_b if q.key in keys and q.key in questions]

    ids = [s["case_id"] for s in studies]
    discussion = answered([q.key for q in sch.annex_b if q.scale == "text" and q.group in GROUP_ORDER])
    if ids:
        discussion.append(t("studies_marked", lang, ids=_join(ids, lang)))
    if missing:
        discussion.append(missing)
    elif not ids:
        discussion.append(t("no_case_study", lang))
    return {
        "about": [t("about_cohort", lang, referred=cohort["families_referred"],
                    admitted=cohort["families_admitted"], n=n)],
        "discussion": discussion,
        "recommendations": answered([q.key for q in sch.annex_b if q.scale == "text" and q.group == "final"]),
    }


def build_context(results, lang: str = "fr", today: dt.date | None = None) -> dict:
    stats, settings = results.stats, results.settings
    ref = stats["reference_date"]
    n = stats["impact"]["n"]
    studies = case_studies(results, lang)
    missing = studies_missing(results, lang)
    return {
        "lang": lang,
        "organisation": settings.get("organisation") or "",
        "title": t("title", lang), "subtitle": t("subtitle", lang),
        "period": t("period", lang, start=fmt_date(settings.get("period_start")) or "…", end=fmt_date(ref)),
        "reference": t("reference", lang, date=fmt_date(ref)),
        "generated": t("generated", lang, date=fmt_date(today or dt.date.today())),
        "to_write": t("to_write", lang),
        "material_intro": t("material", lang),
        "material": material(stats, studies, lang, missing),
        "cohort": cohort_context(results, lang),
        "outcomes": outcomes(stats, lang),
        "sample_note": t("sample_note", lang, n=n, one=_num(results.figures.one_case_pct, lang)) if n < SMALL_SAMPLE
        else t("sample_n", lang, n=n),
        "sections": impact_sections(results, lang),
        "baseline_header": [t(k, lang) for k in ("item", "n", "first_mean", "latest_mean", "improved",
                                                 "unchanged", "worsened")],
        "baseline_rows": baseline_rows(stats, lang),
        "case_studies": studies,
        "case_studies_missing": missing,
        "no_answer_label": NO_ANSWER[lang],
    }
