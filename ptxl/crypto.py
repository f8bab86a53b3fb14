"""Workbooks saved with Excel's "Encrypt with password": opened and rewritten in memory only.

Why in memory: a decrypted copy on disk (even a temporary file) outlives the
command in backups, sync folders and file-recovery tools; the encryption is
the only storage protection the families' data has. So the plaintext package
never leaves ``bytes``: msoffcrypto-tool decrypts from and encrypts to
``io.BytesIO`` (its OOXML path uses no temporary file).

Why the password never comes from the command line: arguments are visible to
other users (process list) and stay in shell history. It is typed at a hidden
prompt (``getpass``) or, for automation, read from the environment variable
``PTXL_PASSWORD``.

A rewrite is only handed back when it is verifiably encrypted: an OLE
container with the ``EncryptionInfo`` and ``EncryptedPackage`` streams that
decrypts, with the same password, to exactly the package we meant to write.

Messages name the file only, never a password or any content.
"""

from __future__ import annotations

from .i18n import register, render

import getpass
import hashlib
import io
import os
import sys
import zipfile
from pathlib import Path

from .model.errors import PtxlError

ENV_PASSWORD = "PTXL_PASSWORD"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTION_STREAMS = frozenset({"EncryptionInfo", "EncryptedPackage"})
PROMPT_TRIES = 3

# Passwords that opened a given encrypted file in this process, so a refresh that
# read the file can write it back encrypted without asking twice. Keyed by the
# SHA-256 of the encrypted bytes; held in memory only, never written anywhere.
_REMEMBERED: dict[str, str] = {}


class EncryptedWorkbookError(PtxlError):
    """A problem opening or writing a password-protected workbook; ``kind`` says which."""

    def __init__(self, kind: str, name: str):
        self.kind, self.name = kind, name
        super().__init__(self.render(None))

    def render(self, lang: str | None) -> str:
        """In ``lang``; None (nothing read yet): "French (English)", the form this message always had."""
        if lang is None:
            return f"{render(f'crypto.{self.kind}', 'fr', name=self.name)} " \
                   f"({render(f'crypto.{self.kind}', 'en', name=self.name)})"
        return render(f"crypto.{self.kind}", lang, name=self.name)


