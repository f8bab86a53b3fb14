"""The command line's progress bars: on a terminal only, never on a pipe or with ``--quiet``.

Why a module: ``demo``, ``docs`` and ``report`` show the same bar (rich, on stderr
so that stdout stays the command's result), and a bar drawn into a log file or a
pipe would fill it with control characters. The bar is transient: when the work
is done it disappears and the one-line summary of the command is what stays.
"""

from __future__ import annotations

import sys

from .schema import L
from ptxl.i18n import register as _register

STAGE = {
    "workbook": L("Classeur de démonstration", "Demowerkmap", "Demo workbook"),
    "refresh": L("Actualisation des statistiques", "Statistieken bijwerken", "Refreshing the statistics"),
    "documents": L("Documents Word", "Word-documenten", "Word documents"),
    "report": L("Rapport d'impact", "Impactrapport", "Impact report"),
}


def wanted(quiet: bool, stream=None) -> bool:
    """A bar only when asked for (no ``--quiet``) and stderr is a terminal someone watches."""
    stream = sys.stderr if stream is None else stream
    return not quiet and bool(getattr(stream, "isatty", lambda: False)())


class Steps:
    """One line per stage of the work: a spinner and elapsed time, with a bar when the stage counts items.

    ``with Steps(enabled) as steps: tick = steps.stage("Documents", total=96); tick(done, total)``.
    Disabled, it costs nothing and prints nothing.
    """

    def __init__(self, enabled: bool, console=None):
        self.enabled = enabled
        self._console = console
        self._progress = None
        self._task = None

    def __enter__(self) -> "Steps":
        if self.enabled:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                       TimeElapsedColumn)
            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                      MofNCompleteColumn(), TimeElapsedColumn(),
                                      console=self._console or Console(stderr=True), transient=True)
            self._progress.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)
            self._progress = None

    def _finish(self) -> None:
        if self._task is not None:
            task = self._progress.tasks[-1]
            self._progress.update(self._task, total=task.total or 1, completed=task.total or 1)

    def stage(self, description: str, total: int | None = None):
        """Start the next stage (the previous one is marked done); returns its ``tick(done, total)``."""
        if self._progress is None:
            return lambda done, total=None: None
        self._finish()
        self._task = self._progress.add_task(description, total=total)
        task = self._task

        def tick(done: int, total: int | None = None) -> None:
            self._progress.update(task, completed=done, total=total)
        return tick

# Into the one catalogue (ptxl.i18n): codes "progress.…".
TEXTS = _register("progress", {"stage": STAGE})
