"""Pause Python's cyclic garbage collector while a workbook is read and refreshed.

Why: reading a workbook creates millions of small objects (one per cell) and none of
them is in a reference cycle. Each pass of the cyclic collector walks every object still
alive, so on a 10,000-family workbook its passes cost about a sixth of a refresh and
free nothing (measured: 3 objects). Reference counting still frees everything as usual;
the collector is switched back on, as it was, when the stage returns.
"""

from __future__ import annotations

import functools
import gc


def gc_paused(func):
    """Decorator: run ``func`` with the cyclic collector off (nested calls are fine)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper


def freeze_for_exit() -> None:
    """Call when the process is about to end: its last collections then skip every object alive.

    Why: at exit the interpreter runs the cyclic collector over everything still loaded
    (pandas, numpy, lxml: hundreds of thousands of objects) only to free them one by one
    afterwards anyway; that pass cost a whole-process ``ptxl refresh`` ~0.05–0.1 s (issue 14,
    bench/RESULTS.md). Objects are still freed, files still flushed and closed by their
    owners as usual; only objects kept alive solely by a reference cycle are left to the
    operating system, and no command leaves anything to do there (every write is closed
    before its command returns).
    """
    gc.freeze()


_LEFT_TO_EXIT: list = []  # what ``outlive`` keeps: freed by the operating system when ``end_process`` ends
_ENDING = {"process": False}  # True in a ``ptxl`` process (``cli.run``): it ends by ``end_process``


def ending_by_exit() -> None:
    """Say that this process ends by ``end_process`` once its command is done (``cli.run`` only)."""
    _ENDING["process"] = True


def outlive(*objects) -> None:
    """Keep ``objects`` until the process ends, when it ends by ``end_process``; otherwise do nothing.

    Why: freeing a refresh's dataset, results and grids object by object costs ~0.01 s at the end
    of a 1,000-family refresh (issue 14, bench/RESULTS.md part G), memory that ``os._exit`` gives back
    at once anyway. Only what is no longer used is passed here, at the end of a command; in a library
    call, a test or the Excel entry points (``ending_by_exit`` not called) it is freed as usual.
    """
    if _ENDING["process"]:
        _LEFT_TO_EXIT.append(objects)


def end_process(code: int) -> None:
    """End the command-line process with ``code`` once its command has returned: flush, then ``os._exit``.

    Why: after a command the interpreter's teardown frees every object of pandas, numpy and lxml
    one by one and clears each module (~0.03 s of a 1 s ``ptxl refresh``, issue 14, bench/RESULTS.md
    part G), for memory the operating system takes back at once anyway. What the teardown would do
    that matters is done here first: the ``atexit`` functions run (logging's flush, any library's
    clean-up), stdout and stderr are flushed (a flush that fails, a closed pipe, gives 120 as
    Python's own exit does). Every file a command writes is already complete: the atomic-write
    helper closes, fsyncs and renames before the command returns. While another thread is still
    alive the normal exit runs instead (it waits for that thread). Only ``cli.run`` calls this,
    the last line of a ``ptxl`` process: never the Excel entry points (Excel's Python host lives
    on) nor a library call.
    """
    import atexit
    import os
    import sys
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        freeze_for_exit()
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: what the interpreter's exit reports as 120
            code = 120
    os._exit(code)
