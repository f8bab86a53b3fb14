"""``ptxl schema --json`` and ``ptxl new`` as CLI.md describes them."""

from __future__ import annotations

import json

import pytest

from ptxl.cli import main
from ptxl.schema import LANGS, get_schema, schema_json

COLUMN_FIELDS = {"key", "header", "type", "required", "choices"}
TYPES = {"text", "longtext", "date", "date_or_year", "integer", "number", "score", "choice", "case_ref"}


@pytest.mark.parametrize("lang", LANGS)
def test_schema_json_has_the_shape_of_cli_md(lang):
    doc = schema_json(lang)
    assert doc["language"] == lang and set(doc) == {"language", "sheets"}
    sch = get_schema()
    visible = [s for s in sch.sheets if s.kind != "lists"]
    assert [s["name"] for s in doc["sheets"]] == [s.name(lang) for s in visible]
    for out, sheet in zip(doc["sheets"], visible):
        assert {"name", "table", "kind", "columns"} <= set(out)
        assert out["kind"] == ("output" if sheet.kind == "output" else "entry")
        assert out["table"] == sheet.table
        assert [c["key"] for c in out["columns"]] == sheet.keys
        for col, c in zip(out["columns"], sheet.columns):
            assert COLUMN_FIELDS <= set(col)
            assert col["type"] in TYPES or sheet.kind == "settings"
            assert isinstance(col["required"], bool)
            assert col["header"] == c.header(lang)
            if c.scale is None:
                assert col["choices"] is None
            else:
                assert col["type"] == "choice" and col["choices"] == c.scale.labels(lang)
    families = next(s for s in doc["sheets"] if s["table"] == "tblFamilies")
    status = next(c for c in families["columns"] if c["key"] == "status")
    assert status["required"] is True and len(status["choices"]) == 11


def test_output_sheets_are_listed_without_table():
    kinds = {s["name"]: (s["kind"], s["table"]) for s in schema_json("fr")["sheets"]}
    assert kinds["Impact"] == ("output", None) and kinds["Accueil"] == ("output", None)
    assert kinds["Familles"] == ("entry", "tblFamilies") and kinds["Paramètres"] == ("entry", "tblSettings")
    assert "Listes" not in kinds


def test_cli_schema_prints_the_same_json(capsys):
    assert main(["schema", "--json", "--lang", "nl"]) == 0
    assert json.loads(capsys.readouterr().out) == schema_json("nl")
    assert main(["schema", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["language"] == "fr"


def test_cli_rejects_an_unknown_language(tmp_path, capsys):
    assert main(["schema", "--json", "--lang", "de"]) == 2
    assert main(["new", str(tmp_path / "x.xlsx"), "--lang", "de"]) == 2
    err = capsys.readouterr().err
    assert "fr, nl or en" in err and "Traceback" not in err
    assert not (tmp_path / "x.xlsx").exists()


def test_cli_new_writes_once_and_never_overwrites(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    assert main(["new", str(path), "--lang", "en"]) == 0
    first = path.read_bytes()
    assert first[:2] == b"PK"
    assert main(["new", str(path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert path.read_bytes() == first


def test_cli_new_wants_an_xlsx_name(tmp_path):
    assert main(["new", str(tmp_path / "plan.xls")]) == 2
    assert not (tmp_path / "plan.xls").exists()


def test_cli_new_in_a_missing_folder_says_so(tmp_path, capsys):
    assert main(["new", str(tmp_path / "nope" / "plan.xlsx")]) == 2
    assert "does not exist" in capsys.readouterr().err
