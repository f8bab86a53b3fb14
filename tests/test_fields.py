"""Column and setting types as objects (ptxl/fields.py): each field parses, validates and limits once.

Why these tests: a type's limits used to be copied into the Excel validation, the reader and the
rules, and the copies disagreed. Here the generated workbook's data validations are read back from
its XML and compared with the field; the reader and the rules are run on the values just inside and
just outside the same limits; and the typed settings keep a typed value (a 0 stays 0 where the forms
allow it) while a blank or refused one takes the forms' default.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from ptxl import fields as F
from ptxl.build.workbook import build_workbook
from ptxl.model.dataset import Dataset
from ptxl.read import read_workbook
from ptxl.rules import Context, all_rules
from ptxl.schema import Settings, get_schema, schema_json
from ptxl.validate import load_workbook

D = dt.date
SCH = get_schema()
REF = D(2023, 2, 28)


def column(sheet: str, key: str):
    return SCH.sheet(sheet).column(key)


SCORE = column("baseline", "a01_dropout_risk_score")
DATE = column("families", "referral_date")
BIRTH = column("members", "birth_date")
MINUTES = column("contacts", "minutes")
STATUS = column("families", "status")
STAY = column("families", "legal_stay_years")


# ------------------------------------------------------------------ each field parses

@pytest.mark.parametrize("col,typed,expected", [
    (SCORE, 7, (7, False, None)),
    (SCORE, "7", (7, False, "number.text")),
    (SCORE, 11, (None, False, "score.range")),
    (SCORE, -1, (None, False, "score.range")),
    (SCORE, 7.5, (None, False, "score.range")),
    (SCORE, "beaucoup", (None, False, "number.invalid")),
    (DATE, dt.datetime(2022, 3, 1, 0, 0), (D(2022, 3, 1), False, None)),
    (DATE, "01/03/2022", (D(2022, 3, 1), False, "date.text_dmy")),
    (DATE, "1/3/22", (None, False, "date.two_digit_year")),
    (DATE, "31/02/2022", (None, False, "date.invalid")),
    (DATE, 1985, (None, False, "date.invalid")),  # a year alone is not a date here
    (BIRTH, 1985, (D(1985, 7, 1), True, None)),
    (BIRTH, "1985", (D(1985, 7, 1), True, None)),
    (BIRTH, "hier", (None, False, "date.invalid")),
    (MINUTES, 45, (45, False, None)),
    (MINUTES, "45", (45, False, "number.text")),
    (MINUTES, 7.5, (None, False, "number.not_integer")),
    (MINUTES, -3, (None, False, "number.negative")),
    (STAY, 7.5, (7.5, False, None)),
    (STAY, "7,5", (7.5, False, "number.text")),
    (STAY, -3, (None, False, "number.negative")),
    (STAY, "x", (None, False, "number.invalid")),
    (STATUS, "Suivie (en cours)", ("active", False, None)),
    (STATUS, "suivie (en cours)", ("active", False, "choice.normalised")),
    (STATUS, "Ailleurs", (None, False, "choice.unknown")),
    (column("families", "family_name"), 12.0, ("12", False, None)),
    (column("contacts", "case_id"), "PT-001", ("PT-001", False, None)),
])
def test_each_field_parses_a_cell(col, typed, expected):
    assert col.field.parse(typed, "fr") == expected


@pytest.mark.parametrize("col", [SCORE, DATE, BIRTH, MINUTES, STATUS, column("families", "family_name"),
                                 column("members", "case_id"), column("case_study", "profile")])
@pytest.mark.parametrize("blank", [None, "", "   ", float("nan")])
def test_a_blank_cell_is_blank_and_never_a_finding(col, blank):
    assert col.field.parse(blank, "fr") == (None, False, None)


def test_an_invalid_value_gives_its_code_and_parameters():
    value, _yo, code = SCORE.field.parse(12, "fr")
    assert (value, code) == (None, "score.range")
    assert SCORE.field.params(code, 12, "fr") == {"min": 0, "max": 10}
    _v, _yo, code = BIRTH.field.parse("hier", "nl")
    assert BIRTH.field.params(code, None, "nl") == {"or_year": " of een jaar (jjjj)"}
    _v, _yo, code = STATUS.field.parse("Ailleurs", "fr")
    assert STATUS.field.params(code, None, "fr")["choices"] == "…"  # eleven statuses: too many to list
    code = STATUS.field.parse("suivie (en cours)", "fr")
    assert STATUS.field.params(code[2], code[0], "fr") == {"expected": "Suivie (en cours)"}
    assert MINUTES.field.params("number.invalid", None, "en") == {"hint": " (whole)"}  # an integer column
    assert STAY.field.params("number.invalid", None, "en") == {}  # a number column


def test_the_score_finding_says_the_field_s_limits(tmp_path):
    rows = {"families": [{"case_id": "PT-001", "referral_date": D(2022, 1, 5)}],
            "baseline": [{"case_id": "PT-001", "assessment_date": D(2022, 2, 1), "a01_dropout_risk_score": 14}]}
    path = build_workbook(tmp_path / "w.xlsx", "en", rows, {"reference_date": REF})
    found = [f for f in load_workbook(path).errors if f.code == "score.range"]
    assert len(found) == 1 and "from 0 to 10" in found[0].message
    assert found[0].params["min"] == SCORE.field.minimum and found[0].params["max"] == SCORE.field.maximum


def test_dtypes_and_export_values_are_the_field_s():
    assert str(SCORE.field.series([1, None]).dtype) == "Int64"
    assert str(STAY.field.series([1.5, None]).dtype) == "float64"
    assert str(MINUTES.field.series([15, None]).dtype) == "Int64"
    assert str(BIRTH.field.series([D(1985, 7, 1), None]).dtype) == "datetime64[ns]"
    assert STATUS.field.series(["active", None]).tolist() == ["active", None]
    iso = DATE.field.plain(DATE.field.series([D(2022, 3, 1), None])).tolist()
    assert iso[0] == "2022-03-01" and pd.isna(iso[1])
    scores = SCORE.field.plain(SCORE.field.series([3, None])).tolist()
    assert scores[0] == 3 and pd.isna(scores[1])


def test_the_schema_json_keeps_the_type_names_of_cli_md():
    types = {c["type"] for s in schema_json("fr")["sheets"] for c in s["columns"]}
    assert types >= {"choice", "longtext", "text", "date", "score", "case_ref", "date_or_year", "number", "integer"}
    assert all(c.field.name == c.type for s in SCH.sheets for c in s.columns)


# ------------------------------------------------------------------ one set of limits for Excel, the reader, the rules

def _validations(xlsx, sheet_key: str) -> dict:
    """First validated cell ("D2") → (type, operator, formula1, formula2)."""
    with zipfile.ZipFile(xlsx) as z:
        wb = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        name = SCH.sheet(sheet_key).name("fr").replace("'", "&apos;")
        rid = re.search(r'<sheet name="%s" sheetId="\d+" r:id="(rId\d+)"' % re.escape(name), wb).group(1)
        target = re.search(r'Id="%s" [^>]*Target="([^"]+)"' % rid, rels).group(1)
        xml = z.read("xl/" + target.lstrip("/").removeprefix("xl/")).decode()
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    out = {}
    for dv in ET.fromstring(xml).iterfind(".//m:dataValidation", ns):
        f1, f2 = (dv.findtext(f"m:formula{i}", None, ns) for i in (1, 2))
        out[dv.get("sqref").split(":")[0]] = (dv.get("type"), dv.get("operator"), f1, f2)
    return out


def _serial(d: dt.date) -> str:
    """Excel's serial of ``d`` (its 1900 system counts a 29 February 1900 that never was)."""
    return str((d - F.EPOCH_1900).days - (d < dt.date(1900, 3, 1)))


