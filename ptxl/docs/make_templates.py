"""Build the Word templates of ``templates/<lang>/`` from the schema: ``python -m ptxl.docs.make_templates``.

Why generated: every question, answer label, sheet and column name in them is
read from ``ptxl.schema`` (and the few captions of ``ptxl.docs.texts``), so a
wording change in the forms reaches the documents by re-running this, never by
retyping. The output is an ordinary .docx with docxtpl tags that staff can
open and restyle in Word; ``tests/test_docs_templates.py`` checks the committed
files still match what this writes and use only tags the context provides.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from docx.shared import Pt

from ..paths import templates_dir
from ..schema import LANGS, get_schema
from .docxbuild import HEAD_FILL, Builder, loop_columns
from .texts import ANNEX, DOC_TYPES, TITLE, spelled_out, t

W = 17.0  # usable width (cm) of a portrait A4 page with 2 cm margins


def _builder(doc: str, lang: str) -> Builder:
    return Builder(lang, f"Plan Together – {ANNEX[doc][lang]}", "{{ case_id }}", t("confidential", lang),
                   t("page", lang), t("of", lang), t("colon", lang))


def _col(sheet: str, key: str, lang: str) -> str:
    return get_schema().sheet(sheet).column(key).header(lang)


def _help(sheet: str, key: str, lang: str) -> str:
    """A column's help text is the annex question it answers; the "(annex B, question n)" pointer is dropped."""
    text = get_schema().sheet(sheet).column(key).help_text(lang) or _col(sheet, key, lang)
    return re.sub(r"\s*\((annexe|bijlage|annex) B, (question|vraag) \d+\)\s*\.?$", "", text).strip()


def _fields(b: Builder, *pairs, always: int = 0):
    """A field line whose blank pairs are left out ("Date :" with nothing after it says nothing).

    The first ``always`` pairs are always shown; a line left with no pair at all is removed.
    """
    tag = lambda pair: pair[1].strip("{} ")  # noqa: E731  ("Date", "{{ review_date }}") → review_date
    runs = []
    for i, (label, value) in enumerate(pairs):
        part = (["     "] if i else []) + [(f"{label}{b.colon}", "b"), value]  # as Builder.field_line writes it
        runs += part if i < always else [f"{{% if {tag((label, value))} %}}", *part, "{% endif %}"]
    if always:
        return b.para(*runs)
    b.control("{%p if " + " or ".join(tag(p) for p in pairs) + " %}")
    b.para(*runs)
    b.control("{%p endif %}")


def _score_matrix(b: Builder, lang: str):
    """Annex A items down, one column per assessment (docxtpl column loop); one line when there is none."""
    sch = get_schema()
    b.control("{%p if not has_assessments %}")
    b.para(t("no_assessment", lang), italic=True)
    b.control("{%p else %}")
    loop_w = W - 0.9 - 4.3 - 0.4
    tbl = b.table([0.9, 4.3, 0.2, loop_w, 0.2])
    head = b.row(tbl, loop_columns(["N°", t("item", lang)], "a in assessments", "{{ a.date }}\n{{ a.type }}"),
                 bold=True, fill=HEAD_FILL, repeat=True)
    for p in head.cells[3].paragraphs:  # dates stay on one line with six or seven assessments side by side
        for r in p.runs:
            r.font.size, r.bold = Pt(7), False
    for i, item in enumerate(sch.annex_a, 1):
        b.row(tbl, loop_columns([str(i), item.labels[lang]], f"s in A.{item.key}.scores", "{{ s }}"))
    b.control("{%p endif %}")


def fiche_de_base(lang: str) -> Builder:
    sch, b = get_schema(), _builder("fiche_de_base", lang)
    b.title(TITLE["fiche_de_base"][lang])
    _fields(b, (_col("baseline", "case_id", lang), "{{ case_id }}"),
            (_col("baseline", "assessment_date", lang), "{{ assessment_date }}"),
            (_col("families", "case_manager", lang), "{{ case_manager }}"), always=1)
    b.para(t("methodology", lang), italic=True, size=9)
    b.heading(t("scores_over_time", lang))
    _score_matrix(b, lang)
    b.control("{%p if has_assessments %}")  # no assessment: the line above says so, no empty tables
    for i, item in enumerate(sch.annex_a, 1):
        b.heading(f"{i}. {item.question[lang]}", 2)
        tbl = b.table([2.5, 2.6, 1.8, W - 6.9], [_col("baseline", "assessment_date", lang),
                                                 _col("baseline", "assessment_type", lang), t("scale", lang),
                                                 t("why", lang)])
        b.loop_rows(tbl, f"r in A.{item.key}.rows", ["{{ r.date }}", "{{ r.type }}", "{{ r.score }}", "{{ r.why }}"])
    b.control("{%p endif %}")
    return b


