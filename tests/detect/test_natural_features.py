"""Natural features and parks named after people are places (issue 19): a point, pond,
channel, inlet or bluff at the end of a name, and a "Given Park" where the words around
say place. The sentences are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import found_as


@pytest.mark.parametrize("text, place", [
    ("We parked at the pullout above Cooper Point and walked down.", "Cooper Point"),
    ("The skiff flipped in Tolliver Channel right at dusk.", "Tolliver Channel"),
    ("He went through the ice near the Danner Pond outlet.", "Danner Pond"),
    ("Location of contact: Wade Park, by the band shell", "Wade Park"),
    ("The van rolled off Cedar Bluff into the creek.", "Cedar Bluff"),
])
def test_a_feature_word_makes_a_place(detector, text, place):
    assert found_as(detector, text, place) == {"LOCATION"}


def test_a_surname_that_is_a_place_word_stays_a_person(detector):
    text = "The driver, Grady Park, got out and started yelling at us."
    assert found_as(detector, text, "Grady Park") == {"PERSON"}


@pytest.mark.parametrize("text, road", [
    ("We found the camp off FR 2041 south of the lake.", "FR 2041"),
    ("His trailer is off N-12 about nine miles past the chapter house.", "N-12"),
    ("Turn at BIA 27 and follow the fence line.", "BIA 27"),
])
def test_forest_and_tribal_roads_are_places(detector, text, road):
    assert found_as(detector, text, road) == {"LOCATION"}


def test_a_pronoun_before_a_number_is_no_road(detector):
    from tests.helpers.detection import flagged

    assert flagged(detector, "its 92 degrees in the cruiser and the ac is out") == []


def test_an_ordinal_street_keeps_its_ordinal(detector):
    text = "We borrowed a car from the pizza place on First Ave with the owner's permission."
    assert found_as(detector, text, "First Ave") == {"LOCATION"}
