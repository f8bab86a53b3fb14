"""No leak by a side door: no network, and no personal data in what the commands print or log.

Every command runs in-process through ``ptxl.cli.main`` with sockets blocked,
stdout/stderr captured, every log record (DEBUG and up) and every warning
recorded. The workbook is full of recognisable values (names, birth dates,
notes) and of bad entries, so findings are produced about exactly those cells.

Decision (documented in SECURITY.md): the human output of every command shows
case ids, sheet names and cell addresses, never a typed value. ``validate
--json`` (for staff tools) may carry the typed value of an unreadable coded or
numeric cell, but never of a name, a birth date or a free-text cell.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import logging
import socket
import warnings
import zipfile
from pathlib import Path

import pytest

from ptxl import crypto

NAMES = ["ZZFAMAZZ", "ZZFAMBZZ", "ZZFIRSTAZZ", "ZZFIRSTBZZ", "ZZLASTAZZ", "ZZCMZZ", "ZZOWNERZZ"]
BIRTHS = [dt.date(1911, 11, 11), dt.date(1922, 2, 22), dt.date(2013, 3, 13)]
NOTES = ["ZZNOTEFAMZZ", "ZZTIESZZ", "ZZDETZZ", "ZZVULNZZ", "ZZWHYZZ", "ZZOBSTZZ", "ZZOBSZZ", "ZZKEYZZ",
         "ZZSTORYZZ", "ZZCONTACTZZ", "ZZCHRONZZ", "ZZACTIONZZ", "ZZDOCZZ", "ZZCTRLZZ"]
BAD_BIRTH = "ZZBIRTHTYPOZZ"
BAD_CODED = ["ZZSTATUSZZ", "ZZTYPEZZ"]  # typed into dropdown columns: may show in validate --json only


def birth_forms(d: dt.date) -> list[str]:
    return [d.isoformat(), d.strftime("%d/%m/%Y"), d.strftime("%d.%m.%Y"), d.strftime("%d-%m-%Y")]


PERSONAL = NAMES + NOTES + [BAD_BIRTH] + [f for d in BIRTHS for f in birth_forms(d)]


def recognisable_rows() -> tuple[dict, dict]:
    from ptxl.schema import get_schema
    sch = get_schema()
    crit = {c: "yes" for c in sch.criteria}
    fam = [
        {"case_id": "PT-101", "family_name": "ZZFAMAZZ", "referral_date": dt.date(2022, 1, 10),
         "admission_date": dt.date(2022, 2, 1), "status": "active", "case_manager": "ZZCMZZ",
         "nationality": "Irak", "arrival_date": 2015, "asylum_on_arrival": "yes", "family_ties": "ZZTIESZZ",
         "detention_experience": "ZZDETZZ", "profile_notes": "ZZNOTEFAMZZ", "case_study": "no", **crit},
        {"case_id": "PT-102", "family_name": "ZZFAMBZZ", "referral_date": dt.date(2022, 3, 1),
         "admission_date": dt.date(2022, 3, 20), "status": "ZZSTATUSZZ", "case_manager": "ZZCMZZ",
         "nationality": "Népal", "case_study": "no", **crit},
        {"case_id": "PT-101", "family_name": "ZZFAMAZZ", "status": "screening"},  # duplicate case id
    ]
    members = [
        {"case_id": "PT-101", "member_id": "PT-101-1", "first_name": "ZZFIRSTAZZ", "last_name": "ZZLASTAZZ",
         "role": "parent", "birth_date": BIRTHS[0]},
        {"case_id": "PT-101", "member_id": "PT-101-2", "first_name": "ZZFIRSTBZZ", "last_name": "ZZLASTAZZ",
         "role": "child", "birth_date": BIRTHS[1]},  # a "child" born in 1922
        {"case_id": "PT-102", "member_id": "PT-102-1", "first_name": "ZZFIRSTAZZ", "last_name": "ZZFAMBZZ",
         "role": "parent", "birth_date": BAD_BIRTH},
        {"case_id": "PT-102", "member_id": "PT-102-2", "first_name": "ZZFIRSTBZZ", "role": "child",
         "birth_date": BIRTHS[2]},
        {"case_id": "PT-999", "member_id": "PT-999-1", "first_name": "ZZFIRSTAZZ", "role": "parent",
         "birth_date": dt.date(2091, 1, 1)},  # unknown family, born in the future
    ]
    why = {f"{i.key}_why": "ZZWHYZZ" for i in sch.annex_a}
    scores = {f"{i.key}_score": 5 for i in sch.annex_a}
    baseline = [
        {"case_id": "PT-101", "assessment_date": dt.date(2022, 2, 1), "assessment_type": "baseline",
         "case_manager": "ZZCMZZ", **scores, **why, "a01_dropout_risk_score": 11},
        {"case_id": "PT-101", "assessment_date": dt.date(2022, 6, 1), "assessment_type": "follow_up",
         "case_manager": "ZZCMZZ", **scores, **why},
    ]
    summary = [{"case_id": "PT-101", "review_date": dt.date(2022, 9, 1), "case_manager": "ZZCMZZ",
                "engagement_capacity": "some", "g1_obstacles": "ZZOBSTZZ", "other_observations": "ZZOBSZZ",
                "key_factors": "ZZKEYZZ", "g1_more_information": "yes"}]
    rows = {
        "families": fam,
        "members": members,
        "vulnerabilities": [{"case_id": "PT-101", "assessed_date": dt.date(2022, 2, 1),
                             "vulnerability_notes": "ZZVULNZZ"}],
        "baseline": baseline,
        "summary": summary,
        "case_study": [{"case_id": "PT-101", "written_date": dt.date(2022, 9, 1),
                        **{k: "ZZSTORYZZ" for k, _l in sch.annex_c}}],
        "contacts": [
            {"case_id": "PT-101", "contact_date": dt.date(2022, 5, 5), "contact_type": "home_visit",
             "minutes": 60, "case_manager": "ZZCMZZ", "note": "ZZCONTACTZZ"},
            {"case_id": "PT-101", "contact_date": dt.date(2022, 5, 6), "contact_type": "ZZTYPEZZ",
             "note": "ZZCTRLZZ\x01"},
            {"case_id": "PT-777", "contact_date": "pas une date", "contact_type": "phone", "note": "ZZCONTACTZZ"},
        ],
        "chronology": [{"case_id": "PT-101", "event_date": dt.date(2022, 4, 4), "description": "ZZCHRONZZ"}],
        "actions": [{"case_id": "PT-101", "action": "ZZACTIONZZ", "owner": "ZZOWNERZZ", "action_status": "open",
                     "due_date": dt.date(2022, 1, 1)}],
        "documents": [{"case_id": "PT-101", "document_type": "passport", "description": "ZZDOCZZ",
                       "valid_until": dt.date(2022, 1, 1)}],
    }
    return rows, {"reference_date": dt.date(2023, 2, 28)}


class Blocked(Exception):
    pass


@pytest.fixture
def offline(monkeypatch):
    """Any attempt to open a network connection raises and is recorded."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args[:2])
        raise Blocked("network access attempted")

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            refuse(*args)

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)
    return attempts


