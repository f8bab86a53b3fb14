"""How long does validating a benchmark workbook take, in process and as a fresh command? Not a test.

The workbook is bench/generate.py's (M by default: 1,000 families, ~45,000 rows,
written as staff would type them by ``build_workbook``). Two figures:
- in-process ``load_workbook`` (read + normalise + all rules), best and median of N runs,
  with the share of each stage from the last run;
- a fresh ``ptxl validate --json`` process (what one Excel click pays, imports included).

    python bench/validate_bench.py [--size M] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import SIZES, ensure  # noqa: E402


def stages(path: Path) -> dict:
    """CPU seconds of each stage of ``load_workbook``, once."""
    from ptxl import normalise, read
    from ptxl.rules import structure
    from ptxl.validate import validate_dataset
    t = [time.process_time()]
    raw = read.read_workbook(path)
    t.append(time.process_time())
    ctx = normalise.context_for(raw)
    structure.check(raw, ctx)
    ds, _found = normalise.normalise(raw, ctx)
    t.append(time.process_time())
    validate_dataset(ds, ds.reference_date, ctx)
    t.append(time.process_time())
    return dict(zip(("read (calamine + tables)", "normalise", "rules"), (b - a for a, b in zip(t, t[1:]))))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", default="M", choices=sorted(SIZES))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    path = ensure(args.size)
    print(f"workbook: {path.name}, {SIZES[args.size]} families, {path.stat().st_size / 1e6:.1f} MB")
    from ptxl.validate import load_workbook
    times, cpu = [], []
    for _ in range(args.runs):
        t, c = time.perf_counter(), time.process_time()
        loaded = load_workbook(path)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    rows = sum(len(df) for df in loaded.dataset.tables.values())
    print(f"load_workbook (in process): wall best {min(times):.2f} s, median {statistics.median(times):.2f} s;"
          f" CPU best {min(cpu):.2f} s; {args.runs} runs; {rows} rows, {len(loaded.findings)} findings")
    print("  stages (CPU s): " + ", ".join(f"{k} {v:.3f}" for k, v in stages(path).items()))
    t = time.perf_counter()
    before = os.times()
    proc = subprocess.run([sys.executable, "-m", "ptxl", "validate", str(path), "--json"],
                          capture_output=True, text=True)
    after = os.times()
    child_cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    print(f"fresh process 'ptxl validate --json': wall {time.perf_counter() - t:.2f} s, CPU {child_cpu:.2f} s "
          f"(exit {proc.returncode}); wall > CPU means other work shares the machine")
    return 0 if proc.returncode in (0, 1) else 1


if __name__ == "__main__":
    sys.exit(main())
