"""Every way a command can go wrong ends in a plain message and exit 2, never a traceback (issue 14).

Each case runs three ways: ``ptxl.cli.main`` (what the console script calls), typer's
``CliRunner`` (standalone mode, as ``ptxl`` itself), and a real ``python -m ptxl``
subprocess, whose stderr is what a user sees. Faults the machine cannot produce on demand
(tests run as root, so chmod does not make a file unreadable; a full disk) are injected
by the functions below, in-process through ``monkeypatch`` and in the subprocess through
the same functions with permanent patches.

Needs only the base install and pytest (``.ci/run`` runs this file in a fresh venv made
from the README's install line): no hypothesis, matplotlib or xlwings here.
"""

from __future__ import annotations

import builtins
import errno
import importlib.util
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import ptxl
from ptxl.build.workbook import build_workbook
from ptxl.cli import app, main

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent
NAME = "Ahmed Benali"  # personal data that an exception's text may carry: never in a message or the log


# ------------------------------------------------------------------ faults, usable in-process and in a subprocess
class Forever:
    """``monkeypatch``'s two methods, without the undo: for a subprocess that ends anyway."""

    @staticmethod
    def setattr(target, name, value):
        builtins.setattr(target, name, value)

    @staticmethod
    def setitem(mapping, key, value):
        mapping[key] = value


def deny_reading(patch, path: str, code: int = errno.EACCES) -> None:
    """Opening ``path`` fails as it would for a file the user may not read (or that Word holds, on Windows)."""
    real, denied = io.open, os.path.realpath(path)

    def refusing(file, *args, **kwargs):
        if not isinstance(file, int) and os.path.realpath(os.fspath(file)) == denied:
            raise PermissionError(code, os.strerror(code), os.fspath(file))
        return real(file, *args, **kwargs)
    patch.setattr(builtins, "open", refusing)
    patch.setattr(io, "open", refusing)  # pathlib's read_bytes goes through io.open


def disk_full(patch) -> None:
    """The disk fills up while the refreshed workbook is being written."""
    from ptxl.write import atomic

    def full(step):
        if step == "writing":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    patch.setattr(atomic, "_checkpoint", full)  # the one write loop of every writer (ptxl/write/atomic.py)


def unforeseen(patch, kind=ValueError) -> None:
    """A bug deep in the pipeline, whose text quotes a cell (as a pandas or a parser error may)."""
    import ptxl.validate

    def boom(*args, **kwargs):
        raise kind(f"could not read {NAME!r}")
    patch.setattr(ptxl.validate, "load_workbook", boom)


def interrupted(patch) -> None:
    unforeseen(patch, KeyboardInterrupt)


def no_matplotlib(patch) -> None:
    """A base install (``pip install .``): importing matplotlib fails."""
    patch.setitem(sys.modules, "matplotlib", None)


class Fault:
    """One of the functions above with its arguments: applied through ``monkeypatch`` in this process, or
    rebuilt as source for a fresh interpreter (which imports this file to find it)."""

    def __init__(self, name: str, *args):
        self.name, self.args = name, args

    def __call__(self, patch) -> None:
        globals()[self.name](patch, *self.args)

    def source(self) -> str:
        extra = "".join(f", {a!r}" for a in self.args)
        return (f"import sys; sys.path.insert(0, {str(TESTS)!r}); import test_cli_errors as t; "
                f"t.{self.name}(t.Forever{extra}); ")


# ------------------------------------------------------------------ the three ways to run a command
class Outcome:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    @property
    def text(self) -> str:
        return self.out + self.err


def via_main(args, capsys, monkeypatch, fault=None) -> Outcome:
    if fault:
        fault(monkeypatch)
    code = main(args)
    cap = capsys.readouterr()
    return Outcome(code, cap.out, cap.err)


def via_runner(args, capsys, monkeypatch, fault=None) -> Outcome:
    if fault:
        fault(monkeypatch)
    res = CliRunner().invoke(app, args)
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    return Outcome(res.exit_code, res.output, "")


