"""A crisis call names medications, which identify no one ("stopped his Abilify", "missed his
Sustenna shot"), and a Hutterite colony is a place by its name only, not "the colony" (issue 19,
stop 42). The texts are new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_medication_names_are_no_names(detector):
    text = ("His sister Ramona Ybarra said he stopped his Abilify injections in March and missed his "
            "Sustenna shot. He also takes Seroquel and Klonopin. Transported to St. Brendan's.")
    spans = surfaces_and_labels(detector, text)
    assert not any(surface in ("Abilify", "Sustenna", "Seroquel", "Klonopin") for surface, _ in spans)
    assert ("Ramona Ybarra", "PERSON") in spans


def test_the_colony_is_no_place_but_its_name_is(detector):
    text = ("A grain truck from Birch Creek Colony pulled out of the colony road. The colony boss, "
            "Jonas Wipf, came down in a colony pickup, and the colony put a flagger out after.")
    spans = surfaces_and_labels(detector, text)
    assert not any(surface.lower() == "colony" for surface, _ in spans)
    assert any(label == "LOCATION" and "Birch Creek" in surface for surface, label in spans)
