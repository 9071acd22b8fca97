"""California's postmiles are places, as mile markers are, and police helicopters by their name are
call signs (issue 19, stop 40). The texts are new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_a_postmile_written_every_way_is_a_place(detector):
    text = ("Rollover on SR-33 at postmile 12.40, second car stopped near PM R18.205. CHP closed the "
            "road down to post mile 9. Tow staged at FRE-180-PM 7.4.")
    spans = surfaces_and_labels(detector, text)
    for place in ("postmile 12.40", "PM R18.205", "post mile 9", "FRE-180-PM 7.4"):
        assert (place, "LOCATION") in spans


def test_the_afternoon_and_a_grants_measure_are_no_postmiles(detector):
    text = ("We cleared at 2 PM 3.50 miles north of the yard and the PM shift took over.\n"
            "| PM 1.1 Submissions | 60 |")
    spans = surfaces_and_labels(detector, text)
    assert not [t for t, _ in spans if "PM" in t]


def test_a_police_helicopter_by_its_name_and_number_is_a_call_sign(detector):
    text = "Eagle 1 was overhead by 0214 and Polair 4 lit up the yard until HAWK 2 relieved them."
    spans = surfaces_and_labels(detector, text)
    for call_sign in ("Eagle 1", "Polair 4", "HAWK 2"):
        assert (call_sign, "ID") in spans
