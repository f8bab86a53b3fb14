"""No sentence a user can see is written in ptxl's code outside the catalogue (ptxl/i18n) and the forms.

Read from the source with ``ast``: every string literal (f-string parts too) that reaches
what a user sees, i.e. an argument of print / echo / fail / a prompt / an Excel message box,
a line appended to what a step returns, or the exception a ``raise`` builds, and reads as words ("two words" or more), fails the
test unless it sits in a table registered in the catalogue. What is exempt, and why:

* docstrings (``--help`` is worded from the catalogue by ``ptxl.cli_help``; a ``help=`` text
  in a call is counted as shown, so none creeps back into the command line);
* exceptions that are not a ``PtxlError`` (ValueError, ``zipcopy.Unsupported``…): ``ptxl.guard``
  never shows their text, only their kind and "nothing was changed" (their text may quote data);
* ``ALLOWED`` below: maintainer tools that no case manager runs.

Also here: a usage mistake in Dutch is all Dutch (the foreign-word detector of test_i18n).
"""

from __future__ import annotations

import ast
import builtins
import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORD = re.compile(r"[^\W\d_]{2,}")
SINKS = {"print", "echo", "secho", "fail", "getpass", "prompt", "confirm", "alert",
         "append"}  # append: the lines a step returns for the command line to print (``ptxl excel status``)
MARKUP = re.compile(r"<\w|\{%|\{\{")  # XML and Word-template code: not read as words
TABLES = {"register", "_register", "L", "_l"}  # a literal inside these is a catalogue entry
ALLOWED = {  # module: why its sentences are not for case managers
    "ptxl/build/regenerate.py": "python -m ptxl.build: the maintainers' check that the committed blank workbook "
                                "is current",
}


def _name(func) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _table_nodes(tree) -> set[int]:
    """ids of every node inside a registered table: the call itself, and module-level tables it names."""
    inside, names = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in TABLES:
            for sub in ast.walk(node):
                inside.add(id(sub))
                if isinstance(sub, ast.Name):
                    names.add(sub.id)
    grown = True
    while grown:  # T = {...}; TEXTS = register("cli", {"t": T}): T's literals are entries too
        grown = False
        for stmt in tree.body:
            if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None and id(stmt.value) not in inside:
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                bound = {t.id for t in targets if isinstance(t, ast.Name)} | {
                    t.value.id for t in targets if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name)}
                if bound & names:
                    for sub in ast.walk(stmt.value):
                        inside.add(id(sub))
                        if isinstance(sub, ast.Name) and sub.id not in names:
                            names.add(sub.id)
                            grown = True
    return inside


def _said(node) -> list[tuple[ast.AST, str]]:
    """The literal texts an expression puts into what is shown: an f-string as one text ("Wrote {} files")."""
    found, parts = [], set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in sub.values)
            found.append((sub, text))
            parts |= {id(v) for v in sub.values}
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and id(sub) not in parts:
            found.append((sub, sub.value))
    return found


def _is_sentence(text: str) -> bool:
    return " " in text.strip() and len(WORD.findall(text)) >= 2 and not MARKUP.search(text)


