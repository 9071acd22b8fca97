"""The parts inside a facility are no places of their own: "Courtroom 5B", "Recreation Yard 2",
"track 14", "Taxiway A", "dock C", "CH 2" (a radio channel). No yardstick marks them and the
blind ones leave them unmarked; the facility they are in identifies, they do not. Where
annotators disagree, the part stays flagged (recall first): rooms, gates, terminals, berths,
suites and lots, and a prison's cells, pods, tiers and housing units, which the third and
fourth yardsticks mark and later ones do not. A part written inside a place's own span
("Kaala Ridge Correctional Center, Recreation Yard 2") keeps the place. A store's number after its
sign is a number of its own ("Walgreens #7219", "CVS STORE #8270"), as the later corpora's headers
decide."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.spans import RawSpan

_INSIDE_WORDS = (
    r"court[ \t]?room|(?:rec|recreation|exercise)[ \t]+yard|day[ \t]?room|track|platform|taxiway|runway|"
    r"dock|bay|locker|bunk|row|ch|channel|booth|stall|desk|console"
)
_PART = re.compile(rf"(?i:(?:{_INSIDE_WORDS}))[ \t]*#?[A-Z0-9]{{1,4}}(?:-[A-Z0-9]{{1,3}})?\.?")


_PART_WORD_BEFORE = re.compile(rf"(?i:\b(?:{_INSIDE_WORDS}))[ \t]*#?$")
_DESIGNATOR = re.compile(r"[A-Z0-9]{1,4}(?:-[A-Z0-9]{1,3})?")


def parts_are_not_places(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """Without the parts, taken for places or, their designator alone, for numbers."""
    return [s for s in spans
            if not (s.label == "LOCATION" and _PART.fullmatch(text, s.start, s.end) is not None)
            and not (s.label == "ID" and _DESIGNATOR.fullmatch(text, s.start, s.end) is not None
                     and _PART_WORD_BEFORE.search(text, max(0, s.start - 24), s.start) is not None)]


# a store's number ending a place's span, three digits or more: "Walgreens #7219", "Kroger store
# #0418" (an address's unit is its own: "2230 Curry Ford Rd #12"; a lodge's number, "Lodge #9")
_STORE_NUMBER_END = re.compile(r"[ \t]+(?:(?i:store)[ \t]*)?#[ \t]?(\d{3,5})$|"
                               r"[ \t]+(?i:store)[ \t]+(\d{3,5})$")
_ADDRESS_LIKE = re.compile(r"\d|,[ \t]*$|"
                           r"\b(?i:st|rd|ave?|blvd|dr|ln|pl|ct|way|hwy|apts?|bldg|s|n|e|w|street|road|avenue|"
                           r"lane|drive|court|place|boulevard|circle|terrace|highway)\.?[ \t]*$")


def store_numbers_apart(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """A place's span that ends in its store's number: the place, then the number as an ID."""
    out: list[RawSpan] = []
    for s in spans:
        m = _STORE_NUMBER_END.search(text, s.start, s.end) if s.label == "LOCATION" else None
        if m is None or m.start() <= s.start or _ADDRESS_LIKE.search(text, s.start, m.start()):
            out.append(s)
            continue
        number = 1 if m.group(1) is not None else 2
        out.append(RawSpan(s.start, m.start(), s.label, s.score, s.recognizer))
        out.append(RawSpan(m.start(number), m.end(number), "ID", s.score, s.recognizer))
    return out
