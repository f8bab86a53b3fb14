"""The generated workbook, read back with openpyxl as Excel would show it to a case manager.

openpyxl only reads here (it never saves a workbook). Data validations, tables and
print settings are not available in read-only mode, so those tests load fully.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import openpyxl
import pytest

from ptxl.model import styles
from ptxl.layout.home import LAST_REFRESH_NAME, home_positions
from ptxl.build.validation import CASE_IDS_NAME, VALIDATION_ROWS
from ptxl.build.workbook import build_workbook
from ptxl.forms import home as H
from ptxl.schema import LANGS, column_letter, get_schema

# The stable keys of FORMS.md, written out here on purpose: the test holds the contract, not the schema.
ANNEX_A = ["a01_dropout_risk", "a02_autonomy", "a03_trust_authorities", "a04_trust_lawyer", "a05_information",
           "a06_agency", "a07_cooperation", "a08_wellbeing", "a09_vulnerability", "a10_hope", "a11_housing",
           "a12_social_network", "a13_stability", "a14_detention_risk"]
ANNEX_B = ["engagement_capacity", "risk_level", "trust_in_system", "g1_informed_decisions", "g1_obstacles",
           "g1_more_information", "g1_constructive_choices", "g1_confidence_procedures", "g1_engaged_with_cm",
           "g1_consequences", "g2_timely_fair_resolution", "g2_obstacles", "g2_initiative", "g2_exercise_rights",
           "g2_explore_options", "g2_cooperate_conditions", "g2_authorities_informed", "g3_coping_wellbeing",
           "g3_obstacles", "g3_less_vulnerable", "g3_more_hope", "g3_trust_system", "g3_psychosocial",
           "g3_livelihood", "g3_housing", "g3_stabilised", "other_observations", "key_factors"]
ANNEX_C = ["profile", "screening_assessment", "case_planning", "interventions", "review", "closure_outcome"]
CRITERIA = ["crit_children_under_18", "crit_no_residence_permit", "crit_detention_risk", "crit_stable_housing",
            "crit_no_public_order_record", "crit_willing_to_engage", "crit_no_major_medical_issues"]
FORMS_KEYS = {
    "families": ["case_id", "family_name", "referral_date", "referral_route", "known_before", "intake_risk",
                 *CRITERIA, "admission_date", "status", "closure_date", "case_manager", "nationality",
                 "arrival_date", "asylum_on_arrival", "stateless", "conditions_imposed", "detention_experience",
                 "case_study"],
    "members": ["case_id", "member_id", "first_name", "last_name", "role", "gender", "birth_date", "nationality",
                "born_in_country"],
    "baseline": ["case_id", "assessment_date", "assessment_type", "case_manager",
                 *[f"{k}_score" for k in ANNEX_A], *[f"{k}_why" for k in ANNEX_A]],
    "summary": ["case_id", "review_date", "case_manager", *ANNEX_B],
    "case_study": ["case_id", *ANNEX_C],
    "contacts": ["case_id", "contact_date", "contact_type", "minutes", "case_manager", "note"],
    "chronology": ["case_id", "event_date", "event_code", "description", "deadline"],
    "actions": ["case_id", "action", "owner", "due_date", "action_status", "done_date"],
    "documents": ["case_id", "document_type", "issue_date", "valid_until"],
    "vulnerabilities": ["case_id"],
}
TABLES = {"families": "tblFamilies", "members": "tblMembers", "vulnerabilities": "tblVulnerabilities",
          "baseline": "tblBaseline", "summary": "tblSummary", "case_study": "tblCaseStudy",
          "contacts": "tblContacts", "chronology": "tblChronology", "actions": "tblActions",
          "documents": "tblDocuments", "settings": "tblSettings"}
SHEETS_FR = ["Accueil", "Familles", "Membres", "Vulnérabilités", "Fiche de base", "Fiche de synthèse",
             "Modèle de cas", "Contacts", "Chronologie", "Plan d'action", "Documents", "Impact", "Cohorte", "Suivi",
             "Évolution", "Alertes", "Contrôles", "Paramètres", "Listes"]
OUTPUT_KEYS = {"home", "impact", "cohort", "followup", "baseline_evolution", "alerts", "checks"}

SCH = get_schema()


@functools.lru_cache(maxsize=None)
def _load(path):
    return openpyxl.load_workbook(path)


@pytest.fixture(params=LANGS)
def book(request, blank_workbooks):
    return request.param, _load(blank_workbooks[request.param])


def table_headers(wb, table_name):
    for ws in wb.worksheets:
        if table_name in ws.tables:
            ref = ws.tables[table_name].ref
            first = ref.split(":")[0]
            assert first == "A1", f"{table_name} must start at A1, starts at {first}"
            return ws, [c.value for c in ws[1]][:len(ws.tables[table_name].tableColumns)]
    raise AssertionError(f"no table {table_name}")


def validations_by_column(ws) -> dict[str, list]:
    """Column letter → data validations covering rows 2..VALIDATION_ROWS+1 of that whole column."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            if rng.min_row == 2 and rng.max_row == VALIDATION_ROWS + 1:
                for col in range(rng.min_col, rng.max_col + 1):
                    out.setdefault(column_letter(col - 1), []).append(dv)
    return out


