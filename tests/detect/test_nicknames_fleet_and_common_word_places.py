"""Nicknames after "a guy called", initials repeated, fleet call signs, and places named by
an everyday word after "on", "past", "to" (issue 19). The sentences are new, in none of the
corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


def test_a_nickname_after_a_guy_called_and_its_repeats(detector):
    text = "Bar fight. Ronnie and a guy called Moose. Moose swung first and Ronnie ducked."
    assert flagged(detector, text).count("Moose") == 2
    assert found_as(detector, text, "Moose") == {"PERSON"}


@pytest.mark.parametrize("text", [
    "A woman called saying her son had a knife.",
    "A guy called 911 from the gas station.",
])
def test_calling_is_no_naming(detector, text):
    assert not any(f in ("saying", "911") for f in flagged(detector, text))


def test_initials_a_writer_gave_are_found_each_time(detector):
    text = "I'll call him K. to keep it simple. K. drove, and K. was the one who saw the gun."
    assert flagged(detector, text).count("K.") == 3


@pytest.mark.parametrize("text, sign", [
    ("Dispatch told Ops 4 to hold the gate.", "Ops 4"),
    ("Bus 6612 stopped short and the rider fell.", "Bus 6612"),
    ("Van T-22 was already at the sally port.", "Van T-22"),
])
def test_fleet_and_operations_call_signs(detector, text, sign):
    assert sign in flagged(detector, text)
    assert found_as(detector, text, sign) == {"ID"}


@pytest.mark.parametrize("text, place", [
    ("We set up the checkpoint on Bluebonnet, north of the school.", "Bluebonnet"),
    ("The car finally stopped in the ditch past Meadowlark.", "Meadowlark"),
    ("The patient went to Sacred for a psych eval.", "Sacred"),
])
def test_an_everyday_word_with_a_capital_after_on_past_or_to_is_a_place(detector, text, place):
    assert place in flagged(detector, text)
    assert found_as(detector, text, place) == {"LOCATION"}


@pytest.mark.parametrize("text", [
    "We met on Tuesdays and ran the range on Thursdays.",
    "He prayed to God and went to Mass after shift.",
    "She posted the video on Facebook the next day.",
])
def test_days_faith_and_platforms_are_no_places(detector, text):
    flags = flagged(detector, text)
    assert not any(f in ("Tuesdays", "Thursdays", "God", "Mass") for f in flags), flags


def test_a_country_a_visitor_came_from_stays_a_place(detector):
    text = "On the trail a visitor from Portugal walked right up to the bear."
    assert found_as(detector, text, "Portugal") == {"LOCATION"}


@pytest.mark.parametrize("text, road", [
    ("The bear was standing on County Road G past the dairy.", "County Road G"),
    ("caller lives on county rd jj just north of the bridge", "county rd jj"),
])
def test_a_county_road_named_by_letters(detector, text, road):
    assert road in flagged(detector, text)
    assert found_as(detector, text, road) == {"LOCATION"}


def test_the_county_road_a_few_miles_names_no_road(detector):
    assert flagged(detector, "We drove the county road a few miles in the dark.") == []
