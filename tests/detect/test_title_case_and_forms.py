"""Dictation in Title Case, forms in columns, towns before their state's name, saints' places
and rank words a report uses as names (issue 19, stop 32). The sentences are new, in none of
the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as

TITLE_CASE = (
    "Cpl Dorothea Quayle Alabama State Troopers Post 12 Dictation. On 6/2 At Approx 2240 I Was "
    "Working A Wreck On I 65 Southbound Near Cullman. The Other Driver Was A Man Named Rufus "
    "Tennille And He Would Not Stay In His Car. Tell Everybody To Stay Off The Road Next Time. "
    "Cullman County Deputies Assisted. Call The Post At 256 555 0147 Extension 4. End Dictation."
)


@pytest.mark.parametrize("part, label", [
    ("Dorothea Quayle", "PERSON"),
    ("Rufus Tennille", "PERSON"),
    ("Alabama State Troopers Post 12", "AGENCY"),
    ("Cullman County", "AGENCY"),
    ("256 555 0147 Extension 4", "CONTACT"),
])
def test_title_case_dictation_is_read_like_normal_text(detector, part, label):
    assert found_as(detector, TITLE_CASE, part) == {label}


def test_title_case_words_are_not_names_or_places(detector):
    found = flagged(detector, TITLE_CASE)
    assert not any(w in f for f in found for w in ("Everybody", "Road", "Dictation", "Cpl"))


def test_an_id_number_after_a_name_is_no_town_in_idaho(detector):
    text = "Officer involved: Harjit Dhaliwal, ID 30582\n\nOfficer Dhaliwal was on SR-41 that night."
    assert found_as(detector, text, "Harjit Dhaliwal") == {"PERSON"}
    assert found_as(detector, text, "30582") == {"ID"}
    assert "ID" not in flagged(detector, text)


def test_an_idaho_address_keeps_its_state_and_zip(detector):
    text = "Mail the form to 410 Elm St, Ketchum, ID 83340 before the hearing."
    assert found_as(detector, text, "ID 83340") == {"LOCATION"}


def test_a_form_column_gap_ends_a_span(detector):
    text = ("WARRANT NO: 25-W-11842    ISSUING COURT: MERCER COUNTY MAGISTRATE COURT\n"
            "JUDGE: HON. LORETTA J. PRUITT    DATE ISSUED: 03/11/2025\n"
            "PLACE OF ARREST: 2207 OAKHURST RD (MOTHER'S RES, DEVONNA KEYS)\n")
    assert found_as(detector, text, "25-W-11842") == {"ID"}
    assert "25-W-11842" in flagged(detector, text)
    assert found_as(detector, text, "LORETTA J. PRUITT") == {"PERSON"}
    assert "2207 OAKHURST RD" in flagged(detector, text)
    assert found_as(detector, text, "DEVONNA KEYS") == {"PERSON"}


def test_a_deputy_named_before_his_county_in_lower_case_dictation(detector):
    text = ("no punctuation dictation deputy wade pruett simpson county near miss on highway "
            "forty nine by the strong river bridge i stopped for a stalled truck")
    assert found_as(detector, text, "wade pruett") == {"PERSON"}
    assert found_as(detector, text, "simpson county") == {"AGENCY"}
    assert "wade pruett simpson county" not in flagged(detector, text)


@pytest.mark.parametrize("text", [
    "I am a Deputy Sheriff in Yakima County and have been for nine years.",
    "Deputy Ross drove into Pike County at noon.",
])
def test_a_county_after_other_words_stays_a_place(detector, text):
    county = next(w for w in ("Yakima County", "Pike County") if w in text)
    assert found_as(detector, text, county) == {"LOCATION"}


@pytest.mark.parametrize("text, town", [
    ("Peer review, Liberty Police Department (Liberty, Missouri)\nOfficer Dane Ruiz wrote it.", "Liberty"),
    ("Hope Police Department, Hope, Arkansas -- near miss for shift briefing.", "Hope"),
    ("We drove down to Joy, Illinois for the funeral.", "Joy"),
])
def test_a_town_before_its_states_name_is_a_place(detector, text, town):
    start = text.index(town + ",")
    labels = {s.label for s in detector.analyze_text(text) if s.start <= start < s.end}
    assert labels == {"LOCATION"}


def test_a_saints_place_keeps_its_saint(detector):
    text = "Copies go to the parish office at St. Brendan Church and to Sgt. Hale."
    assert found_as(detector, text, "St. Brendan Church") == {"LOCATION"}


def test_a_k9_named_by_a_rank_word_is_found_again_where_used_as_a_name(detector):
    text = ("Deputy Rolf Ekdahl, K9 handler; K9 Ranger\n"
            "Deputy Ekdahl and Ranger went up the ridge. Ranger was off leash. Good job, Ranger.\n"
            "Ranger Pete Olson of the park met us and the ranger said the trail was closed.")
    found = [s.start for s in detector.analyze_text(text) if text[s.start:s.end] == "Ranger"]
    positions = [i for i in range(len(text)) if text.startswith("Ranger", i)]
    assert found == positions[:4]  # not "Ranger Pete Olson"'s rank


def test_a_given_name_that_is_a_rank_is_found_again_but_not_the_rank(detector):
    text = ("Warden Rich Nachtigal and Deputies Major Lindqvist (first name Major) went out.\n"
            "Major findings:\n1. Rich wore orange; Major did not. Major Hunter wants a copy.")
    found = sorted(s.start for s in detector.analyze_text(text) if text[s.start:s.end] == "Major")
    first_name = text.index("Major)")
    did_not = text.index("Major did")
    assert first_name in found and did_not in found
    assert text.index("Major findings") not in found and text.index("Major Hunter") not in found


def test_a_two_space_gap_between_columns_ends_a_span(detector):
    text = ("R/O: TRAN, MINH CHAU  1184 Lantana Way #7  Ph (321) 555-0163\n"
            "Supervisor: Sgt. R. Okonkwo  Reviewed 05/06/2024. Roll-call item.")
    assert found_as(detector, text, "TRAN, MINH CHAU") == {"PERSON"}
    assert found_as(detector, text, "1184 Lantana Way #7") == {"LOCATION"}
    assert found_as(detector, text, "R. Okonkwo") == {"PERSON"}
    assert not any("Reviewed" in f for f in flagged(detector, text))


def test_an_indented_address_block_is_still_one_place(detector):
    text = "Billing address: Marta Kask\n    2291 Via Ronchetti 14 Suite 51\n   Bellinzona\n"
    assert found_as(detector, text, "2291 Via Ronchetti 14 Suite 51") == {"LOCATION"}


@pytest.mark.parametrize("text, name", [
    ("ON ABOVE DATE UNDERSIGNED AND PTLM. HARTIGAN RESPONDED TO A BURGLAR ALARM AT THE STORE.", "HARTIGAN"),
    ("This officer and PTL. VOSBURGH #2207 responded to a family trouble call.", "VOSBURGH"),
    ("Bail was set by Magistrate Loretta Quaid that night.", "Loretta Quaid"),
])
def test_old_ranks_and_court_titles_lead_to_a_name(detector, text, name):
    assert found_as(detector, text, name) == {"PERSON"}


@pytest.mark.parametrize("text, name", [
    ('Officer Nuala Breen on "Fergus" (bay gelding, 16.3 hh) held the corner.', "Fergus"),
    ('Companions: "Biscuit" (unk real name), Dara Quill', "Biscuit"),
    ('Dog: "Brutus", brindle mastiff mix, lic. SC-118204', "Brutus"),
    ('WITNESSES:\n  2. "PEANUT" (refused full name)', "PEANUT"),
])
def test_a_quoted_name_of_a_horse_a_dog_or_an_alias_is_a_person(detector, text, name):
    assert found_as(detector, text, name) == {"PERSON"}


def test_quoted_words_without_such_a_cue_are_nothing(detector):
    text = 'He yelled "Stop" (twice) and "Get Down" (loudly). Aka "NONE".'
    assert flagged(detector, text) == []


@pytest.mark.parametrize("text, unit", [
    ("Motors: Motor 12 (Sr. Cpl. Hector Balderas) led the route.", "Motor 12"),
    ("Radio was so busy we could not reach Mounted 3 for ten minutes.", "Mounted 3"),
    ("Partner Ofc. Liang #11-207 parked the car.", "11-207"),
    ("REPORTING OFFICER: PTL. KOWALCZYK, WALTER J.     BADGE/ID: 2291", "2291"),
    ("Date: 02/08/25   Time: 2310   Car: 618", "618"),
    ("Reporting employee: Ana Reyes    Emp #: 004722", "004722"),
])
def test_unit_and_badge_numbers_of_every_cue(detector, text, unit):
    assert found_as(detector, text, unit) == {"ID"}


@pytest.mark.parametrize("text", [
    "the motor 3 times stalled before it caught",
    "Units went 10-8 and 11-550 on the radio.",
])
def test_counts_and_radio_codes_are_no_unit(detector, text):
    assert flagged(detector, text) == []


def test_a_badge_before_a_sentence_end_stays_apart_from_the_next_place(detector):
    text = "Special Agent Roberta Tallchief, badge BN-0417. Argentine Yard, Kansas City, KS."
    assert found_as(detector, text, "BN-0417") == {"ID"}
    assert found_as(detector, text, "Argentine Yard") == {"LOCATION"}


def test_a_town_that_is_a_truck_model_heads_its_police_in_capitals(detector):
    text = "TACOMA POLICE DEPARTMENT RESPONDED TO THE CALL AT THE DOCK. SUSPECT DROVE A SILVER TACOMA."
    assert found_as(detector, text, "TACOMA POLICE DEPARTMENT") == {"AGENCY"}
    assert "TACOMA" not in flagged(detector, text)


@pytest.mark.parametrize("text, place", [
    ("I picked the wrong one, the Jade Pagoda, and knocked on the side door.", "Jade Pagoda"),
    ("The shots came from the corner across from the old Safeway.", "Safeway"),
    ("The subject is Gunnar Halvorsen, 61, of the Troutdale area, and he called it in.", "Troutdale"),
    ("Officer Brian Hanlon came from Asylum and Trumbull, and me from Jewell/Broad.", "Jewell/Broad"),
])
def test_a_name_after_the_or_before_area_is_a_place(detector, text, place):
    assert found_as(detector, text, place) == {"LOCATION"}


@pytest.mark.parametrize("text, person", [
    ("The Ortiz family and the Pruitt kid were home.", "Ortiz"),
    ("Unlike the Lindqvist novel, it is not about crime.", "Lindqvist"),
    ("Officers Smith/Jones wrote the supplement.", "Smith"),
])
def test_a_family_or_an_authors_name_after_the_stays_a_person(detector, text, person):
    assert found_as(detector, text, person) == {"PERSON"}


def test_an_initial_after_a_rank_belongs_to_the_name(detector):
    text = "Last Saturday Deputy A. Mungo and Deputy Kelsey Story were on a suspicious vehicle."
    assert "A. Mungo" in flagged(detector, text)


@pytest.mark.parametrize("text, state, plate", [
    ("Vehicle: 2012 GMC Sierra, MO EK7 V2H, VIN 1GTR2VE70CZ215542.", "MO", "EK7 V2H"),
    ("Black 2019 Chevrolet Silverado 1500, TX NTR-4418, VIN 3GCUYDED4KG187733.", "TX", "NTR-4418"),
    ("pawned by Lamar Pettis, DOB 5/5/77, KY OLN P05-118-442, on the 26th.", "KY", "P05-118-442"),
    ("The bike hit a parked Road Glide, Iowa M4417, owner Rick Oberle.", "Iowa", "M4417"),
    ("A GRY 2015 TOYOTA TACOMA, NV LIC 44B-617, FLED NB.", "NV", "44B-617"),
    ("VEH: 2019 CHEV SILVERADO GRY OK KLM-4410  VIN 3GCUYDED8KG219034", "OK", "KLM-4410"),
])
def test_the_state_before_a_plate_or_licence_is_a_place_and_the_number_an_id(detector, text, state, plate):
    assert found_as(detector, text, state) == {"LOCATION"}
    assert found_as(detector, text, plate) == {"ID"}
    assert plate in flagged(detector, text)


@pytest.mark.parametrize("text, road", [
    ("S1 FLED EB ON CO RD 42. PURSUIT NOT INITIATED.", "CO RD 42"),
    ("A 2014 SILVERADO WITH NO TAG LIGHT WAS STOPPED ON CO RD 17.", "CO RD 17"),
])
def test_a_county_road_is_no_plate(detector, text, road):
    assert found_as(detector, text, road) == {"LOCATION"}


@pytest.mark.parametrize("text, place", [
    ("Near miss at Canal and N. Rampart, about 2050, a float stalled.", "Canal and N. Rampart"),
    ("i was at 82nd and division on a person yelling in traffic", "82nd and division"),
    ("LS: HWY 65 N/B APPROX MM 142 N OF GREENBRIER\nWANTED: AGG ASLT ON LEO.", "GREENBRIER"),
])
def test_corners_and_towns_told_from_a_distance(detector, text, place):
    assert found_as(detector, text, place) == {"LOCATION"}


def test_two_people_after_at_are_no_corner(detector):
    text = "We looked at Officer Lee and Sgt. Day before the briefing."
    assert found_as(detector, text, "Lee") == {"PERSON"}
    assert found_as(detector, text, "Day") == {"PERSON"}


def test_a_surname_after_an_unknown_given_name_is_found_again(detector):
    text = ("The buyer walked them out to a gray Charger driven by Yahir Ochoa. My car was parked "
            "two spaces away. Ochoa saw me, backed out, and rammed my door.")
    starts = [s.start for s in detector.analyze_text(text) if text[s.start:s.end] == "Ochoa"]
    assert text.rindex("Ochoa") in starts


def test_an_unknown_name_that_starts_a_sentence_and_acts_is_a_person(detector):
    text = "Wreck on US 441 near the mill. Hoss dove over the guardrail and I went the other way."
    assert found_as(detector, text, "Hoss") == {"PERSON"}


def test_a_trooper_named_like_a_hill_is_a_person(detector):
    text = "Trooper Dana Hill, Ohio State Highway Patrol, wrote the review."
    assert found_as(detector, text, "Dana Hill") == {"PERSON"}
    assert "Trooper" not in " ".join(flagged(detector, text))


def test_a_rank_and_name_before_a_state_force_in_dictation(detector):
    text = ("trooper kyle vondracek nebraska state patrol troop c dictating period this was on "
            "interstate eighty")
    assert found_as(detector, text, "kyle vondracek") == {"PERSON"}
    assert found_as(detector, text, "nebraska state patrol") == {"AGENCY"}


@pytest.mark.parametrize("text, agency", [
    ("FI#: 24-FI-118301   DATE: 07/04/24   TIME: 2340   DIV: NORTHEASTERN", "NORTHEASTERN"),
    ("Date: 5/11/24    District: Western\nLocation of recovery: 1700 blk N Fulton Ave", "Western"),
    ("Date: 02/08/25   Time: 2310   Dist/Pct: D4   Car: 622", "D4"),
    ("TRANSPORTED TO THE ARMY MEDICAL CENTER. CID NOTIFIED. A SEPARATE CONTACT FOLLOWED.", "CID"),
    ("The route change from the advance team (USSS) left the motors six seconds.", "USSS"),
])
def test_command_fields_and_federal_initials_are_agencies(detector, text, agency):
    assert found_as(detector, text, agency) == {"AGENCY"}


def test_a_beat_field_and_the_ice_are_no_agency(detector):
    text = "BEAT: 21   ZONE: 3\nTHE ICE WAS THICK ON THE ROAD THAT NIGHT."
    assert "AGENCY" not in {s.label for s in detector.analyze_text(text)}


@pytest.mark.parametrize("text, number", [
    ("Deputy J. Ortega (LC-14) attempted to stop a Ford Expedition.", "LC-14"),
    ("Officers: Ofc. Nadia Farouk (Port 7) and a CBP officer walked the stack.", "Port 7"),
    ("this is officer dang van hieu badge 7 7 1 3 garden grove police um", "7 7 1 3"),
    ("Tag TSB-381-3  TAP card 0114 5521 8840 2219", "0114 5521 8840 2219"),
    ("S-1  Sliwinski, Tomasz Jan   DOB 03/27/1969   MI OL S 452 118 703 229", "S 452 118 703 229"),
    ("Ofc. Brennan Long responded as Airport 12 and drove onto the taxiway.", "Airport 12"),
])
def test_numbers_in_brackets_read_out_grouped_and_by_unit_word(detector, text, number):
    assert found_as(detector, text, number) == {"ID"}


def test_a_bracketed_age_or_exhibit_is_no_call_sign(detector):
    text = "Witness Mary Jones (Age 34) left before the photos (Exhibit 3) were taken."
    assert not any(f in ("Age 34", "Exhibit 3") for f in flagged(detector, text))


def test_a_name_that_acts_in_lower_case_dictation_is_a_person(detector):
    text = ("we walked in and there was a second guy on the bed with a revolver on the nightstand. "
            "nothing happened, lena stood by him and i got the gun.")
    assert found_as(detector, text, "lena") == {"PERSON"}


@pytest.mark.parametrize("text, unit", [
    ("Requesting Air 5 for the search along the ridge.", "Air 5"),
    ("Marine 4 was on the lake when the call came.", "Marine 4"),
])
def test_air_and_marine_units_by_number(detector, text, unit):
    assert found_as(detector, text, unit) == {"ID"}
