"""Encrypted in, encrypted out: how every file made from a workbook is protected.

Why: a case file, a report or an export holds what the workbook holds; the
weakest copy decides what a lost laptop discloses. So when the workbook is
encrypted, every file ptxl writes from it is encrypted too:
- Word documents, the report and the export workbook with Office's own
  encryption (ECMA-376 agile, AES-256, ``ptxl.crypto.encrypt``), which Word,
  Excel and LibreOffice open by asking the password;
- PDFs by LibreOffice's PDF export with an open password (``ptxl.docs.pdf``);
- CSV and JSON are not written (no format of theirs can be encrypted): the same
  tables and statistics are in the encrypted export workbook.
The password is the workbook's, unless another is typed at a prompt
(``--prompt-output``) or set in ``PTXL_OUTPUT_PASSWORD``. Files in clear from an
encrypted workbook need ``--unencrypted``, and the command says it did so.
``PTXL_OUTPUT_PASSWORD`` also encrypts the outputs of a workbook in clear.

This module only decides and applies; writers call :meth:`Protection.office`
on their finished bytes right before ``write_atomic``.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path

from . import crypto
from .model.errors import PtxlError
from .schema import L
from ptxl.i18n import register as _register

ENV_OUTPUT_PASSWORD = "PTXL_OUTPUT_PASSWORD"

MSG = {
    "encrypted_same": L("Fichiers chiffrés avec le mot de passe du classeur.",
                        "Bestanden versleuteld met het wachtwoord van de werkmap.",
                        "Files encrypted with the workbook's password."),
    "encrypted_other": L("Fichiers chiffrés avec le mot de passe de sortie ({source}).",
                         "Bestanden versleuteld met het uitvoerwachtwoord ({source}).",
                         "Files encrypted with the output password ({source})."),
    "unencrypted": L("ATTENTION : fichiers écrits NON chiffrés (--unencrypted) alors que le classeur est chiffré. "
                     "Rangez-les comme le classeur, ou supprimez-les.",
                     "LET OP: bestanden NIET versleuteld geschreven (--unencrypted) terwijl de werkmap versleuteld "
                     "is. Bewaar ze zoals de werkmap, of verwijder ze.",
                     "WARNING: files written UNENCRYPTED (--unencrypted) although the workbook is encrypted. "
                     "Store them like the workbook, or delete them."),
    "mismatch": L("Les deux mots de passe tapés diffèrent. Rien n'a été écrit.",
                  "De twee getypte wachtwoorden verschillen. Er werd niets geschreven.",
                  "The two passwords typed differ. Nothing was written."),
    "no_prompt": L("--prompt-output demande le mot de passe à l'écran : lancez la commande dans une fenêtre où "
                   "vous pouvez le taper, ou donnez-le dans " + ENV_OUTPUT_PASSWORD + ". Rien n'a été écrit.",
                   "--prompt-output vraagt het wachtwoord op het scherm: start de opdracht in een venster waar u "
                   "het kunt typen, of zet het in " + ENV_OUTPUT_PASSWORD + ". Er werd niets geschreven.",
                   "--prompt-output asks for the password on screen: run the command where you can type it, or "
                   "set " + ENV_OUTPUT_PASSWORD + ". Nothing was written."),
    "prompt": L("Mot de passe des fichiers produits : ", "Wachtwoord van de uitvoerbestanden: ",
                "Password for the output files: "),
    "prompt_again": L("Encore une fois : ", "Nog een keer: ", "Once more: "),
    "network_passwords": L(
        "Les classeurs chiffrés de ces projets n'ont pas le même mot de passe : donnez celui des fichiers du "
        "réseau dans la variable d'environnement " + ENV_OUTPUT_PASSWORD + " (ou --unencrypted). Rien n'a été "
        "écrit.",
        "De versleutelde werkmappen van deze projecten hebben niet hetzelfde wachtwoord: zet dat van de "
        "netwerkbestanden in de omgevingsvariabele " + ENV_OUTPUT_PASSWORD + " (of --unencrypted). Er werd niets "
        "geschreven.",
        "The encrypted workbooks of these pilots do not share one password: set the network files' password in "
        "the environment variable " + ENV_OUTPUT_PASSWORD + " (or --unencrypted). Nothing was written."),
    "excel_needs_password": L(
        "Ce classeur est chiffré : les documents le seront aussi, mais Excel ne donne pas son mot de passe à "
        "ptxl. Donnez le mot de passe des documents dans la variable d'environnement " + ENV_OUTPUT_PASSWORD +
        ", ou lancez « ptxl docs » dans une fenêtre de commande. Rien n'a été écrit.",
        "Deze werkmap is versleuteld: de documenten worden dat ook, maar Excel geeft het wachtwoord niet aan "
        "ptxl. Zet het wachtwoord van de documenten in de omgevingsvariabele " + ENV_OUTPUT_PASSWORD +
        ", of start « ptxl docs » in een opdrachtvenster. Er werd niets geschreven.",
        "This workbook is encrypted: the documents will be too, but Excel does not give its password to ptxl. "
        "Set the documents' password in the environment variable " + ENV_OUTPUT_PASSWORD + ", or run "
        "'ptxl docs' in a command window. Nothing was written."),
}


@dataclass(frozen=True)
class Protection:
    """What the outputs of one run get: a password (encrypted) or None (in clear), and why."""

    password: str | None = None
    source_encrypted: bool = False
    source: str = "workbook"  # "workbook", "prompt" or the environment variable's name

    @property
    def encrypted(self) -> bool:
        return self.password is not None

    @property
    def unencrypted_override(self) -> bool:
        """In clear although the workbook is encrypted (``--unencrypted``): the command must say so."""
        return self.source_encrypted and not self.encrypted

    def office(self, data: bytes, name: str = "document") -> bytes:
        """Finished .docx/.xlsx bytes → what goes on disk: encrypted (verified) when outputs are, else unchanged.

        The files of one run share one key derivation (``crypto.BatchEncryptor``)."""
        if self.password is None:
            return data
        batch = self.__dict__.get("_batch")
        if batch is None:
            batch = crypto.BatchEncryptor(self.password)
            object.__setattr__(self, "_batch", batch)
        return batch.encrypt(data, name)

    def message(self, lang: str) -> str | None:
        """The line the command prints about its outputs' protection (None when nothing was encrypted anywhere)."""
        if self.unencrypted_override:
            return MSG["unencrypted"][lang]
        if not self.encrypted:
            return None
        if self.source == "workbook":
            return MSG["encrypted_same"][lang]
        return MSG["encrypted_other"][lang].format(source=self.source)