MESSAGES = {  # (fr, nl, en); said "French (English)" on the command line, as nothing is read yet
    "wrong_password": (
        "« {name} » est protégé par un mot de passe, et le mot de passe donné ne l'ouvre pas. Rien n'a été "
        "lu ni écrit. Vérifiez le mot de passe (majuscules, clavier) et réessayez.",
        "« {name} » is beveiligd met een wachtwoord, en het opgegeven wachtwoord opent het niet. Er werd niets "
        "gelezen of geschreven. Controleer het wachtwoord (hoofdletters, toetsenbord) en probeer opnieuw.",
        "{name} is password-protected and the password given does not open it. Nothing was read or "
        "written. Check the password and try again."),
    "password_needed": (
        "« {name} » est protégé par un mot de passe. Lancez la commande dans une fenêtre où vous pouvez le "
        "taper, ou donnez-le dans la variable d'environnement " + ENV_PASSWORD + " (jamais sur la ligne de "
        "commande). Rien n'a été écrit.",
        "« {name} » is beveiligd met een wachtwoord. Start de opdracht in een venster waar u het kunt typen, of "
        "geef het in de omgevingsvariabele " + ENV_PASSWORD + " (nooit op de opdrachtregel). Er werd niets "
        "geschreven.",
        "{name} is password-protected: run the command where you can type "
        "the password, or set the environment variable " + ENV_PASSWORD + ". Nothing was written."),
    "unsupported": (
        "« {name} » est protégé par un chiffrement que ptxl ne sait pas ouvrir (ancien format ou protection "
        "par droits d'accès). Dans Excel : Fichier > Enregistrer sous… au format .xlsx, avec « Chiffrer avec "
        "mot de passe ». Rien n'a été écrit.",
        "« {name} » is beveiligd met een versleuteling die ptxl niet kan openen (oud formaat of beveiliging met "
        "toegangsrechten). In Excel: Bestand > Opslaan als… in .xlsx, met « Versleutelen met wachtwoord ». Er "
        "werd niets geschreven.",
        "{name} uses an encryption ptxl cannot open; save it again as "
        ".xlsx with Excel's 'Encrypt with password'. Nothing was written."),
    "damaged": (
        "« {name} » est protégé par un mot de passe, mais le fichier est endommagé ou incomplet (copie "
        "interrompue ?) : il ne peut pas être déchiffré, quel que soit le mot de passe. Rien n'a été lu ni "
        "écrit. Reprenez votre dernière copie de sauvegarde (par exemple dans le dossier .ptxl-backups à côté "
        "du classeur).",
        "« {name} » is beveiligd met een wachtwoord, maar het bestand is beschadigd of onvolledig (onderbroken "
        "kopie?): het kan niet ontsleuteld worden, welk wachtwoord ook. Er werd niets gelezen of geschreven. "
        "Neem uw laatste reservekopie (bijvoorbeeld in de map .ptxl-backups naast de werkmap).",
        "{name} is password-protected but the file is damaged or incomplete: it cannot be "
        "decrypted, whatever the password. Nothing was read or written. Use your latest backup."),
    "not_a_workbook": (
        "« {name} » s'ouvre avec ce mot de passe mais ne contient pas un classeur .xlsx. Rien n'a été écrit.",
        "« {name} » opent met dit wachtwoord maar bevat geen .xlsx-werkmap. Er werd niets geschreven.",
        "{name} opens with this password but holds no .xlsx workbook. Nothing was written."),
    "encrypt_failed": (
        "ptxl n'a pas pu rechiffrer « {name} » avec son mot de passe ; le fichier n'a pas été modifié.",
        "ptxl kon « {name} » niet opnieuw versleutelen met zijn wachtwoord; het bestand werd niet gewijzigd.",
        "ptxl could not encrypt {name} again with its password; the file was not changed."),
    "missing_library": (
        "Pour ouvrir « {name} », protégé par un mot de passe, ptxl a besoin du module msoffcrypto-tool "
        "(pip install msoffcrypto-tool). Rien n'a été écrit.",
        "Om het met een wachtwoord beveiligde « {name} » te openen heeft ptxl de module msoffcrypto-tool nodig "
        "(pip install msoffcrypto-tool). Er werd niets geschreven.",
        "Opening the password-protected {name} needs "
        "msoffcrypto-tool. Nothing was written."),
    # the hidden prompt (nothing is read yet: French / English)
    "prompt": ("Mot de passe de {name}", "Wachtwoord van {name}", "Password for {name}"),
    "retry": ("Mot de passe incorrect.", "Onjuist wachtwoord.", "Wrong password."),
}
CRYPTO = register("crypto", MESSAGES)


def _both(code, **fields) -> str:
    return f"{render(code, 'fr', **fields)} / {render(code, 'en', **fields)}"


def _msoffcrypto(name: str):
    try:
        from msoffcrypto import exceptions
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:  # pragma: no cover - a dependency of the package
        raise EncryptedWorkbookError("missing_library", name) from None
    return OOXMLFile, exceptions


def ole_streams(data: bytes) -> set[str] | None:
    """Top-level stream names of an OLE container, or None when ``data`` is not one."""
    if not data.startswith(OLE_MAGIC):
        return None
    import olefile
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception:
        return None
    try:
        return {"/".join(entry) for entry in ole.listdir(streams=True, storages=False)}
    finally:
        ole.close()


def is_encrypted(data: bytes) -> bool:
    """True for an Office-encrypted OOXML package: an OLE container holding both encryption streams."""
    streams = ole_streams(data)
    return streams is not None and ENCRYPTION_STREAMS <= streams


def _fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def get_password(name: str) -> str:
    """The password from ``PTXL_PASSWORD``, else a hidden prompt; never an argument, never echoed."""
    env = os.environ.get(ENV_PASSWORD)
    if env:
        return env
    if not _interactive():
        raise EncryptedWorkbookError("password_needed", name)
    return getpass.getpass(_both(CRYPTO.prompt, name=name) + ": ")


