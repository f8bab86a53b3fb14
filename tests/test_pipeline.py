"""The one pipeline: every source loads the same, and publication is one step every view then shows.

The demo cohort (14 admitted families) has small cells in most tables, so its published figures
differ from the computed ones in many places: the report, the export's ``stats.json`` and
``ptxl stats --json --suppress`` are compared with each other and with the one published Results,
never with numbers written here.
"""

from __future__ import annotations

import json
from contextlib import redirect_stdout
from io import StringIO

import pytest
from docx import Document

from ptxl import export as ex
from ptxl.cli import main
from ptxl.pipeline import compute, load, publish, publish_for_export
from ptxl.read import named_source, read_workbook
from ptxl.report import write_report
from ptxl.schema import get_schema


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from ptxl.demo import write_demo_workbook
    return write_demo_workbook(tmp_path_factory.mktemp("org") / "plan_together.xlsx")


@pytest.fixture(scope="module")
def results(demo):
    return compute(load(demo))


@pytest.fixture(scope="module")
def published(results):
    return publish(results)


def cli_json(*args) -> dict:
    buf = StringIO()
    with redirect_stdout(buf):
        code = main(list(args))
    assert code in (0, 1)
    return json.loads(buf.getvalue())


def impact_rows(path) -> dict[str, list[str]]:
    """The report's impact table rows by question text: the cells after the question, as shown."""
    out = {}
    for table in Document(str(path)).tables:
        for row in table.rows[1:]:
            cells = [c.text for c in row.cells]
            out[cells[0]] = cells[1:]
    return out


def expected_impact_row(q: dict) -> list[str]:
    codes = [o.code for o in get_schema().scales["impact"].options]
    pos = q["positive_pct"]
    return [str(q["counts"][c]) for c in codes] + [pos if isinstance(pos, str) else f"{pos}%"]


def test_every_source_loads_the_same(demo):
    data = demo.read_bytes()
    sources = {"path": demo, "bytes": data, "named": named_source(data, demo.name),
               "raw tables": read_workbook(demo)}
    loaded = {k: load(s) for k, s in sources.items()}
    want = [f.to_json() for f in loaded["path"].findings]
    for name, got in loaded.items():
        assert [f.to_json() for f in got.findings] == want, name
        assert compute(got).stats == compute(loaded["path"]).stats, name
    assert loaded["path"].path == demo and compute(loaded["path"]).source == demo.name


def test_compute_holds_what_ptxl_stats_prints(demo, results):
    assert cli_json("stats", str(demo), "--json") == json.loads(json.dumps(results.stats))
    assert results.reference_date.isoformat() == results.stats["reference_date"]
    assert not results.published and results.threshold is None
    assert results.case_studies and all(s["stages"] for s in results.case_studies)


def test_published_once_and_not_twice(results, published):
    assert published.published and published.threshold == 5  # the demo's settings leave it blank: 5
    assert published.stats != results.stats and "suppression" not in results.stats  # the input is unchanged
    with pytest.raises(ValueError):
        publish(published)
    hidden = [k for k, q in published.stats["impact"]["questions"].items()
              if any(isinstance(v, str) for v in q["counts"].values())]
    assert hidden  # the demo cohort does have small cells: the comparisons below mean something


def test_stats_suppress_report_and_export_show_the_one_published_figures(demo, results, published, tmp_path):
    shown = json.loads(json.dumps(published.stats))
    assert cli_json("stats", str(demo), "--json", "--suppress") == shown

    report = impact_rows(write_report(published, tmp_path / "r.docx"))
    questions = {q.key: q.question["fr"] for q in get_schema().annex_b if q.scale == "impact"}
    for key, text in questions.items():
        assert report[text] == expected_impact_row(published.stats["impact"]["questions"][key]), key
    # the report formats what it is given: from the unpublished Results, the small counts are there
    plain = impact_rows(write_report(results, tmp_path / "plain.docx"))
    assert any(plain[text] != report[text] for text in questions.values())
    for key, text in questions.items():
        assert plain[text] == expected_impact_row(results.stats["impact"]["questions"][key]), key

    out = tmp_path / "export"
    ex.export_anonymised(demo, out, publish_for_export(results))
    exported = json.loads((out / ex.STATS_NAME).read_text(encoding="utf-8"))
    # the export's nationalities are its own categories (a listed country or "other", rare ones folded);
    # every other figure is the published one
    for profile in ("admitted", "reviewed"):
        exported["cohort"][profile].pop("nationalities")
        shown["cohort"][profile].pop("nationalities")
    shown.pop("reference_date")
    assert exported == shown
