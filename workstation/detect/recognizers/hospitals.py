"""Hospitals named the way staff and officers say them: by one word before the unit they
mean ("grady ER", "UMC trauma bay", "Regions ICU"), after being taken there ("transported
to Harborview", "took him to Parkland"), or by an acronym of a hospital's shape where one goes
or is seen to ("went to UMMC", "TGH checked him": a medical centre's MC, a hospital's H).
NER reads such a word as a surname or misses it; the words around it make it a place.
Everyday words ("the county ER", "taken to booking") are no names of hospitals."""

from __future__ import annotations

from workstation.detect.gazetteer import state_codes
from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.base import CS, Refine, RegexRecognizer, Rx
from workstation.detect.recognizers.kinds import AGENCY_ACRONYMS, NOT_CARE_ACRONYMS
from workstation.detect.vocab import RANKS_BEFORE_A_NAME

_WORD = r"(?:\p{Lu}\p{Ll}{2,}|\p{Ll}{3,}|\p{Lu}{2,5})"
# the unit after the hospital's word: capitals for the short ones ("er" is a filler word)
_UNIT = (r"(?:ER|E\.R\.|ED|ICU|NICU|(?i:emergency[ \t]+(?:room|department)|trauma[ \t]+(?:bay|center|"
         r"centre|unit|room)|psych[ \t]+(?:ward|unit)|burn[ \t]+unit|labor[ \t]+and[ \t]+delivery))")
_TAKEN = (r"(?i:transported|taken|took|flown|flew|airlifted|life[- ]?flighted|rushed|admitted|"
          r"transferred|brought|drove|driven|sent)(?:[ \t]{1,3}(?i:him|her|them|me|us))?")
# where a patient goes on his own feet or is seen
_WENT = (r"(?i:went|go|goes|going|gone|sent|seen|checked[ \t]+out|treated|evaluated|cleared|"
         r"taken|transported|transferred|admitted|flown|airlifted|released[ \t]+from|discharged[ \t]+from)"
         r"(?:[ \t]{1,3}(?i:first|later|straight|directly))?")

# last words that make everyday words a hospital's name ("Mercy General", "Good Samaritan
# Regional")
_HOSPITAL_LAST = frozenset(
    "general memorial regional medical hospital health methodist baptist presbyterian".split())


def _refine(lexicon: Lexicon) -> Refine:
    ranks = frozenset(RANKS_BEFORE_A_NAME)

    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        words = text[start:end].split()
        first = words[0]
        if first.isupper():
            if first in NOT_CARE_ACRONYMS or first in AGENCY_ACRONYMS or first in state_codes():
                return None
        elif lexicon.is_stop(first) or first.lower() in ranks or (
                lexicon.is_common(first) and words[-1].lower() not in _HOSPITAL_LAST):
            return None  # "the county ER", "taken to Booking"; "Mercy General" is one
        if any(lexicon.is_stop(w) for w in words[1:]):
            return None
        return start, end

    return refine


def hospital_recognizers(lexicon: Lexicon) -> list[RegexRecognizer]:
    refine = _refine(lexicon)
    return [
        RegexRecognizer(
            "HospitalRecognizer", "LOCATION",
            [
                Rx("word_before_unit", rf"(?<![\w'’-])(?P<x>{_WORD})[ \t]+{_UNIT}(?![\w'’-])", 0.85, CS,
                   "x", refine=refine, needs=r"ER|E\.R|ED|ICU|emergency|trauma|psych|burn|labor"),
                Rx("taken_there", rf"(?<=\b{_TAKEN}[ \t]{{1,3}}(?i:to|at)[ \t]{{1,3}})"
                   r"(?P<x>\p{Lu}\p{Ll}{2,}(?:[ \t]+\p{Lu}\p{Ll}{2,}){0,2})(?![\w'’-])", 0.85, CS, "x",
                   refine=refine),
                Rx("hospital_acronym", rf"(?<=\b{_WENT}[ \t]{{1,3}}(?i:to|at|by)[ \t]{{1,3}})"
                   r"[A-Z]{1,4}(?:MC|H|HC|MH)(?![\w'’-])", 0.7, CS, refine=refine),
                Rx("hospital_acronym_acts", r"(?<![\w'’-])[A-Z]{1,4}(?:MC|H|HC|MH)"
                   r"(?=[ \t]+(?i:checked|cleared|treated|evaluated|admitted|released|stitched|x-?rayed|"
                   r"looked[ \t]+at)\b)", 0.7, CS, refine=refine),
            ],
        ),
    ]