@pytest.fixture(scope="module")
def blank_book(tmp_path_factory):
    return build_workbook(tmp_path_factory.mktemp("fields") / "blank.xlsx", "fr")


def _letter(sheet: str, key: str) -> str:
    from ptxl.schema import column_letter
    return column_letter(SCH.sheet(sheet).keys.index(key)) + "2"


def test_excel_validation_limits_are_the_field_s(blank_book):
    base = _validations(blank_book, "baseline")
    assert base[_letter("baseline", SCORE.key)] == ("whole", None, str(SCORE.field.minimum), str(SCORE.field.maximum))
    fam = _validations(blank_book, "families")
    assert fam[_letter("families", DATE.key)] == ("date", None, _serial(DATE.field.minimum), _serial(DATE.field.maximum))
    custom = _validations(blank_book, "members")[_letter("members", BIRTH.key)]
    lo, hi = BIRTH.field.minimum, BIRTH.field.maximum
    assert custom[0] == "custom" and f">={lo.year}," in custom[2] and f"<={hi.year})" in custom[2]
    assert f"DATE({lo.year},{lo.month},{lo.day})" in custom[2] and f"DATE({hi.year},{hi.month},{hi.day})" in custom[2]
    con = _validations(blank_book, "contacts")[_letter("contacts", MINUTES.key)]
    assert con == ("whole", "greaterThanOrEqual", str(MINUTES.field.minimum), None)
    assert fam[_letter("families", STAY.key)] == ("decimal", "greaterThanOrEqual", str(STAY.field.minimum), None)


