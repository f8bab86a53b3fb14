"""``ptxl network``: many pilots' workbooks added up, every figure checked against the test's own arithmetic.

The pilots are built from case lists written here (status, whether a client summary exists, its
answers); the expected network figures are counted from those lists with ``Counter`` and a
``Fraction`` half-up rounding, never with ptxl's statistics code.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from collections import Counter
from fractions import Fraction

import pytest
from typer.testing import CliRunner

from ptxl.build.workbook import build_workbook
from ptxl.cli import app
from ptxl.schema import get_schema
from ptxl.suppress import feasible
from tools import libreoffice_pdf, pdf_text, run_ooxml_validator

runner = CliRunner()
REF = dt.date(2020, 6, 30)
EPIM = {"active": "remained_engaged", "resolved_residence_be": "remained_engaged",
        "resolved_residence_eu": "remained_engaged", "resolved_voluntary_return": "remained_engaged",
        "disengaged": "disengaged_or_absconded", "absconded": "disengaged_or_absconded", "removed": "removed",
        "redetained": "redetained", "other": "other"}
RESOLVED = ("resolved_residence_be", "resolved_residence_eu", "resolved_voluntary_return")


def pct(count: int, n: int):
    """Half up, of N, computed independently of ptxl."""
    return None if n == 0 else int(Fraction(100 * count, n) + Fraction(1, 2))


def case_rows(cid: str, status: str, answers: dict | None, unit: str) -> dict:
    """One case: admitted unless screening / not admitted; a client summary when ``answers`` is given."""
    sch = get_schema()
    admitted = status not in ("screening", "not_admitted")
    fam = {"case_id": cid, "family_name": f"Cas {cid} (fictif)", "referral_date": dt.date(2019, 1, 10),
           "admission_date": dt.date(2019, 2, 1) if admitted else None, "status": status,
           "closure_date": dt.date(2020, 3, 1) if status not in ("active", "screening") else None,
           "case_manager": "Anne", "nationality": "Irak", "asylum_on_arrival": "yes", "stateless": "no"}
    for crit in sch.criteria:
        fam[crit] = "yes" if admitted else "no"
    if unit == "person":
        fam["crit_children_under_18"] = None
    rows = {"families": [fam], "members": [], "summary": []}
    if unit == "family":
        rows["members"] = [{"case_id": cid, "member_id": f"{cid}-1", "first_name": "A", "role": "parent",
                            "birth_date": 1985},
                           {"case_id": cid, "member_id": f"{cid}-2", "first_name": "B", "role": "child",
                            "birth_date": 2012}]
    if answers is not None:
        rows["summary"].append({"case_id": cid, "review_date": dt.date(2020, 1, 15), "case_manager": "Anne",
                                **answers})
    return rows


def write_pilot(path, lang, unit, location, cases, not_asked=None):
    """``cases``: list of (status, answers or None); case ids PT-001… in every pilot (never merged)."""
    rows: dict = {}
    for i, (status, answers) in enumerate(cases, start=1):
        for key, items in case_rows(f"PT-{i:03d}", status, answers, unit).items():
            rows.setdefault(key, []).extend(items)
    settings = {"organisation": "Test (fictif)", "project_location": location, "reference_date": REF,
                "evaluation_unit": unit if lang != "nl" else {"family": "Gezin", "person": "Persoon"}[unit],
                "questions_not_asked": not_asked}
    return build_workbook(path, lang, rows, settings)


def random_cases(seed: int, n: int) -> list:
    sch = get_schema()
    rng = random.Random(seed)
    statuses = ["active"] * 5 + ["resolved_residence_be", "resolved_voluntary_return", "disengaged", "absconded",
                                  "removed", "redetained", "other", "screening", "not_admitted"]
    out = []
    for _ in range(n):
        status = rng.choice(statuses)
        answers = None
        if status not in ("screening", "not_admitted") and rng.random() < 0.8:
            answers = {q.key: rng.choice([o.code for o in sch.scales[q.scale].options] + [None])
                       for q in sch.annex_b if q.scale != "text"}
        out.append((status, answers))
    return out


PILOTS = (  # file, language, unit, location, seed, cases, question not asked
    ("be.xlsx", "fr", "family", "Bruxelles (BE)", 1, 23, None),
    ("nl.xlsx", "nl", "person", "Antwerpen (BE)", 2, 31, "g2_cooperate_conditions"),
    ("bg.xlsx", "en", "person", "Sofia (BG)", 3, 27, None),
)


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    d = tmp_path_factory.mktemp("network")
    specs = []
    for name, lang, unit, location, seed, n, not_asked in PILOTS:
        cases = random_cases(seed, n)
        specs.append((write_pilot(d / name, lang, unit, location, cases, not_asked), cases, not_asked))
    return specs


def expected_network(specs) -> dict:
    """The network figures counted from the case lists."""
    sch = get_schema()
    admitted = [s for _p, cases, _na in specs for s, _a in cases if s not in ("screening", "not_admitted")]
    n = len(admitted)
    eng = Counter(EPIM[s] for s in admitted)
    res = Counter(s for s in admitted if s in RESOLVED)
    out = {"cases": n,
           "engagement": {"counts": {k: eng[k] for k in ("remained_engaged", "disengaged_or_absconded", "removed",
                                                          "redetained", "other")}},
           "resolved": {"count": sum(res.values()), "pct": pct(sum(res.values()), n),
                        "by_type": {k: res[k] for k in RESOLVED}},
           "questions": {}}
    out["engagement"]["pct"] = {k: pct(v, n) for k, v in out["engagement"]["counts"].items()}
    reviewed = [(a, na) for _p, cases, na in specs for s, a in cases if a is not None]
    out["impact_n"] = len(reviewed)
    for q in sch.annex_b:
        if q.scale == "text":
            continue
        asked = [a for a, na in reviewed if na != q.key]
        counts = Counter(a[q.key] or "no_answer" for a in asked)
        codes = [o.code for o in sch.scales[q.scale].options] + ["no_answer"]
        e = {"n": len(asked), "counts": {c: counts[c] for c in codes},
             "pct": {c: pct(counts[c], len(asked)) for c in codes}}
        if q.scale == "impact":
            e["positive_pct"] = pct(counts["some"] + counts["considerable"], len(asked))
        out["questions"][q.key] = e
    return out


def network_json(paths, *extra) -> dict:
    res = runner.invoke(app, ["network", *map(str, paths), "--json", *extra])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_three_pilots_one_per_language_every_figure(three):
    doc = network_json([p for p, _c, _n in three])
    exp = expected_network(three)
    net = doc["network"]
    assert net["cases"] == exp["cases"]
    assert net["engagement"] == exp["engagement"]
    assert net["resolved"] == exp["resolved"]
    assert net["impact"]["n"] == exp["impact_n"]
    for key, e in exp["questions"].items():
        got = net["impact"]["questions"][key]
        assert {k: got[k] for k in e} == e, key
    # the pilot that does not ask g2_cooperate_conditions is out of its N, and nobody else's N moved
    asked_by_all = exp["questions"]["g2_initiative"]["n"]
    nl_reviewed = sum(1 for _s, a in three[1][1] if a is not None)
    assert net["impact"]["questions"]["g2_cooperate_conditions"]["n"] == asked_by_all - nl_reviewed > 0
    pilots = doc["pilots"]
    assert [(p["file"], p["language"], p["unit"], p["location"]) for p in pilots] == \
        [(name, lang, unit, loc) for name, lang, unit, loc, *_ in PILOTS]
    assert [p["cases"] for p in pilots] == [sum(s not in ("screening", "not_admitted") for s, _a in c)
                                            for _p, c, _n in three]
    q = pilots[1]["stats"]["impact"]["questions"]["g2_cooperate_conditions"]
    assert q["asked"] is False and q["n"] == 0 and set(q["pct"].values()) == {None}


def test_the_2020_network_headline_figures(tmp_path):
    """126 people in three pilots (BG, CY, PL): 86 % engaged, 12 % disengaged or absconded, 2 % removed,
    25 % resolved; of the client summaries, 96 % improved engagement and 99 % informed decisions."""
    # per pilot: (active, resolved, disengaged, absconded, removed, reviewed, positive engagement, positive g1)
    plan = {"Sofia (BG)": (25, 10, 3, 1, 1, 30, 29, 30), "Nicosia (CY)": (22, 8, 4, 1, 1, 29, 28, 29),
            "Warszawa (PL)": (30, 13, 5, 1, 1, 40, 38, 39)}
    paths = []
    for i, (loc, (act, resd, dis, absc, rem, rev, pos_e, pos_g)) in enumerate(plan.items()):
        statuses = ["active"] * act + ["resolved_voluntary_return"] * resd + ["disengaged"] * dis + \
            ["absconded"] * absc + ["removed"] * rem
        cases = []
        for j, s in enumerate(statuses):
            answers = None
            if j < rev:
                answers = {"engagement_capacity": "considerable" if j < pos_e else "limited",
                           "g1_informed_decisions": "some" if j < pos_g else "none"}
            cases.append((s, answers))
        paths.append(write_pilot(tmp_path / f"p{i}.xlsx", "en", "person", loc, cases))
    net = network_json(paths)["network"]
    assert net["cases"] == 126
    assert net["engagement"]["pct"] == {"remained_engaged": 86, "disengaged_or_absconded": 12, "removed": 2,
                                        "redetained": 0, "other": 0}
    assert (net["resolved"]["count"], net["resolved"]["pct"]) == (31, 25)
    assert net["impact"]["n"] == 99
    assert net["impact"]["questions"]["engagement_capacity"]["positive_pct"] == 96
    assert net["impact"]["questions"]["g1_informed_decisions"]["positive_pct"] == 99


def test_a_file_given_twice_is_refused(three, tmp_path):
    first = three[0][0]
    res = runner.invoke(app, ["network", str(first), str(three[1][0]), str(first), "--json"])
    assert res.exit_code == 2 and "Traceback" not in res.output and "twice" in res.output
    copy = shutil.copy(first, tmp_path / "copie.xlsx")
    res = runner.invoke(app, ["network", str(first), str(copy), "--json"])
    assert res.exit_code == 2 and "same workbook" in res.output


def test_a_pilot_with_errors_is_counted_from_its_valid_entries(three, tmp_path):
    cases = [("active", {"risk_level": "some"}), ("active", {"risk_level": "none"}), ("removed", None)]
    bad = write_pilot(tmp_path / "bad.xlsx", "fr", "family", "Liège (BE)", cases)
    rows = {"families": [], "members": [], "summary": []}
    for i, (s, a) in enumerate(cases, start=1):
        for k, v in case_rows(f"PT-{i:03d}", s, a, "family").items():
            rows[k].extend(v)
    rows["summary"][1]["risk_level"] = "Très bien"  # not a label of the scale: an error, not counted
    build_workbook(bad, "fr", rows, {"reference_date": REF, "project_location": "Liège (BE)"})
    res = runner.invoke(app, ["network", str(three[0][0]), str(bad), "--json"])
    assert res.exit_code == 1 and "bad.xlsx" in res.stderr
    doc = json.loads(res.stdout)
    pilot = doc["pilots"][1]
    assert pilot["errors"] == 1 and pilot["cases"] == 3
    assert pilot["stats"]["impact"]["questions"]["risk_level"]["counts"]["some"] == 1
    assert pilot["stats"]["impact"]["questions"]["risk_level"]["counts"]["no_answer"] == 1
    # the pilots table's network column shows the total the network computed, not one the view adds up
    from ptxl.network import evaluate
    from ptxl.network.tables import side_by_side
    from ptxl.pipeline import compute, load
    net = evaluate(compute(load(p)) for p in (three[0][0], bad))
    assert net.errors_total == 1
    assert side_by_side(net, "en")[0].rows[-1][1:] == [0, 1, net.errors_total]


def _protected(column: dict, marks: dict, t: int) -> bool:
    return all(hi > lo for lo, hi in feasible(column, marks, t).values())


def test_suppressed_counts_cannot_be_recovered_from_the_network_total(three):
    plain = network_json([p for p, _c, _n in three])
    doc = network_json([p for p, _c, _n in three], "--suppress")
    t = doc["network"]["suppression"]["threshold"]
    hidden_somewhere = 0
    for key, nq in doc["network"]["impact"]["questions"].items():
        shown = [p["stats"]["impact"]["questions"][key] for p in doc["pilots"]]
        raw = [p["stats"]["impact"]["questions"][key] for p in plain["pilots"]]
        for code, total in nq["counts"].items():
            marks = {i: s["counts"][code] for i, s in enumerate(shown) if s.get("asked", True)
                     and isinstance(s["counts"][code], str)}
            hidden_somewhere += len(marks)
            assert all(not (0 < r["counts"][code] < t) or i in marks for i, r in enumerate(raw)
                       if r.get("asked", True))
            if marks and total and not isinstance(total, str):  # published: the hidden pilots stay uncertain
                column = {i: r["counts"][code] for i, r in enumerate(raw) if r.get("asked", True)}
                assert _protected(column, marks, t), (key, code)
        for s, r in zip(shown, raw):  # and each pilot's own row is protected given its N
            if s.get("asked", True):
                marks = {c: v for c, v in s["counts"].items() if isinstance(v, str)}
                assert not marks or _protected(r["counts"], marks, t), key
    assert hidden_somewhere > 0  # the cohorts are small: the test exercised suppression
    eng = doc["network"]["engagement"]["counts"]
    raw_eng = [p["stats"]["engagement"]["epim"]["counts"] for p in plain["pilots"]]
    for cat, total in eng.items():
        marks = {i: p["stats"]["engagement"]["epim"]["counts"][cat] for i, p in enumerate(doc["pilots"])
                 if isinstance(p["stats"]["engagement"]["epim"]["counts"][cat], str)}
        if marks and total and not isinstance(total, str):  # (a published 0 says nobody: nothing to hide)
            assert _protected({i: r[cat] for i, r in enumerate(raw_eng)}, marks, t), cat
    raw_res = [p["stats"]["engagement"]["epim"]["resolved"]["count"] for p in plain["pilots"]]
    shown_res = [p["stats"]["engagement"]["epim"]["resolved"]["count"] for p in doc["pilots"]]
    assert all(isinstance(s, str) for r, s in zip(raw_res, shown_res) if 0 < r < t)
    total = doc["network"]["resolved"]["count"]
    marks = {i: s for i, s in enumerate(shown_res) if isinstance(s, str)}
    if marks and total and not isinstance(total, str):
        assert _protected(dict(enumerate(raw_res)), marks, t)
    assert isinstance(total, str) or not 0 < total < t


def test_single_workbook_stats_have_the_epim_figures(three):
    path, cases, _ = three[2]
    res = runner.invoke(app, ["stats", str(path), "--json"])
    assert res.exit_code == 0, res.output
    epim = json.loads(res.stdout)["engagement"]["epim"]
    admitted = [s for s, _a in cases if s not in ("screening", "not_admitted")]
    counts = Counter(EPIM[s] for s in admitted)
    assert epim["cases"] == len(admitted)
    assert epim["counts"] == {k: counts[k] for k in epim["counts"]}
    assert epim["pct"] == {k: pct(counts[k], len(admitted)) for k in epim["counts"]}


def test_network_files_are_valid_and_open_in_libreoffice(three, tmp_path):
    out = tmp_path / "out"
    res = runner.invoke(app, ["network", *(str(p) for p, _c, _n in three), "--out", str(out), "--lang", "fr"])
    assert res.exit_code == 0, res.output
    xlsx, docx = out / "network.xlsx", out / "network_report.docx"
    assert run_ooxml_validator(xlsx) == [] and run_ooxml_validator(docx) == []
    from openpyxl import load_workbook
    wb = load_workbook(xlsx, read_only=True)
    assert len(wb.sheetnames) == 2
    wb.close()
    pdf = libreoffice_pdf([docx], tmp_path)[0]
    text = pdf_text(pdf)
    for location in ("Bruxelles (BE)", "Antwerpen (BE)", "Sofia (BG)"):
        assert location in text
    assert "non posée" in text and "Réseau" in text
    again = runner.invoke(app, ["network", *(str(p) for p, _c, _n in three), "--out", str(out)])
    assert again.exit_code == 2 and "--force" in again.output  # an earlier evaluation is not replaced silently


def _locked_pilot(three, tmp_path, monkeypatch) -> Path:
    """The second pilot's workbook encrypted with "pilote-secret", the password given in PTXL_PASSWORD."""
    import io

    from msoffcrypto.format.ooxml import OOXMLFile

    from ptxl import crypto
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(three[1][0].read_bytes())).encrypt("pilote-secret", out)
    locked = tmp_path / "nl_locked.xlsx"
    locked.write_bytes(out.getvalue())
    monkeypatch.setenv(crypto.ENV_PASSWORD, "pilote-secret")
    crypto._REMEMBERED.clear()
    return locked


