"""A court case's caption: "STATE OF OREGON v. NGUYEN, THANH LOC" names a party on each side
of "v.", never one place or one organisation across it (NER reads the whole line as one)."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.spans import RawSpan

_VERSUS = re.compile(r"[ \t]+(?:v|vs|V|VS)\.[ \t]+")
# the parties that are no person: "STATE v.", "v. THE PEOPLE", "v. City of ..." (person_cues.py's
# caption pattern reads the same words)
PARTY_WORDS = r"(?i:the|state|people|united|commonwealth|city|county|town|village)\b"
_PARTY_WORDS = re.compile(PARTY_WORDS)


def captions_apart(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    out: list[RawSpan] = []
    for s in spans:
        versus = _VERSUS.search(text, s.start, s.end)
        if versus is None or versus.start() == s.start or versus.end() >= s.end:
            out.append(s)
            continue
        out.append(RawSpan(s.start, versus.start(), s.label, s.score, s.recognizer))
        # the accused after "v.": a person, unless a state, the people or a city
        label = s.label if _PARTY_WORDS.match(text, versus.end()) else "PERSON"
        out.append(RawSpan(versus.end(), s.end, label, s.score, s.recognizer))
    return out
