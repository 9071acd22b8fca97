"""Agencies written the way officers type them (issue 19): lower-case office acronyms and an
agency's area commands. The sentences are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize(("text", "agency"), [
    ("called mcso for backup and kcpd showed up first", "mcso"),
    ("called mcso for backup and kcpd showed up first", "kcpd"),
    ("the deputies from ocsd were already there", "ocsd"),
    ("Sgt. Oduya, Southeast Precinct, took the report.", "Southeast Precinct"),
    ("i'm with d detachment out of fairbanks", "d detachment"),
    ("NE AREA COMMAND SENT TWO CARS", "NE AREA COMMAND"),
])
def test_an_agency_or_its_command(detector, text, agency):
    assert found_as(detector, text, agency) == {"AGENCY"}


@pytest.mark.parametrize("text", [
    "he hit me in the torso and also kicked my shin",
    "the cso and the pso were both on the ramp",
    "it cost him a peso and a bowl of miso",
    "Our Police Chief signed the memo; a Detective Sergeant reviewed it.",
])
def test_words_and_titles_are_no_agency(detector, text):
    assert flagged(detector, text) == []


@pytest.mark.parametrize(("text", "agency"), [
    ("When we got there Bethel police had the road closed.", "Bethel police"),
    ("The Kodiak sheriffs office never called back.", "Kodiak sheriffs office"),
])
def test_a_town_then_its_police_in_lower_case(detector, text, agency):
    assert found_as(detector, text, agency) == {"AGENCY"}


def test_a_town_then_its_fire_in_lower_case_is_the_town(detector):
    text = "The Bethel fire burned two houses."
    assert found_as(detector, text, "Bethel") == {"LOCATION"}
    assert "fire" not in " ".join(flagged(detector, text))


@pytest.mark.parametrize(("text", "county", "label"), [
    ("Kittitas County deputies and Ellensburg PD closed the bridge.", "Kittitas County", "AGENCY"),
    ("I sent Garfield County units to the east gate.", "Garfield County", "AGENCY"),
    ("Unit 14, Custer County, night shift - a cow on the road.", "Custer County", "AGENCY"),
    ("We waited for backup from Yuma County for an hour.", "Yuma County", "AGENCY"),
    ("He had a warrant out of Kittitas County and lived in Garfield County.", "Garfield County", "LOCATION"),
])
def test_a_county_that_sends_deputies_is_the_sheriff(detector, text, county, label):
    assert found_as(detector, text, county) == {label}


@pytest.mark.parametrize(("text", "agency"), [
    ("SEPTA bus 4471 stopped short of the crossing.", "SEPTA"),
    ("A WMATA train operator saw him on the tracks.", "WMATA"),
    ("We met BNSF special agents at the yard office.", "BNSF"),
])
def test_a_transit_authority_or_railroad_is_an_agency(detector, text, agency):
    assert found_as(detector, text, agency) == {"AGENCY"}