def resolve_list(wb, formula: str) -> list[str]:
    m = re.fullmatch(r"'?(.+?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)", formula)
    assert m, formula
    sheet, c1, r1, c2, r2 = m.groups()
    assert c1 == c2
    ws = wb[sheet.replace("''", "'")]
    return [ws[f"{c1}{r}"].value for r in range(int(r1), int(r2) + 1)]


def column_dimension(ws, index: int):
    """openpyxl groups equal adjacent columns: the dimension covering 1-based column ``index``."""
    for dim in ws.column_dimensions.values():
        if dim.min and dim.min <= index <= dim.max:
            return dim
    raise AssertionError(f"no width for column {index} of {ws.title}")


def test_sheet_names_and_order_fr(blank_fr):
    wb = _load(blank_fr)
    assert wb.sheetnames == SHEETS_FR
    assert wb["Listes"].sheet_state == "hidden"
    assert wb.active.title == "Accueil"


@pytest.mark.parametrize("sheet_key", sorted(FORMS_KEYS))
def test_every_forms_key_has_its_column(blank_fr, sheet_key):
    sheet = SCH.sheet(sheet_key)
    ws, headers = table_headers(_load(blank_fr), TABLES[sheet_key])
    assert ws.title == sheet.name("fr")
    missing = [k for k in FORMS_KEYS[sheet_key] if k not in sheet.keys]
    assert not missing
    assert headers == [c.header("fr") for c in sheet.columns]
    assert len(set(headers)) == len(headers), "an Excel table needs distinct headers"


def test_vulnerability_checklist_has_17_yes_no_columns():
    sheet = SCH.sheet("vulnerabilities")
    items = [c for c in sheet.columns if re.fullmatch(r"v\d\d_.+", c.key)]
    assert len(items) == 17 and all(c.scale.key == "yes_no" for c in items)


def test_table_names_are_stable(book):
    lang, wb = book
    found = {name: ws.title for ws in wb.worksheets for name in ws.tables}
    assert set(found) == set(TABLES.values())
    for key, table in TABLES.items():
        assert found[table] == SCH.sheet(key).name(lang)


