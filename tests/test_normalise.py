"""Normalisation: labels → codes, dates, numbers, and the Dataset contract of ptxl/model/dataset.py."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from ptxl.build.workbook import build_workbook
from ptxl.model.dataset import Dataset
from ptxl.fields import parse_number
from ptxl.normalise import parse_choice, parse_date, parse_text
from ptxl.schema import get_schema
from ptxl.validate import load_workbook

D = dt.date


@pytest.mark.parametrize("typed,scale,lang,expected", [
    ("Oui", "yes_no", "fr", ("yes", None)),
    ("OUI ", "yes_no", "fr", ("yes", "choice.normalised")),
    ("Ja", "yes_no", "fr", ("yes", "choice.other_language")),
    ("Oui", "yes_no", "nl", ("yes", "choice.other_language")),
    ("Ne sait pas", "impact", "fr", ("dont_know", "choice.synonym")),
    ("Impact important", "impact", "fr", ("considerable", "choice.synonym")),
    ("impact negatif", "impact", "fr", ("negative", "choice.normalised")),
    ("Pas de réponse", "impact", "fr", (None, None)),
    ("Résolu – titre de séjour en Belgique", "status", "fr", ("resolved_residence_be", None)),
    ("Resolu - titre de sejour en belgique", "status", "fr", ("resolved_residence_be", "choice.normalised")),
    ("Message (SMS, WhatsApp...)", "contact_type", "fr", ("message", "choice.normalised")),
    ("En cours", "action_status", "fr", ("in_progress", None)),
    ("En cours", "status", "fr", ("active", "choice.synonym")),
    (True, "yes_no", "fr", ("yes", "choice.bool")),
    (False, "role", "fr", (None, "choice.unknown")),
    (1.0, "gender", "fr", (None, "choice.unknown")),
    ("Oui !", "yes_no", "fr", (None, "choice.unknown")),
])
def test_parse_choice(typed, scale, lang, expected):
    assert parse_choice(typed, scale, lang) == expected


@pytest.mark.parametrize("typed,or_year,expected", [
    (D(2022, 3, 4), False, (D(2022, 3, 4), False, None)),
    (dt.datetime(2022, 3, 4, 15, 0), False, (D(2022, 3, 4), False, None)),
    ("04/03/2022", False, (D(2022, 3, 4), False, "date.text_dmy")),  # Belgian: day first
    ("4.3.2022", False, (D(2022, 3, 4), False, "date.text_dmy")),
    ("04-03-2022", False, (D(2022, 3, 4), False, "date.text_dmy")),
    ("2022-03-04", False, (D(2022, 3, 4), False, "date.text_iso")),
    ("2022-03-04T00:00:00", False, (D(2022, 3, 4), False, "date.text_iso")),
    ("13/13/2022", False, (None, False, "date.invalid")),
    ("04/03/22", False, (None, False, "date.two_digit_year")),
    (44624.0, False, (D(2022, 3, 4), False, "date.serial")),
    (1985.0, True, (D(1985, 7, 1), True, None)),
    ("1985", True, (D(1985, 7, 1), True, None)),
    (1985.0, False, (None, False, "date.invalid")),
    (1985.5, True, (None, False, "date.invalid")),
    (True, False, (None, False, "date.invalid")),
    (dt.time(12, 0), False, (None, False, "date.invalid")),
    ("hier", True, (None, False, "date.invalid")),
])
def test_parse_date(typed, or_year, expected):
    assert parse_date(typed, or_year) == expected


def test_a_serial_number_has_the_date_fields_range():
    """A plain serial number and a typed date are accepted over the same range: the date field's limits
    (1900-01-01 to 2100-12-31 in the forms), not bounds of the serial parser's own."""
    from ptxl.fields import EPOCH_1900, EPOCH_1904
    field = get_schema().fields["date"]
    lo, hi = field.minimum, field.maximum
    for day in (lo, dt.date(2100, 6, 1), hi):
        assert parse_date(float((day - EPOCH_1900).days)) == (day, False, "date.serial")
        if day >= EPOCH_1904:  # the 1904 system has no serial number before its day 0
            assert parse_date(float((day - EPOCH_1904).days), date1904=True) == (day, False, "date.serial")
        assert parse_date(dt.datetime.combine(day, dt.time())) == (day, False, None)
    for outside in (lo - dt.timedelta(days=1), hi + dt.timedelta(days=1)):
        assert parse_date(float((outside - EPOCH_1900).days)) == (None, False, "date.invalid")
        assert parse_date(dt.datetime.combine(outside, dt.time())) == (None, False, "date.invalid")
    assert parse_date(float("inf")) == (None, False, "date.invalid")


