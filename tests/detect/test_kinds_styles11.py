"""Kinds found missing in the eleventh yardstick's tuning part (issue 19): call signs after an
agency's acronym, a unit and the place it was near, part of a VIN, a plate NER calls a place,
a name and an age after a street. The sentences are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize(("text", "part", "label"), [
    # a call sign after its agency's acronym is no European street ("Hauptstrasse 12")
    ("Two-car at Pine x 41st, KCPD Adam 312 and Adam 318 on scene.", "Adam 312", "ID"),
    ("Two-car at Pine x 41st, KCPD Adam 312 and Adam 318 on scene.", "KCPD", "AGENCY"),
    # the last digits of a VIN
    ("No plate on it, last 6 of the VIN 448172, registered to a lender.", "448172", "ID"),
    # a plate of letters and digits NER calls a place
    ("Charlie 2 to Charlie 4: the van, 8TKW 552, is heading EB on Melrose.", "8TKW 552", "ID"),
])
def test_a_kind_of_identifier(detector, text, part, label):
    assert found_as(detector, text, part) == {label}


def test_a_unit_and_the_place_it_was_near_are_apart(detector):
    text = "He was stopped by Car 612 near Brookhaven Square and ran."
    assert found_as(detector, text, "Car 612") == {"ID"}
    assert found_as(detector, text, "Brookhaven Square") == {"LOCATION"}
    assert "near" not in " ".join(flagged(detector, text)).split()


def test_a_name_and_an_age_after_a_street_are_no_address(detector):
    text = "We lost him by 220 near Brookhaven Square. Suspect Dante Okoye, 16. He had a knife."
    assert found_as(detector, text, "Dante Okoye") == {"PERSON"}
    assert not any("16" in f for f in flagged(detector, text))


def test_a_street_address_keeps_its_unit_after_an_abbreviation(detector):
    text = "The call was at 4410 Main St. Apt 12 on the third floor."
    assert "Apt 12" in " ".join(flagged(detector, text))


@pytest.mark.parametrize(("text", "part", "label"), [
    # a command of an agency by its number
    ("TxDPS Region 4 sent two troopers to the crash.", "Region 4", "AGENCY"),
    ("TO ALL POSTS DIST 5. OFFICER SAFETY BULLETIN.", "DIST 5", "AGENCY"),
    # a dispatch centre, and a county whose people came to help
    ("911 transcript excerpt, Collier County ECC, event 24-118832:", "Collier County ECC", "AGENCY"),
    ("Animal control from Latah County took the dog.", "Latah County", "AGENCY"),
    # a name in capitals before a phone; a town before a comma and the agency
    ("CONTACT SGT BRANNIGAN 407-555-0188 OR COMMS.", "BRANNIGAN", "PERSON"),
    ("CONTACT SGT BRANNIGAN 407-555-0188 OR COMMS.", "407-555-0188", "CONTACT"),
    ("Stolen car recovery, Winter Park, Orange County SO. The keys were inside.", "Orange County SO",
     "AGENCY"),
])
def test_a_kind_of_identifier_second_round(detector, text, part, label):
    assert found_as(detector, text, part) == {label}


def test_a_model_year_is_no_place(detector):
    text = "Stolen car recovery, Winter Park, Orange County SO. 2020 Kia Soul, keys inside."
    assert "2020" not in flagged(detector, text)


@pytest.mark.parametrize(("text", "part", "label"), [
    ("Navajo Nation Police, Shiprock District, one unit for the mesa.", "Shiprock District", "AGENCY"),
    ("Baltimore, Eastern District, midnight shift, a barricade.", "Eastern District", "AGENCY"),
])
def test_a_police_district_by_its_town_or_direction_is_an_agency(detector, text, part, label):
    assert found_as(detector, text, part) == {label}


def test_a_quarter_called_a_district_is_no_agency(detector):
    text = "We walked the Warehouse District after the game let out."
    assert "AGENCY" not in {s.label for s in detector.analyze_text(text)}


@pytest.mark.parametrize(("text", "person"), [
    ("Ofc. Malia Kealoha-Park took the left side of the house.", "Malia Kealoha-Park"),
    ("The clerk, Joanna Wiśniewska-Hall, called it in from the back.", "Joanna Wiśniewska-Hall"),
    ("Our new partner Min-seo Park spoke to the family in Korean.", "Min-seo Park"),
])
def test_names_that_end_like_places_are_people(detector, text, person):
    assert found_as(detector, text, person) == {"PERSON"}


@pytest.mark.parametrize(("text", "place"), [
    # a site or unit given with the place's address, a city's state and postcode (a store's number
    # is a number of its own since stop 49, as the later corpora's headers decide:
    # test_labelled_numbers_and_chains.py)
    ("We found him at Cedar Flats Campground, site 12 after dark.", "Cedar Flats Campground, site 12"),
    ("The call was Maple Ridge Apartments, unit 7C, second floor.", "Maple Ridge Apartments, unit 7C"),
    ("MAIL TO: 44 N MAIN ST, POCATELLO ID 83201", "POCATELLO ID 83201"),
])
def test_a_place_keeps_its_number_and_postcode(detector, text, place):
    assert found_as(detector, text, place) == {"LOCATION"}


@pytest.mark.parametrize(("text", "part", "label"), [
    ("ASSISTING: OFC ABERNATHY #2231 AND OFC LUNA #1180.", "ABERNATHY", "PERSON"),
    ("ARRESTEE: GUTIERREZ, Ana Sofia, DOB 04/18/1993.", "GUTIERREZ, Ana Sofia", "PERSON"),
    ("DRIVER FLORES-BARRAGAN, MIGUEL A. W/M 34", "FLORES-BARRAGAN, MIGUEL A.", "PERSON"),
])
def test_names_with_badges_and_last_first_middle(detector, text, part, label):
    assert found_as(detector, text, part) == {label}


@pytest.mark.parametrize(("text", "part", "label"), [
    ("TRIED TO RUN OVER TPR OKAMURA (3-118) WHO WAS ON FOOT.", "3-118", "ID"),
    ("TRAINING BULLETIN 24-09 covers the new vests.", "24-09", "ID"),
    ("MD DL K-331-204-118-907 came back suspended.", "K-331-204-118-907", "ID"),
    ("Coach 6618 stopped short at the platform.", "Coach 6618", "ID"),
    ("We rode along with Valley Transit security that night.", "Valley Transit", "AGENCY"),
    ('"Adam 9, 10-38 Elm x Norman, OK KTR 552, grey Malibu"', "KTR 552", "ID"),
])
def test_a_kind_of_identifier_third_round(detector, text, part, label):
    assert found_as(detector, text, part) == {label}


@pytest.mark.parametrize("text", [
    "He was hit by a car (2015 Ford) last year.",
    "The Transit center was closed for the night.",
    "The crowd (200) was loud.",
])
def test_years_bare_heads_and_counts_are_no_identifiers(detector, text):
    assert flagged(detector, text) == []
