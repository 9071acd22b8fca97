"""A road said again by its number alone (issue 19): a report that names "US 191" or "US-83"
goes on with "can you assist on 191?", "coverage gaps on 83", "whenever we close 50". The
number is the road, a place, where the report named that road and the words before it are a
road's ("on", "onto", "closed", "SB"); a number the report never named as a road stays a
number."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.spans import RawSpan
from workstation.detect.vocab import ROAD_CODES

# a road named with its number: "US 191", "US-83", "Hwy 101", "Route 460", "KY 80", "I-40"
_NAMED_ROAD = re.compile(
    rf"(?:(?i:{'|'.join(sorted(ROAD_CODES))}|highway|route|interstate|state[ \t]+route|i)|[A-Z]{{2}})"
    r"[ \t-]?(\d{1,3})[A-Za-z]?(?:[ \t]+(?i:north|south|east|west|[nsew]b?))?")  # ("US 212 west")
# a number alone after a road's word: "on 191", "close 50", "SB 123", "onto 610" (one pattern for
# every report: the report's own road numbers are picked from what it finds)
_ALONE = re.compile(
    r"(?<=\b(?i:on|onto|off|along|via|closed|close|closing|shut|reopened|took|take|NB|SB|EB|WB|"
    r"northbound|southbound|eastbound|westbound)[ \t]+)\d{1,3}(?![\w/%:-]|\.\d|[ \t]+(?i:"
    r"minutes?|mins?|hours?|hrs?|miles?|mph|feet|ft|yards?|seconds?|people|times|units|calls|rounds|"
    r"percent|degrees|years?|days?|pounds?|lbs|am|pm)\b)")


def roads_said_again(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """The numbers of the roads the report named, where they stand alone after a road's word."""
    numbers = {m.group(1) for s in spans if s.label == "LOCATION"
               for m in [_NAMED_ROAD.fullmatch(text, s.start, s.end)] if m is not None}
    if not numbers:
        return list(spans)
    found = [RawSpan(m.start(), m.end(), "LOCATION", 0.6, "RoadSaidAgain") for m in _ALONE.finditer(text)
             if m.group() in numbers and not any(s.start < m.end() and m.start() < s.end for s in spans)]
    return sorted([*spans, *found], key=lambda s: (s.start, s.end)) if found else list(spans)
