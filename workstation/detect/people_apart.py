"""People apart (issue 19): a person's name is never the start of an agency's name, and two people
joined by "and", or a name and its alias, are two names."""

from __future__ import annotations

import regex as re

from workstation.detect.ner_edges import agency_letters_cut
from workstation.detect.spans import RawSpan
from workstation.detect.vocab import RANK_TITLES


def people_apart(text: str, spans: list[RawSpan]) -> list[RawSpan]:
    """A person's name is never the start of an agency's name: in "Special Agent Dusty
    Vanterpool Union Pacific Police" an agency pattern reaches left over the capitalised
    name, and the title pattern right into the agency. Where NER or a name pattern ends the
    person inside the agency's span, or right before it, the agency starts after the person
    and nothing else runs from the person into the agency."""
    people = [p for p in spans if p.label == "PERSON" and p.recognizer.startswith(_PERSON_EDGE_BEFORE)]
    cuts: list[tuple[int, int]] = []  # (agency start, agency end) after the person
    for s in spans:
        if s.label != "AGENCY":
            continue
        starts = []
        for p in people:
            if s.start <= p.start and p.end < s.end and p.recognizer.startswith(_PERSON_EDGE) and (
                    _RANK_BEFORE_NAME.search(text, max(0, p.start - 24), p.start)):
                start = p.end
                while start < s.end and text[start] in " \t,":
                    start += 1
                if start < s.end and start > p.end and not _CONNECTOR_FIRST.match(text, start):
                    starts.append(start)
            elif (p.end <= s.start and not text[p.end:s.start].strip(" \t,") and " " in text[s.start:s.end]
                  and _RANK_BEFORE_NAME.search(text, max(0, p.start - 24), p.start)):
                starts.append(s.start)  # "Officer Marisol Cardenas New Bedford Police": NER's one person
        if starts:
            cuts.append((min(starts), s.end))  # after the shortest name found there
    if not cuts:
        return spans
    cuts = [(a, b) for a, b in set(cuts) if not any(c < a and d == b for c, d in cuts)]
    out = []
    for s in spans:
        for a, b in cuts:
            if s.start < a < s.end:
                if s.label == "AGENCY" and s.end == b:
                    s = RawSpan(a, s.end, s.label, s.score, s.recognizer)
                else:
                    end = a
                    while end > s.start and text[end - 1] in " \t,":
                        end -= 1
                    s = RawSpan(s.start, end, s.label, s.score, s.recognizer)
        if s.end > s.start:
            out.append(s)
    return out


_PERSON_EDGE = ("SpacyNer", "NameShapeRecognizer")
# a name found right before an agency: the title pattern too ("Officer [Marisol Cardenas] New
# Bedford Police Department", where NER takes all of it for one person)
_PERSON_EDGE_BEFORE = (*_PERSON_EDGE, "TitledNameRecognizer")
# only after a rank or a title: "Special Agent [Dusty Vanterpool] Union Pacific Police"
_RANK_BEFORE_NAME = re.compile(rf"(?i:\b(?:{'|'.join(RANK_TITLES)}))\.?[ \t]+$")
_CONNECTOR_FIRST = re.compile(r"(?i:and|&|of|the)\b|[^\w]")


# (and a name, then its alias: "RAMON ORTIZ ALIAS SMOKE", "Dee Walker aka Boo")
_JOINER = re.compile(r"[ \t]+(?:and|AND|&|(?i:aka|a/k/a|a\.k\.a\.?|alias))[ \t]+")


def split_people(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Two people joined by "and", or a name and its alias, are two names; an agency's letters
    after a comma are no part of the name ("V. Okafor, PPD 5th District")."""
    end = agency_letters_cut(text, start, end)
    out, at = [], start
    for m in _JOINER.finditer(text, start, end):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, end))
    out = [_unquoted(text, a, b) for a, b in out]  # 'RAMON ORTIZ AKA "SMOKE"': the alias's quotes stay out
    return [(a, b) for a, b in out if b > a]


def _unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in "\"“”'‘’":
        start += 1
    while end > start and text[end - 1] in "\"“”'‘’":
        end -= 1
    return start, end