def _interactive() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _try_decrypt(data: bytes, name: str, password: str) -> bytes | None:
    """Plain package bytes, or None when the password is wrong.

    A wrong password is only what the password check itself says; a container that cannot be parsed, or a
    payload that fails its integrity check after the password was verified, is a damaged file, not a wrong
    password (telling staff to retype a right password would hide the real problem).
    """
    OOXMLFile, exceptions = _msoffcrypto(name)
    try:
        office = OOXMLFile(io.BytesIO(data))
    except exceptions.DecryptionError:  # an EncryptionInfo version msoffcrypto does not handle
        raise EncryptedWorkbookError("unsupported", name) from None
    except Exception:  # olefile and parsing errors: streams cut short or overwritten
        raise EncryptedWorkbookError("damaged", name) from None
    if getattr(office, "type", None) not in ("agile", "standard"):
        raise EncryptedWorkbookError("unsupported", name)
    try:
        office.load_key(password=password, verify_password=True)
    except exceptions.InvalidKeyError:
        return None
    except Exception:
        raise EncryptedWorkbookError("damaged", name) from None
    out = io.BytesIO()
    try:
        office.decrypt(out, verify_integrity=office.type == "agile")
    except Exception:  # integrity check failed, or the payload is cut short: the password was right
        raise EncryptedWorkbookError("damaged", name) from None
    plain = out.getvalue()
    if not plain.startswith(b"PK"):  # the standard scheme has no integrity check: garbage means damage
        raise EncryptedWorkbookError("damaged", name)
    if not _is_xlsx_package(plain, name):
        raise EncryptedWorkbookError("not_a_workbook", name)
    return plain


def _is_xlsx_package(plain: bytes, name: str) -> bool:
    """Whether the decrypted bytes are an OOXML package (a zip that is no zip is a damaged file)."""
    try:
        with zipfile.ZipFile(io.BytesIO(plain)) as zf:
            return "[Content_Types].xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise EncryptedWorkbookError("damaged", name) from None


def decrypt(data: bytes, name: str, password: str | None = None) -> bytes:
    """Encrypted workbook bytes → the plain .xlsx package bytes, in memory.

    Without ``password`` it is asked for (env var, then prompt: up to three tries
    at a prompt, one with the env var). A wrong password raises
    ``EncryptedWorkbookError("wrong_password")`` before anything is read.
    """
    if password is None:
        password = _REMEMBERED.get(_fingerprint(data))
    if password is not None:
        plain = _try_decrypt(data, name, password)
        if plain is None:
            raise EncryptedWorkbookError("wrong_password", name)
    else:
        prompted = not os.environ.get(ENV_PASSWORD)
        for attempt in range(PROMPT_TRIES if prompted else 1):
            password = get_password(name)
            plain = _try_decrypt(data, name, password)
            if plain is not None:
                break
            if prompted and attempt < PROMPT_TRIES - 1:
                print(_both(CRYPTO.retry), file=sys.stderr)
        else:
            raise EncryptedWorkbookError("wrong_password", name)
    _REMEMBERED[_fingerprint(data)] = password
    return plain


def password_for(data: bytes) -> str | None:
    """The password that opened these encrypted bytes earlier in this process, if any."""
    return _REMEMBERED.get(_fingerprint(data))


def open_package(path: str | Path, password: str | None = None) -> bytes:
    """The .xlsx package at ``path`` as plain bytes, decrypted in memory when it is encrypted."""
    path = Path(path)
    data = path.read_bytes()
    return decrypt(data, path.name, password) if is_encrypted(data) else data


def encrypt(plain: bytes, password: str, name: str = "workbook") -> bytes:
    """Plain .xlsx package bytes → Excel-compatible encrypted bytes (ECMA-376 agile, AES-256), verified."""
    OOXMLFile, _exceptions = _msoffcrypto(name)
    out = io.BytesIO()
    try:
        OOXMLFile(io.BytesIO(plain)).encrypt(password, out)
    except Exception:
        raise EncryptedWorkbookError("encrypt_failed", name) from None
    blob = out.getvalue()
    verify_encrypted(blob, password, plain, name)
    _REMEMBERED[_fingerprint(blob)] = password
    return blob