PROFILE = [  # annex B profile questions 1–16: (question text source, answer tag)
    (lambda l: _col("members", "gender", l), "{{ P.gender }}"),
    (lambda l: t("q_age", l), "{{ P.age }}"),
    (lambda l: _col("members", "nationality", l), "{{ P.nationality }}"),
    (None, None),  # 4: the vulnerability checklist, built below
    (lambda l: _help("families", "family_ties", l), "{{ P.family_ties }}"),
    (lambda l: _help("families", "conditions_imposed", l), "{{ P.conditions_imposed }}"),
    (lambda l: t("q_time_in_country", l), "{{ P.time_in_country }}"),
    (lambda l: _help("families", "detention_experience", l), "{{ P.detention_experience }}"),
    (lambda l: t("q_time_in_project", l), "{{ P.time_in_project }}"),
    (lambda l: t("q_contacts", l), "{{ P.contacts }}"),
    (lambda l: _help("families", "referral_route", l), "{{ P.referral_route }}"),
    (lambda l: _help("families", "released_after_contact", l), "{{ P.released_after_contact }}"),
    (lambda l: _help("families", "known_before", l), "{{ P.known_before }}"),
    (lambda l: _help("families", "intake_risk", l), "{{ P.intake_risk }}"),
    (lambda l: _help("families", "status", l), "{{ P.status }}"),
    (lambda l: _help("families", "profile_notes", l), "{{ P.profile_notes }}"),
]


def _vulnerability_cell(lang: str) -> str:
    sch = get_schema()
    lines = ["{%p if P.has_vulnerabilities %}"]
    lines += [f"{{{{ P.vulnerabilities.{k} }}}} {lab[lang]}" for k, lab in sch.vulnerabilities]
    dont_know = sch.scales["yes_no"].label("dont_know", lang)
    lines.append(f"{{% if P.vulnerabilities.dont_know %}}{dont_know}{t('colon', lang)}"
                 f"{{{{ P.vulnerabilities.dont_know }}}}"
                 f"{{% endif %}}")
    lines += ["{{ P.vulnerability_notes }}", "{%p else %}", t("no_vulnerabilities", lang), "{%p endif %}"]
    return "\n".join(lines)


def _answer_boxes(b: Builder, key: str, scale: str, lang: str):
    """The paper form's row of answers: every label of the scale, the chosen one checked."""
    options = get_schema().scales[scale].options
    b.table([W / len(options)] * len(options),
            rows=[[f"{{{{ B.{key}.{o.code} }}}} {o.label(lang)}" for o in options]], font_pt=8.5)


def fiche_de_synthese(lang: str) -> Builder:
    sch, b = get_schema(), _builder("fiche_de_synthese", lang)
    b.title(TITLE["fiche_de_synthese"][lang])
    b.field_line((t("project_location", lang), "{{ project_location }}"), (t("client_ref", lang), "{{ case_id }}"))
    _fields(b, (_col("summary", "review_date", lang), "{{ review_date }}"),
            (_col("summary", "case_manager", lang), "{{ reviewer }}"))
    b.control("{%p if not has_summary %}")
    b.para(t("no_summary", lang), italic=True)
    b.control("{%p endif %}")
    b.heading(t("profile_info", lang))
    rows = []
    for n, (question, tag) in enumerate(PROFILE, 1):
        if question is None:
            rows.append([str(n), sch.sheet("vulnerabilities").name(lang) + t("qmark", lang), _vulnerability_cell(lang)])
        else:
            rows.append([str(n), question(lang), tag])
    b.table([0.8, 6.7, W - 7.5], ["", t("question", lang), t("answer", lang)], rows)
    b.control("{%p if has_summary %}")  # no review: said once above, no unticked answer boxes
    b.heading(t("case_info", lang))
    number, group, prompts = 0, None, False
    for q in sch.annex_b:
        if q.group != group:
            group, prompts = q.group, False
            if group != "general":
                b.heading(sch.groups[group][lang], 2)
            if group != "final":
                number = 0
        if q.scale == "yes_no" and not prompts:
            b.para((f"{sch.groups[q.group][lang]} – {t('prompt_questions', lang)}", "b"),
                   size=9).paragraph_format.keep_with_next = True
            prompts = True
        number += 1
        b.para((f"{number}. ", "b"), q.question[lang]).paragraph_format.keep_with_next = True  # with its answers
        if q.scale == "text":
            b.table([W], rows=[[f"{{{{ B.{q.key} }}}}"]])
        else:
            _answer_boxes(b, q.key, q.scale, lang)
    b.control("{%p endif %}")
    return b


