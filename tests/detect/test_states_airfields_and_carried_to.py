"""States beside the plates and licences they issued, airfields by their ICAO code, places
people are carried to, schools by "HS" and corners where one stands (issue 19, stop 33). The
sentences are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize("text, state", [
    ("VEH: 2019 FORD F150, WHI, LIC KTB7716 / NE, VIN 1FTEW1E50KFA22107", "NE"),
    ("Truck: 2012 Ram 1500, red. Plate: HWV442 (WY), exp. 03/2025.", "WY"),
    ("Towed: a 2006 Buick with a KS vanity plate \"GRANDPA\" on the front.", "KS"),
    ("Seen so far: 2B19907 MT and a trailer with no plate.", "MT"),
    ("Camper: 2011 Jayco, NV trailer plate 44T-8812, parked at the trailhead.", "NV"),
    ("SUBJ FLED INTO AZ ON SR-95 AND WAS NOT FOUND", "AZ"),
    ("  W-2  Oyelaran, Folake Ada   DOB 11/02/1980   MN OL K 118 220 447 901", "MN"),
])
def test_a_state_beside_what_it_issued_is_a_place(detector, text, state):
    assert found_as(detector, text, f"{state}") == {"LOCATION"}


@pytest.mark.parametrize("text, word", [
    ("UNIT 3C2 IN THE LOT BEHIND THE SHOP", "IN"),  # a word, not Indiana
    ("CASE 24A113 CO-SIGNED BY SGT", "CO"),
    ("UNITS: 4B12 (ME), 4B19\nLOC: 2200 BLK N ELM", "ME"),  # a unit's crew, not Maine
])
def test_a_word_after_a_code_is_no_state(detector, text, word):
    assert word not in flagged(detector, text)


@pytest.mark.parametrize("text, code", [
    ("Crew: pilot Dana Whitcomb. Departed KGEG at 0140 for the search grid.", "KGEG"),
    ("We staged at Bemidji Regional Airport (KBJI) with the fuel truck.", "KBJI"),
    ("The Life Flight helicopter landed at PAFA after the call.", "PAFA"),
])
def test_an_airfields_icao_code_is_a_place(detector, text, code):
    assert found_as(detector, text, code) == {"LOCATION"}


@pytest.mark.parametrize("text", [
    "AFTER WE LANDED I KNEW THE PILOT WOULD KEEP THE ROTOR TURNING",
    "AT THE BASE THE KIDS WERE TOLD TO KEEP BACK FROM THE RUNWAY",
])
def test_capital_words_near_flying_are_no_airfields(detector, text):
    assert not any(f in ("KNEW", "KEEP", "KIDS") for f in flagged(detector, text))


@pytest.mark.parametrize("text, place", [
    ("The mother went to Harborview on a voluntary hold and signed in.", "Harborview"),
    ("Fire Rescue took her to HCA Florida Westside after the fall.", "HCA Florida Westside"),
    ("He was transported by Pitt County EMS to Vidant under IVC.", "Vidant"),
])
def test_where_someone_is_carried_to_is_a_place(detector, text, place):
    assert found_as(detector, text, place) == {"LOCATION"}


@pytest.mark.parametrize("text, person", [
    ("The toddler was released to Rosa Delgado, her grandmother.", "Rosa Delgado"),
    ("I went to Travis Oakley and asked what he had seen.", "Travis Oakley"),
])
def test_someone_one_is_released_or_turns_to_stays_a_person(detector, text, person):
    assert found_as(detector, text, person) == {"PERSON"}


@pytest.mark.parametrize("text, school", [
    ("School: Garfield HS     Grade: 10", "Garfield HS"),
    ("She goes to Kennedy HS and works weekends.", "Kennedy HS"),
])
def test_a_school_by_hs_is_a_place(detector, text, school):
    assert found_as(detector, text, school) == {"LOCATION"}


def test_a_corner_where_one_stands_is_one_place(detector):
    text = "Shots fired at Gratiot and Conner, two victims down."
    spans = [s for s in detector.analyze_text(text) if s.label == "LOCATION"]
    assert [text[s.start:s.end] for s in spans] == ["Gratiot and Conner"]


def test_places_listed_with_a_comma_stay_apart(detector):
    text = "We searched homes in Hazard, KY and Lookout Mountain for the boy."
    assert "Lookout Mountain" in flagged(detector, text)
    assert not any("KY and" in f for f in flagged(detector, text))


@pytest.mark.parametrize("text, tag, label", [
    ("rough night, stay safe out there #MesaPD #nightshift", "MesaPD", "AGENCY"),
    ("ten hours on the levee #bcso #floodwatch", "bcso", "AGENCY"),
    ("crowd control all weekend in #tulsa #copsofinstagram", "tulsa", "LOCATION"),
])
def test_a_tag_of_a_department_or_a_town_is_kept(detector, text, tag, label):
    assert found_as(detector, text, tag) == {label}


@pytest.mark.parametrize("text", [
    "another one for the books #lessonslearned #also #backtheblue",
    "DOUBLE SHIFT #MidnightCrew #coplife",
])
def test_other_tags_are_no_identifiers(detector, text):
    assert flagged(detector, text) == []


@pytest.mark.parametrize("text, part", [
    ("After-action interview, Kern County Sheriff's Office, Area 3. Deputy Paul Ochs.", "Area 3"),
    ("Game warden, New Hampshire Fish and Game, Division C, ten years.", "Division C"),
    ("Nebraska State Patrol, Post 21\nPeer review -- Trooper Dana Vogel", "Post 21"),
    ("Game warden, Oregon Fish and Wildlife region 4. Boat check on the lake.", "region 4"),
])
def test_a_part_named_after_its_agency_is_the_agency(detector, text, part):
    assert found_as(detector, text, part) == {"AGENCY"}


def test_a_part_word_without_an_agency_before_is_no_agency(detector):
    text = "He parked by mile post 21 and waited for the wrecker."
    assert not any(s.label == "AGENCY" for s in detector.analyze_text(text))


def test_an_ori_beside_its_agency_is_a_number_of_its_own(detector):
    text = "FROM: MT0160000 CASCADE CO SO\nTO: ID0010000 ADA CO SO, WY0110000 LARAMIE CO SO"
    for ori in ("MT0160000", "ID0010000", "WY0110000"):
        assert found_as(detector, text, ori) == {"ID"}
    assert found_as(detector, text, "CASCADE CO SO") == {"AGENCY"}


@pytest.mark.parametrize("text, number", [
    ("1. Taurus G2C, 9mm, SN TMA44170\n2. Marlin 336, SN 0098-44712", "0098-44712"),
    ("Inmates: (1) VOSS, KARL  SPN 04417720  (2) REYES, ANA  SPN 05518831", "04417720"),
    ("His SID is 33018842 and the OCA is 24-77310.", "33018842"),
])
def test_a_record_number_after_its_abbreviation_is_an_id(detector, text, number):
    assert found_as(detector, text, number) == {"ID"}


def test_a_units_number_is_found_again_where_it_names_the_unit(detector):
    text = ("Sam 14: 731, terminate the pursuit.\nAir 2: 731 is still behind him at Pine.\n\n"
            "I was 731. We drove 731 miles that month; it was 731 F on the dash, no, 73.")
    numbers = [s for s in detector.analyze_text(text) if text[s.start:s.end] == "731"]
    assert [s.start for s in numbers] == [text.index("731"), text.index("731 is"), text.index("731. We")]
    assert {s.label for s in numbers} == {"ID"}


def test_units_called_by_a_prefix_the_radio_uses_are_call_signs(detector):
    text = ("Kenai 4: Copy, clearing the hospital.\nDispatch (Rhoda): Copy Kenai 7, caller is Ada "
            "Moses.\nKenai 4: Pulling in, Kenai 7 is on scene too.")
    spans = [s for s in detector.analyze_text(text) if text[s.start:s.end] == "Kenai 7"]
    assert len(spans) == 2 and {s.label for s in spans} == {"ID"}
