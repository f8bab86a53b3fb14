"""The one way ptxl puts a file on disk: whole or not at all.

Every writer (workbook, documents, report, export, key file, mapping file, ``ptxl new``)
hands its finished bytes to :func:`write_atomic`. The bytes go to a temporary file in
the target's own folder (same disk, so the final rename is atomic), are flushed and
fsynced, and only then take the target's name. A failure at any point (disk full,
permission, a kill) leaves the previous file as it was and no partial or 0-byte file
behind, so the next run works.

``overwrite=False`` is for files that must never replace another (a new workbook, a
key): the temp file is hard-linked to the name, which fails if the name appeared
meanwhile; on a disk without hard links, an exclusive create is the fallback.

:func:`save` is the same write for the commands: a failure becomes a ``PtxlError``
naming the file and the cause (``write.failure``), exit 2, never a traceback.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from .failure import write_error

TEMP_PREFIX = ".~ptxl-"
IN_FLIGHT: set[str] = set()  # temp files being written: a signal handler (write.safety) removes them


def _checkpoint(name: str) -> None:
    """No-op; fault tests replace it to fail at a precise step."""


def sync_folder(folder: Path) -> None:
    """Make the names written in ``folder`` durable (POSIX); once per folder after a batch of
    ``write_atomic(..., sync_folder=False)``. Best effort: some disks cannot fsync a folder."""
    _fsync_dir(Path(folder))


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temp_path(target: Path) -> Path:
    """A fresh temp name beside ``target`` that the stale-temp cleaner recognises.

    The target's name is cut to 80 characters so that a long name allowed by the disk
    (255) does not become a temp name it refuses.
    """
    return target.parent / f"{TEMP_PREFIX}{target.name[:80]}.{os.getpid()}.{secrets.token_hex(4)}.tmp"


def write_temp(target: Path, data: bytes, mode: int = 0o600) -> Path:
    """Write ``data`` fully to a new temp file beside ``target`` and fsync it; remove it on any failure."""
    temp = temp_path(target)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    IN_FLIGHT.add(str(temp))
    try:
        _write_all(fd, data)
    except BaseException:
        _unlink(temp)
        raise
    return temp


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte (``os.write`` may write fewer than asked), fsync, close; raise on the first failure."""
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view[:1 << 20]):]
            _checkpoint("writing")
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: str | Path, data: bytes, *, overwrite: bool = True, mode: int = 0o600,
                 sync_folder: bool = True) -> Path:
    """Put ``data`` at ``path`` whole or not at all; returns ``path``.

    Raises ``FileExistsError`` when ``overwrite`` is False and ``path`` exists, and the
    ``OSError`` of the failed step otherwise (the CLI turns both into a plain message).
    ``sync_folder=False`` leaves the folder's fsync to the caller (:func:`sync_folder` once
    for a batch of files, e.g. a case's documents): the file itself is always fsynced before
    it takes its name, so a power cut leaves it whole or absent, never empty.
    """
    path = Path(path)
    temp = write_temp(path, data, mode)
    try:
        _checkpoint("temp_written")
        if overwrite:
            os.replace(temp, path)
            IN_FLIGHT.discard(str(temp))
        else:
            try:
                os.link(temp, path)  # fails with EEXIST if the name appeared meanwhile
            except OSError as exc:
                if exc.errno == errno.EEXIST:
                    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
                _exclusive_copy(temp, path, data, mode)
            _unlink(temp)
        if sync_folder:
            _fsync_dir(path.parent)
    except BaseException:
        _unlink(temp)
        raise
    return path


def _exclusive_copy(temp: Path, path: Path, data: bytes, mode: int) -> None:
    """No hard links on this disk: create the name exclusively and fill it; remove it if that fails."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        _write_all(fd, data)
    except BaseException:
        _unlink(path)
        raise


def _unlink(p: Path) -> None:
    IN_FLIGHT.discard(str(p))
    try:
        os.unlink(p)
    except OSError:
        pass


def save(path: str | Path, data: bytes, *, overwrite: bool = True, mode: int = 0o600, lang: str | None = None,
         note: dict | None = None, sync_folder: bool = True) -> Path:
    """:func:`write_atomic` for a command: a failure is a ``PtxlError`` naming the file and the cause.

    With ``overwrite=False`` an existing ``path`` still raises ``FileExistsError``, for the
    caller's own policy (a numbered name, a refusal). ``note`` (an ``L``) says what the
    failure means for this command (e.g. "the export is incomplete").
    """
    try:
        return write_atomic(path, data, overwrite=overwrite, mode=mode, sync_folder=sync_folder)
    except OSError as exc:
        if isinstance(exc, FileExistsError) and not overwrite:
            raise
        raise write_error(path, exc, lang, note) from None


def make_folder(folder: str | Path, lang: str | None = None) -> Path:
    """``mkdir -p`` for a command: a file in the way, a protected parent… become a plain ``PtxlError``."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(folder, exc, lang) from None
    return folder