def test_every_coded_column_has_a_dropdown_of_its_scale_labels(book):
    lang, wb = book
    checked = 0
    for sheet in SCH.entry_sheets:
        ws = wb[sheet.name(lang)]
        dvs = validations_by_column(ws)
        for j, c in enumerate(sheet.columns):
            lists = [dv for dv in dvs.get(column_letter(j), []) if dv.type == "list"]
            if c.scale is not None:
                assert len(lists) == 1, (sheet.key, c.key)
                assert resolve_list(wb, lists[0].formula1) == c.scale.labels(lang), (sheet.key, c.key)
                assert lists[0].errorStyle in (None, "stop")
                checked += 1
            elif c.type == "case_ref":
                assert [dv.formula1 for dv in lists] == [CASE_IDS_NAME]
                assert lists[0].errorStyle == "warning"
            else:
                assert not lists, (sheet.key, c.key)
    assert checked > 60


def test_case_number_dropdown_follows_the_families_table(book):
    lang, wb = book
    header = SCH.sheet("families").column("case_id").header(lang)
    assert wb.defined_names[CASE_IDS_NAME].attr_text == f"tblFamilies[{header}]"


def test_input_messages_carry_the_question(book):
    lang, wb = book
    for sheet in SCH.entry_sheets:
        dvs = validations_by_column(wb[sheet.name(lang)])
        for j, c in enumerate(sheet.columns):
            prompts = [dv.prompt for dv in dvs.get(column_letter(j), []) if dv.prompt]
            if c.help_text(lang):
                assert len(prompts) == 1, (sheet.key, c.key)
                assert prompts[0].startswith(c.help_text(lang)[:60]), (sheet.key, c.key)
                assert len(prompts[0]) <= 255
            if c.type in ("date", "date_or_year", "score"):
                assert prompts, (sheet.key, c.key)


def test_dates_scores_and_years_are_checked(blank_fr):
    wb = _load(blank_fr)
    for sheet in SCH.entry_sheets:
        ws = wb[sheet.name("fr")]
        dvs = validations_by_column(ws)
        for j, c in enumerate(sheet.columns):
            letter = column_letter(j)
            kinds = [(dv.type, dv.operator or "between", dv.formula1, dv.formula2) for dv in dvs.get(letter, [])]
            dim = column_dimension(ws, j + 1)
            if c.type == "date":
                assert dim.number_format == "dd/mm/yyyy", (sheet.key, c.key)
                assert kinds and kinds[0][0] == "date"
            elif c.type == "score":
                assert kinds == [("whole", "between", "0", "10")], (sheet.key, c.key)
            elif c.type == "date_or_year":
                # General, so a year typed alone shows as 1985, not as a date in 1905
                assert dim.number_format == "General"
                assert kinds[0][0] == "custom" and f"ISNUMBER({letter}2)" in kinds[0][2]
                assert "1900" in kinds[0][2] and "DATE(2100,12,31)" in kinds[0][2]
            elif c.type in ("text", "case_ref"):
                assert dim.number_format == "@", (sheet.key, c.key)
            elif c.type == "longtext":
                assert dim.alignment.wrap_text and dim.number_format == "@", (sheet.key, c.key)


def test_frozen_header_widths_and_tab_colours(book):
    lang, wb = book
    for sheet in SCH.sheets:
        ws = wb[sheet.name(lang)]
        colour = ws.sheet_properties.tabColor.rgb if ws.sheet_properties.tabColor else None
        if sheet.kind == "entry":
            assert ws.freeze_panes == "B2"
            assert colour == "FF" + styles.ENTRY_TAB[1:]
            assert ws.row_dimensions[1].height >= 18  # one line of header at least
            for j, c in enumerate(sheet.columns):
                assert abs(column_dimension(ws, j + 1).width - styles.column_width(c, lang)) < 1
                assert styles.column_width(c, lang) >= styles.column_width(c) >= 8
        elif sheet.kind == "output":
            expected = styles.HOME_TAB if sheet.key == "home" else styles.OUTPUT_TAB
            assert colour == "FF" + expected[1:]
        elif sheet.kind == "settings":
            assert ws.freeze_panes == "A2" and colour == "FF" + styles.SETTINGS_TAB[1:]


