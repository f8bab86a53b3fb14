"""Safe at every edge: every file ptxl writes is whole or absent, and a failed write is a plain message.

What is checked, command by command (refresh, report, export, docs, new): a disk
that fills up mid-write (``os.write`` failing with ENOSPC after N bytes, and a real
``RLIMIT_FSIZE`` subprocess where the kernel answers EFBIG), a backup that cannot
be made, a folder where a file should be (and the reverse), a read-only export
folder. Each time: exit 2, a message naming the file and the cause, the workbook
byte-identical, no temp, partial or 0-byte file left, and the next run works.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ptxl import export as ex
from ptxl.cli import main
from ptxl.model.errors import PtxlError
from ptxl.write import atomic, failure, safety

ROOT = Path(__file__).resolve().parents[1]
CASE = "PT-001"  # a family of the demo cohort
FULL_FR, FULL_EN = "le disque est plein", "the disk is full"
BIG_FR, BIG_EN = "dépasse la taille permise", "larger than this disk or this account allows"


@pytest.fixture(autouse=True)
def _no_env_key(monkeypatch):
    monkeypatch.delenv(ex.ENV_KEY, raising=False)


@pytest.fixture
def book(tmp_path, demo_bytes) -> Path:
    """The demo workbook in the organisation's folder (exports go elsewhere: ``tmp_path/out``)."""
    folder = tmp_path / "org"
    folder.mkdir()
    p = folder / "plan_together.xlsx"
    p.write_bytes(demo_bytes)
    return p


class Disk:
    """``os.write`` to files (not stdout/stderr) that fails with ENOSPC once ``free`` bytes are written."""

    def __init__(self, monkeypatch):
        self.free: int | None = None  # None: room enough
        real = os.write

        def write(fd, data):
            if self.free is None or fd <= 2:
                return real(fd, data)
            if self.free <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            n = real(fd, data[:self.free])  # a short write, as a filling disk does; the next one fails
            self.free -= n
            return n
        monkeypatch.setattr(os, "write", write)


@pytest.fixture
def disk(monkeypatch) -> Disk:
    return Disk(monkeypatch)


def read_only(monkeypatch, folder: Path) -> None:
    """Nothing can be created under ``folder`` (tests run as root, who may write anywhere: simulated)."""
    real_open, real_link = os.open, os.link

    def denied(path):
        if str(path).startswith(str(folder)):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(os, "open", lambda path, *a, **kw: denied(path) or real_open(path, *a, **kw))
    monkeypatch.setattr(os, "link", lambda src, dst, **kw: denied(dst) or real_link(src, dst, **kw))


def bad_files(folder: Path) -> list[str]:
    """Temp files, 0-byte files and unreadable .docx/.xlsx anywhere under ``folder``."""
    bad = []
    for p in folder.rglob("*") if folder.exists() else []:
        if not p.is_file():
            continue
        if p.name.startswith(atomic.TEMP_PREFIX) or p.stat().st_size == 0:
            bad.append(str(p.relative_to(folder)))
        elif p.suffix in (".docx", ".xlsx") and not zipfile.is_zipfile(p):
            bad.append(str(p.relative_to(folder)))
    return bad


def run(args: list[str], capsys) -> tuple[int, str]:
    code = main([str(a) for a in args])
    return code, capsys.readouterr().err


# ------------------------------------------------------------------ the helper itself

def test_full_disk_mid_write_keeps_the_old_file_and_leaves_no_temp(tmp_path, disk):
    target = tmp_path / "f.bin"
    target.write_bytes(b"previous")
    disk.free = 3 << 20  # fails after 3 MB of 5
    with pytest.raises(OSError) as info:
        atomic.write_atomic(target, b"x" * (5 << 20))
    assert info.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"previous" and os.listdir(tmp_path) == ["f.bin"]
    assert atomic.IN_FLIGHT == set()
    disk.free = None
    atomic.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"


def test_exclusive_write_never_replaces_and_a_failed_one_leaves_no_name(tmp_path, disk):
    target = tmp_path / "key"
    target.write_bytes(b"theirs")
    with pytest.raises(FileExistsError):
        atomic.write_atomic(target, b"mine", overwrite=False)
    assert target.read_bytes() == b"theirs" and os.listdir(tmp_path) == ["key"]
    disk.free = 2
    with pytest.raises(OSError):
        atomic.write_atomic(tmp_path / "new", b"12345", overwrite=False)
    assert os.listdir(tmp_path) == ["key"]


def test_a_name_near_the_disk_limit_still_gets_a_temp_file(tmp_path):
    target = tmp_path / ("d" * 250 + ".docx")  # 255 characters: allowed, but not with a temp prefix and suffix
    atomic.write_atomic(target, b"data", overwrite=False)
    assert target.read_bytes() == b"data" and os.listdir(tmp_path) == [target.name]


