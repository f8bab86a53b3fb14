"""The add-in ptxl.xlam and the .xlsm fallback, opened as zip files and checked part by part.

What must hold without Excel: the VBA read back by olevba is the source in the
repository; every ribbon callback and button names a macro that exists with the
signature Office calls it with; every macro that runs Python names an entry point
of ptxl.excel; the ribbon XML is well formed and linked with the relationship type
of its schema; the committed binaries are what the build makes from the sources.
"""

from __future__ import annotations

import importlib.util
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ptxl.excel import texts as excel_texts
from ptxl.excel.buttons import MACROS, build_with_buttons, manifest
from tests.tools import run_ooxml_validator

REPO = Path(__file__).resolve().parents[1]
ADDIN_SRC = REPO / "workbook" / "addin"
VBA_DIR = ADDIN_SRC / "vba"
PKG = REPO / "ptxl" / "excel" / "addin"  # the one committed copy: the installer ships it
COMMITTED = PKG / "ptxl.xlam"
RUN_PYTHON = re.compile(r'PT_Run "import ptxl\.excel; ptxl\.excel\.(\w+)\(\)"')
PROC = re.compile(r"^(?:Public |Private )?(Sub|Function) (\w+)\((.*?)\)", re.M)
RIBBON_SIGNATURES = {"onAction": ["control As IRibbonControl"],
                     "getLabel": ["control As IRibbonControl", "ByRef returnedVal"],
                     "getSupertip": ["control As IRibbonControl", "ByRef returnedVal"]}


