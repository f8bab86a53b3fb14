"""Word documents per second, after reading: the compiled renderer against docxtpl's own render.

    python bench/docs_bench.py [--size M] [--docxtpl 40]

Reads the benchmark workbook (bench/generate.py writes it when missing), then
times: grouping the dataset by case, compiling the templates, building the
contexts and rendering every document of every case in memory, and the whole
``generate_documents`` call writing the files to a temporary folder. One
process, one core. The docxtpl line renders the same contexts through
``DocxTemplate.render(autoescape=True)`` for comparison.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ptxl.docs.context import BUILDERS  # noqa: E402
from ptxl.docs.generate import context_keys, generate_documents  # noqa: E402
from ptxl.docs.render import load_template  # noqa: E402
from ptxl.docs.texts import DOC_TYPES  # noqa: E402
from ptxl.paths import templates_dir  # noqa: E402
from ptxl.stats.casefiles import case_files  # noqa: E402
from ptxl.validate import Loaded  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", default="M", help="benchmark workbook size (S, M, L)")
    ap.add_argument("--docxtpl", type=int, default=40, help="documents to render with plain docxtpl (0: skip)")
    args = ap.parse_args(argv)
    from generate import ensure
    book = ensure(args.size)

    from ptxl.validate import load_workbook
    t0 = time.perf_counter()
    ds = load_workbook(book).dataset
    t_read = time.perf_counter() - t0

    t0 = time.perf_counter()
    ix = case_files(ds)  # grouped by case; each case's figures are computed on first use, timed below
    t_index = time.perf_counter() - t0

    folder = templates_dir() / ds.lang
    t0 = time.perf_counter()
    compiled = {d: load_template(folder / f"{d}.docx", ds.lang, context_keys(d)) for d in DOC_TYPES}
    t_compile = time.perf_counter() - t0

    t_ctx = t_render = 0.0
    n = size = 0
    contexts = []
    for cid in ix.cases:
        for d in DOC_TYPES:
            t0 = time.perf_counter()
            case = ix.cases[cid]  # the first document of a case computes its figures
            ctx = BUILDERS[d](ix, case)
            t1 = time.perf_counter()
            data = compiled[d].render(ctx)
            t_render += time.perf_counter() - t1
            t_ctx += t1 - t0
            n, size = n + 1, size + len(data)
            if len(contexts) < args.docxtpl:
                contexts.append((d, ctx))
    mem_rate = n / (t_ctx + t_render)

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        written = generate_documents(Loaded(ds), tmp)  # a fresh Loaded: its case files computed here
        t_all = time.perf_counter() - t0
    file_rate = len(written) / t_all

    print(f"workbook           {book.name}: {len(ix.cases)} families, read in {t_read:.2f} s (not counted)")
    print(f"index by case      {t_index * 1000:.0f} ms")
    print(f"compile templates  {t_compile * 1000:.0f} ms (4 templates, once)")
    print(f"contexts           {t_ctx / n * 1000:.2f} ms/document")
    print(f"render + zip       {t_render / n * 1000:.2f} ms/document (mean {size / n / 1024:.0f} kB)")
    print(f"in memory          {n} documents, {mem_rate:.0f} documents/s")
    print(f"generate_documents {len(written)} files written in {t_all:.1f} s = {file_rate:.0f} documents/s")

    if contexts:
        from docxtpl import DocxTemplate
        t0 = time.perf_counter()
        for d, ctx in contexts:
            tpl = DocxTemplate(folder / f"{d}.docx")
            tpl.render(ctx, autoescape=True)
            tpl.save(io.BytesIO())
        t = time.perf_counter() - t0
        print(f"plain docxtpl      {len(contexts)} documents, {len(contexts) / t:.0f} documents/s "
              f"({t / len(contexts) * 1000:.0f} ms/document)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