def test_exclusive_write_without_hard_links_falls_back_to_an_exclusive_create(tmp_path, monkeypatch):
    def no_links(src, dst, **kw):
        raise OSError(errno.EPERM, "hard links not supported")
    monkeypatch.setattr(os, "link", no_links)
    atomic.write_atomic(tmp_path / "a", b"data", overwrite=False)
    assert (tmp_path / "a").read_bytes() == b"data" and os.listdir(tmp_path) == ["a"]


@pytest.mark.parametrize("code, fr, en", [
    (errno.ENOSPC, FULL_FR, FULL_EN),
    (getattr(errno, "EDQUOT", errno.ENOSPC), FULL_FR, FULL_EN),
    (errno.EFBIG, BIG_FR, BIG_EN),
    (errno.EACCES, "l'accès est refusé", "access is denied"),
    (errno.EROFS, "lecture seule", "read-only"),
    (errno.EISDIR, "un dossier porte déjà ce nom", "a folder has that name"),
    (errno.EIO, "ne répond pas", "not responding"),
])
def test_each_cause_is_said_in_words_with_the_file(tmp_path, monkeypatch, code, fr, en):
    def fail(*a, **kw):
        raise OSError(code, os.strerror(code))
    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(PtxlError) as info:
        atomic.save(tmp_path / "rapport.docx", b"data")
    message = str(info.value)
    assert fr in message and en in message and str(tmp_path / "rapport.docx") in message
    assert os.listdir(tmp_path) == []
    with pytest.raises(PtxlError) as info:
        atomic.save(tmp_path / "rapport.docx", b"data", lang="nl")
    assert "Kan" in str(info.value) and en not in str(info.value)


def test_full_disk_is_never_blamed_on_word():
    said = failure.write_error("x.docx", OSError(errno.ENOSPC, "No space left on device"), "en")
    assert "Word" not in str(said) and FULL_EN in str(said)


# ------------------------------------------------------------------ refresh: the backup is part of the write

def test_backup_folder_that_is_a_file_stops_the_refresh(book, capsys):
    before = book.read_bytes()
    (book.parent / safety.BACKUP_DIR).write_bytes(b"not a folder")
    code, err = run(["refresh", book], capsys)
    assert code == 2
    assert str(book.parent / safety.BACKUP_DIR) in err and "is a file, not a folder" in err
    assert "nothing was changed" in err and "Traceback" not in err
    assert book.read_bytes() == before and bad_files(book.parent) == []
    (book.parent / safety.BACKUP_DIR).unlink()
    code, _ = run(["refresh", book], capsys)
    assert code == 0 and len(list((book.parent / safety.BACKUP_DIR).iterdir())) == 1
    assert next((book.parent / safety.BACKUP_DIR).iterdir()).read_bytes() == before


def test_backup_folder_not_writable_stops_the_refresh(book, capsys, monkeypatch):
    backups = book.parent / safety.BACKUP_DIR
    backups.mkdir()
    read_only(monkeypatch, backups)
    before = book.read_bytes()
    code, err = run(["refresh", book], capsys)
    assert code == 2
    assert str(backups) in err and "access is denied" in err and "was not replaced" in err
    assert book.read_bytes() == before and bad_files(book.parent) == [] and os.listdir(backups) == []


def test_backup_copy_on_a_full_disk_leaves_no_partial_backup(book, capsys, monkeypatch, disk):
    fills = [True]

    def other_disk(src, dst, **kw):  # no hard link possible: the backup is a copy, and the disk fills during it
        if fills[0]:
            disk.free = 10_000
        raise OSError(errno.EXDEV, "Invalid cross-device link")
    monkeypatch.setattr(os, "link", other_disk)
    before, mtime = book.read_bytes(), book.stat().st_mtime_ns
    code, err = run(["refresh", book], capsys)
    assert code == 2 and FULL_EN in err and "was not replaced" in err
    assert book.read_bytes() == before and bad_files(book.parent) == []
    assert os.listdir(book.parent / safety.BACKUP_DIR) == []
    fills[0], disk.free = False, None
    code, _ = run(["refresh", book], capsys)
    assert code == 0
    [kept] = (book.parent / safety.BACKUP_DIR).iterdir()
    assert kept.read_bytes() == before and kept.stat().st_mtime_ns == mtime  # a copy keeps the original's date


def test_refresh_on_a_full_disk(book, capsys, disk):
    before = book.read_bytes()
    disk.free = 20_000
    code, err = run(["refresh", book], capsys)
    assert code == 2 and FULL_FR in err and FULL_EN in err and "The workbook was not changed" in err
    assert str(book) in err and "Traceback" not in err
    assert book.read_bytes() == before and bad_files(book.parent) == []
    disk.free = None
    assert run(["refresh", book], capsys)[0] == 0
    assert book.read_bytes() != before


