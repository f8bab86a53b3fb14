"""What the user is told when a command or an Excel button cannot finish, and with which exit code.

One mapping for the command line (``ptxl.cli``) and the Excel buttons (``ptxl.excel``),
so a full disk or a file open in Word reads the same wherever it happens:

* ``PtxlError``: its own paragraph, exit 2 (it already says what to do);
* ``OSError``: which file, why (disk full, permission, a folder, not found…) and what to do, exit 2;
* ``KeyboardInterrupt`` (Ctrl+C): exit 130, the shell's convention;
* anything else: the kind of problem only, that the workbook was not changed, exit 2
  (never 1, which means "the workbook has errors"), and its code locations in a log.

This runs when something already went wrong, so it never raises and imports nothing when
it runs: its imports (standard library, ``ptxl.model.errors``, ``ptxl.write.atomic``) are done when
the command starts. No message quotes an exception's text, which may quote a cell (a name,
a birth date): the cause comes from the error number, the file name is the user's own.
"""

from __future__ import annotations

import errno
import os
import tempfile
from typing import NamedTuple

from .model.errors import PtxlError
from .write.atomic import TEMP_PREFIX
from ptxl.i18n import register as _register

USAGE = 2  # the command could not run (CLI.md); 1 is kept for "the workbook has errors"
INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl+C
LOG_NAME = "ptxl.log"  # in the temp folder: code locations of unforeseen failures, for maintainers


def _l(fr: str, nl: str, en: str) -> dict:
    return {"fr": fr, "nl": nl, "en": en}


# errno → (cause, what to do). One line per cause the user can act on; the rest say the system's words.
_CAUSES = {
    errno.ENOSPC: (_l("le disque est plein", "de schijf is vol", "the disk is full"),
                   _l("Libérez de la place, puis recommencez.", "Maak ruimte vrij en probeer opnieuw.",
                      "Free some space, then try again.")),
    errno.EACCES: (_l("l'accès est refusé", "de toegang is geweigerd", "permission was denied"),
                   _l("Fermez-le s'il est ouvert dans Excel ou Word, ou vérifiez vos droits sur ce dossier, "
                      "puis recommencez.",
                      "Sluit het als het open is in Excel of Word, of controleer uw rechten op die map, en probeer "
                      "opnieuw.",
                      "Close it if it is open in Excel or Word, or check your rights on that folder, then try "
                      "again.")),
    errno.EROFS: (_l("le disque est en lecture seule", "de schijf is alleen-lezen", "the disk is read-only"),
                  _l("Choisissez un dossier où vous pouvez écrire.", "Kies een map waarin u kunt schrijven.",
                     "Choose a folder you can write to.")),
    errno.EISDIR: (_l("c'est un dossier, pas un fichier", "het is een map, geen bestand",
                      "it is a folder, not a file"),
                   _l("Indiquez le fichier lui-même.", "Geef het bestand zelf op.", "Give the file itself.")),
    errno.ENOTDIR: (_l("une partie du chemin n'est pas un dossier", "een deel van het pad is geen map",
                       "part of the path is not a folder"),
                    _l("Vérifiez le chemin.", "Controleer het pad.", "Check the path.")),
    errno.ENOENT: (_l("il est introuvable", "het bestaat niet", "it was not found"),
                   _l("Vérifiez le nom et le dossier.", "Controleer de naam en de map.",
                      "Check the name and the folder.")),
    errno.EEXIST: (_l("il existe déjà", "het bestaat al", "it already exists"),
                   _l("Choisissez un autre nom.", "Kies een andere naam.", "Choose another name.")),
    errno.ENAMETOOLONG: (_l("le chemin est trop long", "het pad is te lang", "the path is too long"),
                         _l("Choisissez un dossier ou un nom plus court.", "Kies een kortere map of naam.",
                            "Choose a shorter folder or name.")),
}
_CAUSES[errno.EPERM] = _CAUSES[errno.EACCES]
_CAUSES[getattr(errno, "EDQUOT", errno.ENOSPC)] = _CAUSES[errno.ENOSPC]  # over quota: as full, to the user
_OTHER_HINT = _l("Vérifiez le fichier et le dossier, puis recommencez.", "Controleer het bestand en de map en "
                 "probeer opnieuw.", "Check the file and the folder, then try again.")

_FILE = _l("Impossible d'utiliser « {name} » : {cause}. {hint}", "Kan « {name} » niet gebruiken: {cause}. {hint}",
           "Could not use '{name}': {cause}. {hint}")
_NO_FILE = _l("Impossible de lire ou d'écrire un fichier : {cause}. {hint}",
              "Kan een bestand niet lezen of schrijven: {cause}. {hint}", "Could not read or write a file: {cause}. "
              "{hint}")
