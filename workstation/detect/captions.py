"""A court case's caption: "STATE OF OREGON v. NGUYEN, THANH LOC" names a party on each side
of "v.", never one place or one organisation across it (NER reads the whole line as one)."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.spans import RawSpan

# a caption's "v." or "vs." with its period (case_law.py reads cited decisions by it too)
VERSUS = re.compile(r"[ \t]+(?:v|vs|V|VS)\.[ \t]+")
# the parties that are no person: "STATE v.", "v. THE PEOPLE", "v. City of ..." (person_cues.py's
# caption pattern reads the same words)
PARTY_WORDS = r"(?i:the|state|people|united|commonwealth|city|county|town|village)\b"
_PARTY_WORDS = re.compile(PARTY_WORDS)
_GIVEN_THEN_V = re.compile(r"\b(\p{Lu}\p{Ll}+)[ \t]+V\.?[ \t]*$")


def middle_initial_v(text: str, start: int, end: int) -> bool:
    """text[start:end] ends in a capital "V." after a given name: "Catalina V." is a middle
    initial, no caption's "v." ("STATE V. JONES", a recased "California V. Esteban" are)."""
    from workstation.detect.census import is_given_name
    from workstation.detect.gazetteer import state_names_lower

    before = _GIVEN_THEN_V.search(text, max(start, end - 30), end)
    return before is not None and is_given_name(before.group(1)) and (
        before.group(1).lower() not in state_names_lower())


def captions_apart(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    out: list[RawSpan] = []
    for s in spans:
        versus = VERSUS.search(text, s.start, s.end)
        if versus is not None and middle_initial_v(text, s.start, versus.end()):
            versus = None  # "Catalina V. Irigoyen": a middle initial, no caption's "v."
        if versus is None or versus.start() == s.start or versus.end() >= s.end:
            out.append(s)
            continue
        out.append(RawSpan(s.start, versus.start(), s.label, s.score, s.recognizer))
        # the accused after "v.": a person, unless a state, the people or a city
        label = s.label if _PARTY_WORDS.match(text, versus.end()) else "PERSON"
        out.append(RawSpan(versus.end(), s.end, label, s.score, s.recognizer))
    return out


# "STATE OF MAINE", "Commonwealth of Virginia", "PEOPLE OF THE STATE OF CALIFORNIA": a party or a
# government, a place whoever NER took it for (writers differ on marking "STATE OF" with the
# state's name: the whole is kept, as recall comes first)
_STATE_OF = re.compile(r"(?i:(?:the[ \t]+)?(?:people[ \t]+of[ \t]+the[ \t]+)?(?:state|commonwealth)[ \t]+of"
                       r"[ \t]+)(\p{Lu}[\p{L}.]*(?:[ \t]+\p{Lu}[\p{L}.]*)?)")


def states_of(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """A span that is "State of <state>" and nothing more is a place."""
    from workstation.detect.gazetteer import state_names_lower

    out: list[RawSpan] = []
    for s in spans:
        m = _STATE_OF.fullmatch(text, s.start, s.end) if s.label in ("PERSON", "AGENCY", "LOCATION") else None
        if m is not None and m.group(1).lower() in state_names_lower():
            out.append(RawSpan(s.start, s.end, "LOCATION", s.score, s.recognizer))
        else:
            out.append(s)
    return out