@pytest.mark.parametrize("typed,integer,maximum,expected", [
    (7.0, True, 10, (7, None)),
    ("7", True, 10, (7, "number.text")),
    (" 2,5 ", False, None, (2.5, "number.text")),
    (11.0, True, 10, (None, "score.range")),
    (7.5, True, 10, (None, "score.range")),
    (7.5, True, None, (None, "number.not_integer")),
    (-1.0, False, None, (None, "number.negative")),
    ("sept", True, 10, (None, "number.invalid")),
    (True, True, 10, (None, "number.invalid")),
    (float("nan"), False, None, (None, "number.invalid")),
])
def test_parse_number(typed, integer, maximum, expected):
    assert parse_number(typed, integer, 0, maximum) == expected


def test_parse_text_keeps_what_was_typed():
    assert parse_text("  Mme  Dupont ") == "  Mme  Dupont "  # the dataset never rewrites text
    assert parse_text("   ") is None
    assert parse_text(12.0) == "12" and parse_text(12.5) == "12.5"
    assert parse_text(D(2022, 3, 4)) == "04/03/2022"


def coded_rows() -> dict:
    sch = get_schema()
    fam = {"case_id": "PT-001", "family_name": "Famille A", "referral_date": D(2022, 1, 10),
           "admission_date": D(2022, 2, 1), "status": "active", "arrival_date": 2015, "legal_stay_years": 1.5,
           "known_before": "no"}
    fam.update({c: "yes" for c in sch.criteria})
    base = {"case_id": "PT-001", "assessment_date": D(2022, 2, 3), "assessment_type": "baseline"}
    base.update({f"{a.key}_score": i % 11 for i, a in enumerate(sch.annex_a)})
    return {
        "families": [fam],
        "members": [{"case_id": "PT-001", "member_id": "PT-001-1", "role": "parent", "birth_date": 1980},
                    {"case_id": "PT-001", "member_id": "PT-001-2", "role": "child", "birth_date": D(2014, 5, 6)}],
        "baseline": [base],
        "summary": [{"case_id": "PT-001", "review_date": D(2022, 9, 1), "engagement_capacity": "some",
                     "g1_more_information": "yes", "g1_obstacles": "Aucun"}],
        "contacts": [{"case_id": "PT-001", "contact_date": D(2022, 2, 10), "contact_type": "phone", "minutes": 20}],
    }


def test_dataset_read_from_a_workbook_equals_dataset_from_rows(tmp_path):
    rows = coded_rows()
    settings = {"reference_date": D(2023, 2, 28)}
    path = build_workbook(tmp_path / "w.xlsx", "fr", rows, settings)
    read = load_workbook(path).dataset
    made = Dataset.from_rows(rows, settings, "fr")
    assert read.lang == made.lang == "fr"
    assert read.reference_date == made.reference_date == D(2023, 2, 28)
    for sheet in get_schema().entry_sheets:
        a, b = read.tables[sheet.key], made.tables[sheet.key]
        assert list(a.columns) == list(b.columns), sheet.key
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=True,
                                      obj=sheet.key)


def test_contract_dtypes(tmp_path):
    path = build_workbook(tmp_path / "w.xlsx", "fr", coded_rows(), {"reference_date": D(2023, 2, 28)})
    ds = load_workbook(path).dataset
    mem, base = ds.tables["members"], ds.tables["baseline"]
    assert str(mem["birth_date"].dtype) == "datetime64[ns]"
    assert mem["birth_date_year_only"].tolist() == [True, False]
    assert mem["birth_date"].iloc[0] == pd.Timestamp(1980, 7, 1)
    assert str(base["a01_dropout_risk_score"].dtype) == "Int64"
    assert str(ds.tables["families"]["legal_stay_years"].dtype) == "float64"
    assert ds.tables["summary"]["risk_level"].iloc[0] is None  # blank answer → None (counted as no_answer)
    assert ds.tables["contacts"]["_row"].tolist() == [2]
    assert ds.settings["support_letter_months"] == 6 and ds.settings["language"] == "fr"


def test_unreadable_values_become_blank_never_garbage(tmp_path):
    rows = coded_rows()
    rows["baseline"][0]["a01_dropout_risk_score"] = 12
    rows["families"][0]["status"] = "En pause"
    path = build_workbook(tmp_path / "w.xlsx", "fr", rows, {"reference_date": D(2023, 2, 28)})
    loaded = load_workbook(path)
    assert pd.isna(loaded.dataset.tables["baseline"]["a01_dropout_risk_score"].iloc[0])
    assert loaded.dataset.tables["families"]["status"].iloc[0] is None
    assert {f.code for f in loaded.errors} >= {"score.range", "choice.unknown"}
    assert all(f.value is not None for f in loaded.errors if f.code in ("score.range", "choice.unknown"))


def test_a_huge_whole_number_in_an_integer_column_is_an_error_not_a_crash():
    from ptxl.fields import parse_number
    assert parse_number(8.1e292, integer=True) == (None, "number.invalid")
    assert parse_number(8.1e292, integer=True, maximum=10) == (None, "score.range")
    assert parse_number(float(2 ** 53), integer=True)[0] == 2 ** 53  # the limit itself is still a number
