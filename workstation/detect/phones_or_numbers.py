"""A phone-shaped number that is a record's ("CAD Inc# 240615-0087", "25-044730") and a
record-shaped number that is a phone ("DSN 346-4471", "cell 907-555-0166"): the words before it
and the shape of its groups decide."""

from __future__ import annotations

import regex as re

from workstation.detect.spans import RawSpan

# A number sign or a record word just before: a phone-shaped number is a record number.
_RECORD_CUE = re.compile(
    r"(?i:#|\bno\.?|\b(?:case|report|rpt|incident|inc|dr|ir|cad|booking|warrant|docket|citation|"
    r"cite|ticket|files?|filings?|cn|(?<!customer[ \t])service[ \t]+(?:number|no\.?|nbr)|evidence|item|"
    r"property|serial|sn|badge|inmate|doc|permit|tag|plate|go|rd|ccn|"
    r"card|event|occurrence|control|complaint|arrest|log|querella|n[uú]mero|caso|expediente|"
    # ... and a delivery's, a trip's or a member's: "tracking 7791 2204 5517", "member 429 005 7718"
    r"tracking|trip|member|membership|parcel|shipment|work[ \t]+order|locate[ \t]+ticket|"
    # ... and a sale's, a recorded paper's, an online ad's, a board's: "transaction 0418-22-7718",
    # "instrument 2024061447", "ad 7719-0044", "motion 2025-06" (not a store's or a post's phone:
    # "the Baker store (208-555-0185)"); a lottery's or an auction's: "retailer 060-4418", "packs
    # 1718-004472 and ...", "lots 301 through 348"
    r"transaction|instrument|ad|listing|motion|meter|pole|retailer|terminal|packs?|lots|bidder|"
    # ... and a job's: "contract 195-2024-117", "job no. 24-0187" ("the number for the job:" is a phone)
    r"contract|job[ \t]+(?:number|no\.?|nbr|\#))[ \t]*#?"
    # ... and paperwork's, with its word for number: "claim number 2291-447", "policy no. 8841-177-02"
    r"|\b(?:claim|policy|invoice|estimate|account|acct|receipt|seizure[ \t]+receipt|clip|decal|fleet|"
    # ... and a carrier's, a driver's or a card's: "USDOT 2210984", "d o t number two two ...", "CDL ...")
    r"usdot|dot|d[ \t]o[ \t]t|mc|cdl|oln|cvor|collision|tip|dbids|twic(?:[ \t]+card)?|gdc)"
    r"(?:[ \t]+(?:number|no\.?|nbr))?[ \t]*#?)"
    # ... said in a sentence: "the job number is 2024-17-011", "contract number was ..." (not "her
    # number in the file is 704-555-0188": the number's word must come right before)
    r"(?:[ \t]+(?:number|no\.?|nbr))?(?:(?<=(?i:number|nbr|no\.?))[ \t]+(?:is|was))?"
    r"[ \t:(*]*$"
)
# a phone as North America writes it: its area code (which _PHONE_SHAPED lets go), then the number
_AREA_CODE = r"\(?\d{3}\)?[ .-]?"
_LOCAL_NUMBER = r"\d{3}[ .-]\d{4}"
# an online ad or listing, and a phone with its area code
_AD_BEFORE = re.compile(r"\b(?i:ad|listing)[ \t:#(]*$")
# a job's number, unless it is a phone as North America writes one ("the number for the job: 541-555-0134")
_JOB_BEFORE = re.compile(r"\b(?i:job)[ \t:#]*$")
_NANP = re.compile(_AREA_CODE + _LOCAL_NUMBER)
# A year first, then a serial: "25-044730", "2025-20-004418" are record numbers, not phones
_YEAR_SERIAL = re.compile(r"(?:[12]\d|(?:19|20)\d\d)-(?:\d{2}-)?\d{4,6}|(?:19|20)\d\d-\d{2,3}-\d{3,6}")
# four or more groups that are no phone number's ("26-2-04418-7"; "1-541-555-0134" and
# "71-33-52-22" are phones)
_MANY_GROUPS = re.compile(r"\d+(?:-\d+){3,}")
_PHONE_GROUPS = re.compile(r"1-\d{3}-\d{3}-\d{4}|\d{2}(?:-\d{2}){3,4}|\d{3}(?:-\d{3}){2,3}")
_PHONE_CUE = re.compile(
    r"(?i:\b(?:phone|ph|tel|cell|call|text|fax|mobile|number|contact|reach)\b\.?"
    r"(?:[ \t]+(?:me|him|her|them|us))?(?:[ \t]+(?:at|on))?)[ \t:#]*$"
)


# the number before in a list: "filings 20241104000318-7 and 20241219000551-2"
_LISTED_AFTER = re.compile(r"(?<![\w-])[\w-]*\d[\w-]*[ \t]*(?:,|\band\b|\bor\b|&)[ \t]*$")


