"""What one click on "Actualiser les statistiques" costs, measured without Excel.

    XLWINGS_LICENSE_KEY=noncommercial python bench/excel_button.py [--runs 5] [--without matplotlib]

Each run is a fresh Python process, as RunPython starts one per click. It imports
xlwings (RunPython's bootstrap does too), builds an ``xlwings.Book`` from the JSON
picture of the demo workbook with xlwings' remote engine (the stand-in for
``Book.caller()``; not part of a real click, reported apart), then runs
``ptxl.excel.refresh(book)``. Printed: the wall time from process start to the end
of ``refresh()`` as seen by the parent, and the child's phases.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = r"""
import time
t0 = time.perf_counter()
import json, os, sys
for blocked in sys.argv[2].split(","):
    if blocked:
        sys.modules[blocked] = None  # as if not installed: xlwings then skips it
import xlwings as xw
t1 = time.perf_counter()
book = xw.Book(json=json.load(open(sys.argv[1], encoding="utf-8")))
t2 = time.perf_counter()
import ptxl.excel
ptxl.excel.refresh(book)
t3 = time.perf_counter()
acts = book.json()["actions"]
failed = [a["args"][0] for a in acts if a["func"] == "alert" and a["args"][3] == "critical"]
heavy = sorted(m for m in ("pandas", "docx", "docxtpl", "openpyxl", "matplotlib", "lxml") if sys.modules.get(m) is not None)
print(json.dumps({"import_xlwings": t1 - t0, "book_from_json": t2 - t1, "refresh": t3 - t2,
                  "actions": len(acts), "failed": failed, "loaded": heavy}))
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--without", default="", help="modules to hide, e.g. matplotlib (as if not installed)")
    args = ap.parse_args()
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "tests"))
    os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
    from ptxl.demo import write_demo_workbook
    from test_excel import book_json
    with tempfile.TemporaryDirectory() as tmp:
        demo = write_demo_workbook(Path(tmp) / "demo.xlsx")
        picture = Path(tmp) / "demo.json"
        picture.write_text(json.dumps(book_json(demo)), encoding="utf-8")
        walls, phases = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", CHILD, str(picture), args.without], capture_output=True, text=True,
                                 cwd=tmp, check=True)
            walls.append(time.perf_counter() - start)
            phases.append(json.loads(out.stdout.strip().splitlines()[-1]))
    if phases[-1]["failed"]:
        print("refresh FAILED:", phases[-1]["failed"][0])
        return 1
    med = {k: statistics.median(p[k] for p in phases) for k in ("import_xlwings", "book_from_json", "refresh")}
    wall = statistics.median(walls)
    print(f"runs: {args.runs}; hidden: {args.without or 'none'}; actions sent back: {phases[-1]['actions']}; heavy modules loaded: "
          f"{phases[-1]['loaded']}")
    print(f"process start -> end of refresh(): {wall:.2f} s median (min {min(walls):.2f} s)")
    print(f"  import xlwings {med['import_xlwings']:.2f} s | Book from JSON (test stand-in) "
          f"{med['book_from_json']:.2f} s | ptxl.excel.refresh() {med['refresh']:.2f} s")
    print(f"  estimate for a click (wall minus the JSON stand-in): {wall - med['book_from_json']:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
