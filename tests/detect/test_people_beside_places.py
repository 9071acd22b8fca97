"""A person written beside a place stays a person (issue 19): "Wilner Joseph of New Smyrna
Beach", "Game Warden Esteban Cantú-Leal, Zavala County", a name whose surname is a feature
word ("Gideon Marsh"), and a signature's name above its title on the next line. The
sentences are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import found_as


@pytest.mark.parametrize("text, person, place", [
    ("Operator: Rosny Pierre of Daytona Beach. Location: off the north jetty.",
     "Rosny Pierre", "Daytona Beach"),
    ("Game Warden Ignacio Treviño-Salas, Kinney County, reporting.",
     "Ignacio Treviño-Salas", "Kinney County"),
])
def test_a_person_from_a_place_is_two_things(detector, text, person, place):
    assert found_as(detector, text, person) == {"PERSON"}
    assert found_as(detector, text, place) == {"LOCATION"}


def test_a_surname_that_is_a_feature_word_is_a_person(detector):
    text = "The man inside, Ezekiel Marsh, came out fast with an axe."
    assert found_as(detector, text, "Ezekiel Marsh") == {"PERSON"}


def test_the_named_feature_stays_a_place(detector):
    text = "HE RAN TOWARD THE HAWTHORNE BRIDGE WITH THE GUN IN HIS HAND."
    assert found_as(detector, text, "HAWTHORNE BRIDGE") == {"LOCATION"}


def test_a_signature_ends_at_its_line(detector):
    text = "Keep the door shut during deliberations.\n\nNadia Farouk\nCourt Security Manager\n555-0142"
    assert found_as(detector, text, "Nadia Farouk") == {"PERSON"}
    spans = [s for s in detector.analyze_text(text) if s.label == "PERSON"]
    assert all("\n" not in text[s.start:s.end] for s in spans)
