"""The parts inside a facility are no places of their own: "Courtroom 5B", "Recreation Yard 2",
"track 14", "Taxiway A", "dock C", "CH 2" (a radio channel). No yardstick marks them and the
blind ones leave them unmarked; the facility they are in identifies, they do not. Where
annotators disagree, the part stays flagged (recall first): rooms, gates, terminals, berths,
suites and lots, and a prison's cells, pods, tiers and housing units, which the third and
fourth yardsticks mark and later ones do not. A part written inside a place's own span
("Kaala Ridge Correctional Center, Recreation Yard 2") keeps the place."""

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
