"""A rank before a Korean name whose given name joins two syllables with a hyphen, the second in
lower case ("Officer Kyung-soo Park"), names the officer, all of the given name: the rank inside
a place's name makes it no park (issue 19, stop 42). The texts are new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_a_ranked_korean_name_is_a_person_not_a_park(detector):
    text = "We write to thank Officer Min-jae Park and Officer Delia Brooks, who came first."
    spans = surfaces_and_labels(detector, text)
    assert ("Min-jae Park", "PERSON") in spans
    assert not any(label == "LOCATION" for _, label in spans)


def test_a_hyphened_english_word_after_a_cue_is_no_name(detector):
    spans = surfaces_and_labels(detector, "Subject: Off-duty disturbance on flight 2207 -- as you asked")
    assert not any(label == "PERSON" for _, label in spans)