# ------------------------------------------------------------------ report, export, docs, new on a full disk

def test_report_on_a_full_disk_leaves_no_file_to_block_the_next_run(book, tmp_path, capsys, disk):
    out = tmp_path / "out" / "rapport.docx"
    disk.free = 30_000
    code, err = run(["report", book, "--out", out], capsys)
    assert code == 2 and FULL_FR in err and str(out) in err and "Word" not in err
    assert not out.exists() and bad_files(tmp_path) == []
    disk.free = None
    assert run(["report", book, "--out", out], capsys)[0] == 0  # no --force needed: nothing was left
    assert zipfile.is_zipfile(out)


def test_export_key_on_a_full_disk_leaves_no_empty_key(book, tmp_path, capsys, disk):
    disk.free = 0
    code, err = run(["export", book, "--anonymised", "--out", tmp_path / "out"], capsys)
    key = book.parent / ex.KEY_FILE
    assert code == 2 and str(key) in err and FULL_EN in err and "Nothing was exported" in err
    assert not key.exists() and bad_files(tmp_path) == []
    disk.free = None
    assert run(["export", book, "--anonymised", "--out", tmp_path / "out"], capsys)[0] in (0, 1)
    assert len(key.read_text().strip()) == 64


def test_export_on_a_full_disk_says_it_is_incomplete(book, tmp_path, capsys, disk):
    out = tmp_path / "out"
    disk.free = 30_000  # the key and the first tables fit, not the rest
    code, err = run(["export", book, "--anonymised", "--out", out], capsys)
    assert code == 2 and FULL_EN in err and "The export is incomplete: do not send it" in err
    assert bad_files(tmp_path) == [] and not (out / ex.MANIFEST).exists()
    disk.free = None
    assert run(["export", book, "--anonymised", "--out", out], capsys)[0] in (0, 1)
    assert (out / ex.MANIFEST).exists() and zipfile.is_zipfile(out / ex.XLSX_NAME)


def test_an_empty_key_left_by_an_older_version_no_longer_blocks_exports(book, tmp_path, capsys):
    key = book.parent / ex.KEY_FILE
    key.write_bytes(b"")
    assert run(["export", book, "--anonymised", "--out", tmp_path / "out"], capsys)[0] in (0, 1)
    assert len(key.read_text().strip()) == 64


def test_docs_on_a_full_disk_leave_only_whole_documents(book, tmp_path, capsys, disk):
    out = tmp_path / "dossiers"
    disk.free = 60_000  # two documents fit, the third does not
    code, err = run(["docs", book, "--out", out, "--case", CASE], capsys)
    assert code == 2 and FULL_FR in err and "Word" not in err and "avant celui-ci sont complets" in err
    written = sorted(p.name for p in (out / CASE).iterdir())
    assert 1 <= len(written) < 4 and bad_files(out) == []
    disk.free = None
    assert run(["docs", book, "--out", out, "--case", CASE, "--force"], capsys)[0] == 0
    assert len(list((out / CASE).iterdir())) == 4 and bad_files(out) == []


def test_new_on_a_full_disk(tmp_path, capsys, disk):
    path = tmp_path / "nouveau.xlsx"
    disk.free = 10_000
    code, err = run(["new", path], capsys)
    assert code == 2 and FULL_FR in err and str(path) in err
    assert os.listdir(tmp_path) == []
    disk.free = None
    assert run(["new", path], capsys)[0] == 0 and zipfile.is_zipfile(path)


def test_new_into_a_read_only_folder(tmp_path, capsys, monkeypatch):
    read_only(monkeypatch, tmp_path)
    code, err = run(["new", tmp_path / "nouveau.xlsx", "--lang", "en"], capsys)
    assert code == 2 and "access is denied" in err and "choose a folder you can write to" in err
    assert os.listdir(tmp_path) == []


def test_excel_settings_on_a_full_disk_keep_the_previous_ones(tmp_path, disk):
    pytest.importorskip("xlwings")
    from ptxl.excel.install import Machine, install
    home = tmp_path / "Users" / "Anne"
    m = Machine("win32", home, home / "AppData" / "Roaming", r"C:\Program Files\Microsoft Office\EXCEL.EXE")
    m.config_file.parent.mkdir(parents=True)
    m.config_file.write_bytes(b'"INTERPRETER_WIN","C:\\old\\python.exe"\r\n')
    before = m.config_file.read_bytes()
    disk.free = 0
    with pytest.raises(PtxlError, match="disk is full"):
        install(m, r"C:\Python311\python.exe", pythonpath=False)
    assert m.config_file.read_bytes() == before
    assert not m.addin_path.exists() and bad_files(tmp_path) == []
    disk.free = None
    install(m, r"C:\Python311\python.exe", pythonpath=False)
    assert b"Python311" in m.config_file.read_bytes() and zipfile.is_zipfile(m.addin_path)


