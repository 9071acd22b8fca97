"""Kinds met in stop 52:
- a vehicle maker's word inside a name: a dealership named for its owner ("Rydell Chevrolet"), a
  town ("Rocky Ford"), a park named for a family ("Ford Woods Park"); a maker after a colour or a
  describing word stays the vehicle ("a Silver Toyota", "the Unmarked Ford");
- an agency "of" something, typed in capitals, after its state's, county's or town's name
  ("OHIO BUREAU OF WORKERS' COMPENSATION", "TENNESSEE DEPARTMENT OF COMMERCE AND INSURANCE"); a
  task force named for a two-word place ("BIG SKY FUGITIVE TASK FORCE"); an office "of" what it does
  ("Mayor's Office of Cultural Economy"); a hazmat team and a plant's regulators ("Calcasieu Parish
  Hazmat", "TCEQ", "PA DEP");
- a family in the plural ("the Kinkaids"), a given name before what is someone's ("Sandra's
  driveway"), a record's "SURNAME, GIVEN" after a plus; a clock time before a name or a street
  ("At 1130 John Miller", "at 2216 Burton St SW");
- an apparatus called in words ("Engine Twelve", "Battalion One"); a speaker's role in brackets is
  no state ("Jonah (PA):"); "unknown male" and makes ("Audi", "Range Rover") are no one;
- studios, leagues, tournaments and film outfits as places ("Desert Rose Body Art", "Round Rock
  Western Little League", "Sunshine State Showdown", "Bluefin Productions", "Splashlight Photo
  Agency"); a ship's column holds places; an office's court duty is no street;
- the county a deputy works for is its agency ("the night deputy for Rooks County", "on loan from
  Meade County"); a number in groups of
  four is a card's, no phone ("7310-9921-4403"); a quoted phrase in small letters is no business;
- a name and a number the writer calls a call sign or a unit is one ("call sign Centro 7", "his
  unit, Causeway 14")."""

from __future__ import annotations

import pytest


def labelled(detector, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in detector.analyze_text(text)]


@pytest.mark.parametrize(("text", "place"), [
    ("The loaner came from Rydell Chevrolet on Route 9.", "Rydell Chevrolet"),
    ("Zero visibility on US-50 east of Rocky Ford and I was closing the highway.", "Rocky Ford"),
    ("Luncheon sponsored by Caloosa Coast Credit Union and Six Mile Cypress Ford.", "Six Mile Cypress Ford"),
    ("the incident at Ford Woods Park on July 19.", "Ford Woods Park"),
    ("The truck was stolen off the lot at Garrity Subaru last night.", "Garrity Subaru"),
])
def test_a_maker_inside_a_name_is_the_names(detector, text: str, place: str) -> None:
    assert (place, "LOCATION") in labelled(detector, text)


@pytest.mark.parametrize("text", [
    "He drove a Silver Toyota. The Unmarked Ford was parked at the curb.",
    "Smith drove his Ford to the store and parked it.",
    "VEH: Gray Ford, 4 door, no plate seen.",
])
def test_a_maker_after_a_describing_word_is_the_vehicle(detector, text: str) -> None:
    found = labelled(detector, text)
    assert all(not any(m in surface for m in ("Ford", "Toyota")) for surface, _ in found), found


def test_a_person_named_like_a_maker_stays_a_person(detector) -> None:
    assert ("Tanisha Ford", "PERSON") in labelled(detector, "Lifeguard Tanisha Ford waved us in.")


@pytest.mark.parametrize(("text", "agency"), [
    ("REFERRED TO TENNESSEE DEPARTMENT OF COMMERCE AND INSURANCE FOR REVIEW.",
     "TENNESSEE DEPARTMENT OF COMMERCE AND INSURANCE"),
    ("CLAIM FILED WITH OHIO BUREAU OF WORKERS' COMPENSATION ON 3/4/24.",
     "OHIO BUREAU OF WORKERS' COMPENSATION"),
    ("MACOMB COUNTY DEPARTMENT OF ROADS CLOSED THE LANE.", "MACOMB COUNTY DEPARTMENT OF ROADS"),
    ("MACOMB COUNTY DEPARTMENT OF ROADS NOTIFIED AT 0900.", "MACOMB COUNTY DEPARTMENT OF ROADS"),
    ("ASSIST BY BIG SKY FUGITIVE TASK FORCE AT THE MOTEL.", "BIG SKY FUGITIVE TASK FORCE"),
    ("We called the Mayor's Office of Cultural Economy about the permit.",
     "Mayor's Office of Cultural Economy"),
])
def test_an_agency_of_something_in_capitals_is_whole(detector, text: str, agency: str) -> None:
    assert (agency, "AGENCY") in labelled(detector, text)


def test_an_agency_of_something_ends_before_a_rank(detector) -> None:
    found = labelled(detector, "WE NOTIFIED MISSOURI DEPARTMENT OF REVENUE AND DEPUTY SMITH ARRIVED.")
    assert ("MISSOURI DEPARTMENT OF REVENUE", "AGENCY") in found
    assert all("DEPUTY" not in surface for surface, _ in found)


