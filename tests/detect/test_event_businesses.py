"""A promoter's or a security contractor's firm is a business, a place, not an agency ("Basin
Live Presents", "Palouse Crowd Management", "Lone Star Event Protection"); a public body keeps its
label ("U.S. Customs and Border Protection", "Office of Emergency Management") (issue 19, stop 42).
The texts are new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_promoters_and_security_firms_are_businesses(detector):
    text = ("Venue: Coulee Ridge Amphitheater, Grant County, WA\nPromoter: Columbia Live Presents   "
            "Security: Inland Crowd Management (ICM)\nContractor: Cascade Event Protection, radio channel 2.")
    spans = surfaces_and_labels(detector, text)
    for firm in ("Columbia Live Presents", "Cascade Event Protection"):
        assert (firm, "AGENCY") not in spans, firm
        assert (firm, "LOCATION") in spans, firm


def test_public_bodies_keep_their_label(detector):
    text = ("U.S. Customs and Border Protection -- significant incident report. The Office of "
            "Emergency Management opened the shelter.")
    spans = surfaces_and_labels(detector, text)
    assert ("U.S. Customs and Border Protection", "AGENCY") in spans
