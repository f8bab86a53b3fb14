"""Structure problems: missing or renamed sheets and columns, merged cells, formulas, error values.

They are findings (errors or warnings), never crashes; the exact cell is asserted.
"""

from __future__ import annotations

import re

from ptxl.schema import get_schema
from ptxl.validate import load_workbook
from builders import D, base_rows, build, cell, col, exp, header, keys, rewrite_parts, sheet_name


def _rename_sheet(old: str, new: str, table: str | None = None, new_table: str | None = None):
    def edit(name, data):
        if name == "xl/workbook.xml":
            data = data.replace(f'name="{old}"'.encode(), f'name="{new}"'.encode())
        if table and name.startswith("xl/tables/"):
            data = data.replace(f'"{table}"'.encode(), f'"{new_table}"'.encode())
        return data
    return edit


def test_missing_sheet_is_one_error(tmp_path):
    path = rewrite_parts(build(tmp_path / "w.xlsx"),
                         _rename_sheet("Contacts", "Notes perso", "tblContacts", "tblNotes"))
    loaded = load_workbook(path)
    assert keys(loaded.findings) == [("error", "Contacts", None, None, "sheet.missing")]
    assert loaded.dataset.tables["contacts"].empty
    assert "« Contacts » est introuvable" in loaded.findings[0].message


def test_missing_families_sheet_does_not_cascade(tmp_path):
    path = rewrite_parts(build(tmp_path / "w.xlsx"),
                         _rename_sheet("Familles", "Autre", "tblFamilies", "tblOther"))
    assert keys(load_workbook(path).findings) == [("error", "Familles", None, None, "sheet.missing")]


def test_renamed_sheet_is_found_by_its_table(tmp_path):
    path = rewrite_parts(build(tmp_path / "w.xlsx"), _rename_sheet("Contacts", "Mes contacts"))
    loaded = load_workbook(path)
    assert keys(loaded.findings) == [("warning", "Mes contacts", None, None, "sheet.renamed")]
    assert len(loaded.dataset.tables["contacts"]) == 3


def test_sheet_named_in_another_language(tmp_path):
    path = rewrite_parts(build(tmp_path / "w.xlsx"), _rename_sheet("Membres", "Gezinsleden"))
    loaded = load_workbook(path)
    assert keys(loaded.findings) == [("warning", "Gezinsleden", None, None, "sheet.renamed")]
    assert loaded.dataset.tables["members"]["role"].tolist() == ["parent", "child", "parent", "child"]


def _header(sheet: str, key: str, text: str):
    return lambda wb, sheets, fmts: sheets[sheet].write_string(0, col(sheet, key), text)


def test_renamed_column_says_what_the_header_should_be(tmp_path):
    loaded = load_workbook(build(tmp_path / "w.xlsx", extra=_header("families", "status", "Statuts")))
    assert keys(loaded.findings) == [exp("error", "families", "status", 1, "column.renamed")]
    assert "« Statut »" in loaded.findings[0].message


def test_missing_column_has_no_cell(tmp_path):
    loaded = load_workbook(build(tmp_path / "w.xlsx", extra=_header("contacts", "minutes", "Remarques")))
    assert keys(loaded.findings) == [("error", "Contacts", None, "minutes", "column.missing")]
    assert loaded.dataset.tables["contacts"]["minutes"].isna().all()  # the contract's column is still there
    assert header("contacts", "minutes") in loaded.findings[0].message


def test_headers_forgiven_case_accents_language(tmp_path):
    def extra(wb, sheets, fmts):
        sheets["families"].write_string(0, col("families", "status"), "  STATUT ")
        sheets["families"].write_string(0, col("families", "admission_date"), "date d'admission")
        sheets["contacts"].write_string(0, col("contacts", "contact_type"), "Soort contact")
    loaded = load_workbook(build(tmp_path / "w.xlsx", extra=extra))
    assert loaded.findings == []
    assert loaded.dataset.tables["families"]["status"].iloc[0] == "active"


def test_reordered_columns_are_read_by_header(tmp_path):
    rows = base_rows()
    for m in rows["members"]:
        m["first_name"], m["last_name"] = m.get("last_name"), m.get("first_name")

    def extra(wb, sheets, fmts):  # swap the two headers back: the values now sit under their right header
        sheets["members"].write_string(0, col("members", "first_name"), header("members", "last_name"))
        sheets["members"].write_string(0, col("members", "last_name"), header("members", "first_name"))
    loaded = load_workbook(build(tmp_path / "w.xlsx", rows, extra=extra))
    assert loaded.findings == []
    assert loaded.dataset.tables["members"]["first_name"].tolist() == ["Awa", "Ali", "Bea", "Bob"]


def test_extra_column_is_ignored_and_duplicate_header_warned(tmp_path):
    n = len(get_schema().sheet("families").columns)

    def extra(wb, sheets, fmts):
        sheets["families"].write_string(0, n, "Mes notes")
        sheets["families"].write_string(1, n, "privé")
        sheets["families"].write_string(0, n + 1, "Statut")
        sheets["families"].write_string(1, n + 1, "Fuite")
    loaded = load_workbook(build(tmp_path / "w.xlsx", extra=extra))
    from ptxl.schema import column_letter
    assert keys(loaded.findings) == [("warning", "Familles", f"{column_letter(n + 1)}1", "status",
                                      "column.duplicate")]
    assert loaded.dataset.tables["families"]["status"].iloc[0] == "active"


