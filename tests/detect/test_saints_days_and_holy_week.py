"""Days named by the church year and by communities: Holy Week's days, the Day of the Dead,
Dyngus Day, a saint's day as a parish or a pueblo keeps it, a nation's independence day of two
words; a place named for a saint stays a place."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_holy_week_and_community_days_are_dates(detector) -> None:
    text = ("During the Holy Saturday ceremonies at the plaza, and again on the Day of the Dead, we "
            "had crowds. The near miss was Dyngus Day, 1986. July 5, 2024 (Cape Verdean Independence "
            "Day).")
    found = surfaces_and_labels(detector, text)
    for day in ("Holy Saturday", "Day of the Dead", "Dyngus Day", "Cape Verdean Independence Day"):
        assert (day, "DATE") in found, (day, found)


def test_saints_days_are_dates_and_saints_places_are_places(detector) -> None:
    text = ("He was running late for St. Joseph's Day dinner at his daughter's. September 19, which "
            "is San José Feast Day at Old Laguna, traffic backed up. She was taken to St. Joseph's "
            "Hospital.")
    found = surfaces_and_labels(detector, text)
    assert ("St. Joseph's Day", "DATE") in found
    assert ("San José Feast Day", "DATE") in found
    assert ("St. Joseph's Hospital", "LOCATION") in found
