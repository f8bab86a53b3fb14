"""Is any command slower than at an earlier revision? Every command, this tree against ``--before``, side by side.

Why: a refactor (typed fields, the pipeline, the catalogue) must leave the figures of RESULTS.md no
worse, and figures from two days on this shared 2-core machine cannot be compared. Here each round
runs, as fresh processes and in an order that alternates, the floor (a bare openpyxl ``read_only``
pass), then each command from the older tree and from this one (``git archive`` of ``--before``, as
``legacy_bench.py`` does); the ratios between medians of CPU times of the same run are the result.

    python bench/ab_bench.py --before 8d582a6 --sizes S M --repeat 5 --out bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from legacy_bench import old_tree, write_section  # noqa: E402
from run import FLOOR_OPENPYXL, PY, crashed_run, prepare, run_once  # noqa: E402

BEGIN, END = "<!-- ab-bench: written by bench/ab_bench.py -->", "<!-- /ab-bench -->"

# label → ptxl arguments ({book}: the workbook, {copy}: a fresh copy of it, {out}: a fresh folder)
COMMANDS = {
    "ptxl validate": ["validate", "{book}"],
    "ptxl stats --json": ["stats", "{book}", "--json"],
    "ptxl refresh": ["refresh", "{copy}"],
    "ptxl report": ["report", "{book}", "--out", "{out}/r.docx", "--force"],
    "ptxl docs": ["docs", "{book}", "--out", "{out}/docs", "--force"],
}
SKIP_AT = {"M": {"ptxl docs"}}  # 4,000 documents: ~10 s a process, measured by docs_bench.py


def argv_for(args: list[str], book: Path, out: Path) -> list[str]:
    return [PY, "-m", "ptxl", *(a.replace("{book}", str(book)).replace("{out}", str(out)) for a in args)]


def rounds(size: str, repeat: int, before: Path) -> dict:
    """label → {"before": [runs], "after": [runs]}, plus the floor, for one size."""
    book, refreshed = prepare(size)
    labels = [k for k in COMMANDS if k not in SKIP_AT.get(size, set())]
    res = {"floor": {"after": []}, **{k: {"before": [], "after": []} for k in labels}}
    with tempfile.TemporaryDirectory(prefix="ptxl-ab-") as tmp:
        work = Path(tmp)
        for i in [None] + list(range(repeat)):  # one untimed round first
            floor = run_once([PY, "-c", FLOOR_OPENPYXL, str(book)], None, work)
            if i is not None:
                res["floor"]["after"].append(floor)
            for label in labels:
                order = ("before", "after") if (i or 0) % 2 == 0 else ("after", "before")
                for side in order:
                    out = work / f"out_{side}"
                    argv = argv_for(COMMANDS[label], book, out)
                    copy = refreshed if "{copy}" in COMMANDS[label] else None
                    r = run_once(argv, copy, work, pythonpath=before if side == "before" else HERE.parent)
                    if crashed_run(r):
                        raise SystemExit(f"{label} ({side}) crashed:\n{r['stderr']}")
                    if i is not None:
                        res[label][side].append(r)
    return res


def table(results: dict, rev: str, repeat: int, load: tuple) -> str:
    med = lambda runs: statistics.median(r["cpu"] for r in runs)  # noqa: E731
    lines = [BEGIN, f"## Every command against {rev}, side by side (issue 15: no figure worse)", "",
             f"Produced by `python bench/ab_bench.py --before {rev} --sizes {' '.join(results)} --repeat {repeat} "
             f"--out bench/RESULTS.md` on {dt.date.today().isoformat()}. Load average before/after: "
             f"{load[0]:.2f} / {load[1]:.2f}. CPU medians of {repeat} fresh processes each, the two trees "
             "alternating in every round; × floor = against a bare openpyxl `read_only` pass over the same file "
             "in the same rounds.", "",
             f"| size | command | {rev} CPU (s) | now CPU (s) | now / {rev} | {rev} × floor | now × floor |",
             "|---|---|---|---|---|---|---|"]
    for size, res in results.items():
        floor = med(res["floor"]["after"])
        for label, sides in res.items():
            if label == "floor":
                continue
            b, a = med(sides["before"]), med(sides["after"])
            lines.append(f"| {size} | {label} | {b:.3f} | {a:.3f} | {a / b:.2f} | {b / floor:.2f} | {a / floor:.2f} |")
    lines.append(END)
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", required=True, help="the git revision to compare with")
    ap.add_argument("--sizes", nargs="+", default=["S", "M"], choices=["S", "M"])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    load0 = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="ptxl-before-") as tmp:
        before = old_tree(args.before, Path(tmp), ("ptxl", "templates", "workbook"))
        results = {size: rounds(size, args.repeat, before) for size in args.sizes}
    section = table(results, args.before, args.repeat, (load0, os.getloadavg()[0]))
    print(section)
    if args.out:
        write_section(args.out, section, BEGIN, END)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
