"""A direction of travel is no part of a place (issue 19): "I-5 NB" is a road and a direction,
as every corpus marks it ("[I-5] NB"); a road pattern or a merge runs over it. Between a road and
its mile marker or exit the direction stays in the one place the three name ("I-81 NB mm 118",
"Hutch SB Exit 9"), as the newer corpora mark it (the older ones split it: the token costs them
precision, leaving it out would cost the newer ones recall)."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.spans import RawSpan
from workstation.detect.vocab import TRAVEL_DIRECTION

_DIRECTION = re.compile(rf"(?<![\w/-]){TRAVEL_DIRECTION}(?![\w/-])")
_EDGE = " \t,;/-–—@"
# what names a place along a road after its direction: "I-81 NB mm 118", "Hutch SB Exit 9"
MILE_OR_EXIT = r"(?i:mm|mp|mile|milepost|exit)\b"
_MILE_OR_EXIT_AFTER = re.compile(rf"[ \t]+{MILE_OR_EXIT}")


def directions_apart(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """Each place span without the travel directions inside it, in the pieces left."""
    out: list[RawSpan] = []
    for s in spans:
        cuts = [c for c in _DIRECTION.finditer(text, s.start, s.end)
                if not _MILE_OR_EXIT_AFTER.match(text, c.end(), s.end)] if s.label == "LOCATION" else []
        if not cuts:
            out.append(s)
            continue
        starts = [s.start, *(c.end() for c in cuts)]
        ends = [*(c.start() for c in cuts), s.end]
        for a, b in zip(starts, ends, strict=True):
            while a < b and text[a] in _EDGE:
                a += 1
            while b > a and text[b - 1] in _EDGE:
                b -= 1
            if any(ch.isalnum() for ch in text[a:b]):
                out.append(RawSpan(a, b, s.label, s.score, s.recognizer))
    return out