def _shown(raised, module) -> bool:
    """Whether the guard would show this exception's text: a ``PtxlError`` (or a class not found: counted)."""
    from ptxl.model.errors import PtxlError
    parts, node = [], raised.func
    while isinstance(node, ast.Attribute):
        parts.insert(0, node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return True
    obj = getattr(module, node.id, getattr(builtins, node.id, None))
    for part in parts:
        obj = getattr(obj, part, None)
    return not (isinstance(obj, type) and issubclass(obj, BaseException)) or issubclass(obj, PtxlError)


def sentences(path: Path, module=None) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    entries = _table_nodes(tree)
    shown: list[tuple[ast.AST, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in SINKS:
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                shown += _said(arg)
        elif isinstance(node, ast.Call):  # typer.Option(help=...), app.command(help=...): what --help would show
            for k in node.keywords:
                if k.arg == "help":
                    shown += _said(k.value)
        elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            if _shown(node.exc, module):
                for arg in [*node.exc.args, *(k.value for k in node.exc.keywords)]:
                    shown += _said(arg)
    return sorted({(node.lineno, text) for node, text in shown if id(node) not in entries and _is_sentence(text)})


def _modules():
    for path in sorted((ROOT / "ptxl").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if not rel.startswith(("ptxl/i18n/", "ptxl/forms/")) and rel not in ALLOWED:
            yield rel


def test_no_user_visible_sentence_outside_the_catalogue():
    found = {}
    for rel in _modules():
        name = rel[:-3].replace("/", ".").removesuffix(".__init__")
        module = None if name.endswith("__main__") else importlib.import_module(name)  # __main__ runs ptxl
        if said := sentences(ROOT / rel, module):
            found[rel] = said
    assert not found, found


def test_the_scan_sees_a_sentence_where_a_user_would(tmp_path):
    """The detector itself: each kind of place a sentence could hide is found, a catalogue entry is not."""
    code = tmp_path / "m.py"
    code.write_text('import typer\n'
                    'from ptxl.i18n import register\n'
                    'T = {"ok": ("Un texte", "Een tekst", "A text")}\n'
                    'TEXTS = register("m", {"t": T})\n'
                    'def f(x):\n'
                    '    typer.echo(f"Wrote {x} files")\n'
                    '    raise PtxlError("Le fichier est vide. (The file is empty.)")\n'
                    'def g():\n'
                    '    raise ValueError("a developer\'s message")\n'
                    '    raise Unknown("Something went wrong")\n'
                    '    print("ok")\n', encoding="utf-8")
    assert [line for line, _ in sentences(code)] == [6, 7, 10]


@pytest.mark.parametrize("args", [["validate", "--lang", "nl"], ["stats", "plan.xlsx", "--bogus", "--lang", "nl"],
                                  ["bogus", "--lang", "nl"], ["docs", "plan.xlsx", "--lang", "nl"],
                                  ["stats", "plan.xlsx", "--json=1", "--lang", "nl"],
                                  ["demo", "one", "two", "--lang=nl"], ["excel", "status", "x", "--lang", "nl"]])
def test_a_usage_mistake_in_dutch_is_all_dutch(args, capsys):
    from test_i18n import _vocabulary, _words

    from ptxl import i18n
    from ptxl.cli import main
    i18n.load_all()
    from typer.main import get_command
    from ptxl.cli import app
    typed = {name for name in get_command(app).list_commands(None)}  # a command's name is typed, not translated
    foreign = (_vocabulary("fr") | _vocabulary("en")) - _vocabulary("nl") - typed
    assert {"usage", "missing", "error", "erreur"} <= foreign  # click's words would be seen
    assert main(args) == 2
    said = capsys.readouterr()
    text = said.out + said.err
    assert text.startswith("Gebruik: ") and "Fout: " in text, text
    assert not sorted(_words(text) & foreign), text


def test_a_usage_mistake_names_its_usage_in_each_language(capsys, monkeypatch):
    from ptxl.cli import main
    for name in ("PTXL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):  # no language from the environment either
        monkeypatch.delenv(name, raising=False)
    expected = {"fr": ("Usage : ", " stats [OPTIONS] ", "Erreur : l'option --bogus n'existe pas."),
                "nl": ("Gebruik: ", " stats [OPTIES] ", "Fout: de optie --bogus bestaat niet."),
                "en": ("Usage: ", " stats [OPTIONS] ", "Error: No such option: --bogus")}
    for lang, (prefix, usage, error) in expected.items():
        assert main(["stats", "plan.xlsx", "--bogus", f"--lang={lang}"]) == 2
        text = capsys.readouterr().err
        first = text.splitlines()[0]
        assert first.startswith(prefix) and usage in first and error in text, text
    assert main(["stats", "plan.xlsx", "--bogus"]) == 2  # no language asked anywhere: French, then English
    text = capsys.readouterr().err
    assert text.index("Erreur : l'option --bogus") < text.index("Error: No such option: --bogus")
