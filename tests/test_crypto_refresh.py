"""A headless refresh of an encrypted workbook: decrypted in memory, rewritten, encrypted again, verified."""

from __future__ import annotations

import io
import os

import pytest
from msoffcrypto.format.ooxml import OOXMLFile

from crypto_fixtures import no_password_around  # noqa: F401  (autouse fixture)
from ptxl import crypto
from ptxl.schema import get_schema

PASSWORD = "Plan-Together-2023!"


@pytest.fixture(scope="module")
def demo_plain(tmp_path_factory) -> bytes:
    from ptxl.demo import write_demo_workbook
    path = tmp_path_factory.mktemp("demo") / "demo.xlsx"
    write_demo_workbook(path)
    return path.read_bytes()


def msoffcrypto_encrypt(plain: bytes, password: str) -> bytes:
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(plain)).encrypt(password, out)
    return out.getvalue()


def msoffcrypto_decrypt(blob: bytes, password: str) -> bytes:
    office = OOXMLFile(io.BytesIO(blob))
    office.load_key(password=password, verify_password=True)
    out = io.BytesIO()
    office.decrypt(out, verify_integrity=True)
    return out.getvalue()


def sheet_grids(data: bytes, keys) -> dict:
    import python_calamine as pc
    wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    sch = get_schema()
    return {k: wb.get_sheet_by_name(sch.sheet(k).name("fr")).to_python(skip_empty_area=False) for k in keys}


def folder_state(folder):
    return sorted((p.relative_to(folder).as_posix(), p.stat().st_size) for p in folder.rglob("*"))


def test_encrypted_demo_round_trip(tmp_path, monkeypatch, demo_plain):
    from ptxl.refresh import refresh_workbook
    path = tmp_path / "plan_together.xlsx"
    path.write_bytes(msoffcrypto_encrypt(demo_plain, PASSWORD))
    monkeypatch.setenv(crypto.ENV_PASSWORD, PASSWORD)

    result = refresh_workbook(path)

    after = path.read_bytes()
    assert crypto.is_encrypted(after), "the refreshed workbook must stay encrypted"
    assert b"PK\x03\x04" not in after[:4096]
    plain_after = msoffcrypto_decrypt(after, PASSWORD)
    sch = get_schema()
    entry = [s.key for s in sch.sheets if s.kind in ("entry", "settings")]
    before_cells, after_cells = sheet_grids(demo_plain, entry), sheet_grids(plain_after, entry)
    for key in entry:
        assert after_cells[key] == before_cells[key], f"entry sheet {key} changed"
    # the output sheets were written (the impact sheet is no longer the blank placeholder)
    impact_before, impact_after = sheet_grids(demo_plain, ["impact"])["impact"], sheet_grids(plain_after, ["impact"])["impact"]
    assert impact_after != impact_before
    assert result.stats["impact"]["n"] == 12
    # nothing in plain text beside it: only the encrypted workbook and its (encrypted) backup
    for p in tmp_path.rglob("*"):
        if p.is_file():
            assert crypto.is_encrypted(p.read_bytes()), f"{p.name} is not encrypted"


def test_wrong_password_writes_nothing(tmp_path, monkeypatch, demo_plain):
    from ptxl.model.errors import PtxlError
    from ptxl.refresh import refresh_workbook
    path = tmp_path / "plan_together.xlsx"
    blob = msoffcrypto_encrypt(demo_plain, PASSWORD)
    path.write_bytes(blob)
    before = folder_state(tmp_path)
    monkeypatch.setenv(crypto.ENV_PASSWORD, "plan-together-2023!")  # wrong case
    with pytest.raises(PtxlError) as err:
        refresh_workbook(path)
    assert "plan-together" not in str(err.value).lower() and "plan_together.xlsx" in str(err.value)
    assert path.read_bytes() == blob
    assert folder_state(tmp_path) == before


def test_cli_wrong_password_exit_2_and_unchanged(tmp_path, monkeypatch, demo_plain, capsys):
    from ptxl.cli import main
    path = tmp_path / "plan_together.xlsx"
    blob = msoffcrypto_encrypt(demo_plain, PASSWORD)
    path.write_bytes(blob)
    monkeypatch.setenv(crypto.ENV_PASSWORD, "nope")
    assert main(["refresh", str(path)]) == 2
    err = capsys.readouterr().err
    assert "mot de passe" in err and "Traceback" not in err and "nope" not in err
    assert path.read_bytes() == blob
    assert os.listdir(tmp_path) == ["plan_together.xlsx"]


def test_cli_reads_encrypted_with_password_from_environment(tmp_path, monkeypatch, demo_plain, capsys):
    from ptxl.cli import main
    path = tmp_path / "plan_together.xlsx"
    path.write_bytes(msoffcrypto_encrypt(demo_plain, PASSWORD))
    monkeypatch.setenv(crypto.ENV_PASSWORD, PASSWORD)
    assert main(["stats", str(path), "--json"]) in (0, 1)
    assert '"families_admitted": 14' in capsys.readouterr().out


def test_failed_reencryption_leaves_the_file(tmp_path, monkeypatch, demo_plain):
    from ptxl.model.errors import PtxlError
    from ptxl.refresh import refresh_workbook
    path = tmp_path / "plan_together.xlsx"
    blob = msoffcrypto_encrypt(demo_plain, PASSWORD)
    path.write_bytes(blob)
    monkeypatch.setenv(crypto.ENV_PASSWORD, PASSWORD)

    def broken(self, password, outfile):  # an encryption step that would write the data in clear
        self.file.seek(0)
        outfile.write(self.file.read())
    monkeypatch.setattr(OOXMLFile, "encrypt", broken)
    with pytest.raises(PtxlError) as err:
        refresh_workbook(path)
    assert err.value.kind == "encrypt_failed"
    assert path.read_bytes() == blob
    assert os.listdir(tmp_path) == ["plan_together.xlsx"]