def via_process(args, cwd, fault=None, env=None) -> Outcome:
    """``python -m ptxl ARGS`` as a user runs it (with this tree's ptxl first on the path)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    command = [sys.executable, "-m", "ptxl"] if fault is None else [
        sys.executable, "-c", fault.source() + "import runpy; runpy.run_module('ptxl', run_name='__main__')"]
    proc = subprocess.run([*command, *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120, stdin=subprocess.DEVNULL)
    return Outcome(proc.returncode, proc.stdout, proc.stderr)


WAYS = ["main", "runner", "process"]


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    """run(way, args, fault=None) → Outcome, with the working folder in tmp_path."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))  # the unforeseen's log lands here

    def go(way, args, fault=None):
        if way == "main":
            return via_main(args, capsys, monkeypatch, fault)
        if way == "runner":
            return via_runner(args, capsys, monkeypatch, fault)
        return via_process(args, tmp_path, fault, env={"TMPDIR": str(tmp_path)})
    return go


def raw_bytes(path: Path) -> bytes:
    """The file's bytes without ``open``, which a fault may have replaced."""
    fd = os.open(path, os.O_RDONLY)
    try:
        return os.read(fd, os.fstat(fd).st_size + 1)
    finally:
        os.close(fd)


def plain(outcome: Outcome, code: int = 2) -> str:
    """The outcome is a plain message with ``code``: no traceback, no personal data; returns what it said."""
    assert outcome.code == code, outcome.text
    assert "Traceback" not in outcome.text and 'File "' not in outcome.text, outcome.text
    assert NAME not in outcome.text
    return outcome.text


# ------------------------------------------------------------------ the files the cases point at
@pytest.fixture(scope="module")
def blank(tmp_path_factory):
    return build_workbook(tmp_path_factory.mktemp("blank") / "blank.xlsx", "fr")


@pytest.fixture
def files(tmp_path, blank):
    """Names in tmp_path (the working folder): a folder, an absent file, an empty one, a text file, a workbook."""
    (tmp_path / "a_folder").mkdir()
    (tmp_path / "empty.xlsx").write_bytes(b"")
    (tmp_path / "notes.xlsx").write_text("not a workbook\n")
    (tmp_path / "plan.xlsx").write_bytes(blank.read_bytes())
    return tmp_path


# ------------------------------------------------------------------ usage mistakes: the command's usage, exit 2
USAGE = [  # (args, the usage line's command, what click says)
    ([], None, None),  # bare ptxl: the list of commands
    (["bogus-command"], "", "No such command"),
    (["--bogus-option"], "", "No such option"),
    (["new"], "new", "Missing argument"),
    (["new", "x.xlsx", "--bogus"], "new", "No such option"),
    (["demo", "one", "two"], "demo", "unexpected extra argument"),
    (["demo", "--bogus"], "demo", "No such option"),
    (["validate"], "validate", "Missing argument"),
    (["validate", "plan.xlsx", "--bogus"], "validate", "No such option"),
    (["refresh"], "refresh", "Missing argument"),
    (["refresh", "plan.xlsx", "--bogus"], "refresh", "No such option"),
    (["stats"], "stats", "Missing argument"),
    (["stats", "--bogus-option"], "stats", "No such option"),
    (["stats", "plan.xlsx", "--bogus"], "stats", "No such option"),
    (["stats", "plan.xlsx", "--as-of"], "stats", "requires an argument"),
    (["docs"], "docs", "Missing argument"),
    (["docs", "plan.xlsx"], "docs", "Missing option '--out'"),
    (["docs", "plan.xlsx", "--out", "o", "--bogus"], "docs", "No such option"),
    (["report"], "report", "Missing argument"),
    (["report", "plan.xlsx"], "report", "Missing option '--out'"),
    (["report", "plan.xlsx", "--out", "r.docx", "--bogus"], "report", "No such option"),
    (["schema", "--bogus"], "schema", "No such option"),
    (["schema", "extra"], "schema", "unexpected extra argument"),
    (["export"], "export", "Missing argument"),
    (["export", "plan.xlsx", "--anonymised"], "export", "Missing option '--out'"),
    (["export", "plan.xlsx", "--out", "e", "--bogus"], "export", "No such option"),
    (["excel"], None, None),
    (["excel", "bogus"], "excel", "No such command"),
    (["excel", "install", "--bogus"], "excel install", "No such option"),
    (["excel", "uninstall", "extra"], "excel uninstall", "unexpected extra argument"),
    (["excel", "status", "--bogus"], "excel status", "No such option"),
]


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("args,command,says", USAGE, ids=[" ".join(a) or "(none)" for a, _, _ in USAGE])
def test_a_usage_mistake_shows_the_usage_and_exits_2(run, files, way, args, command, says):
    outcome = run(way, args)
    if says is None:  # a group without its command: its help, as an error (click ≥8.2) or not (8.1)
        headings = ("Commandes :", "Opdrachten:", "Commands:")  # help is in the run's language (cli_help)
        assert outcome.code in (0, 2) and any(h in outcome.text for h in headings), outcome.text
        plain(outcome, outcome.code)
        return
    said = plain(outcome)
    assert says.lower() in said.lower()
    usage = next(line for line in said.splitlines() if line.startswith("Usage:"))
    assert (f" {command} [OPTIONS]" if command else " [OPTIONS] COMMAND") in usage, usage


