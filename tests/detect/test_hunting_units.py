"""A game-management unit, where a hunt is drawn, is a place ("GMU 76", "hunting unit 62A"); a
police unit by its number stays an ID (issue 19, stop 41). The texts are new, in none of the
corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_a_game_management_unit_is_a_place_and_a_patrol_unit_an_id(detector):
    text = "Officer near miss, GMU 81, November 2. They had no tags for hunting unit 44B. Unit 12 responded."
    spans = surfaces_and_labels(detector, text)
    assert ("GMU 81", "LOCATION") in spans
    assert ("hunting unit 44B", "LOCATION") in spans
    assert ("Unit 12", "ID") in spans
