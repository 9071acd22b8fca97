"""A road, its direction of travel and its mile marker or exit are one place; the direction
alone after a road stays apart (issue 19, stop 38). The texts are new, in none of the corpora."""

from __future__ import annotations


def _spans(detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in detector.analyze_text(text)}


def test_a_road_its_direction_and_its_mile_marker_are_one_place(detector):
    text = "0214 -- crash on I-29 SB mm 71, tow on scene, I parked behind the wrecker."
    assert ("I-29 SB mm 71", "LOCATION") in _spans(detector, text)


def test_a_road_its_direction_and_its_exit_are_one_place(detector):
    text = "We set up on the Turnpike NB Exit 14 with flares at 0300."
    assert any("NB Exit 14" in t and label == "LOCATION" for t, label in _spans(detector, text))


def test_a_direction_alone_after_a_road_stays_apart(detector):
    text = "He fled on I-29 SB toward Sioux City and we lost him."
    spans = _spans(detector, text)
    assert ("I-29", "LOCATION") in spans
    assert not [t for t, _ in spans if "SB" in t]


def test_a_housing_development_keeps_its_houses(detector):
    text = "CANVASS / NEAR MISS AT BAYVIEW HOUSES, BLDG 4. Officers took the stairs to the roof."
    assert any("BAYVIEW HOUSES" in t and label == "LOCATION" for t, label in _spans(detector, text))


def test_a_street_by_its_direction_after_on(detector):
    text = "We left the car on E. Biddle and walked in. I put my hand on W. Kowalski's shoulder."
    spans = _spans(detector, text)
    assert ("E. Biddle", "LOCATION") in spans
    assert ("W. Kowalski's", "LOCATION") not in spans