@pytest.mark.parametrize("way", WAYS)
def test_version_prints_the_package_version(run, way):
    outcome = run(way, ["--version"])
    assert outcome.code == 0 and outcome.out.strip() == f"ptxl {ptxl.__version__}", outcome.text


def test_the_before_stop_check(tmp_path):
    """What the issue's check runs: each gives exit 2 and no traceback, as a real process."""
    for args in (["validate"], ["bogus-command"], ["stats", "--bogus-option"]):
        plain(via_process(args, tmp_path))


# ------------------------------------------------------------------ wrong files: one paragraph naming the file
BAD_PATHS = [  # (args, words the message must have)
    (["validate", "a_folder"], ["a_folder", "dossier"]),
    (["validate", "missing.xlsx"], ["missing.xlsx", "introuvable"]),
    (["validate", "empty.xlsx"], ["empty.xlsx", "vide"]),
    (["validate", "notes.xlsx"], ["notes.xlsx"]),
    (["refresh", "a_folder"], ["a_folder", "dossier", "folder"]),
    (["refresh", "missing.xlsx"], ["missing.xlsx", "introuvable"]),
    (["refresh", "plan.xlsx", "--as-of", "28/02/2023"], ["--as-of", "YYYY-MM-DD"]),
    (["stats", "a_folder"], ["a_folder", "dossier"]),
    (["stats", "missing.xlsx", "--json"], ["missing.xlsx", "introuvable"]),
    (["stats", "plan.xlsx", "--as-of", "yesterday"], ["--as-of", "YYYY-MM-DD"]),
    (["docs", "a_folder", "--out", "o"], ["a_folder", "dossier"]),
    (["docs", "missing.xlsx", "--out", "o"], ["missing.xlsx", "introuvable"]),
    (["report", "a_folder", "--out", "r.docx"], ["a_folder", "dossier"]),
    (["report", "missing.xlsx", "--out", "r.docx"], ["missing.xlsx", "introuvable"]),
    (["report", "plan.xlsx", "--out", "r.txt"], ["r.txt", ".docx"]),
    (["export", "a_folder", "--anonymised", "--out", "e"], ["a_folder", "dossier"]),
    (["export", "missing.xlsx", "--anonymised", "--out", "e"], ["missing.xlsx"]),
    (["export", "plan.xlsx", "--out", "e"], ["--anonymised"]),
    (["new", "a_folder"], ["a_folder"]),
    (["new", "no_such_folder/x.xlsx"], ["no_such_folder"]),
    (["new", "x.xlsx", "--lang", "xx"], ["xx"]),
    (["new", "plan.xlsx"], ["plan.xlsx"]),
    (["demo", "plan.xlsx"], ["plan.xlsx", "existe déjà", "already exists"]),  # a file where the folder goes
    (["schema", "--lang", "xx"], ["xx"]),
]


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("args,words", BAD_PATHS, ids=[" ".join(a) for a, _ in BAD_PATHS])
def test_a_wrong_file_or_value_is_one_plain_paragraph(run, files, way, args, words):
    before = sorted(p.name for p in files.iterdir())
    said = plain(run(way, args))
    assert "Usage:" not in said
    for word in words:
        assert word in said, said
    assert sorted(p.name for p in files.iterdir()) == before  # nothing written beside them


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="there, Excel may be installed")
@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("sub", ["install", "uninstall", "status"])
def test_excel_commands_without_excel_say_so(run, way, sub):
    said = plain(run(way, ["excel", sub]))
    assert "Excel" in said and "Usage:" not in said