def test_an_encrypted_pilot_is_read_in_memory(three, tmp_path, monkeypatch):
    from ptxl import crypto
    locked = _locked_pilot(three, tmp_path, monkeypatch)
    plain = network_json([three[0][0], three[1][0]])["network"]
    locked_doc = network_json([three[0][0], locked])["network"]
    assert locked_doc == plain
    monkeypatch.setenv(crypto.ENV_PASSWORD, "wrong")
    crypto._REMEMBERED.clear()
    res = runner.invoke(app, ["network", str(three[0][0]), str(locked), "--json"])
    assert res.exit_code == 2 and "pilote-secret" not in res.output and "Traceback" not in res.output
    crypto._REMEMBERED.clear()


@pytest.mark.parametrize("seed", range(40))
def test_hide_table_protects_every_row_and_column(seed):
    from ptxl.suppress import hide_table
    rng = random.Random(seed)
    t = 5
    rows = {f"p{i}": {k: rng.choice([0, 0, 1, 2, 3, 4, 6, 9, 15, 30]) for k in "abcd"} for i in range(rng.randint(2, 5))}
    marks, net = hide_table(rows, t)
    total = {k: sum(r[k] for r in rows.values()) for k in "abcd"}
    for p, r in rows.items():
        assert all(k in marks[p] for k, v in r.items() if 0 < v < t)  # no small count left visible
        assert not marks[p] or _protected(r, marks[p], t), (p, r, marks[p])
    assert all(k in net for k, v in total.items() if 0 < v < t)
    assert not net or _protected(total, net, t)
    for k in "abcd":
        col = {p: r[k] for p, r in rows.items()}
        hidden = {p: m[k] for p, m in marks.items() if k in m}
        if hidden and total[k] and k not in net:
            assert _protected(col, hidden, t), (k, col, hidden)


