"""``ptxl stats``: JSON of CLI.md on stdout, --as-of, plain errors with exit 2."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from ptxl.build.workbook import build_workbook
from ptxl.cli import app
from ptxl.demo import write_demo_workbook

runner = CliRunner()


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    return write_demo_workbook(tmp_path_factory.mktemp("stats") / "demo.xlsx")


def test_json_has_the_cli_md_shape(demo_path):
    res = runner.invoke(app, ["stats", str(demo_path), "--json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert list(doc) == ["reference_date", "impact", "cohort", "engagement", "baseline"]
    assert doc["reference_date"] == "2023-02-28" and doc["impact"]["n"] == 12
    assert set(doc["cohort"]) == {"families_referred", "families_admitted", "admitted", "reviewed"}
    assert {"status_counts", "mean_months_supported", "over_15_months", "home_visits",
            "contacts_by_type"} <= set(doc["engagement"])
    q = doc["impact"]["questions"]["engagement_capacity"]
    assert q["counts"]["some"] == 6 and q["positive_pct"] == 75


def test_as_of_moves_the_reference_date(demo_path):
    res = runner.invoke(app, ["stats", str(demo_path), "--json", "--as-of", "2022-06-30"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["reference_date"] == "2022-06-30"
    # admitted by then: PT-001, 006, 007, 009, 011, 012; PT-011 had no client summary yet
    assert doc["cohort"]["families_admitted"] == 6 and doc["impact"]["n"] == 5


def test_text_summary_without_json(demo_path):
    res = runner.invoke(app, ["stats", str(demo_path)])
    assert res.exit_code == 0 and "28/02/2023" in res.stdout and "75 %" in res.stdout  # dates as French writes them


@pytest.mark.parametrize("args", [["--as-of", "28/02/2023"], []])
def test_bad_input_is_a_plain_message_and_exit_2(tmp_path, demo_path, args):
    path = demo_path if args else tmp_path / "missing.xlsx"
    res = runner.invoke(app, ["stats", str(path), "--json", *args])
    assert res.exit_code == 2 and "Traceback" not in res.output


def test_a_blank_workbook_gives_zero_families(tmp_path):
    path = build_workbook(tmp_path / "blank.xlsx", "fr", settings={"reference_date": None})
    res = runner.invoke(app, ["stats", str(path), "--json", "--as-of", "2023-01-01"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["impact"]["n"] == 0 and doc["cohort"]["families_referred"] == 0
