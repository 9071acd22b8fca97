"""A state's postal code standing alone is a place (issue 19): before a licence, tag or
plate word, in a record's state field, after "in/from" in prose, in brackets after an
agency. Codes that are also words are left alone there. The sentences are new, in none of
the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize("text, code", [
    ("SUBJ W/M DOB 03/14/1979 AZ DL D08812245 SUSPENDED.", "AZ"),
    ("VEH: 2015 CHEV MALIBU WHI, WI TAG 771-KRD, LAST SEEN EB.", "WI"),
    ("DRV OLN 5521873 ST NV, NO INSURANCE ON FILE.", "NV"),
    ("he had a permit to carry in UT but not here", "UT"),
    ("Conway PD (SC) asked us to hold him.", "SC"),
    ("I worked for Fargo PD in ND for six years before this.", "ND"),
])
def test_a_state_code_alone_is_a_place(detector, text, code):
    assert found_as(detector, text, code) == {"LOCATION"}


@pytest.mark.parametrize("text, word", [
    ("DEP REED WAS DISPATCHED TO 400 PINE ST IN HOUGHTON FOR A FIGHT.", "IN"),
    ("He was in OK shape after the fall, just scraped up.", "OK"),
    ("We drove him to VA hospital at 0300.", "VA"),
])
def test_a_code_that_is_a_word_stays_a_word(detector, text, word):
    assert word not in flagged(detector, text)
