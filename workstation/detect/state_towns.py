"""A small town of the state a report names (issue 19): "ARRESTED IN BUSBY" in a Montana
report, "BOX 319, HEAVENER" in an Oklahoma one, "FROM THOREAU" in New Mexico, "route one in
hancock" dictated in Maine. Typed in capitals or in lower case, such a town reads like an
ordinary word to the word lists (a busby is a hat, "heavener" an inflection of heaven), so the
gazetteer keeps only towns that mean nothing else. A town of the report's own state after a
place's word ("in", "near", "twd", an address's comma) is the place all the same; in a text
typed with normal capitals it must have its capital ("back to normal" is no town in Illinois)."""

from __future__ import annotations

import re as stdlib_re  # (plain alternations: the standard module scans them faster)
from collections.abc import Sequence
from functools import lru_cache

import regex as re

from workstation.detect.allow_list import inside
from workstation.detect.gazetteer import COMMON_WORD_PLACES, state_code_of, state_codes, town_states
from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.locations import NOT_TOWN_NAMES, NOT_TOWNS
from workstation.detect.spans import RawSpan

# words that follow "in" or a comma and are no town, whatever a state calls itself (besides the
# gazetteer's own: months, feasts, given names that are everyday words)
_NOT_TOWNS = NOT_TOWNS | NOT_TOWN_NAMES | frozenset("""spanish july custody front time town city county
    state progress service court jail home school church center central""".split())
# a town after a place's word, or after an address's comma ("BOX 319, HEAVENER", "BOLD CAMP RD,
# POUND"; not a plate's "2091, DENT")
_PLACE_WORDS = "in|near|nr|outside|from|toward|towards|twd|to|at|of"
_TOWN = stdlib_re.compile(
    rf"(?i:(?<![\w'’])(?:{_PLACE_WORDS})[ \t]+|"
    r"(?<![\w'’])(?:rd|road|st|street|ave|avenue|hwy|highway|dr|drive|ln|lane|blvd|box|route|rte|pike|"
    r"trl|trail|loop|way|ct)(?:[ \t]+\d+)?\.?,[ \t]*)(?P<town>[A-Za-z][a-z]{3,}|[A-Z]{4,})(?![\w'’-])"
)
_CAPITAL = re.compile(r"[A-Z]")
_STATE_CODE = re.compile(r"(?<![\w'’])[A-Z]{2}(?![\w'’])")
SCORE = 0.5
NAME = "StateTownRecognizer"


def _states_named(text: str) -> frozenset[str]:
    """The states a report names, by their code in capitals or their name in any case."""
    codes = state_codes()
    found = {m.group() for m in _STATE_CODE.finditer(text) if m.group() in codes}
    low = text.lower()
    found |= {code for name, code in state_code_of().items() if name in low}
    return frozenset(found)


@lru_cache(maxsize=1)
def _towns() -> dict[str, frozenset[str]]:
    return {name: states for name, states in town_states().items()
            if " " not in name and name not in COMMON_WORD_PLACES and name not in _NOT_TOWNS}


def towns_of_the_state(lexicon: Lexicon, text: str, found: Sequence[RawSpan],
                       allowed: list[tuple[int, int]]) -> list[RawSpan]:
    """The towns of the report's own state that nothing else found."""
    towns = _towns()
    candidates = [m for m in _TOWN.finditer(text) if m.group("town").lower() in towns]
    if not candidates:
        return []
    states = _states_named(text)
    # a lower-case word in a text typed with its capitals is an ordinary word
    capitals = any(m.group("town").islower() for m in candidates) and (
        len(_CAPITAL.findall(text)) * 20 > len(text))
    out: list[RawSpan] = []
    for m in candidates:
        word, (start, end) = m.group("town"), m.span("town")
        if capitals and word.islower():
            continue
        if lexicon.is_stop(word) or not towns[word.lower()] & states or inside(allowed, start, end) or any(
                s.start < end and start < s.end for s in found):
            continue
        out.append(RawSpan(start, end, "LOCATION", SCORE, NAME))
    return out


_PLACE_WORD_BEFORE = re.compile(rf"(?<![\w'’])(?i:{_PLACE_WORDS})[ \t]+$")


def towns_not_people(text: str, spans: list[RawSpan]) -> list[RawSpan]:
    """"a call from Willow", "closed I-90 from Worthington": a town of the report's own state
    after a place's word is the town, not someone of that name."""
    states: frozenset[str] | None = None
    out: list[RawSpan] = []
    for s in spans:
        word = text[s.start:s.end]
        if s.label == "PERSON" and word[:1].isupper() and _PLACE_WORD_BEFORE.search(
                text, max(0, s.start - 12), s.start) and word.lower() in _towns():
            states = _states_named(text) if states is None else states
            if _towns()[word.lower()] & states:
                s = RawSpan(s.start, s.end, "LOCATION", s.score, s.recognizer)
        out.append(s)
    return out
