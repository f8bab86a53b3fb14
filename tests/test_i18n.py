"""The one message catalogue: every code renders in fr, nl and en, and the CLI on a Dutch workbook speaks Dutch."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from ptxl import i18n
from ptxl.build.workbook import build_workbook
from ptxl.cli import main
from ptxl.i18n.catalogue import fields
from ptxl.schema import get_schema


class _Sample(dict):
    """Any field gets 2 (a count takes its plural ending; a header or a date prints as "2")."""

    def __missing__(self, key):
        return 2


def test_every_code_renders_in_every_language_with_the_same_fields():
    codes = i18n.load_all()
    assert len(codes) > 400 and {c.split(".")[0] for c in codes} >= {
        "rules", "file", "ui", "alerts", "docs", "report", "cli", "stats", "network", "guard", "write", "protect",
        "excel", "home", "outputs", "styles", "progress", "docs_safety"}
    for code in codes:
        words = i18n.texts(code)
        assert set(words) == set(i18n.LANGS), code
        used = fields(code)
        for lang in i18n.LANGS:
            assert words[lang].strip() or not words["en"].strip(), (code, lang)  # blank only where all are
            rendered = i18n.render(code, lang, 2, 2, **_Sample({f: 2 for f in used[lang]}))  # no KeyError, no ValueError
            assert "{" not in rendered.replace("{{", "") or "{{" in words[lang], (code, lang, rendered)
        assert used["fr"] == used["nl"] == used["en"], (code, used)  # a translation never drops a field


def test_a_code_typo_fails_instead_of_printing_a_blank():
    from ptxl.rules.messages import RULES
    assert RULES.sheet_missing == "rules.sheet.missing"
    with pytest.raises(AttributeError):
        RULES.sheet_misng  # noqa: B018
    with pytest.raises(KeyError):
        i18n.render("rules.sheet.misng", "nl")
    with pytest.raises(ValueError):  # a table missing a language is refused when its module is imported
        i18n.register("test_incomplete", {"x": {"fr": ("un", "deux"), "nl": None, "en": ("one", "two")}})


def test_numbers_and_dates_in_the_language_s_format():
    assert i18n.fmt_number(12345.5, "fr") == "12\u202f345,5"
    assert i18n.fmt_number(12345.5, "nl") == "12.345,5"
    assert i18n.fmt_number(12345.5, "en") == "12,345.5"
    assert i18n.fmt_date(dt.date(2023, 2, 28), "nl") == "28/02/2023"
    assert i18n.fmt_number("<5", "fr") == "<5" and i18n.fmt_number(None, "fr") == ""  # suppressed, missing
    from ptxl.cli_texts import say
    assert say("stats_errors", "nl", n=1000, path="p").startswith("De werkmap bevat 1.000 fouten:")  # not "1.000 fout"
    assert say("stats_errors", "fr", n=1, path="p").startswith("Le classeur contient 1 erreur :")
    assert say("stats_errors", "en", n=12345, path="p").startswith("The workbook has 12,345 errors:")


def test_a_finding_keeps_its_code_and_fields_and_renders_in_another_language():
    from ptxl.model.dataset import Dataset
    from ptxl.rules import Context, all_rules
    ds = Dataset.from_rows({"families": [{"case_id": "PT-001", "referral_date": dt.date(2022, 1, 5)}]}, lang="fr")
    ctx = Context.for_schema("fr", dt.date(2023, 2, 28))
    found = [f for rule in all_rules() for f in rule(ds, ctx)]
    assert found
    for f in found:
        assert f.render("fr") == f.message
        assert f.render("nl") != f.message and f.to_json("nl")["message"] == f.render("nl")
        assert f.to_json()["message"] == f.message  # the JSON keeps its shape


def _vocabulary(lang: str) -> set[str]:
    """Every word ptxl can say in ``lang``: the catalogue's texts and the forms' sheet, column and label names."""
    words = set()
    for code in i18n.codes():
        words |= _words(i18n.texts(code)[lang])
    sch = get_schema()
    for sheet in sch.sheets:
        words |= _words(sheet.name(lang))
        for c in sheet.columns:
            words |= _words(c.header(lang))
    for scale in sch.scales.values():
        for label in scale.labels(lang):
            words |= _words(label)
    for q in sch.annex_b:
        words |= _words(q.labels[lang])
    return words


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]{3,}", re.sub(r"\{[^}]*\}", " ", text or ""))}


def test_the_cli_on_a_dutch_workbook_says_nothing_in_english_or_french(tmp_path, capsys, monkeypatch):
    """Detection: a word of the French or English catalogue (or forms) that no Dutch text uses is a leak."""
    i18n.load_all()
    dutch = _vocabulary("nl")
    foreign = (_vocabulary("fr") | _vocabulary("en")) - dutch
    assert {"wrote", "files", "erreur", "error"} <= foreign  # the detector would see the old messages
    monkeypatch.chdir(tmp_path)
    rows = {"families": [
        {"case_id": "PT-001", "referral_date": dt.date(2022, 1, 5), "admission_date": dt.date(2022, 2, 1),
         "status": "active"},
        {"case_id": "PT-002", "referral_date": dt.date(2022, 3, 5), "status": "nonsense"},  # an unknown answer
        {"case_id": "PT-003", "referral_date": dt.date(2024, 3, 5), "status": "screening"}]}  # after the date
    build_workbook(tmp_path / "plan.xlsx", "nl", rows, {"reference_date": dt.date(2023, 2, 28)})
    assert main(["new", "leeg.xlsx", "--lang", "nl"]) == 0
    runs = [["validate", "plan.xlsx"], ["refresh", "plan.xlsx"], ["stats", "plan.xlsx"],
            ["docs", "plan.xlsx", "--out", "dossiers"], ["report", "plan.xlsx", "--out", "rapport.docx"],
            ["export", "plan.xlsx", "--anonymised", "--out", "export"], ["log", "plan.xlsx"],
            ["report", "plan.xlsx", "--out", "rapport.docx"], ["stats", "ontbreekt.xlsx", "--lang", "nl"],
            ["stats", "plan.xlsx", "--as-of", "gisteren", "--lang", "nl"]]
    codes = [main(args) for args in runs]
    assert codes[0] == 1 and codes[-2] == 2 and codes[-1] == 2  # errors found; missing file; bad date
    said = capsys.readouterr()
    text = (said.out + said.err).replace(str(tmp_path.resolve()), "").replace(str(tmp_path), "")  # paths are data
    assert "fouten" in text and "ontbreekt.xlsx" in text and "--force" in text
    leaks = sorted(_words(text) & foreign)
    assert not leaks, (leaks, text)


def test_a_problem_raised_before_the_language_is_known_is_worded_in_the_run_s_language(tmp_path):
    from ptxl import guard
    from ptxl.write.safety import snapshot
    with pytest.raises(Exception) as caught:
        snapshot(tmp_path / "weg.xlsx")
    assert str(caught.value) == "« weg.xlsx » est introuvable. ('weg.xlsx' was not found.)"  # before: bilingual
    assert guard.explain(caught.value, "nl").message == "« weg.xlsx » werd niet gevonden."
    assert guard.explain(caught.value).message == str(caught.value)


# (pattern of a call that names a code by string, the namespace its codes live in)
_CALLS = [(r"\.finding\(\s*\"([a-z_.]+)\"", "rules"), (r"\bmessage\(\s*\"([a-z_.]+)\"", "rules"),
          (r"\b_?say\(\s*\"([a-z_]+)\"", "cli.t"), (r"\bui\(\s*\"([a-z_]+)\"", "ui"),
          (r"\bM\.message\(\s*\"([a-z_]+)\"", "alerts.templates"), (r"\btext\(\s*\"([a-z_.]+)\"", "excel.py")]
_CALLERS = {"rules": "ptxl/rules/", "cli.t": "ptxl/cli", "ui": "ptxl/validate", "alerts.templates": "ptxl/alerts/",
            "excel.py": "ptxl/excel"}


def test_every_code_named_by_string_in_the_code_is_in_the_catalogue():
    """Codes spelled as strings (rule codes, CLI keys) are checked here, so a typo fails the suite, not a user."""
    from pathlib import Path
    codes = set(i18n.load_all())
    root = Path(__file__).resolve().parent.parent
    checked = 0
    for path in sorted((root / "ptxl").rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        source = path.read_text(encoding="utf-8")
        for pattern, namespace in _CALLS:
            if not rel.startswith(_CALLERS[namespace]):
                continue
            for name in re.findall(pattern, source):
                assert f"{namespace}.{name}" in codes, (rel, name)
                checked += 1
    assert checked > 100


def test_the_command_line_writes_no_sentence_of_its_own():
    """Every line the CLI prints is a catalogue entry or data: no literal sentence in ``ptxl/cli.py``."""
    from pathlib import Path
    source = (Path(__file__).resolve().parent.parent / "ptxl" / "cli.py").read_text(encoding="utf-8")
    said = re.findall(r"(?:echo|fail|PtxlError)\(\s*f?\"([^\"]*)\"", source)
    assert said and all(not re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", s) for s in said), said


def _strings(node, scope: dict) -> set | None:
    """The strings an expression can be, from literals, ``a if c else b``, f-strings and names bound in
    ``scope`` (a function's assignments and loop targets); None when one of them cannot be known."""
    import ast
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        a, b = _strings(node.body, scope), _strings(node.orelse, scope)
        return None if a is None or b is None else a | b
    if isinstance(node, ast.Name):
        values = [_strings(v, scope) for v in scope.get(node.id, [])]
        return None if not values or None in values else set().union(*values)
    if isinstance(node, ast.JoinedStr):
        out = {""}
        for part in node.values:
            each = _strings(part.value if isinstance(part, ast.FormattedValue) else part, scope)
            if each is None:
                return None
            out = {a + b for a in out for b in each}
        return out
    return None


def _bindings(func) -> dict:
    """name → the expressions it is bound to in ``func``: ``x = …``, ``a, x = …, …``,
    ``for a, x in ((…), …)``."""
    import ast
    scope: dict = {}

    def bind(target, value):
        if isinstance(target, ast.Name):
            scope.setdefault(target.id, []).append(value)
        elif isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) and len(target.elts) == len(value.elts):
            for t, v in zip(target.elts, value.elts):
                bind(t, v)
        elif isinstance(target, ast.Tuple):  # unknowable: each name bound to something unresolvable
            for t in target.elts:
                bind(t, target)
    for node in ast.walk(func):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                bind(target, node.value)
        elif isinstance(node, ast.For) and isinstance(node.iter, (ast.Tuple, ast.List)):
            for item in node.iter.elts:
                bind(node.target, item)
        elif isinstance(node, ast.For):
            bind(node.target, node.iter)
    return scope


