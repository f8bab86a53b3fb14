"""``--help`` texts print whole, one example per line, in the run's language; progress bars show on a terminal only.

The language of help (``ptxl.cli_usage.run_lang``): ``--lang`` on the line, else ``PTXL_LANG``,
else the locale (LC_ALL, LC_MESSAGES, LANG), else French.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from ptxl import i18n
from ptxl.cli import app
from ptxl.cli_help import summary
from ptxl.progress import Steps, wanted


def _commands(group, prefix=()):
    for name, cmd in group.commands.items():
        yield prefix + (name,), cmd
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, prefix + (name,))


ROOT = get_command(app)
COMMANDS = list(_commands(ROOT))


NO_LANG = {"PTXL_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}  # None: unset for the run


def _help(path, env=None, args=("--help",)) -> str:
    env = {**NO_LANG, "COLUMNS": "80", **(env or {})}
    result = CliRunner().invoke(app, [*path, *args], env=env, prog_name="ptxl")
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("path", [()] + [p for p, _c in COMMANDS], ids=lambda p: " ".join(p) or "ptxl")
def test_help_is_whole_and_each_example_on_its_own_line(path):
    text = _help(path)
    # "X..." after an argument's name is click's mark of a repeatable argument, not a cut text
    assert "..." not in re.sub(r"(\[[A-Z]+\]|\b[A-Z]+)\.\.\.", "", text) and "…" not in text
    for line in text.splitlines()[1:]:  # after the usage line (its heading is in the run's language)
        assert line.count("ptxl ") <= 1, line  # never two examples run together
        if re.search(r"\bptxl (new|schema|demo|validate|refresh|stats|docs|report|export|excel|network|log)\b", line) \
                and "'" not in line:
            assert line.startswith("    ptxl "), line  # an example: indented, alone on its line


def test_group_lists_every_command_with_its_whole_first_sentence():
    text = _help(())
    for name in ROOT.commands:
        assert " ".join(summary(name, "fr").split()) in " ".join(text.split()), name
    assert "Commandes :" in text and "Usage : ptxl [OPTIONS] COMMANDE" in text


def _typed() -> set[str]:
    """Words that are typed, not translated: commands, options, example lines, file names (CLI.md)."""
    words = set()
    for path, cmd in [((), ROOT)] + COMMANDS:
        words |= set(path)
        for param in cmd.params:
            for opt in [*getattr(param, "opts", ()), *getattr(param, "secondary_opts", ())]:
                words |= set(re.findall(r"[a-z]+", opt))
    return words


def _untyped(text: str) -> str:
    """The help without what the user types as it is: example lines, options, file names, variables."""
    text = "\n".join(line for line in text.splitlines() if not line.startswith("    ptxl "))
    text = re.sub(r"--[\w-]+|\bPTXL_\w+|[\w<>.-]*\.(xlsx|xlsm|docx|txt|jsonl|ptxl-key)\b", " ", text)
    return text


ALL = [()] + [p for p, _c in COMMANDS]


@pytest.mark.parametrize("lang,others,seen", [("nl", ("fr", "en"), {"usage", "options", "commands", "show"}),
                                              ("fr", ("nl", "en"), {"gebruik", "opties", "commands", "show"})])
def test_help_of_every_command_has_no_word_of_another_language(lang, others, seen):
    """The foreign-word detector of test_i18n: a word of the other languages' texts that none of ``lang``'s use."""
    from test_i18n import _vocabulary, _words
    i18n.load_all()
    foreign = set().union(*(_vocabulary(o) for o in others)) - _vocabulary(lang) - _typed()
    assert seen <= foreign  # the detector would see click's headings and the other language's
    for path in ALL:
        text = _help(path, {"PTXL_LANG": lang})
        leaks = sorted(_words(_untyped(text)) & foreign)
        assert not leaks, (path, leaks, text)


RULE = [  # (environment, words on the line, the heading the help starts with)
    ({"PTXL_LANG": "nl", "LANG": "fr_BE.UTF-8"}, ["--lang", "en"], "Usage: "),  # --lang wins
    ({"PTXL_LANG": "nl", "LANG": "en_GB.UTF-8"}, [], "Gebruik: "),  # then PTXL_LANG
    ({"LANG": "en_GB.UTF-8"}, [], "Usage: "),  # then the locale
    ({"LC_ALL": "nl_BE.UTF-8", "LANG": "en_GB.UTF-8"}, [], "Gebruik: "),  # LC_ALL before LANG
    ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "nl_BE.UTF-8"}, [], "Usage: "),  # LC_MESSAGES before LANG
    ({"LANG": "C.UTF-8"}, [], "Usage : "),  # a locale that is none of fr, nl, en: French
    ({"PTXL_LANG": "de", "LANG": "nl_NL"}, [], "Gebruik: "),  # a language ptxl does not speak: the next rule
    ({}, [], "Usage : "),  # nothing: French
]


@pytest.mark.parametrize("env,words,heading", RULE, ids=[str(i) for i in range(len(RULE))])
def test_the_language_rule_of_help(env, words, heading):
    text = _help(("refresh",), env, args=(*words, "--help"))
    assert text.startswith(heading), text


def test_a_usage_mistake_follows_the_same_rule_and_is_bilingual_only_when_none_applies():
    def said(env):
        result = CliRunner().invoke(app, ["stats", "--bogus"], env={**NO_LANG, **env}, prog_name="ptxl")
        assert result.exit_code == 2
        return result.output
    dutch = said({"LANG": "nl_BE.UTF-8"})
    assert dutch.startswith("Gebruik: ptxl stats") and "Fout: de optie --bogus bestaat niet." in dutch
    assert "Error" not in dutch and "Erreur" not in dutch
    assert "Error: No such option: --bogus" in said({"PTXL_LANG": "en", "LANG": "nl_BE.UTF-8"})
    both = said({})
    assert both.index("Erreur : l'option --bogus") < both.index("Error: No such option: --bogus")


def test_the_language_rule_in_a_real_process(tmp_path):
    """As a user runs it: the locale of the shell, no ptxl setting."""
    root = Path(__file__).resolve().parents[1]
    env = {k: v for k, v in os.environ.items() if k not in NO_LANG}
    env.update(PYTHONPATH=str(root), LANG="nl_BE.UTF-8", COLUMNS="80")
    proc = subprocess.run([sys.executable, "-m", "ptxl", "docs", "--help"], capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Gebruik: ") and "Opties:" in proc.stdout and "--out MAP" in proc.stdout
    assert "Schrijft de Word-documenten" in proc.stdout and "Options" not in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "ptxl", "--version"], capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=120)
    assert proc.returncode == 0 and proc.stdout.startswith("ptxl "), proc.stderr


def test_no_bar_on_a_pipe_or_with_quiet():
    class Tty(io.StringIO):
        def isatty(self):
            return True
    assert wanted(False, Tty()) and not wanted(True, Tty()) and not wanted(False, io.StringIO())
    with Steps(False) as steps:
        tick = steps.stage("Documents", total=3)
        tick(1, 3)  # a disabled bar accepts ticks and prints nothing


def test_bar_on_a_terminal_shows_each_stage_and_its_count():
    from rich.console import Console
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    with Steps(True, console=console) as steps:
        steps.stage("Classeur")
        tick = steps.stage("Documents Word", total=3)
        for i in range(1, 4):
            tick(i, 3)
        console.print()  # forces a refresh before the transient bar goes
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.getvalue())
    assert "Classeur" in shown and "Documents Word" in shown and "3/3" in shown


def test_lang_before_the_command_holds_for_the_whole_run(tmp_path, capsys):
    """``ptxl --lang nl …``: the help, a usage mistake, a file problem and a command's messages in Dutch; the
    command's own --lang wins."""
    from ptxl.build.workbook import build_workbook
    from ptxl.cli import main
    assert main(["--lang", "nl", "--help"]) == 0
    assert capsys.readouterr().out.startswith("Gebruik: ")
    assert main(["--lang", "nl", "bogus"]) == 2
    assert "Fout: de opdracht « bogus » bestaat niet." in capsys.readouterr().err
    assert main(["--lang", "nl", "validate", str(tmp_path / "weg.xlsx")]) == 2
    assert "werd niet gevonden" in (lambda r: r.out + r.err)(capsys.readouterr())
    book = build_workbook(tmp_path / "plan.xlsx", "fr")
    assert main(["--lang", "nl", "stats", str(book)]) in (0, 1)
    assert "Referentiedatum" in capsys.readouterr().out
    assert main(["--lang", "nl", "stats", str(book), "--lang", "en"]) in (0, 1)
    assert "Reference date" in capsys.readouterr().out
    assert main(["--lang", "xx", "stats", str(book)]) == 2
