"""Legacy import vs realistic M: ``ptxl refresh`` against a bare openpyxl pass, side by side in one run.

The goal (issue 14): the checks stage is linear in rows and findings, so a first import
of legacy data (``legacy.py``: 1,000 families, 10,000 contacts, ~13,000 findings)
refreshes in at most 0.6 × a bare openpyxl ``read_only`` pass over the same file, and
the realistic M workbook (``generate.py``, a dozen findings) in at most 0.45 ×.

Whole processes, as ``run.py`` measures them (a fresh process per click, CPU from
``wait4``): each round runs, for both workbooks, the floor over the refreshed file and
``ptxl refresh`` of a copy of it (its output sheets full, as after every click but the
first) and the fixed cost no refresh can skip (``FIXED_COST``: start-up, imports, calamine's parse),
interleaved so the machine's noise hits them all alike; medians of the rounds,
ratios between medians of this run. Then, in process, where the refresh's compute time
goes (load+validate, stats, alerts, layout; medians of three).

    python bench/legacy_bench.py --repeat 5 --out bench/RESULTS.md
    python bench/legacy_bench.py --repeat 5 --before 7a738e5     # and the code of that revision, same rounds

``--out`` replaces this benchmark's section of the file (between its markers, after the
notes marker of ``run.py`` so that a run of ``run.py`` keeps it). Exit 1 when a command
crashed or a goal is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from legacy import ensure_legacy  # noqa: E402
from generate import ensure  # noqa: E402
from run import FLOOR_OPENPYXL, NOTES, PY, crashed_run, load, machine, refreshed_copy, run_once  # noqa: E402

GOALS = {"realistic M": 0.45, "legacy import M": 0.6}
# What no refresh can skip, as a whole process beside the two others: Python's start-up, the modules a
# refresh imports (pandas and numpy first), calamine's parse of the sheets it reads (shared strings,
# entry and settings sheets, their cells as Python values), and the exit. The refresh's own work is
# what its time exceeds this by.
FIXED_COST = ("import sys, io\n"
              "import ptxl.cli, ptxl.refresh, ptxl.validate, ptxl.normalise, ptxl.rules, ptxl.stats, ptxl.alerts\n"
              "import ptxl.layout, ptxl.write.surgical, ptxl.crypto, python_calamine as pc\n"
              "from ptxl.read import detect_lang\n"
              "from ptxl.schema import get_schema\n"
              "data = open(sys.argv[1], 'rb').read()\n"
              "wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data), load_tables=True)\n"
              "lang = detect_lang(list(wb.sheet_names))\n"
              "for s in get_schema().sheets:\n"
              "    if s.kind in ('entry', 'settings') and s.name(lang) in wb.sheet_names:\n"
              "        wb.get_sheet_by_name(s.name(lang)).to_python(skip_empty_area=False)\n")
FIXED = "fixed cost: start-up, imports, calamine parse"
BEGIN, END = "<!-- legacy-import: written by bench/legacy_bench.py -->", "<!-- /legacy-import -->"


def workbooks() -> dict[str, Path]:
    return {"realistic M": ensure("M"), "legacy import M": ensure_legacy()}


def old_tree(rev: str, into: Path, parts: tuple = ("ptxl",)) -> Path:
    """ptxl as it was at git revision ``rev`` (``git archive`` of ``parts``: add "templates" and "workbook" for
    the commands that find them beside the package), to run side by side with this tree."""
    repo = HERE.parent
    archive = subprocess.run(["git", "-C", str(repo), "archive", rev, *parts], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def whole_process(books: dict[str, Path], repeat: int, before: Path | None = None) -> dict:
    """label → {floor: [runs], refresh: [runs], before: [runs], mb, refreshed}: interleaved fresh processes.

    ``before``: a folder holding an older ptxl, whose refresh is timed in the same rounds."""
    out = {}
    for label, book in books.items():
        refreshed = refreshed_copy(book)
        out[label] = {"floor": [], "refresh": [], "before": [], "fixed": [], "mb": refreshed.stat().st_size / 1e6,
                      "refreshed": refreshed, "floor_argv": [PY, "-c", FLOOR_OPENPYXL, str(refreshed)],
                      "fixed_argv": [PY, "-c", FIXED_COST, str(refreshed)],
                      "refresh_argv": [PY, "-m", "ptxl", "refresh", "{copy}"]}
    with tempfile.TemporaryDirectory(prefix="ptxl-legacy-") as tmp:
        work = Path(tmp)
        rounds = [None] + list(range(repeat))  # one untimed round first: caches, bytecode
        for i in rounds:
            for label, o in out.items():
                runs = {"floor": run_once(o["floor_argv"], None, work),
                        "fixed": run_once(o["fixed_argv"], None, work),
                        "refresh": run_once(o["refresh_argv"], o["refreshed"], work)}
                if before is not None:
                    runs["before"] = run_once(o["refresh_argv"], o["refreshed"], work, pythonpath=before)
                if i is not None or any(crashed_run(r) for r in runs.values()):
                    for k, r in runs.items():
                        o[k].append(r)
    return out


def breakdown(book: Path, times: int = 3) -> dict:
    """Median seconds of each compute stage, in this process (imports and the read of the bytes excluded)."""
    from refresh_bench import compute_breakdown
    runs = [compute_breakdown(book) for _ in range(times)]
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def med(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def markdown(res: dict, stages: dict, argv: list[str], repeat: int, load_before: str, load_after: str,
             before: str | None = None) -> str:
    lines = [BEGIN, "## Legacy import (issue 14): the checks stage at scale", "",
             f"Produced by `python bench/legacy_bench.py {shlex.join(argv)}` on {dt.date.today().isoformat()}.",
             f"Machine: {machine()}. Load average (1/5/15 min) {load_before} before, {load_after} after.",
             f"Whole processes, medians of {repeat} interleaved rounds after one untimed round; ratio = "
             "`ptxl refresh` of a copy of the refreshed file / a bare openpyxl `read_only` pass over every "
             "cell of that same file, both from this run.", "",
             "| workbook | refreshed file | findings | alerts | openpyxl pass wall / CPU (s) "
             "| `ptxl refresh` wall / CPU (s) | × floor wall | × floor CPU | goal | exit |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for label, o in res.items():
        fw, fc = med(o["floor"], "wall"), med(o["floor"], "cpu")
        st = stages[label]
        for who, name in (("before", f"{label}, before ({before})"), ("refresh", label),
                          ("fixed", f"{label}: {FIXED}")):
            if not o[who]:
                continue
            rw, rc = med(o[who], "wall"), med(o[who], "cpu")
            met = "met" if rw / fw <= GOALS[label] and rc / fc <= GOALS[label] else "**missed**"
            goal, counts = f"≤ {GOALS[label]} {met}", f"{st['findings']:,} | {st['alerts_n']:,}"
            if who == "fixed":
                goal, counts = "what any refresh pays", "— | —"
            lines.append(f"| {name} | {o['mb']:.1f} MB | {counts} "
                         f"| {fw:.3f} / {fc:.3f} | {rw:.3f} / {rc:.3f} | {rw / fw:.2f} | {rc / fc:.2f} "
                         f"| {goal} | {o[who][-1]['exit']} |")
    lines += ["", "In process, seconds of each compute stage (medians of 3; the read of the file is in "
              "load+validate):", "", "| workbook | load+validate | stats | alerts | layout |", "|---|---|---|---|---|"]
    for label, st in stages.items():
        lines.append(f"| {label} | {st['load+validate']:.3f} | {st['stats']:.3f} | {st['alerts']:.3f} "
                     f"| {st['layout']:.3f} |")
    return "\n".join(lines) + "\n" + END + "\n"


def write_section(path: Path, text: str, begin: str = BEGIN, end: str = END) -> None:
    """Replace a benchmark's section of ``path``, between its markers (or append it after the notes marker)."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if begin in old and end in old:
        head, rest = old.split(begin, 1)
        new = head + text.rstrip("\n") + rest.split(end, 1)[1]
    else:
        if NOTES not in old:
            old = old.rstrip("\n") + "\n\n" + NOTES + "\n"
        new = old.rstrip("\n") + "\n\n" + text
    path.write_text(new, encoding="utf-8")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", type=Path, default=None, help="write this benchmark's section into this file")
    ap.add_argument("--before", default=None, help="a git revision whose ptxl refresh is timed in the same rounds")
    args = ap.parse_args(argv)
    books = workbooks()
    load_before = load()
    with tempfile.TemporaryDirectory(prefix="ptxl-before-") as old:
        res = whole_process(books, args.repeat, old_tree(args.before, Path(old)) if args.before else None)
    stages = {label: breakdown(book) for label, book in books.items()}
    text = markdown(res, stages, argv, args.repeat, load_before, load(), args.before)
    print(text)
    if args.out:
        write_section(args.out, text)
    crashed = [(label, r) for label, o in res.items() for r in o["refresh"] + o["floor"] + o["before"] + o["fixed"]
               if crashed_run(r)]
    for label, r in crashed:
        print(f"CRASHED: {label} (exit {r['exit']}):\n{r['stderr']}", file=sys.stderr)
    missed = [label for label, o in res.items()
              if med(o["refresh"], "wall") / med(o["floor"], "wall") > GOALS[label]]
    return 1 if crashed or missed else 0


if __name__ == "__main__":
    sys.exit(main())