def verify_encrypted(blob: bytes, password: str, expected_plain: bytes, name: str = "workbook") -> None:
    """Refuse unless ``blob`` is an encrypted container that opens to exactly ``expected_plain``."""
    if not is_encrypted(blob) or blob.startswith(b"PK"):
        raise EncryptedWorkbookError("encrypt_failed", name)
    try:
        back = _try_decrypt(blob, name, password)
    except EncryptedWorkbookError:
        back = None
    if back != expected_plain:
        raise EncryptedWorkbookError("encrypt_failed", name)


def reencrypt_like(original: bytes, new_plain: bytes, name: str, password: str | None = None) -> bytes:
    """What a writer puts on disk: ``new_plain`` encrypted like ``original`` was, or unchanged if it was not.

    The hook for headless writers: they rewrite the plain package in memory,
    then call this with the file's original bytes before the atomic replace.
    """
    if not is_encrypted(original):
        return new_plain
    if password is None:
        password = password_for(original)
    if password is None:
        decrypt(original, name)  # asks, checks, remembers
        password = password_for(original)
    return encrypt(new_plain, password, name)


class BatchEncryptor:
    """Many files with one password, as one run of ``ptxl docs`` writes them: the same encryption, paid once.

    Why: an agile-encrypted file derives its key from the password with 100,000 rounds of
    SHA-512 (~0.1 s), and ``encrypt`` pays that twice per file (encrypting, then verifying by
    opening with the password): 96 documents of the demo cohort cost ~20 s of CPU. Here the
    password part of the encryption (its salt, verifier and the wrapped file key) is derived
    once per run and shared by the files of that run; each file still gets its own random data
    salt, so its own IVs and integrity key. The first file is verified by opening it with the
    password; every file is verified by decrypting it (with the file key) to exactly the bytes
    meant. A library without these internals falls back to ``encrypt`` per file.
    """

    def __init__(self, password: str):
        self.password = password
        self._params = None
        self._verified_once = False

    def encrypt(self, plain: bytes, name: str = "document") -> bytes:
        try:
            from msoffcrypto.method import ecma376_agile as agile
            make = agile.ECMA376Agile.generate_encryption_parameters
            container = agile.ECMA376Encrypted
        except (ImportError, AttributeError):  # pragma: no cover - msoffcrypto-tool < 5.4
            return encrypt(plain, self.password, name)
        import copy
        try:
            if self._params is None:
                self._params = make(self.password)
            base, secret = self._params
            info = copy.deepcopy(base)
            info.keyData.saltValue = os.urandom(info.keyData.saltSize)
            data = agile.ECMA376Agile.encrypt_payload(io.BytesIO(plain), info.encryptedKey, secret,
                                                      info.keyData.saltValue)
            header = agile.ECMA376Agile.get_encryption_information(info, data, secret)
            out = io.BytesIO()
            container(data, header).write_to(out)
        except Exception:
            raise EncryptedWorkbookError("encrypt_failed", name) from None
        blob = out.getvalue()
        if not self._verified_once:
            verify_encrypted(blob, self.password, plain, name)
            self._verified_once = True
        else:
            self._verify_with_key(blob, secret, plain, name)
        return blob

    @staticmethod
    def _verify_with_key(blob: bytes, secret: bytes, plain: bytes, name: str) -> None:
        OOXMLFile, _exceptions = _msoffcrypto(name)
        if not is_encrypted(blob):
            raise EncryptedWorkbookError("encrypt_failed", name)
        try:
            office = OOXMLFile(io.BytesIO(blob))
            office.load_key(secret_key=secret)
            back = io.BytesIO()
            office.decrypt(back, verify_integrity=True)
        except Exception:
            raise EncryptedWorkbookError("encrypt_failed", name) from None
        if back.getvalue() != plain:
            raise EncryptedWorkbookError("encrypt_failed", name)
