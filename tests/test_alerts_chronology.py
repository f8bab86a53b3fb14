"""The legal chronology dropdown: stable codes, the issue's procedure steps, annex numbers."""

from __future__ import annotations

import csv
import re

import pytest

from ptxl.forms.scales import CHRONOLOGY_CSV
from ptxl.schema import LANGS, get_schema

# The codes of the researched starting list: released codes never disappear or change.
RELEASED = """ARRIVAL IP_APPLY DUBLIN_DEC DUBLIN_TRANSFER CGRS_INTERVIEW CGRS_DECISION CALL_APPEAL CALL_JUDGMENT
COS_APPEAL IP_SUBSEQUENT R9BIS_APPLY R9BIS_DEC R9TER_APPLY R9TER_ADMISS R9TER_MERITS FAMREU_APPLY FAMREU_DEC
STATELESS_COURT STATELESS_RES STATELESS_DEC CARD_EVENT OQT ENTRY_BAN OQT_APPEAL OQT_EXTENSION ICAM ADDRESS_CHECK
ARREST DETENTION_DEC CLOSED_CENTRE RETURN_HOUSE RELEASE_REQUEST RELEASE REMOVAL_ATTEMPT VOL_RETURN_REQ DEPARTURE
RELOCATION LAWYER RECEPTION URGENT_MED_AID CIVIL_STATUS OTHER""".split()

# The procedure steps the issue asks the dropdown to cover, with the codes that cover them.
ISSUE_STEPS = {
    "asylum application": ["IP_APPLY", "IP_SUBSEQUENT"], "asylum decision": ["CGRS_DECISION"],
    "appeals": ["CALL_APPEAL", "CALL_JUDGMENT", "COS_APPEAL", "OQT_APPEAL"],
    "9bis": ["R9BIS_APPLY", "R9BIS_DEC"], "9ter": ["R9TER_APPLY", "R9TER_ADMISS", "R9TER_MERITS"],
    "family reunification": ["FAMREU_APPLY", "FAMREU_DEC"],
    "statelessness procedure": ["STATELESS_COURT", "STATELESS_RES", "STATELESS_DEC"],
    "order to leave": ["OQT"], "entry ban": ["ENTRY_BAN"], "detention": ["ARREST", "DETENTION_DEC", "CLOSED_CENTRE"],
    "return house": ["RETURN_HOUSE"], "release": ["RELEASE_REQUEST", "RELEASE"], "voluntary return": ["VOL_RETURN_REQ"],
    "residence card": ["CARD_EVENT"], "removal": ["REMOVAL_ATTEMPT"], "lawyer appointed": ["LAWYER"],
    "other": ["OTHER"],
}

# Annex numbers checked against public sources (dofi.ibz.be, agii.be, adde.be, droitsquotidiens.be).
ANNEXES = {
    "IP_APPLY": {"26"}, "DUBLIN_DEC": {"26quater"}, "IP_SUBSEQUENT": {"26quinquies"},
    "OQT": {"13", "13quinquies"}, "ENTRY_BAN": {"13sexies"}, "DETENTION_DEC": {"13septies", "39bis"},
    "FAMREU_APPLY": {"19ter", "15bis"},
}
SUFFIX = r"(?:bis|ter|quater|quinquies|sexies|septies)"


def rows():
    with CHRONOLOGY_CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def numbers(label: str) -> set[str]:
    return set(re.findall(rf"\b\d+{SUFFIX}?\b", label))


def test_released_codes_are_kept():
    codes = [r["code"] for r in rows()]
    assert len(codes) == len(set(codes))
    assert set(RELEASED) <= set(codes)


@pytest.mark.parametrize("step", sorted(ISSUE_STEPS))
def test_issue_procedure_steps_are_covered(step):
    codes = set(get_schema().scales["chronology_event"].codes)
    assert set(ISSUE_STEPS[step]) <= codes


def test_labels_are_unique_and_present_in_every_language():
    scale = get_schema().scales["chronology_event"]
    for lang in LANGS:
        labels = scale.labels(lang)
        assert all(label.strip() for label in labels)
        assert len(set(labels)) == len(labels)


@pytest.mark.parametrize("code, annexes", sorted(ANNEXES.items()))
def test_annex_numbers(code, annexes):
    row = next(r for r in rows() if r["code"] == code)
    for lang in LANGS:
        assert numbers(row[lang]) == annexes, (code, lang)


def test_the_three_languages_quote_the_same_numbers():
    for row in rows():
        assert numbers(row["fr"]) == numbers(row["nl"]) == numbers(row["en"]), row["code"]
