"""``ptxl docs`` for the demo cohort: workbook in clear against the same workbook encrypted, side by side.

    python bench/protect_bench.py [--repeat 5] [--pdf]

Builds the demo workbook (24 families, 14 admitted: 96 Word documents) in a
temporary folder, encrypts a copy with msoffcrypto-tool (what Excel's "Encrypt
with password" writes), then runs ``python -m ptxl docs W --out D --force`` on
each, alternating plain / encrypted, ``--repeat`` times. Whole processes, as a
user pays them: wall time and the child's CPU (user + system). The encrypted
run decrypts the workbook in memory and encrypts (and verifies) every document
(AES-256, ECMA-376 agile); ``--pdf`` adds the PDFs (one LibreOffice call, with
an open password for the encrypted run).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "bench-password"


def _run(workbook: Path, out: Path, pdf: bool) -> tuple[float, float]:
    env = dict(os.environ, PTXL_PASSWORD=PASSWORD, PYTHONPATH=str(ROOT))
    env.pop("PTXL_OUTPUT_PASSWORD", None)
    cmd = [sys.executable, "-m", "ptxl", "docs", str(workbook), "--out", str(out), "--force"] + (
        ["--pdf"] if pdf else [])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pdf", action="store_true", help="also write the PDFs (needs LibreOffice)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from ptxl import crypto
    from ptxl.demo import write_demo_workbook
    with tempfile.TemporaryDirectory(prefix="ptxl-protect-bench-") as tmp:
        tmp = Path(tmp)
        (tmp / "plain").mkdir()
        (tmp / "enc").mkdir()
        plain = write_demo_workbook(tmp / "plain" / "w.xlsx")
        enc = tmp / "enc" / "w.xlsx"
        enc.write_bytes(crypto.encrypt(plain.read_bytes(), PASSWORD))
        times = {"plain": [], "encrypted": []}
        _run(plain, tmp / "warm", args.pdf)  # bytecode cache and disk cache, not measured
        for _ in range(args.repeat):
            for label, book in (("plain", plain), ("encrypted", enc)):
                times[label].append(_run(book, tmp / f"out-{label}", args.pdf))
        n_docs = sum(1 for _ in (tmp / "out-encrypted").rglob("*.docx"))
        n_pdf = sum(1 for _ in (tmp / "out-encrypted").rglob("*.pdf"))
    med = {k: (statistics.median(w for w, _c in v), statistics.median(c for _w, c in v)) for k, v in times.items()}
    print(f"ptxl docs, demo cohort ({n_docs} .docx{f', {n_pdf} .pdf' if n_pdf else ''}), "
          f"{args.repeat} alternating runs each, medians:")
    print("| workbook | wall s | CPU s |")
    print("|---|---|---|")
    for k, (w, c) in med.items():
        print(f"| {k} | {w:.2f} | {c:.2f} |")
    print(f"| ratio encrypted / plain | {med['encrypted'][0] / med['plain'][0]:.2f} | "
          f"{med['encrypted'][1] / med['plain'][1]:.2f} |")
    print("all runs (wall, CPU):", {k: [(round(w, 2), round(c, 2)) for w, c in v] for k, v in times.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
