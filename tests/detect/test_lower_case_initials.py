"""An initial and a surname in lower-case notes after a role (issue 19, stop 38). The texts are
new, in none of the corpora."""

from __future__ import annotations


def _spans(detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in detector.analyze_text(text)}


def test_an_initial_and_a_surname_after_a_role_in_lower_case(detector):
    text = ("pls pull and hold dash cam for car 2210. evidence custodian j. okonkwo has the drive. "
            "911 audio (caller k. abdirahman, cb on file).")
    spans = _spans(detector, text)
    assert ("j. okonkwo", "PERSON") in spans
    assert ("k. abdirahman", "PERSON") in spans


def test_a_direction_or_an_ordinary_word_after_an_initial_is_no_name(detector):
    text = "i told the driver to b. careful and the clerk to e. mail the video."
    spans = _spans(detector, text)
    assert not [t for t, label in spans if label == "PERSON"]
