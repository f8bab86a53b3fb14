"""An export that cannot be linked back: no calendar date, no name, no typed nationality; one suppression
for every file; names blanked the same way in the export's free text and in the report's case studies."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from ptxl import export as ex
from ptxl.cli import main
from ptxl.model.dataset import Dataset
from ptxl.names import NameBlanker, blanker_for
from test_export import export_results

PLANTED_NATIONALITY = "Irak (kurde), mari Qwzyx"  # staff typed more than a country
UNLISTED = "Zembla"


@pytest.fixture(autouse=True)
def _env(monkeypatch):
    monkeypatch.delenv(ex.ENV_KEY, raising=False)
    monkeypatch.delenv("PTXL_PASSWORD", raising=False)
    monkeypatch.delenv("PTXL_OUTPUT_PASSWORD", raising=False)


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """The demo cohort with two typed nationalities that are not the project's list, as a workbook."""
    from ptxl.build.workbook import build_workbook
    from ptxl.demo import demo_rows
    rows, settings = demo_rows()
    rows["families"][0]["nationality"] = PLANTED_NATIONALITY
    rows["members"][0]["nationality"] = UNLISTED
    path = build_workbook(tmp_path_factory.mktemp("org") / "w.xlsx", "fr", rows, settings)
    return path, rows, settings


def workbook_dates(rows: dict, settings: dict) -> set[dt.date]:
    found = {v for table in rows.values() for r in table for v in r.values() if isinstance(v, dt.date)}
    return found | {v for v in settings.values() if isinstance(v, dt.date)}


def date_forms(d: dt.date) -> set[str]:
    return {d.isoformat(), d.strftime("%d/%m/%Y"), d.strftime("%d.%m.%Y"), d.strftime("%d-%m-%Y"),
            d.strftime("%Y%m%d")}


def all_text(folder: Path) -> dict[str, str]:
    """Every file of the export as text: CSV/JSON/README as they are, the .xlsx cell by cell."""
    out = {}
    for p in sorted(folder.iterdir()):
        data = p.read_bytes()
        if zipfile.is_zipfile(io.BytesIO(data)):
            wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
            for name in wb.sheet_names:
                for r, row in enumerate(wb.get_sheet_by_name(name).to_python()):
                    out[f"{p.name}!{name}!{r}"] = "\t".join(str(v) for v in row)
                    assert not any(isinstance(v, (dt.date, dt.datetime)) for v in row), (p.name, name, r)
        else:
            out[p.name] = data.decode("utf-8-sig")
    return out


def names_of(rows: dict) -> set[str]:
    names = {r["family_name"] for r in rows["families"] if r.get("family_name")}
    for r in rows["members"]:
        names.update(v for v in (r.get("first_name"), r.get("last_name")) if v)
    return names


def test_default_export_holds_no_calendar_date_no_name_no_typed_nationality(planted, tmp_path):
    path, rows, settings = planted
    out = tmp_path / "x"
    assert main(["export", str(path), "--anonymised", "--out", str(out)]) in (0, 1)
    texts = all_text(out)
    dates = workbook_dates(rows, settings)
    assert len(dates) > 100  # the search is not empty
    forms = set().union(*(date_forms(d) for d in dates))
    for where, text in texts.items():
        for f in forms:
            assert f not in text, f"date {f} in {where}"
        for name in names_of(rows):
            assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text), f"{name!r} in {where}"
        assert "Qwzyx" not in text and "kurde" not in text and UNLISTED not in text, where
    # what the evaluation needs is there: days from the referral, listed nationalities, the reference day
    with open(out / "families.csv", newline="", encoding="utf-8-sig") as fh:
        fams = list(csv.DictReader(fh))
    assert {"referral_date_days", "admission_date_days", "reference_days"} <= set(fams[0])
    assert "referral_date" not in fams[0]
    assert all(f["referral_date_days"] == "0" for f in fams)
    first = next(r for r in rows["families"] if r["case_id"] == "PT-002")
    by_ref = {int(f["reference_days"]) for f in fams}
    assert (settings["reference_date"] - first["referral_date"]).days in by_ref
    nats = {f["nationality"] for f in fams}
    assert "Kosovo" in nats and "Irak" in nats and ex.OTHER in nats


