"""The Social Security given names (resources/ssa_given_names.txt, names_build.py) complete
names found by other evidence, and never decide a label alone."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as
from workstation.detect import census
from workstation.resources import resource_path


def test_the_list_is_shipped_with_its_source_and_is_wider_than_the_census():
    text = resource_path("ssa_given_names.txt").read_text(encoding="utf-8")
    assert "Social Security Administration" in text.splitlines()[1]
    wide, narrow = census.any_given_names(), census.given_names()
    assert narrow < wide and len(wide) > 15_000
    # names of the last decades and of many origins, missing from the 1990 census
    for name in ("kwame", "amir", "ikaika", "aksel", "kwabena", "abubakar"):
        assert name in wide and name not in narrow


@pytest.mark.parametrize(("text", "person"), [
    ("The passenger, Aksel Kristensen, had the bag on his lap.", "Aksel Kristensen"),
    ("ARRESTEE: PETRENKO, Andrei D., DOB 02/03/1991", "PETRENKO, Andrei D."),
    ("ARRESTEE: MORRISON, Kwabena T., DOB 11/30/1988", "MORRISON, Kwabena T."),
])
def test_a_newer_given_name_completes_a_name(detector, text, person):
    assert person in flagged(detector, text)
    assert found_as(detector, text, person) == {"PERSON"}


@pytest.mark.parametrize("text", [
    "UNIT 4 ADVISED MINOR INJ TO DRIVER, NO TRANSPORT.",
    "We drove the Texas DPS car to the impound lot.",
])
def test_a_name_that_is_also_a_word_or_a_place_decides_nothing(detector, text):
    assert not any(s.label == "PERSON" for s in detector.analyze_text(text)), flagged(detector, text)
