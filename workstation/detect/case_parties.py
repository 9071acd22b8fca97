"""The parties of a case's caption (issue 19): "Thibodeaux v. Lafourche Parish Sheriff's Office",
"State v. Giordano-Pratt", "Rasmussen v. Tidewater Fleet Services" name people on either side
of "v." unless the side is a government or a business; NER, seeing a surname that is also a
town, calls it a place."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.gazetteer import state_names
from workstation.detect.spans import RawSpan

_VERSUS_AFTER = re.compile(r"[ \t]+(?i:v|vs)\.?[ \t]+")
_VERSUS_BEFORE = re.compile(r"(?<![\w.])(?i:v|vs)\.?[ \t]+$")
# a state's side: "State of New Mexico v. ...", "Ohio v. Reyes"
_OF_BEFORE = re.compile(r"\b(?i:of)[ \t]+$")
# a name of one to four words, a middle initial maybe: "Giordano-Pratt", "DEMETRIUS L. CARVER"
_NAME = re.compile(r"\p{Lu}[\p{L}'’-]+(?:[ \t]+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+)){0,3}")
# the sides that are no person: governments, offices, businesses
_BODY_WORDS = frozenset("""state people city town village county parish commonwealth united states
nation tribe tribes government department dept office sheriff police board district authority
school schools university college inc llc corp corporation company co ltd services service
fleet insurance bank hospital center centre association union lodge high middle elementary academy
prep team club""".split())  # (a game's sides too: "Stillwater High vs. the Wildcats")


def parties_are_people(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """A place or an agency named as one side of "v." in a case's name is a person when its
    words are a name's, none a government's or a business's, and no state's ("State of New
    Mexico v. ...", "Ohio v. Reyes")."""
    out: list[RawSpan] = []
    for s in spans:
        fragment = text[s.start:s.end]
        if s.label in ("LOCATION", "AGENCY") and _NAME.fullmatch(fragment) and (
                _VERSUS_AFTER.match(text, s.end) or _VERSUS_BEFORE.search(text, max(0, s.start - 6), s.start)
        ) and not any(w.lower().strip(".") in _BODY_WORDS for w in fragment.split()) and not (
                _OF_BEFORE.search(text, max(0, s.start - 6), s.start) or fragment.title() in state_names()):
            s = RawSpan(s.start, s.end, "PERSON", s.score, s.recognizer)
        out.append(s)
    return out