class Run:
    """Run CLI commands in-process; keep everything they print, log or warn."""

    def __init__(self, capsys, caplog):
        self.capsys, self.caplog = capsys, caplog
        self.outputs: list[tuple[str, str, str]] = []  # (command, channel, text)

    def __call__(self, *argv: str) -> int:
        from ptxl.cli import main
        self.caplog.clear()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            rc = main([str(a) for a in argv])
        out, err = self.capsys.readouterr()
        cmd = " ".join(str(a) for a in argv[:1])
        self.outputs += [(cmd, "stdout", out), (cmd, "stderr", err)]
        self.outputs += [(cmd, "log", f"{r.name}: {r.getMessage()}") for r in self.caplog.records]
        self.outputs += [(cmd, "warning", str(w.message)) for w in caught]
        assert "Traceback" not in err, err
        return rc


@pytest.fixture
def run(capsys, caplog):
    caplog.set_level(logging.DEBUG)
    return Run(capsys, caplog)


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return "".join(html.unescape(zf.read(n).decode("utf-8", "replace")) for n in zf.namelist())


def test_every_command_runs_offline(tmp_path, offline, run, monkeypatch):
    from ptxl.demo import write_demo_workbook
    monkeypatch.chdir(tmp_path)
    wb = tmp_path / "demo.xlsx"
    write_demo_workbook(wb)
    assert run("new", tmp_path / "blank.xlsx") == 0
    assert run("schema", "--json") == 0
    assert run("validate", wb) in (0, 1)
    assert run("validate", wb, "--json") in (0, 1)
    assert run("stats", wb, "--json") in (0, 1)
    assert run("stats", wb, "--suppress") in (0, 1)
    assert run("refresh", wb) in (0, 1)
    assert run("docs", wb, "--out", tmp_path / "docs") in (0, 1)
    assert run("report", wb, "--out", tmp_path / "report.docx") in (0, 1)
    assert run("export", wb, "--anonymised", "--out", tmp_path / "export", "--suppress") in (0, 1)
    assert run("demo", tmp_path / "demo_dir") in (0, 1)
    assert offline == [], f"network access attempted: {offline}"
    assert (tmp_path / "report.docx").exists() and any((tmp_path / "docs").rglob("*.docx"))


def test_the_socket_block_works(offline):
    with pytest.raises(Blocked):
        socket.create_connection(("example.org", 80))
    with pytest.raises(Blocked):
        socket.socket()
    assert len(offline) == 2


