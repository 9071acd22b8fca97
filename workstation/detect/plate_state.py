"""The state that issued a plate or licence, kept apart from the number it issued.

"WA C71284R", "GA 058812274", "TX RHV-2204": the postal code names a place and the code after
it is the number, so they become a LOCATION and an ID, as annotators write them. A plate
written with a space in it ("OK 4417 BT") reads as one plate with its state and stays one ID.
"ID" is left alone: before a number it is usually the word (an ID number), not Idaho."""

from __future__ import annotations

from collections.abc import Iterable

import regex as re

from workstation.detect.gazetteer import state_codes
from workstation.detect.spans import RawSpan

_STATE_THEN_CODE = re.compile(r"([A-Z]{2})[ \t]+(?=[A-Z0-9-]*\d)([A-Z0-9][A-Z0-9-]{3,})")


def plate_state_apart(text: str, spans: Iterable[RawSpan]) -> list[RawSpan]:
    out: list[RawSpan] = []
    for s in spans:
        m = _STATE_THEN_CODE.fullmatch(text, s.start, s.end) if s.label == "ID" else None
        if m is None or m.group(1) == "ID" or m.group(1) not in state_codes():
            out.append(s)
            continue
        out.append(RawSpan(s.start, m.end(1), "LOCATION", s.score, s.recognizer))
        out.append(RawSpan(m.start(2), s.end, "ID", s.score, s.recognizer))
    return out
