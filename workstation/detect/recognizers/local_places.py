"""Places a city's people name without a proper noun (issue 19): a transit line by its colour
("on the red line", "RED LINE, ROOSEVELT STATION") in a report about trains or stations, and a
quarter by its local nickname ("a close one at the flats", "down in the bottoms")."""

from __future__ import annotations

import regex as re

from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx

# a report about a railway, where a colour and "line" name a line ("the yellow line" of a
# platform's edge is written in lower case; the Yellow Line capitalised)
_TRANSIT = re.compile(r"(?i:\b(?:station|stations|train|trains|platform|platforms|tracks|third[ \t]+rail|"
                      r"transit|subway|metro|light[ \t]+rail|rail|cta|mbta|marta|septa|wmata|bart|dart|"
                      r"trimet|l[ \t]+train|el)\b)")


def _about_trains(text: str, start: int, end: int) -> tuple[int, int] | None:
    if text[start:end].lower().startswith("yellow") and text[start].islower():
        return None
    return (start, end) if _TRANSIT.search(text) else None


def local_place_recognizers() -> list[RegexRecognizer]:
    return [
        RegexRecognizer("LocalPlaceRecognizer", "LOCATION", [
            Rx("transit_line", r"(?<![\w'’-])(?i:red|blue|green|orange|yellow|silver|purple|brown|pink|gold)"
                               r"[ \t]+(?i:line)(?![\w'’-])", 0.6, CS, refine=_about_trains,
               needs=r"\bline\b"),
            # after a word that leads to a place: "at the flats", "down in the bottoms"
            Rx("quarter_nickname", r"(?<=\b(?i:at|in|to|from|near|through|into|outta|out[ \t]+of)[ \t]+"
                                   r"(?i:the)[ \t]+)(?i:flats|bottoms)(?![\w'’-])", 0.7, CS,
               needs=r"\bthe\s+(?:flats|bottoms)\b"),
        ]),
    ]
