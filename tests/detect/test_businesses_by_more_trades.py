"""A business named by its trade's last word is a place, not a person NER guessed: tour
operators, road lines, seafood dealers, energy and service companies, carryouts (issue 19, stop
42). The texts are new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_businesses_named_by_their_trade_are_places(detector):
    text = ("CALL-TAKER: She says she is at the dock behind Nguyen Seafood, on Bayside Road. A deckhand "
            "from Gulfport Harbor Tours threw him a line, and the trucker drove for Gill Roadlines. "
            "The upstairs flat was over Tommy's Carryout.")
    spans = surfaces_and_labels(detector, text)
    for business in ("Nguyen Seafood", "Gulfport Harbor Tours", "Gill Roadlines", "Tommy's Carryout"):
        assert (business, "PERSON") not in spans
        assert any(label == "LOCATION" and business in surface for surface, label in spans), business
