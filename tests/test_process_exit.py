"""A ``ptxl`` process ends with ``os._exit`` once its command is done (``gcpause.end_process``): nothing is lost.

Real subprocesses (``python -m ptxl``, what the console script runs), their stdout and stderr pipes
block-buffered as in a script: the workbook a refresh replaced is complete and the same as an
in-process refresh writes (every zip part but the refresh time's), the backup is kept, every byte
printed reaches the pipe (a large ``--json`` document parses whole), and the exit code is the
command's: 0 clean, 1 entry errors, 2 a file problem.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from ptxl.build.workbook import build_workbook
from ptxl.refresh import refresh_workbook

ROOT = Path(__file__).resolve().parents[1]


NOW = dt.datetime(2024, 3, 1, 10, 0)
# ``python -m ptxl`` as ``__main__`` runs it (``cli.run``), the refresh's clock pinned to NOW so that the
# workbook can be compared byte for byte with an in-process refresh
PINNED = ("import datetime, sys, ptxl.pipeline as p\n"
          "class Clock(datetime.datetime):\n"
          "    @classmethod\n"
          "    def now(cls, tz=None):\n"
          f"        return datetime.datetime({NOW.year}, {NOW.month}, {NOW.day}, {NOW.hour}, {NOW.minute})\n"
          "class Dt:\n"
          "    datetime, date, timedelta = Clock, datetime.date, datetime.timedelta\n"
          "p.dt = Dt\n"
          "sys.argv[0] = 'ptxl'\n"
          "from ptxl.cli import run\n"
          "run()\n")


def ptxl(*args, cwd: Path, pinned: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", PINNED] if pinned else [sys.executable, "-m", "ptxl"]
    return subprocess.run([*command, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def parts(path: Path) -> dict:
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        return {name: z.read(name) for name in z.namelist()}


def with_errors(path: Path) -> Path:
    """A small workbook whose summary row has a value outside its scale: an entry error."""
    family = {"case_id": "PT-001", "family_name": "Démo", "status": "active", "admission_date": dt.date(2022, 5, 1),
              "referral_date": dt.date(2022, 4, 1), "case_manager": "Tom", "nationality": "Irak"}
    rows = {"families": [family],
            "summary": [{"case_id": "PT-001", "review_date": dt.date(2023, 1, 10), "engagement_capacity": "some",
                         "g1_more_information": "Peut-être"}]}
    return build_workbook(path, "fr", rows, {"reference_date": dt.date(2023, 2, 28)})


def test_refresh_process_writes_the_whole_workbook_and_says_so(tmp_path, demo_bytes):
    sub, here = tmp_path / "sub", tmp_path / "here"
    sub.mkdir(), here.mkdir()
    (sub / "demo.xlsx").write_bytes(demo_bytes)
    (here / "demo.xlsx").write_bytes(demo_bytes)
    proc = ptxl("refresh", "demo.xlsx", cwd=sub, pinned=True)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout.strip().startswith("demo.xlsx") and "backups" in proc.stdout  # the summary's last words too
    written = parts(sub / "demo.xlsx")
    assert written != parts_of_bytes(demo_bytes, tmp_path)  # it did replace the workbook
    [backup] = (sub / ".ptxl-backups").iterdir()
    assert backup.read_bytes() == demo_bytes
    refresh_workbook(here / "demo.xlsx", now=NOW)
    assert written == parts(here / "demo.xlsx")


def parts_of_bytes(data: bytes, tmp: Path) -> dict:
    p = tmp / "orig.xlsx"
    p.write_bytes(data)
    return parts(p)


def test_refresh_with_entry_errors_exits_1_and_validate_json_is_whole(tmp_path):
    book = with_errors(tmp_path / "errors.xlsx")
    proc = ptxl("validate", book.name, "--json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)  # every byte of the buffered pipe arrived
    assert any(f["severity"] == "error" for f in report)
    before = book.read_bytes()
    proc = ptxl("refresh", book.name, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert book.name in proc.stdout and "Traceback" not in proc.stderr
    assert parts(book) and book.read_bytes() != before


def test_stats_json_reaches_the_pipe_whole(tmp_path, demo_bytes):
    (tmp_path / "demo.xlsx").write_bytes(demo_bytes)
    proc = ptxl("stats", "demo.xlsx", "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout) > 2000
    assert json.loads(proc.stdout)["reference_date"]


def test_file_problem_exits_2_with_its_message(tmp_path):
    proc = ptxl("refresh", "missing.xlsx", cwd=tmp_path)
    assert proc.returncode == 2
    assert "missing.xlsx" in proc.stderr and "Traceback" not in proc.stderr
    assert not any(tmp_path.iterdir())  # nothing written, not even a backup folder


def test_only_a_ptxl_process_leaves_its_refresh_to_the_exit(tmp_path, demo_bytes):
    """``gcpause.outlive`` keeps the refresh's results for ``os._exit`` only in a process that ends by it:
    a library call (a test, the Excel entry points) frees them as usual."""
    from ptxl import gcpause
    book = tmp_path / "demo.xlsx"
    book.write_bytes(demo_bytes)
    refresh_workbook(book, now=NOW)
    assert gcpause._LEFT_TO_EXIT == []
    code = ("import sys\nfrom ptxl import gcpause\nfrom ptxl.refresh import refresh_workbook\n"
            "gcpause.ending_by_exit()\nrefresh_workbook(sys.argv[1])\n"
            "kept = [type(o).__name__ for objs in gcpause._LEFT_TO_EXIT for o in objs]\n"
            "print(kept)\ngcpause.end_process(0)\n")
    proc = subprocess.run([sys.executable, "-c", code, str(book)], capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "['Results', 'dict']"
    assert parts(book)
