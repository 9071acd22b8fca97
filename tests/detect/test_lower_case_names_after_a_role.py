"""A given name and a surname typed in lower case right after a role ("driver", "passenger",
"witness") are a person's even where no age follows and neither name is on the census lists;
everyday words after a role stay unmarked (issue 19, stop 42). The texts are new, in none of the
corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_a_lower_case_name_after_a_role_is_a_person(detector):
    text = ("fuel hauler near miss, fm 2401 s of sh 349, ector co -- 2/9\n(notes off my phone, trooper "
            "notes)\n\n- stopped a water truck for no mudflaps & leaking air, co is \"red mesa fluids\"\n"
            "- 2nd tanker passing us threw a tread, rubber came off like a whip right onto my hood, unit "
            "4C21 is dented\n- that truck stopped 1/2 mi up. co basin crude haulers, truck #B-52, tx plate "
            "K558120. driver bohdana savchuk was apologizing nonstop\n- if i'd been out at the back of the "
            "first truck i'd have been hit. i was in the car thank god")
    spans = surfaces_and_labels(detector, text)
    assert ("bohdana savchuk", "PERSON") in spans


def test_everyday_words_after_a_role_are_no_name(detector):
    text = ("- the tanker stopped 1/2 mi up, truck #R-52. driver side mirror was gone and the "
            "witness statement came later, the owner never called back")
    spans = surfaces_and_labels(detector, text)
    assert not any(label == "PERSON" for _, label in spans)
