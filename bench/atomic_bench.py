"""What writing whole-or-nothing costs: ``write.atomic`` against a plain write, side by side.

    python bench/atomic_bench.py [--files 300] [--size S] [--rounds 5]

Part 1 writes ``--files`` files of a case document's size (annex A of the
benchmark workbook's first family) into a fresh folder three ways, alternating round by round: a plain
exclusive create (``open(path, "xb")``, what ``ptxl docs`` did before), and
``write_atomic`` exclusive and replacing (temp file, fsync, link or rename,
folder fsync), and exclusive with the folder synced once at the end (what
``ptxl docs`` does: once per case folder). Part 2 times the whole ``generate_documents`` call on the
benchmark workbook, with its writer as it is and with the plain write put back,
alternating. The figure to read is the ratio within one run: the fsync cost
depends on the disk (a laptop SSD, a network share) far more than on ptxl.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ptxl.docs import generate as gen  # noqa: E402
from ptxl.validate import Loaded  # noqa: E402
from ptxl.write.atomic import sync_folder, write_atomic  # noqa: E402

OUT = Path(__file__).parent / "out"  # the disk the benchmark workbooks are on (not committed)


def plain(path: Path, data: bytes, overwrite: bool = False) -> None:
    with open(path, "wb" if overwrite else "xb") as fh:
        fh.write(data)


WAYS = {
    "plain open(xb)": lambda p, d: plain(p, d),
    "write_atomic exclusive": lambda p, d: write_atomic(p, d, overwrite=False),
    "write_atomic replace": lambda p, d: write_atomic(p, d),
    "exclusive, folder later": lambda p, d: write_atomic(p, d, overwrite=False, sync_folder=False),
}


def _plain_write_new(path, data, force, lang=None):
    """``generate.write_new`` as it was before write.atomic (no temp, no fsync)."""
    plain(path, data, overwrite=force)
    return path, False


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--size", default="S", help="benchmark workbook (S, M, L)")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).parent))
    from generate import ensure
    from ptxl.validate import load_workbook
    ds = load_workbook(ensure(args.size)).dataset
    data = _a_document(ds)
    OUT.mkdir(exist_ok=True)

    times = {w: [] for w in WAYS}
    for _ in range(args.rounds):
        for way, write in WAYS.items():
            with tempfile.TemporaryDirectory(dir=OUT) as tmp:
                t0 = time.perf_counter()
                for i in range(args.files):
                    write(Path(tmp) / f"doc_{i}.docx", data)
                sync_folder(Path(tmp))
                times[way].append((time.perf_counter() - t0) / args.files)
    base = statistics.median(times["plain open(xb)"])
    print(f"part 1: {args.files} files of {len(data) / 1024:.0f} kB, {args.rounds} rounds, median per file")
    for way, ts in times.items():
        m = statistics.median(ts)
        print(f"  {way:24s} {m * 1000:7.3f} ms  x{m / base:5.2f}")

    atomic_write_new = gen.write_new
    runs = {"atomic (as shipped)": [], "plain (before)": []}
    n = 0
    for _ in range(args.rounds):
        for label, writer in (("atomic (as shipped)", atomic_write_new), ("plain (before)", _plain_write_new)):
            gen.write_new = writer
            try:
                with tempfile.TemporaryDirectory(dir=OUT) as tmp:
                    t0 = time.perf_counter()
                    n = len(gen.generate_documents(Loaded(ds), tmp))
                    runs[label].append(time.perf_counter() - t0)
            finally:
                gen.write_new = atomic_write_new
    base = statistics.median(runs["plain (before)"])
    print(f"part 2: generate_documents on {args.size} ({n} documents), {args.rounds} rounds, median")
    for label, ts in runs.items():
        m = statistics.median(ts)
        print(f"  {label:24s} {m:7.3f} s   {n / m:6.0f} documents/s  x{m / base:5.2f}")
    return 0


def _a_document(ds) -> bytes:
    """One real case document (annex A of the workbook's first family), rendered in memory."""
    from ptxl.docs.context import BUILDERS
    from ptxl.docs.render import load_template
    from ptxl.paths import templates_dir
    from ptxl.stats.casefiles import case_files
    ix = case_files(ds)
    case = next(iter(ix.cases.values()))
    doc = "fiche_de_base"
    tpl = load_template(templates_dir() / ds.lang / f"{doc}.docx", ds.lang, gen.context_keys(doc))
    return tpl.render(BUILDERS[doc](ix, case))


if __name__ == "__main__":
    sys.exit(main())
