"""A town named in text without capitals (lower-case posts, ALL-CAPS records the recaser
lowers), right after a preposition (issue 19). The sentences are new."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize(("text", "town"), [
    ("rolled a unit to a wreck on us-93 near wisdom junction and one outside darby", "darby"),
    ("THE SUSPECT WAS ARRESTED IN HARDIN BY THE TRIBAL OFFICERS", "HARDIN"),
    ("we were headed back from kalispell when it happened", "kalispell"),
])
def test_a_small_town_after_a_preposition(detector, text, town):
    assert found_as(detector, text, town) == {"LOCATION"}


@pytest.mark.parametrize("text", [
    "we got there in time and the guy was out of luck",
    "the kid hid by the wall near the corn and we went to post",
    "i was in hope that it would end early",
])
def test_everyday_words_after_a_preposition_are_no_town(detector, text):
    assert flagged(detector, text) == []


@pytest.mark.parametrize(("text", "place"), [
    ("so i'm the sro at jefferson middle and a kid brought a knife", "jefferson middle"),
    ("big crowd by the waikiki aquarium and the kalakaua park gate", "kalakaua park"),
    ("GUY SLEEPING IN THE DOORWAY AT FRESNO DEPOT AGAIN", "FRESNO DEPOT"),
])
def test_a_facility_named_in_lower_case(detector, text, place):
    assert found_as(detector, text, place) == {"LOCATION"}


@pytest.mark.parametrize("text", [
    "we met at the gas station, then the train station, then the high school",
    "we waited at the nurses' station until the bus station cleared out",
])
def test_generic_facilities_in_lower_case_are_no_place(detector, text):
    assert flagged(detector, text) == []


@pytest.mark.parametrize(("text", "place"), [
    ("We deployed to Mayfield, Ky. after the tornado and slept in the truck.", "Mayfield, Ky."),
    ("The call came from Chugiak on the Glenn Hwy near mile 21.5 in the snow.", "mile 21.5"),
])
def test_a_state_as_newspapers_write_it_and_a_mile_along_a_road(detector, text, place):
    assert place in flagged(detector, text)


def test_a_mile_without_a_road_is_no_place(detector):
    assert flagged(detector, "I ran about a mile 2 times a day at the academy.") == []


@pytest.mark.parametrize(("text", "road"), [
    ("We found the wire at a grow site off KY 80 near the creek.", "KY 80"),
    ("the trailhead off WY-130 was closed for snow", "WY-130"),
])
def test_a_state_route_by_its_code(detector, text, road):
    assert found_as(detector, text, road) == {"LOCATION"}


@pytest.mark.parametrize("text", [
    "He ran off. We waited IN 15 MINUTES INTERVALS for the dog.",
    "The plate came back AZ 4471 DR on a stolen boat trailer.",  # a plate, not a road
])
def test_no_state_route_in_words_or_plates(detector, text):
    assert not any(road in flagged(detector, text) for road in ("IN 15", "AZ 447"))


def test_a_time_phrase_is_no_part_of_a_place(detector):
    assert "28th St" in flagged(detector, "Thanks to the unit for the good catch on 28th St last night.")


@pytest.mark.parametrize(("text", "road"), [
    ("so we were on i forty westbound when the tire came off", "i forty"),
    ("pursuit went down highway sixty one past exit one twenty", "highway sixty one"),
])
def test_a_dictated_road_with_its_number_in_words(detector, text, road):
    assert found_as(detector, text, road) == {"LOCATION"}


def test_a_lone_i_and_a_number_is_the_writer_counting(detector):
    assert flagged(detector, "i ten times told him to stop and i two more times warned him") == []


def test_us_and_a_number_word_is_no_road(detector):
    assert flagged(detector, "The fire department lent us one after that, and it worked.") == []


def test_a_park_of_mobile_homes_named_in_lower_case(detector):
    """The lower-case facility pattern itself takes the name before a two- or three-word head."""
    text = "we got sent to cedar bend trailer park again, then to bellmont mobile home park"
    recognizer = next(r for r in detector._get_engine().analyzer.registry.recognizers
                      if r.name == "FacilityKindRecognizer")
    found = {text[r.start:r.end] for r in recognizer.analyze(text, recognizer.supported_entities)}
    assert {"cedar bend trailer park", "bellmont mobile home park"} <= found
