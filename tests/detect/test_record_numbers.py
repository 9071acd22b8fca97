"""Record numbers in the shapes police text writes them (issue 19): after a number sign
with their letters ("Warrant #W24-00981"), federal dockets, and a record number that looks
like a phone number after a record word ("CAD Inc# 240615-0087"). New sentences, written
for this test."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize(("text", "number"), [
    ("Warrant #W24-00981 was served at the door.", "W24-00981"),
    ("Property tag #PT-88-2291 went to the locker.", "PT-88-2291"),
    ("The docket is 3:24-cr-00118 in federal court.", "3:24-cr-00118"),
    ("Civil matter 1:23-CV-4471 named the city.", "1:23-CV-4471"),
])
def test_a_record_number_with_its_letters_is_one_number(detector, text, number):
    assert found_as(detector, text, number) == {"ID"}


@pytest.mark.parametrize(("text", "number"), [
    ("CAD Inc# 240615-0087 shows the times.", "240615-0087"),
    ("Report no. 555-0199 was amended.", "555-0199"),
])
def test_a_phone_shaped_record_number_after_a_record_word_is_a_number(detector, text, number):
    assert found_as(detector, text, number) == {"ID"}


def test_a_phone_number_after_call_words_stays_a_contact(detector):
    text = "Call me back at 505-555-0142 after six."
    assert found_as(detector, text, "505-555-0142") == {"CONTACT"}


def test_witness_designators_stay_allowed(detector):
    text = "W2 said S1 ran toward the creek."
    assert not any(s.label == "ID" for s in detector.analyze_text(text))


@pytest.mark.parametrize(("text", "number"), [
    ("Both parties were arrested, see GO 24-018832 for the rest.", "24-018832"),
    ("Report written under 2024-31-007712 by the night desk.", "2024-31-007712"),
])
def test_a_year_then_a_serial_is_a_record_number_not_a_phone(detector, text, number):
    assert found_as(detector, text, number) == {"ID"}


def test_a_phone_cue_keeps_a_phone(detector):
    text = "His cell: 24-018832, he said, but it did not ring."
    assert found_as(detector, text, "24-018832") == {"CONTACT"}


def test_a_key_value_export_gives_the_badge_its_number(detector):
    text = "unit=3C21; officer=Tran, Hoa; badge=2291; narrative=slipped on ice"
    assert found_as(detector, text, "2291") == {"ID"}


@pytest.mark.parametrize("text", [
    "Idaho Fish and Game region 4 sent a boat.",  # "reg" inside "region" is no plate cue
    "The dog tagged 2 of us before the handler got there.",
])
def test_a_plate_cue_inside_a_word_is_no_cue(detector, text):
    # no number read as a plate ("region 4" after its agency is that agency's part, stop 33)
    numbers = [text[s.start:s.end] for s in detector.analyze_text(text) if s.label in ("ID", "CONTACT")]
    assert not any(ch.isdigit() for part in numbers for ch in part)


def test_a_plate_ends_before_a_function_word(detector):
    text = "Plate RKD 4410 and the VIN matched."
    assert "RKD 4410" in flagged(detector, text)


@pytest.mark.parametrize(("text", "number", "label"), [
    ("He got off train 2071 at the platform and ran.", "2071", "ID"),
    ("The MP patrol Falcon 12 took the gate.", "Falcon 12", "ID"),
    ("Call Renee in records, ext. 4-2290, for the tape.", "4-2290", "CONTACT"),
])
def test_trains_patrols_and_extensions(detector, text, number, label):
    assert found_as(detector, text, number) == {label}


def test_a_measure_with_an_x_is_no_extension(detector):
    assert flagged(detector, "The plywood was 2 x 4 feet and the trench 10 x 1200 ft.") == []
