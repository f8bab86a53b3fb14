"""Replacing the staff workbook on disk so that nothing can be lost, whatever happens.

The rules, and why:
- Refuse while the file is open in Excel (``~$name.xlsx``) or LibreOffice
  (``.~lock.name.xlsx#``): the program holding it would save its own copy over ours.
- Write a temporary file in the same folder (``write.atomic.write_temp``: same
  disk, so the final rename is atomic), flush and fsync it, check that the
  original was not saved by someone else since it was read (size and mtime),
  then ``os.replace`` it. A crash at any
  point leaves either the old or the new workbook, never half of one.
- Symlinks are resolved (the real file is replaced, the link kept); the file's
  permission bits are kept.
- Before replacing, the old version is kept in ``.ptxl-backups/`` beside the
  workbook (a hard link when the disk allows: no copy), the newest ``KEEP`` only.
  The backup is part of the write: if it cannot be made (the folder is a file, not
  writable, the disk is full) the workbook is not replaced and the message says
  where the backup should have gone and why it could not.
- Temp files are named ``.~ptxl-<name>.<pid>.<random>.tmp``: removed on any
  exception or SIGTERM/SIGINT/SIGHUP, and one left by a killed process (SIGKILL,
  power cut) is removed by the next run once its process is gone.
"""

from __future__ import annotations

from ..model.problems import PROBLEMS, Problem
import datetime as dt
import errno
import os
import re
import signal
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from ..i18n import register
from ..model.errors import PtxlError
from ..schema import L
from . import atomic, failure
from .atomic import TEMP_PREFIX

KEEP = 10
BACKUP_DIR = ".ptxl-backups"
STALE_SECONDS = 3600  # a temp file this old is stale even if its pid was reused
_TEMP_RE = re.compile(r"^\.~ptxl-(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-f]+\.tmp$")
_live_temps = atomic.IN_FLIGHT  # every writer's temps, so a signal removes them too


@dataclass(frozen=True)
class Snapshot:
    """The workbook as it was read: refresh replaces it only if it is still exactly that."""

    path: Path  # symlinks resolved
    size: int
    mtime_ns: int
    mode: int


def _checkpoint(name: str) -> None:
    """No-op; the fault tests replace it to kill the process at a precise step."""


def lock_files(path: Path) -> list[Path]:
    folder, name = path.parent, path.name
    candidates = [folder / f"~${name}", folder / f".~lock.{name}#"]
    if len(name) > 2:
        candidates.append(folder / f"~${name[2:]}")  # Word-style owner file of a long name
    return [p for p in candidates if p.exists()]


# Why a workbook is not replaced; the button is the home sheet's "refresh" (ptxl.forms.home), named as it reads.
SAFETY = register("safety", {
    "open_elsewhere": ("« {name} » est ouvert dans Excel ou LibreOffice : fermez-le puis recommencez, ou utilisez le "
                       "bouton « Actualiser les statistiques » dans Excel. Rien n'a été modifié.",
                       "« {name} » is geopend in Excel of LibreOffice: sluit het en probeer opnieuw, of gebruik de "
                       "knop « Statistieken bijwerken » in Excel. Er werd niets gewijzigd.",
                       "'{name}' is open in Excel or LibreOffice: close it and try again, or use the 'Refresh "
                       "statistics' button in Excel. Nothing was changed."),
    "read_only_folder": ("Le dossier « {folder} » est en lecture seule : ptxl ne peut pas y écrire le classeur "
                         "actualisé. Copiez le classeur dans un dossier où vous pouvez écrire (par ex. Documents), "
                         "puis recommencez. Rien n'a été modifié.",
                         "De map « {folder} » is alleen-lezen: ptxl kan de bijgewerkte werkmap er niet in schrijven. "
                         "Kopieer de werkmap naar een map waarin u kunt schrijven (bv. Documenten) en probeer "
                         "opnieuw. Er werd niets gewijzigd.",
                         "The folder '{folder}' is read-only: ptxl cannot write the refreshed workbook there. Copy "
                         "the workbook to a folder you can write to, e.g. Documents, and try again. Nothing was "
                         "changed."),
})


def check_not_open(path: Path) -> None:
    if lock_files(path):
        raise Problem(SAFETY.open_elsewhere, name=path.name)


def snapshot(path: str | Path) -> Snapshot:
    """Resolve the real file and remember its size and mtime; refuse early when it cannot be replaced."""
    real = Path(os.path.realpath(path))
    try:
        st = real.stat()
    except FileNotFoundError:
        raise Problem(PROBLEMS.not_found, name=Path(path).name) from None
    check_not_open(real)
    if not os.access(real.parent, os.W_OK):
        raise _read_only_folder(real.parent)
    if not os.access(real, os.W_OK) or not st.st_mode & stat.S_IWUSR:
        raise Problem(PROBLEMS.read_only, name=real.name)
    return Snapshot(real, st.st_size, st.st_mtime_ns, stat.S_IMODE(st.st_mode))


def _read_only_folder(folder: Path) -> PtxlError:
    return Problem(SAFETY.read_only_folder, folder=folder)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def clean_stale_temps(folder: Path) -> list[Path]:
    """Remove temp files left by killed runs (their process is gone, or they are over an hour old)."""
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    now = time.time()
    for name in names:
        m = _TEMP_RE.match(name)
        if not m or str(folder / name) in _live_temps:
            continue
        p = folder / name
        try:
            old = now - p.stat().st_mtime > STALE_SECONDS
            if old or not _pid_alive(int(m.group("pid"))):
                p.unlink()
                removed.append(p)
        except OSError:
            pass
    return removed


