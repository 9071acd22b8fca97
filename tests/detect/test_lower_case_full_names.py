"""A full name typed in lower case between a role and an age is a person, even where its given
name is a town's too and its other words everyday ones; an animal named beside its kind is named
as a person, as the corpora mark it; three initials are a person as two are (issue 19, stop 40).
The texts are new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_a_lower_case_name_between_a_role_and_an_age_is_a_person(detector):
    text = ("chickasaw lighthorse, ada -- my near miss at the rodeo grounds\n\nhalito. ofc Dana Whitehorse "
            "here, 4 yrs on. truck hit the gate. driver tyler wayne briggs, 29, of sherman tx, booked "
            "pontotoc county jail. passenger austin lee hunter, 24, walked.")
    spans = surfaces_and_labels(detector, text)
    assert ("tyler wayne briggs", "PERSON") in spans
    assert ("austin lee hunter", "PERSON") in spans


def test_words_between_a_role_and_a_number_are_no_name(detector):
    text = "Ofc Dana Whitehorse here. the passenger side door, 2 dents. victim was fine, 22 stitches."
    spans = surfaces_and_labels(detector, text)
    assert not [t for t, label in spans if label == "PERSON" and t != "Dana Whitehorse"]


def test_an_animal_named_beside_its_kind_is_named_as_a_person(detector):
    text = ("A caller reported a horse loose at the Pine Creek Lodge. The horse, Biscuit, was returned. "
            "At the rodeo a bull called Widowmaker threw Cody Harjo.")
    spans = surfaces_and_labels(detector, text)
    assert ("Biscuit", "PERSON") in spans and ("Widowmaker", "PERSON") in spans


def test_three_initials_are_a_person_and_dotted_abbreviations_are_not(detector):
    text = ("A student driver (J.T.L., 17, student ID BV0081144) left the lot fast. Later A.R.T. went to the "
            "juvenile center. He had a D.U.I. and an A.P.B. out of the U.S.A., per the M.P.D. desk.")
    spans = surfaces_and_labels(detector, text)
    assert ("J.T.L.", "PERSON") in spans and ("A.R.T.", "PERSON") in spans
    assert not [t for t, label in spans if label == "PERSON" and t in ("D.U.I.", "A.P.B.", "M.P.D.")]
