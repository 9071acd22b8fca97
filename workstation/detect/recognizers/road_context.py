"""What a road's number needs around it (issue 19): a spoken road's number words and the travel
word before it ("on I ninety four", "on LA one"), a mile or a marker after a road just named ("near
mile 9.5"), and a place word before a chain's or a road's name ("at the circle k"); for the
shape recognizers in shapes.py."""

from __future__ import annotations

import regex as re

from workstation.detect.recognizers.base import alternation
from workstation.detect.vocab import NUMBER_WORDS

# one to three number words: "eighty", "ninety five", "one oh one", "two hundred"
_SPOKEN_WORD = rf"(?i:{alternation(sorted(NUMBER_WORDS))})"
SPOKEN_NUMBER = rf"{_SPOKEN_WORD}(?:[ \t-]+{_SPOKEN_WORD}){{0,2}}"
NEEDS_NUMBER_WORD = rf"\b(?:{alternation(sorted(NUMBER_WORDS - {'oh', 'hundred'}))})\b"


TRAVEL = "on|onto|off|along|via|take|took|taking|down|up"
_ON_A_ROAD_BEFORE = re.compile(rf"\b(?i:{TRAVEL}|exit|the)[ \t]+$")


def spoken_road(text: str, start: int, end: int) -> tuple[int, int] | None:
    """"i eighty", not "i ten o'clock" or "i one more time": a lone "i" and a unit or teen is
    the writer counting, unless a direction or a road word follows or a word of travel comes
    before ("on I ninety four"); a state's code too ("on LA one", not "LA one year")."""
    words = text[start:end].split()
    travel = _ON_A_ROAD_BEFORE.search(text, max(0, start - 8), start) is not None
    if words[0].isupper() and len(words[0]) == 2 and words[0] != "US":
        return (start, end) if travel else None
    if words[0].lower() == "i" and not travel and not re.match(
            r"[ \t]+(?i:east|west|north|south|[nsew]b|eastbound|westbound|northbound|southbound|near|at|"
            r"exit|by|mile|between)\b", text[end:]):
        return None
    return start, end


ROUTE_STATES = (
    "AK|AL|AZ|AR|CA|CT|FL|GA|IA|IL|KS|KY|LA|MI|MN|MO|MS|MT|NC|ND|NE|NH|NJ|NM|NV|NY|RI|SC|SD|TN|TX|UT|VA|"
    "VT|WA|WI|WV|WY|PR"
)
_ROAD_BEFORE = re.compile(
    r"\b(?i:hwy|highway|route|rte|interstate|freeway|fwy|pkwy|parkway|i-\d{1,3}|us[ -]?\d{1,3}|"
    rf"sr[ -]?\d{{1,3}})\b[^.\n]{{0,24}}$|\b(?:{ROUTE_STATES})[ -]\d{{1,3}}\b[^.\n]{{0,24}}$"
)


_AT_MARKER_BEFORE = re.compile(r"\b(?i:at|near|past|by|around|approx\.?|approximately|about)[ \t]+$")


def after_road_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A mile along the road just named, or a marker one is at ("near mile 9.5", "at km 221")."""
    if _ROAD_BEFORE.search(text, max(0, start - 40), start) or _AT_MARKER_BEFORE.search(
            text, max(0, start - 16), start):
        return start, end
    return None


def after_place_word(text: str, start: int) -> bool:
    before = text[max(0, start - 12):start]
    return re.search(r"\b(?i:at|on|to|from|near|in|by|off|of)\s+(?:the\s+)?$", before) is not None
