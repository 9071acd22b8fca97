"""A Korean name in Hangul: a chat's display name before its colon, or in brackets after its
romanized form; other Hangul words are not flagged (issue 19, stop 41). The texts are new, in
none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_hangul_names_as_speakers_and_in_brackets_are_people(detector):
    text = ("2024. 12. 1. 오후 10:12 한지수: 지금 어디야? (where are you now?)\n"
            "나: 주차장 (the parking lot)\n"
            "The caller, Kang Min-jae (강민재), waited by the door.")
    spans = surfaces_and_labels(detector, text)
    assert ("한지수", "PERSON") in spans
    assert ("강민재", "PERSON") in spans
    assert not [t for t, _ in spans if t in ("지금", "주차장", "나")]
