"""Given names typed in lower case in mixed-case text are people (issue 19); the same words
in a Spanish or Vietnamese sentence, after an article, in a call sign or as a make or a
drug are not. The sentences are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize("text, name", [
    ("Booking, 0300. jamarcus whitfield came in from the county drunk and swinging.", "jamarcus whitfield"),
    ("There was a kid in the back seat, her cousin dequan, with a warrant.", "dequan"),
    ("Two of them were fighting, latrice and the other girl, both fine.", "latrice"),
])
def test_a_given_name_in_lower_case_is_a_person(detector, text, name):
    assert found_as(detector, text, name) == {"PERSON"}


@pytest.mark.parametrize("text", [
    "He was up for three days on tina. Found him in the Kia, engine running.",
    "Copy, unit 4 adam is clear. Tow is on the way.",
    "Bajé del carro y una camioneta blanca casi me pega.",
])
def test_names_that_are_other_things_are_not_flagged(detector, text):
    assert not any(w in flagged(detector, text) for w in ("tina", "adam", "una", "blanca", "del"))
