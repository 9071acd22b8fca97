"""The last net (issue 19): in text written with ordinary capitals, a capitalised word in
the middle of a sentence that is no English word, no police term and no allowed phrase,
and that nothing else found, is most likely a name ("Emeka", "Adeyemi", "Olvera-Quintana").
Suggested at a low score, so the reviewer sees it; labelled a place after "in/at/near the"
or with a place's ending, a person otherwise."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.allow_list import allowed_regions, inside
from workstation.detect.lexicon import Lexicon
from workstation.detect.spans import REPORT_SHORTHAND, RawSpan

SCORE = 0.45
NAME = "ProperNounRecognizer"
_WORD = re.compile(r"(?<![\w'’-])\p{Lu}\p{Ll}+(?:['’-]\p{L}\p{Ll}+)*(?![\w'’-])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;>|•*\n]|[.!?][\"”’)])[ \t\"“‘'(*-]*$")
# what a person does, right after the name at a sentence's start
_DOES_AFTER = re.compile(
    r"[ \t]+(?:was|were|got|went|came|grabbed|saw|said|told|dove|ducked|did|didn't|had|ran|stood|called|"
    r"yelled|took|pulled|pushed|jumped|fell|tried|kept|turned|looked|walked|drove|found|stopped|never|"
    r"and[ \t]+(?:I|me|\p{Lu}\p{Ll}+)[ \t]+(?:were|went|got|saved|had|came|ran|did))\b")
_PLACE_BEFORE = re.compile(
    r"(?i:\b(?:in|at|near|into|outside|inside|across|along|through|thru|past|toward|towards|"
    r"behind|off)(?:[ \t]+the)?)[ \t]+$"
)
_PLACE_ENDINGS = ("walk", "ville", "town", "burg", "borough", "field", "wood", "dale", "port", "ford",
                  "land", "mont", "view", "crest", "haven", "shire")
_MONTHS_AND_DAYS = frozenset(
    "january february march april may june july august september october november december monday "
    "tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov "
    "dec mon tue tues wed thu thur thurs fri sat".split()
)


def mixed_case(text: str) -> bool:
    """Written with ordinary capitals (neither ALL CAPS nor all lower case)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20:
        return False
    upper = sum(1 for c in letters if c.isupper()) / len(letters)
    return 0.02 < upper < 0.5


def unknown_proper_nouns(lexicon: Lexicon, text: str, found: Sequence[RawSpan],
                         allowed: list[tuple[int, int]] | None = None) -> list[RawSpan]:
    """`allowed`: the text's allow-listed regions, when the caller has them already."""
    if not mixed_case(text):
        return []
    if allowed is None:
        allowed = allowed_regions(text)
    # the characters the found spans cover, asked of each word at C speed (a span list per word
    # was a fortieth of the analysis)
    taken = bytearray(len(text))
    for s in found:
        taken[s.start:s.end] = b"\x01" * (s.end - s.start)
    out: list[RawSpan] = []
    for m in _WORD.finditer(text):
        start, end = m.span()
        word = m.group()
        if len(word) < 3 or 1 in taken[start:end] or inside(allowed, start, end):
            continue
        if _SENTENCE_START.search(text, max(0, start - 4), start) and not (
                _DOES_AFTER.match(text, end)
                and not any(lexicon.is_common(p) for p in re.split(r"[-'’]", word))):
            continue  # a sentence's first word, unless an unknown word that then acts: "Hoss dove over"
        base = re.sub(r"['’]s$", "", word)
        if base.lower().rstrip("s") in _MONTHS_AND_DAYS or base.lower() in REPORT_SHORTHAND:
            continue  # "Tuesdays"; "Disp", "Narr": a log's shorthand
        parts = [p for p in re.split(r"[-'’]", base) if p]
        if all(lexicon.is_common(p) for p in parts):
            # an everyday word with a capital after "on", "past", "to": a street or a place's
            # own name ("the Sonic on Skyline", "stopped past Evergreen", "went to Laureate")
            if _common_word_place(lexicon, text, start, end, base):
                out.append(RawSpan(start, end, "LOCATION", SCORE, NAME))
            continue
        label = "LOCATION" if _PLACE_BEFORE.search(text, max(0, start - 16), start) or base.lower().endswith(
            _PLACE_ENDINGS) else "PERSON"
        out.append(RawSpan(start, end, label, SCORE, NAME))
    return out


_WHERE_BEFORE = re.compile(
    r"(?<![\w'’])(?i:on|onto|past|along|down|up|to|toward|towards|near|off|at|from)[ \t]+$")
_CAPITAL_NEXT = re.compile(r"[ \t]+\p{Lu}")
_NOT_PLACES = frozenset(
    """facebook instagram snapchat twitter tiktok youtube reddit whatsapp google zoom teams god
    jesus christ heaven hell mom dad grandma grandpa sarge chief doc mass court class work bed
    lunch dinner breakfast church school""".split()
)


def _common_word_place(lexicon: Lexicon, text: str, start: int, end: int, base: str) -> bool:
    from workstation.detect.allow_list import is_generic
    from workstation.detect.recognizers.dates import HOLIDAY

    low = base.lower()
    if low in _NOT_PLACES or lexicon.is_stop(low) or is_generic(base) or HOLIDAY.fullmatch(base):
        return False
    if _WHERE_BEFORE.search(text, max(0, start - 10), start) is None:
        return False
    return _CAPITAL_NEXT.match(text, end) is None  # "on Main Street": the street's own recognizers
