"""A business by its trade in a report typed in capitals (issue 19): "BEHIND SUNSHINE PAWN",
"ASSISTING PLATTE VALLEY WRECKER (TRUCK 7)", "CARRIER: SHENANDOAH DRY VAN INC". The analysis
reads such a report recased, and the recaser lowers a name of everyday words ("platte valley
wrecker"), so the trade's recognizer (recognizers/businesses.py), which wants capitals, misses
it. Here the written capitals are read instead: the words before the trade, back to the first
word that is no part of a name (a stop word, a verb, a report's shorthand, a rank), are the
business's name, unless they only say what kind of service it is ("HEAVY WRECKER", "AUTO
REPAIR", "LIABILITY INSURANCE")."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.allow_list import inside
from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.businesses import TRADE_HEADS
from workstation.detect.spans import RawSpan
from workstation.detect.vocab import RANKS_BEFORE_A_NAME, REPORT_SHORTHAND

_HEADS = sorted({*TRADE_HEADS, "collision", "motors", "wrecking"}, key=len, reverse=True)
_NAME = re.compile(r"(?<![\w'’&:-])(?:(?:(?=[A-Z0-9'’.-]*[A-Z])[A-Z0-9][A-Z0-9'’.-]*|&)[ \t]+){1,5}"
                   rf"(?:{'|'.join(h.upper() for h in _HEADS)})(?:,?[ \t]+(?:INC|LLC|LTD|CO|CORP)\.?)?"
                   # (an agency's own section: "CPD PUBLIC TRANSPORTATION SECTION")
                   r"(?![\w'’-])(?![ \t]+(?:SECTION|DIVISION|UNIT|BUREAU|DEPARTMENT|DEPT|AUTHORITY|DISTRICT|"
                   r"DETAIL|SQUAD|TEAM|OFFICE|"
                   # (the trade's word as a kind of check: "A ROUTINE PAWN INSPECTION")
                   r"INSPECTIONS?|DATABASE)\b)")
# words that say what kind of service, not whose: "HEAVY WRECKER", "AUTO REPAIR", "NO INSURANCE"
_HEAD_WORD = re.compile(rf"\b(?:{'|'.join(h.upper() for h in _HEADS)})\b")
_KIND_WORDS = frozenset("""auto automotive heavy light medium duty rotation police city county state fleet
    tire tires body glass engine minor major road roadside emergency private own other same another
    first second 2nd 3rd medical health life home renters flood gap comp collision liability valid
    current full car cars veh vehicle vehicles truck trucks semi boat equipment tow towing wrecker
    rental rentals repair repairs supply insurance mutual claims claim transport freight recovery
    construction materials salvage pawn welding roofing plumbing landscaping paving excavating
    contract contracted company local nearest area mobile commercial routine debris snow tree trees special
    signal lobby solar traffic freight passenger service group""".split())
# what leads to a business's name: a word of place or of the sentence, or a record's label
_WORD_BEFORE = re.compile(r"(?:\b[A-Za-z]{2,}[ \t]+|:[ \t]*)$")
SCORE = 0.6
NAME = "CapsBusinessRecognizer"


def _mostly_capitals(text: str) -> bool:
    letters = sum(c.isalpha() for c in text)
    return letters > 0 and sum(c.islower() for c in text) * 10 < letters


def businesses_in_capitals(lexicon: Lexicon, text: str, found: Sequence[RawSpan],
                           allowed: list[tuple[int, int]]) -> list[RawSpan]:
    """The found spans, a business by its trade in a report typed in capitals added (the
    found spans inside it give way)."""
    if not _HEAD_WORD.search(text) or not _mostly_capitals(text):
        return list(found)  # (a quick look for a trade's word first: most reports have none)
    out = list(found)
    for m in _NAME.finditer(text):
        start = _name_start(lexicon, text, m)
        if start is None or inside(allowed, start, m.end()):
            continue
        if any(s.start < m.end() and start < s.end for s in out if s.label != "LOCATION"):
            continue  # a name or an agency in it or running into it: left to what found it
        out = [s for s in out if not (start <= s.start and s.end <= m.end())]
        out.append(RawSpan(start, m.end(), "LOCATION", SCORE, NAME))
    return sorted(out, key=lambda s: (s.start, s.end))


def _name_start(lexicon: Lexicon, text: str, m: re.Match[str]) -> int | None:
    """Where the name before the trade begins, or None when no word names anyone or nothing
    leads to it (the line begins with it)."""
    words = list(re.finditer(r"\S+", text[m.start():m.end()]))
    head_at = next(i for i in range(len(words) - 1, -1, -1)
                   if words[i].group().rstrip(".,").lower() in _HEADS)
    first = head_at
    while first > 0 and _part_of_a_name(lexicon, words[first - 1].group()):
        first -= 1
    if first == 0 and not _WORD_BEFORE.search(text, max(0, m.start() - 24), m.start()):
        return None  # a heading's "PRISONER TRANSPORT", "STOLEN VEHICLE RECOVERY": no word leads to it
    name = [w.group().lower() for w in words[first:head_at] if w.group() != "&"]
    if not name or all(w in _KIND_WORDS for w in name):
        return None
    return m.start() + words[first].start()


def _part_of_a_name(lexicon: Lexicon, word: str) -> bool:
    lower = word.lower().rstrip(".,")
    if word == "&":
        return True
    if lexicon.is_stop(lower) or lower in REPORT_SHORTHAND or lower in RANKS_BEFORE_A_NAME:
        return False
    if word.endswith(".") and len(lower) >= 4 and lexicon.is_common(lower):
        return False  # "AGAINST THE WALL. ELEVATORS ARE SMALL": a sentence's end, no name's word
    # "ASSISTING", "CALLED", "TOWED": a verb of the report's sentence
    return not (lower.endswith(("ing", "ed")) and lexicon.is_common(lower))
