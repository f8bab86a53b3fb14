"""``ptxl network`` on a network of pilots: time and peak memory of the whole process.

Seven synthetic pilots of 1,000 cases each (the network's seven countries; fr, nl and en
workbooks; four pilots whose case is one person; one pilot that does not ask
``g2_cooperate_conditions`` while its column still holds answers, so the ``summary.not_asked``
warnings are part of the cost), written through ptxl's builder into ``bench/out/network/``
(not committed; made on first use). Measured side by side in the same run, alternating:
``python -m ptxl network`` on the seven files (``--out`` and ``--json``) against the floor
of seven ``python -m ptxl stats --json`` processes, one per pilot (what a network adding
up the pilots' own statistics by hand would run). Wall time, child CPU and peak RSS
(``wait4``); medians of ``--repeat`` runs.

    python bench/network_bench.py --cases 1000 --repeat 3
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import REFERENCE, family_rows  # noqa: E402
from ptxl.build.workbook import build_workbook  # noqa: E402

# location, language, unit, questions not asked
PILOTS = (
    ("Bruxelles (BE)", "fr", "family", None),
    ("Sofia (BG)", "en", "person", None),
    ("Nicosia (CY)", "en", "person", "g2_cooperate_conditions"),
    ("Athens (GR)", "en", "person", None),
    ("Roma (IT)", "fr", "family", None),
    ("Warszawa (PL)", "en", "person", None),
    ("London (UK)", "nl", "family", None),
)
OUT = Path(__file__).resolve().parent / "out" / "network"


def pilot_rows(index: int, cases: int, unit: str, prefix: str) -> dict:
    """``cases`` synthetic cases of one pilot (seeded by its index); a person's case keeps one member."""
    rng = random.Random(7_000 + index)
    rows: dict = {}
    for i in range(1, cases + 1):
        case = family_rows(i, rng)
        cid = f"{prefix}-{i:05d}"
        for items in case.values():
            for r in items:
                r["case_id"] = cid
        if unit == "person":
            case["members"] = case["members"][:1]
            for m in case["members"]:
                m["role"], m["member_id"] = "other_adult", f"{cid}-1"
        for key, items in case.items():
            rows.setdefault(key, []).extend(items)
    return rows


def write_pilot(index: int, cases: int, out_dir: Path, name: str | None = None) -> Path:
    location, lang, unit, not_asked = PILOTS[index % len(PILOTS)]
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / (name or f"pilot_{index + 1}_{cases}.xlsx")
    settings = {"organisation": "Benchmark (fictional)", "project_location": location, "reference_date": REFERENCE,
                "evaluation_unit": unit, "questions_not_asked": not_asked}
    return build_workbook(path, lang, pilot_rows(index, cases, unit, "PT"), settings)


def ensure_pilots(n: int, cases: int, out_dir: Path = OUT) -> list[Path]:
    paths = [out_dir / f"pilot_{i + 1}_{cases}.xlsx" for i in range(n)]
    return [p if p.exists() else write_pilot(i, cases, out_dir) for i, p in enumerate(paths)]


def run(cmd: list[str]) -> tuple[float, float, int]:
    """(wall s, child CPU s, peak RSS MB) of one process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pilots", type=int, default=7)
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    paths = [str(p) for p in ensure_pilots(args.pilots, args.cases)]
    py = [sys.executable, "-m", "ptxl"]
    results = {"network --out": [], "network --json": [], "7 x stats --json (floor)": []}
    for _ in range(args.repeat):
        out = Path(tempfile.mkdtemp(prefix="ptxl-net-"))
        results["network --out"].append(run(py + ["network", *paths, "--out", str(out)]))
        shutil.rmtree(out)
        results["network --json"].append(run(py + ["network", *paths, "--json"]))
        runs = [run(py + ["stats", p, "--json"]) for p in paths]
        results["7 x stats --json (floor)"].append((sum(r[0] for r in runs), sum(r[1] for r in runs),
                                                     max(r[2] for r in runs)))
    size = sum(Path(p).stat().st_size for p in paths) / 1e6
    print(f"{args.pilots} pilots x {args.cases} cases ({size:.1f} MB of workbooks), median of {args.repeat}:")
    floor = statistics.median(r[0] for r in results["7 x stats --json (floor)"])
    print("| command | wall (s) | CPU (s) | peak RSS (MB) | wall / floor |\n|---|---|---|---|---|")
    for name, rs in results.items():
        wall, cpu, rss = (statistics.median(r[i] for r in rs) for i in range(3))
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {wall / floor:.2f} |")


if __name__ == "__main__":
    main()
