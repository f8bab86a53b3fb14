"""One network evaluation from many pilot workbooks (``ptxl network``).

The stages stay those of a single workbook: each pilot file is loaded,
checked and computed by the one pipeline (``ptxl.pipeline``: plain or
encrypted, any language), exactly as ``ptxl stats`` does; a workbook with
errors is still counted from its valid entries, as ``refresh`` does, and the
command says which. ``evaluate`` takes the pilots' Results, ``aggregate``
adds them up, ``publish`` suppresses small cells across pilots and network
(not each pilot's own ``pipeline.publish``: the pilots' figures and their
sums are hidden together), and the views (``workbook``, ``report``) only
format the result.
"""

from __future__ import annotations

from ..model.problems import PROBLEMS, Problem
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from .aggregate import network_stats, pilot_entry



@dataclass
class Network:
    pilots: list  # pilot entries (``aggregate.pilot_entry``), in the order given
    network: dict
    lang: str
    as_of: dt.date | None
    suppressed: bool = False

    def to_json(self) -> dict:
        return {"pilots": self.pilots, "network": self.network}

    @property
    def errors_total(self) -> int:
        """The errors of all the pilots' workbooks (the pilots table's network column)."""
        return sum(p["errors"] for p in self.pilots)

    @property
    def errors(self) -> list:
        """(file, number of errors) of the pilots whose workbook has errors."""
        return [(p["file"], p["errors"]) for p in self.pilots if p["errors"]]


def check_paths(paths) -> list[Path]:
    """The pilots' files, before any is read: at least one, each given once."""
    paths = [Path(p) for p in paths]
    if not paths:
        raise Problem(PROBLEMS.no_pilot)
    refuse_duplicates(paths)
    return paths


def refuse_duplicates(paths: list[Path]) -> None:
    """A file given twice (by two names, or two copies of the same bytes) would count its cases twice."""
    seen: dict = {}
    for path in paths:
        if not path.is_file():
            raise Problem(PROBLEMS.no_such_file, path=path)
        keys = [("path", str(path.resolve()))]
        with open(path, "rb") as fh:
            keys.append(("bytes", hashlib.sha256(fh.read()).hexdigest()))
        for key in keys:
            if key in seen:
                raise Problem(PROBLEMS.same_workbook, path=path, other=seen[key])
            seen[key] = path


def evaluate(results, as_of: dt.date | None = None, lang: str | None = None,
             suppress: bool = False) -> Network:
    """The network of the pilots' ``pipeline.Results`` (unpublished; any iterable, read once, so a generator
    keeps one pilot's dataset in memory at a time), suppressed for publication if asked."""
    from ..suppress import small_cell_threshold
    pilots, thresholds = [], []
    for r in results:
        pilots.append(pilot_entry(r.source, r.settings, r.lang, r.stats, len(r.errors)))
        thresholds.append(small_cell_threshold(r.settings))
    if not pilots:
        raise Problem(PROBLEMS.no_pilot)
    network = network_stats(pilots)
    if lang is None:
        langs = {p["language"] for p in pilots}
        lang = langs.pop() if len(langs) == 1 else "en"
    if suppress:
        from .publish import suppress_network
        pilots, network = suppress_network(pilots, network, max(max(thresholds), 2))
    return Network(pilots, network, lang, as_of, suppress)