def test_a_small_resolved_count_is_hidden_in_one_workbook():
    from ptxl.suppress import suppress_stats
    epim = {"cases": 20, "counts": {"remained_engaged": 14, "disengaged_or_absconded": 6, "removed": 0,
                                    "redetained": 0, "other": 0},
            "pct": {"remained_engaged": 70, "disengaged_or_absconded": 30, "removed": 0, "redetained": 0,
                    "other": 0},
            "resolved": {"count": 2, "pct": 10, "by_type": {"resolved_residence_be": 2, "resolved_residence_eu": 0,
                                                            "resolved_voluntary_return": 0}}}
    out = suppress_stats({"engagement": {"epim": epim}}, 5)["engagement"]["epim"]["resolved"]
    assert out["count"] == "<5" and out["pct"] == "*" and out["by_type"]["resolved_residence_be"] == "<5"


def test_as_of_and_usage(three):
    paths = [str(p) for p, _c, _n in three]
    before = network_json(paths, "--as-of", "2019-01-31")["network"]  # nobody admitted yet (1 Feb 2019)
    assert before["cases"] == 0 and before["engagement"]["pct"]["remained_engaged"] is None
    assert before["impact"]["n"] == 0
    for args in ([], ["--json", "--lang", "de"], ["--json", "--as-of", "31/01/2019"]):
        res = runner.invoke(app, ["network", *paths, *args])
        assert res.exit_code == 2 and "Traceback" not in res.output, args


