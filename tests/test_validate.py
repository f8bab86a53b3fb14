"""The pipeline and the ``ptxl validate`` command: exit codes, JSON, order, privacy, and a property test."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import string

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ptxl.build.workbook import build_workbook
from ptxl.cli import main
from ptxl.model.dataset import Dataset
from ptxl.rules.messages import CATALOGUE, FILE, message
from ptxl.schema import LANGS, get_schema
from ptxl.validate import load_workbook, validate_dataset
from builders import D, base_rows, build, cell, exp, keys

CELL = re.compile(r"^([A-Z]{1,3})([1-9][0-9]*)$")


def test_validate_dataset_is_pure_and_uses_schema_cells():
    rows = {"families": [{"case_id": "PT-001", "family_name": "A", "referral_date": D(2022, 1, 1),
                          "status": "screening"}],
            "baseline": [{"case_id": "PT-001", "assessment_date": D(2022, 2, 1), "assessment_type": "bogus",
                          "a01_dropout_risk_score": 12}]}
    ds = Dataset.from_rows(rows, {"reference_date": D(2023, 2, 28)})
    found = keys(validate_dataset(ds))
    assert exp("error", "baseline", "a01_dropout_risk_score", 2, "score.range") in found
    assert exp("error", "baseline", "assessment_type", 2, "choice.unknown") in found
    assert exp("error", "baseline", "a02_autonomy_score", 2, "required.missing") in found
    assert validate_dataset(ds) == validate_dataset(ds)  # no hidden state


def test_findings_sorted_by_sheet_then_row_then_column(tmp_path):
    rows = base_rows()
    rows["contacts"][0]["minutes"] = -1
    rows["families"][2]["family_name"] = None
    rows["families"][2]["referral_date"] = None
    rows["families"][0]["known_before"] = "Ja"
    rows["members"][0]["gender"] = "F"
    found = load_workbook(build(tmp_path / "w.xlsx", rows)).findings
    assert [(f.sheet, f.cell) for f in found] == [
        ("Familles", cell("families", "known_before", 2)), ("Familles", cell("families", "family_name", 4)),
        ("Familles", cell("families", "referral_date", 4)), ("Membres", cell("members", "gender", 2)),
        ("Contacts", cell("contacts", "minutes", 2))]


def test_cli_exit_codes_and_json(tmp_path, capsys):
    clean = build(tmp_path / "clean.xlsx")
    assert main(["validate", str(clean)]) == 0
    assert "Aucun problème" in capsys.readouterr().out

    rows = base_rows()
    rows["members"][0]["gender"] = "F"  # a warning only
    warned = build(tmp_path / "warned.xlsx", rows)
    assert main(["validate", str(warned), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == [{"severity": "warning", "sheet": "Membres", "cell": cell("members", "gender", 2), "row": 2,
                    "column": cell("members", "gender", 2)[:-1], "key": "gender", "case_id": "PT-001",
                    "value": "F", "message": out[0]["message"], "code": "choice.synonym"}]

    rows["baseline"][0]["a01_dropout_risk_score"] = 15
    bad = build(tmp_path / "bad.xlsx", rows)
    assert main(["validate", str(bad)]) == 1
    text = capsys.readouterr().out
    assert "Fiche de base" in text and "Membres" in text and "1 erreur, 1 avertissement, " in text


def test_messages_never_repeat_personal_data(tmp_path):
    rows = base_rows()
    secret = "Zyxwvut"
    rows["members"][0].update(first_name=secret + "\x07", last_name=secret, birth_date=f"{secret} 1985")
    rows["families"][0].update(family_ties=secret * 3 + "\x01", nationality=secret, arrival_date=secret)
    rows["contacts"][0]["note"] = secret + "\x02"
    loaded = load_workbook(build(tmp_path / "w.xlsx", rows))
    assert {f.code for f in loaded.findings} >= {"text.control", "date.invalid"}
    for f in loaded.findings:
        assert secret not in f.message
        if get_schema().sheet(_key_of(f.sheet)).column(f.key).type in ("text", "longtext"):
            assert f.value is None or secret not in str(f.value)


def _key_of(name: str) -> str:
    return next(s.key for s in get_schema().sheets if s.name("fr") == name)


def test_catalogue_complete_in_three_languages():
    params = dict(header="H", expected="E", choices="C", ref="R", other="O", sheet="S", other_sheet="OS",
                  n=3, columns="B, D", case_id="PT-1", range="A1:B2", or_year="", hint="")
    for code, (severity, *texts) in CATALOGUE.items():
        assert severity in ("error", "warning", "info")
        assert len(set(texts)) == 3, code
        for lang in LANGS:
            text = message(code, lang, **params)
            assert "{" not in text and len(text) > 20
    for kind, texts in FILE.items():
        assert len(set(texts)) == 3 and all("{name}" in t for t in texts), kind


# ---------------------------------------------------------------- property test

SCHEMA = get_schema()
LABELS = sorted({label for s in SCHEMA.scales.values() for lang in LANGS for label in s.labels(lang)})

any_value = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
    st.text(alphabet=string.digits + "/-.: ,", max_size=12),
    st.sampled_from(LABELS),
    st.integers(min_value=-10**6, max_value=10**7),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 1, 2), max_value=dt.date(2100, 12, 31)),
    st.datetimes(min_value=dt.datetime(1900, 1, 2), max_value=dt.datetime(2100, 12, 31)),
    st.sampled_from(["PT-001", "pt-001 ", "PT-002", "", " ", "=1+1", "#N/A", "31/02/2022", "2022-13-01"]),
)


def sheet_rows(sheet):
    cols = [c.key for c in sheet.columns]
    return st.lists(st.fixed_dictionaries({}, optional={k: any_value for k in cols}), max_size=3)


workbook_rows = st.fixed_dictionaries({s.key: sheet_rows(s) for s in SCHEMA.entry_sheets})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(rows=workbook_rows, lang=st.sampled_from(LANGS))
def test_validate_never_raises_and_never_writes(tmp_path_factory, rows, lang):
    folder = tmp_path_factory.mktemp("prop")
    path = build_workbook(folder / "w.xlsx", lang, rows, {"reference_date": D(2023, 2, 28)}, coded=False)
    os.utime(path, (1_600_000_000, 1_600_000_000))
    before = (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(folder)))
    loaded = load_workbook(path)
    names = {s.name(lang) for s in SCHEMA.sheets}
    for f in loaded.findings:
        assert f.severity in ("error", "warning", "info") and f.message
        assert f.sheet in names
        if f.cell is not None:
            m = CELL.match(f.cell)
            assert m, f.cell
            assert m.group(1) == f.column and int(m.group(2)) == f.row
        json.dumps(f.to_json(), ensure_ascii=False)
    for key, df in loaded.dataset.tables.items():
        assert set(c.key for c in SCHEMA.sheet(key).columns) <= set(df.columns)
    assert (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(folder))) == before


@pytest.mark.parametrize("lang", LANGS)
def test_blank_workbook_of_each_language_is_clean(blank_workbooks, lang):
    loaded = load_workbook(blank_workbooks[lang])
    assert loaded.lang == lang and loaded.findings == []


def test_as_of_overrides_the_reference_date(tmp_path):
    path = build(tmp_path / "w.xlsx")
    early = load_workbook(path, as_of=D(2022, 6, 30))
    assert early.dataset.reference_date == D(2022, 6, 30)
    # entries after that day did not exist yet on it: not mistakes (the statistics leave them out)
    assert exp("error", "summary", "review_date", 2, "date.future") not in keys(early.findings)
    assert early.findings == load_workbook(path).findings
    assert load_workbook(path).dataset.reference_date == D(2023, 2, 28)


def test_entries_after_the_workbooks_own_date_stay_errors_with_an_earlier_as_of(tmp_path):
    rows = base_rows()
    rows["summary"][0]["review_date"] = D(2023, 3, 15)  # after the workbook's 28/02/2023
    path = build(tmp_path / "w.xlsx", rows)
    early = load_workbook(path, as_of=D(2022, 6, 30))
    assert exp("error", "summary", "review_date", 2, "date.future") in keys(early.findings)


def test_a_follow_up_with_no_baseline_at_all_is_a_finding_not_a_crash():
    """Found by the property test above: follow-up rows only, no baseline in the whole sheet."""
    rows = {"families": [], "baseline": [{"case_id": "0", "assessment_type": "follow_up",
                                          "assessment_date": D(2022, 3, 1)}]}
    findings = validate_dataset(Dataset.from_rows(rows, lang="fr"))
    assert "baseline.none" in {f.code for f in findings}
