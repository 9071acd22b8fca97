"""Holidays said short ("xmas eve", "Thanksgiving Eve", "NYE", "the Fourth"), a thing of the
season that is no day ("Xmas lights"), and a state's code in brackets after a town's or an
agency's name (issue 19, stop 38). The texts are new, in none of the corpora."""

from __future__ import annotations


def _spans(detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in detector.analyze_text(text)}


def test_holidays_said_short(detector):
    text = ("notebook -- 12/24 (xmas eve) -- quiet til 2300. Last year on 11/26 (Thanksgiving Eve) "
            "we had three DUIs. Staffing on NYE and the Fourth, two cars minimum.")
    spans = _spans(detector, text)
    assert {("xmas eve", "DATE"), ("Thanksgiving Eve", "DATE"), ("NYE", "DATE"), ("Fourth", "DATE")} <= spans


def test_the_fourth_precinct_and_the_fourth_time_are_no_holiday(detector):
    text = "It was the fourth time that week the Fourth Precinct sent us a car. The Xmas lights were down."
    spans = _spans(detector, text)
    assert not [t for t, label in spans if label == "DATE"]


def test_a_states_code_in_brackets_after_an_agency(detector):
    text = "I'm a corporal with Enid PD (OK). Our sister agency, Pueblo Police Department (CO), sent a unit."
    spans = _spans(detector, text)
    assert ("OK", "LOCATION") in spans
    assert ("CO", "LOCATION") in spans


def test_insurers_and_their_adjusters_are_businesses(detector):
    text = ("Window broken: owner Halina Zielonka, insurance Wawel Mutual, will send the estimate. "
            "Adjuster Curtis Bloomquist, Prairie Public Claims, called back.")
    spans = _spans(detector, text)
    assert ("Wawel Mutual", "LOCATION") in spans
    assert ("Prairie Public Claims", "LOCATION") in spans


def test_an_agency_with_its_state_in_brackets_is_one_agency(detector):
    text = "To: Sgt. Dana Reyes -- Greenville (NC) PD. Copy to Clay County (MO) Sheriff's Office, fleet."
    spans = _spans(detector, text)
    assert ("Greenville (NC) PD", "AGENCY") in spans
    assert ("Clay County (MO) Sheriff's Office", "AGENCY") in spans
