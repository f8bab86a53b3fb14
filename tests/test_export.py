"""``ptxl export --anonymised``: no names, no birth dates, no case ids; pseudonyms the organisation can map back."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import os
import re
import stat
import zipfile
from pathlib import Path

import pytest

from ptxl import export as ex
from ptxl.model.dataset import Dataset
from ptxl.model.errors import PtxlError
from ptxl.pipeline import compute, load, publish_for_export
from ptxl.schema import get_schema
from ptxl.validate import Loaded


def export_results(source, suppress: bool = False):
    """What the command line gives the export: a workbook (path) or a dataset loaded and computed once,
    published for the export (``--suppress``)."""
    results = compute(Loaded(source) if isinstance(source, Dataset) else load(source))
    return publish_for_export(results) if suppress else results


@pytest.fixture(autouse=True)
def _no_env_key(monkeypatch):
    monkeypatch.delenv(ex.ENV_KEY, raising=False)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from ptxl.demo import demo_rows, write_demo_workbook
    folder = tmp_path_factory.mktemp("org")
    path = folder / "plan_together.xlsx"
    write_demo_workbook(path)
    rows, _settings = demo_rows()
    return path, rows


def texts_of(folder: Path) -> dict[str, str]:
    """Every output file as text; an .xlsx (a zip) part by part, XML entities decoded."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if not p.is_file():
            continue
        data = p.read_bytes()
        if zipfile.is_zipfile(io.BytesIO(data)):
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                for name in zf.namelist():
                    out[f"{p.name}!{name}"] = html.unescape(zf.read(name).decode("utf-8", "replace"))
        else:
            out[p.name] = data.decode("utf-8-sig", "replace")
    return out


def forbidden_strings(rows: dict) -> tuple[set, set, set]:
    """(names, birth dates in every written form, case and member ids) of the demo cohort."""
    names = {r["family_name"] for r in rows["families"]}
    for r in rows["members"]:
        names.update(v for v in (r.get("first_name"), r.get("last_name")) if v)
    other_dates = set()
    for key, table in rows.items():
        for r in table:
            for k, v in r.items():
                if isinstance(v, dt.date) and k != "birth_date":
                    other_dates.add(v)
    births = {r["birth_date"] for r in rows["members"] if isinstance(r.get("birth_date"), dt.date)}
    births -= other_dates  # a birth date that is also, say, a contact date cannot be told apart
    forms = set()
    for d in births:
        forms.update({d.isoformat(), d.strftime("%d/%m/%Y"), d.strftime("%d.%m.%Y")})
    ids = {r["case_id"] for r in rows["families"]} | {r["member_id"] for r in rows["members"]}
    return names, forms, ids


def assert_clean(folder: Path, rows: dict):
    names, births, ids = forbidden_strings(rows)
    assert len(names) > 40 and len(births) > 90 and len(ids) > 80  # the search is not empty
    found = texts_of(folder)
    assert any(k.endswith(".xlsx!xl/sharedStrings.xml") for k in found)
    for where, text in found.items():
        for name in names:
            assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text), f"{name!r} in {where}"
        for d in births:
            assert d not in text, f"birth date {d} in {where}"
        for i in ids:
            assert not re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text), f"id {i} in {where}"


def test_demo_export_has_no_names_birth_dates_or_ids(tmp_path, demo):
    path, rows = demo
    out = tmp_path / "evaluation"
    result = ex.export_anonymised(path, out, export_results(path))
    assert {p.name for p in out.iterdir()} == {f"{s.key}.csv" for s in get_schema().entry_sheets} | {
        ex.XLSX_NAME, ex.MANIFEST, ex.README_NAME}
    assert result.rows["families"] == 24 and result.rows["members"] == 65
    assert_clean(out, rows)


def test_with_text_and_suppress_still_clean(tmp_path, demo):
    path, rows = demo
    out = tmp_path / "publication"
    ex.export_anonymised(path, out, export_results(path, suppress=True), with_text=True)
    assert (out / ex.STATS_NAME).exists()
    stats = json.loads((out / ex.STATS_NAME).read_text(encoding="utf-8"))
    assert stats["suppression"]["threshold"] == 5
    assert_clean(out, rows)
    case_study = (out / "case_study.csv").read_text(encoding="utf-8-sig")
    assert "profile" in case_study.splitlines()[0] and len(case_study.splitlines()) > 1  # the text is there


