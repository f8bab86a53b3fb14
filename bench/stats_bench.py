"""Time ``compute_stats`` alone (after reading) on a large cohort: the target is < 1 s for 10,000 families.

The cohort is the benchmark generator's (bench/generate.py, seeded, fictional),
turned into a Dataset in memory, so only the statistics are timed. With
``--workbook`` an existing workbook is read with ``load_workbook`` first (the
read time is printed apart, for context).

    python bench/stats_bench.py --families 10000 --repeat 5
    python bench/stats_bench.py --workbook bench/out/bench_M.xlsx
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ptxl.dataset import Dataset  # noqa: E402
from ptxl.stats import compute_stats  # noqa: E402


def synthetic(n: int) -> Dataset:
    from generate import REFERENCE, family_rows
    rng = random.Random(20230228 + n)
    rows: dict[str, list] = {}
    for i in range(1, n + 1):
        for key, items in family_rows(i, rng).items():
            rows.setdefault(key, []).extend(items)
    return Dataset.from_rows(rows, {"reference_date": REFERENCE})


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--families", type=int, default=10_000)
    ap.add_argument("--workbook", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    if args.workbook:
        from ptxl.validate import load_workbook
        ds = load_workbook(args.workbook).dataset
        what = f"read {args.workbook}"
    else:
        ds = synthetic(args.families)
        what = f"built {args.families} synthetic families in memory"
    print(f"{what}: {time.perf_counter() - t0:.2f} s; rows: "
          + ", ".join(f"{k} {len(v)}" for k, v in ds.tables.items()))
    times = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        result = compute_stats(ds)
        times.append(time.perf_counter() - t)
    print(f"compute_stats: median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms "
          f"over {args.repeat} runs (N reviewed = {result['impact']['n']}, "
          f"admitted = {result['cohort']['families_admitted']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
