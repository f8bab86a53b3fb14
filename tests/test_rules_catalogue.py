"""The catalogue of bad inputs: each case types one mistake into the clean cohort and asserts the exact
findings (severity, sheet, cell, key, code) it produces, nothing more and nothing less.

Rows are Excel rows: index 0 of a sheet's list is row 2.
Most cases run the reader's table assembly, the normaliser and every rule on raw tables made in
memory (``builders.raw_workbook``: what reading the built .xlsx gives, without writing it); the
cases that need the file itself (``extra`` cell formats, ``e2e=True``) are built and read for real,
and ``test_raw_tables_in_memory_are_those_read_from_the_file`` checks, on one real workbook holding
every row the in-memory cases type, that the two give the same raw tables.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ptxl.validate import load_raw, load_workbook
from ptxl.read import read_workbook
from ptxl.schema import get_schema
from builders import SETTINGS, D, base_rows, build, exp, keys, lab, raw_workbook

CASES = []


def case(name, expected, *, sheet=None, i=None, settings=None, extra=None, lang="fr", e2e=False, **changes):
    """One catalogue entry: set ``changes`` on row ``i`` of ``sheet`` (a function may do more).

    ``e2e`` (or an ``extra`` writer callback) builds and reads a real .xlsx instead of raw tables in memory.
    """
    CASES.append(pytest.param(sheet, i, changes, settings, extra, lang, e2e or extra is not None, expected,
                              id=name))


def drop(sheet, i):
    return lambda rows: rows[sheet].pop(i)


def add(sheet, row):
    return lambda rows: rows[sheet].append(row)


E, W, I = "error", "warning", "info"
_SETTING_KEYS = [st.key for st in get_schema().settings]
UNIT_ROW = 2 + _SETTING_KEYS.index("evaluation_unit")  # the settings table's rows, header in row 1
NOT_ASKED_ROW = 2 + _SETTING_KEYS.index("questions_not_asked")
F, M, B, S = "families", "members", "baseline", "summary"

# ---------------------------------------------------------------- families
case("family_case_id_blank", [exp(E, F, "case_id", 4, "required.missing")], sheet=F, i=2, case_id=None)
case("family_name_blank", [exp(E, F, "family_name", 4, "required.missing")], sheet=F, i=2, family_name="")
case("referral_date_blank", [exp(E, F, "referral_date", 4, "required.missing")], sheet=F, i=2, referral_date=None)
case("status_blank", [exp(E, F, "status", 4, "required.missing")], sheet=F, i=2, status=None)
case("case_id_duplicate", [exp(E, F, "case_id", 4, "unique.case_id")], sheet=F, i=2, case_id="PT-001")
case("case_id_spaces", [exp(W, F, "case_id", 4, "text.spaces")], sheet=F, i=2, case_id=" PT-003 ")
case("status_lowercase", [exp(W, F, "status", 2, "choice.normalised")], sheet=F, i=0, status="suivie (EN cours)")
case("status_synonym", [exp(W, F, "status", 2, "choice.synonym")], sheet=F, i=0, status="Suivie")
case("status_english", [exp(W, F, "status", 2, "choice.other_language")], sheet=F, i=0,
     status="Active (ongoing)", e2e=True)
case("status_unknown", [exp(E, F, "status", 4, "choice.unknown")], sheet=F, i=2, status="Refusée")
case("yes_no_lowercase", [exp(W, F, "known_before", 2, "choice.normalised")], sheet=F, i=0, known_before=" oui ")
case("yes_no_english", [exp(W, F, "known_before", 2, "choice.other_language")], sheet=F, i=0, known_before="Yes")
case("yes_no_dutch", [exp(W, F, "known_before", 2, "choice.other_language")], sheet=F, i=0, known_before="Ja")
case("yes_no_boolean", [exp(W, F, "known_before", 2, "choice.bool")], sheet=F, i=0, known_before=True, e2e=True)
case("yes_no_unknown", [exp(E, F, "known_before", 2, "choice.unknown")], sheet=F, i=0, known_before="peut-être")
case("choice_number", [exp(E, F, "intake_risk", 2, "choice.unknown")], sheet=F, i=0, intake_risk=3)
case("risk_missing_accent", [exp(W, F, "intake_risk", 2, "choice.normalised")], sheet=F, i=0,
     intake_risk="Risque eleve")
case("criterion_no_admitted", [exp(W, F, "crit_detention_risk", 2, "admission.criterion")], sheet=F, i=0,
     crit_detention_risk="Non")
case("criterion_blank_admitted", [exp(W, F, "crit_stable_housing", 2, "admission.criterion")], sheet=F, i=0,
     crit_stable_housing=None)
case("admission_before_referral", [exp(E, F, "admission_date", 2, "date.order")], sheet=F, i=0,
     admission_date=D(2022, 1, 5))
case("closure_before_admission", [exp(E, F, "closure_date", 3, "date.order"),
                                  exp(W, B, "assessment_date", 4, "date.after_closure"),
                                  exp(W, S, "review_date", 3, "date.after_closure"),
                                  exp(W, "contacts", "contact_date", 4, "date.after_closure")],
     sheet=F, i=1, closure_date=D(2022, 2, 28))
case("closure_before_referral_not_admitted", [exp(E, F, "closure_date", 4, "date.order")], sheet=F, i=2,
     closure_date=D(2022, 4, 1))
case("closed_without_closure_date", [exp(E, F, "closure_date", 3, "status.closed_no_date")], sheet=F, i=1,
     closure_date=None)
case("open_with_closure_date", [exp(E, F, "closure_date", 2, "status.open_with_date")], sheet=F, i=0,
     closure_date=D(2023, 1, 1))
case("active_without_admission_date", [exp(W, F, "admission_date", 2, "admission.no_date"),
                                       exp(W, S, "case_id", 2, "summary.not_admitted")],
     sheet=F, i=0, admission_date=None)
case("not_admitted_with_admission_date", [exp(W, F, "status", 4, "admission.date_not_admitted")], sheet=F, i=2,
     admission_date=D(2022, 5, 10))
case("referral_in_future", [exp(E, F, "referral_date", 4, "date.future")], sheet=F, i=2,
     referral_date=D(2023, 5, 1))
case("referral_implausibly_old", [exp(E, F, "referral_date", 4, "date.too_old")], sheet=F, i=2,
     referral_date=D(1999, 5, 1))
case("date_text_day_first", [exp(W, F, "referral_date", 4, "date.text_dmy")], sheet=F, i=2,
     referral_date="01/05/2022")
case("date_text_iso", [exp(W, F, "referral_date", 4, "date.text_iso")], sheet=F, i=2, referral_date="2022-05-01")
case("date_text_impossible", [exp(E, F, "referral_date", 4, "date.invalid")], sheet=F, i=2,
     referral_date="31/02/2022")
case("date_two_digit_year", [exp(E, F, "referral_date", 4, "date.two_digit_year")], sheet=F, i=2,
     referral_date="1/5/22")
case("date_words", [exp(E, F, "referral_date", 4, "date.invalid")], sheet=F, i=2, referral_date="début mai")


def general_number(sheet, row, key, number):
    """Type a number in a cell whose format was reset to General (so Excel shows it as a plain number)."""
    from builders import col
    return lambda wb, sheets, fmts: sheets[sheet].write_number(row - 1, col(sheet, key), number,
                                                               wb.add_format({"num_format": "General"}))


case("date_as_plain_number", [exp(W, F, "referral_date", 4, "date.serial")], sheet=F, i=2, referral_date=None,
     extra=general_number(F, 4, "referral_date", 44682))
case("date_as_year_only", [exp(E, F, "referral_date", 4, "date.invalid")], sheet=F, i=2, referral_date=None,
     extra=general_number(F, 4, "referral_date", 2022))
case("year_typed_in_date_cell", [exp(E, F, "referral_date", 4, "date.too_old")], sheet=F, i=2,
     referral_date=2022)
case("arrival_words", [exp(E, F, "arrival_date", 2, "date.invalid")], sheet=F, i=0, arrival_date="vers 2015")
case("number_decimal_comma_text", [exp(W, F, "legal_stay_years", 2, "number.text")], sheet=F, i=0,
     legal_stay_years="2,5")
case("number_negative", [exp(E, F, "legal_stay_years", 2, "number.negative")], sheet=F, i=0, legal_stay_years=-1)
case("number_words", [exp(E, F, "legal_stay_years", 2, "number.invalid")], sheet=F, i=0,
     legal_stay_years="beaucoup")
case("text_control_character", [exp(W, F, "family_ties", 2, "text.control")], sheet=F, i=0,
     family_ties="Copié\x07 d'un e-mail", e2e=True)
case("children_criterion_yes_no_minor", [exp(W, F, "crit_children_under_18", 3, "criterion.children_none")],
     sheet=M, i=3, role=lab("role", "other_adult"), birth_date=D(1999, 1, 1))
case("children_criterion_no_with_minor", [exp(W, F, "crit_children_under_18", 2, "admission.criterion"),
                                          exp(W, F, "crit_children_under_18", 2, "criterion.children_some")],
     sheet=F, i=0, crit_children_under_18="Non")
case("admitted_family_without_members", [exp(W, F, "case_id", 3, "family.no_members")],
     sheet=M, i=None, fn=lambda rows: rows.__setitem__(M, rows[M][:2]))

# ---------------------------------------------------------------- members
case("member_unknown_case", [exp(E, M, "case_id", 5, "case_ref.unknown"),
                             exp(W, F, "crit_children_under_18", 3, "criterion.children_none")],
     sheet=M, i=3, case_id="PT-099")
case("member_case_spelling", [exp(W, M, "case_id", 3, "case_ref.spelling")], sheet=M, i=1, case_id="pt-001")
case("member_id_duplicate", [exp(E, M, "member_id", 3, "unique.member_id")], sheet=M, i=1, member_id="PT-001-1")
case("member_id_blank", [exp(E, M, "member_id", 3, "required.missing")], sheet=M, i=1, member_id=None)
case("role_blank", [exp(E, M, "role", 3, "required.missing")], sheet=M, i=1, role=None)
case("role_plural", [exp(E, M, "role", 3, "choice.unknown")], sheet=M, i=1, role="Enfants")
case("gender_synonym", [exp(W, M, "gender", 2, "choice.synonym")], sheet=M, i=0, gender="F")
case("birth_in_future", [exp(E, M, "birth_date", 3, "date.future")], sheet=M, i=1, birth_date=D(2024, 1, 1))
case("child_aged_18_plus", [exp(I, M, "birth_date", 6, "member.child_adult")], sheet=M, i=None,
     fn=add(M, {"case_id": "PT-001", "member_id": "PT-001-3", "role": "Enfant", "birth_date": D(2001, 3, 3)}))
case("parent_aged_ten", [exp(W, M, "role", 2, "member.parent_young")], sheet=M, i=0, birth_date=D(2013, 1, 1))
case("birth_year_text", [], sheet=M, i=0, birth_date="1985")
case("birth_year_of_reference_date", [], sheet=M, i=1, birth_date=2023)  # 1 July 2023 > 28/02/2023, still fine
case("birth_year_after_reference_date", [exp(E, M, "birth_date", 3, "date.future")], sheet=M, i=1,
     birth_date=2024)

# ---------------------------------------------------------------- vulnerabilities
V = "vulnerabilities"
case("vulnerability_date_blank", [exp(E, V, "assessed_date", 2, "required.missing"),
                                  exp(W, V, "assessed_date", 2, "date.undated")], sheet=V, i=0,
     assessed_date=None)
case("vulnerability_unknown_answer", [exp(E, V, "v01_child", 2, "choice.unknown")], sheet=V, i=0, v01_child="X")
case("vulnerability_same_date_twice", [exp(E, V, "assessed_date", 3, "unique.dated")], sheet=V, i=None,
     fn=add(V, {"case_id": "PT-001", "assessed_date": D(2022, 2, 5), "v01_child": "Non"}))
case("vulnerability_before_referral", [exp(W, V, "assessed_date", 2, "date.before_referral")], sheet=V, i=0,
     assessed_date=D(2021, 12, 1))

# ---------------------------------------------------------------- baseline (annex A)
case("score_eleven", [exp(E, B, "a01_dropout_risk_score", 2, "score.range")], sheet=B, i=0,
     a01_dropout_risk_score=11)
case("score_half", [exp(E, B, "a02_autonomy_score", 2, "score.range")], sheet=B, i=0, a02_autonomy_score=7.5)
case("score_negative", [exp(E, B, "a02_autonomy_score", 2, "score.range")], sheet=B, i=0, a02_autonomy_score=-1)
case("score_as_text", [exp(W, B, "a03_trust_authorities_score", 2, "number.text")], sheet=B, i=0,
     a03_trust_authorities_score="7")
case("score_words", [exp(E, B, "a03_trust_authorities_score", 2, "number.invalid")], sheet=B, i=0,
     a03_trust_authorities_score="sept")
case("score_blank", [exp(E, B, "a04_trust_lawyer_score", 2, "required.missing")], sheet=B, i=0,
     a04_trust_lawyer_score=None)
case("score_without_why", [exp(W, B, "a05_information_why", 3, "baseline.why_missing")], sheet=B, i=1,
     a05_information_why=None)
case("assessment_type_blank", [exp(E, B, "assessment_type", 3, "required.missing")], sheet=B, i=1,
     assessment_type=None)
case("second_baseline", [exp(W, B, "assessment_type", 3, "baseline.twice")], sheet=B, i=1,
     assessment_type=lab("assessment_type", "baseline"))
case("follow_up_before_baseline", [exp(W, B, "assessment_date", 3, "baseline.followup_first")], sheet=B, i=1,
     assessment_date=D(2022, 2, 2))
case("follow_up_without_baseline", [exp(W, B, "assessment_type", 4, "baseline.none")], sheet=B, i=2,
     assessment_type=lab("assessment_type", "follow_up"))
case("assessment_same_date_twice", [exp(E, B, "assessment_date", 3, "unique.dated")], sheet=B, i=1,
     assessment_date=D(2022, 2, 3))
case("assessment_before_admission", [exp(W, B, "assessment_date", 2, "date.before_admission")], sheet=B, i=0,
     assessment_date=D(2022, 1, 20))
case("assessment_after_closure", [exp(W, B, "assessment_date", 4, "date.after_closure")], sheet=B, i=2,
     assessment_date=D(2023, 1, 5))
case("assessment_unknown_case", [exp(E, B, "case_id", 4, "case_ref.unknown")], sheet=B, i=2, case_id="PT-02")

# ---------------------------------------------------------------- client summary (annex B)
case("impact_form_wording", [exp(W, S, "engagement_capacity", 2, "choice.synonym")], sheet=S, i=0,
     engagement_capacity="Impact important")
case("impact_without_accents", [exp(W, S, "risk_level", 2, "choice.normalised")], sheet=S, i=0,
     risk_level="impact considerable")
case("yes_no_printed_english", [exp(W, S, "g1_more_information", 2, "choice.other_language")], sheet=S, i=0,
     g1_more_information="Don't know")
case("impact_no_answer_label", [], sheet=S, i=0, g2_timely_fair_resolution="Pas de réponse")
case("impact_unknown", [exp(E, S, "trust_in_system", 2, "choice.unknown")], sheet=S, i=0,
     trust_in_system="Très bien")
case("review_date_blank", [exp(E, S, "review_date", 2, "required.missing"),
                           exp(W, S, "review_date", 2, "date.undated"),
                           exp(W, F, "case_id", 2, "summary.missing")], sheet=S, i=0, review_date=None)
case("assessment_date_blank", [exp(E, B, "assessment_date", 2, "required.missing"),
                               exp(W, B, "assessment_date", 2, "date.undated")], sheet=B, i=0,
     assessment_date=None)
case("summary_not_admitted_family", [exp(W, S, "case_id", 4, "summary.not_admitted")], sheet=S, i=None,
     fn=add(S, {"case_id": "PT-003", "review_date": D(2022, 6, 1), "risk_level": "Pas d'impact"}))
case("summary_empty", [exp(W, S, "engagement_capacity", 4, "summary.empty")], sheet=S, i=None,
     fn=add(S, {"case_id": "PT-001", "review_date": D(2023, 2, 1), "other_observations": "À compléter"}))
case("summary_same_date_twice", [exp(E, S, "review_date", 4, "unique.dated")], sheet=S, i=None,
     fn=add(S, {"case_id": "PT-002", "review_date": D(2022, 12, 1), "risk_level": "Pas d'impact"}))
case("review_before_admission", [exp(W, S, "review_date", 2, "date.before_admission")], sheet=S, i=0,
     review_date=D(2022, 1, 20))
case("admitted_family_without_summary", [exp(W, F, "case_id", 3, "summary.missing")], sheet=S, i=None,
     fn=drop(S, 1))
case("review_in_future", [exp(E, S, "review_date", 3, "date.future"), exp(W, S, "review_date", 3,
                                                                           "date.after_closure"),
                          exp(W, F, "case_id", 3, "summary.missing")], sheet=S, i=1, review_date=D(2023, 6, 1))

# ---------------------------------------------------------------- case template, contacts, chronology, actions, documents
C = "contacts"
case("case_study_twice", [exp(W, "case_study", "case_id", 3, "unique.case_study")], sheet="case_study", i=None,
     fn=add("case_study", {"case_id": "PT-001", "written_date": D(2023, 2, 1)}))
case("case_study_iso_date", [exp(W, "case_study", "written_date", 2, "date.text_iso")], sheet="case_study", i=0,
     written_date="2023-01-10")
case("contact_type_no_accent", [exp(W, C, "contact_type", 2, "choice.normalised")], sheet=C, i=0,
     contact_type="visite a domicile")
case("contact_type_synonym", [exp(W, C, "contact_type", 3, "choice.synonym")], sheet=C, i=1,
     contact_type="Téléphone")
case("contact_type_blank", [exp(E, C, "contact_type", 3, "required.missing")], sheet=C, i=1, contact_type=None)
case("minutes_too_long", [exp(W, C, "minutes", 2, "minutes.long")], sheet=C, i=0, minutes=1000)
case("minutes_fraction", [exp(E, C, "minutes", 2, "number.not_integer")], sheet=C, i=0, minutes=12.5)
case("minutes_negative", [exp(E, C, "minutes", 2, "number.negative")], sheet=C, i=0, minutes=-5)
case("contact_before_referral", [exp(W, C, "contact_date", 2, "date.before_referral")], sheet=C, i=0,
     contact_date=D(2021, 12, 24))
case("contact_after_closure", [exp(W, C, "contact_date", 4, "date.after_closure")], sheet=C, i=2,
     contact_date=D(2023, 1, 10))
case("contact_entered_twice", [exp(W, C, "contact_date", 5, "duplicate.row")], sheet=C, i=None,
     fn=add(C, {"case_id": "PT-002", "contact_date": D(2022, 4, 1), "contact_type": "Appel téléphonique",
                "minutes": 20}))
case("contact_with_time_of_day", [], sheet=C, i=0, contact_date=dt.datetime(2022, 2, 10, 14, 30), e2e=True)
case("contact_unknown_case", [exp(E, C, "case_id", 3, "case_ref.unknown")], sheet=C, i=1, case_id="PT-1")
case("event_unknown", [exp(E, "chronology", "event_code", 2, "choice.unknown")], sheet="chronology", i=0,
     event_code="Recours")
case("deadline_before_event", [exp(E, "chronology", "deadline", 2, "date.order")], sheet="chronology", i=0,
     deadline=D(2022, 2, 1))
case("event_date_blank", [exp(E, "chronology", "event_date", 2, "required.missing")], sheet="chronology", i=0,
     event_date=None)
case("action_blank", [exp(E, "actions", "action", 3, "required.missing")], sheet="actions", i=1, action="  ")
case("action_done_without_date", [exp(W, "actions", "done_date", 2, "action.done_no_date")], sheet="actions",
     i=0, done_date=None)
case("action_dated_not_done", [exp(W, "actions", "action_status", 3, "action.date_not_done")],
     sheet="actions", i=1, done_date=D(2023, 2, 1))
case("action_done_in_future", [exp(E, "actions", "done_date", 2, "date.future")], sheet="actions", i=0,
     done_date=D(2023, 3, 10))
case("document_valid_before_issue", [exp(E, "documents", "valid_until", 2, "date.order")], sheet="documents",
     i=0, valid_until=D(2019, 1, 1))
case("document_type_blank", [exp(E, "documents", "document_type", 3, "required.missing")], sheet="documents",
     i=1, document_type=None)

# ---------------------------------------------------------------- settings
P = "settings"
case("reference_date_not_a_date", [exp(E, P, "value", 5, "settings.invalid", at="C5")],
     settings={"reference_date": "fin février"}, e2e=True)
case("language_unknown", [exp(E, P, "value", 6, "settings.invalid", at="C6")],
     extra=lambda wb, sheets, fmts: sheets[P].write_string(5, 2, "de"))

case("evaluation_unit_unknown", [exp(E, P, "value", UNIT_ROW, "settings.invalid", at=f"C{UNIT_ROW}")],
     settings={**SETTINGS, "evaluation_unit": "ménage"})
case("question_not_asked_unknown", [exp(E, P, "value", NOT_ASKED_ROW, "settings.invalid", at=f"C{NOT_ASKED_ROW}")],
     settings={**SETTINGS, "questions_not_asked": "g2_cooperate_conditions; conditions imposées"})

# ---------------------------------------------------------------- unit of a case, questions not asked
# A pilot whose case is one person: no members, no children criterion, nothing to warn.
case("person_unit_without_members", [], sheet=M, i=None, settings={**SETTINGS, "evaluation_unit": "Personne"},
     fn=lambda rows: (rows[M].clear(), [f.update(crit_children_under_18=None) for f in rows[F]]))
# A question not asked is never a blank answer: a summary answering only the others is not empty ...
case("question_not_asked_is_no_blank", [], sheet=S, i=None,
     settings={**SETTINGS, "questions_not_asked": "engagement_capacity;G1 – Plus d'informations"},
     fn=lambda rows: [r.update(engagement_capacity=None, g1_more_information=None) for r in rows[S]])
# ... and an answer typed in its column is not counted, so staff are told.
case("question_not_asked_answered", [exp(W, S, "g2_cooperate_conditions", 2, "summary.not_asked"),
                                     exp(W, S, "g2_cooperate_conditions", 3, "summary.not_asked")],
     settings={**SETTINGS, "questions_not_asked": "g2_cooperate_conditions"})


def case_rows(sheet, i, changes, lang) -> dict:
    """The clean cohort with one case's changes typed in."""
    rows = base_rows(lang)
    changes = dict(changes)
    fn = changes.pop("fn", None)
    if fn is not None:
        fn(rows)
    if changes:
        rows[sheet][i].update(changes)
    return rows