def test_the_settings_validation_limits_are_the_setting_s_field(blank_book):
    cells = _validations(blank_book, "settings")
    row = {s.key: f"C{i}" for i, s in enumerate(SCH.settings, start=2)}
    threshold = SCH.setting("small_cell_threshold").field
    assert threshold.minimum == 2
    assert cells[row["small_cell_threshold"]] == ("whole", None, "2", str(threshold.maximum))
    months = SCH.setting("review_months").field
    assert cells[row["review_months"]] == ("whole", None, str(months.minimum), str(months.maximum))
    start = SCH.setting("reference_date").field
    assert start.minimum == SCH.project_start
    assert cells[row["reference_date"]] == ("date", None, _serial(start.minimum), _serial(start.maximum))


@pytest.mark.parametrize("col", [SCORE, DATE, BIRTH])
def test_the_reader_accepts_the_limits_and_refuses_just_outside(col):
    f = col.field
    if isinstance(f, F.Date):
        assert f.parse(f.minimum, "fr")[0] == f.minimum and f.parse(f.maximum, "fr")[0] == f.maximum
        assert f.parse(f.minimum - dt.timedelta(days=1), "fr")[2] == "date.invalid"
        assert f.parse(f.maximum + dt.timedelta(days=1), "fr")[2] == "date.invalid"
        assert f.parse(f"{f.maximum:%d/%m/%Y}", "fr")[0] == f.maximum
    else:
        assert f.parse(f.minimum, "fr")[0] == f.minimum and f.parse(f.maximum, "fr")[0] == f.maximum
        assert f.parse(f.maximum + 1, "fr")[2] == f.parse(f.minimum - 1, "fr")[2] == "score.range"


def _rule_codes(rows, settings=None):
    ds = Dataset.from_rows(rows, settings={"reference_date": REF, **(settings or {})})
    ctx = Context.for_schema("fr", REF)
    return [(f.code, f.key) for rule in all_rules() for f in rule(ds, ctx)]


def test_the_rules_use_the_same_limits():
    fam = [{"case_id": "PT-001", "referral_date": D(2022, 1, 5), "admission_date": D(2022, 1, 10),
            "status": "active"}]
    hi = SCORE.field.maximum
    ok = _rule_codes({"families": fam, "baseline": [
        {"case_id": "PT-001", "assessment_date": D(2022, 2, 1), SCORE.key: hi}]})
    bad = _rule_codes({"families": fam, "baseline": [
        {"case_id": "PT-001", "assessment_date": D(2022, 2, 1), SCORE.key: hi + 1}]})
    assert ("score.range", SCORE.key) not in ok and ("score.range", SCORE.key) in bad
    start = SCH.project_start
    old = _rule_codes({"families": [{**fam[0], "referral_date": start - dt.timedelta(days=1)}]})
    new = _rule_codes({"families": [{**fam[0], "referral_date": start}]})
    assert ("date.too_old", "referral_date") in old and ("date.too_old", "referral_date") not in new


# ------------------------------------------------------------------ typed settings

def test_blank_settings_take_the_forms_defaults(tmp_path):
    path = build_workbook(tmp_path / "w.xlsx", "fr", {}, {s.key: None for s in SCH.settings if s.key != "language"})
    ds = load_workbook(path).dataset
    assert isinstance(ds.settings, Settings)
    for s in SCH.settings:
        if s.key != "language":
            assert ds.settings[s.key] == s.default, s.key
    assert ds.settings.small_cell_threshold == ds.settings.get("small_cell_threshold") == 5
    assert ds.settings.language == "fr"


def _threshold_read(tmp_path, typed):
    path = build_workbook(tmp_path / f"w{typed}.xlsx", "fr", {}, {"small_cell_threshold": typed,
                                                                   "alert_action_days": 0})
    loaded = load_workbook(path)
    return loaded.dataset.settings, [f for f in loaded.errors if f.code == "settings.invalid"]


def test_a_typed_zero_stays_zero_where_the_forms_allow_it(tmp_path):
    settings, found = _threshold_read(tmp_path, 3)
    assert settings.alert_action_days == 0 and settings["alert_action_days"] == 0  # not the default 7
    assert settings.small_cell_threshold == 3 and found == []


