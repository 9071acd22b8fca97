"""A place named "<Lake> of the <Woods>" stays whole before its county's agency, and a newspaper is
named as a business is (issue 19, stop 40). The texts are new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_lake_of_the_woods_county_stays_one_agency(detector):
    text = ("I work nights for the Lake of the Woods County Sheriff's Office. Sgt. Aakre asked the Lake "
            "of the Woods County Highway Department for more stakes on the ice road.")
    spans = surfaces_and_labels(detector, text)
    assert ("Lake of the Woods County Sheriff's Office", "AGENCY") in spans
    assert ("Lake of the Woods County Highway Department", "AGENCY") in spans
    assert not [t for t, label in spans if label == "PERSON" and t.startswith("Lake")]


def test_members_of_an_agency_are_no_part_of_it(detector):
    text = "Members of the Polk County Sheriff's Office met us at the gate."
    spans = surfaces_and_labels(detector, text)
    assert not [t for t, _ in spans if t.startswith("Members")]


def test_a_newspaper_by_its_name_is_a_place_as_businesses_are(detector):
    text = ("\"I never saw the plow,\" the deputy told the Cloquet Sentinel. The Iron Range Gazette and the "
            "Kandiyohi Weekly ran the story.")
    spans = surfaces_and_labels(detector, text)
    for paper in ("Cloquet Sentinel", "Iron Range Gazette", "Kandiyohi Weekly"):
        assert (paper, "LOCATION") in spans
