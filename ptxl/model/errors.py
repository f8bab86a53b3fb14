"""File-level problems: the command cannot run. Each carries one plain paragraph for the user.

Entry problems are never exceptions: they are findings (``ptxl.rules``).
"""

from __future__ import annotations


class PtxlError(Exception):
    """A problem with the file or the command, not with an entry. The CLI prints it and exits 2."""

    exit_code = 2
