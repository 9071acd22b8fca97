"""Transit operators named in words are agencies ("a TriMet bus", "NJ transit", "VALLEY METRO
RAIL DETAIL"); initials whose letters are a state's code but that no one writes for a state
with dots ("T.N., 7 YOA") are a person's, and so is a second surname's initial after a hyphen
("R.K.-M."), while the dotted states ("N.C.", "D.C.") and abbreviations ("M.E.") stay out."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_transit_operators_by_their_names(detector) -> None:
    text = ("a NJ transit bus was right there. TriMet fare inspector Ahmed Dirie asked me to help.\n"
            "SGT'S LOG - VALLEY METRO RAIL DETAIL\nUTA POLICE // near miss write-up")
    found = surfaces_and_labels(detector, text)
    for operator in ("NJ transit", "TriMet", "VALLEY METRO", "UTA"):
        assert any(s.startswith(operator) and label == "AGENCY" for s, label in found), (operator, found)


def test_initials_of_state_letters_and_hyphenated_initials(detector) -> None:
    text = ("CHILD PRESENT: YES - T.N., 7 YOA, ATTENDS SCHOOL\n"
            "R.K.-M. (NYSP Troop F): nearly struck by a tractor-trailer.\n"
            "with the two boys (K.D., 15, and B.T.-W., 16).")
    found = surfaces_and_labels(detector, text)
    for initials in ("T.N.", "R.K.-M.", "K.D.", "B.T.-W."):
        assert (initials, "PERSON") in found, (initials, found)


def test_dotted_states_and_abbreviations_are_not_initials(detector) -> None:
    text = "We drove to Raleigh, N.C. and then the M.E. called; I.A. opened a file after the C.T. scan."
    found = surfaces_and_labels(detector, text)
    for letters in ("N.C.", "M.E.", "I.A.", "C.T."):
        assert (letters, "PERSON") not in found, (letters, found)
