"""The words of a public body's name typed in capitals, for the recaser (case_normalise.py): a
state's, a county's or a town's name, then a head "of" what the body does ("MISSOURI DEPARTMENT
OF REVENUE", "ND BOARD OF ANIMAL HEALTH", "TENNESSEE DEPARTMENT OF COMMERCE AND INSURANCE"), or
the state's name, then what a commission or a board rules ("IOWA RACING AND GAMING COMMISSION")."""

from __future__ import annotations

from collections.abc import Callable

import regex as re

from workstation.detect.gazetteer import known_place, state_codes, state_names_lower
from workstation.detect.lexicon import Lexicon

# State codes that are also words or titles ("in", "ok", "Ms", "Mt"): not taken as states here.
AMBIGUOUS_CODES = frozenset(
    "in or me oh hi ok de la al pa ma co id ne ms mt md sd so wa va dc pr ga".split()
)
# heads of an agency's name "of" something: "OHIO BUREAU OF WORKERS' COMPENSATION"
OF_HEADS = frozenset(
    "department dept bureau division office commission board directorate administration".split())
# a state's body named for what it rules ("NEVADA GAMING CONTROL BOARD")
BODY_HEADS = frozenset("commission board authority".split())
# who works for an agency or what it keeps, after its name: no part of it
_CREWS = frozenset("crews crew officers deputies staff records units personnel agents".split())


def a_state_code(low: str) -> bool:
    return len(low) == 2 and low.upper() in state_codes() and low not in AMBIGUOUS_CODES


def place_before(lexicon: Lexicon, lowered: list[str], i: int, named: set[int]) -> bool:
    """A state's, a county's or a town's name before an agency's head ("OHIO BUREAU",
    "MACOMB COUNTY DEPARTMENT", "ND BOARD")."""
    prev = lowered[i - 1]
    if prev in ("county", "parish", "state", "city") and i > 1:
        prev = lowered[i - 2]
    return (i - 1 in named or known_place(prev) or prev in state_names_lower() or a_state_code(prev)
            ) and not lexicon.is_stop(prev)


def named_after_of(lexicon: Lexicon, plain: Callable[[str], bool], is_name: Callable[[str], bool],
                   passage: str, words: list[re.Match], lowered: list[str], i: int) -> list[int]:
    """The head and the words naming what it is "of", joined by "and" or "&" ("DEPARTMENT OF
    COMMERCE AND INSURANCE", "BUREAU OF WORKERS' COMPENSATION"); none when no word follows."""

    def joined(j: int) -> bool:  # joined to the word before by spaces, a plural's apostrophe or "&"
        return passage[words[j - 1].end():words[j].start()].strip(" \t'’&") == ""

    if i + 2 >= len(words) or lowered[i + 1] != "of" or not joined(i + 1):
        return []
    run: list[int] = []
    j = i + 2
    while j < len(words) and len(run) < 4 and joined(j):
        low = lowered[j]
        if low == "and" and run and j + 1 < len(words) and not is_name(lowered[j + 1]):
            j += 1
            continue
        if not plain(low) or lexicon.is_verb_form(low) or low in _CREWS:
            break  # ("OHIO DEPARTMENT OF TRANSPORTATION CREWS CLOSED THE RAMP")
        run.append(j)
        j += 1
    return [i, *run] if run else []


def state_body(lexicon: Lexicon, plain: Callable[[str], bool], passage: str, words: list[re.Match],
               lowered: list[str], i: int) -> list[int]:
    """A state's commission or board named for what it rules, right after the state's name ("IOWA
    RACING AND GAMING COMMISSION", "NEW MEXICO RACING COMMISSION"); none without the state, and no
    verb between ("GEORGIA CALLED HOUSING AUTHORITY", "VIRGINIA HALE SAID HOUSING AUTHORITY")."""

    def spaced(j: int) -> bool:  # only blanks (or "&") between word j - 1 and word j
        return not passage[words[j - 1].end():words[j].start()].strip(" \t&")

    j = i - 1
    while j > 0 and i - j <= 5 and spaced(j + 1):
        low = lowered[j]
        if low not in ("and", "&") and (not plain(low) or lexicon.is_irregular_verb(low) or (
                low.endswith("ed") and lexicon.is_verb_form(low))):
            return []
        for size in (2, 1):  # "NEW MEXICO", "IOWA"
            state = j - size
            named = state >= 0 and " ".join(lowered[state:j]) in state_names_lower()
            if named and low not in ("and", "&") and all(spaced(k) for k in range(state + 1, j + 1)):
                return list(range(state, i + 1))
        j -= 1
    return []