def modele_de_cas(lang: str) -> Builder:
    sch, b = get_schema(), _builder("modele_de_cas", lang)
    b.title(TITLE["modele_de_cas"][lang])
    b.field_line((t("project_location", lang), "{{ project_location }}"), (t("client_ref", lang), "{{ case_id }}"))
    _fields(b, (_col("case_study", "written_date", lang), "{{ case_study_date }}"))
    b.control("{%p if not has_case_study %}")
    b.para(t("no_case_study", lang), italic=True)
    b.control("{%p else %}")
    b.table([4.5, W - 4.5], [t("stages", lang), t("description", lang)],
            [[("b", label[lang]), f"{{{{ C.{key} }}}}"] for key, label in sch.annex_c], font_pt=10)
    b.control("{%p endif %}")
    return b


FAMILY_FIELDS = ("case_id", "family_name", "status", "case_manager", "referral_date", "referral_route",
                 "admission_date", "closure_date", "nationality", "arrival_date", "legal_stay_years",
                 "asylum_on_arrival", "stateless", "known_before", "released_after_contact", "intake_risk",
                 "family_ties", "conditions_imposed", "detention_experience", "profile_notes")


def _log_table(b: Builder, lang: str, sheet: str, loop: str, cols: list[tuple], empty_test: str):
    """A log sheet as a table: (header, width, tag) per column, one row per entry."""
    b.control(f"{{%p if not {empty_test} %}}")
    b.para(t("no_entries", lang), italic=True)
    b.control("{%p else %}")
    tbl = b.table([w for _h, w, _t in cols], [h for h, _w, _t in cols], font_pt=8.5)
    b.loop_rows(tbl, loop, [tag for _h, _w, tag in cols])
    b.control("{%p endif %}")


