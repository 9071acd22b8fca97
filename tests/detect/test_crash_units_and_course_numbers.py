"""A crash report's vehicles by their number, a year's quarter, a fiscal year and the incident
command system's forms and courses are no identifiers (issue 19, stop 39). The texts are new, in
none of the corpora."""

from __future__ import annotations


def _spans(detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in detector.analyze_text(text)}


def test_a_crash_reports_vehicles_are_no_call_signs(detector):
    text = ("UNIT 1 (2018 FORD F-150, OH HZK 4471, DRIVER PRUITT) FAILED TO YIELD. UNIT 2 (2021 HONDA "
            "CIVIC) WAS EASTBOUND. UNIT 1 STRUCK UNIT 2 IN THE INTERSECTION.")
    spans = _spans(detector, text)
    assert not [t for t, _ in spans if t.startswith("UNIT")]
    assert ("HZK 4471", "ID") in spans


def test_a_units_call_sign_stays_where_no_vehicle_is_described(detector):
    text = "2219 RCSO UNIT 4 ENRT 25 MIN.\n2231 UNIT 4 ON SCENE WITH UNIT 3."
    spans = _spans(detector, text)
    assert ("UNIT 4", "ID") in spans and ("UNIT 3", "ID") in spans


def test_quarters_fiscal_years_and_ics_forms_are_no_numbers(detector):
    text = ("Submissions by quarter (FY2025)\n| Q2 | Stow PD | hazmat | 24-STW-0913 |\n"
            "Log it on the ICS 214. Prerequisites: IS-100.c, ICS-300.\nTHE ADDRESS IS 400 ELM ST.")
    spans = _spans(detector, text)
    assert not [t for t, _ in spans if t.startswith(("Q2", "FY", "ICS", "IS-"))]
    assert ("24-STW-0913", "ID") in spans
    assert [t for t, label in spans if label == "LOCATION" and "400" in t]


def test_target_in_a_surveillance_log_is_the_subject_not_the_store(detector):
    text = ("Target: Darnell Okoye, warrant 24-CR-3318.\n0905 Target departs in a grey Malibu.\n"
            "1030 Target circles the lot. We bought from a target known as \"Pep\". Later we met at the "
            "Target on Kellogg Ave.")
    spans = _spans(detector, text)
    targets = [(t, label) for t, label in spans if t.lower() == "target"]
    assert targets == [("Target", "LOCATION")]  # the store after "at the", once

