"""Dates in the shapes police text uses (issue 19: military "07JUN24", dotted years, a day
of the month on its own, days in words, a date label's six digits, a date read as a phone
number) and police shorthand that is no identifier (EOW, UOF, NIBRS, LLQ...). The sentences
are new, written for this test: none is in a corpus."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as
from workstation.detect.allow_list import allowed_regions


@pytest.mark.parametrize(("text", "date"), [
    ("Warrant served 07JUN24 at the trailer.", "07JUN24"),
    ("RPT TAKEN 21 NOV 2024, 0140 HRS.", "21 NOV 2024"),
    ("Seized on 11.09.24 from the glovebox.", "11.09.24"),
    ("Entered in RMS as 2024/06/07 by records.", "2024/06/07"),
    ("We went back on the 23rd and he was gone.", "23rd"),
    ("Sometime in the night of the 9th the fence was cut.", "9th"),
    ("it was june twenty-second, hot as anything", "june twenty-second"),
    ("On the fifth of October he called again.", "fifth of October"),
    ("DATE: 062224 TIME: 2210 LOC: PARKING GARAGE", "062224"),
])
def test_a_date_in_a_police_shape_is_a_date(detector, text, date):
    assert found_as(detector, text, date) == {"DATE"}


@pytest.mark.parametrize(("text", "date", "time"), [
    ("D/T: 101524 0345 R/O ON SCENE", "101524", "0345"),
    ("Report date 2024.10.15 logged by the clerk.", "2024.10.15", None),
])
def test_a_date_read_as_a_phone_number_is_a_date_without_the_time(detector, text, date, time):
    assert found_as(detector, text, date) == {"DATE"}
    if time is not None:
        assert not any(time in part for part in flagged(detector, text))  # the time is published


@pytest.mark.parametrize("text", [
    "He was on the 2nd floor when the shots came.",  # a floor, not a day
    "I worked the 3rd shift for six years.",
    "Case 062224 was reassigned to me.",  # six digits without a date label: a number, not a date
])
def test_ordinals_and_numbers_that_are_no_date(detector, text):
    spans = detector.analyze_text(text)
    assert not any(s.label == "DATE" for s in spans), [(text[s.start:s.end], s.label) for s in spans]


@pytest.mark.parametrize("text", [
    "RAN HIM THRU NCIC, NEG WANTS. UOF REPORT TO FOLLOW.",
    "WORKED THE OIS SCENE UNTIL EOW. AVL SHOWED THE UNIT PARKED.",
    "GSW TO THE LLQ, TQ APPLIED, TRANSPORTED TO HOSP BY MEDIC.",
    "CFS CLOSED, NIBRS CODING DONE, SGT APPROVED OT.",
])
def test_police_shorthand_in_capitals_is_no_identifier(detector, text):
    assert flagged(detector, text) == []


def test_the_target_of_a_surveillance_log_is_not_the_store(detector):
    log = "1102 Target vehicle leaves the lot. 1110 Target exits and walks north."
    assert not any(log[s.start:s.end].lower().startswith("target") for s in detector.analyze_text(log))
    store = "We stopped at the Target on Alameda for water."
    assert found_as(detector, store, "Target") == {"LOCATION"}


@pytest.mark.parametrize("text", [
    "lol ngl that call was wild, bruh",
    "the interpreter spoke Khmer and Tongan, not English",
])
def test_chat_words_and_languages_are_no_names(detector, text):
    assert flagged(detector, text) == []


@pytest.mark.parametrize("text", [
    "We met at the high school parking lot after the game.",
    "took him to the ER, doc said he was lucky",
    "He hid in the stairwell behind the gym.",
])
def test_generic_places_are_no_identifiers(detector, text):
    assert flagged(detector, text) == []


@pytest.mark.parametrize(("text", "part", "label"), [
    ("Sgt. Church took the back door.", "Church", "PERSON"),  # a generic word that is a surname
    ("Officer Park said the lot was clear.", "Park", "PERSON"),
    ("We chased him down High Street past the bank.", "High Street", "LOCATION"),
    ("He lived on Creek Road by the feed store.", "Creek Road", "LOCATION"),
])
def test_names_made_of_generic_words_stay_names(detector, text, part, label):
    assert found_as(detector, text, part) == {label}


@pytest.mark.parametrize(("text", "date", "time"), [
    ("SEC LOG 11/02 0415 UNKNOWN MALE AT DOCK", "11/02", "0415"),
    ("entered 3/9/2026 2350 by night clerk", "3/9/2026", "2350"),
])
def test_a_clock_time_after_a_date_is_allow_listed_and_the_date_stays(detector, text, date, time):
    from workstation.detect.allow_list import allowed_regions

    start = text.index(time)
    assert (start, start + len(time)) in allowed_regions(text)
    assert date in flagged(detector, text) and time not in " ".join(flagged(detector, text))


@pytest.mark.parametrize(("text", "day"), [
    ("The first shot was fired the 22nd, not the day after.", "22nd"),
    ("On the 6th Deputy Alvarado found the tripwire.", "6th"),
    ("Sorry, correction: it was the 30th at about 0200.", "30th"),
])
def test_a_day_of_the_month_alone_is_a_date(detector, text, day):
    assert found_as(detector, text, day) == {"DATE"}


@pytest.mark.parametrize("text", [
    "He finished 3rd in the academy class and 2nd on the range.",
    "We staged on the 4th floor of the garage.",
])
def test_ordinals_that_are_no_day_of_the_month(detector, text):
    assert flagged(detector, text) == []


@pytest.mark.parametrize(("text", "date"), [
    ("the sgt wants the date in the report as 6/19 not today", "6/19"),
    ("Shelter detail, Pine Hollow Middle School. 11/3. A man walked in with a hatchet.", "11/3"),
])
def test_a_month_and_day_alone_is_a_date(detector, text, date):
    assert found_as(detector, text, date) == {"DATE"}


@pytest.mark.parametrize("text", [
    "He ran about 3/4 mile before he gave up, 10/4 on that.",
    "It was a 50/50 call on a 24/7 post.",
])
def test_fractions_codes_and_shifts_are_no_date(detector, text):
    assert flagged(detector, text) == []


@pytest.mark.parametrize(("text", "day"), [
    ("we worked christmas eve on two cars and new years eve on one", "christmas eve"),
    ("we worked christmas eve on two cars and new years eve on one", "new years eve"),
    ("It happened on the Christmas overnight shift.", "Christmas"),
    ("halloween was quiet until the fight at the bar", "halloween"),
])
def test_a_holiday_in_any_case_is_a_day(detector, text, day):
    assert found_as(detector, text, day) == {"DATE"}


@pytest.mark.parametrize("text", [
    "Someone knocked over the Christmas tree in the lobby.",
    "have a good friday everyone, and watch the black friday crowds",
])
def test_holiday_words_that_name_no_day(detector, text):
    assert flagged(detector, text) == []


@pytest.mark.parametrize(("text", "date", "time"), [
    ("Date: Wed, 14 Jan 2026 06:41:19 -0800", "14 Jan 2026", "06:41:19 -0800"),
    ("Sent: 2/11/2026 9:05 PM -0600", "2/11/2026", "9:05 PM -0600"),
])
def test_an_e_mail_header_time_and_its_offset_are_no_number(detector, text, date, time):
    """Stock Presidio's phone pattern for other regions reads the offset as a number: the
    time is allow-listed (a clock time is no identifier), the date stays."""
    assert found_as(detector, text, date) == {"DATE"}
    start = text.index(time)
    assert (start, start + len(time)) in allowed_regions(text)
    assert not any(s.start < start + len(time) and start < s.end and s.label != "DATE"
                   for s in detector.analyze_text(text))
