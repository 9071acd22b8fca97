"""Places named without a proper noun and roads named for people (issue 19, stop 31): a
transit line by its colour in a report about trains, a quarter by its local nickname ("at
the flats", "down in the bottoms"), an expressway named for someone ("on the Dan Ryan").
The sentences are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize("text, place", [
    ("guy on the tracks at the station, blue line, swinging a pipe at the train doors", "blue line"),
    ("0112 MAN ON TRACKS, ORANGE LINE, WELLINGTON STATION SB PLATFORM", "ORANGE LINE"),
    ("we had a bad one down in the bottoms after the river came up", "bottoms"),
    ("sarge said dont go out to the flats alone at night", "flats"),
    ("I was working a stalled car on the Kennedy Ortiz when a second car clipped it.", "Kennedy Ortiz"),
])
def test_lines_quarters_and_named_expressways_are_places(detector, text, place):
    assert found_as(detector, text, place) == {"LOCATION"}


@pytest.mark.parametrize("text", [
    "the paint had a red line down the middle of the lot",
    "stay behind the yellow line on the platform when the train comes in",
    "the kids were playing on the mud flats by the river",
])
def test_a_colour_and_line_or_flats_elsewhere_are_nothing(detector, text):
    assert flagged(detector, text) == []


def test_a_quarter_named_in_the_plural_is_no_family(detector):
    text = ("Close call in the Bottoms, written for the new officers.\n1. The Bottoms is called that "
            "for a reason: the river comes up fast.")
    labels = {s.label for s in detector.analyze_text(text) if text[s.start:s.end] == "Bottoms"}
    assert labels == {"LOCATION"}


@pytest.mark.parametrize("text, agency, place", [
    ("Call sign Adam 4. Saline County SO. Highway 9 at SW 40th St, June 3.", "Saline County SO", "Highway 9"),
    ("* Thanks to Unit 3C12 for the good catch on 31st St.\nKPD Patrol", "KPD", "31st St."),
])
def test_a_place_ends_at_a_sentence_or_a_line(detector, text, agency, place):
    spans = {text[s.start:s.end]: s.label for s in detector.analyze_text(text)}
    assert spans.get(agency) == "AGENCY"
    assert spans.get(place) == "LOCATION"


@pytest.mark.parametrize("text, place", [
    ("CHARGES: DUI 2ND. BOOKED HINDS CO JAIL. LESSON: SEARCH THE CAR.", "HINDS CO JAIL"),
    ("21:40:10  4B12 TRANSPORTING 1 TO MARICOPA CO ADULT DET CTR", "MARICOPA CO ADULT DET CTR"),
    ("We were sent to a welfare check at 2210 E 3300 S on the 4th.", "2210 E 3300 S"),
])
def test_county_jails_and_grid_addresses(detector, text, place):
    assert found_as(detector, text, place) == {"LOCATION"}


def test_the_county_jail_unnamed_is_nothing(detector):
    assert flagged(detector, "He went to the county jail after the hearing.") == []
