"""The add-in and the fallback opened by LibreOffice headless: it lists their macros, and runs ours.

LibreOffice imports an Excel VBA project into Basic libraries (VBA support mode).
Converting to .ods keeps them as ``Basic/<library>/<module>.xml``, which lists
every module and procedure LibreOffice found. Then, through UNO, LibreOffice
compiles and runs our own modules (PlanTogether, PlanTogetherText,
PlanTogetherRibbon): a syntax error in them would make PT_Text fail, and the
labels must come back as the build wrote them (accents through the VBA code
page). xlwings' module is left out of that run: LibreOffice Basic cannot compile
its Windows API declarations (``Declare PtrSafe``), which says nothing about Excel.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest

from ptxl.excel.buttons import build_with_buttons
from ptxl.excel.texts import vba_texts
from tests.tools import soffice

REPO = Path(__file__).resolve().parents[1]
ADDIN = REPO / "ptxl" / "excel" / "addin" / "ptxl.xlam"
VBA_DIR = REPO / "workbook" / "addin" / "vba"
XLSM_FILTER = "Calc MS Excel 2007 VBA XML"  # LibreOffice does not detect .xlam by itself


def lo_basic(path: Path, outdir: Path) -> dict[str, dict[str, list[str]]]:
    """library → module → procedure names, as LibreOffice imported them (via a .ods conversion)."""
    exe = soffice()
    if exe is None:
        pytest.skip("LibreOffice not installed (apt-get install libreoffice-calc)")
    with tempfile.TemporaryDirectory(prefix="ptxl-lo-") as profile:
        subprocess.run([exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                        f"--infilter={XLSM_FILTER}", "--convert-to", "ods", "--outdir", str(outdir), str(path)],
                       capture_output=True, text=True, timeout=300)
    ods = outdir / (path.stem + ".ods")
    assert ods.exists(), "LibreOffice could not open " + path.name
    out: dict[str, dict[str, list[str]]] = {}
    with zipfile.ZipFile(ods) as z:
        for name in z.namelist():
            m = re.match(r"Basic/([^/]+)/([^/]+)\.xml$", name)
            if not m or m.group(2) == "script-lb":
                continue
            code = z.read(name).decode("utf-8")
            procs = re.findall(r"^(?:Public |Private )?(?:Sub|Function) (\w+)", code, re.M)
            out.setdefault(m.group(1), {})[m.group(2)] = procs
    return out


def test_libreoffice_lists_the_addins_macros(tmp_path):
    libs = lo_basic(ADDIN, tmp_path)
    (modules,) = [m for lib, m in libs.items() if "PlanTogether" in m]
    assert {"xlwings", "PlanTogether", "PlanTogetherText", "PlanTogetherRibbon"} <= set(modules)
    assert {"PT_Validate", "PT_Refresh", "PT_Documents", "PT_Help"} <= set(modules["PlanTogether"])
    assert {"PT_OnValidate", "PT_OnRefresh", "PT_OnDocuments", "PT_OnHelp", "PT_GetLabel",
            "PT_GetSupertip"} <= set(modules["PlanTogetherRibbon"])
    assert "RunPython" in modules["xlwings"] and "PT_Text" in modules["PlanTogetherText"]


def test_libreoffice_lists_the_fallbacks_macros(tmp_path):
    path = build_with_buttons(tmp_path / "boutons.xlsm", "fr")
    libs = lo_basic(path, tmp_path / "out")
    (modules,) = [m for lib, m in libs.items() if "PlanTogether" in m]
    assert {"xlwings", "PlanTogether", "PlanTogetherText"} <= set(modules)
    assert "PlanTogetherRibbon" not in modules
    assert {"PT_Validate", "PT_Refresh", "PT_Documents", "PT_Help"} <= set(modules["PlanTogether"])


UNO_SCRIPT = r'''
import json, os, subprocess, sys, time, uuid
import uno
from com.sun.star.beans import PropertyValue

def prop(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v; return p

path, calls = sys.argv[1], json.loads(sys.argv[2])
pipe = "ptxl" + uuid.uuid4().hex[:8]
proc = subprocess.Popen([sys.argv[3], "-env:UserInstallation=" + sys.argv[4], "--headless", "--invisible",
                         "--norestore", "--accept=pipe,name=%s;urp;" % pipe],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            time.sleep(0.1)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0,
                                       (prop("Hidden", True), prop("MacroExecutionMode", 4),
                                        prop("FilterName", "Calc MS Excel 2007 VBA XML")))
    sp = doc.getScriptProvider()
    out = []
    for name, args in calls:
        script = sp.getScript("vnd.sun.star.script:%s?language=Basic&location=document" % name)
        out.append(script.invoke(tuple(args), (), ())[0])
    doc.close(True)
    print(json.dumps(out))
finally:
    proc.terminate()
    proc.wait(30)
'''


def uno_python() -> str | None:
    for exe in ("/usr/bin/python3", shutil.which("python3")):
        if exe and subprocess.run([exe, "-c", "import uno"], capture_output=True).returncode == 0:
            return exe
    return None


def test_libreoffice_compiles_and_runs_our_modules(tmp_path):
    """PT_Lang falls back to French (no Office language here); every French text comes back intact."""
    pyopenvba = pytest.importorskip("pyopenvba")
    exe, python = soffice(), uno_python()
    if exe is None or python is None:
        pytest.skip("needs LibreOffice and its Python bridge (apt-get install libreoffice-calc python3-uno)")
    book = tmp_path / "modules.xlsm"
    with pyopenvba.ExcelFile.create_new(book) as wb:
        project = wb.vba_project()
        for name in ("PlanTogether", "PlanTogetherText", "PlanTogetherRibbon"):
            source = (VBA_DIR / f"{name}.bas").read_text(encoding="utf-8").replace("\n", "\r\n")
            project.add_module(name, source)
        wb.save()
    texts = vba_texts()
    keys = sorted(texts)
    calls = [["VBAProject.PlanTogether.PT_Lang", []]] + [["VBAProject.PlanTogetherText.PT_Text", [k]] for k in keys]
    script = tmp_path / "run_macros.py"
    script.write_text(UNO_SCRIPT, encoding="utf-8")
    profile = (tmp_path / "profile").as_uri()
    proc = subprocess.run([python, str(script), str(book), json.dumps(calls), exe, profile],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(proc.stdout.strip().splitlines()[-1])
    assert results[0] == "fr"
    assert dict(zip(keys, results[1:])) == {k: texts[k]["fr"] for k in keys}
