"""A claim form's field labels ("Insurance:", "Carrier:", "Employer:") and a French note's
("Policière :") are no one's names (issue 19, stop 41). The texts are new, in none of the
corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_claim_and_french_field_labels_are_not_flagged(detector):
    text = ("Vehicle: 2019 Ford Escape\n  Insurance: Gulf Coast Auto Mutual, policy GCM-LA-4471902\n"
            "Chauffeur : Marc Gagnon\nCarrier: Red River Valley Transport")
    surfaces = {t for t, _ in surfaces_and_labels(detector, text)}
    assert not {"Insurance", "Chauffeur", "Carrier"} & surfaces
    assert "Marc Gagnon" in surfaces
