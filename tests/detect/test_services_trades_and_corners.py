"""Kinds met in stop 51:
- what a witness saw of a plate is the plate's part, no word of it ("plate ending 4418");
- a street named by a stop word ("Front Street"), a corner named by a maker ("Dodge and 52nd");
  "US" before a name's capital is the country's ("US Bank Stadium"); a road's prefix in capitals
  keeps its case at a line's end ("DETOUR VIA US 70 |");
- a label naming a number's kind stays out of it ("INC 07-1144-24", "(PLACA 30811)"), a
  number's own prefix stays in ("SW 24-0113");
- services by their last words: a college's public safety or security, a search-and-rescue team,
  a public beach patrol, the Corps of Engineers, a town's "Fire & EMS" and "Parks and Recreation"
  (a private ambulance company, "port security" and "Fire and EMS" alone are none);
- a degree after a name is no state ("Lorenzo Giacalone, MD"); a role's last word is no part of
  the name after it ("Justice of the Peace Harriet Iwu"); a grade after a rank neither ("Police
  Officer II Manibusan"); an initial in brackets is no article ("(A. Whitcomb)"); a maker that
  is a surname after a given name is the person's ("lifeguard Tanisha Ford");
- an address is followed by its resident, not by a town, where the words are a given name and a
  surname ("1187 Ridgeview Ct, Terrell Ashby"); a street's name never runs over a line's end,
  nor a facility's over a sentence's ("Tulsa Parks Department. the Naperville Park District");
- a business by its trade (builders, timing, bridal, barbershop...), an event by its race or
  tournament ("Gobble Wobble 5K", "Fayette Rotary Charity Scramble"); bibs, carts and poles by
  their numbers, alone or listed ("Bibs 5127 and 5128");
- a course's numbered parts are no days ("on the 7th green"); the makers of tools, machines and
  watches are no one ("2 Hilti drills", "a Cat 320 excavator"); a family's day is named for the
  families ("the Patel-Shah wedding")."""

from __future__ import annotations

import pytest


def labelled(detector, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in detector.analyze_text(text)]


@pytest.mark.parametrize(("text", "plate", "not_found"), [
    ("White van, NY plate ending 4418, headed north.", "4418", "ending 4418"),
    ("Witness saw a tag ending in 22B on the truck.", "22B", "ending"),
    ("Got a partial plate GX4 only, then it was gone.", "GX4", "GX4 only"),
    ("The witness saw a tag starting with 7K on the sedan.", "7K", "starting with 7K"),
    ("Only a partial plate 4418 seen by the clerk.", "4418", "4418 seen"),
])
def test_what_was_seen_of_a_plate_is_the_plate(detector, text: str, plate: str, not_found: str) -> None:
    found = labelled(detector, text)
    assert (plate, "ID") in found
    assert all(surface != not_found for surface, _ in found)


@pytest.mark.parametrize(("text", "place"), [
    ("Ofc Haile was on foot on Front Street by the corner.", "Front Street"),
    ("He was on BACK ST by the river.", "BACK ST"),
    ("The closure at Dodge and 52nd was late.", "Dodge and 52nd"),
    ("CP 4 AT DODGE AND 62ND, CLOSED.", "DODGE AND 62ND"),
    ("The race began at US Bank Stadium and ended downtown.", "US Bank Stadium"),
    ("| TRAFFIC | DETOUR VIA US 70 |", "US 70"),
    ("ALL TRAFFIC WAS DIVERTED TO SR 51.", "SR 51"),
    ("Incident Location\nPine Street was closed at the bridge.", "Pine Street"),
])
def test_streets_corners_and_roads(detector, text: str, place: str) -> None:
    assert (place, "LOCATION") in labelled(detector, text)


@pytest.mark.parametrize("text", [
    "We parked at the front street door and walked in.",
    "He drove a blue Ford and a Dodge.",
])
def test_stop_words_and_makes_alone_are_no_streets(detector, text: str) -> None:
    assert not [f for f in labelled(detector, text) if f[1] == "LOCATION"]


def test_us_before_a_name_in_capitals_is_a_pronoun(detector) -> None:
    assert ("JOHN SMITH", "PERSON") in labelled(detector, "HE TOLD US JOHN SMITH WAS THERE.")


