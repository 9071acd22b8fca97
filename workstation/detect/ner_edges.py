"""Edges of NER's spans that belong to their neighbours.

- "FENWICK 407" before "-555-0121": the start of a phone number is no
  part of a name; NER stops inside it, so the digits are cut off.
- "Lakeland, Polk County SO": the town before a comma is where the agency was, not part of
  its name; the agency starts after the comma (the town is found on its own).
- "a 2020 Kia Soul": a model year alone is no place.
- "deputy wade pruett simpson county": a name NER runs on into the county after it.
- "Folasade K., Star 7741": a name NER runs on into the badge number after it.
- "OSTROWSKI, SAFETY@ZIPRIDE-EXAMPLE.COM": a name NER runs on into the e-mail address after it.
- "V. Okafor, PPD": a name runs on into the agency's letters after it (any recognizer's: see
  people_apart.split_people)."""

from __future__ import annotations

import regex as re

_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGITS_END = re.compile(r"[ \t]+\d+$")
_NUMBER_GOES_ON = re.compile(r"[-.]\d{3}[-.]\d{4}(?!\d)")  # the rest of a phone number
_COMMA_THEN_AGENCY = re.compile(
    r"[^,\n]+,[ \t]+(?P<agency>[^,\n]+\b(?i:police|sheriff'?s?|pd|so|sd|department|dept\.?|office|"
    r"patrol|troopers?|marshals?|dps))\.?$")


# "wade pruett simpson county": a person's name, then the county (no name ends in "county")
_PLACE_HEAD_END = re.compile(r"[ \t]+[\w'’.-]+[ \t]+(?i:county|parish|borough|township)$")


# "ADEYEMI, Folasade K., Star 7741", "Yazzie, ID NNP-2219": a field with a number after the name
_NUMBER_FIELD_AFTER = re.compile(
    r",?[ \t]+(?i:star|badge|shield|id|emp\.?|employee|unit|serial|#)[ \t]*#?[ \t]*[A-Z]{0,4}-?\d[\w-]*$")

# an e-mail address or a web address after the name, the comma before it too
# (a dotted domain: "5TH ST@MAIN ST" is a CAD corner)
_ADDRESS_AFTER = re.compile(r"[,;:]?[ \t]*[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[,;:]?[ \t]*(?:\w+://|\bwww\.)")
_COMMA_LETTERS_END = re.compile(r",[ \t]+(\p{Lu}{2,6})$")
_COMMA_WORD_END = re.compile(r",[ \t]+\p{Lu}\p{Ll}+$")
_A_NUMBER_NEXT = re.compile(r"[ \t]+\d")


def ner_edges_cut(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """The span without the neighbours' edges; None when nothing of it is left."""
    digits = _DIGITS_END.search(text, start, end)
    if digits is not None and _NUMBER_GOES_ON.match(text, end):
        end = digits.start()
    if label == "AGENCY":
        m = _COMMA_THEN_AGENCY.fullmatch(text, start, end)
        if m is not None:
            start = m.start("agency")
    if label == "PERSON":
        m = _PLACE_HEAD_END.search(text, start, end)
        if m is not None:
            end = m.start()  # the name only; the county is found on its own
        m = _NUMBER_FIELD_AFTER.search(text, start, end)
        if m is not None:
            end = m.start()  # "Folasade K., Star 7741": the name, then a badge found on its own
        m = _COMMA_WORD_END.search(text, start, end)
        if m is not None and _A_NUMBER_NEXT.match(text, end):
            end = m.start()  # "Dep. Kinsey, Marine 2": the name, then the unit
    if label != "CONTACT":
        m = _ADDRESS_AFTER.search(text, start, end)
        if m is not None:
            end = m.start()  # the name, then the address found on its own
    if end <= start:
        return None
    if a_year(text[start:end]):
        return None  # "a 2020 Kia Soul": NER's place is the model year
    return (start, end) if end > start else None


def agency_letters_cut(text: str, start: int, end: int) -> int:
    """The end of a person's span before an agency's letters after a comma ("V. Okafor, PPD")."""
    from workstation.detect.grow import is_agency_acronym  # (grow reads spans that read this)

    m = _COMMA_LETTERS_END.search(text, start, end)
    return m.start() if m is not None and is_agency_acronym(m.group(1)) else end


def a_year(fragment: str) -> bool:
    return _YEAR.fullmatch(fragment) is not None