def test_exact_dates_only_with_the_flag(planted, tmp_path):
    path, rows, _settings = planted
    assert main(["export", str(path), "--anonymised", "--out", str(tmp_path / "x"), "--exact-dates"]) in (0, 1)
    text = (tmp_path / "x" / "families.csv").read_text(encoding="utf-8-sig")
    assert rows["families"][1]["referral_date"].isoformat() in text
    readme = (tmp_path / "x" / ex.README_NAME).read_text(encoding="utf-8-sig")
    assert "--exact-dates" in readme


def category_families(out: Path) -> dict[str, set]:
    """Nationality shown → the (pseudonymised) families it is shown for, over the CSV tables."""
    groups: dict[str, set] = {}
    for name in ("families.csv", "members.csv"):
        with open(out / name, newline="", encoding="utf-8-sig") as fh:
            for r in csv.DictReader(fh):
                if r["nationality"]:
                    groups.setdefault(r["nationality"], set()).add(r["case_id"])
    return groups


def test_suppress_leaves_no_category_below_the_threshold_in_any_file(tmp_path):
    nats = ["Irak"] * 7 + ["Kosovo"] * 6 + ["Népal"] * 3 + ["Liberia"] + ["Irak (chiite)"]
    families = [{"case_id": f"PT-{i:03d}", "family_name": f"Fam{i}", "status": "active", "nationality": n,
                 "referral_date": dt.date(2022, 1, 1), "admission_date": dt.date(2022, 2, 1),
                 "asylum_on_arrival": "yes", "stateless": "no"}
                for i, n in enumerate(nats, start=1)]
    members = [{"case_id": f["case_id"], "member_id": f"{f['case_id']}-1", "role": "parent", "gender": "female",
                "birth_date": dt.date(1985, 1, 1), "nationality": f["nationality"]} for f in families]
    ds = Dataset.from_rows({"families": families, "members": members}, {"reference_date": dt.date(2023, 2, 28)})
    path = tmp_path / "org" / "w.xlsx"
    path.parent.mkdir()
    out = tmp_path / "pub"
    ex.export_anonymised(path, out, export_results(ds, suppress=True))
    groups = category_families(out)
    assert set(groups) == {"Irak", "Kosovo", ex.OTHER}
    assert all(len(cases) >= 5 for cases in groups.values()), {k: len(v) for k, v in groups.items()}
    stats = json.loads((out / ex.STATS_NAME).read_text(encoding="utf-8"))
    for profile in ("admitted", "reviewed"):
        shown = stats["cohort"][profile]["nationalities"]
        assert set(shown) <= set(groups), shown
    assert "reference_date" not in stats
    texts = all_text(out)
    for where, text in texts.items():
        for rare in ("Népal", "Liberia", "chiite"):
            assert rare not in text, f"{rare} in {where}"


def test_stats_fold_a_category_small_among_admitted_families():
    """A nationality frequent in the registry but rare among the families of a profile is 'other' in the
    statistics; folded in one profile, it is folded in both (their difference would give it back)."""
    from ptxl.export_linkage import fold_profile_nationalities
    stats = {"cohort": {"admitted": {"nationalities": {"Irak": 6, "Kosovo": 5, "Népal": 1, "Liberia": 4}},
                        "reviewed": {"nationalities": {"Irak": 6, "Kosovo": 4, "Népal": 1}}}}
    out = fold_profile_nationalities(stats, 5)
    assert out["cohort"]["admitted"]["nationalities"] == {"Irak": 6, ex.OTHER: 10}
    assert out["cohort"]["reviewed"]["nationalities"] == {"Irak": 6, ex.OTHER: 5}
    # 'other' below the threshold takes the smallest remaining nationality
    small = fold_profile_nationalities({"cohort": {"admitted": {"nationalities": {"Irak": 6, "Népal": 2}}}}, 5)
    assert small["cohort"]["admitted"]["nationalities"] == {ex.OTHER: 8}


