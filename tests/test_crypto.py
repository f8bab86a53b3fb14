"""Password-protected workbooks: read and rewritten in memory, written back encrypted, never leaked to disk."""

from __future__ import annotations

import builtins
import io
import os
import tempfile
import zipfile

import pytest
import xlsxwriter
from msoffcrypto.format.ooxml import OOXMLFile

from crypto_fixtures import no_password_around  # noqa: F401  (autouse fixture)
from ptxl import crypto
from ptxl.model.errors import PtxlError

PASSWORD = "Correct-Horse-7"
SECRET = "ZZSECRETVALUEZZ"


def small_xlsx() -> bytes:
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    wb.add_worksheet("S").write_string(0, 0, SECRET)
    wb.close()
    return buf.getvalue()


def excel_encrypt(plain: bytes, password: str = PASSWORD) -> bytes:
    """Encrypt as Excel's "Encrypt with password" does (ECMA-376 agile), with msoffcrypto directly."""
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(plain)).encrypt(password, out)
    return out.getvalue()


@pytest.fixture
def no_disk_writes(monkeypatch):
    """Fail on any file opened for writing and on any temporary file, while the block runs."""
    real_open, real_os_open = builtins.open, os.open
    writes = []

    def guarded_open(file, mode="r", *args, **kwargs):
        if any(m in mode for m in "wax+"):
            writes.append(str(file))
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            writes.append(str(path))
        return real_os_open(path, flags, *args, **kwargs)

    def no_temp(*_a, **_k):
        raise AssertionError("a temporary file was created")

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    for name in ("mkstemp", "mkdtemp", "NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile",
                 "TemporaryDirectory"):
        monkeypatch.setattr(tempfile, name, no_temp)
    return writes


def test_detects_encrypted_packages_only():
    plain = small_xlsx()
    blob = excel_encrypt(plain)
    assert crypto.is_encrypted(blob)
    assert not crypto.is_encrypted(plain)
    assert not crypto.is_encrypted(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)  # OLE magic, no streams
    assert not crypto.is_encrypted(b"")


def test_decrypts_in_memory_without_touching_disk(no_disk_writes):
    plain = small_xlsx()
    blob = excel_encrypt(plain)
    assert SECRET.encode() not in blob
    assert crypto.decrypt(blob, "w.xlsx", PASSWORD) == plain
    again = crypto.encrypt(plain, PASSWORD, "w.xlsx")
    assert crypto.is_encrypted(again) and SECRET.encode() not in again
    assert no_disk_writes == []


def test_wrong_password_is_a_clear_error_without_the_password():
    blob = excel_encrypt(small_xlsx())
    with pytest.raises(PtxlError) as err:
        crypto.decrypt(blob, "famille.xlsx", "not-it")
    assert err.value.kind == "wrong_password"
    text = str(err.value)
    assert "famille.xlsx" in text and "not-it" not in text and "mot de passe" in text


def test_password_comes_from_environment(monkeypatch):
    blob = excel_encrypt(small_xlsx())
    monkeypatch.setenv(crypto.ENV_PASSWORD, PASSWORD)
    assert zipfile.is_zipfile(io.BytesIO(crypto.decrypt(blob, "w.xlsx")))
    monkeypatch.setenv(crypto.ENV_PASSWORD, "wrong")
    crypto._REMEMBERED.clear()
    with pytest.raises(PtxlError) as err:
        crypto.decrypt(blob, "w.xlsx")
    assert err.value.kind == "wrong_password"


def test_password_is_asked_at_a_hidden_prompt(monkeypatch, capsys):
    blob = excel_encrypt(small_xlsx())
    answers = iter(["typo", PASSWORD])
    prompts = []
    monkeypatch.setattr(crypto, "_interactive", lambda: True)
    monkeypatch.setattr(crypto.getpass, "getpass", lambda prompt: prompts.append(prompt) or next(answers))
    assert zipfile.is_zipfile(io.BytesIO(crypto.decrypt(blob, "w.xlsx")))
    assert len(prompts) == 2 and all("w.xlsx" in p for p in prompts)
    assert "typo" not in capsys.readouterr().err
    # remembered for this process: writing back does not ask again
    assert crypto.password_for(blob) == PASSWORD