def test_header_row_is_tall_enough_for_every_wrapped_header(blank_fr):
    ws = _load(blank_fr)["Vulnérabilités"]
    sheet = SCH.sheet("vulnerabilities")
    need = max(styles.wrapped_lines(c.header("fr"), styles.column_width(c, "fr") * 0.9) for c in sheet.columns)
    assert need == styles.HEADER_LINES  # the long items ("Survivant d'une violence sexuelle…") wrap, in three lines
    assert 15 * need <= ws.row_dimensions[1].height <= 15 * need + 3  # as tall as its text, no taller


def test_output_sheets_are_protected_without_password(book):
    lang, wb = book
    assert {s.key for s in SCH.output_sheets} == OUTPUT_KEYS
    for sheet in SCH.sheets:
        ws = wb[sheet.name(lang)]
        if sheet.kind in ("output", "lists"):
            assert ws.protection.sheet and not ws.protection.password, sheet.key
        else:
            assert not ws.protection.sheet, sheet.key


def test_print_setup(blank_fr):
    wb = _load(blank_fr)
    for sheet in SCH.entry_sheets:
        ws = wb[sheet.name("fr")]
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == "$1:$1"
        assert "&A" in ws.oddHeader.right.text
    home = wb["Accueil"]
    assert home.page_setup.orientation == "portrait" and home.page_setup.fitToWidth in (None, 1)  # 1 = default
    assert home.sheet_properties.pageSetUpPr.fitToPage and home.page_setup.fitToHeight == 0


def test_settings_sheet(book):
    lang, wb = book
    ws = wb[SCH.sheet("settings").name(lang)]
    rows = list(ws.iter_rows(min_row=2, values_only=False))
    assert [r[0].value for r in rows] == [s.key for s in SCH.settings]
    by_key = {r[0].value: r for r in rows}
    assert by_key["language"][2].value == lang
    assert by_key["organisation"][2].value == SCH.setting("organisation").default
    assert by_key["reference_date"][2].number_format == "dd/mm/yyyy"
    for r in rows:
        assert r[0].font.color.rgb == "FF808080"  # the key is ptxl's: greyed
        if r[0].value != "language":
            assert r[2].fill.fgColor.rgb == "FF" + styles.VALUE_FILL[1:]  # the value is the user's
    kinds = {str(dv.sqref): dv.type for dv in ws.data_validations.dataValidation}
    ref_row = 2 + [s.key for s in SCH.settings].index("reference_date")
    assert kinds[f"C{ref_row}"] == "date"


def test_home_sheet_says_what_to_fill_in_and_what_the_buttons_do(book):
    lang, wb = book
    ws = wb[SCH.sheet("home").name(lang)]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    assert H.TITLE[lang] in text and H.INTRO[lang] in text
    links = [c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink]
    expected = [f"'{SCH.sheet(key).name(lang)}'!A1".replace("'", "") for key, _ in H.ORDER]
    assert [loc.replace("'", "") for loc in links] == expected
    for n, (key, what) in enumerate(H.ORDER, start=1):
        assert f"{n}. {SCH.sheet(key).name(lang)}" in text and what[lang] in text
    for b in H.BUTTONS:
        assert b["label"][lang] in text and b["text"][lang] in text
    pos = home_positions(lang)
    for b in H.BUTTONS:
        row, col = pos[f"button:{b['key']}"]
        assert ws.cell(row + 1, col + 1).value == b["label"][lang]
    row, col = pos["last_refresh"]
    cell = f"${column_letter(col)}${row + 1}"
    assert wb.defined_names[LAST_REFRESH_NAME].attr_text.endswith(f"!{cell}")
    assert ws.cell(row + 1, col + 1).value == H.NOT_YET[lang]


def test_french_home_is_plain_french():
    assert "remplir" in H.ORDER_TITLE["fr"] and "Actualiser les statistiques" in H.INTRO["fr"]
    for b in H.BUTTONS:
        assert b["label"]["fr"] != b["label"]["en"]


