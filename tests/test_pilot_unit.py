"""The unit of a case (``evaluation_unit``) and questions not asked, as the output sheets, documents,
alerts and summaries of one workbook show them."""

from __future__ import annotations

import datetime as dt

import pytest

from ptxl.alerts import compute_alerts
from ptxl.model.dataset import Dataset
from ptxl.layout import build_grids
from ptxl.normalise import questions_not_asked, unit_code
from ptxl.pilot import unit_text
from ptxl.stats import compute_stats, summary_lines
from ptxl.pipeline import from_stats

REF = dt.date(2023, 2, 28)


@pytest.mark.parametrize("lang,family,person", [
    ("fr", "Quelles sont ces familles ? La famille admise.", "Quelles sont ces personnes ? La personne admise."),
    ("nl", "Wie zijn deze gezinnen? Neem contact op met het gezin.",
     "Wie zijn deze personen? Neem contact op met de persoon."),
    ("en", "Who are these families? The family's case; Families reviewed.",
     "Who are these persons? The person's case; Persons reviewed."),
    # capitals stay capitals (a document's title); an entry sheet's name and a surname are kept as written
    ("fr", "DOSSIER DE LA FAMILLE. Aucune famille n'est marquée dans la feuille Familles.",
     "DOSSIER DE LA PERSONNE. Aucune personne n'est marquée dans la feuille Familles."),
    ("nl", "GEZINSDOSSIER: als een rij van een gezin geselecteerd is, alleen voor dat gezin",
     "PERSOONSDOSSIER: als een rij van een persoon geselecteerd is, alleen voor die persoon"),
    ("nl", "Gezinsleden", "Leden van het dossier"),  # the documents' heading (French and English say the case's)
    ("en", "Family name; Family and community ties; Family members of the family",
     "Family name; Family and community ties; Members of the case of the person"),
])
def test_unit_words_per_language(lang, family, person):
    assert unit_text(family, "person", lang) == person
    assert unit_text(family, "family", lang) == family


@pytest.mark.parametrize("lang,text", [("fr", "Liens familiaux"), ("nl", "Familienaam, blad Gezinsleden"),
                                       ("en", "familiar")])
def test_other_words_are_left_alone(lang, text):
    assert unit_text(text, "person", lang) == text


@pytest.mark.parametrize("value,code", [("person", "person"), ("Personne", "person"), ("persoon", "person"),
                                        ("Family", "family"), ("Gezin", "family"), ("ménage", None)])
def test_unit_setting_accepts_code_or_label(value, code):
    assert unit_code(value, "fr") == code


def test_questions_not_asked_by_key_or_heading_in_any_language():
    keys, bad = questions_not_asked("g2_cooperate_conditions ; G1 – Meer informatie;\nrisk level; nothing")
    assert keys == ("risk_level", "g1_more_information", "g2_cooperate_conditions") and bad == ["nothing"]


def _rows() -> dict:
    fam = {"case_id": "C-1", "family_name": "X", "referral_date": dt.date(2022, 1, 1),
           "admission_date": dt.date(2022, 2, 1), "status": "active"}
    rows = {"families": [fam, {**fam, "case_id": "C-2", "status": "removed", "closure_date": dt.date(2022, 9, 1)}],
            "summary": [{"case_id": "C-1", "review_date": dt.date(2022, 10, 1), "risk_level": "some",
                         "g2_cooperate_conditions": "yes"},
                        {"case_id": "C-2", "review_date": dt.date(2022, 8, 1), "risk_level": "none"}]}
    return rows


def _dataset(unit: str, not_asked=None, lang="fr") -> Dataset:
    return Dataset.from_rows(_rows(), {"reference_date": REF, "evaluation_unit": unit,
                                       "questions_not_asked": not_asked}, lang)


@pytest.mark.parametrize("lang,title", [("fr", "Quelles sont ces personnes ?"), ("nl", "Wie zijn deze personen?"),
                                        ("en", "Who are these persons?")])
def test_output_sheets_say_persons(lang, title):
    stats = compute_stats(_dataset("person", lang=lang))
    grids = build_grids(from_stats(stats, lang=lang), None)
    assert grids["cohort"].cells[(0, 0)].value == title
    texts = [c.value for g in grids.values() for c in g.cells.values() if isinstance(c.value, str)]
    words = {"fr": "famille", "nl": "gezin", "en": "famil"}[lang]
    assert not [t for t in texts if words in t.lower()]
    family = build_grids(from_stats(compute_stats(_dataset("family", lang=lang)), lang=lang), None)
    assert family["cohort"].cells[(0, 0)].value != title