@pytest.mark.parametrize(("text", "number"), [
    ("K9 DIESEL LOCATED SUBJ. INC 07-1144-24 CLOSED BY ARREST.", "07-1144-24"),
    ("IF LOCATED HOLD AND CONTACT TROOP D REF 25-031107", "25-031107"),
    ("AGENTES: AGTE. N. PAGAN VEGA (PLACA 30811)", "30811"),
    ("WARRANT SW 24-0113 SERVED AT 0600.", "SW 24-0113"),
])
def test_a_numbers_kind_stays_out_its_prefix_in(detector, text: str, number: str) -> None:
    assert (number, "ID") in labelled(detector, text)


@pytest.mark.parametrize(("text", "agency"), [
    ("Attending: 2 from Middlebury College Public Safety and one other.", "Middlebury College Public Safety"),
    ("One came from Saint Michael's College Security.", "Saint Michael's College Security"),
    ("Gil Haddad, Field Team Leader, Sierra Madre Search & Rescue", "Sierra Madre Search & Rescue"),
    ("So you're a park ranger with the Corps of Engineers.", "Corps of Engineers"),
    ("Volusia County Beach Safety pulled him out.", "Volusia County Beach Safety"),
    ("Sumter County Fire and EMS checked him at the scene.", "Sumter County Fire and EMS"),
    ("SUMTER COUNTY FIRE & EMS CHECKED HIM AT SCENE.", "SUMTER COUNTY FIRE & EMS"),
    ("Former Austin Parks and Recreation guard, now with APD.", "Austin Parks and Recreation"),
    ("Reported to King County Sheriff's Office court security, incident KCSO-CS-25-0087.",
     "King County Sheriff's Office"),
])
def test_a_service_by_its_last_words_is_an_agency(detector, text: str, agency: str) -> None:
    assert (agency, "AGENCY") in labelled(detector, text)


@pytest.mark.parametrize("text", [
    "Fire and EMS arrived within minutes.",
    "He asked port security to hold the gate.",
])
def test_a_service_named_by_no_one_is_no_agency(detector, text: str) -> None:
    assert not [f for f in labelled(detector, text) if f[1] == "AGENCY"]


def test_a_private_ambulance_is_a_business(detector) -> None:
    assert ("Bay Cities Ambulance", "LOCATION") in labelled(detector, "Bay Cities Ambulance took him.")


@pytest.mark.parametrize(("text", "person"), [
    ("Physician: Lorenzo Giacalone, MD, Level II accredited.", "Lorenzo Giacalone"),
    ("Bail per Justice of the Peace Harriet Iwu.", "Harriet Iwu"),
    ("Police Officer II Manibusan took the report.", "Manibusan"),
    ("Mr. Kubota said the tractor was his.", "Kubota"),
    ("front desk panic pressed by user 7 (A. Whitcomb)", "A. Whitcomb"),
    ("Arman was found by lifeguard Tanisha Ford sitting in the shade.", "Tanisha Ford"),
    ("warrant service at 1187 Ridgeview Ct, Terrell Ashby. we stacked on the door.", "Terrell Ashby"),
    ("STATE OF WASHINGTON v. TRAN, DUC MINH\nKing County Superior Court No. 24-1-01983-4", "TRAN, DUC MINH"),
])
def test_people_kept_whole_and_apart(detector, text: str, person: str) -> None:
    found = labelled(detector, text)
    assert (person, "PERSON") in found
    assert not [f for f in found if f[1] == "LOCATION" and person in f[0]]


def test_a_degree_is_no_state_but_a_town_keeps_its_state(detector) -> None:
    found = labelled(detector, "Lorenzo Giacalone, MD, lives in Bethesda, MD.")
    assert ("Bethesda, MD", "LOCATION") in found
    assert ("MD", "LOCATION") not in found


@pytest.mark.parametrize(("text", "places"), [
    ("warrant service at 1187 Ridgeview Ct, Terrell Ashby. we stacked on the door.", ["1187 Ridgeview Ct"]),
    ("Service at 22 Oak St, Dallas. Nobody home.", ["22 Oak St, Dallas"]),
])
def test_an_address_ends_where_it_ends(detector, text: str, places: list[str]) -> None:
    assert [f[0] for f in labelled(detector, text) if f[1] == "LOCATION"] == places


