"""Villages and territories' towns NER takes for people are places (issue 19): the post
office's town names (resources/us_postal_towns.txt) tell "Quinhagak" or "Tuntutuliak" from a
person; a town's name that is also a given name is left to the context. The sentences are
new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import found_as
from workstation.detect.gazetteer import postal_towns


def test_the_post_offices_towns_are_read():
    towns = postal_towns()
    assert len(towns) > 15000
    assert {"kwethluk", "tamuning", "rangeley"} <= towns


@pytest.mark.parametrize("text, village", [
    ("Village call, Quinhagak. Flew in on the mail plane for a DV.", "Quinhagak"),
    ("Tuntutuliak, late March, a DV call at the washeteria.", "Tuntutuliak"),
])
def test_a_village_is_a_place(detector, text, village):
    assert found_as(detector, text, village) == {"LOCATION"}
