"""Kinds found missing in the tenth yardstick's tuning part (issue 19): hospitals named by
one word, holidays of other faiths and countries, named events, precincts by number, kinds
of deputies after a county, restaurants NER calls people, a borough without its "the", a
sentence ending before a facility's name. The sentences are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize(("text", "part", "label"), [
    # a hospital by one word before its unit, or where a patient was carried
    ("night shift, froedtert ER, pt swung a chair at me.", "froedtert", "LOCATION"),
    ("We sat with him in the Tampa General trauma bay for an hour.", "Tampa General", "LOCATION"),
    ("Medics transported her to Hurley with a collapsed lung.", "Hurley", "LOCATION"),
    ("He was airlifted to Erlanger and lived.", "Erlanger", "LOCATION"),
    ("They rushed him to Sparrow General before we cleared.", "Sparrow General", "LOCATION"),
    ("The inmate was taken to Jackson Memorial under guard.", "Jackson Memorial", "LOCATION"),
    ("He was taken to Ben Kessler afterwards for his hand.", "Ben Kessler", "LOCATION"),
    # holidays of other faiths and countries
    ("The fight was on the last night of Eid al-Adha outside the center.", "Eid al-Adha", "DATE"),
    ("Fireworks everywhere on Diwali, two calls for burns.", "Diwali", "DATE"),
    ("Nowruz dinner at the park, families everywhere.", "Nowruz", "DATE"),
    ("We worked the Rosh Hashanah services detail.", "Rosh Hashanah", "DATE"),
    ("It was Haitian Independence Day and the avenue was packed.", "Haitian Independence Day", "DATE"),
    ("On Chinese New Year the restaurant had a line out the door.", "Chinese New Year", "DATE"),
    # named events are places, a holiday in the name included
    ("The Lunar New Year Parade came down Grant Avenue.", "Lunar New Year Parade", "LOCATION"),
    ("I worked the finish line of the Marine Corps Marathon.", "Marine Corps Marathon", "LOCATION"),
    ("Overtime at the Crawfish Festival all weekend.", "Crawfish Festival", "LOCATION"),
    # a precinct by its number first; deputies of one kind after their county
    ("Queens, NYPD 103 Pct, the midnight tour.", "103 Pct", "AGENCY"),
    ("The boy was picked up by Rankin County juvenile deputies at school.", "Rankin County", "AGENCY"),
    # a borough without its "the"; a restaurant NER calls a person
    ("Bronx, 2 a.m., a livery cab on Fordham Road.", "Bronx", "LOCATION"),
    ("We stopped a Camry in front of Kebab House on Devon.", "Kebab House", "LOCATION"),
    # an agency ends a sentence, a facility starts the next
    ("Milpitas PD. Great Mall parking lot, a stabbing.", "Milpitas PD", "AGENCY"),
])
def test_a_kind_of_identifier(detector, text, part, label):
    assert found_as(detector, text, part) == {label}


@pytest.mark.parametrize(("text", "word"), [
    ("He was taken to booking after the ER cleared him.", "booking"),
    ("She was taken to the county ER by her sister.", "county"),
    ("Eid Mubarak to everyone on the squad.", "Eid"),
    ("Happy Independence Day to all of you out there.", "Happy"),
    ("uh er I dunno, he was er standing right there.", "dunno"),
])
def test_words_near_the_new_kinds_are_no_identifiers(detector, text, word):
    assert not any(word in f for f in flagged(detector, text))


def test_a_sentence_end_is_no_part_of_a_facility(detector):
    text = "3/17. Fenton. Parade. A drunk fell off a float."
    assert "Parade" not in flagged(detector, text)


def test_a_precinct_stays_with_its_agency_and_not_a_unit(detector):
    text = "NYPD 77 Pct had the scene."
    assert found_as(detector, text, "77 Pct") == {"AGENCY"}


@pytest.mark.parametrize(("text", "date"), [
    # an ISO date in October or November is no radio code ("10-15", "11-02")
    ("2024-11-02, Sat. A call at the transit center.", "2024-11-02"),
    ("On 2025-10-15 the car came back stolen.", "2025-10-15"),
    # a month and day after a weekday, written short or long
    ("ROLL CALL, 2nd watch, Thu 01/16, Ofc. Lee briefing.", "01/16"),
    ("It was Saturday 3/14 just after midnight.", "3/14"),
])
def test_dates_next_to_weekdays_and_codes(detector, text, date):
    assert found_as(detector, text, date) == {"DATE"}
    assert not any(f.strip(".,") in ("Sat", "Thu", "Saturday") for f in flagged(detector, text))


def test_radio_codes_stay_allowed(detector):
    assert flagged(detector, "He went 10-8 and then 11-99 came over the air.") == []


def test_a_state_and_plate_are_no_street(detector):
    text = "Incident 44-1182, plate on the Ram MI EHJ 4417, gone."
    assert found_as(detector, text, "EHJ 4417") == {"ID"}


def test_the_writers_partner_after_me_and_is_a_name_in_lower_case(detector):
    text = "so me and biscuit roll up to the party. biscuit goes straight to the back door. lol."
    assert flagged(detector, text).count("biscuit") == 2


@pytest.mark.parametrize("text", [
    "me and medics went in together.",
    "me and dispatch were arguing about it.",
    "so me and him went in first.",
])
def test_roles_plurals_and_pronouns_after_me_and_are_no_names(detector, text):
    assert flagged(detector, text) == []


def test_two_surnames_joined_by_and_are_two_people(detector):
    text = "Okonkwo and Tran in 3-Adam-14 took the back of the house."
    assert found_as(detector, text, "Okonkwo") == {"PERSON"}
    assert found_as(detector, text, "Tran") == {"PERSON"}
    assert "and" not in " ".join(flagged(detector, text)).split()


@pytest.mark.parametrize("text", [
    "Shots fired at Vermont and Manchester, two units rolling.",
    "Foot pursuit from Figueroa and Slauson down the alley.",
])
def test_two_streets_joined_by_and_at_a_place_are_an_intersection(detector, text):
    pair = text.split(" at " if " at " in text else " from ")[1].split(",")[0].split(" down")[0]
    assert found_as(detector, text, pair) == {"LOCATION"}


def test_a_trade_word_makes_a_company_a_place(detector):
    text = "We staged behind Kowalczyk Aviation at the county airfield."
    assert found_as(detector, text, "Kowalczyk Aviation") == {"LOCATION"}


def test_an_e_mail_that_starts_with_an_initial_keeps_it(detector):
    text = "Cc to the class: a.mensah@transit-example.gov today."
    assert "a.mensah@transit-example.gov" in flagged(detector, text)


@pytest.mark.parametrize(("text", "person", "rest", "label"), [
    ("Operator Tesfaye Bekele reported a man smoking in the back of the bus.", "Tesfaye Bekele",
     None, None),
    ("Ms. Oksana Hrytsenko of St. Volodymyr Cathedral helped calm him down.", "Oksana Hrytsenko",
     "St. Volodymyr Cathedral", "LOCATION"),
    ("Call it in before you leave the stairwell.\n-- Adebayo, Georgia State University Police, badge 412",
     "Adebayo", "Georgia State University Police", "AGENCY"),
    ("Please remind your people.\n\nLt. Oyelowo-Grant\nMercy Health System Police Department\n",
     "Oyelowo-Grant", "Mercy Health System Police Department", "AGENCY"),
])
def test_a_person_kept_apart_from_the_place_or_agency_beside(detector, text, person, rest, label):
    assert found_as(detector, text, person) == {"PERSON"}
    if rest is not None:
        assert found_as(detector, text, rest) == {label}