def test_three_wrong_answers_stop(monkeypatch):
    blob = excel_encrypt(small_xlsx())
    monkeypatch.setattr(crypto, "_interactive", lambda: True)
    monkeypatch.setattr(crypto.getpass, "getpass", lambda prompt: "nope")
    with pytest.raises(PtxlError) as err:
        crypto.decrypt(blob, "w.xlsx")
    assert err.value.kind == "wrong_password"


def test_no_prompt_possible_and_no_variable_says_how(monkeypatch):
    blob = excel_encrypt(small_xlsx())
    monkeypatch.setattr(crypto, "_interactive", lambda: False)
    with pytest.raises(PtxlError) as err:
        crypto.decrypt(blob, "w.xlsx")
    assert err.value.kind == "password_needed" and crypto.ENV_PASSWORD in str(err.value)


def test_no_command_takes_a_password_argument():
    import typer.main

    from ptxl.cli import app
    root = typer.main.get_command(app)

    def walk(cmd):
        yield cmd
        for sub in getattr(cmd, "commands", {}).values():
            yield from walk(sub)
    commands = list(walk(root))
    assert {"refresh", "stats", "export", "validate"} <= {c.name for c in commands}
    for cmd in commands:
        for p in cmd.params:
            names = " ".join(getattr(p, "opts", []) + [p.name or ""]).lower()
            assert "pass" not in names and "pwd" not in names, f"{cmd.name}: {names}"


def test_reencrypt_refuses_an_unencrypted_result(monkeypatch):
    plain = small_xlsx()
    original = excel_encrypt(plain)
    crypto.decrypt(original, "w.xlsx", PASSWORD)

    def leaky_encrypt(self, password, outfile):  # an encryption that silently writes plaintext
        outfile.write(plain)
    monkeypatch.setattr(OOXMLFile, "encrypt", leaky_encrypt)
    with pytest.raises(PtxlError) as err:
        crypto.reencrypt_like(original, plain, "w.xlsx")
    assert err.value.kind == "encrypt_failed"


def test_plain_workbooks_pass_through():
    plain = small_xlsx()
    assert crypto.reencrypt_like(plain, plain + b"", "w.xlsx") == plain


def test_reader_opens_an_encrypted_workbook(monkeypatch, tmp_path):
    from ptxl.build.workbook import build_workbook
    from ptxl.validate import load_workbook
    path = tmp_path / "plain.xlsx"
    build_workbook(path, "fr", {"families": [{"case_id": "PT-001", "family_name": "Zzfamille", "status": "active"}]})
    enc = tmp_path / "enc.xlsx"
    enc.write_bytes(excel_encrypt(path.read_bytes()))
    monkeypatch.setenv(crypto.ENV_PASSWORD, PASSWORD)
    loaded = load_workbook(enc)
    fam = loaded.dataset.tables["families"]
    assert list(fam["case_id"]) == ["PT-001"] and list(fam["family_name"]) == ["Zzfamille"]
    monkeypatch.setenv(crypto.ENV_PASSWORD, "wrong")
    crypto._REMEMBERED.clear()
    with pytest.raises(PtxlError):
        load_workbook(enc)


def test_open_package_gives_plain_bytes(tmp_path, monkeypatch):
    plain = small_xlsx()
    (tmp_path / "plain.xlsx").write_bytes(plain)
    (tmp_path / "enc.xlsx").write_bytes(excel_encrypt(plain))
    assert crypto.open_package(tmp_path / "plain.xlsx") == plain
    assert crypto.open_package(tmp_path / "enc.xlsx", PASSWORD) == plain
    with pytest.raises(PtxlError):
        crypto.open_package(tmp_path / "enc.xlsx", "wrong")
