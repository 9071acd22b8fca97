"""What radio and body-camera transcripts read aloud: a phone number in digit words ("nine
one zero, five five five, zero one three six"), a house number before its street ("one two
one four Birch"), a plate in the phonetic alphabet ("nine tango kilo lima four four one")
a name spelled letter by letter ("C-H-O-N-G X-I-O-N-G"); and the call signs of the radio: a
unit named for its county ("Hinds 12" where Hinds County is the agency) or called by its
number alone ("DISPATCH: 14, caller says ...", "14 copy")."""

from __future__ import annotations

from functools import lru_cache

import regex as re

from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx
from workstation.detect.recognizers.identifiers import PHONETIC, PHONETIC_WORDS

# a digit read aloud (dictated.py reads numbers with it too)
DIGIT = r"(?i:zero|oh|one|two|three|four|five|six|seven|eight|nine|niner)"
_DIGIT_WORD = re.compile(DIGIT)
_SEPARATOR = r"(?:[ \t]*[,-][ \t]*|[ \t]+)"
# a cheap test every number read aloud passes: a digit word somewhere in the text
_NEEDS_DIGIT_WORD = "five|nine|one|two|three|four|six|seven|eight|zero"
# a call sign's letter word is no street ("two adam twelve"), nor a title or a role
_NOT_STREETS = frozenset(w.lower() for w in PHONETIC) | frozenset(
    "copy dispatch unit car county officer deputy sergeant sir ma'am okay ok roger".split())


