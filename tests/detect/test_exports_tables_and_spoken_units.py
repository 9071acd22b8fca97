"""Machine exports and tables read by their field names, units and plates said in words on the
radio, and government agencies "of" something in any case (issue 19, stop 35). The texts are
new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import found_as


def _spans(detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in detector.analyze_text(text)}


# -- exports and tables ----------------------------------------------------------------------

_CSV = ('ts,unit,officer,emp_no,status,addr,note\n'
        '22:14:03,E12,"Okonkwo, Chidi",6631,DISP,"2200 BLK PALMER RD","FIGHT IN LOT"\n'
        '22:14:09,W17,"Lindqvist, Maren",7012,DISP,"2200 BLK PALMER RD",\n')


def test_a_csv_export_gives_each_value_the_kind_its_column_names(detector):
    spans = _spans(detector, _CSV)
    assert {("E12", "ID"), ("W17", "ID"), ("6631", "ID"), ("7012", "ID")} <= spans
    assert {("Okonkwo, Chidi", "PERSON"), ("Lindqvist, Maren", "PERSON")} <= spans
    assert ("2200 BLK PALMER RD", "LOCATION") in spans
    # no span runs over a quoted field's end, and the header names nothing
    assert not [t for t, _ in spans if '",' in t or ',"' in t]
    assert not [t for t, _ in spans if t in ("unit", "officer", "emp_no", "addr", "ts")]


_JSON = ('{"call":"SPD-25-30417","created":"2025-02-11T03:47:15-08:00",'
         '"loc":{"lat":47.6205,"lon":-122.3493,"zip":"98109"},'
         '"people":[{"role":"RP","name":"Abernathy, Colm","dob":"1988-04-02","ols":"WA"}],'
         '"units":[{"id":"2K31","ofc":"Nakagawa, R.","role":"PRIMARY"}]}')


def test_a_json_record_gives_each_value_the_kind_its_key_names(detector):
    spans = _spans(detector, _JSON)
    assert {("SPD-25-30417", "ID"), ("2K31", "ID"), ("98109", "LOCATION"), ("47.6205", "LOCATION"),
            ("Abernathy, Colm", "PERSON"), ("Nakagawa, R.", "PERSON"), ("WA", "LOCATION"),
            ("1988-04-02", "DATE")} <= spans
    assert ("2025-02-11T03:47:15-08:00", "DATE") in spans  # one date-time, not a number
    assert not [t for t, _ in spans if t in ("lat", "lon", "loc", "role", "name", "RP", "PRIMARY")]


def test_key_value_logs_and_ncic_returns(detector):
    text = ("ts=03:12:40 host=cad2 term=MDT-2210 user=jvalderrama action=ACK\n"
            "  QW.NAM/FENWICK, DARIUS LEE.DOB/19910623.SEX/M.RAC/W\n"
            "  NAM/FENWICK, DARIUS LEE SEX/M POB/OH DOB/19910623\n"
            "  OLN/RT447120 OLS/OH OLY/2028")
    spans = _spans(detector, text)
    assert ("jvalderrama", "PERSON") in spans  # a log's user is the agency's user by name (styles46, 53, 55)
    assert ("FENWICK, DARIUS LEE", "PERSON") in spans and ("19910623", "DATE") in spans
    assert ("RT447120", "ID") in spans and ("OH", "LOCATION") in spans
    assert not [t for t, label in spans if t in ("OH", "NAM", "SEX", "RAC", "OLS") and label != "LOCATION"]
    assert not [t for t, _ in spans if "/" in t and "DOB" in t]  # a field's value ends at the next code


def test_a_table_with_a_header_row_in_pipes_or_tabs(detector):
    pipes = ("| Trainee | FTO | Date | Place | Car | Rating |\n|---|---|---|---|---|---|\n"
             "| R. Castellanos #3107 | B. Iwu #1840 | 3/14 | Pioneer Park | C-412 | 5 |\n")
    spans = _spans(detector, pipes)
    assert {("R. Castellanos", "PERSON"), ("3107", "ID"), ("B. Iwu", "PERSON"), ("1840", "ID"),
            ("C-412", "ID")} <= spans
    assert not [t for t, _ in spans if t in ("Trainee", "FTO", "Car", "Rating", "5")]
    tabs = ("Date\tPlace\tDeputy\tUnit\tCase\n"
            "2/9/2025\tSR-17 at Elm\tBrannigan, Theo\tP-4\t25-0211\n")
    spans = _spans(detector, tabs)
    assert ("P-4", "ID") in spans  # nothing grows over a tab into the next column
    assert not [t for t, _ in spans if "\t" in t]


def test_a_sentence_with_commas_is_no_table(detector):
    text = ("Sgt Lee, Ofc Diaz, Ofc Ruiz\nwent in first, then two, then three\n"
            "and the rest, all of them, stayed back.")
    assert not [s for s in detector.analyze_text(text) if s.recognizer.startswith("FieldValue")]


# -- spoken units and plates -------------------------------------------------------------------

@pytest.mark.parametrize("text, unit", [
    ("Four-seventeen, I'll be out with the van at the truck stop. Dispatch: copy.", "Four-seventeen"),
    ("DISPATCH: Two-forty, copy, go ahead.", "Two-forty"),
    ("Dispatch, one-one-four, show me en route.", "one-one-four"),
    ("Copy, three-twelve.", "three-twelve"),
    ("Lincoln two-two, respond code three to the bank. Copy.", "Lincoln two-two"),
])
def test_a_unit_said_in_words_on_the_air_is_an_id(detector, text, unit):
    assert found_as(detector, text, unit) == {"ID"}


@pytest.mark.parametrize("text", [
    "Four-thirty, we went in through the back on the radio call.",
    "Two-twenty, maybe two-thirty pounds, dispatch said.",
    "He said one-twenty, tops, on the radio.",
])
def test_times_and_counts_in_words_are_no_units(detector, text):
    assert not [s for s in detector.analyze_text(text) if s.label == "ID"]


def test_a_call_sign_is_no_nickname_and_a_name_still_is(detector):
    assert found_as(detector, "Dispatch, copy. Adam-twelve is en route.", "Adam-twelve") == {"ID"}
    assert found_as(detector, "Tembisa is very reliable. Ask anyone.", "Tembisa") == {"PERSON"}


@pytest.mark.parametrize("text, state, plate", [
    ("The tag came back West Virginia Nancy-Oscar-Paul four-four-one on a gray Buick.",
     "West Virginia", "Nancy-Oscar-Paul four-four-one"),
    ("Run Oregon Henry Adam Zebra four one one, please.", "Oregon", "Henry Adam Zebra four one one"),
])
def test_a_state_then_a_plate_read_out(detector, text, state, plate):
    spans = _spans(detector, text)
    assert (state, "LOCATION") in spans and (plate, "ID") in spans


# -- agencies "of" something -------------------------------------------------------------------

def test_a_government_agency_of_something_in_capitals(detector):
    text = ("RANGER VOSS OF THE BUREAU OF LAND MANAGEMENT ARRIVED AT 1420. DEPARTMENT OF FISH AND "
            "WILDLIFE OFFICERS STAGED AT THE RAMP.")
    spans = _spans(detector, text)
    assert ("BUREAU OF LAND MANAGEMENT", "AGENCY") in spans
    assert ("DEPARTMENT OF FISH AND WILDLIFE", "AGENCY") in spans  # its officers are no part of it


def test_and_the_joins_two_agencies_never_one_name(detector):
    spans = _spans(detector, "Agents of the Bureau of Alcohol, Tobacco, Firearms and Explosives and "
                             "the U.S. Fish and Wildlife Service searched the barn.")
    assert ("Bureau of Alcohol, Tobacco, Firearms and Explosives", "AGENCY") in spans
    assert ("U.S. Fish and Wildlife Service", "AGENCY") in spans
    spans = _spans(detector, "the office of the inspector general and the department of corrections and "
                             "state police met.")
    assert ("department of corrections", "AGENCY") in spans


def test_a_unit_said_again_in_words_is_the_unit_written_in_digits(detector):
    text = ("DISPATCH: Twenty-one-forty, twenty-one-forty-two, burglary alarm, the feed store.\n"
            "2142: Forty-two, I'm on Grand at Fifth, coming in.\n"
            "2140: Copy.\n"
            "2142: Forty-two, back door is open.\n"
            "K-14: K-fourteen, I'm behind you with the dog.")
    spans = _spans(detector, text)
    assert {("twenty-one-forty-two", "ID"), ("Forty-two", "ID"), ("K-fourteen", "ID"),
            ("2142", "ID")} <= spans


def test_a_number_in_words_nobody_wrote_in_digits_is_no_unit(detector):
    text = "DISPATCH: Copy.\nSAM 4: Thirty-two, maybe thirty-three of them in the lot."
    assert ("Thirty-two", "ID") not in _spans(detector, text)


@pytest.mark.parametrize("text, place", [
    ("CALLER: Fifty-one eighteen South Kedvale, the back house.", "Fifty-one eighteen South Kedvale"),
    ("we got him, twenty-four hundred West Ogden, he's in the gangway", "twenty-four hundred West Ogden"),
    ("It's nineteen ten Larkspur Lane, the blue one.", "nineteen ten Larkspur Lane"),
])
def test_a_house_number_said_in_words_belongs_to_its_street(detector, text, place):
    assert (place, "LOCATION") in _spans(detector, text)


def test_an_academy_class_or_camp_number_is_an_id_and_a_grade_is_not(detector):
    spans = _spans(detector, "Recruit class 25-3 ran the scenario in academy session 71; recruit no. 71-14 "
                             "froze. It was charged as a class 3 felony.")
    assert {("25-3", "ID"), ("71", "ID"), ("71-14", "ID")} <= spans
    assert ("3", "ID") not in spans


def test_streets_named_for_people_and_commands_named_for_places(detector):
    assert found_as(detector, "He walked in the lane on Evangeline Thruway at night.",
                    "Evangeline Thruway") == {"LOCATION"}
    assert found_as(detector, "Struck on the Courtney Campbell Causeway, eastbound.",
                    "Courtney Campbell Causeway") == {"LOCATION"}
    assert found_as(detector, "Officers of the Tafuna Substation responded.",
                    "Tafuna Substation") == {"AGENCY"}


def test_a_name_said_after_names_is_no_business(detector):
    spans = _spans(detector, "She won't leave the car. Name's Loretta Vance. Then we drove to Lutz's Tavern.")
    assert ("Loretta Vance", "PERSON") in spans and ("Lutz's Tavern", "LOCATION") in spans
    assert not [t for t, _ in spans if t.startswith("Name's")]


def test_insurers_clinics_and_claim_services_are_businesses_not_agencies(detector):
    spans = _spans(detector, "CLAIMS ADMINISTRATOR: Larkspur Bassett Services, Tampa. WC carrier: Ohio Local "
                             "Governments Trust. Seen at Tri Rivers Musculoskeletal Centers. Napa County "
                             "Animal Services and the Rocky Mountain Rescue Group came too.")
    assert {("Larkspur Bassett Services", "LOCATION"), ("Ohio Local Governments Trust", "LOCATION"),
            ("Tri Rivers Musculoskeletal Centers", "LOCATION")} <= spans
    assert {("Napa County Animal Services", "AGENCY"), ("Rocky Mountain Rescue Group", "AGENCY")} <= spans


def test_an_officer_by_a_surname_that_is_a_place_word(detector):
    spans = _spans(detector, "TFO Park walked past the window. We drove on to Sergeant Bluff after.")
    assert ("Park", "PERSON") in spans and ("Sergeant Bluff", "LOCATION") in spans
    assert not [t for t, label in spans if t.startswith("TFO")]


def test_a_state_as_a_party_is_a_place(detector):
    assert found_as(detector, "STATE OF MAINE v. ELIJAH PELLETIER\nTRANSCRIPT OF HEARING",
                    "STATE OF MAINE") == {"LOCATION"}


def test_a_plate_read_with_a_pause_and_the_state_said_short(detector):
    spans = _spans(detector, "F-12: Mass, Kilo-November-Two, four-zero-eight-eight.\nTROOP F: Copy.")
    assert ("Kilo-November-Two, four-zero-eight-eight", "ID") in spans and ("Mass", "LOCATION") in spans
    spans = _spans(detector, "F-12: David-Henry-Adam four-four-one-nine, Seven Mile and Greenfield.")
    assert ("David-Henry-Adam four-four-one-nine", "ID") in spans  # the road after it is no part of it


def test_a_border_patrol_sector_is_an_agency(detector):
    assert found_as(detector, "Agents of the Laredo Sector seized the load.", "Laredo Sector") == {"AGENCY"}
    assert found_as(detector, "Sector 4 units and the Tucson Sector met.", "Tucson Sector") == {"AGENCY"}


def test_a_register_number_by_its_acronym_is_an_id_and_no_street(detector):
    spans = _spans(detector, "Reported by Odalys Ferreira, CSR No. 20417. Instructor cert: DPSST No. 61190. "
                             "She lives at Calle Morelos No. 45 in Juarez.")
    assert {("20417", "ID"), ("61190", "ID")} <= spans
    assert not [t for t, _ in spans if t.startswith(("CSR", "DPSST"))]
    assert ("Calle Morelos No. 45", "LOCATION") in spans  # a street numbered so is still a street