def test_key_and_mapping_stay_with_the_organisation(tmp_path, demo):
    path, _rows = demo
    out = tmp_path / "evaluation"
    result = ex.export_anonymised(path, out, export_results(path))
    key_file = path.parent / ex.KEY_FILE
    assert result.key_file == key_file and key_file.exists()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert result.mapping.parent == path.parent and result.mapping.exists()
    assert not any(p.name in (ex.KEY_FILE, result.mapping.name) for p in out.iterdir())
    with open(result.mapping, newline="", encoding="utf-8") as fh:
        back = {r["pseudonym"]: r["id"] for r in csv.DictReader(fh)}
    with open(out / "families.csv", newline="", encoding="utf-8-sig") as fh:
        pseudos = [r["case_id"] for r in csv.DictReader(fh)]
    assert sorted(back[p] for p in pseudos) == [f"PT-{i:03d}" for i in range(1, 25)]
    # same key → same pseudonyms next time
    again = ex.export_anonymised(path, tmp_path / "again", export_results(path))
    with open(again.out / "families.csv", newline="", encoding="utf-8-sig") as fh:
        assert [r["case_id"] for r in csv.DictReader(fh)] == pseudos


def test_pseudonyms_are_consistent_across_tables(tmp_path, demo):
    path, _rows = demo
    out = tmp_path / "evaluation"
    ex.export_anonymised(path, out, export_results(path))

    def ids(name):
        with open(out / name, newline="", encoding="utf-8-sig") as fh:
            return {r["case_id"] for r in csv.DictReader(fh)}
    families = ids("families.csv")
    for name in ("members.csv", "summary.csv", "contacts.csv", "baseline.csv"):
        assert ids(name) <= families and ids(name)
    assert all(re.fullmatch(r"X-[0-9a-f]{12}", i) for i in families)


def test_env_key_wins_and_no_key_file(tmp_path, monkeypatch):
    path = tmp_path / "org" / "w.xlsx"
    path.parent.mkdir()
    ds = Dataset.from_rows({"families": [{"case_id": "PT-001", "family_name": "Zz", "status": "active"}]})
    monkeypatch.setenv(ex.ENV_KEY, "k" * 40)
    ex.export_anonymised(path, tmp_path / "a", export_results(ds))
    assert not (path.parent / ex.KEY_FILE).exists()
    monkeypatch.setenv(ex.ENV_KEY, "other key")
    ex.export_anonymised(path, tmp_path / "b", export_results(ds))
    a = (tmp_path / "a" / "families.csv").read_text(encoding="utf-8-sig")
    b = (tmp_path / "b" / "families.csv").read_text(encoding="utf-8-sig")
    assert a != b and ex.pseudonym(b"k" * 40, "case", "PT-001") in a


def test_refuses_export_folder_holding_the_key(tmp_path):
    path = tmp_path / "org" / "w.xlsx"
    path.parent.mkdir()
    ds = Dataset.from_rows({})
    for bad in (path.parent, tmp_path):
        with pytest.raises(PtxlError):
            ex.export_anonymised(path, bad, export_results(ds))
    assert not (path.parent / ex.KEY_FILE).exists()


def test_age_brackets_at_reference_date():
    ds = Dataset.from_rows({"members": [
        {"case_id": "PT-1", "member_id": "a", "role": "parent", "birth_date": dt.date(1988, 3, 1)},   # 34
        {"case_id": "PT-1", "member_id": "b", "role": "child", "birth_date": dt.date(2019, 3, 1)},    # 3
        {"case_id": "PT-1", "member_id": "c", "role": "child", "birth_date": dt.date(2005, 3, 1)},    # 17 (birthday after)
        {"case_id": "PT-1", "member_id": "d", "role": "child", "birth_date": 2004},                  # 18 (1 July)
        {"case_id": "PT-1", "member_id": "e", "role": "other_adult", "birth_date": None},
        {"case_id": "PT-1", "member_id": "f", "role": "parent", "birth_date": dt.date(1960, 1, 1)},   # 63
    ]}, {"reference_date": dt.date(2023, 2, 28)})
    tables, _map = ex.anonymise(ds, b"key")
    m = tables["members"]
    assert "birth_date" not in m and "birth_date_year_only" not in m
    assert list(m["age_bracket"]) == ["30-39", "0-5", "12-17", "18+", "unclear", "60+"]