@pytest.fixture
def recognisable(tmp_path):
    from ptxl.build.workbook import build_workbook
    rows, settings = recognisable_rows()
    path = tmp_path / "org" / "plan_together.xlsx"
    path.parent.mkdir()
    build_workbook(path, "fr", rows, settings)
    return path


def test_no_personal_data_in_output_logs_or_warnings(tmp_path, recognisable, offline, run, monkeypatch):
    monkeypatch.chdir(tmp_path)
    wb = recognisable
    assert run("validate", wb) == 1  # the bad entries are found...
    assert run("validate", wb, "--json") == 1
    rc_stats = run("stats", wb, "--json")
    run("stats", wb)
    run("stats", wb, "--suppress", "--json")
    run("refresh", wb)
    run("docs", wb, "--out", tmp_path / "docs")
    run("report", wb, "--out", tmp_path / "report.docx")
    run("export", wb, "--anonymised", "--out", tmp_path / "export")
    run("export", wb, "--anonymised", "--out", tmp_path / "export_text", "--with-text")
    assert rc_stats in (0, 1)
    assert offline == []
    validate_json = [t for c, ch, t in run.outputs if c == "validate" and ch == "stdout" and t.lstrip().startswith("[")]
    assert validate_json and '"case_id": "PT-101"' in validate_json[0]  # ...and located by case id
    leaks = []
    for cmd, channel, text in run.outputs:
        is_validate_json = channel == "stdout" and cmd == "validate" and text.lstrip().startswith("[")
        if is_validate_json:  # birth-date values there: see test_birth_dates_not_echoed_in_validate_json
            text = text.replace(BAD_BIRTH, "")
        for s in PERSONAL:
            if s in text:
                leaks.append(f"{s!r} in {cmd} {channel}")
        if not is_validate_json:
            for s in BAD_CODED:
                if s in text:
                    leaks.append(f"typed value {s!r} in {cmd} {channel}")
    assert not leaks, "\n".join(leaks)


def test_birth_dates_not_echoed_in_validate_json(recognisable):
    from ptxl.validate import load_workbook
    findings = [f.to_json() for f in load_workbook(recognisable).findings]
    about_birth = [f for f in findings if f["key"] == "birth_date"]
    assert {f["code"] for f in about_birth} >= {"date.invalid", "date.future"}
    assert all(f["value"] is None for f in about_birth), [f["value"] for f in about_birth]


def test_report_and_export_carry_case_ids_only(tmp_path, recognisable, offline, run):
    run("report", recognisable, "--out", tmp_path / "report.docx")
    run("export", recognisable, "--anonymised", "--out", tmp_path / "export")
    text = docx_text(tmp_path / "report.docx")
    found = [s for s in NAMES + [f for d in BIRTHS for f in birth_forms(d)] if s in text]
    assert not found, f"in the report: {found}"
    for p in (tmp_path / "export").iterdir():
        data = p.read_bytes()
        content = docx_text(p) if zipfile.is_zipfile(io.BytesIO(data)) else data.decode("utf-8-sig")
        found = [s for s in PERSONAL + ["PT-101", "PT-102"] if s in content]
        assert not found, f"in {p.name}: {found}"


def test_generated_documents_carry_no_machine_metadata(tmp_path, recognisable, run):
    import re
    run("docs", recognisable, "--out", tmp_path / "docs")
    run("report", recognisable, "--out", tmp_path / "report.docx")
    docs = list((tmp_path / "docs").rglob("*.docx")) + [tmp_path / "report.docx"]
    assert len(docs) > 3
    for p in docs:
        with zipfile.ZipFile(p) as zf:
            core = zf.read("docProps/core.xml").decode() if "docProps/core.xml" in zf.namelist() else ""
            for tag in ("creator", "lastModifiedBy"):
                m = re.search(rf"<(?:\w+:)?{tag}>([^<]*)</", core)
                assert m is None or m.group(1).strip() in ("", "ptxl"), f"{p.name}: {tag} = {m.group(1)!r}"
            for name in zf.namelist():
                if name.endswith(".rels"):
                    assert 'TargetMode="External"' not in zf.read(name).decode(), f"{p.name}: {name}"


def test_errors_about_encrypted_files_name_the_file_only(tmp_path, recognisable, run, monkeypatch):
    from msoffcrypto.format.ooxml import OOXMLFile
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(recognisable.read_bytes())).encrypt("Secret-1", out)
    enc = tmp_path / "enc.xlsx"
    enc.write_bytes(out.getvalue())
    crypto._REMEMBERED.clear()
    monkeypatch.setenv(crypto.ENV_PASSWORD, "wrong-guess")
    assert run("validate", enc) == 2
    assert run("refresh", enc) == 2
    texts = " ".join(t for _c, _ch, t in run.outputs)
    assert "enc.xlsx" in texts and "wrong-guess" not in texts and "Secret-1" not in texts
    assert not any(s in texts for s in PERSONAL)