# ------------------------------------------------------------------ faults of the machine
def test_the_guard_names_the_cause_for_each_errno():
    """The mapping itself: each cause the user can act on has its words, in both languages of the CLI."""
    from ptxl import guard
    cases = {errno.ENOSPC: ("disque est plein", "disk is full"), errno.EACCES: ("accès est refusé", "denied"),
             errno.EISDIR: ("dossier", "folder"), errno.ENOENT: ("introuvable", "not found"),
             errno.EROFS: ("lecture seule", "read-only")}
    for code, (fr, en) in cases.items():
        failure = guard.explain(OSError(code, os.strerror(code), "/data/plan.xlsx"))
        assert failure.code == 2 and not failure.unexpected
        assert "plan.xlsx" in failure.message and fr in failure.message and en in failure.message
        assert failure.message.index(fr) < failure.message.index(en)  # French first, English in parentheses
        assert guard.explain(OSError(code, "x", "a.xlsx"), "nl").message != failure.message
    temp = OSError(errno.ENOSPC, "No space", "/data/.~ptxl-plan.xlsx.4242.0a1b2c3d.tmp", None, "/data/x.xlsx")
    assert "/data/x.xlsx" in guard.explain(temp).message  # a rename names its target
    temp = OSError(errno.ENOSPC, "No space", "/data/.~ptxl-plan.xlsx.4242.0a1b2c3d.tmp")
    assert "/data/plan.xlsx" in guard.explain(temp).message and ".~ptxl" not in guard.explain(temp).message
    odd = guard.explain(OSError(errno.EIO, f"cannot read {NAME}", "plan.xlsx"))  # a library's own text
    assert odd.code == 2 and os.strerror(errno.EIO) in odd.message and NAME not in odd.message
    assert "plan.xlsx" in guard.explain(OSError(errno.EACCES, "x", b"plan.xlsx")).message


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("command", ["validate", "stats", "refresh"])
def test_an_unreadable_workbook_is_a_plain_message(run, files, way, command):
    before = raw_bytes(files / "plan.xlsx")
    said = plain(run(way, [command, "plan.xlsx"], Fault("deny_reading", str(files / "plan.xlsx"))))
    assert "plan.xlsx" in said and "Usage:" not in said
    assert raw_bytes(files / "plan.xlsx") == before


@pytest.mark.parametrize("way", WAYS)
def test_a_full_disk_during_refresh_leaves_the_workbook_as_it_was(run, files, way):
    before = (files / "plan.xlsx").read_bytes()
    said = plain(run(way, ["refresh", "plan.xlsx"], Fault("disk_full")))
    assert "disque est plein" in said and "disk is full" in said and "Libérez de la place" in said
    assert (files / "plan.xlsx").read_bytes() == before
    assert not [p for p in files.iterdir() if p.name.startswith(".~ptxl")]  # no temp file left behind


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("command", [["validate", "plan.xlsx"], ["stats", "plan.xlsx"],
                                     ["docs", "plan.xlsx", "--out", "o"], ["report", "plan.xlsx", "--out", "r.docx"]])
def test_an_unforeseen_failure_says_nothing_was_changed(run, files, tmp_path, way, command):
    said = plain(run(way, command, Fault("unforeseen")))
    assert "(ValueError)" in said and "n'a pas été modifié" in said and "was not changed" in said
    log = (tmp_path / "ptxl.log").read_text(encoding="utf-8")
    assert "ValueError" in log and "boom" in log and NAME not in log  # code locations only


