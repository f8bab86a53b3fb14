"""One network evaluation from many pilot workbooks (``ptxl network``).

The stages stay those of a single workbook: each pilot file is loaded and
checked (``ptxl.validate.load_workbook``: plain or encrypted, any language)
and its statistics computed (``ptxl.stats.compute_stats``), exactly as
``ptxl stats`` does; a workbook with errors is still counted from its valid
entries, as ``refresh`` does, and the command says which. ``aggregate`` adds
the pilots up, ``publish`` suppresses small cells across pilots and network,
and the views (``workbook``, ``report``) only format the result.
"""

from __future__ import annotations

from ..model.problems import PROBLEMS, Problem
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..model.errors import PtxlError
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
    def errors(self) -> list:
        """(file, number of errors) of the pilots whose workbook has errors."""
        return [(p["file"], p["errors"]) for p in self.pilots if p["errors"]]


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


def evaluate(paths: list[Path], as_of: dt.date | None = None, lang: str | None = None,
             suppress: bool = False) -> Network:
    """Load, check and compute every pilot, then the network (suppressed for publication if asked)."""
    from ..stats import compute_stats
    from ..validate import load_workbook
    paths = [Path(p) for p in paths]
    if not paths:
        raise PtxlError("ptxl network needs at least one pilot workbook.")
    refuse_duplicates(paths)
    pilots, thresholds = [], []
    for path in paths:
        loaded = load_workbook(path, as_of)
        ds = loaded.dataset
        stats = compute_stats(ds, as_of)
        pilots.append(pilot_entry(path.name, ds.settings, loaded.lang, stats, len(loaded.errors)))
        thresholds.append(ds.settings.small_cell_threshold)
    network = network_stats(pilots)
    if lang is None:
        langs = {p["language"] for p in pilots}
        lang = langs.pop() if len(langs) == 1 else "en"
    if suppress:
        from .publish import suppress_network
        pilots, network = suppress_network(pilots, network, max(max(thresholds), 2))
    return Network(pilots, network, lang, as_of, suppress)
