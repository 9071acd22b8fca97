"""A family by its name ("the Hollis family", "(Schlueter and DeVries families)", "THE OKAFOR
FAMILY"): the name is a person's, where nothing was found or only a town of that name ("Hollis"),
unless it is an everyday word ("the Crime family"), a state ("the Texas family") or an agency
("the APD family"), or the family names a place ("the Tiumalu family compound")."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect import census
from workstation.detect.gazetteer import state_names
from workstation.detect.lexicon import Lexicon
from workstation.detect.spans import RawSpan

_NAME = r"\p{Lu}[\p{L}'’-]+"
_FAMILY = re.compile(rf"(?<![\w'’-])(?P<names>{_NAME}(?:[ \t]+(?i:and|&)[ \t]+{_NAME})?)[ \t]+"
                     r"(?i:famil(?:y|ies))(?![\w'’-])(?![ \t]+(?i:compound|home|farm|ranch|cemetery|plot|"
                     r"property|land|residence|house|business|restaurant|dental|store|practice|medicine|"
                     r"court|services?|justice|center|centre|law|clinic|foundation|trust)\b)")
_THE_BEFORE = re.compile(r"(?<![\w'’-])(?i:the)[ \t]+$")
_JOIN = re.compile(r"[ \t]+(?i:and|&)[ \t]+")
FAMILY_NAME = "FamilyNameRecognizer"


def families_are_people(lexicon: Lexicon, text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    if "amil" not in text and "AMIL" not in text:
        return list(spans)
    out = list(spans)
    for m in _FAMILY.finditer(text):
        at = m.start("names")
        for word in _JOIN.split(m.group("names")):
            start = text.index(word, at)
            end = at = start + len(word)
            if word.isupper() and len(word) <= 4 and not text.isupper():
                continue  # an acronym in a text with small letters: an agency's "TPD family"
            if lexicon.is_common(word) and not (census.is_census_name(word) and _THE_BEFORE.search(
                    text, max(0, start - 5), start)):
                continue  # an everyday word, unless a surname after "the": "Foster family reported",
                # "a Host family", "Gold Star family" (but "the Foster family")
            inside = [s for s in out if s.start < end and start < s.end]
            if word.title() in state_names() or any(
                    s.label == "PERSON" or (s.start, s.end) != (start, end)
                    or not (s.label == "LOCATION" and s.recognizer.startswith("Gazetteer")) for s in inside):
                continue  # a person's already, part of a longer name, an agency ("the APD family"), a state
            out = [s for s in out if s not in inside] + [RawSpan(start, end, "PERSON", 0.7, FAMILY_NAME)]
    return sorted(out, key=lambda s: (s.start, s.end))
