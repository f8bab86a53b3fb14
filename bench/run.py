"""Benchmark ptxl's commands as whole processes, side by side with the floors, and write a Markdown table.

Every measurement is a fresh process (as each Excel click is), repeated, and
reported as the median; ratios are taken between medians of the same run, so
the noise of this 2-core machine hits both sides alike. Each child's own CPU
time (user + system) and peak memory come from ``wait4``: on a machine shared
with other work, wall time swells but CPU time hardly does, so the CPU ratio is
the steadier one. ``ptxl refresh`` is timed on a copy of a workbook refreshed
once before (its output sheets full, as staff's always are after the first
click); ``ptxl refresh (first)`` on a copy of the freshly built one.

    python bench/run.py --sizes S M L --repeat 5 --out bench/RESULTS.md
    python bench/run.py --sizes S --repeat 1          # CI smoke test

Exit code 1 when any command crashed (an exit code other than 0 or 1: 1 only
means "the workbook has entry errors"), so CI fails on a broken command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

PY = sys.executable
FLOOR = "openpyxl read_only pass (floor)"
FLOOR_REFRESHED = "openpyxl read_only pass, refreshed file (floor)"
NOTES = "<!-- notes: kept when run.py rewrites this file -->"
SAME_FILE_FLOOR = {"ptxl refresh": FLOOR_REFRESHED}  # each ratio against a pass over the file the command reads
FLOOR_OPENPYXL = ("import openpyxl,sys\n"
                  "wb=openpyxl.load_workbook(sys.argv[1],read_only=True,data_only=True)\n"
                  "n=0\n"
                  "for ws in wb.worksheets:\n"
                  "    for row in ws.iter_rows(values_only=True): n+=len(row)\n"
                  "wb.close()")
FLOOR_CALAMINE = ("import python_calamine,sys\n"
                  "wb=python_calamine.CalamineWorkbook.from_path(sys.argv[1])\n"
                  "n=sum(len(r) for s in wb.sheet_names for r in wb.get_sheet_by_name(s).to_python())")


def commands(book: Path, refreshed: Path, work: Path) -> list[tuple[str, list[str], Path | None]]:
    """(label, argv, workbook to copy to ``{copy}`` first or None) — floors first."""
    ptxl = [PY, "-m", "ptxl"]
    return [
        ("python -c pass", [PY, "-c", "pass"], None),
        ("import xlwings", [PY, "-c", "import xlwings"], None),
        (FLOOR, [PY, "-c", FLOOR_OPENPYXL, str(book)], None),
        (FLOOR_REFRESHED, [PY, "-c", FLOOR_OPENPYXL, str(refreshed)], None),
        ("calamine read (floor)", [PY, "-c", FLOOR_CALAMINE, str(book)], None),
        ("ptxl validate", ptxl + ["validate", str(book), "--json"], None),
        ("ptxl stats", ptxl + ["stats", str(book), "--json"], None),
        ("ptxl refresh", ptxl + ["refresh", "{copy}"], refreshed),
        ("ptxl refresh (first)", ptxl + ["refresh", "{copy}"], book),
        ("ptxl report", ptxl + ["report", str(book), "--out", str(work / "r.docx"), "--force"], None),
        ("ptxl docs", ptxl + ["docs", str(book), "--out", str(work / "docs"), "--force"], None),
    ]


def child_env(pythonpath: Path | None = None) -> dict:
    """Compiled bytecode as an installed ptxl has it: kept in bench/out/pycache (not in the source tree),
    even where PYTHONDONTWRITEBYTECODE is set (it is in some sandboxes: every run would then compile
    ptxl's modules from source, ~0.15 s that no user pays); and this tree's ptxl first on the path."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(HERE / "out" / "pycache")
    # the ptxl of this tree, not whichever one is installed (``python -m ptxl`` runs in a scratch folder)
    first = str(pythonpath or HERE.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (first, os.environ.get("PYTHONPATH")) if p)
    return env


def run_once(argv: list[str], copy_from: Path | None, work: Path, pythonpath: Path | None = None) -> dict:
    """One fresh process: wall time, its own CPU time and peak memory (wait4), exit code.
    ``pythonpath``: the folder whose ptxl the child imports (default: this tree's)."""
    if copy_from is not None:
        target = work / "copy.xlsx"
        shutil.copyfile(copy_from, target)
        shutil.rmtree(work / ".ptxl-backups", ignore_errors=True)
        argv = [str(target) if a == "{copy}" else a for a in argv]
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=child_env(pythonpath),
                            cwd=work)
    err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    return {"wall": elapsed, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
            "exit": proc.returncode, "stderr": err.decode("utf-8", "replace")[-4000:]}


