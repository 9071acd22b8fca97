"""Days of the month said in words ("friday the eighteenth", "on the eleventh around
twenty two hundred"), dates of birth read aloud ("nine, fourteen, two thousand one"),
holidays the gate used to hide ("Groundhog Day", "MLK Day") and an ID's letters joined by a
hyphen ("Q-LPCNYC9-13"), with the look-alikes that stay unflagged."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "day"), [
    ("apartment two oh four on friday the eighteenth period the boyfriend left", "eighteenth"),
    ("fall river police period on the eleventh around twenty two hundred I responded", "eleventh"),
    ("I wanted to report that on the fourth we had a deputy go to a call alone", "fourth"),
    ("something that happened on thursday the sixth to one of our own officers", "sixth"),
    ("the call on tuesday the fifteenth at the apartments on cedar avenue", "fifteenth"),
    ("the sinai ER bay on the twelfth when the patient grabbed the scissors", "twelfth"),
])
def test_a_day_said_in_words_is_a_date(flagged, text: str, day: str) -> None:
    assert day in flagged(text)


@pytest.mark.parametrize(("text", "word"), [
    ("On the fourth run, the student came in at about 35 mph.", "fourth"),
    ("By the tenth they called me when their kid was in trouble.", "tenth"),
    ("Smoke was on the second, third and fourth floors.", "second"),
    ("The call taker caught it on the second read.", "second"),
])
def test_an_ordinal_that_counts_is_no_date(flagged, text: str, word: str) -> None:
    assert not any(word in found for found in flagged(text))


@pytest.mark.parametrize(("text", "date"), [
    ("Jordan Wicks, date of birth, nine, fourteen, two thousand one, was holding a bottle",
     "nine, fourteen, two thousand one"),
    ("first name Maria, date of birth nine, twelve, sixty-eight. DISPATCH: Copy",
     "nine, twelve, sixty-eight"),
    ("he was born on ten twelve nineteen ninety in Lowell", "ten twelve nineteen ninety"),
])
def test_a_date_of_birth_read_aloud_is_a_date(flagged, text: str, date: str) -> None:
    assert date in flagged(text)


@pytest.mark.parametrize(("text", "holiday"), [
    ("It was the week after Groundhog Day when the rancher called.", "Groundhog Day"),
    ("Event: January 20, 2025 (MLK Day), approximately 1530, on the Thruway", "MLK Day"),
    ("ortiz will be off until after martin luther king day period", "martin luther king day"),
    ("what happened on Pulaski Day for the district's near-miss folder", "Pulaski Day"),
    ("It was the day after Portugal Day and traffic was crazy.", "Portugal Day"),
    ("yall at hmong new year tonite? working the ramp", "hmong new year"),
    ("We worked the parade on Flag Day with two boats.", "Flag Day"),
])
def test_holidays_of_every_calendar_are_dates(flagged, text: str, holiday: str) -> None:
    assert holiday in flagged(text)


def test_a_red_flag_day_is_weather(flagged) -> None:
    text = "When: Feb. 26, 2025, afternoon, red flag day, wind SW 35 gusting 50."
    assert not any("flag" in found.lower() for found in flagged(text))


@pytest.mark.parametrize(("text", "number"), [
    ("I responded to the crew of train Q-LPCNYC9-13 of a trespasser", "Q-LPCNYC9-13"),
    ("Took over from Gail. Train M-CONSEL-30, 11 cars derailed at the bridge", "M-CONSEL-30"),
])
def test_letters_joined_to_a_number_belong_to_it(flagged, text: str, number: str) -> None:
    assert number in flagged(text)


def test_a_road_keeps_its_letter_as_a_place(detector) -> None:
    text = "We were on I-80 at mile 12 when the truck jackknifed."
    found = {text[s.start:s.end]: s.label for s in detector.analyze_text(text)}
    assert found.get("I-80") == "LOCATION"
