"""Agency acronyms next to numbers: whose number it is, and which part is which.

- An agency's acronym before a record number is the agency, then the number: "Case LCSO 25-0387",
  "FCSO 25-11-2917" (17 of the 27 such pairs in the tuning parts are marked so); a container's or a
  trailer's letters are part of the number ("MSCU 448210-3").
- An acronym before a short number names the agency and one of its units or officers: "CHP
  2214", "NHSP 318" are an AGENCY and an ID (a street pattern read them as an address). A year
  or a clock time ("FBI 2019", "DEA ... 0315 hrs") is no number; "NYPD 77 Pct" is a precinct.
- A report word and its number ending an agency's span are the number: "Scottsdale PD DR
  25-19842" is the agency, then an ID.
Runs on merged spans, before labels are checked from context."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.census import is_census_name
from workstation.detect.gazetteer import state_codes
from workstation.detect.grow import is_agency_acronym
from workstation.detect.recognizers.identifiers import ORI_AFTER_STATE
from workstation.detect.spans import RawSpan
from workstation.detect.vocab import REPORT_SHORTHAND

# five digits or more, or groups joined by dashes with five digits or more in all; no phone, no
# span of years ("NYPD 1969-1994": a career)
_NUMBER = (r"(?!\d{3}-\d{3}-\d{4}(?![\w-]))(?!(?:19|20)\d\d-(?:19|20)\d\d(?![\w-]))(?=(?:-?\d){5})"
           r"\d{2,}(?:-\d+){0,2}(?![\w-])")
RECORD_NUMBER = re.compile(_NUMBER)
# a unit's or an officer's number; no year, no clock time ("0315 hrs")
_UNIT_NUMBER = re.compile(r"(?!(?:19|20)\d\d(?![\w-]))\d{3,4}(?![\w-])(?![ \t]*(?i:hrs?|hours)\b)")
_ACRONYM_UNIT = re.compile(r"([A-Z]{2,6})[ \t]{1,2}(\d{1,4})")
_PRECINCT_NEXT = re.compile(r"[ \t]*(?i:pct|precinct|district|dist|sector|zone|troop|division|div)\b")
_ACRONYM = re.compile(r"[A-Z]{3,6}")
_GAP = re.compile(r"[ \t]{1,2}")
_RECORD_TAIL = re.compile(
    r"[ \t]+(?:(?i:dr|case|report|rpt|incident|inc|file|cad|rms|event|no\.?|#)[ \t]*#?[ \t]*)?"
    rf"(?P<n>{_NUMBER})$")
_AGENCY_HEAD_END = re.compile(r"\b(?i:pd|so|sd|police|department|dept\.?|office|patrol|sheriff)$")


def agency_numbers_joined(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    ordered = sorted(spans, key=lambda s: s.start)
    out: list[RawSpan] = []
    dropped: set[int] = set()
    for i, s in enumerate(ordered):
        if i in dropped:
            continue
        parts = (_ori_apart(text, s) or _unit_apart(text, s) or _record_tail_apart(text, s)
                 or _acronym_apart(text, s))
        if parts is None and s.label == "AGENCY":
            parts = _number_after(text, s, ordered[i + 1:], i + 1, dropped)
        out += parts or [s]
    return out


# an agency's ORI (its state's code and seven digits or letters) beside its name, as a
# teletype heads a message: "FROM: NV0020000 WASHOE CO SO"; the code is a number of its own
_ORI_FIRST = re.compile(rf"([A-Z]{{2}}{ORI_AFTER_STATE})[ \t]+(?=\S)")
_ORI_LAST = re.compile(rf"(?<=\S)[ \t]+([A-Z]{{2}}{ORI_AFTER_STATE})$")


def _ori_apart(text: str, s: RawSpan) -> list[RawSpan] | None:
    first = _ORI_FIRST.match(text, s.start, s.end)
    if first is not None and first.group(1)[:2] in state_codes():
        return [RawSpan(s.start, first.end(1), "ID", s.score, s.recognizer),
                RawSpan(first.end(), s.end, s.label, s.score, s.recognizer)]
    last = _ORI_LAST.search(text, s.start, s.end)
    if last is not None and last.group(1)[:2] in state_codes():
        return [RawSpan(s.start, last.start(), s.label, s.score, s.recognizer),
                RawSpan(last.start(1), s.end, "ID", s.score, s.recognizer)]
    return None


# an agency's acronym, a space, then a record number, as one span: "LCSO 25-0387"
# (in capitals, or in lower case as a post types it: "gjpd 25-3318", "lcso 24-00871")
_ACRONYM_THEN_RECORD = re.compile(rf"([A-Z]{{3,6}}|[a-z]{{3,6}})[ \t]{{1,2}}({_NUMBER})")


def _acronym_apart(text: str, s: RawSpan) -> list[RawSpan] | None:
    """"Case LCSO 25-0387" found as one number: the agency, then its record's number (a container's
    or a trailer's letters are no agency: "MSCU 448210-3", "TRL 88214")."""
    m = _ACRONYM_THEN_RECORD.fullmatch(text, s.start, s.end) if s.label == "ID" else None
    letters = m.group(1).upper() if m is not None else ""
    if m is None or not _agency_acronym(letters) or not is_agency_acronym(letters):
        return None
    return [RawSpan(m.start(1), m.end(1), "AGENCY", s.score, s.recognizer),
            RawSpan(m.start(2), m.end(2), "ID", s.score, s.recognizer)]


