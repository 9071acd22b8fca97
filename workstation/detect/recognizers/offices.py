"""Public offices named by their place (stop 47): a state's elected offices ("Arizona Secretary
of State", "Ohio Attorney General") and a city's code officers ("Bellevue Code Compliance",
"CITY OF ALHAMBRA CODE ENFORCEMENT"). Their words look like a person's or a place's, so the
place's name before them decides, and relabel.py keeps the label these patterns give (it
names them: "state_office", "code_enforcement")."""

from __future__ import annotations

import regex as re

from workstation.detect.gazetteer import places, small_places, state_names
from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx


def _state_first(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A state's office only after the state's own name ("Ohio Attorney General"); the span
    starts at the state ("The Ohio Attorney General", "Contacted Georgia Secretary of State")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for i in range(min(2, len(words))):
        for n in (2, 1):
            if " ".join(w.group() for w in words[i:i + n]) in state_names():
                return start + words[i].start(), end
    return None


def _place_then_code(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A city's code office only after the city's name ("Bellevue", "City of Alhambra"): the
    span starts at the city, or at "City of"."""
    head = re.match(r"(?:(?i:city|town|county|village)[ \t]+(?i:of)[ \t]+)?(.+?)[ \t]+(?i:code)\b",
                    text[start:end])
    if head is None:
        return None
    words = list(re.finditer(r"\S+", head.group(1)))
    for i, word in enumerate(words):
        name = " ".join(w.group() for w in words[i:]).lower()
        if name in places() or name in small_places():
            return (start if head.start(1) > 0 and i == 0 else start + head.start(1) + word.start()), end
    return None


def office_recognizers() -> list[RegexRecognizer]:
    return [RegexRecognizer(
        "OfficeShapeRecognizer", "AGENCY",
        [
            Rx("state_office", r"(?<![\w'’-])\p{Lu}\p{Ll}+(?:[ \t]\p{Lu}\p{Ll}+){0,2}[ \t]+"
               r"(?:Secretary[ \t]+of[ \t]+State|Attorney[ \t]+General|Comptroller|Treasurer|"
               r"State[ \t]+Auditor)(?=['’]s\b|(?![\w'’-]))", 0.75, CS, refine=_state_first,
               needs=r"Secretary|Attorney|Comptroller|Treasurer|Auditor"),
            Rx("code_enforcement", r"(?<![\w'’-])(?:\p{Lu}[\p{L}'’.-]+[ \t]+){1,4}(?:Code|CODE)[ \t]+"
               r"(?:Compliance|COMPLIANCE|Enforcement|ENFORCEMENT)(?![\w'’-])", 0.7, CS,
               refine=_place_then_code, needs=r"(?i:code)[ \t]+(?i:compliance|enforcement)"),
        ],
    )]
