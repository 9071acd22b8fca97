"""A family's place named by its surname ("the Varney family cemetery", "the Haskins home place")
is one place, not the person the surname alone would be (issue 19, stop 41). The texts are new,
in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_a_surname_then_family_and_a_place_word_is_one_place(detector):
    text = ("Okerlund is buried at the Okerlund family cemetery up Laurel Fork. The fight was at the "
            "Faleolo family compound, and the new road crosses the Haskins home place.")
    spans = surfaces_and_labels(detector, text)
    for place in ("Okerlund family cemetery", "Faleolo family compound", "Haskins home place"):
        assert (place, "LOCATION") in spans
    assert ("Okerlund", "PERSON") in spans