@pytest.mark.parametrize("sheet,i,changes,settings,extra,lang,e2e,expected", CASES)
def test_catalogue(tmp_path, sheet, i, changes, settings, extra, lang, e2e, expected):
    rows = case_rows(sheet, i, changes, lang)
    if e2e:
        loaded = load_workbook(build(tmp_path / "w.xlsx", rows, settings, lang, extra))
    else:
        loaded = load_raw(raw_workbook(rows, settings, lang))
    assert keys(loaded.findings) == sorted(expected)


def test_raw_tables_in_memory_are_those_read_from_the_file(tmp_path):
    """Every row an in-memory case types, written into one real workbook and read back, gives the raw
    tables (rows, columns, values as calamine reads them) and the findings that ``raw_workbook`` gives
    without a file."""
    together = {s.key: [] for s in get_schema().entry_sheets}
    for p in CASES:
        sheet, i, changes, _settings, _extra, lang, e2e, _expected = p.values
        if not e2e:
            for key, records in case_rows(sheet, i, changes, lang).items():
                together[key] += records
    assert sum(map(len, together.values())) > 1000
    path = build(tmp_path / "all.xlsx", together)
    real_raw, memory_raw = read_workbook(path), raw_workbook(together)
    # the same findings, message and value included, as reading the file gives
    assert [f.to_json() for f in load_raw(memory_raw).findings] == [f.to_json() for f in load_workbook(path).findings]
    real, memory = real_raw.tables, memory_raw.tables
    assert set(real) == set(memory)
    for key, table in real.items():
        mine = memory[key]
        assert (mine.name, mine.header_row, mine.columns, mine.rows) == \
            (table.name, table.header_row, table.columns, table.rows), key
        for col, values in table.values.items():
            wrong = [(r, a, b) for r, a, b in zip(table.rows, values, mine.values[col])
                     if (type(a), a) != (type(b), b)]
            assert not wrong, (key, col, wrong[:3])


def test_catalogue_is_large_enough():
    assert len(CASES) >= 60
    codes = {e[4] for p in CASES for e in p.values[-1]}
    assert 3 <= sum(p.values[-2] for p in CASES) <= 12  # a few cases still go through a real .xlsx
    from ptxl.rules.messages import CATALOGUE
    unused = set(CATALOGUE) - codes
    # structure codes are exercised in test_rules_structure.py
    assert unused <= {"sheet.missing", "sheet.renamed", "column.missing", "column.renamed", "column.duplicate",
                      "header.moved", "cell.merged", "cell.formula", "cell.error", "text.too_long"}, unused