_INTERRUPTED = _l("Interrompu : ptxl s'est arrêté avant la fin ; relancez la commande pour la terminer.",
                  "Onderbroken: ptxl stopte voor het einde; start de opdracht opnieuw om ze af te maken.",
                  "Interrupted: ptxl stopped before the end; run the command again to finish it.")
_UNEXPECTED = _l("ptxl s'est arrêté sur un problème imprévu ({kind}). Votre classeur n'a pas été modifié. "
                 "Signalez-le avec la commande lancée et le fichier {log} (sans données personnelles).",
                 "ptxl stopte door een onverwacht probleem ({kind}). Uw werkmap is niet gewijzigd. Meld het met "
                 "de gebruikte opdracht en het bestand {log} (zonder persoonsgegevens).",
                 "ptxl stopped on an unexpected problem ({kind}). Your workbook was not changed. Please report "
                 "it with the command you ran and the file {log} (no personal data in it).")


def say(texts: dict, lang: str | None = None, **values) -> str:
    """One text in ``lang``; a value may itself be a {lang: text} dict. Without a language (the command
    line, before any workbook is read): French then English in parentheses, like every ``PtxlError``."""
    def one(code: str) -> str:
        return texts[code].format(**{k: v[code] if isinstance(v, dict) else v for k, v in values.items()})
    return one(lang) if lang in texts else f"{one('fr')} ({one('en')})"


class Failure(NamedTuple):
    code: int
    message: str
    unexpected: bool  # True: a bug or an unforeseen environment; worth logging for maintainers


def _display_name(exc: OSError) -> str | None:
    """The file the user knows: the target of a rename rather than ptxl's temp file beside it."""
    name = exc.filename2 or exc.filename
    if name is None or isinstance(name, int):  # os.write on a descriptor names no file
        return None
    name = os.fsdecode(name)
    base = os.path.basename(name)
    if base.startswith(TEMP_PREFIX):  # ".~ptxl-<target>.<pid>.<hex>.tmp" → "<target>"
        name = os.path.join(os.path.dirname(name), base[len(TEMP_PREFIX):].rsplit(".", 3)[0])
    return name


def os_message(exc: OSError, lang: str | None = None) -> str:
    """Which file, why and what to do, in one paragraph; the system's own words only for rare causes."""
    cause, hint = _CAUSES.get(exc.errno, (os.strerror(exc.errno), _OTHER_HINT))  # the system's words, not data
    name = _display_name(exc)
    return say(_FILE if name else _NO_FILE, lang, name=name, cause=cause, hint=hint)


def log_path(log_name: str = LOG_NAME) -> str:
    try:
        return os.path.join(tempfile.gettempdir(), log_name)
    except Exception:  # no usable temp folder: the log goes nowhere, the message still names it
        return log_name


def explain(exc: BaseException, lang: str | None = None, log_name: str = LOG_NAME) -> Failure:
    """The message and exit code for ``exc``; ``lang`` None gives the bilingual command-line wording."""
    try:
        if isinstance(exc, KeyboardInterrupt):
            return Failure(INTERRUPTED, say(_INTERRUPTED, lang), False)
        if isinstance(exc, PtxlError):  # one that keeps its code and fields is worded in ``lang``
            return Failure(exc.exit_code, exc.render(lang) if hasattr(exc, "render") else str(exc), False)
        if isinstance(exc, OSError) and exc.errno is not None:
            return Failure(USAGE, os_message(exc, lang), False)
    except Exception:  # an OSError with an odd file name, say: then worded as the unforeseen
        pass
    return Failure(USAGE, say(_UNEXPECTED, lang, kind=type(exc).__name__, log=log_path(log_name)), True)


def log_unexpected(exc: BaseException, log_name: str = LOG_NAME) -> None:
    """Code locations of an unforeseen failure, for whoever maintains ptxl; no message text (may quote data)."""
    import datetime as dt
    import traceback
    try:
        frames = traceback.extract_tb(exc.__traceback__)
        lines = [f"{dt.datetime.now().isoformat(timespec='seconds')} {type(exc).__name__}"]
        lines += [f"  {os.path.basename(f.filename)}:{f.lineno} in {f.name}" for f in frames]
        with open(log_path(log_name), "a", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
    except Exception:
        pass

# Into the one catalogue (ptxl.i18n): codes "guard.…".
TEXTS = _register("guard", {"causes": _CAUSES,
                  "other_hint": _OTHER_HINT,
                  "file": _FILE,
                  "no_file": _NO_FILE,
                  "interrupted": _INTERRUPTED,
                  "unexpected": _UNEXPECTED})
