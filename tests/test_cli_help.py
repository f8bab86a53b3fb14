"""``--help`` texts print whole, one example per line; progress bars show on a terminal only."""

from __future__ import annotations

import io
import re

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from ptxl.cli import app
from ptxl.progress import Steps, wanted


def _commands(group, prefix=()):
    for name, cmd in group.commands.items():
        yield prefix + (name,), cmd
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, prefix + (name,))


ROOT = get_command(app)
COMMANDS = list(_commands(ROOT))


def _help(path) -> str:
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "80"}, prog_name="ptxl")
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("path", [()] + [p for p, _c in COMMANDS], ids=lambda p: " ".join(p) or "ptxl")
def test_help_is_whole_and_each_example_on_its_own_line(path):
    text = _help(path)
    # "X..." after an argument's name is click's mark of a repeatable argument, not a cut text
    assert "..." not in re.sub(r"(\[ARGS\]|\b[A-Z]+|\bworkbook)\.\.\.", "", text) and "…" not in text
    for line in text.splitlines():
        if line.startswith("Usage:"):
            continue
        assert line.count("ptxl ") <= 1, line  # never two examples run together
        if re.search(r"\bptxl (new|schema|demo|validate|refresh|stats|docs|report|export|excel|network|log)\b", line) \
                and "'" not in line:
            assert line.startswith("    ptxl "), line  # an example: indented, alone on its line


def test_group_lists_every_command_with_its_whole_first_sentence():
    text = _help(())
    for name, cmd in ROOT.commands.items():
        first = cmd.get_short_help_str(limit=10_000)
        assert " ".join(first.split()) in " ".join(text.split()), name


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
