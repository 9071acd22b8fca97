"""Numbers that point at one officer or one vehicle, by words the earlier rules did not know: a
French badge's "matricule", a Mountie's "regimental number", a badge number in brackets, a
tractor's or a wrecker's fleet number, a coach's "number", a car whose letter and number look like
a Ford truck's model ("car F318"), and a call sign with a hyphen in brackets after a trooper's
name (issue 19, stop 42). The texts are new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def _ids(detector, text: str) -> set[str]:
    return {surface for surface, label in surfaces_and_labels(detector, text) if label == "ID"}


def test_badge_numbers_by_french_and_mounted_police_words(detector):
    ids = _ids(detector, "Agent Rosalie Dufresne-Aubin, matricule 5093, était au volant. Mon regimental "
                         "number was 40772 back then. Send your badge number (2261) with the form.")
    assert {"5093", "40772", "2261"} <= ids


def test_a_tractor_a_wrecker_and_a_coach_by_their_numbers(detector):
    ids = _ids(detector, "The rig, Bayou Line Freight tractor 5520, was towed by Acadiana Recovery, "
                         "wrecker 37. The motorcoach, coach number 914, was parked behind it.")
    assert {"5520", "37", "914"} <= ids


def test_a_ford_truck_model_stays_unmarked_but_a_car_like_it_is_an_id(detector):
    spans = surfaces_and_labels(detector, "I sat in car F412 and watched the white F-250 pass. Roster: "
                                          "Trooper Dana Whitcomb (G-207), driving.")
    assert ("car F412", "ID") in spans
    assert ("G-207", "ID") in spans
    assert not any("F-250" in surface for surface, _ in spans)


def test_a_tractor_as_a_length_or_a_count_is_no_number(detector):
    spans = surfaces_and_labels(detector, "The trailer behind the tractor 53 feet long blocked both lanes.")
    assert not any(label == "ID" for _, label in spans)
