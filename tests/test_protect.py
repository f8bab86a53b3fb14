"""Encrypted in, encrypted out: every file made from an encrypted workbook is encrypted, and opens to
what the same command makes from the workbook in clear."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import msoffcrypto
import pytest
from python_calamine import CalamineWorkbook

from ptxl import crypto
from ptxl.cli import main
from ptxl.docs import pdf as pdfmod
from ptxl.protect import ENV_OUTPUT_PASSWORD
from tests.crypto_fixtures import no_password_around  # noqa: F401  (autouse)

PASSWORD = "Tr3s-secret pw"


@pytest.fixture(autouse=True)
def _no_output_password(monkeypatch):
    monkeypatch.delenv(ENV_OUTPUT_PASSWORD, raising=False)


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """The demo workbook twice, in two folders: in clear and encrypted with PASSWORD."""
    from ptxl.demo import write_demo_workbook
    plain = write_demo_workbook(tmp_path_factory.mktemp("plain") / "w.xlsx")
    enc = tmp_path_factory.mktemp("enc") / "w.xlsx"
    enc.write_bytes(crypto.encrypt(plain.read_bytes(), PASSWORD))
    return plain, enc


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def office_encrypted(path: Path) -> bool:
    with open(path, "rb") as fh:
        return msoffcrypto.OfficeFile(fh).is_encrypted()


def decrypted(path: Path, password: str = PASSWORD) -> bytes:
    with open(path, "rb") as fh:
        office = msoffcrypto.OfficeFile(fh)
        office.load_key(password=password, verify_password=True)
        out = io.BytesIO()
        office.decrypt(out)
    return out.getvalue()


def opens_without(path: Path, password: str) -> bool:
    """True if the file decrypts with ``password`` (used with a wrong one: must be False)."""
    try:
        decrypted(path, password)
    except Exception:
        return False
    return True


def parts(package: bytes) -> dict[str, bytes]:
    """A .docx/.xlsx package part by part, without the core properties (creation time)."""
    with zipfile.ZipFile(io.BytesIO(package)) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n != "docProps/core.xml"}


def sheet_values(package: bytes) -> dict:
    wb = CalamineWorkbook.from_filelike(io.BytesIO(package))
    return {n: wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names}


def run(args, monkeypatch, password=PASSWORD):
    monkeypatch.setenv(crypto.ENV_PASSWORD, password)
    crypto._REMEMBERED.clear()
    return main(args)


def test_documents_of_an_encrypted_workbook_are_encrypted_and_same_as_plain(pair, tmp_path, monkeypatch, capsys):
    plain, enc = pair
    assert run(["docs", str(plain), "--out", str(tmp_path / "p"), "--case", "PT-001", "--case", "PT-006"],
               monkeypatch) == 0
    assert run(["docs", str(enc), "--out", str(tmp_path / "e"), "--case", "PT-001", "--case", "PT-006"],
               monkeypatch) == 0
    assert "chiffrés avec le mot de passe du classeur" in capsys.readouterr().out
    written = files_under(tmp_path / "e")
    assert len(written) == 8
    for p in written:
        assert crypto.is_encrypted(p.read_bytes()) and office_encrypted(p), p.name
        assert not opens_without(p, "not the password")
        twin = tmp_path / "p" / p.relative_to(tmp_path / "e")
        assert not office_encrypted(twin)
        assert parts(decrypted(p)) == parts(twin.read_bytes()), p.name


@pytest.mark.skipif(pdfmod.find_soffice() is None or shutil.which("pdftotext") is None,
                    reason="needs LibreOffice and poppler")
def test_pdfs_of_an_encrypted_workbook_need_the_password(pair, tmp_path, monkeypatch):
    plain, enc = pair
    for src, out in ((plain, "p"), (enc, "e")):
        assert run(["docs", str(src), "--out", str(tmp_path / out), "--case", "PT-001", "--pdf"], monkeypatch) == 0
    pdfs = sorted((tmp_path / "e").rglob("*.pdf"))
    assert len(pdfs) == 4
    for p in pdfs:
        assert pdfmod.is_encrypted_pdf(p.read_bytes())
        locked = subprocess.run(["pdftotext", str(p), "-"], capture_output=True)
        assert locked.returncode != 0 and not locked.stdout
        opened = subprocess.run(["pdftotext", "-upw", PASSWORD, str(p), "-"], capture_output=True, check=True)
        twin = tmp_path / "p" / p.relative_to(tmp_path / "e")
        assert not pdfmod.is_encrypted_pdf(twin.read_bytes())
        same = subprocess.run(["pdftotext", str(twin), "-"], capture_output=True, check=True)
        assert opened.stdout == same.stdout and b"PT-001" in opened.stdout


def test_report_of_an_encrypted_workbook_is_encrypted(pair, tmp_path, monkeypatch):
    plain, enc = pair
    assert run(["report", str(plain), "--out", str(tmp_path / "p.docx")], monkeypatch) == 0
    assert run(["report", str(enc), "--out", str(tmp_path / "e.docx")], monkeypatch) == 0
    report = tmp_path / "e.docx"
    assert office_encrypted(report) and not opens_without(report, "wrong")
    assert parts(decrypted(report))["word/document.xml"] == parts((tmp_path / "p.docx").read_bytes())[
        "word/document.xml"]


def test_export_of_an_encrypted_workbook_is_one_encrypted_workbook_and_its_readme(pair, tmp_path, monkeypatch,
                                                                                    capsys):
    plain, enc = pair
    monkeypatch.setenv("PTXL_EXPORT_KEY", "k" * 64)  # one key for both folders: the same pseudonyms
    assert run(["export", str(plain), "--anonymised", "--out", str(tmp_path / "p"), "--suppress"], monkeypatch) == 0
    assert run(["export", str(enc), "--anonymised", "--out", str(tmp_path / "e"), "--suppress"], monkeypatch) == 0
    said = capsys.readouterr().out
    assert "Fichiers CSV et JSON non écrits" in said  # in the (French) workbook's language
    assert {p.name for p in (tmp_path / "e").iterdir()} == {"anonymised.xlsx", "README.txt"}
    book = tmp_path / "e" / "anonymised.xlsx"
    assert office_encrypted(book) and not opens_without(book, "wrong")
    assert sheet_values(decrypted(book)) == sheet_values((tmp_path / "p" / "anonymised.xlsx").read_bytes())
    # the README in clear says what the export is, and holds nothing of the workbook
    readme = (tmp_path / "e" / "README.txt").read_text(encoding="utf-8-sig")
    assert "chiffré" in readme and "données personnelles pseudonymisées" in readme.lower()  # the workbook's language
    assert readme.replace("est chiffré avec un mot de passe", "") != readme  # it says the workbook is encrypted
    assert "PT-0" not in readme and "2023" not in readme and "2022" not in readme


def test_unencrypted_needs_the_flag_and_says_so(pair, tmp_path, monkeypatch, capsys):
    _plain, enc = pair
    assert run(["docs", str(enc), "--out", str(tmp_path / "d"), "--case", "PT-001", "--unencrypted"],
               monkeypatch) == 0
    err = capsys.readouterr().err
    assert "NON chiffrés" in err and "--unencrypted" in err
    for p in files_under(tmp_path / "d"):
        assert p.read_bytes().startswith(b"PK") and not crypto.is_encrypted(p.read_bytes())
    assert run(["export", str(enc), "--anonymised", "--out", str(tmp_path / "x"), "--unencrypted"],
               monkeypatch) == 0
    assert (tmp_path / "x" / "families.csv").exists()
    assert not office_encrypted(tmp_path / "x" / "anonymised.xlsx")


def test_output_password_from_the_environment(pair, tmp_path, monkeypatch, capsys):
    _plain, enc = pair
    monkeypatch.setenv(ENV_OUTPUT_PASSWORD, "another one")
    assert run(["report", str(enc), "--out", str(tmp_path / "r.docx")], monkeypatch) == 0
    assert ENV_OUTPUT_PASSWORD in capsys.readouterr().out
    assert opens_without(tmp_path / "r.docx", "another one") and not opens_without(tmp_path / "r.docx", PASSWORD)


def test_prompt_output_needs_a_prompt(pair, tmp_path, monkeypatch, capsys):
    _plain, enc = pair
    assert run(["report", str(enc), "--out", str(tmp_path / "r.docx"), "--prompt-output"], monkeypatch) == 2
    assert "--prompt-output" in capsys.readouterr().err
    assert not (tmp_path / "r.docx").exists()


def test_wrong_password_writes_nothing(pair, tmp_path, monkeypatch):
    _plain, enc = pair
    target = tmp_path / "w.xlsx"
    shutil.copyfile(enc, target)
    assert run(["docs", str(target), "--out", str(tmp_path / "d")], monkeypatch, password="nope") == 2
    assert [p.name for p in tmp_path.iterdir()] == ["w.xlsx"]  # no document, no record, no key


def test_refresh_backup_of_an_encrypted_workbook_stays_encrypted(pair, tmp_path, monkeypatch):
    _plain, enc = pair
    target = tmp_path / "w.xlsx"
    shutil.copyfile(enc, target)
    assert run(["refresh", str(target)], monkeypatch) in (0, 1)
    backups = files_under(tmp_path / ".ptxl-backups")
    assert backups and all(crypto.is_encrypted(b.read_bytes()) for b in backups)
    assert crypto.is_encrypted(target.read_bytes())


def test_prompt_output_asks_twice_and_encrypts_with_what_was_typed(pair, tmp_path, monkeypatch):
    import getpass
    _plain, enc = pair
    typed = iter(["typed at the prompt", "typed at the prompt", "one", "other"])
    monkeypatch.setattr(crypto, "_interactive", lambda: True)
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(typed))
    assert run(["report", str(enc), "--out", str(tmp_path / "r.docx"), "--prompt-output"], monkeypatch) == 0
    assert opens_without(tmp_path / "r.docx", "typed at the prompt")
    # two different passwords typed: nothing written
    assert run(["report", str(enc), "--out", str(tmp_path / "s.docx"), "--prompt-output"], monkeypatch) == 2
    assert not (tmp_path / "s.docx").exists()


def test_files_of_one_run_share_the_key_derivation_not_the_data_salt(pair):
    plain, _enc = pair
    batch = crypto.BatchEncryptor("one run")
    data = plain.read_bytes()
    blobs = [batch.encrypt(data, "a.xlsx"), batch.encrypt(data, "b.xlsx")]
    salts = []
    for blob in blobs:
        assert crypto.decrypt(blob, "x", "one run") == data
        assert crypto._try_decrypt(blob, "x", "another") is None
        info = msoffcrypto.OfficeFile(io.BytesIO(blob)).info
        salts.append(info["keyDataSalt"])
        assert info["spinValue"] == 100000
    assert salts[0] != salts[1] and blobs[0] != blobs[1]
