"""A word a report names a person with stays that person where it stands alone: "Khalid
Al-Mansouri had him by the collar ... I took the guy from Khalid", "BUBBA: I'm on the ramp ...
22, Bubba's on the ramp". Context cues ("from", "22,") would make the lone word a place, and
its placeholder would then be wrong in the published text."""

from __future__ import annotations

import regex as re

from workstation.detect.recognizers.base import alternation
from workstation.detect.recognizers.kinds import US_STATES
from workstation.detect.spans import RANK_WORDS, RawSpan

_WORD = re.compile(r"[\w'’-]+")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
# Labels guessed from the word's context or from a list; a pattern's place ("on Pike Road",
# "3rd Precinct") says what it is and keeps its label.
_GUESSED = ("SpacyNer", "Gazetteer", "ReportMemory", "ProperNoun", "RegionRecognizer")
# "in Dallas", "came here from Kumasi", "the flight back to Bethel": where a word stands as a
# place even if a person in the report bears it
_PLACE_PREP_BEFORE = re.compile(
    r"(?i:\b(?:in|at|near|into|outside|inside|of)[ \t]+|\b(?:came|come|moved|flew|flight|drove|"
    r"driving|headed|heading|back|home|returned|returning|trip|travell?ed|way)\b[^.!?\n]{0,25}?"
    r"\b(?:from|to)[ \t]+)$")
_STATE_AFTER = re.compile(rf"[ \t]*,[ \t]*(?i:{alternation(US_STATES)}|[A-Z]{{2}}\b)")


def _key(word: str) -> str:
    return _POSSESSIVE.sub("", word).lower()


def person_words(text: str, spans: list[RawSpan]) -> set[str]:
    """The lower-cased words the report names people with."""
    names: set[str] = set()
    for s in spans:
        if s.label != "PERSON":
            continue
        for w in _WORD.findall(text[s.start:s.end]):
            key = _key(w)
            if len(key) >= 3 and key.isalpha() and key not in RANK_WORDS:
                names.add(key)
    return names


def people_stay_people(text: str, spans: list[RawSpan]) -> list[RawSpan]:
    names = person_words(text, spans)
    if not names:
        return spans
    out: list[RawSpan] = []
    for s in spans:
        fragment = text[s.start:s.end]
        if (s.label in ("LOCATION", "AGENCY") and s.recognizer.startswith(_GUESSED)
                and _WORD.fullmatch(fragment) and _key(fragment) in names
                and not _PLACE_PREP_BEFORE.search(text, max(0, s.start - 45), s.start)
                and not _STATE_AFTER.match(text, s.end)):  # "Eugene, Oregon"
            s = RawSpan(s.start, s.end, "PERSON", s.score, s.recognizer)
        out.append(s)
    return out
