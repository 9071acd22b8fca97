"""A given name before a place's word names the place unless the word is also a common surname
("Juliet Square", "Clifford Yard" against "Marcus Lane"), and two officers by their ranks joined
by "and" are no park (issue 19, stop 41). The texts are new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_a_given_name_then_square_or_yard_is_a_place(detector):
    text = ("Subject: fireworks call - Juliet Square - 7/4 - RD# KP-22817\n"
            "The switchman walked Clifford Yard alone at night.")
    spans = surfaces_and_labels(detector, text)
    assert ("Juliet Square", "LOCATION") in spans
    assert ("Clifford Yard", "LOCATION") in spans


def test_a_given_name_then_a_surname_that_is_a_road_word_stays_a_person(detector):
    text = "The driver, Dwayne Pike, got out and walked back to the trailer."
    assert ("Dwayne Pike", "PERSON") in surfaces_and_labels(detector, text)


def test_two_officers_joined_by_and_are_two_people_not_a_park(detector):
    text = "Deputy Marcus Lane and Officer Grace Park took the report at the gate."
    spans = surfaces_and_labels(detector, text)
    assert ("Marcus Lane", "PERSON") in spans
    assert ("Grace Park", "PERSON") in spans
    assert not [t for t, label in spans if label == "LOCATION"]


def test_a_friend_named_with_a_road_word_is_a_person_and_a_corner_stays_a_place(detector):
    text = ("The car held Priya Raman, 19, with friends Ben Cho and Dwayne Lane. Later we met at "
            "Dwayne Lane and 5th.")
    spans = surfaces_and_labels(detector, text)
    assert ("Dwayne Lane", "PERSON") in spans
    assert not [t for t, label in spans if t.startswith("Dwayne Lane and") and label != "LOCATION"]