CLEAR = Protection()


def _prompt_twice(lang: str) -> str:
    if not crypto._interactive():
        raise PtxlError(MSG["no_prompt"][lang])
    first = getpass.getpass(MSG["prompt"][lang])
    second = getpass.getpass(MSG["prompt_again"][lang])
    if not first or first != second:
        raise PtxlError(MSG["mismatch"][lang])
    return first


def workbook_password(path: str | Path) -> tuple[bool, str | None]:
    """(encrypted?, its password) for the workbook at ``path``: asked for only if this process has not opened it."""
    data = Path(path).read_bytes()
    if not crypto.is_encrypted(data):
        return False, None
    password = crypto.password_for(data)
    if password is None:
        crypto.decrypt(data, Path(path).name)  # asks, checks, remembers
        password = crypto.password_for(data)
    return True, password


def for_workbook(path: str | Path, *, unencrypted: bool = False, prompt_output: bool = False,
                 lang: str = "fr") -> Protection:
    """The protection of the files a command writes from the workbook at ``path``."""
    return for_workbooks([path], unencrypted=unencrypted, prompt_output=prompt_output, lang=lang)


def for_workbooks(paths, *, unencrypted: bool = False, prompt_output: bool = False,
                  lang: str = "fr") -> Protection:
    """The protection of the files made from one workbook or several pilots' (``ptxl network``): encrypted when
    any of them is, with their one password (or one typed at the prompt, or ``PTXL_OUTPUT_PASSWORD``); pilots
    with different passwords and no output password are refused before anything is written."""
    found = [workbook_password(p) for p in paths]
    encrypted = any(e for e, _pw in found)
    env = os.environ.get(ENV_OUTPUT_PASSWORD)
    if unencrypted:
        return Protection(None, encrypted)
    if prompt_output:
        return Protection(_prompt_twice(lang), encrypted, "prompt")
    if env:
        return Protection(env, encrypted, ENV_OUTPUT_PASSWORD)
    if not encrypted:
        return CLEAR
    passwords = {pw for e, pw in found if e}
    if len(passwords) != 1:
        raise PtxlError(MSG["network_passwords"][lang])
    return Protection(passwords.pop(), True, "workbook")


def for_excel_book(path: str | Path | None, lang: str = "fr") -> Protection:
    """The Excel button: Excel holds the password and does not give it; the environment variable must."""
    encrypted = False
    if path is not None:
        try:
            with open(path, "rb") as fh:
                encrypted = crypto.is_encrypted(fh.read())
        except OSError:
            encrypted = False
    env = os.environ.get(ENV_OUTPUT_PASSWORD)
    if env:
        return Protection(env, encrypted, ENV_OUTPUT_PASSWORD)
    if encrypted:
        raise PtxlError(MSG["excel_needs_password"][lang])
    return CLEAR

# Into the one catalogue (ptxl.i18n): codes "protect.…".
TEXTS = _register("protect", {"msg": MSG})
