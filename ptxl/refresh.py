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
from typing import Callable

from .gcpause import gc_paused
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


@dataclass(frozen=True)
class Stages:
    """The pipeline's stages, replaceable in tests: load(bytes, as_of) → Loaded, stats, alerts."""

    load: Callable
    stats: Callable
    alerts: Callable

    @classmethod
    def default(cls) -> "Stages":
        from .alerts import compute_alerts
        from .stats import compute_stats
        from .validate import load_workbook
        return cls(load_workbook, compute_stats, compute_alerts)


@gc_paused
def compute(data, as_of: dt.date | None = None, stages: Stages | None = None,
            now: dt.datetime | None = None):
    """A workbook's bytes (or ``read.named_source``, so messages name the file) → (loaded, stats, alerts,
    grids): everything but the write."""
    from .layout import build_grids
    stages = stages or Stages.default()
    loaded = stages.load(data, as_of)
    ds = loaded.dataset
    stats = stages.stats(ds, as_of)
    alerts = stages.alerts(ds, as_of)
    grids = build_grids(loaded.lang, stats, alerts, loaded.findings,
                        (now or dt.datetime.now()).replace(microsecond=0))
    return loaded, stats, alerts, grids


@gc_paused
def refresh_workbook(path: str | Path, as_of: dt.date | None = None, *, stages: Stages | None = None,
                     now: dt.datetime | None = None, keep_backups: int = safety.KEEP) -> RefreshResult:
    """Refresh the output sheets of the workbook at ``path`` in place (headless)."""
    from . import crypto
    from .read import named_source
    from .write.surgical import rewrite
    snap = safety.snapshot(path)
    data = snap.path.read_bytes()
    # an encrypted workbook is decrypted and rewritten in memory, then encrypted again (verified)
    plain = crypto.decrypt(data, snap.path.name) if crypto.is_encrypted(data) else data
    loaded, stats, alerts, grids = compute(named_source(plain, snap.path.name), as_of, stages, now)
    content = crypto.reencrypt_like(data, rewrite(plain, grids, loaded.lang, snap.path.name), snap.path.name)
    kept = safety.replace_atomically(snap, content, keep_backups)
    errors = any(f.severity == "error" for f in loaded.findings)
    return RefreshResult(loaded.findings, stats, 1 if errors else 0, alerts, snap.path, kept, loaded.lang)