def test_merged_cells_across_the_table(tmp_path):
    def extra(wb, sheets, fmts):
        # XlsxWriter refuses a merge inside a table's range: merge just below it, where the table grows
        sheets["contacts"].merge_range(5, 3, 6, 4, None)  # D6:E7 over minutes / case manager
    loaded = load_workbook(build(tmp_path / "w.xlsx", extra=extra))
    assert keys(loaded.findings) == [("error", "Contacts", "D6", None, "cell.merged")]
    assert "D6:E7" in loaded.findings[0].message


def test_formula_where_a_value_is_expected(tmp_path):
    def extra(wb, sheets, fmts):
        sheets["baseline"].write_formula(1, col("baseline", "a01_dropout_risk_score"), "=3+4", None, 7)
    loaded = load_workbook(build(tmp_path / "w.xlsx", extra=extra))
    assert keys(loaded.findings) == [exp("error", "baseline", "a01_dropout_risk_score", 2, "cell.formula")]
    assert loaded.dataset.tables["baseline"]["a01_dropout_risk_score"].iloc[0] == 7  # value kept, not lost


def test_formula_outside_the_entry_columns_is_ignored(tmp_path):
    n = len(get_schema().sheet("contacts").columns)

    def extra(wb, sheets, fmts):
        sheets["contacts"].write_string(0, n, "Total")
        sheets["contacts"].write_formula(1, n, "=SUM(D2:D4)", None, 95)
    assert load_workbook(build(tmp_path / "w.xlsx", extra=extra)).findings == []


def test_error_value_without_formula(tmp_path):
    ref = cell("contacts", "minutes", 3)

    def edit(name, data):
        if name == "xl/worksheets/sheet8.xml":  # Contacts is the 8th sheet
            data, n = re.subn(rb'<c r="' + ref.encode() + rb'"([^>]*)><v>15</v></c>',
                              rb'<c r="' + ref.encode() + rb'"\1 t="e"><v>#N/A</v></c>', data)
            assert n == 1
        return data
    loaded = load_workbook(rewrite_parts(build(tmp_path / "w.xlsx"), edit))
    assert keys(loaded.findings) == [exp("error", "contacts", "minutes", 3, "cell.error")]


def test_text_longer_than_excel_allows(tmp_path):
    rows = base_rows()
    rows["families"][0]["profile_notes"] = "MARKER-LONG"

    def edit(name, data):
        return data.replace(b"MARKER-LONG", b"x" * 40000) if name == "xl/sharedStrings.xml" else data
    loaded = load_workbook(rewrite_parts(build(tmp_path / "w.xlsx", rows), edit))
    assert keys(loaded.findings) == [exp("error", "families", "profile_notes", 2, "text.too_long")]
    assert loaded.findings[0].value is None  # free text is never echoed back


def test_table_grown_past_its_range_and_trailing_blank_rows(tmp_path):
    def extra(wb, sheets, fmts):
        ws = sheets["contacts"]
        ws.write_string(4, col("contacts", "case_id"), "PT-002")  # row 5: below the table's range
        ws.write_datetime(4, col("contacts", "contact_date"), D(2022, 5, 2), fmts["date"])
        ws.write_string(4, col("contacts", "contact_type"), "Visite à domicile")
        for r in range(8, 40):  # formatted but empty rows, and cells holding only spaces
            ws.write_blank(r, 0, None, fmts["date"])
        ws.write_string(40, 1, "   ")
    loaded = load_workbook(build(tmp_path / "w.xlsx", extra=extra))
    assert loaded.findings == []
    contacts = loaded.dataset.tables["contacts"]
    assert contacts["_row"].tolist() == [2, 3, 4, 5]
    assert contacts["contact_type"].iloc[-1] == "home_visit"


def test_sheet_and_cell_names_follow_the_workbook_language(tmp_path):
    rows = base_rows("nl")
    rows["members"][0]["role"] = "Parent"  # the French and English label, typed in a Dutch workbook
    loaded = load_workbook(build(tmp_path / "w.xlsx", rows, lang="nl"))
    assert loaded.lang == "nl"
    assert keys(loaded.findings) == [exp("warning", "members", "role", 2, "choice.other_language", lang="nl")]
    assert loaded.findings[0].message.startswith("« Rol »")
    assert sheet_name("members", "nl") == "Gezinsleden"


def test_header_moved_down_is_warned_and_rows_keep_their_numbers():
    from ptxl.normalise import context_for, normalise
    from ptxl.read import RawWorkbook, read_table
    from ptxl.rules import structure
    sheet = get_schema().sheet("contacts")
    grid = [["Contacts de l'équipe"] + [""] * 5, [c.header("fr") for c in sheet.columns],
            ["PT-001", D(2022, 2, 10), "Appel téléphonique", 15.0, "", ""]]
    raw = RawWorkbook(None, "fr", ["Contacts"], {"contacts": read_table(sheet, "Contacts", grid, [], [], [])},
                      [], {}, None)
    ctx = context_for(raw)
    found = structure.check(raw, ctx)
    assert keys(found) == [("warning", "Contacts", None, None, "header.moved")]
    assert "ligne 2" in found[0].message
    ds, read_findings = normalise(raw, ctx)
    assert read_findings == [] and ds.tables["contacts"]["_row"].tolist() == [3]
