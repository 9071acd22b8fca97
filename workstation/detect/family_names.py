"""A family by its name ("the Hollis family", "(Schlueter and DeVries families)", "THE OKAFOR
FAMILY"): the name is a person's, where nothing was found or only a town of that name ("Hollis"),
unless it is an everyday word ("the Crime family"), a state ("the Texas family") or an agency
("the APD family"), or the family names a place ("the Tiumalu family compound"). A family by its
name in the plural ("the Kinkaids' hayfield", "The Kettlemans are in Chico") is its people too;
and one person by a given name before what is theirs ("Sandra's driveway")."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect import census
from workstation.detect.gazetteer import known_place, state_names
from workstation.detect.lexicon import Lexicon
from workstation.detect.spans import RawSpan

_NAME = r"\p{Lu}[\p{L}'’-]+"
_FAMILY = re.compile(rf"(?<![\w'’-])(?P<names>{_NAME}(?:[ \t]+(?i:and|&)[ \t]+{_NAME})?)[ \t]+"
                     r"(?i:famil(?:y|ies))(?![\w'’-])(?![ \t]+(?i:compound|home|farm|ranch|cemetery|plot|"
                     r"property|land|residence|house|business|restaurant|dental|store|practice|medicine|"
                     r"court|services?|justice|center|centre|law|clinic|foundation|trust)\b)")
_THE_BEFORE = re.compile(r"(?<![\w'’-])(?i:the)[ \t]+$")
_JOIN = re.compile(r"[ \t]+(?i:and|&)[ \t]+")
FAMILY_NAME = "FamilyNameRecognizer"


def families_are_people(lexicon: Lexicon, text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    if "amil" not in text and "AMIL" not in text:
        return list(spans)
    out = list(spans)
    for m in _FAMILY.finditer(text):
        at = m.start("names")
        for word in _JOIN.split(m.group("names")):
            start = text.index(word, at)
            end = at = start + len(word)
            if word.isupper() and len(word) <= 4 and not text.isupper():
                continue  # an acronym in a text with small letters: an agency's "TPD family"
            if lexicon.is_common(word) and not (census.is_census_name(word) and _THE_BEFORE.search(
                    text, max(0, start - 5), start)):
                continue  # an everyday word, unless a surname after "the": "Foster family reported",
                # "a Host family", "Gold Star family" (but "the Foster family")
            inside = [s for s in out if s.start < end and start < s.end]
            if word.title() in state_names() or any(
                    s.label == "PERSON" or (s.start, s.end) != (start, end)
                    or not (s.label == "LOCATION" and s.recognizer.startswith("Gazetteer")) for s in inside):
                continue  # a person's already, part of a longer name, an agency ("the APD family"), a state
            out = [s for s in out if s not in inside] + [RawSpan(start, end, "PERSON", 0.7, FAMILY_NAME)]
    return sorted(out, key=lambda s: (s.start, s.end))


# "the Kinkaids", "THE OKAFORS", "the Joneses": a surname in the plural after "the"
_PLURAL_AFTER_THE = re.compile(r"(?<![\w'’-])(?i:the)[ \t]+$")
# "a summer house in the Hamptons": after a place's preposition, a plural no report names is a place
_PLACE_WORD_BEFORE_THE = re.compile(r"(?<![\w'’-])(?i:in|at|near|from|into|toward|across|through|around|"
                                    r"outside|of)[ \t]+(?i:the)[ \t]+$")
_ES_PLURAL = re.compile(r"(?i:[sxz]|ch|sh)es$")
_PLURAL = re.compile(r"\p{Lu}[\p{L}'’-]+?(?:(?<=[sxz]|ch|sh)es|s)")


def plural_families(lexicon: Lexicon, text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """A name found as a place or an agency that is a surname in the plural after "the": the
    family (a team's or an everyday plural, "the Rangers", "the Browns", a known place and a plural
    after a place's preposition, "in the Hamptons", stay as they were unless the report names one
    of them: "Gene Kinkaid ... the Kinkaids")."""
    people: set[str] | None = None
    out: list[RawSpan] = []
    for s in spans:
        word = text[s.start:s.end]
        m = _PLURAL.fullmatch(word) if s.label in ("LOCATION", "AGENCY") else None
        if m is not None and _PLURAL_AFTER_THE.search(text, max(0, s.start - 5), s.start) and not (
                s.recognizer.endswith(":chain")):  # ("the Starbucks": the coffee shop)
            singular = word[:-2] if _ES_PLURAL.search(word) else word[:-1]
            if people is None:
                people = {w.lower() for p in spans if p.label == "PERSON"
                          for w in text[p.start:p.end].split()}
            named = singular.lower() in people
            surname = census.ascii_folded(singular) in census.surnames()
            if named or (surname and not lexicon.is_common(singular.lower())
                         and not lexicon.is_common(word.lower()) and not known_place(word)
                         and not _PLACE_WORD_BEFORE_THE.search(text, max(0, s.start - 16), s.start)):
                s = RawSpan(s.start, s.end, "PERSON", s.score, s.recognizer)
        out.append(s)
    return out


# what is someone's at home or with them: "Sandra's driveway", "in Tomas's truck"
_OWNED_AFTER = re.compile(
    r"['’][sS][ \t]+(?:(?i:old|new|front|back|own|little|big)[ \t]+)?(?i:driveway|house|home|yard|backyard|"
    r"porch|apartment|apt|trailer|room|bedroom|car|truck|van|garage|mailbox|kids|children|son|daughter|"
    r"husband|wife|boyfriend|girlfriend|mom|mother|dad|father|phone|dog|fence)(?![\w'’-])")
_SAINT_BEFORE = re.compile(r"(?<![\w'’-])(?i:st|saint|mt|mount|ste)\.?[ \t]+$")


def owners_by_given_name(lexicon: Lexicon, text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """A given name found as a place before what is someone's ("in Sandra's driveway"): the
    person ("St. Mary's", a chain's "Wendy's parking lot" stay places)."""
    out: list[RawSpan] = []
    for s in spans:
        word = text[s.start:s.end]
        if word.endswith(("'s", "’s")):
            word = word[:-2]  # (the span may hold the possessive)
        if (s.label in ("LOCATION", "AGENCY") and word.isalpha() and word[:1].isupper()
                and not s.recognizer.endswith(":chain")
                and _OWNED_AFTER.match(text, s.start + len(word)) and census.is_given_name(word)
                and not lexicon.is_common(word.lower())
                and not _SAINT_BEFORE.search(text, max(0, s.start - 8), s.start)):
            s = RawSpan(s.start, s.start + len(word), "PERSON", s.score, s.recognizer)
        out.append(s)
    return out
