"""``ptxl excel install | uninstall | status``: put the Plan Together tab into Excel, once per computer.

What install does, and why each step:
- copies ``ptxl.xlam`` into the user's Excel start-up folder, which Excel opens
  at every start (and trusts by default), so the tab is always there and the
  data workbook stays a macro-free ``.xlsx``:
  Windows ``%APPDATA%\\Microsoft\\Excel\\XLSTART``; Mac
  ``~/Library/Group Containers/UBF8T346G9.Office/User Content/Startup/Excel``;
- writes the settings the add-in's copy of xlwings reads (its PROJECT_NAME is
  ``ptxl``): Windows ``%USERPROFILE%\\.ptxl\\ptxl.conf``, Mac
  ``~/Library/Containers/com.microsoft.Excel/Data/ptxl.conf`` (Excel's sandbox),
  holding this Python (``INTERPRETER_WIN`` / ``INTERPRETER_MAC``), and
  ``PYTHONPATH`` only when ptxl is not importable by that Python on its own;
- on a Mac, copies xlwings' AppleScript into
  ``~/Library/Application Scripts/com.microsoft.Excel``, the only place from which
  sandboxed Excel may start a program (``xlwings runpython install`` does the same).

The add-in is the one shipped in the package (``ptxl/excel/addin/``); every path is
computed from a ``Machine`` so that tests can run these steps for a Windows or
Mac layout in a temporary folder. Without Excel there is nothing to install:
``PtxlError`` (exit 2).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..i18n import LANGS, register, render
from ..model.errors import PtxlError
from ..model.problems import Problem
from .buttons import ADDIN_DIR, manifest
from ..write.atomic import make_folder, save, write_atomic
from ..write.failure import write_error

MAC_STARTUP = ("Library", "Group Containers", "UBF8T346G9.Office", "User Content", "Startup", "Excel")
MAC_SANDBOX = ("Library", "Containers", "com.microsoft.Excel", "Data")
MAC_SCRIPTS = ("Library", "Application Scripts", "com.microsoft.Excel")
MAC_EXCEL = (Path("/Applications/Microsoft Excel.app"),)

# What install, uninstall and status say (lines) and why they stop (errors), in the one catalogue: "install.…".
SAY = register("install", {
    "found": ("Excel trouvé : {path}", "Excel gevonden: {path}", "Excel found: {path}"),
    "addin_copied": ("Complément copié dans le dossier de démarrage d'Excel : {path}",
                     "Invoegtoepassing gekopieerd naar de opstartmap van Excel: {path}",
                     "Add-in copied to Excel's start-up folder: {path}"),
    "settings_written": ("Réglages écrits dans {conf} : Python = {python}{pythonpath}",
                         "Instellingen geschreven in {conf}: Python = {python}{pythonpath}",
                         "Settings written to {conf}: Python = {python}{pythonpath}"),
    "applescript_copied": ("AppleScript de RunPython copié dans {path}", "AppleScript voor RunPython gekopieerd "
                           "naar {path}", "AppleScript for RunPython copied to {path}"),
    "restart": ("Redémarrez Excel : l'onglet « Plan Together » apparaît après l'onglet Accueil.",
                "Start Excel opnieuw: het tabblad « Plan Together » verschijnt na het tabblad Start.",
                "Restart Excel: the 'Plan Together' tab appears after the Home tab."),
    "xlsm_ready": ("Les classeurs .xlsm faits avec « ptxl new --with-buttons » trouvent maintenant ce Python.",
                   "De .xlsm-werkmappen gemaakt met « ptxl new --with-buttons » vinden nu deze Python.",
                   "The .xlsm workbooks made with 'ptxl new --with-buttons' now find this Python."),
    "addin_removed": ("Complément supprimé : {path}", "Invoegtoepassing verwijderd: {path}", "Add-in removed: {path}"),
    "settings_removed": ("Fichier de réglages supprimé : {path}", "Instellingenbestand verwijderd: {path}",
                         "Settings file removed: {path}"),
    "addin_absent": ("Le complément n'était pas là : {path}", "De invoegtoepassing was er niet: {path}",
                     "Add-in was not there: {path}"),
    "settings_absent": ("Le fichier de réglages n'était pas là : {path}", "Het instellingenbestand was er niet: "
                        "{path}", "Settings file was not there: {path}"),
    "tab_gone": ("Redémarrez Excel : l'onglet « Plan Together » a disparu.",
                 "Start Excel opnieuw: het tabblad « Plan Together » is weg.",
                 "Restart Excel: the 'Plan Together' tab is gone."),
    "xlwings_missing": ("ATTENTION : xlwings n'est pas installé pour ce Python : lancez  pip install xlwings  (les "
                        "boutons en ont besoin).",
                        "LET OP: xlwings is niet geïnstalleerd voor deze Python: voer  pip install xlwings  uit (de "
                        "knoppen hebben het nodig).",
                        "WARNING: xlwings is not installed for this Python: run  pip install xlwings  (the buttons "
                        "need it)."),
    "xlwings_mismatch": ("ATTENTION : xlwings {have} est installé, le complément a été construit avec xlwings {want}. "
                         "Lancez  pip install xlwings=={want}  (ou reconstruisez le complément) pour que les deux "
                         "correspondent.",
                         "LET OP: xlwings {have} is geïnstalleerd, de invoegtoepassing werd gebouwd met xlwings "
                         "{want}. Voer  pip install xlwings=={want}  uit (of bouw de invoegtoepassing opnieuw) zodat "
                         "beide overeenkomen.",
                         "WARNING: xlwings {have} is installed, the add-in was built with xlwings {want}. Run  pip "
                         "install xlwings=={want}  (or rebuild the add-in) so that both sides match."),
    "xlwings_ok": ("xlwings {have} : correspond au complément.", "xlwings {have}: past bij de invoegtoepassing.",
                   "xlwings {have}: matches the add-in."),
    "addin_installed": ("Complément installé : {path}{note}", "Invoegtoepassing geïnstalleerd: {path}{note}",
                        "Add-in installed: {path}{note}"),
    "addin_stale": (" (une version plus ancienne ou différente : relancez « ptxl excel install »)",
                    " (een oudere of andere versie: voer « ptxl excel install » opnieuw uit)",
                    " (an older or different version: run 'ptxl excel install' again)"),
    "addin_not_installed": ("Complément non installé (« ptxl excel install » le met dans {path}).",
                            "Invoegtoepassing niet geïnstalleerd (« ptxl excel install » zet ze in {path}).",
                            "Add-in not installed ('ptxl excel install' puts it in {path})."),
    "python_used": ("Python utilisé par les boutons : {python}{note}", "Python gebruikt door de knoppen: "
                    "{python}{note}", "Python used by the buttons: {python}{note}"),
    "python_not_found": (" (INTROUVABLE : relancez « ptxl excel install »)",
                         " (NIET GEVONDEN: voer « ptxl excel install » opnieuw uit)",
                         " (NOT FOUND: run 'ptxl excel install' again)"),
    "no_python": ("Aucun Python configuré pour les boutons (fichier de réglages {path}).",
                  "Geen Python ingesteld voor de knoppen (instellingenbestand {path}).",
                  "No Python configured for the buttons (settings file {path})."),
    "applescript": ("AppleScript de RunPython : {path}{note}", "AppleScript voor RunPython: {path}{note}",
                    "AppleScript for RunPython: {path}{note}"),
    "applescript_missing": (" (absent : lancez « ptxl excel install »)", " (ontbreekt: voer « ptxl excel install » "
                            "uit)", " (missing: run 'ptxl excel install')"),
    # why a step stops (exit 2, ``ptxl.guard`` words them in the run's language)
    "no_excel": ("Excel n'est pas installé sur cet ordinateur ({where}) : il n'y a rien à installer. Installez Excel "
                 "pour Windows ou Mac, puis relancez « ptxl excel install ». Les commandes « ptxl validate / "
                 "refresh / docs » fonctionnent sans Excel.",
                 "Excel is niet geïnstalleerd op deze computer ({where}): er is niets te installeren. Installeer "
                 "Excel voor Windows of Mac en voer daarna « ptxl excel install » opnieuw uit. De opdrachten « ptxl "
                 "validate / refresh / docs » werken zonder Excel.",
                 "Excel is not installed on this computer ({where}): there is nothing to install. Install Excel for "
                 "Windows or Mac, then run 'ptxl excel install' again. The commands 'ptxl validate / refresh / docs' "
                 "work without Excel."),
    "quote_in_path": ("Un chemin contient un guillemet, que Excel ne sait pas lire : {value}. Choisissez un dossier "
                      "sans guillemet.",
                      "Een pad bevat een aanhalingsteken, dat Excel niet kan lezen: {value}. Kies een map zonder "
                      "aanhalingsteken.",
                      "A path contains a double quote, which Excel cannot read: {value}. Choose a folder without "
                      "one."),
    "python_path_chars": ("Le chemin de Python contient des caractères qu'Excel ne peut pas lire : installez Python "
                          "dans un dossier au nom simple (par ex. C:\\Python).",
                          "Het pad van Python bevat tekens die Excel niet kan lezen: installeer Python in een map "
                          "met een eenvoudige naam (bv. C:\\Python).",
                          "The Python path has characters Excel cannot read: install Python in a plain folder, e.g. "
                          "C:\\Python."),
    "excel_holds_it": ("Impossible d'écrire {path} : Excel l'utilise peut-être. Fermez Excel puis relancez la "
                       "commande.",
                       "Kan {path} niet schrijven: Excel gebruikt het misschien. Sluit Excel en voer de opdracht "
                       "opnieuw uit.",
                       "Could not write {path}: Excel may be using it. Quit Excel and run the command again."),
    "needs_xlwings": ("xlwings n'est pas installé pour ce Python : lancez  pip install \"ptxl[excel]\"  puis "
                      "recommencez.",
                      "xlwings is niet geïnstalleerd voor deze Python: voer  pip install \"ptxl[excel]\"  uit en "
                      "probeer opnieuw.",
                      "xlwings is not installed for this Python: run  pip install \"ptxl[excel]\"  and try again."),
    "cannot_remove": ("Impossible de supprimer {path} : fermez Excel puis relancez la commande.",
                      "Kan {path} niet verwijderen: sluit Excel en voer de opdracht opnieuw uit.",
                      "Could not remove {path}: quit Excel and run the command again."),
})


def said(lines: list, lang: str | None) -> list[str]:
    """``(code, fields)`` lines in ``lang``; without one (no --lang): the lines in French, then in English."""
    def one(code, fields, lang):
        fields = {k: render(v, lang) if isinstance(v, SAY) else v for k, v in fields.items()}
        return render(code, lang, **fields)
    if lang in LANGS:
        return [one(code, fields, lang) for code, fields in lines]
    return [one(c, f, "fr") for c, f in lines] + [""] + [one(c, f, "en") for c, f in lines]


@dataclass(frozen=True)
class Machine:
    platform: str  # sys.platform: win32, darwin, linux…
    home: Path
    appdata: Path | None = None  # Windows %APPDATA%
    excel: str | None = None  # where Excel was found; None: no Excel

    @classmethod
    def current(cls) -> "Machine":
        home = Path.home()
        appdata = Path(os.environ["APPDATA"]) if os.environ.get("APPDATA") else None
        return cls(sys.platform, home, appdata, find_excel(sys.platform, home))

    @property
    def kind(self) -> str:
        return "windows" if self.platform == "win32" else "mac" if self.platform == "darwin" else "other"

    @property
    def startup_dir(self) -> Path:
        if self.kind == "windows":
            return (self.appdata or self.home / "AppData" / "Roaming") / "Microsoft" / "Excel" / "XLSTART"
        return self.home.joinpath(*MAC_STARTUP)

    @property
    def config_file(self) -> Path:
        name = manifest()["project_name"]
        if self.kind == "windows":
            return self.home / f".{name}" / f"{name}.conf"
        return self.home.joinpath(*MAC_SANDBOX) / f"{name}.conf"

    @property
    def addin_path(self) -> Path:
        return self.startup_dir / manifest()["addin"]

    @property
    def applescript(self) -> Path:
        return self.home.joinpath(*MAC_SCRIPTS) / f"xlwings-{manifest()['xlwings_version']}.applescript"


def find_excel(platform: str, home: Path) -> str | None:
    """Where Excel is installed, or None. Windows: the registry; Mac: the Applications folders."""
    if platform == "win32":
        try:
            import winreg
        except ImportError:
            return None
        for root, key in ((winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\excel.exe"),
                          (winreg.HKEY_CLASSES_ROOT, r"Excel.Application\CurVer")):
            try:
                with winreg.OpenKey(root, key) as k:
                    return str(winreg.QueryValueEx(k, "")[0])
            except OSError:
                continue
        return None
    if platform == "darwin":
        for app in (*MAC_EXCEL, home / "Applications" / "Microsoft Excel.app"):
            if app.exists():
                return str(app)
    return None


def _no_excel(m: Machine) -> PtxlError:
    where = {"windows": "Windows", "mac": "macOS"}.get(m.kind, m.platform)
    return Problem(SAY.no_excel, where=where)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ptxl_root_if_needed(python: str) -> str | None:
    """The folder to put on PYTHONPATH when ``python`` cannot import this ptxl by itself (a source checkout)."""
    root = Path(__file__).resolve().parents[2]  # the checkout: ptxl/excel/install.py
    try:
        out = subprocess.run([python, "-E", "-c", "import ptxl, os; print(os.path.dirname(ptxl.__file__))"],
                             capture_output=True, text=True, timeout=60, cwd=tempfile.gettempdir())
    except (OSError, subprocess.SubprocessError):
        return str(root)
    found = out.stdout.strip()
    if out.returncode == 0 and found and Path(found).resolve() == root / "ptxl":
        return None
    return str(root)


def read_config(path: Path) -> dict[str, str]:
    """The ``"KEY","VALUE"`` lines xlwings' VBA reads with ``Input #``."""
    out = {}
    if not path.exists():
        return out
    for line in path.read_bytes().decode("utf-8", errors="replace").splitlines():
        parts = [p.strip().strip('"') for p in line.split('","', 1)] if '","' in line else []
        if len(parts) == 2:
            out[parts[0]] = parts[1]
    return out


