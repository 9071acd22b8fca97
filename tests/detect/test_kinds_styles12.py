"""Kinds found in the twelfth yardstick's tuning part (issue 19): contractions and stop words
taken for names, a form's question numbers, offence and licence shorthand taken for
agencies, "near miss" taken for a title, the roles of a deposition before a speaker's name.
The sentences are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


def test_a_contraction_is_no_surname(detector):
    text = "Wanda here. Thanks. So I'm with the county now, twelve years."
    assert not any("I'm" in f for f in flagged(detector, text))


@pytest.mark.parametrize("text", [
    "I speak Tagalog and my partner doesn't. The wife was home.",
    "Q1. What happened?\nQ2) What were the contributing factors?",
    "He had a beer or two (BWI not met). He faces OWI charges and his CDL is gone.",
    "SHERIFF'S OFFICE NEAR-MISS FORM, page 1 of 2",
])
def test_words_that_are_no_identifiers(detector, text):
    assert flagged(detector, text) == []


def test_the_roles_of_a_hearing_before_a_speakers_name(detector):
    text = ("COUNTY ATTORNEY LINDQVIST: Deputy, what did you see?\n"
            "THE WITNESS: The truck was still running.\n"
            "COUNTY ATTORNEY LINDQVIST: And then?\n"
            "THE WITNESS: He reached under the seat.\n")
    assert flagged(detector, text).count("LINDQVIST") == 2
    assert found_as(detector, text, "LINDQVIST") == {"PERSON"}


def test_a_log_lines_time_is_no_phone_number(detector):
    text = "Shift log:\n1640 Subject Dwayne Roper, 41, to County General.\n1702 Cleared."
    flags = flagged(detector, text)
    assert "1640" not in flags and "1702" not in flags
    assert found_as(detector, text, "Dwayne Roper") == {"PERSON"}


def test_a_house_number_at_a_line_start_is_no_log_time(detector):
    text = "Mail the form to:\n1000 Sycamore St, Rm 110, Cincinnati, OH 45202"
    assert found_as(detector, text, "1000 Sycamore St") == {"LOCATION"}