# ------------------------------------------------------------------ a real file-size limit (the kernel says EFBIG)

LIMITED = {  # command → (arguments after the workbook, file-size limit in bytes)
    "refresh": ([], 20_000),
    "report": (["--out", "{tmp}/out/rapport.docx"], 20_000),
    "export": (["--anonymised", "--out", "{tmp}/out"], 20_000),
    "export-key": (["--anonymised", "--out", "{tmp}/out"], 10),
    "docs": (["--out", "{tmp}/out", "--case", CASE], 20_000),
    "new": ([], 20_000),
}


def _ptxl(args: list[str], limit: int | None) -> subprocess.CompletedProcess:
    def set_limit():
        import resource
        import signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # so the kernel answers EFBIG instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1")
    env.pop(ex.ENV_KEY, None)
    return subprocess.run([sys.executable, "-m", "ptxl", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=300, preexec_fn=set_limit if limit else None)


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE as on Linux")
@pytest.mark.parametrize("name", list(LIMITED))
def test_a_real_file_size_limit(name, book, tmp_path):
    extra, limit = LIMITED[name]
    command = name.split("-")[0]
    target = [str(tmp_path / "new.xlsx")] if command == "new" else [str(book)]
    args = [command, *target, *(a.format(tmp=tmp_path) for a in extra)]
    before = book.read_bytes()
    proc = _ptxl(args, limit)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and BIG_FR in proc.stderr
    assert book.read_bytes() == before and bad_files(tmp_path) == []
    assert not (tmp_path / "new.xlsx").exists() and not (tmp_path / "out" / "rapport.docx").exists()
    again = _ptxl(args, None)  # the disk "frees": the same command works, nothing is in its way
    assert again.returncode in (0, 1), again.stderr
    assert bad_files(tmp_path) == []


# ------------------------------------------------------------------ folders and files in the wrong places

def test_report_onto_a_folder(book, tmp_path, capsys):
    out = tmp_path / "rapport.docx"
    out.mkdir()
    code, err = run(["report", book, "--out", out, "--force"], capsys)
    assert code == 2 and "un dossier porte déjà ce nom" in err and str(out) in err
    assert out.is_dir() and sorted(os.listdir(tmp_path)) == ["org", "rapport.docx"] and bad_files(tmp_path) == []


def test_export_into_a_file(book, tmp_path, capsys):
    out = tmp_path / "out"
    out.write_bytes(b"a file")
    code, err = run(["export", book, "--anonymised", "--out", out], capsys)
    assert code == 2 and "a file stands where a folder is needed" in err and str(out) in err
    assert out.read_bytes() == b"a file"


def test_docs_where_a_case_folder_is_a_file(book, tmp_path, capsys):
    out = tmp_path / "dossiers"
    out.mkdir()
    (out / CASE).write_bytes(b"x")
    code, err = run(["docs", book, "--out", out, "--case", CASE], capsys)
    assert code == 2 and "un fichier se trouve là où il faut un dossier" in err and "Traceback" not in err
    assert (out / CASE).read_bytes() == b"x"


def test_key_that_is_a_folder_or_unreadable(book, tmp_path, capsys, monkeypatch):
    key = book.parent / ex.KEY_FILE
    key.mkdir()
    code, err = run(["export", book, "--anonymised", "--out", tmp_path / "out"], capsys)
    assert code == 2 and "Could not read" in err and str(key) in err
    key.rmdir()
    key.write_text("ab" * 32 + "\n")
    real = Path.read_bytes

    def unreadable(p):  # root reads everything: the refusal is simulated
        if p.name == ex.KEY_FILE:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(p)
    monkeypatch.setattr(Path, "read_bytes", unreadable)
    code, err = run(["export", book, "--anonymised", "--out", tmp_path / "out"], capsys)
    assert code == 2 and "access is denied" in err and key.read_text() == "ab" * 32 + "\n"


def test_export_into_a_read_only_folder(book, tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    read_only(monkeypatch, out)
    code, err = run(["export", book, "--anonymised", "--out", out], capsys)
    assert code == 2 and "access is denied" in err and str(out) in err and "Traceback" not in err
    assert os.listdir(out) == []


@pytest.mark.skipif(sys.platform != "linux", reason="needs Linux mount namespaces")
def test_export_onto_a_read_only_disk_for_real(book, tmp_path):
    from tools import on_read_only_disk
    ro = tmp_path / "ro"
    proc = on_read_only_disk(ro, "", f"PYTHONPATH={ROOT} {sys.executable} -m ptxl export {book} --anonymised "
                                     f"--out {ro}/export")
    assert proc.returncode == 2, proc.stderr
    assert "the disk is read-only" in proc.stderr and f"{ro}/export" in proc.stderr
    assert "Traceback" not in proc.stderr
