"""What oral histories and old records write (stop 44): speakers by the initials of someone
named in full ("RM = Ruth Mandelbaum ... RM:"), a phone by its exchange's name ("KLondike
5-0411"), a career's span of years ("NYPD 1969-1994", no record's number), the transcript's
"NARRATOR:" (a role), boats and aircraft by their make ("the Bayliner"), and a clock time
opening a clause after "at about" (stock Presidio's phone pattern reads it; allow-listed)."""

from __future__ import annotations

import pytest

from workstation.detect.allow_list import allowed_regions

_INTERVIEW = ("Transcript, interview 7, June 3, 2017. RM = Ruth Mandelbaum (interviewer). "
              "JW = James \"Sonny\" Whitlow, Detroit Police Department 1964-1991.\n\n"
              "RM: You were in the 10th Precinct then.\n"
              "JW: Livernois station. I was in a scout car.\n"
              "RM: What do you remember?\n")


def test_speakers_by_the_initials_of_people_named_in_full(detector) -> None:
    found = [(_INTERVIEW[s.start:s.end], s.label) for s in detector.analyze_text(_INTERVIEW)]
    assert found.count(("RM", "PERSON")) == 3
    assert found.count(("JW", "PERSON")) == 2
    assert not any("1964" in text for text, _ in found)


@pytest.mark.parametrize("text", [
    "The RP, Juanita Leyva, said her neighbor left. The RP called back.",
    "Carlos Sandoval drove. The CS was searched before and after the buy.",
    "Owen Frey was there.\nHT 5-4  WT 120  OF SLIGHT BUILD",
])
def test_initials_that_are_words_or_shorthand_stay_unflagged(flagged, text: str) -> None:
    assert not {"RP", "CS", "OF", "HT"} & set(flagged(text))


@pytest.mark.parametrize(("text", "phone"), [
    ('A phone number is given as "KLondike 5-2271" (her mother\'s house).', "KLondike 5-2271"),
    ("At home? PEnnsylvania 6-5000. My mother answered.", "PEnnsylvania 6-5000"),
])
def test_a_phone_by_its_exchange_name_is_a_contact(detector, text: str, phone: str) -> None:
    found = {text[s.start:s.end]: s.label for s in detector.analyze_text(text)}
    assert found.get(phone) == "CONTACT"


@pytest.mark.parametrize("text", [
    "interview with Francis X. Delgado, NYPD 1969-1994, recorded at the society",
    "IN MEMORIAM -- Trooper Lyle Haskins (1944-1978)",
])
def test_a_span_of_years_is_no_number(flagged, text: str) -> None:
    assert not any(any(c.isdigit() for c in found) for found in flagged(text))


def test_a_case_number_with_a_year_stays(flagged) -> None:
    assert "2019-04417" in flagged("Case 2019-04417 was closed in 1994-1995 by the unit.")


def test_the_narrator_is_a_role(flagged) -> None:
    text = "INTERVIEWER: You came on at HPD when? NARRATOR: September 8, 1969. Houston Police"
    assert "NARRATOR" not in flagged(text)


def test_a_boat_by_its_make_is_no_one(flagged) -> None:
    text = "I put our bow between him and the Bayliner and Officer Fernandes jumped onto the Bayliner."
    found = flagged(text)
    assert "Fernandes" in found and "Bayliner" not in found


def test_a_clock_time_opening_a_clause_is_allow_listed() -> None:
    text = "On May 31 at about 1640 I stopped a black Chrysler 300. He lives at about 1640 Elm St."
    allowed = {(text[a:b], a) for a, b in allowed_regions(text)}
    assert ("1640", text.index("1640")) in allowed
    assert ("1640", text.rindex("1640")) not in allowed