@pytest.mark.parametrize(("text", "person"), [
    ("Ruth and Gene Kinkaid were cut off. Deputy Wiese drove to the Kinkaids' hayfield.", "Kinkaids"),
    ("Dep. Ferrell: the Mbekis, left side. Mr. Mbeki was seated.", "Mbekis"),
    ("The Hendricks were home when we knocked.", "Hendricks"),
    ("the truck was in Sandra's driveway and she flagged us down", "Sandra"),
    ("We parked in Tomas's driveway and waited.", "Tomas"),
])
def test_a_family_in_the_plural_and_an_owner_are_people(detector, text: str, person: str) -> None:
    assert (person, "PERSON") in labelled(detector, text)


@pytest.mark.parametrize(("text", "place"), [
    ("We met at the Starbucks on Elm. The Kinkaids were there, Gene Kinkaid said.", "Starbucks"),
    ("We stood outside St. Mary's front door.", "St. Mary's"),
])
def test_a_chain_and_a_saint_stay_places(detector, text: str, place: str) -> None:
    assert (place, "LOCATION") in labelled(detector, text)


@pytest.mark.parametrize(("text", "agency"), [
    ("Calcasieu Parish Hazmat arrived first.", "Calcasieu Parish Hazmat"),
    ("MIDDLESEX COUNTY HAZMAT ON SCENE AT 0412.", "MIDDLESEX COUNTY HAZMAT"),
    ("We called TCEQ about the flaring.", "TCEQ"),
    ("The release was reported to PA DEP that night.", "PA DEP"),
    ("NY DEC officers met us at the gate.", "NY DEC"),
    ("The CSB opened an investigation.", "CSB"),
])
def test_hazmat_teams_and_regulators_are_agencies(detector, text: str, agency: str) -> None:
    assert (agency, "AGENCY") in labelled(detector, text)


@pytest.mark.parametrize(("text", "call_sign"), [
    ("Engine Twelve and Battalion One arrived together.", "Engine Twelve"),
    ("Engine Twelve and Battalion One arrived together.", "Battalion One"),
    ("MARINE 2: Canaveral ops, Marine Two.", "Marine Two"),
    ("Engine Twelve's crew pulled the line.", "Engine Twelve"),
])
def test_an_apparatus_called_in_words_is_a_call_sign(detector, text: str, call_sign: str) -> None:
    assert (call_sign, "ID") in labelled(detector, text)


@pytest.mark.parametrize("text", [
    "The truck two cars back stopped short.",
    "Jonah (PA): officer u still at the side closure?",
    "DATE       | VESSEL | PERSON       | OUTCOME\n2024-12-08 | ferry  | unknown male | not found",
    "A black Audi and a Volvo were parked by the Range Rover.",
])
def test_words_roles_and_makes_are_nothing(detector, text: str) -> None:
    found = labelled(detector, text)
    assert all(s not in ("truck two", "PA", "unknown male", "male", "Audi", "Volvo", "Range Rover")
               for s, _ in found), found


@pytest.mark.parametrize(("text", "surface", "label"), [
    ("Subject: Unlicensed tattooing at 2216 Burton St SW - request for joint visit", "2216 Burton St SW",
     "LOCATION"),
    ("At 1130 John Miller walked in.", "John Miller", "PERSON"),
    ("SUBJ: OKAFOR, CHINWE (F/29) + MARSH, TOBIAS (M/31), OVERDUE", "MARSH, TOBIAS", "PERSON"),
])
def test_times_before_streets_and_record_names(detector, text: str, surface: str, label: str) -> None:
    assert (surface, label) in labelled(detector, text)


@pytest.mark.parametrize(("text", "place"), [
    ("We went to Neon Saint Tattoo and then to Main.", "Neon Saint Tattoo"),
    ("Desert Rose Body Art was closed by the county.", "Desert Rose Body Art"),
    ("Round Rock Western Little League hosted the Dallas Cup.", "Round Rock Western Little League"),
    ("Round Rock Western Little League hosted the Dallas Cup.", "Dallas Cup"),
    ("The Sunshine State Showdown drew forty teams.", "Sunshine State Showdown"),
    ("We went to Black Lantern Tattoo on Main.", "Black Lantern Tattoo"),
    ("The Gulf Coast Classic drew forty teams.", "Gulf Coast Classic"),
])
def test_studios_leagues_and_tournaments_are_places(detector, text: str, place: str) -> None:
    assert (place, "LOCATION") in labelled(detector, text)


def test_a_kind_of_tournament_is_no_name(detector) -> None:
    assert labelled(detector, "The World Cup was on the TV in the bar.") == []


@pytest.mark.parametrize(("text", "place"), [
    ("Bluefin Productions had the permit for the block.", "Bluefin Productions"),
    ("Peachline Pictures LLC parked its trucks on the lot.", "Peachline Pictures LLC"),
    ("Splashlight Photo Agency sent two shooters to the pier.", "Splashlight Photo Agency"),
])
def test_film_and_photo_outfits_are_businesses(detector, text: str, place: str) -> None:
    assert (place, "LOCATION") in labelled(detector, text)


