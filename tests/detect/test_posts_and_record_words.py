"""A post's hashtags and a record's everyday words are no identifiers (issue 19): "#nightshift",
"DEP NOTE:", "AGG ROBBERY", "LKA", vehicle colour codes, "R/O'S". The sentences are new, in
none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged


@pytest.mark.parametrize("text", [
    "never again will i walk up on a car like that #midnights #officersafety",
    "TPR NOTE: ALWAYS WAIT FOR THE SECOND UNIT.",
    "OFFENSE: AGG ASSLT ON PEACE OFFICER / RESISTING",
    "S1 NOT AT LKA. CHECKED TWICE.",
    "VEH: BLK CHEV TAHOE, NO PLATE SEEN.",
])
def test_record_words_and_tags_are_not_flagged(detector, text):
    assert flagged(detector, text) == []


def test_a_number_after_a_hash_is_still_a_number(detector):
    assert "44871" in flagged(detector, "Walked into store #44871 at closing.")


@pytest.mark.parametrize("text, name", [
    ("the lake by the dam: kid (amir hussain) went under twice before i got him.", "amir hussain"),
    ("the driver (marisol) wouldnt look at me, just kept reaching down", "marisol"),
])
def test_a_name_in_brackets_after_a_role_is_a_person(detector, text, name):
    from tests.helpers.detection import found_as

    assert found_as(detector, text, name) == {"PERSON"}


def test_an_age_in_brackets_is_no_name(detector):
    assert flagged(detector, "the kid (probably 14) ran off toward the tracks") == []