def _record_cue_before(text: str, start: int) -> bool:
    """A record word before the number, or before the numbers listed ahead of it."""
    for _ in range(4):
        if _RECORD_CUE.search(text, max(0, start - 16), start):
            return True
        listed = _LISTED_AFTER.search(text, max(0, start - 40), start)
        if listed is None:
            return False
        start = listed.start()
    return False


# shapes a phone of some region has and a US record has more often, without a phone's word before:
# a serial and its year or check digit ("1482274-24", "0447821-4"), four, two and four digits ("2408-22-0319")
_RECORD_SHAPED = re.compile(r"\d{5,8}-\d{1,2}|\d{4}-\d{2}-\d{4}")
# a log's clock time, then a unit's number: "1732 2412: Rite Aid alarm" (the time is no one's)
_TIME_THEN_UNIT = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d[ \t]+\d{3,4}")
_LINE_START = re.compile(r"(?:^|\n|[.:;][ \t]|\d{4}[ \t]*)[ \t]*$")
# the last or first digits of a number, said with their count: "VIN LAST 8 90318847"
_COUNT_THEN_DIGITS = re.compile(r"\d{1,2}[ \t]+\d{4,10}")
_LAST_OR_FIRST = re.compile(r"\b(?i:last|first)[ \t]+$")


def _shape_not_phone(text: str, span: RawSpan) -> RawSpan | None:
    """A number a phone pattern of another region took: a record's shape, a log's time and unit
    ("1732 2412: Rite Aid alarm"), the last digits of a number after their count ("VIN LAST 8
    90318847")."""
    if _PHONE_CUE.search(text, max(0, span.start - 24), span.start):
        return None
    if _RECORD_SHAPED.fullmatch(text, span.start, span.end):
        return RawSpan(span.start, span.end, "ID", span.score, span.recognizer)
    # (the whole span stays: stock Presidio's phone pattern may find it, and the workstation never
    # finds less than stock Presidio)
    timed = _TIME_THEN_UNIT.fullmatch(text, span.start, span.end)
    counted = _COUNT_THEN_DIGITS.fullmatch(text, span.start, span.end)
    if (timed and _LINE_START.search(text, max(0, span.start - 24), span.start)) or (
            counted and _LAST_OR_FIRST.search(text, max(0, span.start - 8), span.start)):
        return RawSpan(span.start, span.end, "ID", span.score, span.recognizer)
    return None


def number_not_phone(text: str, span: RawSpan) -> RawSpan | None:
    """"CAD Inc# 240615-0087": a record number that looks like a phone number."""
    if span.label != "CONTACT" or "@" in text[span.start:span.end]:
        return None
    if (shaped := _shape_not_phone(text, span)) is not None:
        return shaped
    if _AD_BEFORE.search(text, max(0, span.start - 12), span.start) and _NANP.fullmatch(
            text, span.start, span.end):
        return None  # "the number in the ad 702-555-0187": the ad's phone (its own number has no area code)
    digit = re.search(r"\d", text[span.start:span.end])
    first_digit = span.start + (digit.start() if digit else 0)
    job = _JOB_BEFORE.search(text, max(0, span.start - 8), span.start) and not _NANP.fullmatch(
        text, span.start, span.end)
    if job or _record_cue_before(text, span.start) or _RECORD_CUE.search(text, span.start, first_digit) or (
            _YEAR_SERIAL.fullmatch(text, span.start, span.end)
            and not _PHONE_CUE.search(text, max(0, span.start - 16), span.start)) or (
            # groups no phone has ("24-1-01187-4"): a record's, after "number" too
            _MANY_GROUPS.fullmatch(text, span.start, span.end) and not _PHONE_GROUPS.fullmatch(
                text, span.start, span.end) and not _PHONE_WORD_BEFORE.search(
                text, max(0, span.start - 12), span.start)):
        return RawSpan(span.start, span.end, "ID", span.score, span.recognizer)
    return None


_PHONE_SHAPED = re.compile(rf"(?:{_AREA_CODE})?{_LOCAL_NUMBER}")
_PHONE_WORD_BEFORE = re.compile(r"(?i:\b(?:dsn|phone|ph|tel|cell|fax|mobile|call|text)\b\.?)[ \t:#]*$")


def phone_not_number(text: str, span: RawSpan) -> RawSpan | None:
    """"DSN 346-4471", "cell 907-555-0166": a phone number a record pattern took for an ID."""
    if span.label == "ID" and _PHONE_SHAPED.fullmatch(text, span.start, span.end) and (
            _PHONE_WORD_BEFORE.search(text, max(0, span.start - 12), span.start)):
        return RawSpan(span.start, span.end, "CONTACT", span.score, span.recognizer)
    return None