@pytest.mark.parametrize("way", WAYS)
def test_ctrl_c_exits_130_with_a_sentence(run, files, way):
    said = plain(run(way, ["validate", "plan.xlsx"], Fault("interrupted")), 130)
    assert "Interrompu" in said and "Interrupted" in said


# ------------------------------------------------------------------ a base install: no matplotlib
# The report's charts are native Word charts (ptxl/report/chartxml.py): nothing needs matplotlib any more.
def _has_native_charts(docx: Path) -> bool:
    import zipfile
    with zipfile.ZipFile(docx) as z:
        return any(n.startswith("word/charts/chart") for n in z.namelist())


@pytest.mark.parametrize("way", WAYS)
def test_report_without_matplotlib_is_written(run, files, way):
    outcome = run(way, ["report", "plan.xlsx", "--out", "r.docx"], Fault("no_matplotlib"))
    assert "Traceback" not in outcome.text
    assert outcome.code in (0, 1), outcome.text  # 1: the fixture workbook may hold entry errors
    assert _has_native_charts(files / "r.docx")


def test_demo_without_matplotlib_writes_everything(tmp_path):
    outcome = via_process(["demo", "d"], tmp_path, Fault("no_matplotlib"))
    assert outcome.code == 0 and "Traceback" not in outcome.text, outcome.text
    assert (tmp_path / "d" / "dossiers").is_dir() and any((tmp_path / "d").glob("*.xlsx"))
    assert _has_native_charts(tmp_path / "d" / "rapport_impact.docx")


# ------------------------------------------------------------------ the Excel buttons: the same guard, in a message box
class FakeBook:
    """What ``ptxl.excel`` uses of an ``xlwings.Book`` when a button fails: sheet names, status bar, alert."""

    def __init__(self, lang: str):
        from ptxl.schema import get_schema
        self.sheets = [type("Sheet", (), {"name": s.name(lang)})() for s in get_schema().sheets]
        self.alerts: list[tuple[str, str]] = []
        book = self

        class App:
            status_bar = None

            def alert(self, body, title=None, buttons=None, mode=None):
                book.alerts.append((body, mode))
        self.app = App()


@pytest.mark.parametrize("lang,fault,words", [
    ("nl", PermissionError(errno.EACCES, "Permission denied", "plan.xlsx"), ["plan.xlsx", "toegang is geweigerd"]),
    ("en", OSError(errno.ENOSPC, "No space left on device"), ["the disk is full", "Free some space"]),
    ("fr", IsADirectoryError(errno.EISDIR, "Is a directory", "dossiers"), ["dossiers", "c'est un dossier"]),
    ("en", KeyboardInterrupt(), ["Interrupted"]),
])
def test_an_excel_button_shows_the_guard_message_in_the_workbook_language(monkeypatch, lang, fault, words):
    import ptxl.excel
    import ptxl.excel.read

    def failing(book):
        raise fault
    monkeypatch.setattr(ptxl.excel.read, "read_book", failing)
    book = FakeBook(lang)
    ptxl.excel.refresh(book)
    (body, mode), = book.alerts
    assert mode == "critical" and "Traceback" not in body and "(" not in body  # one language, no English aside
    for word in words:
        assert word in body, body
    assert book.app.status_bar is False  # Excel's own status bar back


def test_an_unforeseen_failure_behind_an_excel_button_is_logged_without_data(monkeypatch, tmp_path):
    import ptxl.excel
    import ptxl.excel.read
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    unforeseen(monkeypatch)  # the pipeline's load
    monkeypatch.setattr(ptxl.excel.read, "read_book", lambda book: ptxl.validate.load_workbook(book))
    book = FakeBook("fr")
    ptxl.excel.validate(book)
    (body, mode), = book.alerts
    assert "(ValueError)" in body and NAME not in body and "bouton" in body
    log = (tmp_path / "ptxl-excel.log").read_text(encoding="utf-8")
    assert "boom" in log and NAME not in log
