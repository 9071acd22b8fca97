"""Growing found identifiers over the words that complete them (issue 19): connectors
between two places ("Elm St and 4th Ave", "the corner of X and Y"), "<Division> of" before
an agency, a trailing direction ("County Road 12 E"), a state code after a city ("Dalton,
GA"), an agency's unit ("... Sheriff's Office Troop F", "Story County EMS"), a case
number's letter prefix ("SW 24-0113"), the second half of a hyphenated surname and a
suffix after a name ("Okoye-Barnes", "Gregory Atkins Jr.")."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

import regex as re

from workstation.detect.gazetteer import state_codes
from workstation.detect.lexicon import Lexicon
from workstation.detect.spans import RawSpan

_CONNECTOR = re.compile(r"[ \t]*(?:(?i:and|&)|/)[ \t]*")
# an intersection names at least one street: "Elm and 3rd", not "Hazard, KY and Lookout Mountain"
_STREETISH = re.compile(
    r"\d|\b(?i:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|hwy|highway|route|"
    r"pkwy|parkway|ct|court|pl|place|cir|circle|trail|pike|broadway|main)\b"
)
_CORNER = re.compile(r"(?i:the\s+)?(?i:corner|intersection)\s+of\s+$")
_OF_HEAD = re.compile(
    r"(?i:\b(?:division|department|dept\.?|bureau|office|port|city|county|town|village|state|"
    r"commonwealth|university|board)\s+of\s+(?:the\s+)?)$"
)
_DIRECTION = re.compile(r"[ \t]+(?:[NSEW]|NE|NW|SE|SW|[NSEW]B|[nsew]|[nsew]b)\.?(?![\w'’])")
_AGENCY_UNIT = re.compile(
    r"[ \t]+(?i:ems|fire(?:[ \t]+(?:rescue|department|dept\.?))?|911|dispatch|bureau|"
    r"(?:troop|company)[ \t]+[a-z]\b|(?:precinct|pct\.?|district|zone|sector|post|section|division|"
    r"station|beat|area)[ \t]*#?\d{1,3}\b|marine[ \t]+unit|water[ \t]+patrol(?:[ \t]+division)?)(?![\w'’])"
)
_PREFIX = re.compile(r"(?<![\w-])([A-Za-z]{2,4})[ \t]$")
_FACILITY_AFTER = re.compile(
    r"[ \t]+(?i:station|stop|terminal|depot|platform|garage|lot|underpass|overpass|ramp|trailhead)(?![\w'’])"
)
_SURNAME_TAIL = re.compile(r"-[A-Z][\w'’]+|,?[ \t]+(?:Jr\.?|Sr\.?|II|III|IV|JR\.?|SR\.?)(?![\w'’])")


@lru_cache(maxsize=1)
def _state_after() -> re.Pattern:
    return re.compile(rf",[ \t]*(?:{'|'.join(sorted(state_codes()))})(?![\w'’-])")


def grow(lexicon: Lexicon, text: str, spans: Iterable[RawSpan]) -> list[RawSpan]:
    out = [_grow_one(lexicon, text, s) for s in spans]
    return out + _joined_places(text, out)


def _grow_one(lexicon: Lexicon, text: str, s: RawSpan) -> RawSpan:
    start, end = s.start, s.end
    if s.label == "LOCATION":
        m = _DIRECTION.match(text, end)
        if m:
            end = m.end()
        m = _state_after().match(text, end)
        if m:
            end = m.end()
        m = _CORNER.search(text, max(0, start - 30), start)
        if m:
            start = m.start()
        m = _FACILITY_AFTER.match(text, end)
        if m:
            end = m.end()  # "Harmon St station", "the Elm St lot"
    if s.label in ("AGENCY", "LOCATION"):
        m = _OF_HEAD.search(text, max(0, start - 40), start)
        if m:
            start = m.start()
    if s.label == "AGENCY":
        m = _AGENCY_UNIT.match(text, end)
        if m:
            end = m.end()
    if s.label == "ID":
        m = _PREFIX.search(text, max(0, start - 6), start)
        if m and (m.group(1) in state_codes() or not (lexicon.is_stop(m.group(1))
                                                      or lexicon.is_common(m.group(1)))):
            start = m.start(1)  # "SW 24-0113", "IN 481 KXT": a prefix or the plate's state
    if s.label == "PERSON":
        m = _SURNAME_TAIL.match(text, end)
        if m:
            end = m.end()
    if (start, end) == (s.start, s.end):
        return s
    return RawSpan(start, end, s.label, s.score, s.recognizer)


def _joined_places(text: str, spans: list[RawSpan]) -> list[RawSpan]:
    """Two places joined by "and", "&" or "/" are one intersection."""
    ordered = sorted(spans, key=lambda s: s.start)
    out: list[RawSpan] = []
    for a, b in pairwise(ordered):
        if a.label != "LOCATION" or not (a.end < b.start and b.start - a.end <= 8):
            continue
        # "Elm St and 4th Ave"; after "the corner of", whatever the second was taken for
        corner = _CORNER.search(text, max(0, a.start - 30), a.start) is not None or text[a.start:a.end].lower(
        ).startswith(("the corner of", "corner of"))
        streets = _STREETISH.search(text, a.start, a.end) or _STREETISH.search(text, b.start, b.end)
        if ((b.label == "LOCATION" and streets) or corner) and _CONNECTOR.fullmatch(text, a.end, b.start):
            out.append(RawSpan(a.start, b.end, "LOCATION", min(a.score, b.score), a.recognizer))
    return out
