"""A state's postal code standing alone (issue 19): "FL DL M642...", "FL TAG QKV-T44", "NM PLT
BGNR41", "ST TX", "OLN GU 0938412", "legal to carry in TX", "Bloomington PD in MN",
"Gainesville PD (GA)". Annotators mark a state as a place, and a record names the state that
issued a licence or plate before it. Codes that are also everyday words, titles or
directions ("IN", "OR", "ME", "OK", "HI", "CO", "PA", "MD", "NE", "VA") are left alone unless a
licence word follows them ("HOPE ST IN MARQUETTE" is a street and a town); "ID" always."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.gazetteer import state_codes
from workstation.detect.spans import RawSpan

# after "ID": a number, "#" or ":" that no Idaho ZIP code (832xx-838xx) explains makes it an
# identifier's label ("Gurpreet Sandhu, ID 21447"), not Idaho
_ID_NUMBER_AFTER = re.compile(r"[ \t]*(?:[#:]|(?i:no\.?|number)[ \t]|(?!83[2-8]\d\d\b)\d)")


def id_label_not_idaho(text: str, code_end: int) -> bool:
    return text[code_end - 2:code_end] == "ID" and _ID_NUMBER_AFTER.match(text, code_end) is not None


_CODE = r"(?P<code>[A-Z]{2})"
# the state that issued what follows: a licence, tag, plate or registration
_ISSUED = re.compile(
    rf"(?<![\w'’/-]){_CODE}[ \t]+(?:DL|D/L|TAG|TAGS|PLT|PLATE|LIC|LP|REG|OLN|ID#|DLN|CDL)(?![\w'’])")
# a record's state field, or the state of an operator's licence: "ST TX", "OLN GU 0938412"
_FIELD = re.compile(
    rf"(?<![\w'’/-])(?:ST|STATE|OLS|OLN|LIC[ \t]+ST)[ \t]*:?[ \t]+{_CODE}(?![\w'’-])")
# a state in prose, or in brackets after a town or an agency
_PROSE = re.compile(
    r"(?<![\w'’/-])(?:(?i:in|from|of|to|near|outside|across|around)[ \t]+"
    rf"(?:(?i:the[ \t]+state[ \t]+of)[ \t]+)?{_CODE}(?![\w'’-])(?![ \t]+\d)|\({_CODE}\))"
)
_AMBIGUOUS = frozenset("IN OR ME OK HI ID CO PA MD DE AL LA MA OH NE VA MS SD".split())
# Guam, the Virgin Islands, the Marianas (not Samoa's "AS", the word)
_TERRITORIES = frozenset("GU VI MP".split())


def state_codes_alone(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    out = list(spans)
    found: list[tuple[int, int, bool]] = []
    for rx, strong in ((_ISSUED, True), (_FIELD, False), (_PROSE, False)):
        for m in rx.finditer(text):
            code = m.group("code")
            start, end = m.span("code")
            found.append((start, end, strong or code not in _AMBIGUOUS))
    states = state_codes() | _TERRITORIES
    for start, end, sure in found:
        code = text[start:end]
        if not sure or code not in states or code == "ID":
            continue
        if any(s.start < end and start < s.end for s in out):
            continue
        out.append(RawSpan(start, end, "LOCATION", 0.6, "StateCodeRecognizer"))
    return sorted(out, key=lambda s: (s.start, s.end))
