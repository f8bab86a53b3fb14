"""``ptxl refresh``: validate, compute, lay out, and write the output sheets of the same workbook.

The file is read once into memory; validation, statistics and the rewrite all
work on those bytes, and the result replaces the file only if it is still the
one that was read (``write.safety``). Entry errors never block a refresh: the
statistics count what is valid, the checks sheet lists what was left out, and
the exit code is 1 so a script can tell.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .gcpause import gc_paused, outlive
from .write import safety


@dataclass
class RefreshResult:
    findings: list
    stats: dict
    exit_code: int
    alerts: list = field(default_factory=list)
    path: Path | None = None
    backup: Path | None = None
    lang: str = "fr"  # the workbook's: what the command line's summary is written in

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)


@gc_paused
def refresh_workbook(path: str | Path, as_of: dt.date | None = None, *,
                     now: dt.datetime | None = None, keep_backups: int = safety.KEEP) -> RefreshResult:
    """Refresh the output sheets of the workbook at ``path`` in place (headless)."""
    from . import crypto
    from .layout import build_grids
    from .pipeline import compute, load
    from .read import named_source
    from .write.surgical import rewrite
    snap = safety.snapshot(path)
    data = snap.path.read_bytes()
    # an encrypted workbook is decrypted and rewritten in memory, then encrypted again (verified)
    plain = crypto.decrypt(data, snap.path.name) if crypto.is_encrypted(data) else data
    results = compute(load(named_source(plain, snap.path.name), as_of), as_of, now)
    grids = build_grids(results, results.computed_at)
    content = crypto.reencrypt_like(data, rewrite(plain, grids, results.lang, snap.path.name), snap.path.name)
    kept = safety.replace_atomically(snap, content, keep_backups)
    outlive(results, grids)  # in a ``ptxl`` process, left to its exit rather than freed one by one
    return RefreshResult(results.findings, results.stats, 1 if results.errors else 0, results.alerts, snap.path,
                         kept, results.lang)
