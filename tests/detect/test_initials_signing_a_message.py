"""A message signed with its writer's initials after a dash names its writer ("-- RT", "— KA");
a state's code or an everyday word in capitals after a dash ("— OK", "- CO") and a list's item
("  - MDT") are no signature (issue 19, stop 42). The texts are new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_initials_after_a_dash_at_a_lines_end_are_a_person(detector):
    text = ("Chief -- Officer Dana Whitfield pulled the driver out before the car went under. Please "
            "start a lifesaving nomination. -- QM\n\nAlso: the lot lights are still out. thanks - VB")
    spans = surfaces_and_labels(detector, text)
    assert ("QM", "PERSON") in spans
    assert ("VB", "PERSON") in spans


def test_a_state_an_everyday_word_or_a_list_item_is_no_signature(detector):
    text = ("C-3 — Deputy Tanner Ross — roadblock at the county line — OK\n"
            "Re: welfare check on Elm - CO\nagencies:\n  - Highway Patrol\n  - MDT\n")
    spans = surfaces_and_labels(detector, text)
    assert not any(label == "PERSON" and surface in ("OK", "CO", "MDT") for surface, label in spans)
