"""The report with native Word charts against the matplotlib one, and what matplotlib costs ``import xlwings``.

    python bench/report_bench.py --old /work/main --sizes S M --repeat 5 \
        --with-mpl /tmp/mpl/bin/python --without-mpl /tmp/nompl/bin/python

``ptxl report`` runs as a fresh ``python -m ptxl`` process from each source tree
(``--old``: a checkout whose report draws matplotlib pictures; the new one is this
tree), alternating old and new so machine load hits both alike. ``import xlwings``
runs in two environments identical but for matplotlib (and its Pillow): xlwings
imports matplotlib whenever it is installed, and every Excel button starts with
``import xlwings``. Medians of wall and of the child's own CPU time (user + system);
ratios are between medians of the same run. Reuses ``run.py``'s process timing.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import ensure  # noqa: E402
from run import load, machine, run_once  # noqa: E402

IMPORT_XLWINGS = "import xlwings, sys; print('matplotlib' in sys.modules)"


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def _timed(argv, tree: Path | None, work: Path, repeat: int) -> list[dict]:
    runs = []
    for _ in range(repeat):
        r = run_once(argv, None, work) if tree is None else _in(tree, argv, work)
        if r["exit"] != 0:
            raise SystemExit(f"{' '.join(map(str, argv))} failed (exit {r['exit']}):\n{r['stderr']}")
        runs.append(r)
    return runs


def _in(tree: Path, argv, work: Path) -> dict:
    """``python -m ptxl`` run with the tree first on sys.path (as from a checkout)."""
    return run_once([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(tree)!r}); "
                     "import runpy; runpy.run_module('ptxl', run_name='__main__')"] + argv, None, work)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", type=Path, required=True, help="source tree of the matplotlib report")
    ap.add_argument("--sizes", nargs="+", default=["S", "M"])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--with-mpl", help="a python whose environment has xlwings and matplotlib")
    ap.add_argument("--without-mpl", help="the same environment without matplotlib")
    args = ap.parse_args(argv)
    new = HERE.parent
    before = load()
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for size in args.sizes:
            book = ensure(size)
            results = {"old": [], "new": []}
            for tree in (args.old, new):  # one untimed run each: bytecode compiled, files cached
                _in(tree, ["report", str(book), "--out", str(work / "r.docx"), "--force"], work)
            for _ in range(args.repeat):
                for label, tree in (("old", args.old), ("new", new)):
                    out = work / f"{label}.docx"
                    results[label] += _timed(["report", str(book), "--out", str(out), "--force"], tree, work, 1)
            old, new_ = results["old"], results["new"]
            lines.append(f"| {size} | ptxl report | {_median(old, 'wall'):.3f} | {_median(new_, 'wall'):.3f} | "
                         f"{_median(new_, 'wall') / _median(old, 'wall'):.2f} | {_median(old, 'cpu'):.3f} | "
                         f"{_median(new_, 'cpu'):.3f} | {_median(new_, 'cpu') / _median(old, 'cpu'):.2f} | "
                         f"{_median(old, 'rss_mb'):.0f} → {_median(new_, 'rss_mb'):.0f} |")
            shutil.rmtree(work / ".ptxl-backups", ignore_errors=True)
        if args.with_mpl and args.without_mpl:
            runs = {"with": [], "without": []}
            for py in (args.with_mpl, args.without_mpl):
                run_once([py, "-c", IMPORT_XLWINGS], None, work)
            for _ in range(max(args.repeat, 10)):
                for label, py in (("with", args.with_mpl), ("without", args.without_mpl)):
                    runs[label] += _timed([py, "-c", IMPORT_XLWINGS], None, work, 1)
            w, wo = runs["with"], runs["without"]
            lines.append(f"| – | import xlwings (with matplotlib → without) | {_median(w, 'wall'):.3f} | "
                         f"{_median(wo, 'wall'):.3f} | {_median(wo, 'wall') / _median(w, 'wall'):.2f} | "
                         f"{_median(w, 'cpu'):.3f} | {_median(wo, 'cpu'):.3f} | "
                         f"{_median(wo, 'cpu') / _median(w, 'cpu'):.2f} | "
                         f"{_median(w, 'rss_mb'):.0f} → {_median(wo, 'rss_mb'):.0f} |")
    print(f"Machine: {machine()}. Load average {before} before, {load()} after. "
          f"Medians of {args.repeat} runs per side (import xlwings: {max(args.repeat, 10)}), alternating.")
    print("| size | command | old wall (s) | new wall (s) | new/old | old CPU (s) | new CPU (s) | new/old | "
          "peak RSS (MB) |")
    print("|---|---|---|---|---|---|---|---|---|")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
