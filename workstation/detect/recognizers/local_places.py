"""Places named the local way (issue 19): a transit line by its colour ("on the red line", "RED
LINE, ROOSEVELT STATION") in a report about trains or stations, a quarter by its local nickname
("a close one at the flats", "down in the bottoms"), a county's jail by the county's
abbreviation ("RANKIN CO JAIL"), and the grid addresses of the Mountain West ("3950 S 1300 E")."""

from __future__ import annotations

import regex as re

from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx

# a report about a railway, where a colour and "line" name a line ("the yellow line" of a
# platform's edge is written in lower case; the Yellow Line capitalised)
_TRANSIT = re.compile(r"(?i:\b(?:station|stations|train|trains|platform|platforms|tracks|third[ \t]+rail|"
                      r"transit|subway|metro|light[ \t]+rail|rail|cta|mbta|marta|septa|wmata|bart|dart|"
                      r"trimet|l[ \t]+train|el)\b)")


_NAME = r"\p{L}[\p{L}'’-]{2,}"  # (in capitals the text is read recased: "rankin Co Jail")
_JAIL = (r"(?i:(?:adult|juvenile|juv|regional|central)\.?[ \t]+)?(?i:jail|det(?:ention)?\.?[ \t]+"
         r"(?:ctr|center|centre|facility|fac)|detention|corr(?:ectional)?\.?[ \t]+(?:ctr|center|facility|fac|"
         r"complex)|justice[ \t]+center|courthouse|booking)")
_BEARING = r"(?:[NSEW]|North|South|East|West)"
_WORD = re.compile(r"[\p{L}'’-]+")


def _about_trains(text: str, start: int, end: int) -> tuple[int, int] | None:
    if text[start:end].lower().startswith("yellow") and text[start].islower():
        return None
    return (start, end) if _TRANSIT.search(text) else None


def _county_named(lexicon: Lexicon):
    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        """The county's name only, not the words before it ("booked rankin co jail"): the word
        before "Co", and one more when both are capitalised ("San Juan Co. Jail")."""
        words = list(_WORD.finditer(text, start, end))
        county = next((i for i, w in enumerate(words) if w.group().lower() in ("co", "cnty", "county")), 0)
        if county == 0 or lexicon.is_stop(words[county - 1].group()):
            return None
        first = words[county - 1]
        before = words[county - 2] if county >= 2 else None
        if before is not None and before.group()[:1].isupper() and first.group()[:1].isupper() and not (
                lexicon.is_stop(before.group()) or before.group().isupper()):
            first = before
        return first.start(), end

    return refine


def local_place_recognizers(lexicon: Lexicon) -> list[RegexRecognizer]:
    return [
        RegexRecognizer("LocalPlaceRecognizer", "LOCATION", [
            Rx("transit_line", r"(?<![\w'’-])(?i:red|blue|green|orange|yellow|silver|purple|brown|pink|gold)"
                               r"[ \t]+(?i:line)(?![\w'’-])", 0.6, CS, refine=_about_trains,
               needs=r"\bline\b"),
            # a county's jail by its abbreviation: "RANKIN CO JAIL", "Pima Co. Adult Det. Ctr."
            Rx("county_jail", rf"(?<![\w'’-]){_NAME}(?:[ \t]+{_NAME})?[ \t]+(?i:co|cnty|county)\.?[ \t]+"
                              rf"{_JAIL}\.?(?![\w'’-])", 0.75, CS, refine=_county_named(lexicon),
               needs=r"\b(?:co|cnty|county)\b"),
            # a grid address of the Mountain West: "3950 S 1300 E", "450 N 200 W"
            Rx("grid_address", rf"(?<![\w'’-])\d{{1,5}}[ \t]+{_BEARING}\.?[ \t]+\d{{1,5}}[ \t]+{_BEARING}"
                               r"\b\.?(?:[ \t]+(?i:st|street|rd|road))?", 0.7, CS),
            # after a word that leads to a place: "at the flats", "down in the bottoms"
            Rx("quarter_nickname", r"(?<=\b(?i:at|in|to|from|near|through|into|outta|out[ \t]+of)[ \t]+"
                                   r"(?i:the)[ \t]+)(?i:flats|bottoms)(?![\w'’-])", 0.7, CS,
               needs=r"\bthe\s+(?:flats|bottoms)\b"),
        ]),
    ]
