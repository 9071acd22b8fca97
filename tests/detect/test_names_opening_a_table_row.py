"""A "Surname, Given" name in title case opening a table's row, its cell closed by a bar, a
tab or a run of spaces, is one person ("Begaye, Loretta    | S-127"); a town and its state
opening a sentence are not."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_surname_first_names_in_a_tables_first_cell(detector) -> None:
    text = ("Member                      | Peer   | Referred\n"
            "Begaye, Loretta            | S-127  | 03/04/2025\n"
            "Dinh, Khoa                 | S-140  | 03/11/2025\n"
            "Okafor, Chidi\tS-141\t03/12/2025\n")
    found = surfaces_and_labels(detector, text)
    for name in ("Begaye, Loretta", "Dinh, Khoa", "Okafor, Chidi"):
        assert (name, "PERSON") in found, (name, found)


def test_a_town_and_its_state_opening_a_line_are_places(detector) -> None:
    text = "Chicago, Illinois    was cold that night.\nSunday, Monday  we worked."
    found = surfaces_and_labels(detector, text)
    assert not any(label == "PERSON" for _, label in found), found
