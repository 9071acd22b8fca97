"""A business by its trade in a report typed in capitals, whose name of everyday words the
recaser lowers (issue 19, stop 39). The texts are new, in none of the corpora."""

from __future__ import annotations


def _spans(detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in detector.analyze_text(text)}


def test_a_business_of_everyday_words_in_capitals(detector):
    text = ("R/O ARRIVED AND OBSERVED THE VEH PARKED BEHIND GOLDEN EAGLE PAWN. R/O WAS ASSISTING "
            "BLUE RIVER WRECKER (TRUCK 4) WITH THE HOOKUP WHEN A SEMI PASSED. VEH TOWED BY "
            "MIDWAY TOWING LLC TO THEIR LOT.")
    spans = _spans(detector, text)
    assert ("GOLDEN EAGLE PAWN", "LOCATION") in spans
    assert ("BLUE RIVER WRECKER", "LOCATION") in spans
    assert ("MIDWAY TOWING LLC", "LOCATION") in spans


def test_a_service_named_by_its_kind_or_a_heading_is_no_business(detector):
    text = ("PRISONER TRANSPORT INCIDENT\n"
            "R/O REQUESTED A HEAVY WRECKER. DRIVER HAD NO INSURANCE AND NEEDED AUTO REPAIR.\n"
            "23:31:00  WRECKER ARRIVED ON SCENE.\n"
            "CPD PUBLIC TRANSPORTATION SECTION NOTIFIED.")
    spans = _spans(detector, text)
    assert not [t for t, label in spans if label == "LOCATION" and any(
        w in t for w in ("WRECKER", "INSURANCE", "REPAIR", "TRANSPORT"))]


def test_a_business_or_a_place_of_worship_by_its_kind_is_a_place(detector):
    text = ("We met at Gurdwara Guru Nanak Darbar after the parade. The fight was outside Lupita Arreola's "
            "Tortilleria, next to Sunset Ridge Estates.")
    spans = _spans(detector, text)
    assert ("Gurdwara Guru Nanak Darbar", "LOCATION") in spans
    assert ("Lupita Arreola's Tortilleria", "LOCATION") in spans
    assert ("Sunset Ridge Estates", "LOCATION") in spans
