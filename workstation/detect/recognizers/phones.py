"""Phone numbers of every region: digit groups shaped like a phone number, confirmed by
libphonenumber for any of its regions (Presidio's own PhoneRecognizer tries only eight)."""

from __future__ import annotations

import phonenumbers
import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult

from workstation.detect.recognizers.base import explained_result

# 7 to 15 digits in groups: "699 956 915", "(37) 788-063", "60-56-85-91", "+41 (0)96 471 07 95".
_CANDIDATE = re.compile(
    r"(?<![\w+/.:-])(?:\+|00)?\(?\d{1,4}\)?(?:[ .\-]?\(?\d{1,4}\)?){1,5}"
    r"(?:\s*(?:x|ext\.?)\s*\d{1,5})?(?![\w/]|-\d)"
)
# a vote's count in brackets after a number ("2025-06 (3-2)"): no area code
_SPLIT_IN_BRACKETS = re.compile(r"\d[ .-]*\(\d{1,2}-\d{1,2}\)$")
_ANIMAL_ID = re.compile(r"\d{3}(?:[ .-]\d{3}){4}")
# Regions tried first (most numbers in US narratives and in general sets are from these).
_FIRST = ("US", "GB", "DE", "FR", "IT", "ES", "NL", "SE", "FI", "DK", "NO", "PL", "CH", "AT", "BE",
          "AU", "CA", "BR", "MX", "IN", "IL", "IE", "PT", "GR", "CY", "EE", "HU", "CZ", "IS")
_REGIONS = _FIRST + tuple(sorted(set(phonenumbers.SUPPORTED_REGIONS) - set(_FIRST)))


def _valid_somewhere(candidate: str) -> bool:
    if candidate.startswith(("+", "00")):
        try:
            number = phonenumbers.parse("+" + candidate.lstrip("+0") if candidate.startswith("00")
                                        else candidate, None)
        except phonenumbers.NumberParseException:
            return False
        # a "+" and a country's code is a phone even in a range no carrier uses yet: writers make
        # numbers up ("+44 7700 900481")
        return phonenumbers.is_possible_number(number)
    for region in _REGIONS:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return True
    return False


def _valid_tail(text: str, start: int, end: int) -> int | None:
    """Start of the longest valid number left after dropping one or two leading groups."""
    for _ in range(2):
        gap = re.search(r"[ .\-](?=\(?\d)", text[start:end])
        if gap is None:
            return None
        start += gap.end()
        tail = text[start:end]
        if sum(c.isdigit() for c in tail) >= 7 and _valid_somewhere(tail):
            return start
    return None


_SHORT_RUN = re.compile(r"\d{4,6}")
_FOURS = re.compile(r"\d{4}(?:[- ]\d{4}){2}")  # (sixteen digits are past a phone's fifteen)
_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")  # ("Shifts 0800 1200 1600": clock times, no card)


def _a_german_number(candidate: str) -> bool:
    """Of the eight regions stock Presidio's PhoneRecognizer tries, only Germany's numbering
    makes a bare run of four to six digits a valid number."""
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(candidate, "DE"))
    except phonenumbers.NumberParseException:
        return False


class AnyRegionPhoneRecognizer(LocalRecognizer):
    def __init__(self) -> None:
        super().__init__(supported_entities=["PHONE_NUMBER", "ID"], name="AnyRegionPhoneRecognizer",
                         supported_language="en",
                         context=["phone", "mobile", "cell", "tel", "call", "fax", "desk", "number"])

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # type: ignore[override]
        results: list[RecognizerResult] = []
        for m in _CANDIDATE.finditer(text):
            candidate = m.group().strip()
            digits = sum(c.isdigit() for c in candidate)
            start = m.start() + (len(m.group()) - len(m.group().lstrip()))
            if _SHORT_RUN.fullmatch(candidate) and _a_german_number(candidate):
                # stock Presidio's PhoneRecognizer tries Germany, whose pager and local ranges take
                # four to six digits ("1688"): whatever it finds, this finds (never below stock), as
                # the number it is far more often in an American report
                results.append(explained_result(self, "ID", start, start + len(candidate), 0.4,
                                                "stock_regions_short"))
                continue
            # one unbroken run is a case or account number far more often than a phone
            if not 7 <= digits <= 15 or re.fullmatch(r"\d+", candidate):
                continue
            if re.fullmatch(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{2}-\d{2}", candidate):
                continue  # a date
            bracketed = candidate.rstrip(")") if "(" not in candidate else candidate
            if bracketed.startswith("(") and bracketed.endswith(")") and bracketed.count("(") == 1:
                bracketed = bracketed[1:-1]  # "(20240718-0233-03)": a number in brackets
            if bracketed.count("(") != bracketed.count(")") or _SPLIT_IN_BRACKETS.search(bracketed):
                continue  # "58 (24-001 through", "2025-06 (3-2)": numbers and a bracket, no phone
            if _ANIMAL_ID.fullmatch(candidate):
                continue  # fifteen digits in threes: an animal's electronic ID ("840 003 218 774 412")
            if _FOURS.fullmatch(candidate) and not all(
                    _CLOCK.fullmatch(g) for g in re.split(r"[- ]", candidate)):
                # a card's number in groups of four ("7310-9921-4403"), whatever region might dial it
                results.append(explained_result(self, "ID", start, m.end(), 0.4, "card_in_fours"))
                continue
            if not _valid_somewhere(candidate):
                # "+41 (0)38 549 02 90": invalid whole, a valid number without its prefix
                start = _valid_tail(text, start, m.end())
                if start is None:
                    continue
            results.append(explained_result(self, "PHONE_NUMBER", start, m.end(), 0.5, "any_region"))
        return results
