"""A title, rank or role that NER took into a place's or an organisation's span: the person
after it is the name, and a place after "of" is a place of its own.

"Operator Fekadu Haile" (NER: a place) is the person Fekadu Haile; "Ms. Halyna Bondarenko of
St. Nicholas Cathedral" (NER: one place) is the person, then the cathedral."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.spans import _AGENCY_WORDS, _PLACE_HEADS, RawSpan
from workstation.detect.vocab import RANKS_BEFORE_A_NAME, ROLES_BEFORE_A_NAME

_TITLES = sorted({*RANKS_BEFORE_A_NAME, *ROLES_BEFORE_A_NAME, "miss", "operator", "pilot", "po"},
                 key=len, reverse=True)
_NAME_WORD = r"\p{Lu}[\p{L}'’-]+"
_TITLED = re.compile(
    rf"(?i:{'|'.join(_TITLES)})\.?[ \t]+(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})"
    r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?P<place>\p{Lu}.*))?"
)
_COMPANY = frozenset("inc llc corp co ltd company".split())
_AGENCY_WORD = re.compile(r"\b(?i:police|sheriff|pd|so|department|dept|office|patrol|agency|bureau)\b")


def titled_names_apart(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    out: list[RawSpan] = []
    for s in spans:
        m = _TITLED.fullmatch(text, s.start, s.end) if s.label in ("LOCATION", "AGENCY") else None
        if m is None or not text[s.start].isupper() or (
                m.group("name").split()[-1].lower().rstrip(".") in _PLACE_HEADS | _AGENCY_WORDS | _COMPANY):
            # "Captain Cook Drive", "Aunt Bertha Inc": a place or a firm named after one
            out.append(s)
            continue
        out.append(RawSpan(m.start("name"), m.end("name"), "PERSON", s.score, s.recognizer))
        if m.group("place"):
            label = "AGENCY" if _AGENCY_WORD.search(m.group("place")) else "LOCATION"
            out.append(RawSpan(m.start("place"), m.end("place"), label, s.score, s.recognizer))
    return out