@pytest.mark.parametrize("typed", [0, 1])
def test_a_threshold_that_would_hide_nothing_is_a_finding_and_takes_the_default(tmp_path, typed):
    """A threshold below 2 hides no count (ptxl.suppress hides 1 to threshold - 1): refused, the default is used."""
    settings, found = _threshold_read(tmp_path, typed)
    assert settings.small_cell_threshold == SCH.setting("small_cell_threshold").default == 5
    assert len(found) == 1 and found[0].params["expected"] == "un nombre entier de 2 à 3\u202f650"


def test_the_suppressed_statistics_use_the_typed_threshold(tmp_path, capsys):
    import json

    from ptxl.cli import main
    path = build_workbook(tmp_path / "w.xlsx", "fr", {}, {"small_cell_threshold": 3, "reference_date": REF})
    assert main(["stats", str(path), "--suppress", "--json"]) in (0, 1)
    assert json.loads(capsys.readouterr().out)["suppression"]["threshold"] == 3


def test_settings_are_a_frozen_mapping_with_attributes():
    s = Settings({"review_months": 0})
    assert s["review_months"] == 0 and s.review_months == 0 and s.get("review_months") == 0
    assert dict(s)["support_letter_months"] == 6 and len(s) == len(SCH.settings)
    with pytest.raises(TypeError):
        s["review_months"] = 4
    with pytest.raises(AttributeError):
        s.review_months = 4
    with pytest.raises(AttributeError):
        s.no_such_setting  # noqa: B018
    with pytest.raises(ValueError):
        Settings({"no_such_setting": 1})
    later = s.replace(reference_date=REF)
    assert later.reference_date == REF and s.reference_date is None
    assert Dataset(settings={"review_months": 2}).settings.review_months == 2  # a plain mapping is made typed


def test_settings_dates_before_the_project_start_are_refused(tmp_path):
    path = build_workbook(tmp_path / "w.xlsx", "fr", {}, {"reference_date": D(1999, 12, 31)})
    loaded = load_workbook(path)
    assert loaded.dataset.settings.reference_date is None
    assert [f.params["expected"] for f in loaded.errors if f.code == "settings.invalid"] == [
        "une date jj/mm/aaaa du 01/01/2000 au 31/12/2100"]
    raw = read_workbook(path)
    assert raw.settings["reference_date"][0] is not None  # the typed value is kept in the workbook, only refused
    assert pd.Timestamp(SCH.project_start) > pd.Timestamp(1999, 12, 31)


def test_the_too_long_message_says_the_field_s_limit_in_each_language_s_numbers():
    """The limit is the field's (not a number typed in the message), written the language's way."""

    from ptxl.validate import validate_dataset
    limit = get_schema().sheet("families").column("profile_notes").field.max_length
    rows = {"families": [{"case_id": "PT-001", "referral_date": dt.date(2022, 1, 5), "status": "screening",
                          "profile_notes": "x" * (limit + 1)}]}
    [f] = [f for f in validate_dataset(Dataset.from_rows(rows, {"reference_date": dt.date(2023, 2, 28)}, "fr"))
           if f.code == "text.too_long"]
    assert f.params["limit"] == limit == 32767
    assert "32\u202f767 caractères" in f.message and f.message == f.render("fr")
    assert "32.767 tekens" in f.render("nl") and "limit of 32,767 characters" in f.render("en")


@pytest.mark.parametrize("kind", ["date", "date_or_year"])
@pytest.mark.parametrize("value", [float("inf"), float("-inf")])
def test_an_infinite_number_in_a_date_column_is_an_invalid_date_not_a_crash(kind, value):
    """Found by the property test of ``ptxl validate``: ``int(inf)`` raised OverflowError."""
    assert SCH.fields[kind].parse(value, "fr", False) == (None, False, "date.invalid")


@pytest.mark.parametrize("key", ["review_months", "support_letter_months", "alert_no_contact_days"])
def test_a_huge_whole_number_setting_is_a_finding_not_a_crash(tmp_path, capsys, key):
    """99999999 months used to run the alerts' date arithmetic off the calendar: an unforeseen problem, exit 2.
    Now the setting's field refuses it (its limit is the forms'), the default is used and the refresh works."""
    import json

    from ptxl.cli import main
    path = build_workbook(tmp_path / "w.xlsx", "fr", {}, {key: 99999999, "reference_date": REF})
    assert main(["refresh", str(path)]) == 1
    capsys.readouterr()  # the refresh's summary
    assert main(["validate", str(path), "--json"]) == 1
    found = [f for f in json.loads(capsys.readouterr().out) if f["code"] == "settings.invalid"]
    limit = SCH.setting(key).field.maximum
    assert len(found) == 1 and f"{limit:,}".replace(",", "\u202f") in found[0]["message"]
