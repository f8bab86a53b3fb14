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