def alert_codes(source: str) -> list[tuple[int, str, set | None]]:
    """Each ``ctx.alert(kind, fam, sheet, row, date, code, …)`` call of ``source``: (line, "kind" or
    "template", the strings that argument can be, or None when they cannot be known)."""
    import ast
    out = []
    for func in ast.walk(ast.parse(source)):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        scope = _bindings(func)
        for call in ast.walk(func):
            if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "alert"
                    and len(call.args) >= 6):
                out.append((call.lineno, "kind", _strings(call.args[0], scope)))
                out.append((call.lineno, "template", _strings(call.args[5], scope)))
    return sorted(out, key=lambda x: (x[0], x[1]))


def test_every_alert_kind_and_template_code_is_in_the_catalogue():
    """Alerts name their kind and template code as ``Context.alert``'s arguments, often through a
    variable (``key = "document_expired" if … else …``): every value each can take is in the catalogue,
    so a misspelt template code fails the suite instead of the first refresh where the rule fires."""
    from pathlib import Path
    codes = set(i18n.load_all())
    root = Path(__file__).resolve().parent.parent
    seen = {"kind": set(), "template": set()}
    for path in sorted((root / "ptxl" / "alerts").rglob("*.py")):
        for line, what, values in alert_codes(path.read_text(encoding="utf-8")):
            assert values is not None, f"{path.name}:{line}: the alert's {what} cannot be checked (not a literal)"
            for v in values:
                assert f"alerts.{what}s.{v}" in codes, f"{path.name}:{line}: no alert {what} {v!r}"
            seen[what] |= values
    # every kind the alerts sheet can list is raised somewhere, and most templates are named
    assert seen["kind"] == {c.split(".", 2)[2] for c in codes if c.startswith("alerts.kinds.")}
    assert len(seen["template"]) >= 15


def test_the_alert_code_check_sees_a_typo_through_a_variable():
    source = ('def rule(ctx, fam, days):\n'
              '    key = "document_expired" if days < 0 else "document_expirng"\n'
              '    for kind, x in (("no_contact", 1), ("no_home_visit", 2)):\n'
              '        yield ctx.alert(kind, fam, "contacts", None, None, f"{kind}_since_admission")\n'
              '    yield ctx.alert(key, fam, "documents", None, None, key)\n'
              '    yield ctx.alert(key, fam, "documents", None, None, fam.code)\n')
    found = alert_codes(source)  # (line, kind) sorts before (line, template)
    assert found[1] == (4, "template", {"no_contact_since_admission", "no_home_visit_since_admission"})
    assert found[3] == (5, "template", {"document_expired", "document_expirng"})
    assert found[5] == (6, "template", None)
