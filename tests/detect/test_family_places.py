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


def test_animals_named_in_brackets_are_named_as_people(detector):
    text = ('They were unhitching the horse (Molly) when it bolted. Horses ("Thunder" and "Gideon") were '
            'caught by the outrider.')
    spans = surfaces_and_labels(detector, text)
    for name in ("Molly", "Thunder", "Gideon"):
        assert (name, "PERSON") in spans
