"""An agency's name runs on over its division or services word, a town's volunteer fire
department and a state police post or barracks are agencies, and the town's post office or
an army base's barracks are places (issue 19, stop 30). The sentences are new, in none of the
corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import found_as


@pytest.mark.parametrize("text, agency", [
    ("KENT STATE UNIVERSITY POLICE DIVISION WAS ALREADY ON SCENE.", "KENT STATE UNIVERSITY POLICE DIVISION"),
    ("Dallas Animal Services took the dogs after we cleared.", "Dallas Animal Services"),
    ("MAGNOLIA VFD ARRIVED AND CUT THE DOOR.", "MAGNOLIA VFD"),
    ("We got to the barn before Pine Ridge VFD did.", "Pine Ridge VFD"),
    ("Two troopers from the Bradford barracks met us at the bridge.", "Bradford barracks"),
    ("We dropped the prisoner at the Dorado precinct.", "Dorado precinct"),
])
def test_the_whole_agency_is_one(detector, text, agency):
    assert found_as(detector, text, agency) == {"AGENCY"}


@pytest.mark.parametrize("text, place", [
    ("He was waiting outside the Bradford post office with the package.", "Bradford"),
    ("He had been stationed at Schofield Barracks before he joined us.", "Schofield Barracks"),
])
def test_a_post_office_or_an_army_barracks_is_a_place(detector, text, place):
    assert found_as(detector, text, place) == {"LOCATION"}
