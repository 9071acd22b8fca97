"""The last net: an unknown capitalised word in the middle of a sentence, in text written
with ordinary capitals, is suggested (issue 19). New sentences, written for this test."""

from __future__ import annotations

import pytest

from tests.helpers.detection import found_as
from workstation.detect.proper_nouns import NAME, unknown_proper_nouns


@pytest.mark.parametrize(("text", "word", "label"), [
    ("The store clerk, a quiet man, said Oluwaseun had been in twice that week.", "Oluwaseun", "PERSON"),
    ("We found the second car parked behind the Kwabenaville feed store.", "Kwabenaville", "LOCATION"),
    ("I asked whether Thandeka Mbatha-Ncube was home and she said no.", "Mbatha-Ncube", "PERSON"),
])
def test_an_unknown_capitalised_word_is_suggested(detector, text, word, label):
    assert found_as(detector, text, word) == {label}


@pytest.mark.parametrize("text", [
    "We rolled up quietly. Then everything happened at once and nobody got hurt.",  # sentence starts
    "My partner carried Narcan and a Glock and we both wore Kevlar that night.",  # gear and drugs
    "It was a Tuesday in March when the call came in about a loose dog.",  # days and months
    "THE CALL CAME IN AT NIGHT AND WE ROLLED WITHOUT LIGHTS TO THE CORNER.",  # no ordinary capitals
])
def test_ordinary_words_and_sentence_starts_are_not(detector, text):
    lexicon = detector._get_engine().lexicon
    assert unknown_proper_nouns(lexicon, text, []) == []


def test_what_another_recognizer_found_is_not_suggested_again(detector):
    text = "The store clerk, a quiet man, said Oluwaseun had been in twice that week."
    lexicon = detector._get_engine().lexicon
    [found] = unknown_proper_nouns(lexicon, text, [])
    assert found.recognizer == NAME and text[found.start:found.end] == "Oluwaseun"
    assert unknown_proper_nouns(lexicon, text, [found]) == []
