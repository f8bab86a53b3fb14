"""The demo workbook printed by LibreOffice: every header and dropdown label whole, no date as ###.

What is checked, sheet by sheet (a page belongs to the sheet named in its running
header): on the entry sheets every column header and every dropdown label typed
in the demo; on the output sheets, the home sheet and the settings every text
cell (titles, questions, table headers, answer labels, messages). Each must be
found whole on one of its sheet's pages by ``pdf_words.whole_on_page``: its words
in order, each exact, on one line or wrapped inside its cell. A label cut at the
edge of a narrow cell, or broken after a hyphen, is not found.
"""

from __future__ import annotations

import python_calamine as pc
import pytest

from pdf_words import pdf_words, running_header, whole_on_page
from ptxl.demo import write_demo_workbook
from ptxl.refresh import refresh_workbook
from ptxl.schema import get_schema
from tools import libreoffice_pdf

SCH = get_schema()


LANGS = ("fr", "nl", "en")


@pytest.fixture(scope="module", params=LANGS)
def printed(tmp_path_factory, request):
    folder = tmp_path_factory.mktemp(f"print_{request.param}")
    book = write_demo_workbook(folder / "plan_together_demo.xlsx", request.param)
    refresh_workbook(book, keep_backups=0)
    pdf = libreoffice_pdf([book], folder)[0]
    pages: dict[str, list] = {}
    for width, words in pdf_words(pdf):
        pages.setdefault(running_header(words, width), []).append(words)
    return book, pages, request.param


def _texts(book, lang: str) -> dict[str, set[str]]:
    """Sheet name → the texts that must print whole (see the module's docstring)."""
    wb = pc.CalamineWorkbook.from_path(str(book))
    out = {}
    for sheet in SCH.sheets:
        if sheet.kind == "lists":
            continue
        name = sheet.name(lang)
        rows = wb.get_sheet_by_name(name).to_python()
        if sheet.kind == "entry":
            want = {c.header(lang) for c in sheet.columns}
            for j, c in enumerate(sheet.columns):
                if c.scale is not None:
                    want |= {r[j] for r in rows[1:] if j < len(r) and isinstance(r[j], str) and r[j]}
        else:  # the settings' first column (ptxl's keys) is hidden: staff read the labels
            skip = 1 if sheet.kind == "settings" else 0
            want = {v for r in rows for v in r[skip:] if isinstance(v, str) and v.strip()}
        out[name] = {" ".join(t.split()) for t in want}
    return out


def test_the_demo_prints_every_sheet(printed):
    _book, pages, lang = printed
    assert {s.name(lang) for s in SCH.sheets if s.kind != "lists"} <= set(pages)


@pytest.mark.parametrize("key", [s.key for s in SCH.sheets if s.kind != "lists"])
def test_every_label_and_header_prints_whole(printed, key):
    book, pages, lang = printed
    sheet = SCH.sheet(key).name(lang)
    missing = sorted(t for t in _texts(book, lang)[sheet] if not any(whole_on_page(t, words)
                                                                      for words in pages[sheet]))
    assert missing == []


def test_no_date_or_number_prints_as_hashes(printed):
    _book, pages, _lang = printed
    hashes = {name for name, ps in pages.items() for words in ps for w in words if "###" in w.text}
    assert hashes == set()