def test_free_text_out_by_default_names_blanked_with_text():
    ds = Dataset.from_rows({
        "families": [{"case_id": "PT-1", "family_name": "Zzacacia", "status": "active",
                      "profile_notes": "Madame Zzacacia et Yyrose vont bien."}],
        "members": [{"case_id": "PT-1", "member_id": "PT-1-1", "first_name": "Yyrose", "last_name": "Zzacacia",
                     "role": "parent"}],
        "contacts": [{"case_id": "PT-1", "contact_date": dt.date(2023, 1, 2), "contact_type": "phone",
                      "note": "=HYPERLINK(\"http://x\")"}],
    })
    sch = get_schema()
    tables, _ = ex.anonymise(ds, b"key")
    for s in sch.entry_sheets:
        for c in s.columns:
            if c.type == "longtext" or c.personal:
                assert c.key not in tables[s.key], (s.key, c.key)
    tables, _ = ex.anonymise(ds, b"key", with_text=True)
    assert tables["families"]["profile_notes"][0] == "Madame […] et […] vont bien."
    assert "family_name" not in tables["families"] and "first_name" not in tables["members"]


def test_every_text_column_is_a_decision():
    """A text column added to the forms is left out until this module lists it as safe."""
    sch = get_schema()
    exported = {c.key for s in sch.entry_sheets for c in ex._columns(s, with_text=False)
                if c.type in ("text", "longtext", "case_ref")}
    assert exported <= set(ex.PSEUDONYMISED) | set(ex.TEXT_SAFE)


def test_csv_cells_cannot_become_formulas(tmp_path):
    path = tmp_path / "org" / "w.xlsx"
    path.parent.mkdir()
    ds = Dataset.from_rows({"contacts": [{"case_id": "PT-1", "contact_date": dt.date(2023, 1, 2),
                                          "contact_type": "phone", "note": "=1+1"}]})
    ex.export_anonymised(path, tmp_path / "out", export_results(ds), with_text=True)
    text = (tmp_path / "out" / "contacts.csv").read_text(encoding="utf-8-sig")
    assert "'=1+1" in text
    with zipfile.ZipFile(tmp_path / "out" / ex.XLSX_NAME) as zf:
        sheets = "".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in sheets


def test_suppress_generalises_rare_nationalities():
    fams = [{"case_id": f"PT-{i}", "family_name": f"N{i}", "status": "active",
             "nationality": "Irak" if i < 6 else "Népal"} for i in range(7)]
    members = [{"case_id": "PT-1", "member_id": "PT-1-1", "role": "parent", "nationality": "Brésil"},
               {"case_id": "PT-2", "member_id": "PT-2-1", "role": "parent", "nationality": "irak "}]
    ds = Dataset.from_rows({"families": fams, "members": members})
    tables, _ = ex.anonymise(ds, b"key", suppress=True, threshold=5)
    # Népal (PT-6) and Brésil (a member of PT-1) are 2 families below 5: 'other' then takes the smallest
    # remaining nationality, Irak, so that no category of fewer than 5 families is left
    assert sorted(tables["families"]["nationality"]) == [ex.OTHER] * 7
    fams = fams + [{"case_id": f"PT-{i}", "family_name": f"N{i}", "status": "active", "nationality": "Népal"}
                   for i in range(7, 11)]
    ds = Dataset.from_rows({"families": fams, "members": members})
    tables, _ = ex.anonymise(ds, b"key", suppress=True, threshold=5)
    # Brésil alone is 'other' (1 family): it takes Népal (5 families, the smallest) with it
    assert sorted(tables["families"]["nationality"]) == ["Irak"] * 6 + [ex.OTHER] * 5
    ds = Dataset.from_rows({"families": fams, "members": members[1:]})
    tables, _ = ex.anonymise(ds, b"key", suppress=True, threshold=5)
    assert sorted(tables["families"]["nationality"]) == ["Irak"] * 6 + ["Népal"] * 5
    assert list(tables["members"]["nationality"]) == ["Irak"]  # the typed 'irak ' is the listed label


def test_cli_export(tmp_path, demo, capsys):
    from ptxl.cli import main
    path, rows = demo
    out = tmp_path / "cli"
    assert main(["export", str(path), "--out", str(out)]) == 2  # --anonymised is required
    assert not out.exists()
    assert main(["export", str(path), "--anonymised", "--out", str(out)]) in (0, 1)
    printed = capsys.readouterr()
    assert "export-map" in printed.out
    assert_clean(out, rows)
    assert os.listdir(out)