def test_readme_says_what_was_removed_and_who_holds_the_key(planted, tmp_path):
    path, _rows, _settings = planted
    ex.export_anonymised(path, tmp_path / "x", export_results(path))
    readme = (tmp_path / "x" / ex.README_NAME).read_text(encoding="utf-8-sig")
    for said in ("données personnelles pseudonymisées", "art. 4(5)", "QUI DÉTIENT LA CLÉ", "CE QUI A ÉTÉ RETIRÉ",
                 "CE QUI RESTE", "jours depuis l'orientation du dossier", "liste du projet", "families.csv"):
        assert said in readme, said  # in the (French) workbook's language


@pytest.mark.parametrize("lang,words", [
    ("nl", ("WIE DE SLEUTEL HEEFT", "terugkoppelen aan een persoon", "families.reference_days")),
    ("en", ("WHO HOLDS THE KEY", "link every row back to a person", "who the persons are", "families.reference_days")),
    ("fr", ("QUI DÉTIENT LA CLÉ", "relier chaque ligne à une personne", "families.reference_days"))])
def test_readme_in_the_workbook_s_language_and_unit(lang, words):
    from ptxl.export_readme import readme_text
    text = readme_text(with_text=False, suppress=False, exact_dates=False, encrypted=False, threshold=5,
                       files=["families.csv"], lang=lang, unit="person")
    for said in words:
        assert said in text, said
    assert "- families.csv" in text  # file and column names are never re-said
    family = readme_text(with_text=False, suppress=False, exact_dates=False, encrypted=False, threshold=5,
                         files=["families.csv"], lang=lang)
    assert family != text and words[0] in family


# ------------------------------------------------------------------ one name blanking
def test_blanking_ignores_accents_and_case_and_keeps_other_words():
    b = NameBlanker(["Cèdre", "Iris"])
    assert b.blank("Vu Cedre, CÈDRE et cèdre ; Irish coffee, Iris.") == "Vu […], […] et […] ; Irish coffee, […]."


def test_particles_are_blanked_only_inside_the_full_name():
    b = NameBlanker(["De La Cruz"])
    text = "La famille De la Cruz, de la part de M. Cruz ; la Cruz est venue."
    assert b.blank(text) == "La famille […], de la part de M. […] ; […] est venue."
    assert NameBlanker(["van den Berg"]).blank("van Dam, den Haag, Van Den Berg") == "van Dam, den Haag, […]"


def test_export_and_report_blank_with_the_same_function(tmp_path):
    from ptxl.stats.studies import chosen_case_studies
    ds = Dataset.from_rows({
        "families": [{"case_id": "PT-1", "family_name": "Cèdre", "status": "active", "case_study": "yes",
                      "profile_notes": "Les CEDRE et Ana de la Fuente."}],
        "members": [{"case_id": "PT-1", "member_id": "PT-1-1", "first_name": "Ana", "last_name": "de la Fuente",
                     "role": "parent"}],
        "case_study": [{"case_id": "PT-1", "written_date": dt.date(2023, 1, 1),
                        "profile": "Madame Cedre (Ana) parle de la Fuente de la ville."}],
    })
    tables, _ = ex.anonymise(ds, b"key", with_text=True)
    assert tables["families"]["profile_notes"][0] == "Les […] et […]."
    (study,) = chosen_case_studies(ds)
    texts = [text for _key, text in study["stages"]]
    assert texts == ["Madame […] ([…]) parle […] de la ville."]  # her name is "de la Fuente"
    assert blanker_for(ds).blank("Ana") == "[…]"


def test_report_exits_1_when_the_workbook_has_errors(tmp_path):
    from ptxl.build.workbook import build_workbook
    rows = {"families": [{"case_id": "PT-001", "family_name": "Famille A", "referral_date": dt.date(2022, 1, 5)},
                         {"case_id": "PT-002", "referral_date": dt.date(2022, 2, 5)}],
            "baseline": [{"case_id": "PT-001", "assessment_date": dt.date(2022, 3, 1),
                          "a01_dropout_risk_score": 14}]}
    path = build_workbook(tmp_path / "e.xlsx", "fr", rows, {"reference_date": dt.date(2023, 2, 28)})
    assert main(["report", str(path), "--out", str(tmp_path / "r.docx")]) == 1
    assert (tmp_path / "r.docx").exists()
