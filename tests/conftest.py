"""Shared fixtures: blank workbooks built once per test session (building one takes ~0.3 s)."""

from __future__ import annotations

import pytest

from ptxl.build.workbook import build_workbook
from ptxl.schema import LANGS


@pytest.fixture(autouse=True)
def _no_language_from_the_environment(monkeypatch):
    """The command line reads PTXL_LANG and the locale (``ptxl.cli_usage.env_lang``): tests that want one set
    it; the others run as on a machine that says none, whatever the developer's shell says."""
    for name in ("PTXL_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(scope="session")
def blank_workbooks(tmp_path_factory) -> dict:
    """lang → path of a blank workbook written by build_workbook, for fr, nl and en."""
    folder = tmp_path_factory.mktemp("blank")
    return {lang: build_workbook(folder / f"blank_{lang}.xlsx", lang) for lang in LANGS}


@pytest.fixture(scope="session")
def blank_fr(blank_workbooks):
    return blank_workbooks["fr"]


@pytest.fixture(scope="session")
def demo_bytes(tmp_path_factory) -> bytes:
    """The fictional demo cohort's workbook, as bytes: tests copy it where they need it."""
    from ptxl.demo import write_demo_workbook
    return write_demo_workbook(tmp_path_factory.mktemp("demo") / "demo.xlsx").read_bytes()
