"""Replacing the workbook on disk: refused while open, atomic, backed up, never a stray temp file."""

from __future__ import annotations

import errno
import os
import stat
import time
from pathlib import Path

import pytest

from ptxl.model.errors import PtxlError
from ptxl.write import safety


@pytest.fixture
def book(tmp_path) -> Path:
    p = tmp_path / "classeur.xlsx"
    p.write_bytes(b"old content")
    return p


def temps(folder: Path) -> list[str]:
    return [n for n in os.listdir(folder) if n.startswith(safety.TEMP_PREFIX)]


@pytest.mark.parametrize("lock", ["~$classeur.xlsx", ".~lock.classeur.xlsx#", "~$asseur.xlsx"])
def test_refused_while_open_in_excel_or_libreoffice(book, lock):
    (book.parent / lock).write_text("owner")
    with pytest.raises(PtxlError, match="ouvert.*open in Excel or LibreOffice"):
        safety.snapshot(book)
    assert book.read_bytes() == b"old content"


def test_lock_appearing_during_the_write_is_refused_too(book, monkeypatch):
    snap = safety.snapshot(book)
    def excel_opens_it(name):
        if name == "temp_written":
            (book.parent / f"~${book.name}").write_text("x")
    monkeypatch.setattr(safety, "_checkpoint", excel_opens_it)
    with pytest.raises(PtxlError, match="close it"):
        safety.replace_atomically(snap, b"new")
    assert book.read_bytes() == b"old content" and temps(book.parent) == []
    assert not (book.parent / safety.BACKUP_DIR).exists()


def test_replaced_atomically_with_mode_kept_and_a_backup(book):
    os.chmod(book, 0o640)
    snap = safety.snapshot(book)
    kept = safety.replace_atomically(snap, b"new content")
    assert book.read_bytes() == b"new content"
    assert stat.S_IMODE(book.stat().st_mode) == 0o640
    assert kept.parent.name == safety.BACKUP_DIR and kept.read_bytes() == b"old content"
    assert temps(book.parent) == []


def test_changed_since_read_is_aborted_and_the_other_save_wins(book, monkeypatch):
    snap = safety.snapshot(book)

    def someone_saves(name):
        if name == "temp_written":
            book.write_bytes(b"saved by Excel meanwhile")
    monkeypatch.setattr(safety, "_checkpoint", someone_saves)
    with pytest.raises(PtxlError, match="changed while it was being refreshed"):
        safety.replace_atomically(snap, b"ours")
    assert book.read_bytes() == b"saved by Excel meanwhile" and temps(book.parent) == []


def test_same_size_rewrite_is_caught_by_mtime(book):
    snap = safety.snapshot(book)
    time.sleep(0.01)
    book.write_bytes(b"new content")  # same length as "old content"
    os.utime(book, ns=(snap.mtime_ns + 10_000_000, snap.mtime_ns + 10_000_000))
    with pytest.raises(PtxlError):
        safety.replace_atomically(snap, b"ours")


def test_symlink_is_resolved_and_kept(book, tmp_path):
    link = tmp_path / "raccourci.xlsx"
    link.symlink_to(book)
    safety.replace_atomically(safety.snapshot(link), b"via the link")
    assert link.is_symlink() and book.read_bytes() == b"via the link"


def test_read_only_folder_gives_a_clear_message(book, monkeypatch):
    real_open = os.open

    def refuse(path, flags, mode=0o777, **kw):
        if safety.TEMP_PREFIX in str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, mode, **kw)
    monkeypatch.setattr(safety.os, "open", refuse)
    snap = safety.snapshot(book)
    with pytest.raises(PtxlError, match="lecture seule.*read-only"):
        safety.replace_atomically(snap, b"new")
    assert book.read_bytes() == b"old content"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_for_real(book):
    os.chmod(book.parent, 0o555)
    try:
        with pytest.raises(PtxlError, match="read-only"):
            safety.replace_atomically(safety.snapshot(book), b"new")
    finally:
        os.chmod(book.parent, 0o755)
    assert book.read_bytes() == b"old content"


def test_read_only_file_is_refused(book):
    os.chmod(book, 0o444)
    try:
        with pytest.raises(PtxlError, match="lecture seule"):
            safety.snapshot(book)
    finally:
        os.chmod(book, 0o644)


def test_missing_file_is_a_plain_message(tmp_path):
    with pytest.raises(PtxlError, match="introuvable"):
        safety.snapshot(tmp_path / "absent.xlsx")


def test_backups_keep_the_newest_only(book):
    for i in range(5):
        snap = safety.snapshot(book)
        safety.replace_atomically(snap, f"version {i}".encode(), keep=3)
    kept = sorted((book.parent / safety.BACKUP_DIR).iterdir())
    assert len(kept) == 3
    assert [p.read_bytes() for p in kept] == [b"version 1", b"version 2", b"version 3"]


def test_stale_temp_of_a_dead_process_is_cleaned_but_not_a_live_one(book):
    dead = book.parent / f"{safety.TEMP_PREFIX}{book.name}.999999999.abcd1234.tmp"
    mine = book.parent / f"{safety.TEMP_PREFIX}{book.name}.{os.getpid()}.abcd1234.tmp"
    other = book.parent / "~notes.tmp"
    for p in (dead, mine, other):
        p.write_bytes(b"x")
    removed = safety.clean_stale_temps(book.parent)
    assert removed == [dead] and mine.exists() and other.exists()
    old = time.time() - safety.STALE_SECONDS - 10
    os.utime(mine, (old, old))
    assert safety.clean_stale_temps(book.parent) == [mine]
