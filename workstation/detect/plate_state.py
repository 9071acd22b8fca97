"""The state that issued a plate or licence, kept apart from the number it issued.

"WA C71284R", "GA 058812274", "TX RHV-2204": the postal code names a place and the code after
it is the number, so they become a LOCATION and an ID, as annotators write them. A plate
written with a space in it ("OK 4417 BT") reads as one plate with its state and stays one ID.
A plate found without its state ("the Ram MI EHJ 4417") gets the state as a place. "ID" is
left alone: before a number it is usually the word (an ID number), not Idaho; so is a state
code in text typed in capitals ("IN CAR 41" is the word)."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.gazetteer import state_codes
from workstation.detect.spans import RawSpan

_LOWER = re.compile(r"[a-z]")
_STATE_BEFORE = re.compile(r"(?<![\w'’-])([A-Z]{2})[ \t]$")
_PLATE = re.compile(r"(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{2,4}[ -]?[A-Z0-9]{2,5}")
_STATE_THEN_CODE = re.compile(r"([A-Z]{2})[ \t]+(?=[A-Z0-9-]*\d)([A-Z0-9][A-Z0-9-]{3,})")


def plate_state_apart(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    out: list[RawSpan] = []
    for s in spans:
        if s.label != "ID":
            out.append(s)
            continue
        state = _state_before(text, s, spans)
        if state is not None:
            out.append(state)
        m = _STATE_THEN_CODE.fullmatch(text, s.start, s.end)
        if m is None or not _a_state(m.group(1)):
            out.append(s)
            continue
        out.append(RawSpan(s.start, m.end(1), "LOCATION", s.score, s.recognizer))
        out.append(RawSpan(m.start(2), s.end, "ID", s.score, s.recognizer))
    return out


def _a_state(code: str) -> bool:
    return code != "ID" and code in state_codes()


def _state_before(text: str, plate: RawSpan, spans: Sequence[RawSpan]) -> RawSpan | None:
    """The state code just before a plate found without it, in text with ordinary case."""
    m = _STATE_BEFORE.search(text, max(0, plate.start - 4), plate.start)
    if m is None or not _a_state(m.group(1)) or not _PLATE.fullmatch(text, plate.start, plate.end):
        return None
    if not _LOWER.search(text, max(0, plate.start - 40), plate.start):
        return None
    if any(o.end > m.start() and o.start < m.end() for o in spans):
        return None
    return RawSpan(m.start(1), m.end(1), "LOCATION", plate.score, plate.recognizer)