def write_config(m: Machine, values: dict[str, str]) -> Path:
    """Merge ``values`` into the settings file (keys of others are kept); CRLF and ANSI on Windows."""
    path = m.config_file
    current = read_config(path)
    for key in values:
        for old in [k for k in current if k.upper() == key.upper()]:
            del current[old]
    current.update(values)
    for key, value in current.items():
        if '"' in key or '"' in value:
            raise Problem(SAY.quote_in_path, value=value)
    nl = "\r\n" if m.kind == "windows" else "\n"
    text = "".join(f'"{k}","{v}"{nl}' for k, v in current.items())
    # VBA reads the file in the ANSI code page on Windows; xlwings' own config is written the same way.
    encoding = "mbcs" if sys.platform == "win32" else "cp1252" if m.kind == "windows" else "utf-8"
    make_folder(path.parent)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        raise Problem(SAY.python_path_chars) from None
    return save(path, data, mode=0o644)


def _copy(src: Path, dest: Path) -> None:
    """Whole or not at all (``write.atomic``): Excel never starts with half an add-in."""
    make_folder(dest.parent)
    try:
        write_atomic(dest, src.read_bytes(), mode=0o644)
    except PermissionError:
        raise Problem(SAY.excel_holds_it, path=dest) from None
    except OSError as exc:
        raise write_error(dest, exc) from None


