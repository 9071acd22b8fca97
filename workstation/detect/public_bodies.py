"""Public bodies and companies told apart by their words, after relabelling (issue 19).

- A state's lottery, a public board, a county's public health are government bodies:
  "Pennsylvania Lottery", "California Horse Racing Board", "Franklin County Public Health" (NER
  and the place heads call them places). A board is public by its state or county, or by what
  it governs ("Racing", "Parole", "Water"); "the Cheese Board" is a shop.
- A department, bureau or office "of" a government's subject stays the agency, though the
  subject is a place's word too: "Ohio Department of Health" (not "the Emergency Department of
  Mercy Hospital", nor "the Leasing Office of Willow Creek Apartments").
- A county written short, its period, then its deputies is the sheriff: "Polk Co. deputies".
- A company is a place however it ends: a trade before "Co.", "Company" or "Service" names a
  business ("Snake River Cattle Co.", "Hurst Auction Service"), not a county or a public service.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.gazetteer import state_codes, state_names_lower
from workstation.detect.recognizers.businesses import NAMED_TRADES, TRADE_HEADS
from workstation.detect.spans import _PLACE_HEADS, RawSpan
from workstation.detect.vocab import AGENCY_SUBJECT_WORDS

_WORD = re.compile(r"[\w'’&-]+")
# the county's force after its short name's period: "Polk Co. deputies", "Linn Cnty. units"
_COUNTY_FORCE_AFTER = re.compile(r"\.[ \t]+(?i:deputies|deputy|units?|officers?|dispatch|sheriff)\b")
# what a public board governs, besides a government's subjects ("Select Board", "Brand Board")
_BOARD_SUBJECTS = AGENCY_SUBJECT_WORDS | frozenset("""racing gaming select brand water education school
    nursing medical medicine pharmacy dental elections election zoning review oversight licensing
    livestock massage therapy cosmetology barber barbering pardons supervisors commissioners
    equalization post adamhs light power housing behavioral mental economic""".split())
_LOTTERY_UNITS = frozenset("security commission office division investigations".split())
_PUBLIC_OWNERS = frozenset("county city state town regional municipal tribal".split())
_FORCES = frozenset("police sheriff sheriff's fire state county city".split())
# an agency's head before "of": "Department of Health", "Office of Housing"
_HEAD_OF = re.compile(r"\b(?i:department|dept\.?|bureau|division|office|agency|commission|board|authority)"
                      r"[ \t]+(?i:of)[ \t]+(?:(?i:the)[ \t]+)?([\w'’-]+)")
# trades whose companies end in "Co." or "Service": "Cattle Co.", "Auction Service", "Trolley Co."
# (not the trades a public service is named for too: "Adult Protective Service")
_TRADES = (frozenset("""auction auctions cattle livestock trolley taxi cab limo limousine bus coach lumber
    oil gas pipe tire tree lawn pest moving storage feed seed grain mining coal cable telephone
    cleaning janitorial glass sign paint title abstract answering delivery shuttle tour tours
    land ice packing fence elevator mill milling""".split()) | frozenset(TRADE_HEADS)) - NAMED_TRADES
_COMPANY_ENDS = frozenset("co company service".split())
# a public service's own words: a city's "Animal Service" stays its agency
_PUBLIC_WORDS = frozenset("""police sheriff fire ems rescue animal emergency county city state public
    national federal municipal tribal secret marshals forest park parks postal probation child adult
    protective""".split())


def public_bodies(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    return [_relabelled(text, s) for s in spans]


def _relabelled(text: str, span: RawSpan) -> RawSpan:
    if span.label not in ("AGENCY", "LOCATION", "PERSON"):
        return span
    fragment = text[span.start:span.end]
    words = [w.lower() for w in _WORD.findall(fragment)]
    if len(words) < 2:
        return span
    label = span.label
    if label == "LOCATION" and words[-1] in ("co", "cnty") and _COUNTY_FORCE_AFTER.match(text, span.end):
        return RawSpan(span.start, span.end + 1, "AGENCY", span.score, span.recognizer)
    if label != "AGENCY" and (_public_body(fragment, words) or (
            label == "LOCATION" and _office_of_a_subject(fragment, words))):
        label = "AGENCY"
    elif label == "AGENCY" and words[-1] in _COMPANY_ENDS and words[-2] in _TRADES and not (
            _PUBLIC_WORDS.intersection(words)):
        label = "LOCATION"
    if label == span.label:
        return span
    return RawSpan(span.start, span.end, label, span.score, span.recognizer)


def _public_body(fragment: str, words: list[str]) -> bool:
    """A lottery, a county's public health, or a board of a state, a county or a public
    subject."""
    if words[-1] == "lottery" or words[-2:] == ["public", "health"] or (
            "lottery" in words[1:-1] and words[-1] in _LOTTERY_UNITS):
        return True  # ("Pennsylvania Lottery Security": the lottery's own investigators)
    if words[-1] != "board":
        return False
    if "fair" in words:
        return False  # "Delaware County Fair Board": the fair's
    first = fragment.split()[0]
    return bool(_BOARD_SUBJECTS.intersection(words[:-1]) or _PUBLIC_OWNERS.intersection(words[:-1])
                or first in state_codes() or words[0] in state_names_lower())


def _office_of_a_subject(fragment: str, words: list[str]) -> bool:
    """"Ohio Department of Health", "Unified Police Department of Greater Salt Lake": a head "of" a
    government's subject, or a police's or a state's head of anything; the name not going on to a
    place's word ("... of Mercy Hospital" is the hospital's)."""
    head = _HEAD_OF.search(fragment)
    if head is None or fragment[:1].isdigit():  # ("1200 Department of ..." is an address's)
        return False
    before = {w.lower() for w in _WORD.findall(fragment[:head.start()])}
    subject = head.group(1).lower()
    if before & _FORCES:
        return True  # (whatever its place: "... of Greater Salt Lake")
    return subject in _BOARD_SUBJECTS and (words[-1] not in _PLACE_HEADS or words[-1] in _BOARD_SUBJECTS)
