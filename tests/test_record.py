"""The processing record: a line for every docs, report, export and stats --json run, beside the workbook,
without any name; ``ptxl log`` prints it."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from ptxl import crypto, record
from ptxl.cli import main

PLANTED = ("Zorglubette", "Van der Quixwel", "Ébène-Marthe")


@pytest.fixture(autouse=True)
def _env(monkeypatch):
    for var in ("PTXL_PASSWORD", "PTXL_OUTPUT_PASSWORD", "PTXL_EXPORT_KEY"):
        monkeypatch.delenv(var, raising=False)
    crypto._REMEMBERED.clear()


def planted_workbook(folder: Path) -> Path:
    from ptxl.build.workbook import build_workbook
    from ptxl.demo import demo_rows
    rows, settings = demo_rows()
    rows["families"][0]["family_name"] = PLANTED[1]
    rows["members"][0]["first_name"], rows["members"][0]["last_name"] = PLANTED[0], PLANTED[1]
    rows["members"][1]["first_name"] = PLANTED[2]
    folder.mkdir(parents=True, exist_ok=True)
    return build_workbook(folder / "w.xlsx", "fr", rows, settings)


def run_all(path: Path, out: Path, capsys) -> None:
    first = "PT-001"
    assert main(["docs", str(path), "--out", str(out / "docs"), "--case", first]) == 0
    assert main(["report", str(path), "--out", str(out / "r.docx")]) == 0
    assert main(["export", str(path), "--anonymised", "--out", str(out / "x"), "--with-text"]) == 0
    assert main(["stats", str(path), "--json"]) == 0
    capsys.readouterr()


def test_every_run_is_recorded_and_the_record_holds_no_name(tmp_path, capsys):
    path = planted_workbook(tmp_path / "org")
    run_all(path, tmp_path / "out", capsys)
    assert main(["log", str(path), "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [e["command"] for e in entries] == ["docs", "report", "export", "stats"]
    docs, rep, exp, stats = entries
    assert (docs["families"], docs["documents"]) == (1, 4)
    assert rep["documents"] == 1 and rep["families"] == 24 and exp["families"] == 24 and stats["documents"] == 0
    assert docs["out"] == str((tmp_path / "out" / "docs").resolve())
    assert all(e["encrypted"] is False and e["user"] is not None for e in entries)
    for e in entries:
        when = dt.datetime.fromisoformat(e["time"])
        assert when.tzinfo is not None and abs((dt.datetime.now(when.tzinfo) - when).total_seconds()) < 600
    assert len(docs["cases"]) == 1 and len(exp["cases"]) == 24
    assert all(re.fullmatch(r"X-[0-9a-f]{12}", c) for e in entries for c in e["cases"])
    # never a name in what ptxl wrote beside the workbook (record, key, pseudonym table), nor a case id
    # in the record
    beside = [p for p in path.parent.iterdir() if p.is_file() and p != path]
    assert record.record_path(path) in beside
    for p in beside:
        text = p.read_text(encoding="utf-8", errors="replace")
        for name in PLANTED + ("PT-001", "PT-014") if p.name.endswith(record.SUFFIX) else PLANTED:
            for part in re.split(r"[\s-]+", name):
                if len(part) > 3:
                    assert part not in text, f"{part!r} in {p.name}"
    # nor in the export that left (free text included: names blanked)
    for p in (tmp_path / "out" / "x").iterdir():
        text = p.read_bytes().decode("utf-8", "replace")
        assert "Zorglubette" not in text and "Quixwel" not in text, p.name


def test_log_prints_a_line_per_run_and_finds_a_family(tmp_path, capsys):
    path = planted_workbook(tmp_path / "org")
    assert main(["log", str(path)]) == 0
    assert "Aucune exécution enregistrée" in capsys.readouterr().out  # the (French) workbook's language
    assert main(["docs", str(path), "--out", str(tmp_path / "d"), "--case", "PT-001"]) == 0
    assert main(["docs", str(path), "--out", str(tmp_path / "d"), "--case", "PT-006"]) == 0
    capsys.readouterr()
    assert main(["log", str(path)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 2 and all("docs" in line and "NON chiffré" in line for line in printed)
    assert all(re.match(r"\d\d/\d\d/\d{4} \d\d:\d\d  docs ", line) for line in printed), printed  # the date as staff write it
    assert main(["log", str(path), "--lang", "en"]) == 0
    assert all("NOT encrypted" in line and "1 case," in line for line in capsys.readouterr().out.splitlines())
    assert main(["log", str(path), "--case", "PT-006", "--json"]) == 0
    (only,) = json.loads(capsys.readouterr().out)
    assert only["families"] == 1 and only["out"].endswith("/d")
    assert main(["log", str(path), "--case", "PT-024", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_the_record_of_an_encrypted_workbook_holds_counts_only(tmp_path, monkeypatch, capsys):
    plain = planted_workbook(tmp_path / "plain")
    path = tmp_path / "org" / "w.xlsx"
    path.parent.mkdir()
    path.write_bytes(crypto.encrypt(plain.read_bytes(), "pw"))
    monkeypatch.setenv("PTXL_PASSWORD", "pw")
    run_all(path, tmp_path / "out", capsys)
    entries = record.read(path)
    assert [e["command"] for e in entries] == ["docs", "report", "export", "stats"]
    assert all(e["cases"] is None for e in entries)
    assert [e["encrypted"] for e in entries] == [True, True, True, False]  # stats printed on screen
    text = record.record_path(path).read_text(encoding="utf-8")
    assert "X-" not in text and "PT-" not in text
    assert main(["log", str(path)]) == 0
    assert "cases not listed" in capsys.readouterr().out


def test_a_failed_run_is_not_recorded(tmp_path, capsys):
    path = planted_workbook(tmp_path / "org")
    assert main(["docs", str(path), "--out", str(tmp_path / "d"), "--case", "PT-999"]) == 2
    assert record.read(path) == []


def test_a_damaged_line_does_not_hide_the_others(tmp_path):
    path = tmp_path / "w.xlsx"
    record.append(path, "docs", families=1, documents=4, out=tmp_path, encrypted=False)
    with open(record.record_path(path), "ab") as fh:
        fh.write(b"{not json")
    record.append(path, "report", families=2, documents=1, out=tmp_path / "r.docx", encrypted=True)
    assert [e["command"] for e in record.read(path)] == ["docs", "report"]