def install(m: Machine, python: str | None = None, *, addin: bool = True,
            pythonpath: str | None | bool = True, lang: str | None = None) -> list[str]:
    """Copy the add-in and write the settings; returns what was done, one line each, in ``lang`` (``said``).

    ``addin=False`` writes the settings only (for the ``.xlsm`` fallback, where
    the macros travel in the workbook). ``pythonpath=True`` finds out whether it is needed.
    """
    if m.excel is None:
        raise _no_excel(m)
    try:
        import xlwings
    except ImportError:
        raise Problem(SAY.needs_xlwings) from None
    python = python or sys.executable
    man = manifest()
    done = [(SAY.found, {"path": m.excel})]
    if addin:
        _copy(ADDIN_DIR / man["addin"], m.addin_path)
        done.append((SAY.addin_copied, {"path": m.addin_path}))
    values = {("INTERPRETER_WIN" if m.kind == "windows" else "INTERPRETER_MAC"): python}
    if pythonpath is True:
        pythonpath = ptxl_root_if_needed(python)
    if pythonpath:
        values["PYTHONPATH"] = str(pythonpath)
    conf = write_config(m, values)
    done.append((SAY.settings_written, {"conf": conf, "python": python,
                                        "pythonpath": f", PYTHONPATH = {pythonpath}" if pythonpath else ""}))
    if m.kind == "mac":
        src = Path(xlwings.__file__).parent / f"xlwings-{xlwings.__version__}.applescript"
        _copy(src, m.applescript)
        done.append((SAY.applescript_copied, {"path": m.applescript}))
    done += _version_notes()
    done.append((SAY.restart if addin else SAY.xlsm_ready, {}))
    return said(done, lang)