def crashed_run(r: dict) -> bool:
    """A crash: an exit code other than 0/1, or a traceback (an uncaught exception exits 1 too)."""
    return r["exit"] not in (0, 1) or "Traceback (most recent call last)" in r["stderr"]


def prepare(size: str) -> tuple[Path, Path]:
    """The built workbook of this size (made by generate.py if missing) and a copy refreshed once."""
    from generate import generate
    out_dir = HERE / "out"
    book = out_dir / f"bench_{size}.xlsx"
    if not book.exists():
        t = time.perf_counter()
        generate(size, out_dir)
        print(f"generated {book.name} in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return book, refreshed_copy(book)


def refreshed_copy(book: Path) -> Path:
    """``bench_X_refreshed.xlsx`` beside ``book``: a copy refreshed once (remade when ``book`` is newer)."""
    refreshed = book.with_name(f"{book.stem}_refreshed.xlsx")
    if not refreshed.exists() or refreshed.stat().st_mtime < book.stat().st_mtime:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / book.name
            shutil.copyfile(book, copy)
            proc = subprocess.run([PY, "-m", "ptxl", "refresh", str(copy)], capture_output=True, text=True, cwd=tmp,
                                  env=child_env())
            if proc.returncode not in (0, 1):
                print(f"refresh of {book.name} crashed:\n{proc.stderr}", file=sys.stderr)
                return book  # timed below, where the crash is reported
            shutil.copyfile(copy, refreshed)
    return refreshed


def bench(sizes: list[str], repeat: int, skip: set[str], large: tuple[int, set[str]] | None = None) -> list[dict]:
    """``large`` = (repeat, labels to skip) for size L, whose runs take minutes."""
    rows = []
    for size in sizes:
        if size == "L" and large is not None:
            repeat, skip = large[0], skip | large[1]
        book, refreshed = prepare(size)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            cmds = [c for c in commands(book, refreshed, work) if c[0] not in skip or c[0] == FLOOR]
            if "ptxl refresh" in skip:
                cmds = [c for c in cmds if c[0] != FLOOR_REFRESHED]
            runs: dict[str, list[dict]] = {c[0]: [] for c in cmds}
            warm = {label: run_once(argv, copy_from, work) for label, argv, copy_from in cmds}  # caches, not timed
            for _ in range(repeat):  # interleave the commands so drift hits all of them alike
                for label, argv, copy_from in cmds:
                    if label == "ptxl docs" and (work / "docs").exists():
                        shutil.rmtree(work / "docs")
                    runs[label].append(run_once(argv, copy_from, work))
            docs_written = sum(1 for _ in (work / "docs").rglob("*.docx")) if (work / "docs").exists() else 0
            floors = {name: {k: statistics.median(r[k] for r in runs[name]) for k in ("wall", "cpu")}
                      for name in (FLOOR, FLOOR_REFRESHED) if name in runs}
            base = statistics.median(r["wall"] for r in runs["python -c pass"]) if "python -c pass" in runs else 0.0
            xlw = statistics.median(r["wall"] for r in runs["import xlwings"]) if "import xlwings" in runs else None
            for label, _argv, _copy in cmds:
                rs = runs[label]
                wall, cpu = statistics.median(r["wall"] for r in rs), statistics.median(r["cpu"] for r in rs)
                floor = floors.get(SAME_FILE_FLOOR.get(label, FLOOR), floors[FLOOR])
                crashed = [r for r in [warm[label], *rs] if crashed_run(r)]
                rows.append({"size": size, "command": label, "wall": wall, "min_wall": min(r["wall"] for r in rs),
                             "cpu": cpu, "x_floor_wall": wall / floor["wall"], "x_floor_cpu": cpu / floor["cpu"],
                             "minus_python": wall - base, "minus_xlwings": None if xlw is None else wall - xlw,
                             "rss_mb": max(r["rss_mb"] for r in rs), "crashed": bool(crashed),
                             "exit": crashed[0]["exit"] if crashed else rs[-1]["exit"],
                             "stderr": crashed[0]["stderr"] if crashed else "",
                             "mb": book.stat().st_size / 1e6,
                             "docs": docs_written if label == "ptxl docs" else None})
    return rows


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores{mem}, "
            f"Python {platform.python_version()}")


