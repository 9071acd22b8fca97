"""A post's hashtags that name an agency or a place: "#HialeahPD", "#hpd", "#KCSO", "#memphis".

Most tags are no identifier ("#nightshift", "#lessonslearned"; detector._a_hashtag drops
what else finds in them), but a department's tag names it as plainly as its patch does, and
a town's tag names the town."""

from __future__ import annotations

from collections.abc import Callable

import regex as re

from workstation.detect.gazetteer import places, state_names_lower
from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.base import CS, Refine, RegexRecognizer, Rx

_TAG = r"(?<![\w&#])#([A-Za-z][A-Za-z0-9]{2,30})(?![\w])"
# a department's short name: a town's or a county's letters, then what it is ("HialeahPD",
# "hpd", "KCSO", "NYPDnews" not: the tail must end the tag)
_AGENCY_TAIL = re.compile(r"(?i:[a-z]{1,24}(?:pd|so|sd|fd|dps|police|sheriff|sheriffs|troopers|hp))")


def names_agency_or_place(lexicon: Lexicon, tag: str) -> bool:
    """Whether a tag (without its "#") names a department or a known town, county or state."""
    return agency_tag(lexicon, tag) or place_tag(lexicon, tag)


def agency_tag(lexicon: Lexicon, tag: str) -> bool:
    return _AGENCY_TAIL.fullmatch(tag) is not None and not lexicon.is_common(tag.lower())  # not "#also"


def place_tag(lexicon: Lexicon, tag: str) -> bool:
    body = tag.lower()
    known = places().get(body) is not None or body in state_names_lower()
    return known and len(body) >= 4 and not lexicon.is_common(body)


def _refine(lexicon: Lexicon, test: Callable[[Lexicon, str], bool]) -> Refine:
    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        return (start, end) if test(lexicon, text[start:end]) else None

    return refine


def hashtag_recognizers(lexicon: Lexicon) -> list[RegexRecognizer]:
    return [
        RegexRecognizer("HashtagAgencyRecognizer", "AGENCY",
                        [Rx("agency_tag", _TAG, 0.6, CS, 1, refine=_refine(lexicon, agency_tag), needs="#")]),
        RegexRecognizer("HashtagPlaceRecognizer", "LOCATION",
                        [Rx("place_tag", _TAG, 0.6, CS, 1, refine=_refine(lexicon, place_tag), needs="#")]),
    ]
