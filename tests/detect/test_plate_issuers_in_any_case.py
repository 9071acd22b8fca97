"""The state that issued a plate is a place however it is typed: named in lower case or capitals
before "plate" or "tag", its code in lower case, before "exempt" (a government car's plate), and
a plate whose letters are themselves a state's or a province's code ("AR AB 41877") is still a
plate (issue 19, stop 42). The texts are new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_a_state_named_in_lower_case_before_its_plate_is_a_place(detector):
    # typed all in lower case, as a phone's note is: "indiana plate" was read as one agency
    text = ("nov 4 pickup line at the elementary. mom had the protective order against dad and the "
            "school knew it, he's flagged in the system. well he shows up in his cousins car so nobody "
            "caught it. i got between the kid and the door and he put it in gear. mirror caught my hip. "
            "he took off down the pike toward the interstate, the city pd stopped him about ten min "
            "later. cousins car was indiana plate LKR 2290\nwhat i want other sros to know: the flag "
            "was on his truck not the car.")
    spans = surfaces_and_labels(detector, text)
    assert ("indiana", "LOCATION") in spans
    assert ("LKR 2290", "ID") in spans
    assert not any("plate" in surface for surface, _ in spans)


def test_a_state_code_typed_in_lower_case_before_a_tag_is_a_place(detector):
    text = "the van (la tag? no) was a white one, gm tag? no -- fl tag QRT 4418 and he took off north"
    spans = surfaces_and_labels(detector, text)
    assert ("fl", "LOCATION") in spans
    assert ("QRT 4418", "ID") in spans
    assert not any(surface == "la" for surface, _ in spans)


def test_the_state_of_an_exempt_plate_is_a_place(detector):
    text = "Unit 7, 2022 Ford Explorer, plate NV exempt 40771, was parked on the shoulder."
    spans = surfaces_and_labels(detector, text)
    assert ("NV", "LOCATION") in spans
    assert any(label == "ID" and "40771" in surface for surface, label in spans)


def test_a_plate_whose_letters_are_a_code_keeps_its_state_apart(detector):
    text = "Carrier Prairie Grain Haulers, tractor MT AK 5530, jackknifed across the road."
    spans = surfaces_and_labels(detector, text)
    assert ("MT", "LOCATION") in spans
    assert ("AK 5530", "ID") in spans
