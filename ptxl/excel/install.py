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

from ..model.errors import PtxlError
from .buttons import ADDIN_DIR, manifest
from ..write.atomic import make_folder, save, write_atomic
from ..write.failure import write_error

MAC_STARTUP = ("Library", "Group Containers", "UBF8T346G9.Office", "User Content", "Startup", "Excel")
MAC_SANDBOX = ("Library", "Containers", "com.microsoft.Excel", "Data")
MAC_SCRIPTS = ("Library", "Application Scripts", "com.microsoft.Excel")
MAC_EXCEL = (Path("/Applications/Microsoft Excel.app"),)


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
    return PtxlError(f"Excel n'est pas installé sur cet ordinateur ({where}) : il n'y a rien à installer. Installez "
                     f"Excel pour Windows ou Mac, puis relancez « ptxl excel install ». Les commandes « ptxl validate "
                     f"/ refresh / docs » fonctionnent sans Excel. (Excel is not installed on this computer ({where}): "
                     f"there is nothing to install. The ptxl commands work without Excel.)")


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
            raise PtxlError(f"Un chemin contient un guillemet, que Excel ne sait pas lire : {value!r}. "
                            f"(A path contains a double quote, which Excel cannot read.)")
    nl = "\r\n" if m.kind == "windows" else "\n"
    text = "".join(f'"{k}","{v}"{nl}' for k, v in current.items())
    # VBA reads the file in the ANSI code page on Windows; xlwings' own config is written the same way.
    encoding = "mbcs" if sys.platform == "win32" else "cp1252" if m.kind == "windows" else "utf-8"
    make_folder(path.parent)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        raise PtxlError(f"Le chemin de Python contient des caractères qu'Excel ne peut pas lire : installez Python "
                        f"dans un dossier au nom simple (par ex. C:\\Python). (The Python path has characters "
                        f"Excel cannot read: install Python in a plain folder, e.g. C:\\Python.)") from None
    return save(path, data, mode=0o644)


def _copy(src: Path, dest: Path, what: str) -> None:
    """Whole or not at all (``write.atomic``): Excel never starts with half an add-in."""
    make_folder(dest.parent)
    try:
        write_atomic(dest, src.read_bytes(), mode=0o644)
    except PermissionError:
        raise PtxlError(f"Impossible d'écrire {dest} : Excel l'utilise peut-être. Fermez Excel puis relancez la "
                        f"commande. (Could not write the {what} at {dest}: Excel may be using it. Quit Excel and "
                        f"run the command again.)") from None
    except OSError as exc:
        raise write_error(dest, exc) from None


def install(m: Machine, python: str | None = None, *, addin: bool = True,
            pythonpath: str | None | bool = True) -> list[str]:
    """Copy the add-in and write the settings; returns what was done, one line each.

    ``addin=False`` writes the settings only (for the ``.xlsm`` fallback, where
    the macros travel in the workbook). ``pythonpath=True`` finds out whether it is needed.
    """
    if m.excel is None:
        raise _no_excel(m)
    try:
        import xlwings
    except ImportError:
        raise PtxlError("xlwings n'est pas installé pour ce Python : lancez  pip install \"ptxl[excel]\"  puis "
                        "recommencez. (xlwings is not installed for this Python: run  pip install \"ptxl[excel]\" "
                        " and try again.)") from None
    python = python or sys.executable
    man = manifest()
    done = [f"Excel found: {m.excel}"]
    if addin:
        _copy(ADDIN_DIR / man["addin"], m.addin_path, "add-in")
        done.append(f"Add-in copied to Excel's start-up folder: {m.addin_path}")
    values = {("INTERPRETER_WIN" if m.kind == "windows" else "INTERPRETER_MAC"): python}
    if pythonpath is True:
        pythonpath = ptxl_root_if_needed(python)
    if pythonpath:
        values["PYTHONPATH"] = str(pythonpath)
    conf = write_config(m, values)
    done.append(f"Settings written to {conf}: Python = {python}"
                + (f", PYTHONPATH = {pythonpath}" if pythonpath else ""))
    if m.kind == "mac":
        src = Path(xlwings.__file__).parent / f"xlwings-{xlwings.__version__}.applescript"
        _copy(src, m.applescript, "AppleScript")
        done.append(f"AppleScript for RunPython copied to {m.applescript}")
    done += _version_notes()
    done.append("Restart Excel: the 'Plan Together' tab appears after the Home tab." if addin else
                "The .xlsm workbooks made with 'ptxl new --with-buttons' now find this Python.")
    return done


def uninstall(m: Machine) -> list[str]:
    """Remove the add-in and the settings file (the AppleScript is xlwings', shared: it stays)."""
    if m.excel is None:
        raise _no_excel(m)
    done = []
    for path, what in ((m.addin_path, "Add-in"), (m.config_file, "Settings file")):
        if path.exists():
            try:
                path.unlink()
            except PermissionError:
                raise PtxlError(f"Impossible de supprimer {path} : fermez Excel puis relancez la commande. "
                                f"(Could not remove {path}: quit Excel and run the command again.)") from None
            done.append(f"{what} removed: {path}")
        else:
            done.append(f"{what} was not there: {path}")
    done.append("Restart Excel: the 'Plan Together' tab is gone.")
    return done


def _version_notes() -> list[str]:
    want = manifest()["xlwings_version"]
    try:
        from importlib.metadata import version
        have = version("xlwings")
    except Exception:
        return ["WARNING: xlwings is not installed for this Python: run  pip install xlwings  (the buttons need it)."]
    if have != want:
        return [f"WARNING: xlwings {have} is installed, the add-in was built with xlwings {want}. Run "
                f" pip install xlwings=={want}  (or rebuild the add-in) so that both sides match."]
    return [f"xlwings {have}: matches the add-in."]


def status(m: Machine) -> list[str]:
    """What is installed where; says what to run when something is missing or out of date."""
    if m.excel is None:
        raise _no_excel(m)
    man = manifest()
    lines = [f"Excel found: {m.excel}"]
    if m.addin_path.exists():
        current = _sha256(m.addin_path) == man["addin_sha256"]
        lines.append(f"Add-in installed: {m.addin_path}" + ("" if current else
                     " (an older or different version: run 'ptxl excel install' again)"))
    else:
        lines.append(f"Add-in not installed ('ptxl excel install' puts it in {m.startup_dir}).")
    conf = read_config(m.config_file)
    key = "INTERPRETER_WIN" if m.kind == "windows" else "INTERPRETER_MAC"
    python = next((v for k, v in conf.items() if k.upper() == key), None)
    if python:
        exists = Path(python).exists()
        lines.append(f"Python used by the buttons: {python}" + ("" if exists else " (NOT FOUND: run 'ptxl excel "
                                                                                  "install' again)"))
    else:
        lines.append(f"No Python configured for the buttons (settings file {m.config_file}).")
    if m.kind == "mac":
        lines.append(f"AppleScript for RunPython: {m.applescript}"
                     + ("" if m.applescript.exists() else " (missing: run 'ptxl excel install')"))
    return lines + _version_notes()
