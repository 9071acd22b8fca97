"""An agency's name runs on over its division or services word, a town's volunteer fire
department and a state police post or barracks are agencies, and the town's post office or
an army base's barracks are places (issue 19, stop 30). The sentences are new, in none of the
corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize("text, agency", [
    ("KENT STATE UNIVERSITY POLICE DIVISION WAS ALREADY ON SCENE.", "KENT STATE UNIVERSITY POLICE DIVISION"),
    ("Dallas Animal Services took the dogs after we cleared.", "Dallas Animal Services"),
    ("MAGNOLIA VFD ARRIVED AND CUT THE DOOR.", "MAGNOLIA VFD"),
    ("We got to the barn before Pine Ridge VFD did.", "Pine Ridge VFD"),
    ("Two troopers from the Bradford barracks met us at the bridge.", "Bradford barracks"),
    ("We dropped the prisoner at the Dorado precinct.", "Dorado precinct"),
])
def test_the_whole_agency_is_one(detector, text, agency):
    assert found_as(detector, text, agency) == {"AGENCY"}


@pytest.mark.parametrize("text, place", [
    ("He was waiting outside the Bradford post office with the package.", "Bradford"),
    ("He had been stationed at Schofield Barracks before he joined us.", "Schofield Barracks"),
])
def test_a_post_office_or_an_army_barracks_is_a_place(detector, text, place):
    assert found_as(detector, text, place) == {"LOCATION"}


@pytest.mark.parametrize("text, county", [
    ("I was the only deputy there from Laurel County for twenty minutes.", "Laurel County"),
    ("Back then I was on nights with Henry County and we ran two cars.", "Henry County"),
])
def test_the_county_a_deputy_works_for_is_its_sheriff(detector, text, county):
    assert found_as(detector, text, county) == {"AGENCY"}


def test_the_us_marshals_service_is_no_road(detector):
    text = "AFTER-ACTION - US MARSHALS SERVICE / WARRANT TEAM\nDATE: 03 APR 2025"
    assert found_as(detector, text, "US MARSHALS SERVICE") == {"AGENCY"}


def test_an_exports_fields_are_read_one_by_one(detector):
    text = "RMS_EXPORT|AGENCY=CEDAR FALLS PD|RPT=25-0044172|DT=2025-02-11|BADGE=412\nNARR|R/O RESPONDED."
    assert found_as(detector, text, "CEDAR FALLS PD") == {"AGENCY"}
    assert found_as(detector, text, "25-0044172") == {"ID"}
    assert not any("RPT" in f or "|" in f for f in flagged(detector, text))


def test_a_truck_before_its_tags_state_is_no_town(detector):
    text = "R/O STOPPED A BLK FORD RANGER, CO TAG KHX-221. DRIVER MERCER, DAKOTA EXITED THE VEH."
    assert not any("RANGER" in f for f in flagged(detector, text))
    assert found_as(detector, text, "KHX-221") == {"ID"}


@pytest.mark.parametrize("text, force", [
    ("ARRESTED BY THE SOUTHERN OHIO FUGITIVE APPREHENSION TASK FORCE AT 0600.",
     "SOUTHERN OHIO FUGITIVE APPREHENSION TASK FORCE"),
    ("She was detailed to the Tri-County Regional Narcotics Task Force that year.",
     "Tri-County Regional Narcotics Task Force"),
])
def test_a_task_force_named_for_its_region_is_an_agency(detector, text, force):
    assert found_as(detector, text, force) == {"AGENCY"}


@pytest.mark.parametrize("text, name", [
    ("SUBJ: DE LA ROSA MONTOYA, ANA LUISA   DOB 03/02/1994", "DE LA ROSA MONTOYA, ANA LUISA"),
    ("OPR: VAN DER MEER, PIETER J\nNARR: R/O SPOKE WITH OPR.", "VAN DER MEER, PIETER J"),
])
def test_a_records_surname_with_its_particles_is_one_name(detector, text, name):
    assert found_as(detector, text, name) == {"PERSON"}


@pytest.mark.parametrize("text, place", [
    ("we got sent to the 1900 blk of walnut st for a fight", "1900 blk of walnut st"),
    ("caught up to him at 2210 e 14th by the alley", "2210 e 14th"),
])
def test_a_lower_case_block_or_numbered_street_is_a_place(detector, text, place):
    assert found_as(detector, text, place) == {"LOCATION"}


def test_a_time_and_a_direction_word_are_no_address(detector):
    assert flagged(detector, "we got there at 0300 n of the bridge") == []


@pytest.mark.parametrize("text, plate, state", [
    ("S/V A GRY CHEV IMPALA MN KRT 558 LOCATED IN LOT.", "KRT 558", "MN"),
    ("A BLK DODGE RAM WI BXT 448 WAS PARKED BEHIND THE STORE.", "BXT 448", "WI"),
])
def test_a_plate_after_its_states_code_in_capitals_is_a_number(detector, text, plate, state):
    assert found_as(detector, text, plate) == {"ID"}
    assert found_as(detector, text, state) == {"LOCATION"}


@pytest.mark.parametrize("text, docket", [
    ("The docket, CP-46-CR-0007719-2024, was continued twice.", "CP-46-CR-0007719-2024"),
    ("Hennepin case 27-CR-24-11893 is still open.", "27-CR-24-11893"),
    ("Dealer FFL 5-74-021-07-3K-11820 sold it.", "5-74-021-07-3K-11820"),
])
def test_a_docket_in_segments_is_one_number(detector, text, docket):
    assert found_as(detector, text, docket) == {"ID"}


@pytest.mark.parametrize("text, value, label", [
    ("Call the tip line at 1-800-555-0199 after hours.", "1-800-555-0199", "CONTACT"),
    ("It happened on 2024-05-12 at the fair.", "2024-05-12", "DATE"),
])
def test_a_phone_or_a_date_in_segments_keeps_its_label(detector, text, value, label):
    assert found_as(detector, text, value) == {label}


@pytest.mark.parametrize("text, county", [
    ("Ride-along notes from a Lamar County resident deputy on the night shift.", "Lamar County"),
    ("Greene County, Precinct 4 - Eastside. I took a walk-in at the desk.", "Greene County"),
    ("It was raining hard, and the nearest backup was Pike County, forty minutes out.", "Pike County"),
])
def test_a_county_with_its_deputy_precinct_or_as_backup_is_the_agency(detector, text, county):
    assert found_as(detector, text, county) == {"AGENCY"}
