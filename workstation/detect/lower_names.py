"""Given names typed in lower case in mixed-case text (issue 19): "her nephew devonte, with a
warrant", "deshawn priddy came in from okc pd drunk", "one was tyler something". A lower-case
word that is a given name of the census or Social Security lists and no English word is a
person, and so is a lower-case surname right after it. Words that are also makes, drugs or
things are left alone ("a kia", "on tina"), as is a name after an article ("the harley")."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.allow_list import allowed_regions, inside, is_generic
from workstation.detect.census import is_given_name, surnames
from workstation.detect.foreign_sentences import in_foreign_sentence
from workstation.detect.gazetteer import places, postal_towns
from workstation.detect.lexicon import Lexicon
from workstation.detect.spans import RawSpan
from workstation.detect.vehicles import vehicle_words

_LOWER_WORD = re.compile(r"(?<![\w'’@#/.-])[a-z][a-z'’]{2,}(?![\w'’@-]|\.\w)")
_ARTICLE_BEFORE = re.compile(r"(?i:\b(?:a|an|the|some|any|this|that|these|those|on|of|my|your|our)[ \t]+)$")
_STREET_PREP_BEFORE = re.compile(r"\b(?i:on|at|down|off|onto|along|near|past|toward|towards|up)[ \t]+$")
# months and days that are given names too ("june 3rd", "august", "sunday")
_CALENDAR = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday christmas easter""".split()
)
_CODE_NEAR = re.compile(r"\d[ \t-]*$")
_DIGIT_AFTER = re.compile(r"[ \t-]*\d")
# given names that are also a drug, a brand or a thing in lower case
_NOT_NAMES = frozenset(
    "tina molly charlie mary harley mercedes kia lexus remington winchester marlin tahoe sierra anh".split())