def uninstall(m: Machine, lang: str | None = None) -> list[str]:
    """Remove the add-in and the settings file (the AppleScript is xlwings', shared: it stays)."""
    if m.excel is None:
        raise _no_excel(m)
    done = []
    for path, gone, absent in ((m.addin_path, SAY.addin_removed, SAY.addin_absent),
                               (m.config_file, SAY.settings_removed, SAY.settings_absent)):
        if path.exists():
            try:
                path.unlink()
            except PermissionError:
                raise Problem(SAY.cannot_remove, path=path) from None
            done.append((gone, {"path": path}))
        else:
            done.append((absent, {"path": path}))
    done.append((SAY.tab_gone, {}))
    return said(done, lang)


def _version_notes() -> list:
    want = manifest()["xlwings_version"]
    try:
        from importlib.metadata import version
        have = version("xlwings")
    except Exception:
        return [(SAY.xlwings_missing, {})]
    if have != want:
        return [(SAY.xlwings_mismatch, {"have": have, "want": want})]
    return [(SAY.xlwings_ok, {"have": have})]


def status(m: Machine, lang: str | None = None) -> list[str]:
    """What is installed where; says what to run when something is missing or out of date."""
    if m.excel is None:
        raise _no_excel(m)
    man = manifest()
    lines = [(SAY.found, {"path": m.excel})]
    if m.addin_path.exists():
        current = _sha256(m.addin_path) == man["addin_sha256"]
        lines.append((SAY.addin_installed, {"path": m.addin_path, "note": "" if current else SAY.addin_stale}))
    else:
        lines.append((SAY.addin_not_installed, {"path": m.startup_dir}))
    conf = read_config(m.config_file)
    key = "INTERPRETER_WIN" if m.kind == "windows" else "INTERPRETER_MAC"
    python = next((v for k, v in conf.items() if k.upper() == key), None)
    if python:
        lines.append((SAY.python_used, {"python": python, "note": "" if Path(python).exists() else
                                        SAY.python_not_found}))
    else:
        lines.append((SAY.no_python, {"path": m.config_file}))
    if m.kind == "mac":
        lines.append((SAY.applescript, {"path": m.applescript,
                                        "note": "" if m.applescript.exists() else SAY.applescript_missing}))
    return said(lines + _version_notes(), lang)