def dossier_famille(lang: str) -> Builder:
    sch, b = get_schema(), _builder("dossier_famille", lang)
    b.title(TITLE["dossier_famille"][lang], "{{ family_name }} – {{ case_id }}")
    b.field_line((t("reference_date", lang), "{{ reference_date }}"))
    b.heading(t("profile", lang))
    rows = [[("b", _col("families", k, lang)), f"{{{{ F.{k} }}}}"] for k in FAMILY_FIELDS]
    rows.insert(10, [("b", t("q_time_in_country", lang)), "{{ P.time_in_country }}"])
    rows.insert(8, [("b", t("q_time_in_project", lang)), "{{ P.time_in_project }}"])
    b.table([5.5, W - 5.5], rows=rows)
    b.heading(t("criteria", lang), 2)
    b.table([8.0, W - 8.0], rows=[[_col("families", k, lang), f"{{{{ F.{k} }}}}"] for k in sch.criteria])
    b.heading(t("members", lang))
    m = [("member_id", 2.2), ("first_name", 2.4), ("last_name", 2.4), ("role", 1.8), ("gender", 1.6),
         ("birth_date", 2.2), ("age", 1.8), ("nationality", 2.6)]
    _log_table(b, lang, "members", "m in members",
               [(t("age", lang) if k == "age" else _col("members", k, lang), w, f"{{{{ m.{k} }}}}") for k, w in m],
               "members")
    b.heading(sch.sheet("vulnerabilities").name(lang), 2)
    _fields(b, (_col("vulnerabilities", "assessed_date", lang), "{{ P.vulnerability_date }}"))
    b.control("{%p if not P.has_vulnerabilities %}")
    b.para(t("no_vulnerabilities", lang), italic=True)
    b.control("{%p else %}")
    b.table([W], rows=[[_vulnerability_cell(lang)]])
    b.control("{%p endif %}")
    b.heading(t("chronology", lang))
    _log_table(b, lang, "chronology", "e in chronology",
               [(_col("chronology", "event_date", lang), 2.2, "{{ e.date }}"),
                (_col("chronology", "event_code", lang), 5.3, "{{ e.event }}"),
                (_col("chronology", "description", lang), 7.3, "{{ e.description }}"),
                (_col("chronology", "deadline", lang), 2.2, "{{ e.deadline }}")], "chronology")
    b.heading(sch.sheet("contacts").name(lang))
    b.control("{%p if contacts %}")  # no contact: the log below says so in one line
    b.para((t("q_contacts", lang), "b"))
    b.para("{{ P.contacts }}")
    b.control("{%p endif %}")
    _log_table(b, lang, "contacts", "c in contacts",
               [(_col("contacts", "contact_date", lang), 2.2, "{{ c.date }}"),
                (_col("contacts", "contact_type", lang), 3.6, "{{ c.type }}"),
                (_col("contacts", "minutes", lang), 1.6, "{{ c.minutes }}"),
                (_col("contacts", "case_manager", lang), 2.8, "{{ c.case_manager }}"),
                (_col("contacts", "note", lang), 6.8, "{{ c.note }}")], "contacts")
    b.heading(sch.sheet("actions").name(lang))
    _log_table(b, lang, "actions", "a in actions",
               [(_col("actions", "action", lang), 6.6, "{{ a.action }}"),
                (_col("actions", "owner", lang), 2.6, "{{ a.owner }}"),
                (_col("actions", "due_date", lang), 2.2, "{{ a.due_date }}"),
                (_col("actions", "action_status", lang), 3.4, "{{ a.status }}"),
                (_col("actions", "done_date", lang), 2.2, "{{ a.done_date }}")], "actions")
    b.heading(sch.sheet("documents").name(lang))
    _log_table(b, lang, "documents", "d in documents",
               [(_col("documents", "document_type", lang), 3.4, "{{ d.type }}"),
                (_col("documents", "description", lang), 4.4, "{{ d.description }}"),
                (_col("documents", "issue_date", lang), 2.2, "{{ d.issue_date }}"),
                (_col("documents", "valid_until", lang), 3.8, "{{ d.valid_until }}"),
                (t("validity", lang), 3.2, "{{ d.validity }}")], "documents")
    b.heading(t("annex_a_section", lang))
    _score_matrix(b, lang)
    b.heading(t("annex_b_section", lang))
    b.control("{%p if not has_summary %}")
    b.para(t("no_summary", lang), italic=True)
    b.control("{%p else %}")
    _fields(b, (_col("summary", "review_date", lang), "{{ review_date }}"),
            (_col("summary", "case_manager", lang), "{{ reviewer }}"))
    rows = [[spelled_out(q.labels[lang], lang),
             f"{{{{ B.{q.key} }}}}" if q.scale == "text" else f"{{{{ B.{q.key}.answer }}}}"]
            for q in sch.annex_b]
    b.table([7.0, W - 7.0], [t("question", lang), t("answer", lang)], rows)
    b.control("{%p endif %}")
    b.heading(t("annex_c_section", lang))
    b.control("{%p if not has_case_study %}")
    b.para(t("no_case_study", lang), italic=True)
    b.control("{%p else %}")
    _fields(b, (_col("case_study", "written_date", lang), "{{ case_study_date }}"))
    for key, label in sch.annex_c:
        b.heading(label[lang], 2)
        b.para(f"{{{{ C.{key} }}}}")
    b.control("{%p endif %}")
    return b


MAKERS = {"fiche_de_base": fiche_de_base, "fiche_de_synthese": fiche_de_synthese,
          "modele_de_cas": modele_de_cas, "dossier_famille": dossier_famille}


def build_templates(out: Path | None = None, langs=LANGS) -> list[Path]:
    out = Path(out) if out else templates_dir()
    written = []
    for lang in langs:
        for doc in DOC_TYPES:
            path = out / lang / f"{doc}.docx"
            MAKERS[doc](lang).save(path, TITLE[doc][lang])
            written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    for p in build_templates(target):
        print(p)