def test_usage_mistake_through_the_console_entry_point_is_exit_2(capsys):
    from ptxl.cli import main
    assert main(["network"]) == 2
    err = capsys.readouterr().err
    assert "Missing argument" in err and "Traceback" not in err


def test_the_network_files_of_an_encrypted_pilot_are_encrypted(three, tmp_path, monkeypatch):
    """SECURITY.md: every file written from an encrypted workbook is encrypted, the network's too."""
    from ptxl import crypto
    from ptxl.protect import ENV_OUTPUT_PASSWORD
    monkeypatch.delenv(ENV_OUTPUT_PASSWORD, raising=False)
    locked = _locked_pilot(three, tmp_path, monkeypatch)
    files = ("network.xlsx", "network_report.docx")
    res = runner.invoke(app, ["network", str(three[0][0]), str(locked), "--out", str(tmp_path / "enc")])
    assert res.exit_code == 0, res.output
    for name in files:
        data = (tmp_path / "enc" / name).read_bytes()
        assert crypto.is_encrypted(data) and crypto.decrypt(data, name, "pilote-secret")[:2] == b"PK"
    res = runner.invoke(app, ["network", str(three[0][0]), str(locked), "--out", str(tmp_path / "clear"),
                              "--unencrypted"])
    assert res.exit_code == 0 and all((tmp_path / "clear" / n).read_bytes()[:2] == b"PK" for n in files)
    res = runner.invoke(app, ["network", str(three[0][0]), str(three[2][0]), "--out", str(tmp_path / "plain")])
    assert res.exit_code == 0 and all((tmp_path / "plain" / n).read_bytes()[:2] == b"PK" for n in files)
    monkeypatch.setenv(ENV_OUTPUT_PASSWORD, "sortie")
    res = runner.invoke(app, ["network", str(three[0][0]), str(three[2][0]), "--out", str(tmp_path / "env")])
    assert res.exit_code == 0
    data = (tmp_path / "env" / files[0]).read_bytes()
    assert crypto.is_encrypted(data) and crypto.decrypt(data, files[0], "sortie")[:2] == b"PK"
    crypto._REMEMBERED.clear()


def test_pilots_with_different_passwords_need_an_output_password(three, tmp_path, monkeypatch):
    from ptxl import crypto, protect
    monkeypatch.setattr(protect, "workbook_password",
                        lambda p: (True, "un") if p == three[0][0] else (True, "deux"))
    with pytest.raises(Exception) as caught:
        protect.for_workbooks([three[0][0], three[1][0]], lang="fr")
    assert "n'ont pas le même mot de passe" in str(caught.value)
    monkeypatch.setenv(protect.ENV_OUTPUT_PASSWORD, "sortie")
    assert protect.for_workbooks([three[0][0], three[1][0]]).password == "sortie"
    crypto._REMEMBERED.clear()
