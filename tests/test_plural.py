"""Counts in words: "1 erreur", "3 erreurs", never "erreur(s)", in every language of the messages."""

from __future__ import annotations

import re

import pytest

from ptxl.excel import texts as excel_texts
from ptxl import layout
from ptxl.model.dataset import Finding
from ptxl.docs import texts as doc_texts
from ptxl.forms import outputs as O
from ptxl.plural import counted, singular
from ptxl.rules import messages
from ptxl.pipeline import from_stats

HEDGED = re.compile(r"\w\((s|en|e|es|x)\)")  # "erreur(s)", "fout(en)"


def test_singular_follows_each_language():
    assert [singular(n, "fr") for n in (0, 1, 2)] == [True, True, False]  # "0 erreur"
    assert [singular(n, "en") for n in (0, 1, 2)] == [False, True, False]  # "0 errors"
    assert [singular(n, "nl") for n in (0, 1, 2)] == [False, True, False]
    assert singular(1.5, "fr") is True and singular(1.5, "en") is False  # "1,5 heure", "1.5 hours"


def test_counted_chooses_each_fields_ending():
    template = "{e} erreur{e:|s}, {w} avertissement{w:|s}"
    assert counted(template, "fr", e=0, w=1) == "0 erreur, 1 avertissement"
    assert counted(template, "fr", e=3, w=2) == "3 erreurs, 2 avertissements"
    assert counted("{n} fout{n:|en}", "nl", n=0) == "0 fouten"
    assert counted("{n} famil{n:y|ies}, {m:02d}", "en", n=1, m=5) == "1 family, 05"


def _all_message_texts():
    for name in dir(O):
        value = getattr(O, name)
        if isinstance(value, dict):
            yield from (v for v in value.values() if isinstance(v, str))
    for table in (doc_texts.MSG, excel_texts.PY):
        for entry in table.values():
            yield from entry.values()
    for entry in messages.CATALOGUE.values():
        yield from entry[1:]
    for entry in messages.UI.values():
        yield from entry


def test_no_message_hedges_a_plural_with_brackets():
    hedged = [t for t in _all_message_texts() if HEDGED.search(t)]
    assert hedged == []


@pytest.mark.parametrize("lang,line", [("fr", "0 erreur, 1 avertissement. 4 informations, rien à corriger."),
                                       ("en", "0 errors, 1 warning. 4 notes for information, nothing to correct."),
                                       ("nl", "0 fouten, 1 waarschuwing. 4 meldingen ter informatie, niets te "
                                              "verbeteren.")])
def test_the_checks_sheet_counts_in_words(lang, line):
    findings = [Finding("warning", "Familles", "D2", 2, "D", "status", "PT-001", None, "m", "x")]
    findings += [Finding("info", "Familles", "D3", 3, "D", "status", "PT-002", None, "m", "x")] * 4
    grid = layout.build_grids(from_stats({}, lang=lang, findings=findings), None)["checks"]
    assert grid.cells[(2, 0)].value == line
