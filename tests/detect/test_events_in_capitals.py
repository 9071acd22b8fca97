"""An event named in capitals in a mixed-case report's heading or field is a place, as in title
case ("DETAIL: NATIONAL BASQUE FESTIVAL"); an operation is no event ("WARRANT ROUNDUP") (issue 19,
stop 42). The texts are new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_an_event_named_in_capitals_is_a_place(detector):
    text = "REPORTING: Dep. Ander Etxeberria\nDETAIL: SNAKE RIVER BASQUE FESTIVAL, the weightlifting area."
    spans = surfaces_and_labels(detector, text)
    assert ("SNAKE RIVER BASQUE FESTIVAL", "LOCATION") in spans


def test_an_operation_in_capitals_is_no_event(detector):
    spans = surfaces_and_labels(detector, "SERGEANT'S NOTE -- WARRANT ROUNDUP, Shelby County\nTeams.")
    assert not any("ROUNDUP" in surface for surface, _ in spans)
