"""A court that issues an order, holds a case or hears it is an agency; a court as the room
where a hearing happens, with its courtroom or branch, stays a place. An aircraft's call sign
said in words ("Eagle Two", "Air One") is a call sign."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_courts_named_with_their_orders_and_cases_are_agencies(detector) -> None:
    text = ("Personal protection order 24-117742-PP, Third Circuit Court, entered into LEIN on June 3. "
            "I had a protective order to serve, Clayton County Superior Court civil action 2025CV00418. "
            "She got the TPO from Fulton Superior Court in February.")
    found = surfaces_and_labels(detector, text)
    for court in ("Third Circuit Court", "Clayton County Superior Court", "Fulton Superior Court"):
        assert (court, "AGENCY") in found, (court, found)


def test_a_court_as_a_room_stays_a_place(detector) -> None:
    text = ("Mercer County Circuit Court, Courtroom 3 - transcript excerpt, May 2.\n"
            "Court: Kenosha County Circuit Court, Branch 3")
    found = surfaces_and_labels(detector, text)
    assert ("Mercer County Circuit Court", "LOCATION") in found
    assert ("Kenosha County Circuit Court", "LOCATION") in found


def test_aircraft_call_signs_in_words(detector) -> None:
    text = "EAGLE TWO: over the vehicle now. Air One is up over Loop 410. We took the air two minutes later."
    found = surfaces_and_labels(detector, text)
    assert ("EAGLE TWO", "ID") in found and ("Air One", "ID") in found
    assert not any(s.lower().startswith("air two") for s, _ in found)


def test_a_street_named_court_stays_a_street(detector) -> None:
    text = "The protective order was served at 4410 Juniper Court by the entry team."
    found = surfaces_and_labels(detector, text)
    assert ("4410 Juniper Court", "LOCATION") in found
