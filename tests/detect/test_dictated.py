"""What dictation and speech-to-text write in words (issue 19, stop 31): call signs, numbers
read digit by digit, hundred blocks, numbered streets and e-mail addresses read aloud; and the
punctuation words of dictation ("comma", "period") never inside a name. A count, a time of day
and a lone phonetic word stay unflagged. The sentences are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize("text, part, label", [
    ("unit three adam fourteen arrived and made contact with the driver period", "three adam fourteen", "ID"),
    ("county copy show me out comma lincoln six is en route period", "lincoln six", "ID"),
    ("supplement for case number two five dash zero one one four seven period",
     "two five dash zero one one four seven", "ID"),
    ("officer garza badge number three three eight one two was first on scene",
     "three three eight one two", "ID"),
    ("i responded to the forty one hundred block of south maple avenue comma",
     "forty one hundred block of south maple avenue", "LOCATION"),
    ("he ran east on fifty second street toward the park", "fifty second street", "LOCATION"),
    ("you can reach me at m dot okonkwo at county sheriff dot example dot gov any time",
     "m dot okonkwo at county sheriff dot example dot gov", "CONTACT"),
])
def test_what_dictation_spells_out_is_found(detector, text, part, label):
    assert found_as(detector, text, part) == {label}


def test_dictated_punctuation_is_no_part_of_a_name(detector):
    text = "the driver was priya natarajan comma and the passenger was okafor period"
    flags = flagged(detector, text)
    assert "priya natarajan" in flags
    assert not any("comma" in f or "period" in f for f in flags)


@pytest.mark.parametrize("text", [
    "we counted one two three four and then went through the door",
    "i got there at twenty two thirty hours and the lights were off",
    "she said she was king of the block and laughed",
])
def test_counts_times_and_lone_words_are_not_flagged(detector, text):
    assert flagged(detector, text) == []


def test_a_dictation_after_a_typed_heading_is_read_as_lower_case_text(detector):
    text = ("Deputy Harlan Voss, Aroostook County Sheriff's Office, dictation for Sgt Michaud. ok. on "
            "march third at about oh six hundred i was southbound on route eleven when the driver, "
            "colette marchand from fort kent, pulled onto the shoulder. her brother wesley marchand "
            "came around the back of the car with a tire iron. nobody was hurt. lesson: wait for "
            "the second car before you walk up on a stopped vehicle at night.")
    flags = flagged(detector, text)
    assert "colette marchand" in flags and "wesley marchand" in flags


@pytest.mark.parametrize("text, part, label", [
    ("this is detective dana ortiz with boise p d burglary comma call me back", "boise p d", "AGENCY"),
    ("the d e a agents showed up after the stop and took over the scene", "d e a", "AGENCY"),
    ("we waited at mile marker forty one on the interstate for the tow", "mile marker forty one", "LOCATION"),
])
def test_agencies_spelled_and_mile_markers_read_aloud(detector, text, part, label):
    assert found_as(detector, text, part) == {label}


@pytest.mark.parametrize("text", [
    "the p d was closed so i went to the s o in the morning",
    "i got a b on the test and a c on the quiz",
])
def test_letters_that_spell_no_agency_are_nothing(detector, text):
    assert flagged(detector, text) == []


@pytest.mark.parametrize("text, part, label", [
    ("trooper nils berg badge number twelve oh four was on the east shoulder", "twelve oh four", "ID"),
    ("the call came from six one one eight north alder and the door was open",
     "six one one eight north alder", "LOCATION"),
    ("his date of birth is april ninth nineteen seventy two comma no middle name",
     "april ninth nineteen seventy two", "DATE"),
])
def test_badges_house_numbers_and_birthdays_read_aloud(detector, text, part, label):
    assert found_as(detector, text, part) == {label}
