"""A unit's call sign where the writer says it is one: "call sign Centro 7", "his unit, Causeway
14", "callsign: Bethel 5". A name and a number read as a place or a person there ("Centro",
"Causeway", "Bethel" are places too) are the unit's identifier."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.spans import RawSpan

# "call sign", or a unit that is someone's ("his unit, Causeway 14"; not "my unit, Route 9 was shut")
_CUE_BEFORE = re.compile(r"(?<![\w'’-])(?:(?i:call[ \t-]?sign|radio[ \t]+sign)[ \t]*:?|"
                         r"(?i:his|her|my|our|their|the)[ \t]+(?i:unit)[ \t]*[:,])[ \t]+$")
_NAME_AND_NUMBER = re.compile(r"\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*)?[ \t]+\d{1,4}[A-Z]?")
# a road's, a building's or a room's number is no call sign
_NUMBERED_PLACE = re.compile(r"(?i:route|rte|highway|hwy|us|sr|cr|fm|i|interstate|county[ \t]+road|building|"
                             r"bldg|apt|apartment|room|rm|suite|lot|gate|pier|exit)[ \t]+\d")


def call_signs_by_cue(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    out: list[RawSpan] = []
    for s in spans:
        if (s.label in ("LOCATION", "PERSON", "AGENCY") and _NAME_AND_NUMBER.fullmatch(text, s.start, s.end)
                and not _NUMBERED_PLACE.fullmatch(text, s.start, s.end)
                and _CUE_BEFORE.search(text, max(0, s.start - 24), s.start)):
            s = RawSpan(s.start, s.end, "ID", s.score, s.recognizer)
        out.append(s)
    return out
