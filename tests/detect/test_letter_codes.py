"""A unit's or a vehicle's code of two letters and a number is an identifier; a state's road or
form, a department's form, a model of car, aircraft or gun and a tornado's rating are not; a company
keeps its "LLC" or "Inc." and is a place, as businesses are (issue 19, stop 40). The texts are
new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_a_units_or_vehicles_code_is_an_identifier(detector):
    text = ("The grain cart (the co-op's GK-4, driver Wendell Ochs) came out of the elevator lot as a "
            "Ranger unit, KP-12, pulled in. 0215 — Ofc. Lia Faleolo — WB-7 — cleared the fight.")
    spans = surfaces_and_labels(detector, text)
    for code in ("GK-4", "KP-12", "WB-7"):
        assert (code, "ID") in spans


def test_roads_forms_and_models_are_no_codes(detector):
    text = ("He fled toward Pierre in a Mazda CX-5, then rode out in a UH-60, so says the PD-15 form. "
            "The EF-2 took the roof off. Report on Form NM-1, and on OH-1 for the crash.")
    spans = surfaces_and_labels(detector, text)
    assert not [t for t, label in spans if label == "ID" and t in ("CX-5", "UH-60", "PD-15", "EF-2",
                                                                     "NM-1", "OH-1")]


def test_a_company_keeps_its_form_and_is_a_place_not_an_agency(detector):
    text = ("The vendor, Prairie Safety Analytics LLC, built the form; plows came from Hawkeye Snow & Ice, "
            "Inc. on Hudson Rd. UNIT LIST, CMPD Eastway Division, INC 20250914-0417")
    spans = surfaces_and_labels(detector, text)
    assert ("Prairie Safety Analytics LLC", "LOCATION") in spans
    assert ("Hawkeye Snow & Ice, Inc", "LOCATION") in spans
    assert not [t for t, _ in spans if t.endswith("INC")]


def test_farm_countrys_businesses_are_places_not_agencies(detector):
    text = ("A milk truck from Kalona Creamery Cooperative came up; the lowboy belonged to Platte Valley "
            "Implement. The Central Iowa Near-Miss Working Group met Tuesday.")
    spans = surfaces_and_labels(detector, text)
    assert ("Kalona Creamery Cooperative", "LOCATION") in spans
    assert ("Platte Valley Implement", "LOCATION") in spans
    assert not [t for t, label in spans if "Working Group" in t and label == "LOCATION"]


def test_a_co_op_keeps_its_op(detector):
    text = "A milk truck from Kalona Creamery Co-op came up the hill as we sat at the Sublette Co-op scale."
    spans = surfaces_and_labels(detector, text)
    assert ("Kalona Creamery Co-op", "LOCATION") in spans
    assert [t for t, label in spans if t.startswith("Sublette Co-op") and label == "LOCATION"]
