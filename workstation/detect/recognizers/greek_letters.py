"""Fraternities and sororities by their Greek letters (issue 19): "Kappa Lambda Chi", "the Phi Rho
house", "BETA CHI HOUSE", "alpha tau", "Omega Psi Theta Fraternity, Inc.", "Kappa Lambda Chi
International". A chapter is named the same way ("Epsilon Iota chapter"). The corpora mark them
as organisations, LOCATION, with a house named by its letters whole.

Two letters at least, one of them no other thing's word ("Alpha Delta 4" is a call sign, "PI ETA" an
arrival, "Xi Mu" a person), or three, or a house or Greek life after them ("BETA CHI HOUSE", "Chi Psi
chapter"); a run beside a number is none."""

from __future__ import annotations

import regex as re

from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx

_LETTERS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho "
            "sigma tau upsilon phi chi psi omega").split()
# letters that are other things too: the radio's ("Alpha", "Delta"), a software release ("alpha beta"),
# an arrival ("PI ETA"), a pressure ("PSI"), maths ("pi", "chi"), a Chinese name ("Xi Mu")
_AMBIGUOUS_LETTERS = frozenset("alpha beta delta eta pi psi mu xi nu chi".split())
_RADIO_LETTERS = frozenset("alpha beta delta".split())
# (any case, one word to the next: the recaser writes "BETA CHI HOUSE" as "Beta chi house")
_LETTER = r"(?i:" + "|".join(_LETTERS) + ")"
# (a house is the name's in any case; "fraternity" in small letters is what it is, no part of it)
_HOUSE = (r"(?:[ \t]+(?:(?i:house|international)|(?:Fraternity|Sorority|FRATERNITY|SORORITY)"
          r"(?:,?[ \t]+(?:Inc|INC)\.?)?))?")
_NAME = rf"(?<![\w'’-]|\d[ \t]){_LETTER}(?:[ \t]+{_LETTER}){{1,3}}{_HOUSE}(?![\w'’-]|[ \t]+\d)"
# what a fraternity's letters come before ("Beta Chi pledges", "Chi Psi chapter")
_GREEK_LIFE_AFTER = re.compile(r"[ \t]+(?i:fraternity|sorority|chapter|pledges?|brothers|sisters|members?|"
                               r"party|formal|rush)\b")


def _a_name_of_letters(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A letter that is nothing else, three letters not all the radio's ("Alpha Delta Pi"), or a
    house's or Greek life's word after them ("BETA CHI HOUSE", "Chi Psi chapter")."""
    words = [w.lower().rstrip(",.") for w in text[start:end].split()]
    letters = [w for w in words if w in _LETTERS]
    named = bool(set(letters) - _AMBIGUOUS_LETTERS) or (
        len(letters) >= 3 and not set(letters) <= _RADIO_LETTERS) or len(words) > len(letters)
    return (start, end) if named or _GREEK_LIFE_AFTER.match(text, end) else None


def greek_letter_recognizers() -> list[RegexRecognizer]:
    return [RegexRecognizer("GreekLetterRecognizer", "LOCATION", [
        # (a match starts with a letter's word, which the text's word set answers; the gate is a plain
        # substring test, since a bounded one would search nearly every text: "pi", "mu", "eta" are
        # inside everyday words)
        Rx("greek_letters", _NAME, 0.85, CS, refine=_a_name_of_letters,
           needs="(?i:" + "|".join(_LETTERS) + ")", first_words=_LETTERS),
    ])]
