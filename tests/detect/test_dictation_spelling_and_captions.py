"""Voice-to-text dictation with names spelled out in capitals, spoken dates with compound
ordinals and years, and court captions (issue 19, stop 33). The sentences are new, in none
of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import found_as

DICTATION = (
    "dictating in the unit period officer marisol cardenas comma new bedford police department period "
    "on the twenty second around nineteen hundred I responded to a fight at flanagan's tap on "
    "north front street period a man named rui last name tavares T A V A R E S swung a bottle at "
    "me while I was talking to the owner period I had my back to the door period report two four "
    "dash one one eight period"
)


@pytest.mark.parametrize("part, label", [
    ("marisol cardenas", "PERSON"),
    ("new bedford police department", "AGENCY"),
    ("flanagan's tap", "LOCATION"),
    ("north front street", "LOCATION"),
    ("tavares", "PERSON"),
    ("T A V A R E S", "PERSON"),
])
def test_dictation_with_capital_i_and_spelled_letters_is_read_as_lower_case(detector, part, label):
    assert found_as(detector, DICTATION, part) == {label}


@pytest.mark.parametrize("text, spelled", [
    ("the driver luis de la rosa spelled d e l a r o s a was calm period", "d e l a r o s a"),
    ("officer dana kowalczyk comma K O W A L C Z Y K comma salem police comma", "K O W A L C Z Y K"),
])
def test_a_name_spelled_out_after_it_is_a_person(detector, text, spelled):
    assert found_as(detector, text, spelled) == {"PERSON"}


def test_letters_that_spell_no_word_before_them_are_nothing(detector):
    text = "the grades were a b c and d for the whole class period"
    assert detector.analyze_text(text) == []


@pytest.mark.parametrize("text, date", [
    ("it was december thirty first new year's eve period", "december thirty first"),
    ("date was august twenty third period I was on", "august twenty third"),
    ("incident the twenty fourth of june twenty twenty four period",
     "twenty fourth of june twenty twenty four"),
    ("on the second of may two thousand twenty three at about noon",
     "second of may two thousand twenty three"),
])
def test_a_spoken_date_keeps_its_ordinal_and_its_year(detector, text, date):
    assert found_as(detector, text, date) == {"DATE"}


@pytest.mark.parametrize("text, person", [
    ("STATE OF OREGON v. NGUYEN, THANH LOC\nMultnomah County Circuit Court No. 24CR11873",
     "NGUYEN, THANH LOC"),
    ("(continued) STATE v. WHITAKER — CROSS-EXAMINATION\nBY MR. DOYLE:", "WHITAKER"),
    ('State v. Darnell "Bird" Fontenot, No. 551-207, Section "B"', 'Darnell "Bird" Fontenot'),
])
def test_the_accused_in_a_case_caption_is_a_person(detector, text, person):
    assert found_as(detector, text, person) == {"PERSON"}


def test_a_caption_is_never_one_place_across_its_versus(detector):
    text = "STATE OF OREGON v. NGUYEN, THANH LOC\nMultnomah County Circuit Court No. 24CR11873"
    assert not any("v." in text[s.start:s.end] for s in detector.analyze_text(text))


@pytest.mark.parametrize("text, street", [
    ("I responded to a fight at the tap on north front street period", "north front street"),
    ("he lives on walnut street and works off fourth avenue", "walnut street"),
    ("we set up on kowalski avenue behind the school", "kowalski avenue"),
])
def test_a_street_named_in_lower_case_is_a_place(detector, text, street):
    assert found_as(detector, text, street) == {"LOCATION"}


@pytest.mark.parametrize("text", [
    "we parked on the street and walked off that road",
    "he was standing on the wrong side of the road",
])
def test_a_street_word_without_a_name_is_no_place(detector, text):
    assert detector.analyze_text(text) == []


@pytest.mark.parametrize("text, place", [
    ("00:16 Ponce 9: En camino desde la Ave. Las Américas.", "Ave. Las Américas"),
    ("Localización: Carr. 52 km 14.1, cerca del peaje de Salinas", "52 km 14.1"),
    ("Vive en la Urb. Villa Carolina y trabaja en el Barrio Obrero.", "Urb. Villa Carolina"),
    ("Detuve una Corolla frente al Plaza Carolina a las nueve.", "Plaza Carolina"),
])
def test_a_place_written_kind_first_in_spanish_is_a_place(detector, text, place):
    assert found_as(detector, text, place) == {"LOCATION"}


def test_an_english_avenue_ends_its_sentence(detector):
    text = "Party at a hall on Kearny Ave. Fight broke out in the lot."
    assert not any("Fight" in text[s.start:s.end] for s in detector.analyze_text(text))
