"""The checks stage is linear in rows and findings (issue 14): counted work, never timed.

Why: a first import of legacy data has thousands of findings, many of them repeated
contacts; a rule that scans the whole sheet once per finding (the duplicate check used
to look up each duplicate's first row that way) turns such a refresh from seconds into
minutes. The work is counted on the same messy cohort at n and 4n families:

- rows touched by pandas (every comparison, logical operation, ``isin``/``map`` and
  row selection adds the length of the Series or frame it works on): a scan per finding
  makes this grow with the square of the size;
- Python function calls (``sys.setprofile``): a Python loop over all findings per
  finding would show there.

Linear work grows 4× for 4× the rows; a quadratic stage grows ~16×. The bound is 5×.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter

import pandas as pd
import pytest

from ptxl.model.dataset import Dataset
from ptxl.layout import Context as LayoutContext
from ptxl.layout import checks_grid
from ptxl.schema import get_schema
from ptxl.validate import validate_dataset

REF = dt.date(2023, 2, 28)
SMALL, FACTOR = 40, 4
BOUND = 5.0


def messy_rows(n: int) -> dict[str, list]:
    """n families typed in a hurry: names and criteria left blank, contacts and person ids entered twice."""
    sch = get_schema()
    rows: dict[str, list] = {k: [] for k in ("families", "members", "contacts")}
    for i in range(n):
        cid = f"PT-{i:04d}"
        admission = dt.date(2021, 1, 1) + dt.timedelta(days=i % 300)
        fam = {"case_id": cid, "family_name": None if i % 3 == 0 else f"Famille {i} (fictive)",
               "referral_date": admission - dt.timedelta(days=10), "admission_date": admission,
               "status": "active", "case_manager": "Anne"}
        for crit in sch.criteria:
            fam[crit] = None if i % 2 else "yes"
        rows["families"].append(fam)
        for m in range(3):
            mid = f"{cid}-{1 if i % 10 == 0 and m == 2 else m + 1}"  # one family in ten: a person id twice
            rows["members"].append({"case_id": cid, "member_id": mid, "role": "parent" if m == 0 else "child",
                                    "birth_date": dt.date(1985 if m == 0 else 2012, 1 + m, 1)})
        contacts = []
        for k in range(10):
            if k % 3 == 2:  # every third contact is a copy of the one before: a double entry
                contacts.append(dict(contacts[-1]))
            else:
                contacts.append({"case_id": cid, "contact_date": admission + dt.timedelta(days=7 * k),
                                 "contact_type": "phone", "minutes": 30, "case_manager": "Anne"})
        rows["contacts"].extend(contacts)
    return rows


def dataset(n: int) -> Dataset:
    return Dataset.from_rows(messy_rows(n), {"reference_date": REF})


class Work:
    """Counts pandas rows touched and Python calls while active."""

    # (class, method) whose cost grows with the length of the object they are called on
    METHODS = [(pd.Series, "_cmp_method"), (pd.Series, "_logical_method"), (pd.Series, "_arith_method"),
               (pd.Series, "__getitem__"), (pd.Series, "isin"), (pd.Series, "map"), (pd.DataFrame, "__getitem__")]

    def __init__(self, monkeypatch):
        self.rows = 0
        self.calls = 0
        self._mp = monkeypatch

    def _wrap(self, cls, name):
        original = getattr(cls, name)
        work = self

        def counted(obj, *args, **kwargs):
            work.rows += len(obj)
            return original(obj, *args, **kwargs)
        self._mp.setattr(cls, name, counted)

    def __enter__(self):
        for cls, name in self.METHODS:
            self._wrap(cls, name)
        sys.setprofile(self._profile)
        return self

    def _profile(self, frame, event, arg):
        if event == "call":
            self.calls += 1

    def __exit__(self, *exc):
        sys.setprofile(None)
        self._mp.undo()


def checks_stage(ds: Dataset) -> list:
    """The checks stage of a refresh: every rule, then the checks sheet laid out."""
    findings = validate_dataset(ds, REF)
    names = {s.key: s.name("fr") for s in get_schema().sheets}
    ctx = LayoutContext("fr", names, REF, None, sum(f.severity == "error" for f in findings),
                        sum(f.severity == "warning" for f in findings))
    checks_grid(ctx, findings)
    return findings


def measured(n: int, monkeypatch) -> tuple[Work, list]:
    ds = dataset(n)
    with Work(monkeypatch) as work:
        findings = checks_stage(ds)
    return work, findings


def test_the_messy_cohort_has_the_findings_of_a_legacy_import():
    """Guard for the counts below: they must be about a stage with many findings, of the expected kinds."""
    codes = Counter(f.code for f in checks_stage(dataset(SMALL)))
    assert codes["duplicate.row"] == SMALL * 3  # contacts 3, 6, 9 of each family
    assert codes["unique.member_id"] == SMALL // 10
    assert codes["required.missing"] == -(-SMALL // 3)  # family name blank in one family in three
    assert codes["admission.criterion"] == (SMALL // 2) * len(get_schema().criteria)


@pytest.mark.parametrize("counter", ["rows", "calls"])
def test_checks_stage_work_grows_linearly(monkeypatch, counter):
    small, small_findings = measured(SMALL, monkeypatch)
    large, large_findings = measured(SMALL * FACTOR, monkeypatch)
    assert len(large_findings) / len(small_findings) == pytest.approx(FACTOR, rel=0.05)  # 4× rows, 4× findings
    growth = getattr(large, counter) / getattr(small, counter)
    assert getattr(small, counter) > 0
    assert growth <= BOUND, f"{counter}: ×{growth:.1f} for ×{FACTOR} rows (linear is ×{FACTOR})"


def test_duplicates_point_back_to_their_first_row():
    """The one-pass lookup keeps what each message says: the row of the first entry of its group."""
    findings = [f for f in validate_dataset(dataset(3), REF) if f.code == "duplicate.row"]
    # contacts of family i sit at rows 2 + 10 i …; copies at k = 2, 5, 8 repeat k = 1, 4, 7
    expected = [(2 + 10 * i + k, 2 + 10 * i + k - 1) for i in range(3) for k in (2, 5, 8)]
    got = [(f.row, int(re.findall(r"ligne (\d+)", f.message)[-1])) for f in findings]
    assert got == expected


def test_whole_column_shortcuts_still_flag_each_bad_value():
    """values.check skips a column whose min/max or distinct values are fine: a bad one must still be found."""
    rows = messy_rows(2)
    rows["contacts"][1]["minutes"] = -5
    rows["contacts"][3]["contact_type"] = "carrier_pigeon"
    codes = [(f.code, f.row) for f in validate_dataset(dataset_from(rows), REF)
             if f.code in ("number.negative", "choice.unknown")]
    assert sorted(codes) == [("choice.unknown", 5), ("number.negative", 3)]


def dataset_from(rows: dict) -> Dataset:
    return Dataset.from_rows(rows, {"reference_date": REF})


def test_links_spliced_as_text_are_what_lxml_writes():
    """The checks sheet's ~13,000 links are written as text: staff-named sheets with & < > " ' and tabs
    must read back exactly, in the bytes lxml itself would have written."""
    from lxml import etree

    from ptxl.model.grid import SheetGrid
    from ptxl.write.surgical import MAIN, rewrite_sheet
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData/><hyperlinks><hyperlink ref="Z9" location="x"/></hyperlinks>' \
            '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
    g = SheetGrid("checks")
    targets = [("B4 & <1> \"é\"\ttab", "'Fa&mi\"l<les>'!B4"), ("C7", "'O''Brien – ’'!C7"), ("", "'X'!A1")]
    for r, (text, link) in enumerate(targets):
        g.put(r, 2, text, "wrap", link)
    out, _ = rewrite_sheet(sheet.encode(), g, {"wrap": 3})
    root = etree.fromstring(out)
    links = [(h.get("ref"), h.get("location"), h.get("display")) for h in root.iter(f"{{{MAIN}}}hyperlink")]
    assert links == [(f"C{r + 1}", link, text) for r, (text, link) in enumerate(targets)]  # the old Z9 is gone
    assert out == etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def test_repeated_values_are_written_like_the_first_only_when_they_are_the_same_text():
    """Cells are serialised once per distinct value: 0.0 and -0.0 (equal floats) must still differ."""
    from ptxl.model.grid import SheetGrid
    from ptxl.write.surgical import sheet_rows
    g = SheetGrid("checks")
    for r, v in enumerate([0.0, -0.0, "a", "a", 1, True, None, dt.date(2023, 1, 2)]):
        g.put(r, 0, v, "wrap")
    xml = sheet_rows(g.cells, {}, {"wrap": 3}, False).xml
    assert '<c r="A1" s="3"><v>0.0</v></c>' in xml and '<c r="A2" s="3"><v>-0.0</v></c>' in xml
    assert '<c r="A3" s="3" t="inlineStr"><is><t>a</t></is></c>' in xml
    assert '<c r="A4" s="3" t="inlineStr"><is><t>a</t></is></c>' in xml
    assert '<c r="A5" s="3"><v>1</v></c>' in xml and '<c r="A6" s="3" t="b"><v>1</v></c>' in xml
    assert '<c r="A7" s="3"/>' in xml and '<c r="A8" s="3"><v>44928</v></c>' in xml
