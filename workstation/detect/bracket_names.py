"""People named in lower case in brackets after their role (issue 19): "kid (amir hussain)
didnt come up", "the driver (tomas) got out". Posts typed in lower case give a name so; its
first word is a given name. NER's part of it ("hussain") grows to the whole name, and report
memory then finds the other mentions. (A partner beside "me" or "I", "me and tank", is the
cue recognizer's.)"""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.census import is_given_name
from workstation.detect.spans import RawSpan

_WORD = r"[a-z][a-z'’-]{2,}"
_ROLE_BRACKET = re.compile(
    r"(?<![\w'’])(?i:kid|guy|man|woman|girl|boy|driver|suspect|victim|subject|dude|lady|juvenile|teen|"
    rf"partner|neighbor|neighbour|owner|caller|witness)[ \t]*\((?P<n>{_WORD}(?:[ \t]+{_WORD}){{0,2}})\)"
)


def named_in_brackets(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    if "(" not in text:
        return list(spans)
    out = list(spans)
    for m in _ROLE_BRACKET.finditer(text):
        start, end = m.span("n")
        if not is_given_name(m.group("n").split()[0], wide=True):
            continue  # "the kid (probably 14)"
        inner = [s for s in out if s.start < end and start < s.end]
        if any(s.label != "PERSON" or s.start < start or s.end > end for s in inner):
            continue
        out = [s for s in out if s not in inner]
        out.append(RawSpan(start, end, "PERSON", 0.8, "BracketNameRecognizer"))
    return sorted(out, key=lambda s: (s.start, s.end))