def _unit_apart(text: str, s: RawSpan) -> list[RawSpan] | None:
    """"CHP 2214" that a street pattern took for an address."""
    unit = _ACRONYM_UNIT.fullmatch(text, s.start, s.end) if s.label == "LOCATION" else None
    if unit is None or not is_agency_acronym(unit.group(1)) or _PRECINCT_NEXT.match(text, s.end):
        return None
    return [RawSpan(s.start, unit.end(1), "AGENCY", s.score, s.recognizer),
            RawSpan(unit.start(2), s.end, "ID", s.score, s.recognizer)]


def _record_tail_apart(text: str, s: RawSpan) -> list[RawSpan] | None:
    """"Scottsdale PD DR 25-19842" as one agency (NER) or one number (merged with it)."""
    tail = _RECORD_TAIL.search(text, s.start, s.end) if s.label in ("AGENCY", "ID") else None
    if tail is None or tail.start() <= s.start or (
            s.label == "ID" and not _AGENCY_HEAD_END.search(text, s.start, tail.start())):
        return None
    return [RawSpan(s.start, tail.start(), "AGENCY", s.score, s.recognizer),
            RawSpan(tail.start("n"), s.end, "ID", s.score, s.recognizer)]


def _number_after(text: str, s: RawSpan, later: Sequence[RawSpan], first_later: int,
                  dropped: set[int]) -> list[RawSpan] | None:
    """The acronym's record number joined to it, or its unit number beside it; the spans
    found over the number (an ID, or a phone pattern's misreading) go into ``dropped``."""
    acronym_end = _first_word_end(text, s)
    if not _agency_acronym(text[s.start:acronym_end]):
        return None
    gap = _GAP.match(text, acronym_end)
    if gap is None:
        return None
    number = RECORD_NUMBER.match(text, gap.end())
    if number is None:
        unit = _UNIT_NUMBER.match(text, gap.end())
        if unit is None or s.end != acronym_end or any(o.start < unit.end() for o in later):
            return None
        return [s, RawSpan(unit.start(), unit.end(), "ID", s.score, s.recognizer)]
    if s.end not in (acronym_end, number.end()):
        return None
    inside = [j for j, o in enumerate(later, first_later) if o.start < number.end()]
    if any(later[j - first_later].end > number.end() for j in inside):
        return None
    dropped.update(inside)
    return [RawSpan(s.start, acronym_end, "AGENCY", s.score, s.recognizer),
            RawSpan(number.start(), number.end(), "ID", max(s.score, 0.8), s.recognizer)]


def _agency_acronym(word: str) -> bool:
    """"TDCJ", "LCSO"; not report shorthand, nor a surname in capitals ("OLSON 701-...")."""
    return (_ACRONYM.fullmatch(word) is not None and word.lower() not in REPORT_SHORTHAND
            and not is_census_name(word))


def _first_word_end(text: str, span: RawSpan) -> int:
    fragment = text[span.start:span.end]
    return span.start + len(fragment.split()[0]) if fragment.split() else span.end
