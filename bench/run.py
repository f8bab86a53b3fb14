"""Benchmark ptxl's commands as whole processes, side by side with the floors, and write a Markdown table.

Every measurement is a fresh process (as each Excel click is), repeated, and
reported as the median; ratios are taken between medians of the same run, so
the noise of this 2-core machine hits both sides alike. Peak memory is the
child's maximum resident set size.

    python bench/run.py --sizes S M --repeat 5 --out bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

PY = sys.executable

FLOOR_OPENPYXL = ("import openpyxl,sys\n"
                  "wb=openpyxl.load_workbook(sys.argv[1],read_only=True,data_only=True)\n"
                  "n=0\n"
                  "for ws in wb.worksheets:\n"
                  "    for row in ws.iter_rows(values_only=True): n+=len(row)\n"
                  "wb.close()")
FLOOR_CALAMINE = ("import python_calamine,sys\n"
                  "wb=python_calamine.CalamineWorkbook.from_path(sys.argv[1])\n"
                  "n=sum(len(r) for s in wb.sheet_names for r in wb.get_sheet_by_name(s).to_python())")


def commands(book: Path, work: Path) -> list[tuple[str, list[str], bool]]:
    """(label, argv, needs a fresh copy of the workbook) — floors first."""
    ptxl = [PY, "-m", "ptxl"]
    return [
        ("python -c pass", [PY, "-c", "pass"], False),
        ("import xlwings", [PY, "-c", "import xlwings"], False),
        ("openpyxl read_only pass (floor)", [PY, "-c", FLOOR_OPENPYXL, str(book)], False),
        ("calamine read (floor)", [PY, "-c", FLOOR_CALAMINE, str(book)], False),
        ("ptxl validate", ptxl + ["validate", str(book), "--json"], False),
        ("ptxl stats", ptxl + ["stats", str(book), "--json"], False),
        ("ptxl refresh", ptxl + ["refresh", "{copy}"], True),
        ("ptxl report", ptxl + ["report", str(book), "--out", str(work / "r.docx"), "--force"], False),
        ("ptxl docs", ptxl + ["docs", str(book), "--out", str(work / "docs"), "--force"], False),
    ]


def run_once(argv: list[str], copy_from: Path | None, work: Path) -> tuple[float, int, int]:
    if copy_from is not None:
        target = work / "copy.xlsx"
        shutil.copyfile(copy_from, target)
        argv = [str(target) if a == "{copy}" else a for a in argv]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=work)
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, proc.returncode, max(peak, before)


def bench(sizes: list[str], repeat: int, skip: set[str]) -> list[dict]:
    from generate import generate

    rows = []
    out_dir = HERE / "out"
    for size in sizes:
        book = out_dir / f"bench_{size}.xlsx"
        if not book.exists():
            generate(size, out_dir)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            cmds = [c for c in commands(book, work) if c[0] not in skip]
            times: dict[str, list[float]] = {c[0]: [] for c in cmds}
            codes: dict[str, int] = {}
            for _ in range(repeat):  # interleave the commands so drift hits all of them alike
                for label, argv, fresh in cmds:
                    if label == "ptxl docs" and (work / "docs").exists():
                        shutil.rmtree(work / "docs")
                    elapsed, code, _peak = run_once(argv, book if fresh else None, work)
                    times[label].append(elapsed)
                    codes[label] = code
            floor = statistics.median(times["openpyxl read_only pass (floor)"])
            base = statistics.median(times["python -c pass"])
            xlw = statistics.median(times.get("import xlwings", [float("nan")]))
            for label, _argv, _fresh in cmds:
                med = statistics.median(times[label])
                rows.append({"size": size, "command": label, "median_s": med, "min_s": min(times[label]),
                             "vs_openpyxl": med / floor, "minus_python": med - base,
                             "minus_xlwings_import": med - xlw, "exit": codes[label],
                             "bytes": book.stat().st_size})
    return rows


def peak_memory(book: Path, argv_tail: list[str]) -> float:
    """Peak RSS (MB) of one process, measured alone (ru_maxrss of a fresh child)."""
    code = ("import resource,subprocess,sys\n"
            "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([PY, "-c", code, PY, "-m", "ptxl", *argv_tail], capture_output=True, text=True)
    return int(out.stdout.strip() or 0) / 1024


def markdown(rows: list[dict], repeat: int, memory: dict) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}. "
        f"Medians of {repeat} runs, each a fresh process; commands interleaved; ratios within one run.",
        "",
        "| size | workbook | command | median (s) | min (s) | × openpyxl read_only | − python start (s) "
        "| − import xlwings (s) | exit |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r['size']} | {r['bytes'] / 1e6:.1f} MB | {r['command']} | {r['median_s']:.3f} | "
                     f"{r['min_s']:.3f} | {r['vs_openpyxl']:.2f} | {r['minus_python']:.3f} | "
                     f"{r['minus_xlwings_import']:+.3f} | {r['exit']} |")
    if memory:
        lines += ["", "Peak memory (MB, one process measured alone):", ""]
        lines += [f"- {k}: {v:.0f} MB" for k, v in memory.items()]
    sizes = sorted({r["size"] for r in rows}, key="SML".index)
    if len(sizes) > 1:
        lines += ["", "Growth (median of `ptxl refresh` minus python start-up, per family):", ""]
        from generate import SIZES
        for s in sizes:
            r = next((x for x in rows if x["size"] == s and x["command"] == "ptxl refresh"), None)
            if r:
                lines.append(f"- {s} ({SIZES[s]} families): {r['minus_python']:.3f} s, "
                             f"{1000 * r['minus_python'] / SIZES[s]:.2f} ms per family")
    return "\n".join(lines) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", default=["S"], choices=["S", "M", "L"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip", nargs="*", default=[], help="command labels to leave out")
    ap.add_argument("--memory", action="store_true", help="also measure peak memory of refresh")
    ap.add_argument("--out", type=Path, default=None, help="write the Markdown table here")
    args = ap.parse_args(argv)
    rows = bench(args.sizes, args.repeat, set(args.skip))
    memory = {}
    if args.memory:
        for size in args.sizes:
            src = HERE / "out" / f"bench_{size}.xlsx"
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / "m.xlsx"
                shutil.copyfile(src, copy)
                memory[f"ptxl refresh {size}"] = peak_memory(copy, ["refresh", str(copy)])
    text = markdown(rows, args.repeat, memory)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    failed = [r for r in rows if r["exit"] not in (0, 1)]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
