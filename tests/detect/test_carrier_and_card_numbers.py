"""A number after a carrier's, a driver's licence's, a card's or a tip line's word is a record's
number, not a phone number, written in digits or said in words (issue 19, stop 41). The texts
are new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_numbers_after_carrier_and_card_words_are_ids(detector):
    text = ("i had a car carrier stopped, dot number four one one two two zero eight, and the driver's "
            "cdl nine nine one four four two seven. Collision 2023-7-0044917. Tip 2024-0312-0117. "
            "**Incident:** 229104-24. Call me at 555-0188.")
    spans = surfaces_and_labels(detector, text)
    for number in ("four one one two two zero eight", "nine nine one four four two seven", "2023-7-0044917",
                   "2024-0312-0117", "229104-24"):
        assert (number, "ID") in spans
    assert ("555-0188", "CONTACT") in spans
