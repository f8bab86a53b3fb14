"""An alert keeps its code and parameters and is worded late, in the language asked for (issue 15)."""

from __future__ import annotations

import datetime as dt

import pytest

from ptxl.alerts import Alert, compute_alerts
from ptxl.alerts.messages import TEMPLATES
from ptxl.demo import write_demo_workbook
from ptxl.i18n import LANGS
from ptxl.layout import ALERTS_HEADER, build_grids
from ptxl.model.dataset import Dataset
from ptxl.pipeline import from_stats
from ptxl.schema import get_schema
from ptxl.validate import load_workbook

REF = dt.date(2023, 2, 28)
ALL_YES = {k: "yes" for k in get_schema().criteria}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo workbook of each language, read back: (loaded, alerts)."""
    out = {}
    for lang in LANGS:
        loaded = load_workbook(write_demo_workbook(tmp_path_factory.mktemp(lang) / "demo.xlsx", lang))
        out[lang] = (loaded, compute_alerts(loaded.dataset))
    return out


def _family(**extra):
    return {"case_id": "PT-001", "family_name": "Fictive", "referral_date": dt.date(2023, 1, 15), "status": "active",
            "admission_date": dt.date(2023, 2, 1), "case_manager": "Anne", **ALL_YES, **extra}


def test_one_document_alert_says_its_words_in_fr_nl_en():
    rows = {"families": [_family()],
            "documents": [{"case_id": "PT-001", "document_type": "passport", "issue_date": dt.date(2022, 8, 28),
                           "valid_until": dt.date(2023, 2, 27)}]}
    alerts = compute_alerts(Dataset.from_rows(rows, {"reference_date": REF}, "fr"))
    [a] = [a for a in alerts if a.kind == "document_expired"]
    passport = get_schema().scales["document_type"]
    words = {lang: a.render(lang) for lang in LANGS}
    for lang in LANGS:  # the document type, the date and the day word of each language, from the one object
        assert passport.label("passport", lang) in words[lang] and "27/02/2023" in words[lang]
    assert "il y a 1 jour" in words["fr"] and "1 dag geleden" in words["nl"] and "1 day ago" in words["en"]
    assert len(set(words.values())) == 3
    assert a.message == words["fr"] and a.to_json("nl")["message"] == words["nl"]
    # no word of any language is kept in the alert: dates, counts and the forms' codes only
    assert all(not isinstance(v, str) or v in ("passport",) for _k, v in a.params)


def test_parameters_are_language_neutral_on_the_demo(demo):
    """Rendering a French workbook's alerts in Dutch gives what the Dutch workbook's own alerts say."""
    fr, nl = demo["fr"][1], demo["nl"][1]
    assert [(a.kind, a.case_id, a.code, a.params) for a in fr] == [(a.kind, a.case_id, a.code, a.params) for a in nl]
    assert [a.render("nl") for a in fr] == [a.message for a in nl]
    assert {a.code for a in fr} <= set(TEMPLATES)


@pytest.mark.parametrize("lang", LANGS)
def test_alerts_sheet_words_each_alert_in_the_sheet_s_language(demo, lang):
    """The French workbook's alerts laid out in ``lang`` say what that language's own workbook says."""
    french, own = demo["fr"][1], demo[lang][1]
    first = ALERTS_HEADER + 1
    for alerts in (french, own):
        g = build_grids(from_stats({}, lang=lang, alerts=alerts), None)["alerts"]
        shown = [g.cells[(r, 4)].value for r in range(first, first + len(alerts))]
        assert shown == [a.message for a in sorted(own, key=lambda a: a.urgency)]
        assert all(isinstance(s, str) and s and "{" not in s for s in shown)


def test_a_person_pilot_s_alert_says_person_in_every_language():
    rows = {"families": [_family(referral_date=dt.date(2022, 11, 1), admission_date=dt.date(2022, 11, 15))]}
    settings = {"reference_date": REF, "evaluation_unit": "person"}
    [a] = [a for a in compute_alerts(Dataset.from_rows(rows, settings, "fr")) if a.kind == "no_contact"]
    assert a.unit == "person"
    assert "personne" in a.render("fr") and "persoon" in a.render("nl") and "person" in a.render("en")
    family = Alert(*[getattr(a, f) for f in ("urgency", "level", "kind", "case_id", "case_manager", "sheet_key",
                                             "row", "date", "days", "code", "params", "lang")])
    assert "famille" in family.render("fr") and "family" in family.render("en")
