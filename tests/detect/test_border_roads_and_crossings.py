"""The prairies' and the northern border's roads and crossings: Manitoba's grid roads with their
direction ("Road 1N") and trunk highways ("PTH 75"), Ohio's interstate routes ("IR 77"), and a
port of entry or a weigh station named by its town in lower case (issue 19, stop 41). The texts
are new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_prairie_and_interstate_route_codes_are_roads(detector):
    text = "We drove west on Road 1N toward PTH 75 with lights on.\nROUTE IR 77 SB, REF POINT 46."
    spans = surfaces_and_labels(detector, text)
    for road in ("Road 1N", "PTH 75", "IR 77"):
        assert (road, "LOCATION") in spans


def test_an_incident_report_number_is_no_route(detector):
    text = "Location: 2417 E Sprague Ave\nIR 2025-20117834   Tue 3/25/25"
    spans = surfaces_and_labels(detector, text)
    assert not [t for t, label in spans if t.startswith("IR") and label == "LOCATION"]


def test_a_crossing_in_lower_case_takes_its_town(detector):
    text = ("Four people were walking north, west of the Emerson port of entry. The tanker pulled into "
            "the Coutts weigh station.")
    spans = surfaces_and_labels(detector, text)
    assert ("Emerson port of entry", "LOCATION") in spans
    assert ("Coutts weigh station", "LOCATION") in spans
