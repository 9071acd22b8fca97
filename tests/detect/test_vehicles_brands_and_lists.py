"""Things described are no places (a vehicle by its model year, a brand before what it made,
gear and dog breeds), a plate and its state, people named in a list, nicknames given by a
phrase (issue 19). The sentences are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize("text, vehicle", [
    ("We stopped a maroon 2014 Buick LaCrosse near the levee road.", "2014 Buick"),
    ("ATTN UNITS: WANTED 2009 BLU TOYT COROLLA LAST SEEN EB.", "2009 BLU"),
    ("Vehicle 2: 2021 Kia Telluride, damage to the rear door.", "2021 Kia"),
    ("VEH: 2013 HYUN SONATA GRY, owner unknown.", "2013 HYUN"),
])
def test_a_vehicle_by_its_model_year_is_no_place(detector, text, vehicle):
    flags = flagged(detector, text)
    assert not any(vehicle in f or f in vehicle for f in flags if any(c.isdigit() for c in f))
    assert not any(f.startswith(vehicle.split()[1]) for f in flags)


def test_an_address_on_a_street_named_like_a_make_stays(detector):
    text = "The call was at 2011 Ford Ave, a duplex by the tracks."
    assert "2011 Ford Ave" in flagged(detector, text)


def test_the_plate_written_with_a_vehicle_stays(detector):
    text = "BOLO 2007 SIL NISS MAXIMA OH REG HZK 4471 LAST SEEN ON THE BYPASS."
    flags = flagged(detector, text)
    assert "HZK 4471" in flags and "OH" in flags
    assert found_as(detector, text, "HZK 4471") == {"ID"}


@pytest.mark.parametrize("text, brand", [
    ("A man in a Steelers jersey came around the pump island.", "Steelers"),
    ("She was holding a Motorola phone, not a gun.", "Motorola"),
    ("The kid in the Patagonia jacket ran east.", "Patagonia"),
    ("It happened after the Auburn game, with the whole town out.", "Auburn"),
])
def test_a_brand_or_team_before_what_it_made_is_no_place(detector, text, brand):
    assert brand not in flagged(detector, text)


def test_an_agencys_jacket_keeps_the_agency(detector):
    text = "He was wearing a Pinellas County Sheriff jacket he had stolen."
    assert any("Pinellas" in f for f in flagged(detector, text))


@pytest.mark.parametrize("text", [
    "He reached under the seat and came up with a Kel-Tec.",
    "A Hi-Point carbine was on the back seat.",
    "The Cane Corso cleared the fence and came at me.",
    "Stay behind the A-pillar when you give commands.",
])
def test_gear_dog_breeds_and_car_parts_are_no_places(detector, text):
    assert flagged(detector, text) == []


@pytest.mark.parametrize("text, state, plate", [
    ("The pickup, plate WV KDN 214, was parked crooked.", "WV", "KDN 214"),
    ("Blue Nissan Rogue, KY R81-TMV, fled south.", "KY", "R81-TMV"),
])
def test_a_state_and_a_plate_with_letters_first_are_a_place_and_a_number(detector, text, state, plate):
    assert found_as(detector, text, state) == {"LOCATION"}
    assert found_as(detector, text, plate) == {"ID"}


def test_a_plate_digits_first_stays_one_number_with_its_state(detector):
    text = "The sedan, SC 4471 KB, was still warm."
    assert "SC 4471 KB" in flagged(detector, text)


def test_everyone_in_a_list_of_people_is_a_person(detector):
    text = "At the table: Big Lou, Marisol, Ozzie, Brick, Keiko and the chaplain."
    flags = flagged(detector, text)
    for name in ("Big Lou", "Marisol", "Brick", "Keiko"):
        assert name in flags, (name, flags)
        assert found_as(detector, text, name) == {"PERSON"}


def test_a_list_of_places_is_left_to_the_places(detector):
    text = "We covered Dillon, Bannack, Jackson and Wisdom that winter."
    assert found_as(detector, text, "Wisdom") != {"PERSON"}


@pytest.mark.parametrize("text, nickname", [
    ("there was this old man we all call pops who sat on the porch.", "pops"),
    ("The inmate everybody calls Crayon came off the top bunk.", "Crayon"),
    ("People called her Sparrow on the block.", "Sparrow"),
])
def test_a_nickname_given_by_a_phrase(detector, text, nickname):
    assert found_as(detector, text, nickname) == {"PERSON"}


def test_calling_a_service_names_no_one(detector):
    assert flagged(detector, "We called dispatch and then we called fire.") == []