def lower_case_names(lexicon: Lexicon, text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    if text.islower() or text.isupper():
        return list(spans)  # a passage all in one case is recased for NER already
    out = list(spans)
    allowed = allowed_regions(text)
    for m in _LOWER_WORD.finditer(text):
        word = m.group()
        if not _a_given_name(lexicon, word) or _ARTICLE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue
        if vehicle_words(text, m.start(), m.end()) or is_generic(word) or inside(allowed, m.start(), m.end()):
            continue  # "the kia", "sally port"
        if _CODE_NEAR.search(text, max(0, m.start() - 6), m.start()) or _DIGIT_AFTER.match(text, m.end()):
            continue  # "unit 4 adam", "2 david 14": the phonetic alphabet of a call sign
        if word in places() or word in postal_towns() or _STREET_PREP_BEFORE.search(
                text, max(0, m.start() - 12), m.start()):
            continue  # "tyler", "eugene": towns too, left to NER; "on jefferson": a street
        if in_foreign_sentence(text, m.start()):
            continue  # "una guagua blanca", "anh sau": Spanish, Portuguese or Vietnamese words
        start, end = m.span()
        nxt = _LOWER_WORD.match(text, end + 1) if text[end:end + 1] == " " else None
        if nxt is not None and _a_surname(lexicon, nxt.group()):
            end = nxt.end()  # "deshawn priddy"
        if any(s.start < end and start < s.end for s in out):
            continue
        out.append(RawSpan(start, end, "PERSON", 0.6, "LowerCaseNameRecognizer"))
    for m in _ROLE_NAME_AGE.finditer(text):
        first, *rest = m.group(1).split()
        # (after the given name, census names even where everyday words too: "wayne", "briggs")
        if _a_given_name(lexicon, first) and all(not lexicon.is_stop(w) and (
                w in surnames() or is_given_name(w, wide=True)) for w in rest) and not any(
                s.start < m.end(1) and m.start(1) < s.end for s in out):
            out.append(RawSpan(m.start(1), m.end(1), "PERSON", 0.6, "LowerCaseNameRecognizer"))
    for m in _ROLE_NAME.finditer(text):
        given, surname = m.group(1).split()
        # no age to vouch for it: neither word an everyday one, a place's or a month's
        if not any(lexicon.is_common(w) or lexicon.is_stop(w) or w in places() or w in _CALENDAR
                   for w in (given, surname)) and not any(
                s.start < m.end(1) and m.start(1) < s.end for s in out):
            out.append(RawSpan(m.start(1), m.end(1), "PERSON", 0.6, "LowerCaseNameRecognizer"))
    return _given_then_surname(lexicon, text, out)


def _given_then_surname(lexicon: Lexicon, text: str, spans: list[RawSpan]) -> list[RawSpan]:
    """"was clayton reddy,", "license, wade pickens,": a given name, even an everyday word's or a
    town's, then a surname of the census that is neither, is one person (a person found for the
    given name alone grows over the surname)."""
    out = list(spans)
    for m in _GIVEN_SURNAME.finditer(text, overlapped=True):
        given, surname = m.group(1), m.group(2)
        if surname not in surnames() or lexicon.is_common(surname) or surname in places() or (
                given in _NOT_NAMES or given in _CALENDAR or given in _ADDRESSED or lexicon.is_stop(given)
        ) or not (is_given_name(given) or _a_given_name(lexicon, given)) or _ARTICLE_BEFORE.search(
                text, max(0, m.start() - 8), m.start()) or in_foreign_sentence(text, m.start()):
            continue  # (a census given name, or a wider list's that is no word: not "job pablo", "una rueda")
        inner = [s for s in out if s.start < m.end() and m.start() < s.end]
        if any(s.label != "PERSON" or s.start < m.start() or s.end > m.end() for s in inner):
            continue
        out = [s for s in out if s not in inner]
        out.append(RawSpan(m.start(), m.end(), "PERSON", 0.6, "LowerCaseNameRecognizer"))
    return sorted(out, key=lambda s: (s.start, s.end))


_ADDRESSED = frozenset("lady sir madam miss mister lord dame".split())  # "lady norma villegas": a title
_GIVEN_SURNAME = re.compile(r"(?<![\w'’@#/.-])([a-z][a-z'’]{2,})[ \t]([a-z][a-z'’]{2,})(?![\w'’@-]|\.\w)")


# the roles a report names someone after, lower case or not ("driver", "witness")
_ROLES_BEFORE = "driver|suspect|victim|passenger|owner|caller|witness|operator|pedestrian"
# a given name and a surname in lower case after a role, where no age follows: "driver kateryna
# boyko was apologizing"
_ROLE_NAME = re.compile(
    rf"\b(?i:{_ROLES_BEFORE})[ \t]+"
    r"(?:is[ \t]+|was[ \t]+)?"
    r"([a-z][a-z'’]{2,}[ \t]+[a-z][a-z'’-]{2,})(?![\w'’-])(?![ \t]+[a-z][a-z'’-]+,[ \t]*\d)")


# a full name typed in lower case between a role and an age: "driver tyler wayne briggs, 29, of";
# the two cues make it a person's even where its given name is a town's too ("tyler")
_ROLE_NAME_AGE = re.compile(
    rf"\b(?i:{_ROLES_BEFORE}|susp|guest|subject|rider|juvenile|male|female)[ \t]+"
    r"([a-z][a-z'’-]{1,}(?:[ \t]+[a-z][a-z'’-]{1,}){1,2}),[ \t]*(?:age[ \t]+)?\d{1,2}\b")


def _a_given_name(lexicon: Lexicon, word: str) -> bool:
    return word not in _NOT_NAMES and word not in _CALENDAR and is_given_name(word, wide=True) and not (
        lexicon.is_common(word) or lexicon.is_stop(word))


def _a_surname(lexicon: Lexicon, word: str) -> bool:
    return not (lexicon.is_common(word) or lexicon.is_stop(word)) and (
        word in surnames() or not is_given_name(word, wide=True))


_DROPPED_G = re.compile(r"[a-z]+in['’]?")


def speech_dropped_g(lexicon: Lexicon, fragment: str) -> bool:
    """"goin", "runnin", "inside watchin", "drivin crazy": lower-case words as a writer types speech,
    one an everyday word that lost its g, the rest everyday words; no name ("kevin", "erin")."""
    words = fragment.split()
    if not words or not fragment.islower():
        return False
    dropped = [w for w in words if _DROPPED_G.fullmatch(w) and lexicon.is_common(w.rstrip("'’") + "g")
               and not (is_given_name(w, wide=True) or w in surnames() or w in places() or w in postal_towns()
                        or lexicon.is_name(w))]  # ("dustin", "rankin county", "the dunkin")
    return bool(dropped) and all(w in dropped or lexicon.is_common(w) or lexicon.is_stop(w) for w in words)
