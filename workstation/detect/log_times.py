"""A log's clock times (issue 19): in a shift log, an ICS-214 or a CAD export each line opens
with the time ("0012 400 blk N TRYON ST", "0710 Lafayette Square lot — NW22 ..."). The time is
no part of the address or the name after it, though an address pattern reads "0012 400" as a
house number and NER takes the line's start into its place."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.spans import RawSpan

# finders that read a number before words as a house number
_ADDRESS_FINDERS = ("Address", "UsAddress")
_LINE_TIME = re.compile(r"(?m)^[ \t]*((?:[01]\d|2[0-3])[0-5]\d)[ \t]+(?=\S)")


def log_times_apart(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """Spans that open with a log line's time start after it; a text is a log when two lines
    or more open with a time."""
    times = {m.start(1): m.end() for m in _LINE_TIME.finditer(text)}
    if len(times) < 2:
        return list(spans)
    out = []
    for s in spans:
        after = times.get(s.start)
        if after is not None and after < s.end and s.label in ("LOCATION", "PERSON", "AGENCY"):
            if s.recognizer.startswith(_ADDRESS_FINDERS) and not text[after].isdigit():
                continue  # "1933 strike reported Neyland Drive": the time was its house number
            s = RawSpan(after, s.end, s.label, s.score, s.recognizer)
        out.append(s)
    return out
