"""The leak guard and words that only spell a redacted string across a clause.

The guard joins a text's words without what separates them, so that "Whit-\\nlocke" or
"Dana Whit locke" cannot hide a name. In the 20,000-report benchmark database that made
"Training saved me. I did what we practiced" a finding for the redacted first name "Mei"
("me" + "I"): 370 of the 411 reports left out of publication were left out for it. Before
this change every sentence below was a finding (checked against `git show
HEAD:workstation/export/leak_guard.py`).
"""

from __future__ import annotations

import pytest

from workstation.export.leak_guard import FIGURES, Needles, Part, matched_phrases, scan

PERSON = "a string redacted in report 28 (PERSON)"
LOCATION = "a string redacted in report 3 (LOCATION)"


def needles() -> Needles:
    found = Needles()
    found.add_person("Mei Reyes", PERSON)
    found.add_person("Sgt. Dana Whitlocke", PERSON)
    found.add_phrase("Rosewood", LOCATION)
    found.add_phrase("Hill, Rose", LOCATION)
    found.add_phrase("1078", "a string redacted in report 4 (ID)")
    return found


def whats(text: str, kind: str = "text") -> set[str]:
    return {f.what.split(":")[0] for f in scan([Part("x", text, kind)], needles())}


@pytest.mark.parametrize("text", [
    "Training saved me. I did what we practiced at the range.",
    "It was just the captain and me. I let him go back into the bedroom.",
    "He got on top of me; I got him cuffed.",
    "Training saved me: I did what we practiced.",
    "He looked at me! I froze.",
    "The rose. Wood was stacked by the door.",
])
def test_common_words_of_two_clauses_are_not_a_redacted_string(text: str) -> None:
    assert whats(text) == set()
    assert matched_phrases(text, needles()) == []  # the demo's reviewers see the same


@pytest.mark.parametrize("text", [
    "Thanks to Mei for the cover.", "THANKS TO MEI", "thanks Me-i", "thanks me i",
    "thanks M\u0435i",  # Cyrillic ie
    "on Rose Wood Lane",  # split otherwise, but no clause between the words
    "up the Hill, Rose said",  # split as the redacted string was written
    "Thanks to Whit. Locke",  # not common words
    "called 10-78 on the radio",  # digits are no common words
])
def test_still_found(text: str) -> None:
    assert whats(text) != set()


def test_hashed_phrases_keep_matching_across_clauses() -> None:
    key = bytes(32)
    found = Needles(hash_key=key)
    from workstation.text.needles import needle_digest
    from workstation.text.normalise import compact

    form = compact("Mei")
    found.phrases.add_hashed(needle_digest(key, form), len(form), PERSON)
    assert [f.what for f in scan([Part("x", "Training saved me. I did")], found)] == [PERSON]


def test_figures_and_panel_text_follow_the_same_rule() -> None:
    assert whats("saved me. I did", FIGURES) == set()
    assert scan([Part("x", "saved me. I did", panel=True)], needles()) == []
