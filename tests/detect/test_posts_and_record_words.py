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
