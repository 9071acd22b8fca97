"""A person's full name typed in capitals inside text written with ordinary capitals (issue 19):
"INTERVIEW — MARIA LOPEZ, 3/18/2025", "Interview of LATRICE MONROE on ...". The analysis reads
such a line as written (only passages mostly in capitals are recased), and the model knows
names by their capitals, so a name in capitals passes it by. Here a given name no dictionary
has as a word ("MARK ONE", "WILL CALL" are words), a middle name or an initial maybe, then a
surname of the census name a person, unless the two name a town ("SANTA ROSA") or the last
word is a colour or a make ("KELLY GREEN", "MERCEDES BENZ")."""

from __future__ import annotations

from workstation.detect import census
from workstation.detect.gazetteer import places
from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx
from workstation.detect.vehicles import a_colour_or_make

_CAPS = r"\p{Lu}{2,}"
# looked for at every word that starts in capitals (a look-ahead: "INTERVIEW LATRICE MONROE" is
# tried at INTERVIEW, then again at LATRICE)
# (the shortest first: "MARIA LOPEZ STATED" is tried as "MARIA LOPEZ" before the rest)
_NAME = (rf"(?<![\w'’.-])(?=({_CAPS}(?:[ \t]+(?:{_CAPS}|\p{{Lu}}\.?)){{0,2}}?[ \t]+{_CAPS}(?:-{_CAPS})?)"
         r"(?![\w'’-]))")


def _caps_name_refine(lexicon: Lexicon):
    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        words = text[start:end].split()
        given, surname = words[0].lower(), words[-1].lower()
        if not lexicon.is_census_or_plain_given_name(given) or lexicon.is_common(given):
            return None
        parts = surname.split("-")
        if not all(p in census.surnames() and not lexicon.is_stop(p) for p in parts) or (
                " ".join(w.lower() for w in words) in places() or a_colour_or_make(surname)):
            return None
        return start, end

    return refine


def caps_name_recognizers(lexicon: Lexicon) -> list[RegexRecognizer]:
    return [RegexRecognizer(
        "CapsNameRecognizer", "PERSON",
        [Rx("caps_full_name", _NAME, 0.6, CS, group=1, refine=_caps_name_refine(lexicon))],
    )]
