"""The clean cohort of ``builders.py`` gives zero findings: the base every rule-catalogue case changes."""

from __future__ import annotations

from builders import REF, base_rows, build


def test_clean_workbook_has_zero_findings(tmp_path):
    from ptxl.validate import load_workbook
    loaded = load_workbook(build(tmp_path / "clean.xlsx"))
    assert [(f.cell, f.code, f.message) for f in loaded.findings] == []
    ds = loaded.dataset
    assert len(ds.tables["families"]) == 3 and len(ds.tables["members"]) == 4
    assert ds.tables["families"]["status"].tolist() == ["active", "resolved_residence_be", "not_admitted"]
    assert ds.reference_date == REF


def test_builders_refuse_keys_the_forms_do_not_have(tmp_path):
    """A misspelt column in a fixture is an error, not a blank cell that a test then passes on."""
    import pytest

    from ptxl.model.dataset import Dataset
    rows = base_rows()
    rows["baseline"][0]["a01_dropout_risk"] = 14  # the column is a01_dropout_risk_score
    for make in (lambda: build(tmp_path / "typo.xlsx", rows), lambda: Dataset.from_rows(rows)):
        with pytest.raises(ValueError, match=r"baseline\[0\]\.a01_dropout_risk\b"):
            make()
    assert not (tmp_path / "typo.xlsx").exists()
    with pytest.raises(ValueError, match="sheet 'familles'"):
        Dataset.from_rows({"familles": []})
    with pytest.raises(ValueError, match="setting 'reference'"):
        build(tmp_path / "typo.xlsx", settings={"reference": REF})
    del rows["baseline"][0]["a01_dropout_risk"]
    assert len(Dataset.from_rows(rows).tables["baseline"]) == 3  # the right keys still go through
