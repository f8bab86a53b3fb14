"""The Excel "Generate documents" button on an encrypted workbook: encrypted documents or none, and a line
in the processing record (xlwings' remote engine, as in test_excel.py)."""

from __future__ import annotations

import shutil

import pytest

from tests.test_excel import alerts, book_json, demo, writer, xw  # noqa: F401  (fixtures, skip without xlwings)

import ptxl.excel as excel  # noqa: E402
from ptxl import crypto, record  # noqa: E402
from ptxl.protect import ENV_OUTPUT_PASSWORD  # noqa: E402


@pytest.fixture
def encrypted_book(demo, tmp_path, monkeypatch):  # noqa: F811
    """What Excel shows (the demo's cells), for a file that is encrypted on disk."""
    monkeypatch.delenv(ENV_OUTPUT_PASSWORD, raising=False)
    target = tmp_path / "classeur.xlsx"
    shutil.copyfile(demo, target)
    from ptxl.schema import get_schema
    picture = book_json(target)
    index = [sh["name"] for sh in picture["sheets"]].index(get_schema().sheet("families").name("fr"))
    book = xw.Book(json=book_json(target, selection="B3", active=index))  # one family selected
    target.write_bytes(crypto.encrypt(demo.read_bytes(), "pw"))
    return target, book


def test_without_an_output_password_nothing_is_written(encrypted_book, writer):  # noqa: F811
    target, book = encrypted_book
    excel.generate_documents(book)
    (msg,) = alerts(book)
    assert msg["mode"] == "critical" and ENV_OUTPUT_PASSWORD in msg["text"]
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_with_an_output_password_documents_are_encrypted_and_recorded(encrypted_book, writer, monkeypatch):  # noqa: F811
    target, book = encrypted_book
    monkeypatch.setenv(ENV_OUTPUT_PASSWORD, "for the documents")
    excel.generate_documents(book)
    (msg,) = alerts(book)
    assert msg["mode"] != "critical" and ENV_OUTPUT_PASSWORD in msg["text"]
    made = sorted((target.parent / "Documents Plan Together").rglob("*.docx"))
    assert len(made) == 4 and len({p.parent for p in made}) == 1
    assert all(crypto.is_encrypted(p.read_bytes()) for p in made)
    (line,) = record.read(target)
    assert line["command"] == "excel-docs" and line["documents"] == len(made) and line["encrypted"] is True
    assert line["families"] == 1 and line["cases"] is None  # the workbook is encrypted: counts only
