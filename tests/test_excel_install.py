"""``ptxl excel install | uninstall | status`` for a Windows and a Mac layout, in a temporary home folder.

The steps only touch paths computed from a ``Machine``; here Excel is "found"
at a made-up place so that the files the steps write can be checked. On this
(Linux) machine the real command must refuse with exit code 2.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ptxl.model.errors import PtxlError
from ptxl.excel.buttons import ADDIN_DIR, manifest
from ptxl.excel.install import Machine, install, ptxl_root_if_needed, read_config, status, uninstall

PY_WIN = r"C:\Users\Anne\AppData\Local\Programs\Python\Python311\python.exe"


def windows(tmp_path) -> Machine:
    home = tmp_path / "Users" / "Anne"
    return Machine("win32", home, home / "AppData" / "Roaming", r"C:\Program Files\Microsoft Office\EXCEL.EXE")


def mac(tmp_path) -> Machine:
    return Machine("darwin", tmp_path / "Users" / "anne", None, "/Applications/Microsoft Excel.app")


def test_windows_install_puts_the_addin_in_xlstart_and_the_python_in_ptxl_conf(tmp_path):
    m = windows(tmp_path)
    done = install(m, PY_WIN, pythonpath=False)
    xlstart = m.home / "AppData" / "Roaming" / "Microsoft" / "Excel" / "XLSTART" / "ptxl.xlam"
    assert xlstart.read_bytes() == (ADDIN_DIR / "ptxl.xlam").read_bytes()
    conf = m.home / ".ptxl" / "ptxl.conf"
    assert conf.read_bytes() == f'"INTERPRETER_WIN","{PY_WIN}"\r\n'.encode("cp1252")
    assert any(str(xlstart) in line for line in done) and any(PY_WIN in line for line in done)
    assert any("Restart Excel" in line for line in done)


def test_install_keeps_other_settings_and_adds_pythonpath_when_needed(tmp_path):
    m = windows(tmp_path)
    m.config_file.parent.mkdir(parents=True)
    m.config_file.write_bytes(b'"CONDA PATH","C:\\conda"\r\n"interpreter_win","C:\\old\\python.exe"\r\n')
    install(m, PY_WIN, pythonpath=r"C:\src\ptxl")
    assert read_config(m.config_file) == {"CONDA PATH": "C:\\conda", "INTERPRETER_WIN": PY_WIN,
                                          "PYTHONPATH": "C:\\src\\ptxl"}


def test_status_tells_current_stale_and_missing(tmp_path):
    m = windows(tmp_path)
    lines = status(m)
    assert any("Add-in not installed" in line for line in lines)
    assert any("No Python configured" in line for line in lines)
    install(m, sys.executable, pythonpath=False)
    m.config_file.write_bytes(f'"INTERPRETER_WIN","{sys.executable}"\r\n'.encode())
    lines = status(m)
    assert any(line == f"Add-in installed: {m.addin_path}" for line in lines)
    assert any(line == f"Python used by the buttons: {sys.executable}" for line in lines)
    m.addin_path.write_bytes(b"an older add-in")
    assert any("older or different version" in line for line in status(m))


def test_uninstall_removes_what_install_wrote(tmp_path):
    m = windows(tmp_path)
    install(m, PY_WIN, pythonpath=False)
    done = uninstall(m)
    assert not m.addin_path.exists() and not m.config_file.exists()
    assert any("Add-in removed" in line for line in done)
    assert any("was not there" in line for line in uninstall(m))


def test_settings_only_leaves_xlstart_alone(tmp_path):
    m = windows(tmp_path)
    install(m, PY_WIN, addin=False, pythonpath=False)
    assert not m.startup_dir.exists() and m.config_file.exists()


def test_mac_install_uses_the_group_container_startup_folder_and_the_applescript(tmp_path):
    m = mac(tmp_path)
    install(m, "/usr/local/bin/python3", pythonpath=False)
    startup = m.home / "Library/Group Containers/UBF8T346G9.Office/User Content/Startup/Excel/ptxl.xlam"
    assert startup.exists()
    conf = m.home / "Library/Containers/com.microsoft.Excel/Data/ptxl.conf"
    assert conf.read_text() == '"INTERPRETER_MAC","/usr/local/bin/python3"\n'
    script = m.home / "Library/Application Scripts/com.microsoft.Excel" / \
        f"xlwings-{manifest()['xlwings_version']}.applescript"  # the name the add-in's VBA calls
    assert script.exists() and "on VbaHandler" in script.read_text()


def test_without_excel_every_command_says_so(tmp_path):
    m = Machine("linux", tmp_path, None, None)
    for step in (install, uninstall, status):
        with pytest.raises(PtxlError, match="Excel n'est pas installé"):
            step(m)
    assert not any(tmp_path.iterdir())


def test_cli_exits_2_on_this_machine_without_excel(capsys):
    from ptxl.cli import main
    if Machine.current().excel is not None:
        pytest.skip("Excel is installed here")
    assert main(["excel", "install"]) == 2
    err = capsys.readouterr().err
    assert "Excel is not installed" in err and "Traceback" not in err
    assert main(["excel", "status"]) == 2


def test_pythonpath_is_only_written_for_a_python_that_cannot_import_ptxl(tmp_path):
    assert ptxl_root_if_needed(sys.executable) is None  # this ptxl is installed (editable) here
    missing = str(tmp_path / "no-python")
    assert ptxl_root_if_needed(missing) == str(Path(__file__).resolve().parents[1])
