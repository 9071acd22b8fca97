"""A table's columns say what their cells are even where its header is quoted with spaces in a
name ('"date","post","trooper","unit","near miss"') or names a personnel number "p#" or a
"SHIELD" (issue 19, stop 42). The texts are new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_a_quoted_csv_header_with_spaces_still_heads_its_columns(detector):
    text = ('"date","post","trooper","unit","location","near miss"\n'
            '"2025-03-11","Post 12 Rome","Whitfield, Dana","377","US 27 NB","struck by a mirror"\n'
            '"2025-04-02","Post 12 Rome","Okoro, Chidi","381","SR 1 at Lavender Mtn","tire debris"\n')
    spans = surfaces_and_labels(detector, text)
    assert ("377", "ID") in spans
    assert ("381", "ID") in spans
    assert ("Whitfield, Dana", "PERSON") in spans


def test_a_personnel_number_column_holds_ids(detector):
    text = ("Range day 3 -- attendance\n\np#\tname\tsquad\tscenario\n7741\tOfa, Sione\tS12\t3\n"
            "10930\tRamírez, Dulce\tS12\t3\n6215\tLane, Hunter\tS14\t4\n")
    spans = surfaces_and_labels(detector, text)
    assert {("7741", "ID"), ("10930", "ID"), ("6215", "ID")} <= spans