def _cleanup(*_args) -> None:
    for t in list(_live_temps):
        try:
            os.unlink(t)
        except OSError:
            pass
        _live_temps.discard(t)


def _on_signal(signum, frame):
    _cleanup()
    prev = _previous.get(signum)
    if callable(prev):
        prev(signum, frame)
    elif prev == signal.SIG_IGN:
        return
    else:
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)


_previous: dict = {}


def _install_signal_cleanup():
    for name in ("SIGTERM", "SIGINT", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is None or sig in _previous:
            continue
        try:
            _previous[sig] = signal.signal(sig, _on_signal)
        except ValueError:  # not the main thread: rely on the next run's cleanup
            pass


def backup(snap: Snapshot, keep: int = KEEP) -> Path:
    """Keep the current version in ``.ptxl-backups`` (hard link if possible), prune to the newest ``keep``.

    Raises ``OSError`` when the version cannot be kept; a copy that fails leaves nothing behind.
    """
    folder = snap.path.parent / BACKUP_DIR
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")  # sortable, unique even within a second
    target = folder / f"{snap.path.stem}.{stamp}{snap.path.suffix}"
    while target.exists():
        time.sleep(0.001)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = folder / f"{snap.path.stem}.{stamp}{snap.path.suffix}"
    try:
        os.link(snap.path, target)
    except OSError:  # no hard links here (or another disk): a whole copy, with the original's dates
        atomic.write_atomic(target, snap.path.read_bytes(), overwrite=False, mode=snap.mode)
        os.utime(target, ns=(snap.mtime_ns, snap.mtime_ns))
    _prune(folder, snap.path, keep)
    return target


def _prune(folder: Path, path: Path, keep: int) -> None:
    stem, suffix = path.stem, path.suffix
    try:
        mine = sorted(p for p in folder.iterdir() if p.name.startswith(stem + ".") and p.suffix == suffix
                      and re.fullmatch(r"\d{8}-\d{6}-\d{6}", p.name[len(stem) + 1:len(p.name) - len(suffix)]))
    except OSError:
        return
    for old in mine[:-keep] if keep > 0 else []:
        try:
            old.unlink()
        except OSError:
            pass


BACKUP_NOTE = L(
    "La version actuelle devait être gardée dans « {folder} », ce qui est impossible : {why}. Le classeur n'a "
    "donc pas été remplacé : rien n'a été modifié. {hint}",
    "De huidige versie moest bewaard worden in « {folder} », wat niet lukt: {why}. De werkmap werd dus niet "
    "vervangen: er werd niets gewijzigd. {hint}",
    "The current version had to be kept in '{folder}', which is impossible: {why}. So the workbook was not "
    "replaced: nothing was changed. {hint}")
NOT_A_FOLDER = L("« {name} » est un fichier, pas un dossier", "« {name} » is een bestand, geen map",
                 "'{name}' is a file, not a folder")
NOT_A_FOLDER_HINT = L("Renommez ce fichier (ou déplacez-le) puis relancez.",
                      "Geef dat bestand een andere naam (of verplaats het) en probeer opnieuw.",
                      "Rename (or move) that file, then run it again.")


def _backup_refused(snap: Snapshot, exc: OSError) -> PtxlError:
    """Why the previous version could not be kept, and where it should have gone: the refresh stops there."""
    folder = snap.path.parent / BACKUP_DIR
    texts = {}
    for k in BACKUP_NOTE:
        if folder.exists() and not folder.is_dir():
            why, hint = NOT_A_FOLDER[k].format(name=BACKUP_DIR), NOT_A_FOLDER_HINT[k]
        else:
            said = failure.explain(exc, k)
            why, hint = said["cause"], said["hint"]
        texts[k] = BACKUP_NOTE[k].format(folder=folder, why=why, hint=hint)
    return PtxlError(failure.in_language(texts))


def replace_atomically(snap: Snapshot, content: bytes, keep: int = KEEP) -> Path:
    """Write ``content`` over the workbook of ``snap``; returns the backup of the previous version.

    The backup is part of the write: when the previous version cannot be kept, the
    workbook is not replaced (``PtxlError``, the temp file removed).
    """
    folder = snap.path.parent
    clean_stale_temps(folder)
    _install_signal_cleanup()
    try:
        temp = atomic.write_temp(snap.path, content)
    except PermissionError:
        raise _read_only_folder(folder) from None
    except OSError as exc:
        if exc.errno == errno.EROFS:
            raise _read_only_folder(folder) from None
        raise failure.write_error(snap.path, exc, note=NOT_CHANGED) from None
    try:
        os.chmod(temp, snap.mode)
        _checkpoint("temp_written")
        check_not_open(snap.path)
        st = snap.path.stat()
        if (st.st_size, st.st_mtime_ns) != (snap.size, snap.mtime_ns):
            raise Problem(PROBLEMS.changed_meanwhile, name=snap.path.name)
        try:
            kept = backup(snap, keep)
        except OSError as exc:
            raise _backup_refused(snap, exc) from None
        _checkpoint("before_replace")
        os.replace(temp, snap.path)
        _live_temps.discard(str(temp))
        atomic._fsync_dir(folder)
        return kept
    except PermissionError:
        raise _read_only_folder(folder) from None
    except OSError as exc:
        raise failure.write_error(snap.path, exc, note=NOT_CHANGED) from None
    finally:
        if str(temp) in _live_temps:
            _cleanup_one(temp)


NOT_CHANGED = L("Le classeur n'a pas été modifié.", "De werkmap werd niet gewijzigd.",
                "The workbook was not changed.")


def _cleanup_one(temp: Path):
    try:
        os.unlink(temp)
    except OSError:
        pass
    _live_temps.discard(str(temp))