def load() -> str:
    try:
        return "/".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def markdown(rows: list[dict], repeat: int, argv: list[str], load_before: str, load_after: str,
             repeat_l: int | None = None) -> str:
    from generate import SIZES
    lines = [
        "# Benchmark results",
        "",
        f"Produced by `python bench/run.py {shlex.join(argv)}` on {dt.date.today().isoformat()}.",
        f"Machine: {machine()}. Load average (1/5/15 min) {load_before} before, {load_after} after.",
        f"Medians of {repeat} runs" + (f" ({repeat_l} at L)" if repeat_l and repeat_l != repeat else "")
        + ", each a fresh process after one untimed run; commands interleaved; ratios between medians of the "
        "same run. CPU = the child's own user + system time. × floor = against a bare openpyxl `read_only` pass "
        "over every cell of every sheet of the same file (for `ptxl refresh`, the refreshed file it rewrites).",
        "",
        "| size | workbook | command | wall (s) | min wall (s) | CPU (s) | × floor (wall) | × floor (CPU) "
        "| − python start (s) | − import xlwings (s) | peak RSS (MB) | exit |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        xlw = "" if r["minus_xlwings"] is None else f"{r['minus_xlwings']:+.3f}"
        label = r["command"] + (f" ({r['docs']} documents, {r['docs'] / r['wall']:.0f}/s)" if r["docs"] else "")
        lines.append(f"| {r['size']} | {r['mb']:.1f} MB | {label} | {r['wall']:.3f} | {r['min_wall']:.3f} | "
                     f"{r['cpu']:.3f} | {r['x_floor_wall']:.2f} | {r['x_floor_cpu']:.2f} | "
                     f"{r['minus_python']:.3f} | {xlw} | {r['rss_mb']:.0f} | {r['exit']} |")
    sizes = sorted({r["size"] for r in rows}, key="SML".index)
    if len(sizes) > 1:
        lines += ["", "Growth of `ptxl refresh` (median minus python start-up; CPU in brackets):", ""]
        prev = None
        for s in sizes:
            r = next((x for x in rows if x["size"] == s and x["command"] == "ptxl refresh"), None)
            if r:
                step = (f"; ×{r['minus_python'] / prev[1]:.1f} for ×{SIZES[s] / prev[0]:.0f} families"
                        if prev else "")
                lines.append(f"- {s} ({SIZES[s]} families): {r['minus_python']:.3f} s ({r['cpu']:.3f} s CPU), "
                             f"{1000 * r['minus_python'] / SIZES[s]:.2f} ms per family{step}")
                prev = (SIZES[s], r["minus_python"])
    crashed = [r for r in rows if r["crashed"]]
    if crashed:
        lines += ["", "Crashed:", ""] + [f"- {r['size']} {r['command']}: exit {r['exit']}" for r in crashed]
    return "\n".join(lines) + "\n"


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", default=["S"], choices=["S", "M", "L"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip", nargs="*", default=[], help="command labels to leave out (never the floor)")
    ap.add_argument("--repeat-l", type=int, default=None, help="repeat for size L (default: --repeat)")
    ap.add_argument("--skip-l", nargs="*", default=[], help="more labels to leave out at size L")
    ap.add_argument("--memory", action="store_true", help="accepted for old command lines: peak memory is "
                                                          "always measured now (wait4)")
    ap.add_argument("--out", type=Path, default=None, help="write the Markdown table here")
    args = ap.parse_args(argv)
    before = load()
    large = (args.repeat_l or args.repeat, set(args.skip_l))
    rows = bench(args.sizes, args.repeat, set(args.skip), large)
    text = markdown(rows, args.repeat, argv, before, load(), large[0] if "L" in args.sizes else None)
    print(text)
    if args.out:
        notes = ""  # a hand-written section after the marker (profile summary, gaps) survives a re-run
        if args.out.exists() and NOTES in (old := args.out.read_text(encoding="utf-8")):
            notes = "\n" + NOTES + old.split(NOTES, 1)[1]
        args.out.write_text(text + notes, encoding="utf-8")
    crashed = [r for r in rows if r["crashed"]]
    for r in crashed:
        print(f"CRASHED: {r['size']} {r['command']} (exit {r['exit']}):\n{r['stderr']}", file=sys.stderr)
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
