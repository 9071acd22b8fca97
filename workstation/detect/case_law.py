"""Cited court decisions: "Graham v. Connor", "Tennessee v. Garner, 471 U.S. 1 (1985)". Case law a
report quotes names no one in the incident, so nothing inside such a citation is suggested (the
corpora's convention since styles31). A decision is known by its name (resources/landmark_cases.txt,
the ones police write about) or by what follows its caption: a reporter's volume and page
("490 U.S. 386", "F.3d", "S. Ct.") or its year in brackets. A pending case ("State v. Holloway,
No. 24-CR-118") is neither, and keeps its parties."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex as re

from workstation.detect.captions import VERSUS
from workstation.detect.spans import RawSpan
from workstation.resources import resource_lines

_VERSUS = r"[ \t]+(?i:v|vs)\.?[ \t]+"
_PARTY_WORD = r"(?:\p{Lu}[\p{L}'’.&-]*|of|the|de|la|for)"
# a caption: one or two capitalised words, "v." and a few more ("of" and "the" inside the second
# party's name); no more before "v.", which in capitals would reach back over the sentence ("SGT DIAZ
# REVIEWED GRAHAM V. CONNOR")
_CAPTION = (rf"(?<![\w'’.-])\p{{Lu}}[\p{{L}}'’.&-]*(?:[ \t]+\p{{Lu}}[\p{{L}}'’.&-]*)?{_VERSUS}"
            rf"\p{{Lu}}[\p{{L}}'’.&-]*(?:[ \t]+{_PARTY_WORD}){{0,5}}?")
# what only a decided case carries: a reporter's volume, name and page, or the year decided
_REPORTER = (r"\d{1,4}[ \t]+(?:U\.[ \t]?S\.|S\.[ \t]?Ct\.|L\.[ \t]?Ed\.(?:[ \t]?2d)?|"
             r"F\.(?:[ \t]?(?:2d|3d|4th)|[ \t]?Supp\.(?:[ \t]?[23]d)?)?|"
             # (a reporter's abbreviation, no month's: "14 Nov. 2024" is a date)
             r"(?!(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
             r"[A-Z][A-Za-z]{0,6}\.(?:[ \t]?[A-Z][a-z]{0,6}\.)?(?:[ \t]?[234]d)?)[ \t]+\d{1,5}")
# ... the year with its court, if any: "(1985)", "(9th Cir. 2009)", "(Tex. Crim. App. 2014)"
_YEAR_DECIDED = r"\((?:[^()\n]{1,30}[ \t])?(?:1[89]|20)\d\d\)"
_DECIDED = re.compile(rf"{_CAPTION},?[ \t]+(?:{_REPORTER}(?:[ \t]+{_YEAR_DECIDED})?|{_YEAR_DECIDED})")


@lru_cache(maxsize=1)
def _known_cases() -> re.Pattern[str] | None:
    """One pattern for every listed decision, either party's words as written in any case."""
    cases = sorted(resource_lines("landmark_cases.txt"), key=len, reverse=True)
    if not cases:
        return None
    alternatives = []
    for case in cases:
        first, _, second = case.partition(" v. ")
        parts = [re.escape(p).replace(r"\ ", r"[ \t]+") for p in (first, second)]
        alternatives.append(parts[0] + _VERSUS + parts[1])
    return re.compile(r"(?<![\w'’.-])(?i:" + "|".join(alternatives) + r")(?![\w'’-])")


def citations(text: str) -> list[tuple[int, int]]:
    """Where the text cites a decided case."""
    lowered = text.lower()
    if " v. " not in lowered and " v " not in lowered and " vs" not in lowered:
        return []
    found = [m.span() for m in _DECIDED.finditer(text)]
    known = _known_cases()
    if known is not None:
        found += [m.span() for m in known.finditer(text) if _written_as_a_citation(m.group())]
    return found


_SMALL_WORDS = frozenset("of the de for".split())


def _written_as_a_citation(found: str) -> bool:
    """A listed decision as a citation writes it: "v." with its period and each party's words
    capitalised ("Graham v. Connor", "GRAHAM V. CONNOR"); "Scott vs Harris" fighting in the
    dayroom are two inmates."""
    versus = VERSUS.search(found)
    if versus is None:
        return False
    words = [w for w in re.split(r"[ \t]+", found[:versus.start()] + " " + found[versus.end():]) if w]
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)


def precedents_apart(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """Drop what lies inside a cited decision's caption."""
    cited = citations(text)
    if not cited:
        return list(spans)
    return [s for s in spans if not any(a <= s.start and s.end <= b for a, b in cited)]
