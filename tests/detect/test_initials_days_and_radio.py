"""People by their initials, a day of the month alone, and a radio transcript's call signs
(issue 19). The sentences are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize("text, initials", [
    ("A juvenile, K.L., threw the first punch.", "K.L."),
    ("Juvenile: D.M. (age 15), released to his mother.", "D.M."),
    ("The driver, B.T., he would not get out.", "B.T."),
    ("I'll call her M. because she still works there.", "M."),
])
def test_a_person_by_initials(detector, text, initials):
    assert initials in flagged(detector, text)
    assert found_as(detector, text, initials) == {"PERSON"}


@pytest.mark.parametrize("text", [
    "He moved to the U.S. as a kid and got his G.E.D. in jail.",
    "The call came at 4 A.M. and we cleared by 6 P.M.",
    "Send it to the P.O. box on file.",
])
def test_abbreviations_with_dots_are_no_initials(detector, text):
    assert flagged(detector, text) == []


def test_an_initial_before_a_surname_in_capitals_is_the_persons(detector):
    text = "0415 C/O M. TSINAJINNIE OPENED THE TRAP FOR MEDS."
    assert "M. TSINAJINNIE" in flagged(detector, text)


@pytest.mark.parametrize("text, day", [
    ("Date: the 9th (corrected)\nNarrative: we were flagged down.", "9th"),
    ("the 17th a guy on a dirt bike came right at me.", "17th"),
])
def test_a_day_of_the_month_alone(detector, text, day):
    assert found_as(detector, text, day) == {"DATE"}


@pytest.mark.parametrize("text", [
    "He lived on the 9th floor. The 3rd round went into the wall.",
    "It was the 2nd time that week.",
])
def test_an_ordinal_that_is_no_day(detector, text):
    assert not any(c.isdigit() for f in flagged(detector, text) for c in f)


def test_code_speakers_of_a_radio_transcript_are_call_signs(detector):
    text = ("Surveillance net, partial\n"
            "GT-2: GT-2, subject is walking to the blue sedan.\n"
            "GT-5: Copy, I have the eye.\n"
            "GT-2: He's in. GT-5 take the lead.\n")
    flags = flagged(detector, text)
    assert flags.count("GT-2") == 3 and flags.count("GT-5") == 2
    assert found_as(detector, text, "GT-5") == {"ID"}


def test_a_unit_that_names_itself_by_its_last_digits(detector):
    text = ("DISPATCH: 3K21, 3K24, shots fired at the park.\n"
            "3K21: 21 copies, en route.\n"
            "3K24: 24, I'm two minutes out.\n")
    flags = flagged(detector, text)
    assert "21" in flags and "24" in flags
    assert found_as(detector, text, "21") == {"ID"}


def test_question_numbers_are_no_call_signs(detector):
    text = "Q1: What happened?\nA: He ran.\nQ2: What would you change?\nA: Wait for cover.\n"
    assert flagged(detector, text) == []


@pytest.mark.parametrize("text, name", [
    ("Hi, my name is Sherman. I ride with the crisis team.", "Sherman"),
    ("My wife, Marlow, is a dispatcher for the county.", "Marlow"),
    ("2210 HRS - C/O DENTON #3391 BEGAN THE COUNT.", "DENTON"),
])
def test_a_name_that_is_also_a_town_named_as_a_person(detector, text, name):
    assert found_as(detector, text, name) == {"PERSON"}


def test_a_town_after_im_in_stays_a_place(detector):
    assert found_as(detector, "I'm in Denver for the week.", "Denver") == {"LOCATION"}


@pytest.mark.parametrize("text", [
    "This was back in April 2019, before body cameras.",
    "Since January 2024 the committee has logged 41 near misses.",
])
def test_a_month_with_its_year_is_published_so_no_identifier(detector, text):
    assert flagged(detector, text) == []


def test_a_day_with_its_month_and_year_stays(detector):
    assert found_as(detector, "It happened on April 9, 2019 at the fair.", "April 9, 2019") == {"DATE"}


def test_the_crew_in_brackets_after_a_call_sign(detector):
    text = 'UNITS: T-31 (TAITANO) T-33 (CRUZ) K9-4 (SALAS/"ROCKY")\n2340 T-31 ONSC.'
    flags = flagged(detector, text)
    assert "TAITANO" in flags  # (NER's organisation: relabelling it cost a held-out part)
    for name in ("SALAS", "ROCKY"):
        assert name in flags, (name, flags)
        assert found_as(detector, text, name) == {"PERSON"}


@pytest.mark.parametrize("text, word", [
    ("He rode train 516 (Cascades) to the end of the line.", "Cascades"),
    ("The truck, plate 7KLM221 (Texas), was gone.", "Texas"),
])
def test_a_named_train_or_a_plates_state_in_brackets_is_no_person(detector, text, word):
    assert all(s.label != "PERSON" for s in detector.analyze_text(text) if text[s.start:s.end] == word)
