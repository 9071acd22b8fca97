"""A boat's state number is one identifier (issue 19): two letters, four digits, one or two
letters ("CF 4410 KL"), even when its last letters read as a road's ("WN 2218 RT"); a time
is not one. The sentences are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize("text, number", [
    ("The second skiff, AK 3381 CT, had no lights on at all.", "AK 3381 CT"),
    ("We boarded F/V SEA WITCH, WN 2218 RT, at the fuel dock.", "WN 2218 RT"),
    ("hull number HA 1190 K, left on the mooring for months", "HA 1190 K"),
    ("reg was fl 6620 mx, some guy from up north", "fl 6620 mx"),
])
def test_a_boat_number_is_one_id(detector, text, number):
    assert found_as(detector, text, number) == {"ID"}


@pytest.mark.parametrize("text", [
    "ARRIVED ON 0315 HRS AND CLEARED BY 0400 HRS.",
    "we got there at 2230 pm and it was over",
])
def test_a_time_is_no_boat(detector, text):
    assert not any(any(c.isdigit() for c in f) for f in flagged(detector, text))