def test_three_languages_have_the_same_structure(blank_workbooks):
    def shape(wb):
        out = []
        for ws in wb.worksheets:
            dvs = sorted((str(dv.sqref), dv.type, dv.errorStyle) for dv in ws.data_validations.dataValidation)
            tables = sorted((t.name, t.ref, len(t.tableColumns)) for t in ws.tables.values())
            out.append((ws.sheet_state, ws.freeze_panes, ws.protection.sheet, tables, dvs, ws.max_column))
        return out, sorted(wb.defined_names)
    shapes = {lang: shape(_load(path)) for lang, path in blank_workbooks.items()}
    assert shapes["fr"] == shapes["nl"] == shapes["en"]


def test_rows_are_written_as_typed_labels_text_and_dates(tmp_path):
    path = build_workbook(tmp_path / "rows.xlsx", "nl", {
        "families": [{"case_id": "PT-001", "status": "active", "referral_date": dt.date(2022, 5, 3),
                      "family_name": "=HYPERLINK(\"x\")", "arrival_date": 2009}],
        "members": [{"case_id": "PT-001", "member_id": "007", "birth_date": dt.date(1985, 2, 1)}],
    })
    wb = openpyxl.load_workbook(path, read_only=True)
    fam = {h: c for h, c in zip(next(wb["Gezinnen"].iter_rows(max_row=1, values_only=True)),
                                next(wb["Gezinnen"].iter_rows(min_row=2, max_row=2)))}
    sheet = SCH.sheet("families")
    assert fam[sheet.column("status").header("nl")].value == "Begeleid (lopend)"
    name = fam[sheet.column("family_name").header("nl")]
    assert name.value == "=HYPERLINK(\"x\")" and name.data_type == "s"  # text, never a formula
    ref = fam[sheet.column("referral_date").header("nl")]
    assert ref.value == dt.datetime(2022, 5, 3) and ref.number_format == "dd/mm/yyyy"
    assert fam[sheet.column("arrival_date").header("nl")].value == 2009
    member = list(wb["Gezinsleden"].iter_rows(min_row=2, max_row=2, values_only=True))[0]
    assert member[1] == "007"
    wb.close()


def test_wrapped_lines_estimate():
    assert styles.wrapped_lines("abc def", 3) == 2
    assert styles.wrapped_lines("abc", 10) == 1
    assert styles.wrapped_lines("a" * 25, 10) == 3
    assert styles.wrapped_lines("x\ny", 10) == 2
    # 12 characters a line at width 10: a line broken at its last space that fits, spaces counted single
    assert styles.wrapped_lines("aaaaa bbbbbb cc", 10) == 2 == styles.wrapped_lines("aaaaa  bbbbbb\tcc", 10)
    assert styles.wrapped_lines("aaaaa bbbbbbb cccccc dd", 10) == 3
    assert styles.wrapped_lines("ab " + "x" * 30 + " cd", 10) == 4  # ab | 12 x | 12 x | 6 x cd


def test_unknown_language_is_refused(tmp_path):
    with pytest.raises(ValueError):
        build_workbook(tmp_path / "x.xlsx", "de")
    assert not (tmp_path / "x.xlsx").exists()


def test_long_notes_get_tall_rows(tmp_path):
    note = "Première visite à domicile : présentation du projet, signature de l'accord, " * 3
    path = build_workbook(tmp_path / "notes.xlsx", "fr", {"contacts": [
        {"case_id": "PT-001", "note": note}, {"case_id": "PT-001", "note": "court"}]})
    ws = openpyxl.load_workbook(path)["Contacts"]
    assert ws.row_dimensions[2].height >= 15 * 4
    assert ws.row_dimensions[3].height is None  # one line: left to Excel
    assert ws["A2"].alignment.vertical == "top" and ws["F2"].alignment.wrap_text
