"""A small town of the state a report names, typed in capitals or in lower case, where the word
lists read an ordinary word (issue 19, stop 38). The texts are new, in none of the corpora."""

from __future__ import annotations


def _spans(detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in detector.analyze_text(text)}


def test_towns_of_the_state_after_a_place_word_in_capitals(detector):
    text = ("SUBJ FLED ON FOOT TWD WAGNER. CHARLES MIX CO SD UNITS ASSISTED. ARRESTED IN "
            "WINNER AT 0210 BY DEP KOLAR.")
    spans = _spans(detector, text)
    assert ("WAGNER", "LOCATION") in spans
    assert ("WINNER", "LOCATION") in spans


def test_a_town_of_the_state_in_dictation(detector):
    text = ("we drove out to pinon that night, navajo county arizona, and the caller met us "
            "at the chapter gate.")
    assert ("pinon", "LOCATION") in _spans(detector, text)


def test_a_town_after_an_address_comma(detector):
    text = "PAPERS SERVED AT RR 2 BOX 88, HAZARD. OWNER MET US WITH A SHOTGUN. PERRY CO KY."
    assert ("HAZARD", "LOCATION") in _spans(detector, text)


def test_a_town_of_another_state_is_not_read_from_an_ordinary_word(detector):
    text = "DRIVER FROM OHIO SAT IN HAZARD LIGHTS ON THE SHOULDER. THE PRIZE WENT TO WINNER AND RUNNER-UP."
    spans = _spans(detector, text)
    assert not [t for t, _ in spans if t in ("HAZARD", "WINNER")]


def test_ordinary_words_after_in_and_to_stay_ordinary(detector):
    text = ("PIERRE PD, SD. HE WAS IN CUSTODY BY 0300 AND WE WENT BACK TO TOWN. "
            "Later, in Hughes County, South Dakota, things went back to normal and we went home.")
    spans = _spans(detector, text)
    assert not [t for t, _ in spans if t.lower() in ("custody", "town", "normal", "home")]


def test_a_town_of_the_state_after_from_is_no_person(detector):
    text = ("We got a call from Mabel about a man with a rifle. I drove down from Preston, "
            "Minnesota with Deputy Ostrander.")
    assert ("Mabel", "LOCATION") in _spans(detector, text)


def test_a_surname_that_is_a_town_stays_a_person_without_a_place_word(detector):
    text = "Wagner and I drove out to the farm. Charles Mix County, South Dakota."
    assert ("Wagner", "PERSON") in _spans(detector, text)