def load_build():
    spec = importlib.util.spec_from_file_location("build_addin", ADDIN_SRC / "build_addin.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def vba_modules(path) -> dict[str, str]:
    """Module name → source, as olevba decodes it (CRLF turned into LF)."""
    from oletools.olevba import VBA_Parser
    parser = VBA_Parser(str(path))
    try:
        return {vname.rsplit(".", 1)[0]: code.replace("\r\n", "\n")
                for _f, _s, vname, code in parser.extract_macros()}
    finally:
        parser.close()


def procedures(source: str) -> dict[str, tuple[str, str, str]]:
    """Procedure name → (Sub|Function, parameters, body) of a VBA module."""
    out = {}
    matches = list(PROC.finditer(source))
    for m in matches:
        end = source.index(f"End {m.group(1)}", m.end())
        out[m.group(2)] = (m.group(1), m.group(3), source[m.end():end])
    return out


def public_procs(modules: dict[str, str]) -> dict[str, dict]:
    out = {}
    for name, src in modules.items():
        private = set(re.findall(r"^Private (?:Sub|Function) (\w+)", src, re.M))
        out[name] = {p: v for p, v in procedures(src).items() if p not in private}
    return out


@pytest.fixture(scope="module")
def build():
    pytest.importorskip("pyopenvba")
    pytest.importorskip("xlwings")
    return load_build()


@pytest.fixture(scope="module")
def rebuilt(build, tmp_path_factory):
    return build.build_all(tmp_path_factory.mktemp("addin"))


@pytest.fixture(scope="module")
def fallback(tmp_path_factory):
    return build_with_buttons(tmp_path_factory.mktemp("fallback") / "plan_boutons.xlsm", "fr")


def repo_source(name: str) -> str:
    return (VBA_DIR / f"{name}.bas").read_text(encoding="utf-8")


# ------------------------------------------------------------------ sources and rebuild
def test_generated_sources_are_current(build):
    """xlwings.bas is xlwings' own custom-add-in module with our project name; the texts module is generated."""
    assert repo_source("xlwings") == build.xlwings_module_source(), "rebuild: python workbook/addin/build_addin.py"
    assert repo_source("PlanTogetherText") == build.text_module_source(), "rebuild: the texts changed"
    assert 'Public Const PROJECT_NAME As String = "ptxl"' in repo_source("xlwings")
    assert "xlwings is distributed under a BSD 3-clause license." in repo_source("xlwings")


def test_rebuild_gives_the_committed_bytes(rebuilt):
    built = rebuilt["addin"].read_bytes()
    assert COMMITTED.read_bytes() == built, "ptxl.xlam is stale: python workbook/addin/build_addin.py"
    assert (PKG / manifest()["fallback_bin"]).read_bytes() == rebuilt["fallback_bin"].read_bytes()
    assert (PKG / "manifest.json").read_text() == rebuilt["manifest"].read_text()


def test_the_add_in_is_committed_once():
    """One .xlam in the repository, the packaged one (a second copy drifted unseen)."""
    import subprocess
    listed = subprocess.run(["git", "-C", str(REPO), "ls-files", "*.xlam"], capture_output=True, text=True)
    if listed.returncode == 0:  # what is committed, not what a `pip install .` left in build/
        found = sorted(listed.stdout.split())
    else:  # not a checkout (an sdist): the files beside the tests, outside build and install folders
        skip = {".git", "build", "dist", ".venv", "venv"}
        found = sorted(p.relative_to(REPO).as_posix() for p in REPO.rglob("*.xlam") if not skip & set(p.parts))
    assert found == ["ptxl/excel/addin/ptxl.xlam"]


@pytest.mark.parametrize("which", ["committed", "rebuilt"])
def test_addin_vba_read_back_equals_repository(which, rebuilt):
    path = COMMITTED if which == "committed" else rebuilt["addin"]
    modules = vba_modules(path)
    for name in manifest()["addin_modules"]:
        assert modules[name] == repo_source(name), name
    assert "RibbonMyAddin" not in modules  # the template's demo module is gone


def test_fallback_vba_read_back_equals_repository(fallback):
    modules = vba_modules(fallback)
    for name in manifest()["fallback_modules"]:
        assert modules[name] == repo_source(name), name
    assert "PlanTogetherRibbon" not in modules and "Module1" not in modules


# ------------------------------------------------------------------ ribbon
def _zip(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_custom_ui_is_well_formed_and_linked_with_its_schemas_relationship(build):
    parts = _zip(COMMITTED)
    ui = etree.fromstring(parts["customUI/customUI.xml"])  # raises if not well formed
    ns = etree.QName(ui).namespace
    rels = etree.fromstring(parts["_rels/.rels"])
    ui_rels = [r for r in rels if r.get("Target") == "customUI/customUI.xml"]
    assert len(ui_rels) == 1
    assert ui_rels[0].get("Type") == build.UI_RELTYPES[ns]
    assert (ns, ui_rels[0].get("Type")) == ("http://schemas.microsoft.com/office/2006/01/customui",
                                            "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility")
    assert parts["customUI/customUI.xml"] == (ADDIN_SRC / "customUI.xml").read_bytes()


def test_every_ribbon_callback_is_a_public_macro_with_the_right_signature():
    parts = _zip(COMMITTED)
    ui = etree.fromstring(parts["customUI/customUI.xml"])
    procs = public_procs(vba_modules(COMMITTED))
    seen = 0
    for el in ui.iter():
        for attr, params in RIBBON_SIGNATURES.items():
            value = el.get(attr)
            if value is None:
                continue
            module, proc = value.split(".")
            assert proc in procs[module], f"{el.get('id')}: {value} does not exist"
            kind, args, _body = procs[module][proc]
            assert kind == "Sub" and [a.strip() for a in args.split(",")] == params, value
            seen += 1
    assert seen == 14  # tab + group labels, 4 buttons × (label, tip, action)
    assert not [el for el in ui.iter() if el.get("label") is not None], "static labels would hide getLabel"


def test_ribbon_buttons_run_the_python_entry_points():
    """onAction → PT_OnX → PT_X → RunPython "import ptxl.excel; ptxl.excel.<entry>()", entry existing."""
    import ptxl.excel
    ui = etree.fromstring(_zip(COMMITTED)["customUI/customUI.xml"])
    procs = {p: v for m in public_procs(vba_modules(COMMITTED)).values() for p, v in m.items()}
    actions = {el.get("id"): el.get("onAction").split(".")[1] for el in ui.iter() if el.get("onAction")}
    entries = {}
    for control_id, action in actions.items():
        called = procs[action][2].split()
        assert len(called) == 1, f"{action} should only call the shared macro"
        body = procs[called[0]][2]
        entries[control_id] = RUN_PYTHON.findall(body)
    assert entries == {"ptValidate": ["validate"], "ptRefresh": ["refresh"],
                       "ptDocuments": ["generate_documents"], "ptHelp": []}
    for (entry,) in filter(None, entries.values()):
        assert callable(getattr(ptxl.excel, entry)), entry
    assert set(excel_texts.CONTROL_IDS) == {"validate", "refresh", "generate_documents", "help"}


def test_every_label_exists_in_every_language_and_help_fits_a_message_box():
    texts = excel_texts.vba_texts()
    ui = etree.fromstring((ADDIN_SRC / "customUI.xml").read_bytes())
    for el in ui.iter():
        if el.get("getLabel"):
            assert set(texts[el.get("id")]) == {"fr", "nl", "en"}
        if el.get("getSupertip"):
            assert all(len(t) <= 1024 for t in texts[el.get("id") + ".tip"].values())
    for lang in ("fr", "nl", "en"):
        shown = texts["help.body"][lang] + texts["help.footer"][lang] + texts["help.python"][lang]
        assert len(shown) + 300 < 1024, lang  # MsgBox shows at most 1,024 characters; 300 for the path
    assert texts["ptValidate"]["fr"] == "Vérifier les saisies"
    assert texts["ptRefresh"]["fr"] == "Actualiser les statistiques"
    assert texts["ptDocuments"]["fr"] == "Générer les documents"
    assert texts["ptHelp"]["fr"] == "Aide"


def test_every_text_the_vba_uses_exists():
    used = set()
    for name in ("PlanTogether", "PlanTogetherRibbon"):
        used |= set(re.findall(r'PT_Text\("([^"]+)"\)', repo_source(name)))
    assert used and used <= set(excel_texts.vba_texts())


def test_addin_package_parts():
    parts = _zip(COMMITTED)
    ct = parts["[Content_Types].xml"].decode()
    assert 'PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.addin.macroEnabled.main+xml"' in ct
    wb = parts["xl/workbook.xml"].decode()
    assert 'name="ptxl.conf"' in wb and "absPath" not in wb
    for name in ("xl/workbook.xml", "docProps/core.xml", "docProps/app.xml"):
        assert "felix" not in parts[name].decode().lower()  # the template author's folder and name are gone
    sst = parts["xl/sharedStrings.xml"].decode()
    assert "<t>ADD_WORKBOOK_TO_PYTHONPATH</t><" in sst and "<t>false</t>" in sst


# ------------------------------------------------------------------ fallback .xlsm
def test_fallback_is_a_macro_workbook_with_buttons_on_the_home_sheet(fallback):
    from python_calamine import CalamineWorkbook

    from ptxl.layout.home import home_positions
    parts = _zip(fallback)
    ct = parts["[Content_Types].xml"].decode()
    assert 'PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"' in ct
    assert "xl/vbaProject.bin" in parts
    vml = next(v.decode() for n, v in parts.items() if n.endswith(".vml"))
    buttons = re.findall(r"<x:Anchor>(\d+), \d+, (\d+), .*?</x:Anchor>.*?<x:FmlaMacro>\[0\]!(\w+)</x:FmlaMacro>", vml)
    procs = public_procs(vba_modules(fallback))["PlanTogether"]
    positions = home_positions("fr")
    assert [m for _c, _r, m in buttons] == list(MACROS.values())
    home = CalamineWorkbook.from_path(str(fallback)).get_sheet_by_index(0).to_python(skip_empty_area=False)
    for (col, row, macro), key in zip(buttons, MACROS):
        assert procs[macro][:2] == ("Sub", ""), macro  # a button calls a Sub without parameters
        assert (int(row), int(col)) == positions[f"button:{key}"]
        assert home[int(row)][int(col)] == excel_texts.button_label(key, "fr")  # the caption it covers
    wbxml = parts["xl/workbook.xml"].decode()
    assert re.search(r'<sheet name="ptxl.conf" sheetId="\d+" state="hidden"', wbxml)


def test_fallback_keeps_its_buttons_and_macros_through_a_headless_refresh(tmp_path):
    from ptxl.refresh import refresh_workbook
    path = build_with_buttons(tmp_path / "boutons.xlsm", "fr")
    before = _zip(path)
    refresh_workbook(path)
    after = _zip(path)
    assert set(after) == set(before)
    for name in before:
        if name.endswith((".vml", ".bin")) or "/_rels/" in name or name == "[Content_Types].xml":
            assert after[name] == before[name], name
    assert b"<legacyDrawing " in after["xl/worksheets/sheet1.xml"]  # the home sheet still shows its buttons
    assert vba_modules(path)["PlanTogether"] == repo_source("PlanTogether")


def test_cli_new_with_buttons(tmp_path):
    from ptxl.cli import main
    assert main(["new", str(tmp_path / "a.xlsx"), "--with-buttons"]) == 2
    assert main(["new", str(tmp_path / "a.xlsm")]) == 2
    assert not list(tmp_path.iterdir())
    assert main(["new", str(tmp_path / "a.xlsm"), "--with-buttons", "--lang", "nl"]) == 0
    modules = vba_modules(tmp_path / "a.xlsm")
    assert modules["PlanTogether"] == repo_source("PlanTogether")


# ------------------------------------------------------------------ external checkers
def test_open_xml_sdk_validator_accepts_both(fallback):
    assert run_ooxml_validator(COMMITTED) == []
    assert run_ooxml_validator(fallback) == []
