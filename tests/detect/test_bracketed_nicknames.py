"""A nickname in quotes in brackets after a person's name, with whom it is for, is the person's
('Ruby Lee Hatcher ("Sister" to the family)') (issue 19, stop 41). The texts are new, in none of
the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_a_bracketed_nickname_for_the_family_is_a_person(detector):
    text = ('The store is run by Odessa Mae Pruitt ("Sister" to the family). Her mother, Hattie Pruitt, '
            '81, ("Big Mama" to the grandkids) was on the porch.')
    spans = surfaces_and_labels(detector, text)
    assert ("Sister", "PERSON") in spans
    assert ("Big Mama", "PERSON") in spans


def test_a_boat_or_a_sign_in_brackets_is_no_nickname(detector):
    text = 'A pickup towing a boat ("Reel Therapy" on the transom) passed us.'
    assert not [t for t, label in surfaces_and_labels(detector, text) if label == "PERSON"]