def test_a_facility_ends_at_a_sentences_end(detector) -> None:
    found = labelled(detector, "Tulsa Parks Department. the Naperville Park District runs the pool.")
    assert ("Tulsa Parks Department", "AGENCY") in found
    assert ("Naperville Park District", "AGENCY") in found


@pytest.mark.parametrize(("text", "business"), [
    ("K&S Plumbing sent a van.", "K&S Plumbing"),
    ("Castellan Builders owns the site.", "Castellan Builders"),
    ("GULF COAST AGGREGATE hauled the fill.", "GULF COAST AGGREGATE"),
    ("ChipSplit Timing had mats at every mile.", "ChipSplit Timing"),
    ("Bella Bridal and Saltwater Florals were set up by noon.", "Saltwater Florals"),
    ("Fade Factory Barbershop was robbed twice.", "Fade Factory Barbershop"),
    ("The Gobble Wobble 5K on Thanksgiving Day went past the park.", "Gobble Wobble 5K"),
    ("Money went missing at the Fayette Rotary Charity Scramble.", "Fayette Rotary Charity Scramble"),
])
def test_a_business_by_its_trade_and_an_event_by_its_race(detector, text: str, business: str) -> None:
    assert (business, "LOCATION") in labelled(detector, text)


@pytest.mark.parametrize("text", [
    "The timing was bad and the 10K was hot.",
    "Upcoming Events are posted on the board.",
    "He said the man owed Marcus 5K for the truck.",
    "CREW ON SCENE FOR DEBRIS REMOVAL. UNIT ASSIGNED TO SPECIAL EVENTS.",
])
def test_a_trades_word_alone_is_no_business(detector, text: str) -> None:
    assert [f for f in labelled(detector, text) if f[1] in ("LOCATION", "AGENCY")] == []


@pytest.mark.parametrize(("text", "numbers"), [
    ("Runner with bib 4471 went down at mile 9.", ["4471"]),
    ("Bibs 5127 and 5128 were found at the tent.", ["5127", "5128"]),
    ("Carts 12, 14 and 22 were stolen overnight.", ["12", "14", "22"]),
])
def test_bibs_and_carts_by_their_numbers(detector, text: str, numbers: list[str]) -> None:
    assert [f[0] for f in labelled(detector, text) if f[1] == "ID"] == numbers


def test_a_bib_alone_is_no_number(detector) -> None:
    assert labelled(detector, "The bib was wet and torn.") == []


@pytest.mark.parametrize("text", [
    "There was a 9 ft gator on the 7th green, not moving.",
    "He was hit by a tee shot on the 11th fairway.",
    "Corey Blanton had a bag with 2 Hilti drills and a Makita saw.",
    "A Cat 320 excavator was moving toward the trailer.",
    "Watches taken include a Rolex Submariner and a cheap one.",
])
def test_numbered_parts_and_makers_are_nothing(detector, text: str) -> None:
    assert not [f for f in labelled(detector, text) if f[1] != "PERSON" or f[0] != "Corey Blanton"]


def test_a_day_of_the_month_alone_is_still_a_date(detector) -> None:
    assert ("14th", "DATE") in labelled(detector, "It happened on the 14th, after the game.")


@pytest.mark.parametrize(("text", "people"), [
    ("We worked the Patel-Shah wedding at the hotel.", "Patel-Shah"),
    ("Subject: Photos from the Baca-Lujan wedding, 11/16", "Baca-Lujan"),
])
def test_a_familys_day_is_named_for_the_family(detector, text: str, people: str) -> None:
    assert (people, "PERSON") in labelled(detector, text)


@pytest.mark.parametrize(("text", "surface"), [
    ("Officer Deere came to the door.", "Deere"),
    ("Ms. Callaway called the desk.", "Callaway"),
])
def test_a_person_named_like_a_maker_stays_a_person(detector, text: str, surface: str) -> None:
    assert (surface, "PERSON") in labelled(detector, text)