def test_an_offices_court_duty_is_no_street(detector) -> None:
    found = labelled(detector, "PIMA COUNTY SHERIFF'S DEPARTMENT COURT SECURITY - INCIDENT ENTRY")
    assert ("PIMA COUNTY SHERIFF'S DEPARTMENT", "AGENCY") in found
    assert all("COURT" not in surface for surface, _ in found), found


def test_a_street_named_court_keeps_its_word(detector) -> None:
    assert ("400 OAK CT", "LOCATION") in labelled(detector, "UNITS BLOCKED 400 OAK CT FOR AN HOUR.")


def test_a_ships_column_holds_places(detector) -> None:
    text = ("DATE       | VESSEL            | PERSON            | OUTCOME\n"
            "2024-10-02 | Caribe Luminosa   | Acevedo, Nilsa    | recovered alive\n"
            "2024-12-30 | Vela Serena       | Hoang Minh Chau   | found aboard")
    found = labelled(detector, text)
    assert ("Caribe Luminosa", "LOCATION") in found and ("Vela Serena", "LOCATION") in found
    assert ("Hoang Minh Chau", "PERSON") in found


@pytest.mark.parametrize(("text", "county"), [
    ("Written by a deputy on loan from Meade County.", "Meade County"),
    ("Back then I was the night deputy for Rooks County.", "Rooks County"),
])
def test_the_county_a_deputy_works_for_is_its_agency(detector, text: str, county: str) -> None:
    assert (county, "AGENCY") in labelled(detector, text)


def test_a_county_driven_through_is_a_place(detector) -> None:
    assert ("Harris County", "LOCATION") in labelled(detector, "We drove through Harris County at night.")


def test_a_number_in_fours_is_a_card_no_phone(detector) -> None:
    found = labelled(detector, "Game cards 7310-9921-4403 through 7310-9921-4463 were stolen.")
    assert ("7310-9921-4403", "ID") in found and ("7310-9921-4463", "ID") in found


def test_a_quoted_phrase_in_small_letters_is_no_business(detector) -> None:
    found = labelled(detector, 'The kid, Jacob Lisowski, 16, said he was "taking pictures." We let him go.')
    assert all("pictures" not in surface for surface, _ in found), found


@pytest.mark.parametrize(("text", "call_sign"), [
    ("Ranger: Catalina V. Irigoyen, call sign Centro 7", "Centro 7"),
    ("A truck clipped the mirror of his unit, Causeway 14. There's no shoulder.", "Causeway 14"),
])
def test_a_name_and_number_called_a_call_sign_is_one(detector, text: str, call_sign: str) -> None:
    assert (call_sign, "ID") in labelled(detector, text)


@pytest.mark.parametrize(("text", "surface", "label"), [
    ("Springfield (MO): deputies responded to a barn fire.", "MO", "LOCATION"),
    ("I positioned my unit, Route 9 was shut down behind me.", "Route 9", "LOCATION"),
    ("OHIO DEPARTMENT OF TRANSPORTATION CREWS CLOSED THE RAMP.", "OHIO DEPARTMENT OF TRANSPORTATION",
     "AGENCY"),
    ("They had a summer house in the Hamptons last year.", "Hamptons", "LOCATION"),
    ("Security walked him off Macy's property at 1400.", "Macy's", "LOCATION"),
])
def test_look_alikes_of_this_stops_rules_keep_their_reading(detector, text: str, surface: str,
                                                            label: str) -> None:
    assert (surface, label) in labelled(detector, text)


@pytest.mark.parametrize(("text", "not_found"), [
    ("We towed Smith's Ford to the impound lot on Main.", "Smith's Ford"),
    ("Engine two lost oil pressure shortly after takeoff.", "Engine two"),
    ("The inmate was moved to Tower Two after lunch.", "Tower Two"),
    ("CREWS CLOSED THE NORTHBOUND TRAVEL LANES AT MILE 40.", "NORTHBOUND TRAVEL LANES"),
    ("SMT: Left Forearm Tattoo of a rose, scar on chin.", "Left Forearm Tattoo"),
    ("See attached Crime Scene Pictures for the damage.", "Crime Scene Pictures"),
    ("A silver Chevy Malibu Classic was parked on Oak.", "Classic"),
])
def test_look_alikes_of_this_stops_rules_stay_unmarked(detector, text: str, not_found: str) -> None:
    assert all(surface != not_found for surface, _ in labelled(detector, text))


def test_a_rank_and_a_given_name_like_a_street_after_a_time_stay_a_person(detector) -> None:
    found = labelled(detector, "At 0900 Sgt. Lane Miller called me about the tow.")
    assert any("Lane Miller" in surface and label == "PERSON" for surface, label in found), found
    assert all(label != "LOCATION" for _, label in found), found


def test_a_bank_office_of_a_company_stays_a_place(detector) -> None:
    found = labelled(detector, "Money was wired to the Main Office of Wells Fargo in town.")
    assert all(label != "AGENCY" for _, label in found), found
