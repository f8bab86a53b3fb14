"""A zip bomb made from a real workbook, and what refusing it costs a whole ``ptxl validate`` process.

The families sheet of a workbook built by ptxl is replaced by a part of repeated
rows that inflates to ``--mb`` MiB (2 GiB by default) and deflates to a few MB.
It is written streaming with ``zipfile`` (one MiB at a time), so building it
takes seconds and little memory. Then ``python -m ptxl validate`` runs on it as
a fresh process, ``--repeat`` times: wall time, the child's CPU time and peak
memory (``wait4``), exit code and the first words of its message. The target
(issue 14): refused in under 5 s at under 300 MB peak.

With ``--unguarded`` it also runs once with the limits raised past the bomb
(``PTXL_MAX_*`` variables): what the limits spare. That run reads gigabytes;
``--cap-mb`` puts a memory cap on it (``RLIMIT_AS``) so it cannot take the machine.

    python bench/zipbomb.py                     # 2 GiB part, 5 runs
    python bench/zipbomb.py --mb 512 --unguarded --cap-mb 3000
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
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

CHUNK = 1 << 20
HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.'
        b'org/spreadsheetml/2006/main"><sheetData>')
ROW = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
TAIL = b"</sheetData></worksheet>"


def write_bomb(source: Path, target: Path, mb: int = 2048, sheet_key: str = "families") -> Path:
    """``source`` with the part of sheet ``sheet_key`` replaced by ``mb`` MiB of repeated rows (deflated)."""
    from ptxl.schema import LANGS, get_schema
    from ptxl.read.sheetxml import sheet_parts
    sheet = get_schema().sheet(sheet_key)
    with zipfile.ZipFile(source) as zin:
        parts = sheet_parts(zin, source.name)
        part = next(parts[n] for n in (sheet.name(lang) for lang in LANGS) if n in parts)
        with zipfile.ZipFile(target, "w") as zout:
            for info in zin.infolist():
                if info.filename != part:
                    zout.writestr(info, zin.read(info))
            bomb = zipfile.ZipInfo(part, date_time=zin.getinfo(part).date_time)
            bomb.compress_type = zipfile.ZIP_DEFLATED
            bomb._compresslevel = 1  # level 1: 2 GiB deflate in ~4 s (to ~9 MB); the ratio is ~230
            size = mb * CHUNK
            rows = ROW * (CHUNK // len(ROW))
            with zout.open(bomb, "w", force_zip64=size > zipfile.ZIP64_LIMIT) as out:
                out.write(HEAD)
                written = len(HEAD) + len(TAIL)
                while written + len(rows) <= size:
                    out.write(rows)
                    written += len(rows)
                out.write(ROW * ((size - written) // len(ROW)))
                out.write(TAIL)
    return target


def run_once(argv: list[str], env: dict, cap_mb: int | None = None) -> dict:
    """One fresh process: wall time, CPU and peak memory of the child alone (wait4), exit code, message."""
    def cap():
        if cap_mb:
            resource.setrlimit(resource.RLIMIT_AS, (cap_mb << 20, cap_mb << 20))
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, preexec_fn=cap)
    err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.stderr.close()
    return {"wall": time.perf_counter() - t0, "cpu": usage.ru_utime + usage.ru_stime,
            "rss_mb": usage.ru_maxrss / 1024, "exit": os.waitstatus_to_exitcode(status),
            "message": err.decode("utf-8", "replace").strip()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=2048, help="what the bomb's sheet part inflates to (MiB)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--unguarded", action="store_true", help="also run once with the limits raised past the bomb")
    ap.add_argument("--cap-mb", type=int, default=None, help="address-space cap of the unguarded run (MiB)")
    args = ap.parse_args(argv)
    from ptxl.build.workbook import build_workbook
    env = {k: v for k, v in os.environ.items() if not k.startswith("PTXL_MAX_")}
    env["PYTHONPATH"] = str(HERE.parent)
    with tempfile.TemporaryDirectory() as tmp:
        base = build_workbook(Path(tmp) / "base.xlsx", "fr")
        t = time.perf_counter()
        bomb = write_bomb(base, Path(tmp) / "bomb.xlsx", args.mb)
        print(f"bomb: {bomb.stat().st_size / 1e6:.1f} MB on disk, one part of {args.mb} MiB; built in "
              f"{time.perf_counter() - t:.1f} s")
        before = bomb.read_bytes()
        cmd = [sys.executable, "-m", "ptxl", "validate", str(bomb)]
        blank = [sys.executable, "-m", "ptxl", "validate", str(base)]  # side by side: the blank workbook it came from
        run_once(cmd, env), run_once(blank, env)  # untimed: caches
        runs, ref = [], []
        for _ in range(args.repeat):  # interleaved, so the load of the machine hits both alike
            runs.append(run_once(cmd, env))
            ref.append(run_once(blank, env))
        for label, rs in (("bomb", runs), ("blank workbook", ref)):
            print(f"ptxl validate {label} (limits on), {args.repeat} runs: median wall "
                  f"{statistics.median(r['wall'] for r in rs):.3f} s, max wall {max(r['wall'] for r in rs):.3f} s, "
                  f"median CPU {statistics.median(r['cpu'] for r in rs):.3f} s, peak RSS "
                  f"{max(r['rss_mb'] for r in rs):.0f} MB, exit {sorted({r['exit'] for r in rs})}")
        ratio = statistics.median(r["cpu"] for r in runs) / statistics.median(r["cpu"] for r in ref)
        print(f"  bomb / blank workbook, median CPU: {ratio:.2f}")
        print(f"  message: {runs[-1]['message'][:160]}…")
        peak = max(r["rss_mb"] for r in runs)
        ok = sorted({r["exit"] for r in runs}) == [2] and max(r["wall"] for r in runs) < 5 and peak < 300
        if args.unguarded:
            raised = dict(env, PTXL_MAX_UNZIPPED_MB=str(args.mb * 2), PTXL_MAX_PART_MB=str(args.mb * 2),
                          PTXL_MAX_RATIO="100000")
            r = run_once(cmd, raised, args.cap_mb)
            print(f"ptxl validate (limits raised{f', cap {args.cap_mb} MiB' if args.cap_mb else ''}), 1 run: wall "
                  f"{r['wall']:.3f} s, CPU {r['cpu']:.3f} s, peak RSS {r['rss_mb']:.0f} MB, exit {r['exit']}")
            print(f"  message: {r['message'][-160:]}")
        assert bomb.read_bytes() == before, "the bomb file changed"
    print("target (exit 2, < 5 s, < 300 MB):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