def test_a_question_not_asked_is_shown_as_such_and_left_out_of_n():
    stats = compute_stats(_dataset("family", ("g2_cooperate_conditions",)))
    q = stats["impact"]["questions"]["g2_cooperate_conditions"]
    assert (q["asked"], q["n"], q["counts"]["yes"], q["pct"]["yes"]) == (False, 0, 0, None)
    assert stats["impact"]["questions"]["g2_initiative"]["n"] == 2  # the others keep N = 2
    grid = build_grids(from_stats(stats, lang="fr"), None)["impact"]
    rows = {c.value: r for (r, col), c in grid.cells.items() if col == 0 and isinstance(c.value, str)}
    row = next(r for text, r in rows.items() if "conditions qui leur ont été imposées" in text)
    assert "non posée" in grid.cells[(row, 1)].value and (row, 2) not in grid.cells
    asked = compute_stats(_dataset("family"))["impact"]["questions"]["g2_cooperate_conditions"]
    assert asked["counts"]["yes"] == 1 and asked["counts"]["no_answer"] == 1


def test_epim_block_on_the_follow_up_sheet():
    stats = compute_stats(_dataset("person"))
    epim = stats["engagement"]["epim"]
    assert epim["counts"]["remained_engaged"] == 1 and epim["counts"]["removed"] == 1 and epim["pct"]["removed"] == 50
    grid = build_grids(from_stats(stats, lang="en"), None)["followup"]
    labels = {c.value: r for (r, col), c in grid.cells.items() if col == 0}
    r = labels["Removed (forced return)"]
    assert grid.cells[(r, 1)].value == 1 and grid.cells[(r, 2)].value == 0.5


def test_alerts_and_summary_say_persons():
    ds = _dataset("person")
    alerts = compute_alerts(ds)
    assert alerts and any("personne" in a.message for a in alerts)
    assert not any("famille" in a.message for a in alerts)
    lines = summary_lines(compute_stats(ds), "fr")
    assert "personnes" in lines[0] and "familles" not in " ".join(lines)


@pytest.mark.parametrize("lang,family,person", [("fr", "Famille admise", "Personne admise"),
                                                ("nl", "Gezin toegelaten", "Persoon toegelaten"),
                                                ("en", "Family admitted", "Person admitted")])
def test_findings_say_persons(lang, family, person):
    """The checks (CLI, checks sheet) follow the unit too; a column's header is the workbook's, kept as written."""
    from ptxl.validate import validate_dataset
    said = [f.message for f in validate_dataset(_dataset("person", lang=lang))]
    assert any(m.startswith(person) for m in said) and not any(m.startswith(family) for m in said)
    assert any(m.startswith(family) for m in (f.message for f in validate_dataset(_dataset("family", lang=lang))))


@pytest.mark.parametrize("lang,one,many", [
    ("fr", "1 personne jamais admise", "3 personnes jamais admises"),
    ("nl", "1 nooit toegelaten persoon", "3 nooit toegelaten personen"),
    ("en", "1 person never admitted", "3 persons never admitted")])
def test_the_never_admitted_count_says_persons(lang, one, many):
    """What ``ptxl docs`` and the Excel button say of the cases left out, for a per-person pilot."""
    from ptxl.docs.texts import TEXTS as DOCS
    from ptxl.i18n import render
    from ptxl.pilot import for_settings
    person = {"evaluation_unit": "person"}
    assert for_settings(render(DOCS.msg_left_out, lang, n=1), person, lang).startswith(one)
    assert for_settings(render(DOCS.msg_left_out, lang, n=3), person, lang).startswith(many)
    assert for_settings(render(DOCS.msg_left_out, lang, n=3), {}, lang) == render(DOCS.msg_left_out, lang, n=3)


def test_a_finding_re_rendered_in_another_language_says_its_workbook_s_unit():
    """``validate --lang`` and ``--json`` say a finding again in another language, for the workbook's unit."""
    from ptxl.pilot import said_for
    from ptxl.validate import validate_dataset
    found = [f for f in validate_dataset(_dataset("person")) if f.code == "admission.criterion"]
    assert found and all(f.message.startswith("Personne admise") for f in found)
    assert all(f.render("en", said_for("person")).startswith("Person admitted") for f in found)
    assert all(f.to_json("nl", said_for("person"))["message"].startswith("Persoon toegelaten") for f in found)
    assert all(f.render("en", said_for("family")).startswith("Family admitted") for f in found)


@pytest.mark.parametrize("as_json", [False, True])
def test_validate_in_another_language_says_persons(tmp_path, capsys, as_json):
    import json

    from ptxl.build.workbook import build_workbook
    from ptxl.cli import main
    build_workbook(tmp_path / "plan.xlsx", "fr", _rows(), {"reference_date": REF, "evaluation_unit": "person"})
    assert main(["validate", str(tmp_path / "plan.xlsx"), "--lang", "en", *(["--json"] if as_json else [])]) == 0
    out = capsys.readouterr().out
    said = [f["message"] for f in json.loads(out)] if as_json else [" ".join(out.split())]
    assert any("Person admitted" in m for m in said), out
    assert not any("Family admitted" in m or "Personne" in m for m in said), out