def _phone_digits(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Seven, ten or eleven (a leading one) digits, "oh" only between others."""
    words = [w.lower() for w in _DIGIT_WORD.findall(text[start:end])]
    if words[0] == "oh" or words[-1] == "oh":
        return None
    count = len(words)
    return (start, end) if count in (7, 10) or (count == 11 and words[0] == "one") else None


def _a_street(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Not a call sign's word, nor a state ("four four one California": a plate's end)."""
    from workstation.detect.gazetteer import places

    name = text[start:end].split()[-1].lower()
    return None if name in _NOT_STREETS or places().get(name) == "state" else (start, end)


SPELLING_WORD = rf"(?:{DIGIT}|(?i:{PHONETIC_WORDS}))"


_SPELLING_CUE_BEFORE = re.compile(r"(?:[ \t,]+|[ \t]+(?i:spelled|spelt|comma|that's|that[ \t]+is))+$")
_WORD_BEFORE = re.compile(r"[\p{L}'’-]+$")


def _spells_the_words_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The run of letters spells the one to four words just before it."""
    letters = text[start:end].replace(" ", "").replace("\t", "").lower()
    cue = _SPELLING_CUE_BEFORE.search(text, max(0, start - 40), start)
    pos = cue.start() if cue is not None else start
    joined = ""
    for _ in range(4):
        word = _WORD_BEFORE.search(text, max(0, pos - 30), pos)
        if word is None:
            return None
        joined = word.group().lower().replace("'", "").replace("’", "").replace("-", "") + joined
        if joined == letters:
            return start, end
        if len(joined) >= len(letters) or not letters.endswith(joined):
            return None
        pos = word.start()
        while pos > 0 and text[pos - 1] in " \t":
            pos -= 1
    return None


def _letters_and_digits(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Two letter words and two digit words at least: a plate or a tag, not "two adam"."""
    words = re.split(r"[ \t-]+", text[start:end])
    digits = sum(1 for w in words if _DIGIT_WORD.fullmatch(w))
    return (start, end) if digits >= 2 and len(words) - digits >= 2 else None


# a word before a county's word ("Polk County", "Tangipahoa Parish", "Sitka Borough")
# (zero-width, so a word is tried at every boundary, as "\b{word} county" was: "(Ada County")
_BEFORE_COUNTY_WORD = re.compile(r"(?i:\b(?=(\S+)[ \t]+(?:county|parish|borough|co\.?|cnty)\b))")


@lru_cache(maxsize=64)
def _county_words(text: str) -> frozenset[str]:
    """The words that stand before a county's word in the text, in small letters (read once a text:
    a pattern built for each word cost a compilation each time)."""
    return frozenset(m.group(1).lower() for m in _BEFORE_COUNTY_WORD.finditer(text))


def _county_call_sign(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The word names a county, parish or borough in the same report."""
    word = text[start:end].split()[0].lower()
    return (start, end) if word in _county_words(text) else None


# a dispatcher calling a unit by its number, or the unit answering with it
_RADIO_SPEAKER = r"(?i:dispatch|disp|dispatcher|radio|comms|control|command|central)"
_ANSWER = r"(?i:copy|copies|copied|clear|en[ \t]+route|enroute|responding|on[ \t]+scene|out|go[ \t]+ahead)"


# an apparatus called by its number in words, the way the radio says it: "Engine Twelve", "Battalion
# One", "Brigade Three", "Engine Twelve's crew" (both words capitalised, as a name is: "Engine two lost
# oil pressure" of a plane and "truck two" of a convoy stay words)
_APPARATUS = ("Engine", "Ladder", "Medic", "Battalion", "Truck", "Rescue", "Squad", "Marine", "Brigade",
              "Tanker", "Brush", "Ambulance")
_NUMBER_WORD = ("One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven",
                "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen",
                "Nineteen", "Twenty")
_APPARATUS_IN_WORDS = (
    r"(?<![\w'’-])(?:" + "|".join(_APPARATUS) + r")[ \t]+(?:" + "|".join(_NUMBER_WORD) + r")"
    r"(?=['’]s\b|(?![\w'’-]))")


def spoken_recognizers() -> list[RegexRecognizer]:
    return [
        RegexRecognizer("SpokenPhoneRecognizer", "PHONE_NUMBER", [
            Rx("phone_in_words", rf"\b(?<![\w-]){DIGIT}(?:{_SEPARATOR}{DIGIT}){{6,10}}(?![\w-])", 0.7, CS,
               refine=_phone_digits, needs=_NEEDS_DIGIT_WORD)]),
        RegexRecognizer("SpokenAddressRecognizer", "ADDRESS", [
            Rx("house_number_in_words", rf"\b(?<![\w-]){DIGIT}(?:[ \t]+{DIGIT}){{2,4}}[ \t]+"
               r"\p{Lu}\p{Ll}{2,}(?![\w'’-])", 0.6, CS, refine=_a_street,
               needs=_NEEDS_DIGIT_WORD)]),
        RegexRecognizer("SpokenPlateRecognizer", "ID", [
            # (joined by hyphens too, as a transcript writes a plate read out: "Papa-Hotel-four-niner",
            # a comma where the reader paused: "Kilo-November-Two, four-zero-eight-eight")
            Rx("plate_in_words",
               rf"\b(?<![\w-]){SPELLING_WORD}(?:(?:[ \t]+|-|,[ \t]+(?={SPELLING_WORD}-))"
               rf"{SPELLING_WORD}){{4,9}}(?![\w-])",
               0.6, CS, refine=_letters_and_digits,
               needs=_NEEDS_DIGIT_WORD)]),
        RegexRecognizer("RadioCallSignRecognizer", "UNIT_NUMBER", [
            Rx("county_call_sign", r"(?<![\w'’-])\p{Lu}[\p{L}'’]+[ \t]+\d{1,3}[A-Z]?(?![\w'’-]|[.,]\d)",
               0.6, CS, refine=_county_call_sign),
            Rx("apparatus_in_words", _APPARATUS_IN_WORDS, 0.6, CS,
               needs="(?i:" + "|".join(_APPARATUS) + ")"),
            # by the radio or by another unit ("Sam 22: 612, terminate")
            Rx("called_by_number", r"(?m)^[ \t]*(?:\d{3,4}[ \t]+|\d\d?:\d\d[ \t]+)?"
               rf"(?:{_RADIO_SPEAKER}|\p{{Lu}}[\p{{L}}'’-]+[ \t]+\d{{1,4}}[A-Z]?)[ \t]*:"
               r"[ \t]*(\d{1,4}[A-Z]?)(?=[ \t]*,)", 0.6, CS, 1),
            Rx("answers_by_number", rf"(?m):[ \t]*(\d{{1,4}}[A-Z]?)(?=[ \t]+{_ANSWER}\b)", 0.6, CS, 1,
               needs=":"),
            # "Dispatch: Copy 3410, running it": the unit answered by its number
            Rx("answered_by_number", r"(?m):[ \t]*(?i:copy|roger|go[ \t]+ahead)[ \t,]+(\d{1,4}[A-Z]?)"
                                     r"(?![\w:/-]|\.\d|[ \t]+(?i:hours|hrs|minutes|mins|feet|ft|miles"
                                     r"|yards))",
               0.6, CS, 1, needs=":")]),
        RegexRecognizer("SpelledNameRecognizer", "PERSON", [
            # letters joined by hyphens, four or more in all, no digits beside them (a plate's)
            Rx("spelled_name", r"(?<![\w-])\p{Lu}(?:-\p{Lu}){2,}(?:[ \t]+\p{Lu}(?:-\p{Lu}){1,})*(?![\w-])"
               rf"(?![ \t]+(?:\d|{DIGIT}\b))", 0.7, CS),
            # a dictated name spelled out after it: "medeiros M E D E I R O S", "ramon de la garza
            # spelled d e l a g a r z a", "nowak comma N O W A K"
            Rx("spelled_after_word", r"(?<![\w'’-])[A-Za-z](?:[ \t][A-Za-z]){2,}(?![\w'’-])", 0.7, CS,
               refine=_spells_the_words_before)]),
    ]
