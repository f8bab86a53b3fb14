"""A failed write or read of a file, said plainly: which file, why (from the errno), what to do.

Why one place: every writer (workbook, documents, report, export, key, settings)
meets the same few causes (a full disk, a protected folder, a folder where a file
should be), and staff must read the same words for the same cause, in their
language, instead of a traceback or a guess ("is it open in Word?" for a full
disk). Messages name the file and the cause, never its content.
"""

from __future__ import annotations

import errno
from pathlib import Path

from ..model.errors import PtxlError
from ..schema import L
from ptxl.i18n import register as _register

_BY_ERRNO = {
    errno.ENOSPC: "full", getattr(errno, "EDQUOT", -1): "full",
    errno.EFBIG: "too_big",
    errno.EACCES: "denied", errno.EPERM: "denied",
    errno.EROFS: "read_only",
    errno.EISDIR: "is_dir",
    errno.ENOTDIR: "not_dir", errno.EEXIST: "not_dir",  # mkdir where a file stands
    errno.ENOENT: "missing",
    errno.ENAMETOOLONG: "too_long",
    errno.EIO: "io",
}
# Windows: disk full, handle EOF on a full disk, sharing and lock violations, access denied, path too long
_WINERROR = {112: "full", 39: "full", 32: "denied", 33: "denied", 5: "denied", 206: "too_long"}

CAUSE = {
    "full": L("le disque est plein (ou le quota de ce compte est atteint)",
              "de schijf is vol (of het quotum van deze account is bereikt)",
              "the disk is full (or this account's quota is reached)"),
    "too_big": L("le fichier dépasse la taille permise sur ce disque ou pour ce compte",
                 "het bestand is groter dan deze schijf of deze account toelaat",
                 "the file is larger than this disk or this account allows"),
    "denied": L("l'accès est refusé (dossier protégé, ou fichier ouvert dans un autre programme)",
                "toegang geweigerd (beveiligde map, of bestand geopend in een ander programma)",
                "access is denied (a protected folder, or the file is open in another program)"),
    "read_only": L("le disque est en lecture seule", "de schijf is alleen-lezen", "the disk is read-only"),
    "is_dir": L("un dossier porte déjà ce nom", "er bestaat al een map met die naam", "a folder has that name"),
    "not_dir": L("un fichier se trouve là où il faut un dossier", "er staat een bestand waar een map moet staan",
                 "a file stands where a folder is needed"),
    "missing": L("le dossier n'existe pas", "de map bestaat niet", "the folder does not exist"),
    "too_long": L("le nom est trop long", "de naam is te lang", "the name is too long"),
    "io": L("le disque ne répond pas correctement (clé USB retirée, réseau coupé ?)",
            "de schijf reageert niet goed (USB-stick verwijderd, netwerk weg?)",
            "the disk is not responding properly (USB stick removed, network down?)"),
    "other": L("erreur du système ({error})", "systeemfout ({error})", "system error ({error})"),
}
HINT = {
    "full": L("Libérez de la place puis relancez.", "Maak ruimte vrij en probeer opnieuw.",
              "Free some space and run it again."),
    "too_big": L("Libérez de la place (ou demandez un quota plus grand) ou choisissez un autre disque, puis "
                 "relancez.", "Maak ruimte vrij (of vraag een groter quotum) of kies een andere schijf, en probeer "
                 "opnieuw.", "Free some space (or ask for a larger quota) or choose another disk, then run it again."),
    "denied": L("Fermez le fichier (Word, Excel…) ou choisissez un dossier où vous pouvez écrire, puis relancez.",
                "Sluit het bestand (Word, Excel…) of kies een map waarin u mag schrijven, en probeer opnieuw.",
                "Close the file (Word, Excel…) or choose a folder you can write to, then run it again."),
    "read_only": L("Choisissez un dossier sur un autre disque.", "Kies een map op een andere schijf.",
                   "Choose a folder on another disk."),
}
WRITE = L("Impossible d'écrire « {path} » : {cause}. {hint}", "Kan « {path} » niet schrijven: {cause}. {hint}",
          "Could not write '{path}': {cause}. {hint}")
READ = L("Impossible de lire « {path} » : {cause}.", "Kan « {path} » niet lezen: {cause}.",
         "Could not read '{path}': {cause}.")
DEFAULT_HINT = L("Corrigez puis relancez.", "Verhelp dit en probeer opnieuw.", "Fix it and run it again.")


def cause(exc: OSError) -> str:
    """The kind of failure: a key of ``CAUSE``."""
    winerror = getattr(exc, "winerror", None)
    if winerror in _WINERROR:
        return _WINERROR[winerror]
    return _BY_ERRNO.get(exc.errno, "other")


def in_language(texts: dict, lang: str | None = None) -> str:
    """One language, or French then English (the bilingual messages of commands without a language)."""
    return texts[lang] if lang in texts else f"{texts['fr']} ({texts['en']})"


def explain(exc: OSError, lang: str) -> dict:
    """``{"cause": …, "hint": …}`` in ``lang``: why the operation failed and what to do."""
    kind = cause(exc)
    return {"cause": CAUSE[kind][lang].format(error=exc.strerror or type(exc).__name__),
            "hint": HINT.get(kind, DEFAULT_HINT)[lang]}


def write_error(path: str | Path, exc: OSError, lang: str | None = None, note: dict | None = None) -> PtxlError:
    """The PtxlError for a failed write of ``path``; ``note`` (an ``L``) adds what it means for this command."""
    texts = {k: WRITE[k].format(path=path, **explain(exc, k)) + (f" {note[k]}" if note else "") for k in WRITE}
    return PtxlError(in_language(texts, lang))


def read_error(path: str | Path, exc: OSError, lang: str | None = None) -> PtxlError:
    """The PtxlError for a file that exists but cannot be read (a folder, no permission, a failing disk)."""
    texts = {k: READ[k].format(path=path, cause=explain(exc, k)["cause"]) for k in READ}
    return PtxlError(in_language(texts, lang))

# Into the one catalogue (ptxl.i18n): codes "write.…".
TEXTS = _register("write", {"cause": CAUSE, "hint": HINT, "write": WRITE, "read": READ, "default_hint": DEFAULT_HINT})
