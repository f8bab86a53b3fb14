"""Regenerate the committed blank workbook, or check that it is up to date.

``python -m ptxl.build`` rewrites ``workbook/plan_together.xlsx`` (French) from the
forms; ``python -m ptxl.build --check`` exits 1 when the committed file differs
from what the forms give. Two builds compare equal part by part once the
creation time in ``docProps/core.xml`` is set aside (the idea of XlsxWriter's own
comparison tests); the committed file also has a fixed creation time, so a
regeneration without form changes gives the very same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
import zipfile
from pathlib import Path

from ..schema import DEFAULT_LANG
from .workbook import build_workbook

COMMITTED = Path(__file__).resolve().parents[2] / "workbook" / "plan_together.xlsx"
CREATED = dt.datetime(2023, 3, 1)
_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def xlsx_parts(path: str | Path) -> dict[str, bytes]:
    """Every part of the zip, with the creation/modification times blanked."""
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in sorted(zf.namelist())}
    if "docProps/core.xml" in parts:
        parts["docProps/core.xml"] = _TIMES.sub(rb"\1\2", parts["docProps/core.xml"])
    return parts


def differing_parts(a: str | Path, b: str | Path) -> list[str]:
    pa, pb = xlsx_parts(a), xlsx_parts(b)
    return sorted(name for name in set(pa) | set(pb) if pa.get(name) != pb.get(name))


def regenerate(out: Path = COMMITTED, lang: str = DEFAULT_LANG) -> Path:
    from ..write.atomic import write_atomic
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = build_workbook(Path(tmp) / out.name, lang, created=CREATED)
        write_atomic(out, fresh.read_bytes(), overwrite=True)  # a blank form from the forms: nothing to back up
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ptxl.build", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if out of date")
    parser.add_argument("--out", type=Path, default=COMMITTED)
    args = parser.parse_args(argv)
    if args.check:
        if not args.out.exists():
            print(f"{args.out} is missing: run python -m ptxl.build", file=sys.stderr)
            return 1
        with tempfile.TemporaryDirectory() as tmp:
            fresh = build_workbook(Path(tmp) / "fresh.xlsx", DEFAULT_LANG, created=CREATED)
            diff = differing_parts(args.out, fresh)
        if diff:
            print(f"{args.out} is out of date ({', '.join(diff)}): run python -m ptxl.build", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date")
        return 0
    print(f"Wrote {regenerate(args.out)}")
    return 0
